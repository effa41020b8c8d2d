//! Amazon S3 (restXml): the backup bucket Firehose writes failed records to.
//!
//! Bucket names are checked against S3's naming rules before any request is sent. Requests go
//! path-style (`base/bucket/key`) to a custom endpoint, virtual-hosted
//! (`https://bucket.s3.region.amazonaws.com/key`) to AWS when the name is a DNS label without
//! dots, and path-style otherwise. Bodies that S3 requires it for carry `Content-MD5`.

mod bucket;
mod cors;
mod delete_objects;
mod lifecycle;
mod list_objects;
mod objects;
mod tagging;

pub use bucket::{CreateBucket, CreateBucketOutput, DeleteBucket};
pub use cors::{CorsRule, GetBucketCors, GetBucketCorsOutput, PutBucketCors};
pub use delete_objects::{DeleteError, DeleteObjects, DeleteObjectsOutput, DeletedObject};
pub use lifecycle::{
    GetBucketLifecycleConfiguration, GetBucketLifecycleConfigurationOutput, LifecycleRule,
    PutBucketLifecycleConfiguration,
};
pub use list_objects::{CommonPrefix, ListObjectsV2, ListObjectsV2Output, Object};
pub use objects::{GetObject, GetObjectOutput, PutObject, PutObjectOutput};
pub use tagging::{
    GetBucketLocation, GetBucketLocationOutput, GetBucketTagging, GetBucketTaggingOutput,
    PutBucketTagging, Tag,
};

use base64::Engine as _;
use md5::{Digest, Md5};

use crate::{validate, Error, ResolvedEndpoint};

/// The namespace S3 request bodies are written in.
pub(crate) const XMLNS: &str = "http://s3.amazonaws.com/doc/2006-03-01/";

/// Checks a bucket name against S3's general-purpose bucket naming rules.
pub fn validate_bucket_name(field: &str, name: &str) -> Result<(), Error> {
    validate::length(field, name, 3, 63)?;
    validate::chars(field, name, "lowercase letters, digits, '.' and '-'", |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'
    })?;
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !edge(name.chars().next()) || !edge(name.chars().last()) {
        return Err(Error::invalid(
            field,
            "must start and end with a lowercase letter or a digit",
        ));
    }
    if name.contains("..") {
        return Err(Error::invalid(
            field,
            "must not contain two adjacent periods",
        ));
    }
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return Err(Error::invalid(
            field,
            "must not be formatted as an IP address",
        ));
    }
    for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] {
        if name.starts_with(prefix) {
            return Err(Error::invalid(
                field,
                format!("must not start with {prefix:?}"),
            ));
        }
    }
    for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3"] {
        if name.ends_with(suffix) {
            return Err(Error::invalid(
                field,
                format!("must not end with {suffix:?}"),
            ));
        }
    }
    Ok(())
}

/// Checks an object key: 1 to 1,024 bytes of UTF-8.
pub fn validate_key(field: &str, key: &str) -> Result<(), Error> {
    if key.is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    if key.len() > 1024 {
        return Err(Error::invalid(
            field,
            format!("must be at most 1024 bytes of UTF-8 (it has {})", key.len()),
        ));
    }
    Ok(())
}

/// Can the bucket be a host name label (`bucket.s3.region.amazonaws.com`)?
fn virtual_hostable(bucket: &str) -> bool {
    !bucket.is_empty()
        && bucket.len() <= 63
        && bucket
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !bucket.starts_with('-')
        && !bucket.ends_with('-')
}

/// The URL of a bucket (`key` None) or an object, with an optional query string (no `?`).
pub fn url(endpoint: &ResolvedEndpoint, bucket: &str, key: Option<&str>, query: &str) -> String {
    let key_path = key
        .map(|k| format!("/{}", crate::protocol::encode_path(k)))
        .unwrap_or_default();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if !endpoint.path_style && virtual_hostable(bucket) {
        if let Some((scheme, host)) = endpoint.base_url.split_once("://") {
            let path = if key_path.is_empty() { "/" } else { &key_path };
            return format!("{scheme}://{bucket}.{host}{path}{query}");
        }
    }
    let bucket = crate::protocol::encode_component(bucket);
    endpoint.url(&format!("/{bucket}{key_path}{query}"))
}

/// An XML document sent to a bucket's subresource (PUT `?cors`, PUT `?lifecycle`, POST
/// `?delete`): S3 requires `Content-MD5` on these.
pub(crate) fn xml_request(method: &'static str, url: String, body: String) -> crate::HttpRequest {
    crate::HttpRequest::new(method, url)
        .header("content-type", "application/xml")
        .header("content-md5", content_md5(body.as_bytes()))
        .body(body)
}

/// `Content-MD5`: the base64 of the body's MD5 digest.
pub fn content_md5(body: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(body))
}

