//! ListObjectsV2: a bucket's keys, a page at a time.
//!
//! Requests ask for `encoding-type=url`, as botocore does by default: an XML document cannot carry
//! every character a key may hold (control characters; a carriage return reads back as a line
//! feed), so S3 answers the names form-encoded and the names are decoded here (botocore's
//! `decode_list_object_v2`: Key, CommonPrefixes' Prefix, Prefix, Delimiter, StartAfter).

use serde::Deserialize;

use super::{url, validate_bucket_name};
use crate::protocol::{decode_form_component, encode_query, rest_xml, xml};
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Lists up to 1,000 objects a page; pass `next_continuation_token` back as `continuation_token`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListObjectsV2 {
    pub bucket: String,
    pub prefix: Option<String>,
    pub continuation_token: Option<String>,
    /// 1 to 1,000 (S3's default and maximum is 1,000).
    pub max_keys: Option<u32>,
    pub delimiter: Option<String>,
    /// List the keys after this one.
    pub start_after: Option<String>,
}

/// One listed object (`Contents`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct Object {
    pub key: String,
    #[serde(default)]
    pub size: u64,
    /// ISO 8601, as S3 sent it.
    #[serde(default)]
    pub last_modified: Option<String>,
    /// Quoted, as S3 sends it (`"9b2cf535f27731c974343645a3985328"`).
    #[serde(rename = "ETag", default)]
    pub etag: Option<String>,
    #[serde(default)]
    pub storage_class: Option<String>,
}

/// A key prefix rolled up by the delimiter.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct CommonPrefix {
    pub prefix: String,
}

/// What ListObjectsV2 answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct ListObjectsV2Output {
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub contents: Vec<Object>,
    #[serde(default)]
    pub next_continuation_token: Option<String>,
    #[serde(default)]
    pub common_prefixes: Vec<CommonPrefix>,
    #[serde(default)]
    pub key_count: Option<u32>,
    #[serde(default)]
    pub name: Option<String>,
    /// The request's prefix, delimiter and start key, as S3 echoes them.
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub delimiter: Option<String>,
    #[serde(default)]
    pub start_after: Option<String>,
}

const WHAT: &str = "ListObjectsV2 response";

impl ListObjectsV2Output {
    /// Decodes the names S3 URL-encoded. Err: the reason, when a name is not UTF-8 once decoded.
    fn decode_names(&mut self) -> Result<(), String> {
        let decode = |name: &mut String| match decode_form_component(name) {
            Some(decoded) => {
                *name = decoded;
                Ok(())
            }
            None => Err(format!("the URL-encoded name {name:?} is not UTF-8")),
        };
        for object in &mut self.contents {
            decode(&mut object.key)?;
        }
        for common in &mut self.common_prefixes {
            decode(&mut common.prefix)?;
        }
        for name in [&mut self.prefix, &mut self.delimiter, &mut self.start_after]
            .into_iter()
            .flatten()
        {
            decode(name)?;
        }
        Ok(())
    }
}

