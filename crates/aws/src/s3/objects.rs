//! GetObject and PutObject.

use super::{url, validate_bucket_name, validate_key};
use crate::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Reads an object whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetObject {
    pub bucket: String,
    pub key: String,
}

/// The object's bytes and what its headers said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetObjectOutput {
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    /// `Content-Length`, or the body's length when the header is missing.
    pub content_length: u64,
    pub last_modified: Option<String>,
}

impl Operation for GetObject {
    type Output = GetObjectOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "GetObject";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate_key("Key", &self.key)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, Some(&self.key), ""),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let header = |n: &str| response.header(n).map(str::to_owned);
        let content_length = response
            .header("content-length")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(response.body.len() as u64);
        Ok(GetObjectOutput {
            content_type: header("content-type"),
            etag: header("etag"),
            last_modified: header("last-modified"),
            content_length,
            body: response.body,
        })
    }
}

/// Writes an object in one request.
#[derive(Clone, PartialEq, Eq)]
pub struct PutObject {
    pub bucket: String,
    pub key: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
}

impl std::fmt::Debug for PutObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PutObject")
            .field("bucket", &self.bucket)
            .field("key", &self.key)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// What PutObject answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutObjectOutput {
    pub etag: Option<String>,
    pub version_id: Option<String>,
}

impl Operation for PutObject {
    type Output = PutObjectOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "PutObject";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate_key("Key", &self.key)?;
        // A single PUT takes at most 5 GiB.
        if self.body.len() as u64 > 5 * 1024 * 1024 * 1024 {
            return Err(Error::invalid(
                "Body",
                "must be at most 5 GiB in one PutObject",
            ));
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut r = HttpRequest::new("PUT", url(endpoint, &self.bucket, Some(&self.key), ""))
            .body(self.body.clone());
        if let Some(ct) = &self.content_type {
            r = r.header("content-type", ct.clone());
        }
        Ok(r)
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        Ok(PutObjectOutput {
            etag: response.header("etag").map(str::to_owned),
            version_id: response.header("x-amz-version-id").map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn get_reads_the_body_and_headers() {
        let op = GetObject {
            bucket: "backup".into(),
            key: "2026/11/26/a b+c.json".into(),
        };
        let r = op.build(&aws("us-east-1")).expect("builds");
        assert_eq!(
            r.url,
            "https://backup.s3.us-east-1.amazonaws.com/2026/11/26/a%20b%2Bc.json"
        );
        let resp = HttpResponse::new(200, "{\"a\":1}")
            .with_header("Content-Type", "application/json")
            .with_header("ETag", "\"fba9dede5f27731c9771645a39863328\"")
            .with_header("Content-Length", "7")
            .with_header("Last-Modified", "Wed, 12 Oct 2009 17:50:00 GMT");
        let out = op.parse(resp).expect("parses");
        assert_eq!(out.body, b"{\"a\":1}");
        assert_eq!(out.content_type.as_deref(), Some("application/json"));
        assert_eq!(
            out.etag.as_deref(),
            Some("\"fba9dede5f27731c9771645a39863328\"")
        );
        assert_eq!(out.content_length, 7);
        assert_eq!(
            validate_key("Key", "").expect_err("refused").field(),
            Some("Key")
        );
    }

    #[test]
    fn put_sends_the_body_and_content_type() {
        let op = PutObject {
            bucket: "backup".into(),
            key: "k.json".into(),
            body: b"{}".to_vec(),
            content_type: Some("application/json".into()),
        };
        let r = op.build(&local()).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            ("PUT", "http://127.0.0.1:4577/backup/k.json")
        );
        assert_eq!(r.body, b"{}");
        assert_eq!(r.get_header("content-type"), Some("application/json"));
        assert!(format!("{op:?}").contains("2 bytes"));
        let out = op
            .parse(
                HttpResponse::new(200, "")
                    .with_header("ETag", "\"99914b932bd37a50b983c5e7c90ae93b\""),
            )
            .expect("parses");
        assert_eq!(
            out.etag.as_deref(),
            Some("\"99914b932bd37a50b983c5e7c90ae93b\"")
        );
    }
}