/// Escapes text for an XML element. A carriage return and a line feed become character
/// references too: a parser reads a raw `\r` or `\r\n` as `\n` (XML's end-of-line handling), so
/// a key holding one would name another key (S3's "XML related object key constraints").
pub(crate) fn esc(text: &str) -> String {
    let escaped = quick_xml::escape::escape(text);
    if escaped.contains(['\r', '\n']) {
        escaped.replace('\r', "&#13;").replace('\n', "&#10;")
    } else {
        escaped.into_owned()
    }
}

/// `<Name>text</Name>`, escaped.
pub(crate) fn el(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", esc(text))
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Endpoint, Region, ResolvedEndpoint, Service};

    pub(crate) fn aws(region: &str) -> ResolvedEndpoint {
        Endpoint::Aws.resolve(Service::S3, &Region::new(region).expect("region"))
    }

    pub(crate) fn local() -> ResolvedEndpoint {
        Endpoint::parse("http://127.0.0.1:4577")
            .expect("endpoint")
            .resolve(Service::S3, &Region::new("us-east-1").expect("region"))
    }

    pub(crate) fn body(r: &crate::HttpRequest) -> String {
        String::from_utf8(r.body.clone()).expect("utf8 body")
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn bucket_names_follow_the_naming_rules() {
        for good in ["abc", "my-bucket.backup", "hoseline-123", &"a".repeat(63)] {
            assert!(validate_bucket_name("Bucket", good).is_ok(), "{good}");
        }
        let cases = [
            ("ab", "must be 3 to 63 characters long (it has 2)"),
            (
                "My-Bucket",
                "may contain only lowercase letters, digits, '.' and '-' ('M' is not allowed)",
            ),
            (
                "my_bucket",
                "may contain only lowercase letters, digits, '.' and '-' ('_' is not allowed)",
            ),
            (
                "-bucket",
                "must start and end with a lowercase letter or a digit",
            ),
            (
                "bucket.",
                "must start and end with a lowercase letter or a digit",
            ),
            ("my..bucket", "must not contain two adjacent periods"),
            ("192.168.5.4", "must not be formatted as an IP address"),
            ("xn--bucket", "must not start with \"xn--\""),
            ("sthree-bucket", "must not start with \"sthree-\""),
            (
                "amzn-s3-demo-bucket",
                "must not start with \"amzn-s3-demo-\"",
            ),
            ("bucket-s3alias", "must not end with \"-s3alias\""),
            ("bucket--ol-s3", "must not end with \"--ol-s3\""),
            ("bucket.mrap", "must not end with \".mrap\""),
            ("bucket--x-s3", "must not end with \"--x-s3\""),
        ];
        for (bad, rule) in cases {
            let e = validate_bucket_name("Bucket", bad).expect_err("refused");
            assert_eq!(e.to_string(), format!("Bucket: {rule}"), "{bad}");
        }
        assert_eq!(
            validate_bucket_name("Bucket", &"a".repeat(64))
                .expect_err("refused")
                .to_string(),
            "Bucket: must be 3 to 63 characters long (it has 64)"
        );
    }

    #[test]
    fn keys_are_one_to_1024_bytes() {
        assert!(validate_key("Key", "a/b.json").is_ok());
        assert_eq!(
            validate_key("Key", "").expect_err("refused").to_string(),
            "Key: is required"
        );
        assert!(validate_key("Key", &"é".repeat(513)).is_err());
    }

    #[test]
    fn addressing_is_virtual_hosted_on_aws_and_path_style_locally() {
        let aws = aws("eu-west-1");
        assert_eq!(
            url(&aws, "backup", Some("2026/11/26/a b.json"), ""),
            "https://backup.s3.eu-west-1.amazonaws.com/2026/11/26/a%20b.json"
        );
        assert_eq!(
            url(&aws, "backup", None, "cors"),
            "https://backup.s3.eu-west-1.amazonaws.com/?cors"
        );
        // A name with dots does not match the wildcard certificate: path-style.
        assert_eq!(
            url(&aws, "my.backup", Some("k"), ""),
            "https://s3.eu-west-1.amazonaws.com/my.backup/k"
        );
        let local = local();
        assert_eq!(
            url(&local, "backup", None, "cors"),
            "http://127.0.0.1:4577/backup?cors"
        );
        assert_eq!(
            url(&local, "backup", Some("x+y"), ""),
            "http://127.0.0.1:4577/backup/x%2By"
        );
    }

    // The example from RFC 1864 / the S3 Content-MD5 documentation.
    #[test]
    fn content_md5_is_base64_of_the_digest() {
        assert_eq!(content_md5(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
        assert_eq!(content_md5(b"hello"), "XUFAKrxLKna5cZ2REBfFkg==");
    }
}