impl Operation for ListObjectsV2 {
    type Output = ListObjectsV2Output;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "ListObjectsV2";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        if let Some(n) = self.max_keys {
            validate::range("MaxKeys", n, 1, 1000)?;
        }
        validate::opt_length(
            "ContinuationToken",
            self.continuation_token.as_deref(),
            1,
            usize::MAX,
        )
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut q = vec![("list-type".to_owned(), "2".to_owned())];
        let optional = [
            ("continuation-token", self.continuation_token.clone()),
            ("delimiter", self.delimiter.clone()),
            ("encoding-type", Some("url".to_owned())),
            ("max-keys", self.max_keys.map(|n| n.to_string())),
            ("prefix", self.prefix.clone()),
            ("start-after", self.start_after.clone()),
        ];
        q.extend(
            optional
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))),
        );
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, None, &encode_query(&q)),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let mut out: ListObjectsV2Output = rest_xml::parse(&response, WHAT)?;
        // Decoded only when S3 says it encoded (a server that ignores encoding-type sends the
        // names as they are, and `%` in a key is then literal).
        let text = String::from_utf8_lossy(&response.body);
        let encoding = xml::first_texts(&text, &["EncodingType"]).pop().flatten();
        if encoding.as_deref().map(str::trim) == Some("url") {
            out.decode_names().map_err(|reason| {
                Error::decode(
                    WHAT,
                    reason,
                    response.status,
                    &response.body,
                    response.request_id(),
                )
            })?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    // With encoding-type=url, S3 answers Key, Prefix, Delimiter and StartAfter form-encoded
    // (`+` for a space); botocore decodes them with unquote_plus.
    #[test]
    fn url_encoded_names_are_decoded() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>backup</Name>
  <Prefix>logs%2F</Prefix>
  <StartAfter>logs%2Fa+b.json</StartAfter>
  <KeyCount>3</KeyCount>
  <MaxKeys>1000</MaxKeys>
  <Delimiter>%2F</Delimiter>
  <EncodingType>url</EncodingType>
  <IsTruncated>false</IsTruncated>
  <Contents><Key>logs%2Fctl%01cr%0Dkey.json</Key><Size>1</Size></Contents>
  <Contents><Key>logs%2F100%25+%2B+%C3%A9t%C3%A9.json</Key><Size>2</Size></Contents>
  <CommonPrefixes><Prefix>logs%2Fsub+dir%2F</Prefix></CommonPrefixes>
</ListBucketResult>"#;
        let op = ListObjectsV2 {
            bucket: "backup".into(),
            ..Default::default()
        };
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        let keys: Vec<&str> = out.contents.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["logs/ctl\u{1}cr\rkey.json", "logs/100% + été.json"]);
        assert_eq!(out.common_prefixes[0].prefix, "logs/sub dir/");
        assert_eq!(out.prefix.as_deref(), Some("logs/"));
        assert_eq!(out.delimiter.as_deref(), Some("/"));
        assert_eq!(out.start_after.as_deref(), Some("logs/a b.json"));

        // A server that ignored encoding-type (no EncodingType) answered the names as they are.
        let literal = body
            .replace("<EncodingType>url</EncodingType>", "")
            .replace("logs%2Fctl%01cr%0Dkey.json", "100%25.json");
        let out = op.parse(HttpResponse::new(200, literal)).expect("decodes");
        assert_eq!(out.contents[0].key, "100%25.json");

        // Bytes that are not UTF-8 once decoded are a decode error, not a wrong key.
        let broken = body.replace("%C3%A9t", "%C3t");
        let e = op
            .parse(HttpResponse::new(200, broken))
            .expect_err("refused");
        assert_eq!(e.code(), "DecodeError", "{e}");
    }

    #[test]
    fn list_puts_its_parameters_in_the_query() {
        let op = ListObjectsV2 {
            bucket: "backup".into(),
            prefix: Some("http-endpoint-failed/2026/".into()),
            continuation_token: Some("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=".into()),
            max_keys: Some(1),
            delimiter: Some("/".into()),
            start_after: Some("http-endpoint-failed/2026/01/".into()),
        };
        op.validate().expect("valid");
        let r = op.build(&local()).expect("builds");
        assert_eq!(r.method, "GET");
        assert_eq!(
            r.url,
            "http://127.0.0.1:4577/backup?list-type=2\
             &continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D\
             &delimiter=%2F&encoding-type=url&max-keys=1&prefix=http-endpoint-failed%2F2026%2F\
             &start-after=http-endpoint-failed%2F2026%2F01%2F"
        );
        // botocore's default: S3 URL-encodes the names it answers with, so that a key holding a
        // character XML cannot carry (a control character, a carriage return) still comes back.
        let plain = ListObjectsV2 {
            bucket: "backup".into(),
            ..Default::default()
        };
        assert_eq!(
            plain.build(&local()).expect("builds").url,
            "http://127.0.0.1:4577/backup?list-type=2&encoding-type=url"
        );
        let bad = ListObjectsV2 {
            max_keys: Some(1001),
            ..op
        };
        assert_eq!(
            bad.validate().expect_err("refused").to_string(),
            "MaxKeys: must be from 1 to 1000 (it is 1001)"
        );
    }

    // The ListObjectsV2 API reference's examples (a truncated page, then prefixes rolled up).
    #[test]
    fn list_decodes_contents_tokens_and_prefixes() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    <Name>bucket</Name>
    <Prefix/>
    <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
    <KeyCount>2</KeyCount>
    <MaxKeys>2</MaxKeys>
    <IsTruncated>true</IsTruncated>
    <Contents>
        <Key>happyface.jpg</Key>
        <LastModified>2014-11-21T19:40:05.000Z</LastModified>
        <ETag>&quot;70ee1738b6b21e2c8a43f3a5ab0eee71&quot;</ETag>
        <Size>11</Size>
        <StorageClass>STANDARD</StorageClass>
    </Contents>
    <Contents>
        <Key>happyface.jpg</Key>
        <LastModified>2014-11-21T19:40:05.000Z</LastModified>
        <ETag>&quot;70ee1738b6b21e2c8a43f3a5ab0eee71&quot;</ETag>
        <Size>1111</Size>
        <StorageClass>STANDARD</StorageClass>
    </Contents>
</ListBucketResult>"#;
        let op = ListObjectsV2 {
            bucket: "bucket".into(),
            ..Default::default()
        };
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert!(out.is_truncated);
        assert_eq!(out.key_count, Some(2));
        assert_eq!(
            out.next_continuation_token.as_deref(),
            Some("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
        );
        assert_eq!(out.contents.len(), 2);
        assert_eq!(out.contents[0].key, "happyface.jpg");
        assert_eq!(out.contents[1].size, 1111);
        assert_eq!(
            out.contents[0].etag.as_deref(),
            Some("\"70ee1738b6b21e2c8a43f3a5ab0eee71\"")
        );
        assert_eq!(
            out.contents[0].last_modified.as_deref(),
            Some("2014-11-21T19:40:05.000Z")
        );

        let body = r#"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>example-bucket</Name>
  <Prefix>photos/2006/</Prefix>
  <KeyCount>2</KeyCount>
  <MaxKeys>1000</MaxKeys>
  <Delimiter>/</Delimiter>
  <IsTruncated>false</IsTruncated>
  <CommonPrefixes>
    <Prefix>photos/2006/February/</Prefix>
  </CommonPrefixes>
  <CommonPrefixes>
    <Prefix>photos/2006/January/</Prefix>
  </CommonPrefixes>
</ListBucketResult>"#;
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert!(!out.is_truncated && out.contents.is_empty());
        assert_eq!(
            out.common_prefixes,
            vec![
                CommonPrefix {
                    prefix: "photos/2006/February/".into()
                },
                CommonPrefix {
                    prefix: "photos/2006/January/".into()
                }
            ]
        );
    }
}
