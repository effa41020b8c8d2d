//! PutBucketTagging and GetBucketTagging: the tag that says which pipeline made a bucket, and
//! GetBucketLocation: the region a bucket lives in.

use serde::Deserialize;

use super::{el, url, validate_bucket_name, xml_request, XMLNS};
use crate::protocol::rest_xml;
use crate::tag::tag_value;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// One bucket tag.
pub use crate::tag::Tag;

/// Replaces a bucket's tags (at most 50). The body carries `Content-MD5`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PutBucketTagging {
    pub bucket: String,
    pub tags: Vec<Tag>,
}

impl PutBucketTagging {
    /// The `Tagging` document sent.
    pub fn body(&self) -> String {
        let tags: String = self
            .tags
            .iter()
            .map(|t| format!("<Tag>{}{}</Tag>", el("Key", &t.key), el("Value", &t.value)))
            .collect();
        format!("<Tagging xmlns=\"{XMLNS}\"><TagSet>{tags}</TagSet></Tagging>")
    }
}

impl Operation for PutBucketTagging {
    type Output = ();
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "PutBucketTagging";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate::count("TagSet", &self.tags, 1, 50)?;
        for (i, t) in self.tags.iter().enumerate() {
            validate::length(&format!("TagSet[{i}].Key"), &t.key, 1, 128)?;
            validate::length(&format!("TagSet[{i}].Value"), &t.value, 0, 256)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(xml_request(
            "PUT",
            url(endpoint, &self.bucket, None, "tagging"),
            self.body(),
        ))
    }

    fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
        Ok(())
    }
}

/// Reads a bucket's tags (`NoSuchTagSet` when it has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetBucketTagging {
    pub bucket: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
struct TagSet {
    #[serde(rename = "Tag", default)]
    tags: Vec<Tag>,
}

#[derive(Deserialize)]
struct Tagging {
    #[serde(rename = "TagSet", default)]
    tag_set: TagSet,
}

/// What GetBucketTagging answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetBucketTaggingOutput {
    pub tags: Vec<Tag>,
}

impl GetBucketTaggingOutput {
    /// The value of the tag named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        tag_value(&self.tags, key)
    }
}

impl Operation for GetBucketTagging {
    type Output = GetBucketTaggingOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "GetBucketTagging";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, None, "tagging"),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let t: Tagging = rest_xml::parse(&response, "GetBucketTagging response")?;
        Ok(GetBucketTaggingOutput {
            tags: t.tag_set.tags,
        })
    }
}

/// Reads the region a bucket was made in (`NoSuchBucket` when there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetBucketLocation {
    pub bucket: String,
}

/// What GetBucketLocation answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetBucketLocationOutput {
    /// As S3 sent it: empty for us-east-1, `EU` for the oldest eu-west-1 buckets.
    pub location_constraint: String,
}

impl GetBucketLocationOutput {
    /// The region code (`us-east-1` for an empty constraint, `eu-west-1` for `EU`).
    pub fn region(&self) -> &str {
        match self.location_constraint.as_str() {
            "" => "us-east-1",
            "EU" => "eu-west-1",
            other => other,
        }
    }
}

impl Operation for GetBucketLocation {
    type Output = GetBucketLocationOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "GetBucketLocation";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, None, "location"),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        // `<LocationConstraint xmlns="...">eu-west-1</LocationConstraint>`, or an empty element.
        let text = response.body_text();
        if !crate::protocol::xml::looks_like_xml(&text) {
            return Err(Error::decode(
                "GetBucketLocation response",
                "expected an XML document",
                response.status,
                &response.body,
                response.request_id(),
            ));
        }
        let found = crate::protocol::xml::first_texts(&text, &["LocationConstraint"]);
        Ok(GetBucketLocationOutput {
            location_constraint: found
                .into_iter()
                .next()
                .flatten()
                .unwrap_or_default()
                .trim()
                .to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    // The PutBucketTagging request example of the S3 API reference.
    #[test]
    fn put_sends_the_tag_set_with_content_md5() {
        let op = PutBucketTagging {
            bucket: "examplebucket".into(),
            tags: vec![
                Tag::new("Key1", "Value1"),
                Tag::new("hoseline:pipeline", "a&b"),
            ],
        };
        op.validate().expect("valid");
        let r = op.build(&aws("us-east-1")).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "PUT",
                "https://examplebucket.s3.us-east-1.amazonaws.com/?tagging"
            )
        );
        let expected = "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>\
            <Tag><Key>Key1</Key><Value>Value1</Value></Tag>\
            <Tag><Key>hoseline:pipeline</Key><Value>a&amp;b</Value></Tag></TagSet></Tagging>";
        assert_eq!(body(&r), expected);
        assert_eq!(
            r.get_header("content-md5"),
            Some(crate::s3::content_md5(expected.as_bytes()).as_str())
        );
        let none = PutBucketTagging {
            bucket: "examplebucket".into(),
            tags: vec![],
        };
        assert_eq!(
            none.validate().expect_err("refused").to_string(),
            "TagSet: must have 1 to 50 entries (it has 0)"
        );
    }

    // The GetBucketTagging response example of the S3 API reference.
    #[test]
    fn get_decodes_the_tags() {
        let op = GetBucketTagging {
            bucket: "examplebucket".into(),
        };
        assert_eq!(
            op.build(&local()).expect("builds").url,
            "http://127.0.0.1:4577/examplebucket?tagging"
        );
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <TagSet>
     <Tag><Key>Project</Key><Value>Project One</Value></Tag>
     <Tag><Key>User</Key><Value>jsmith</Value></Tag>
  </TagSet>
</Tagging>"#;
        let out = op.parse(HttpResponse::new(200, xml)).expect("decodes");
        assert_eq!(out.tags.len(), 2);
        assert_eq!(out.get("Project"), Some("Project One"));
        assert_eq!(out.get("hoseline:pipeline"), None);
    }

    // GetBucketLocation answers: a region, us-east-1's empty constraint, the legacy `EU`.
    #[test]
    fn location_reads_the_region() {
        let op = GetBucketLocation {
            bucket: "examplebucket".into(),
        };
        assert_eq!(
            op.build(&aws("eu-west-1")).expect("builds").url,
            "https://examplebucket.s3.eu-west-1.amazonaws.com/?location"
        );
        let cases = [
            (
                r#"<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-2</LocationConstraint>"#,
                "eu-west-2",
            ),
            (
                r#"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"#,
                "us-east-1",
            ),
            (
                r#"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">EU</LocationConstraint>"#,
                "eu-west-1",
            ),
        ];
        for (xml, region) in cases {
            let out = op.parse(HttpResponse::new(200, xml)).expect("decodes");
            assert_eq!(out.region(), region, "{xml}");
        }
        let e = op
            .parse(HttpResponse::new(200, "<html>hi</html>"))
            .expect_err("refused");
        assert_eq!(e.code(), "DecodeError");
    }
}
