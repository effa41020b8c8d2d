//! PutBucketLifecycleConfiguration and GetBucketLifecycleConfiguration: expiring old backups
//! and aborting forgotten multipart uploads.

use serde::Deserialize;

use super::{el, url, validate_bucket_name, xml_request, XMLNS};
use crate::protocol::rest_xml;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// One lifecycle rule, filtered by key prefix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LifecycleRule {
    /// At most 255 characters.
    pub id: Option<String>,
    /// `Filter/Prefix` (read from `Filter/And/Prefix` too); empty applies the rule to the whole
    /// bucket.
    pub prefix: String,
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// `Expiration/Days`: delete objects this many days after creation.
    pub expiration_days: Option<u32>,
    /// `AbortIncompleteMultipartUpload/DaysAfterInitiation`.
    pub abort_incomplete_multipart_upload_days: Option<u32>,
}

impl LifecycleRule {
    fn validate(&self, field: &str) -> Result<(), Error> {
        validate::opt_length(&format!("{field}.ID"), self.id.as_deref(), 1, 255)?;
        validate::one_of(
            &format!("{field}.Status"),
            &self.status,
            &["Enabled", "Disabled"],
        )?;
        if let Some(days) = self.expiration_days {
            validate::range(&format!("{field}.Expiration.Days"), days, 1, u32::MAX)?;
        }
        if let Some(days) = self.abort_incomplete_multipart_upload_days {
            validate::range(
                &format!("{field}.AbortIncompleteMultipartUpload.DaysAfterInitiation"),
                days,
                1,
                u32::MAX,
            )?;
        }
        if self.expiration_days.is_none() && self.abort_incomplete_multipart_upload_days.is_none() {
            return Err(Error::invalid(
                field,
                "needs at least one action (Expiration or AbortIncompleteMultipartUpload)",
            ));
        }
        Ok(())
    }

    fn to_xml(&self) -> String {
        let mut x = String::from("<Rule>");
        if let Some(id) = &self.id {
            x += &el("ID", id);
        }
        x += &format!("<Filter>{}</Filter>", el("Prefix", &self.prefix));
        x += &el("Status", &self.status);
        if let Some(days) = self.expiration_days {
            x += &format!("<Expiration>{}</Expiration>", el("Days", &days.to_string()));
        }
        if let Some(days) = self.abort_incomplete_multipart_upload_days {
            x += &format!(
                "<AbortIncompleteMultipartUpload>{}</AbortIncompleteMultipartUpload>",
                el("DaysAfterInitiation", &days.to_string())
            );
        }
        x + "</Rule>"
    }
}

/// Replaces a bucket's lifecycle rules (1 to 1,000). The body carries `Content-MD5`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PutBucketLifecycleConfiguration {
    pub bucket: String,
    pub rules: Vec<LifecycleRule>,
}

impl PutBucketLifecycleConfiguration {
    /// The `LifecycleConfiguration` document sent.
    pub fn body(&self) -> String {
        let rules: String = self.rules.iter().map(LifecycleRule::to_xml).collect();
        format!("<LifecycleConfiguration xmlns=\"{XMLNS}\">{rules}</LifecycleConfiguration>")
    }
}

impl Operation for PutBucketLifecycleConfiguration {
    type Output = ();
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "PutBucketLifecycleConfiguration";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate::count("Rules", &self.rules, 1, 1000)?;
        for (i, rule) in self.rules.iter().enumerate() {
            rule.validate(&format!("Rules[{i}]"))?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(xml_request(
            "PUT",
            url(endpoint, &self.bucket, None, "lifecycle"),
            self.body(),
        ))
    }

    fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
        Ok(())
    }
}

/// Reads a bucket's lifecycle rules (`NoSuchLifecycleConfiguration` when it has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetBucketLifecycleConfiguration {
    pub bucket: String,
}

/// What GetBucketLifecycleConfiguration answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetBucketLifecycleConfigurationOutput {
    pub rules: Vec<LifecycleRule>,
}

