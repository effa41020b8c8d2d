//! DeleteObjects: up to 1,000 keys in one request.

use serde::Deserialize;

use super::{el, url, validate_bucket_name, validate_key, xml_request, XMLNS};
use crate::protocol::rest_xml;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Deletes 1 to 1,000 objects. The body carries `Content-MD5` (S3 requires it here).
/// With `quiet`, S3 reports only the keys it failed to delete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteObjects {
    pub bucket: String,
    pub keys: Vec<String>,
    pub quiet: bool,
}

/// A key S3 deleted (`Deleted`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct DeletedObject {
    pub key: String,
    #[serde(default)]
    pub version_id: Option<String>,
    #[serde(default)]
    pub delete_marker: Option<bool>,
}

/// A key S3 could not delete (`Error`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteError {
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

/// What DeleteObjects answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct DeleteObjectsOutput {
    #[serde(rename = "Deleted", default)]
    pub deleted: Vec<DeletedObject>,
    #[serde(rename = "Error", default)]
    pub errors: Vec<DeleteError>,
}

impl DeleteObjects {
    /// The `Delete` document sent.
    pub fn body(&self) -> String {
        let objects: String = self
            .keys
            .iter()
            .map(|k| format!("<Object>{}</Object>", el("Key", k)))
            .collect();
        let quiet = if self.quiet {
            "<Quiet>true</Quiet>"
        } else {
            ""
        };
        format!("<Delete xmlns=\"{XMLNS}\">{objects}{quiet}</Delete>")
    }
}

impl Operation for DeleteObjects {
    type Output = DeleteObjectsOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "DeleteObjects";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate::count("Objects", &self.keys, 1, 1000)?;
        for (i, key) in self.keys.iter().enumerate() {
            validate_key(&format!("Objects[{i}].Key"), key)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(xml_request(
            "POST",
            url(endpoint, &self.bucket, None, "delete"),
            self.body(),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(DeleteObjectsOutput::default());
        }
        rest_xml::parse(&response, "DeleteObjects response")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn the_request_lists_the_keys_with_content_md5() {
        let op = DeleteObjects {
            bucket: "backup".into(),
            keys: vec!["a.json".into(), "b&c.json".into()],
            quiet: true,
        };
        op.validate().expect("valid");
        let r = op.build(&local()).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "http://127.0.0.1:4577/backup?delete")
        );
        let expected = "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
            <Object><Key>a.json</Key></Object><Object><Key>b&amp;c.json</Key></Object>\
            <Quiet>true</Quiet></Delete>";
        assert_eq!(body(&r), expected);
        assert_eq!(
            r.get_header("content-md5"),
            Some(crate::s3::content_md5(expected.as_bytes()).as_str())
        );
        // A raw carriage return would be read back as a line feed: another key.
        let crlf = DeleteObjects {
            bucket: "backup".into(),
            keys: vec!["a\rb\r\nc.json".into()],
            quiet: false,
        };
        assert_eq!(
            body(&crlf.build(&local()).expect("builds")),
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
             <Object><Key>a&#13;b&#13;&#10;c.json</Key></Object></Delete>"
        );
        let none = DeleteObjects {
            bucket: "backup".into(),
            ..Default::default()
        };
        assert_eq!(
            none.validate().expect_err("refused").to_string(),
            "Objects: must have 1 to 1000 entries (it has 0)"
        );
    }

    // The DeleteObjects API reference example: one key deleted, one refused.
    #[test]
    fn decodes_deleted_and_errors() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted>
    <Key>sample1.txt</Key>
  </Deleted>
  <Error>
    <Key>sample2.txt</Key>
    <Code>AccessDenied</Code>
    <Message>Access Denied</Message>
  </Error>
</DeleteResult>"#;
        let op = DeleteObjects {
            bucket: "bucketname".into(),
            keys: vec!["sample1.txt".into(), "sample2.txt".into()],
            quiet: false,
        };
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert_eq!(out.deleted.len(), 1);
        assert_eq!(out.deleted[0].key, "sample1.txt");
        assert_eq!(
            out.errors,
            vec![DeleteError {
                key: "sample2.txt".into(),
                code: "AccessDenied".into(),
                message: "Access Denied".into()
            }]
        );
        // Partial failures come in the order of the keys, deleted and refused ones interleaved.
        let mixed = r#"<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted><Key>a.json</Key></Deleted>
  <Error><Key>b.json</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>
  <Deleted><Key>c.json</Key><VersionId>v1</VersionId><DeleteMarker>true</DeleteMarker></Deleted>
  <Error><Key>d.json</Key><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>
  <Deleted><Key>e.json</Key></Deleted>
</DeleteResult>"#;
        let out = op.parse(HttpResponse::new(200, mixed)).expect("decodes");
        let deleted: Vec<&str> = out.deleted.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(deleted, ["a.json", "c.json", "e.json"]);
        assert_eq!(out.deleted[1].version_id.as_deref(), Some("v1"));
        assert_eq!(out.deleted[1].delete_marker, Some(true));
        let refused: Vec<(&str, &str)> = out
            .errors
            .iter()
            .map(|e| (e.key.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            refused,
            [("b.json", "AccessDenied"), ("d.json", "InternalError")]
        );

        let quiet = op
            .parse(HttpResponse::new(
                200,
                "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>",
            ))
            .expect("decodes");
        assert!(quiet.deleted.is_empty() && quiet.errors.is_empty());
    }
}