#[derive(Deserialize)]
struct WireConfig {
    #[serde(rename = "Rule", default)]
    rules: Vec<WireRule>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WireRule {
    #[serde(rename = "ID", default)]
    id: Option<String>,
    #[serde(default)]
    filter: Option<WireFilter>,
    /// The deprecated rule-level prefix.
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    expiration: Option<WireExpiration>,
    #[serde(default)]
    abort_incomplete_multipart_upload: Option<WireAbort>,
}

/// `Filter`: a prefix alone, or in `And` with tags or sizes (which [`LifecycleRule`] does not
/// model: the prefix is read, the rest left out).
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WireFilter {
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    and: Option<WireAnd>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WireAnd {
    #[serde(default)]
    prefix: Option<String>,
}

impl WireFilter {
    fn prefix(self) -> Option<String> {
        self.prefix.or(self.and.and_then(|a| a.prefix))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WireExpiration {
    #[serde(default)]
    days: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct WireAbort {
    #[serde(default)]
    days_after_initiation: Option<u32>,
}

impl Operation for GetBucketLifecycleConfiguration {
    type Output = GetBucketLifecycleConfigurationOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "GetBucketLifecycleConfiguration";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, None, "lifecycle"),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let wire: WireConfig =
            rest_xml::parse(&response, "GetBucketLifecycleConfiguration response")?;
        let rules = wire
            .rules
            .into_iter()
            .map(|r| LifecycleRule {
                id: r.id,
                prefix: r
                    .filter
                    .and_then(WireFilter::prefix)
                    .or(r.prefix)
                    .unwrap_or_default(),
                status: r.status,
                expiration_days: r.expiration.and_then(|e| e.days),
                abort_incomplete_multipart_upload_days: r
                    .abort_incomplete_multipart_upload
                    .and_then(|a| a.days_after_initiation),
            })
            .collect();
        Ok(GetBucketLifecycleConfigurationOutput { rules })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn rule() -> LifecycleRule {
        LifecycleRule {
            id: Some("expire-failed".into()),
            prefix: "http-endpoint-failed/".into(),
            status: "Enabled".into(),
            expiration_days: Some(30),
            abort_incomplete_multipart_upload_days: Some(7),
        }
    }

    #[test]
    fn put_sends_the_rules_with_content_md5() {
        let op = PutBucketLifecycleConfiguration {
            bucket: "backup".into(),
            rules: vec![rule()],
        };
        op.validate().expect("valid");
        let r = op.build(&aws("us-east-1")).expect("builds");
        assert_eq!(
            r.url,
            "https://backup.s3.us-east-1.amazonaws.com/?lifecycle"
        );
        let expected = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>\
            <ID>expire-failed</ID><Filter><Prefix>http-endpoint-failed/</Prefix></Filter><Status>Enabled</Status>\
            <Expiration><Days>30</Days></Expiration>\
            <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>\
            </Rule></LifecycleConfiguration>";
        assert_eq!(body(&r), expected);
        assert_eq!(
            r.get_header("content-md5"),
            Some(crate::s3::content_md5(expected.as_bytes()).as_str())
        );
    }

    // A rule that filters by a prefix and tags puts the prefix in Filter/And (the S3 user guide's
    // lifecycle examples; "Specifying a filter using key prefixes, object tags, or both").
    #[test]
    fn get_reads_the_prefix_inside_and() {
        let body = r#"<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Rule>
    <ID>and</ID>
    <Filter>
      <And>
        <Prefix>tax/</Prefix>
        <Tag><Key>key1</Key><Value>value1</Value></Tag>
        <Tag><Key>key2</Key><Value>value2</Value></Tag>
      </And>
    </Filter>
    <Status>Enabled</Status>
    <Expiration><Days>365</Days></Expiration>
  </Rule>
  <Rule>
    <ID>legacy</ID>
    <Prefix>old/</Prefix>
    <Status>Disabled</Status>
    <Expiration><Days>30</Days></Expiration>
  </Rule>
  <Rule>
    <ID>everything</ID>
    <Filter></Filter>
    <Status>Enabled</Status>
    <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>
  </Rule>
</LifecycleConfiguration>"#;
        let op = GetBucketLifecycleConfiguration {
            bucket: "examplebucket".into(),
        };
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        let prefixes: Vec<(&str, &str)> = out
            .rules
            .iter()
            .map(|r| (r.id.as_deref().unwrap_or_default(), r.prefix.as_str()))
            .collect();
        assert_eq!(
            prefixes,
            [("and", "tax/"), ("legacy", "old/"), ("everything", "")]
        );
        assert_eq!(out.rules[0].expiration_days, Some(365));
    }

    #[test]
    fn rules_are_checked() {
        let mut bad = rule();
        bad.status = "On".into();
        let op = PutBucketLifecycleConfiguration {
            bucket: "backup".into(),
            rules: vec![bad],
        };
        assert_eq!(
            op.validate().expect_err("refused").to_string(),
            "Rules[0].Status: must be one of Enabled, Disabled (it is \"On\")"
        );
        let mut bad = rule();
        bad.expiration_days = Some(0);
        let op = PutBucketLifecycleConfiguration {
            bucket: "backup".into(),
            rules: vec![bad],
        };
        assert_eq!(
            op.validate().expect_err("refused").field(),
            Some("Rules[0].Expiration.Days")
        );
        let mut bad = rule();
        bad.expiration_days = None;
        bad.abort_incomplete_multipart_upload_days = None;
        let op = PutBucketLifecycleConfiguration {
            bucket: "backup".into(),
            rules: vec![bad],
        };
        assert!(op
            .validate()
            .expect_err("refused")
            .to_string()
            .contains("at least one action"));
    }

    // Shaped like the GetBucketLifecycleConfiguration API reference example.
    #[test]
    fn get_decodes_the_rules() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Rule>
    <ID>Archive and then delete rule</ID>
    <Filter>
       <Prefix>projectdocs/</Prefix>
    </Filter>
    <Status>Enabled</Status>
    <Expiration>
      <Days>3650</Days>
    </Expiration>
    <AbortIncompleteMultipartUpload>
      <DaysAfterInitiation>7</DaysAfterInitiation>
    </AbortIncompleteMultipartUpload>
  </Rule>
</LifecycleConfiguration>"#;
        let op = GetBucketLifecycleConfiguration {
            bucket: "examplebucket".into(),
        };
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert_eq!(
            out.rules,
            vec![LifecycleRule {
                id: Some("Archive and then delete rule".into()),
                prefix: "projectdocs/".into(),
                status: "Enabled".into(),
                expiration_days: Some(3650),
                abort_incomplete_multipart_upload_days: Some(7),
            }]
        );
    }
}
