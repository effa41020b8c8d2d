//! PutBucketCors and GetBucketCors: the rule that lets the console's page reach the bucket.

use serde::Deserialize;

use super::{el, url, validate_bucket_name, xml_request, XMLNS};
use crate::protocol::rest_xml;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// The methods a CORS rule may allow.
const METHODS: [&str; 5] = ["GET", "PUT", "HEAD", "POST", "DELETE"];

/// One CORS rule (`CORSRule`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct CorsRule {
    #[serde(rename = "ID", default)]
    pub id: Option<String>,
    #[serde(rename = "AllowedOrigin", default)]
    pub allowed_origins: Vec<String>,
    #[serde(rename = "AllowedMethod", default)]
    pub allowed_methods: Vec<String>,
    #[serde(rename = "AllowedHeader", default)]
    pub allowed_headers: Vec<String>,
    #[serde(rename = "ExposeHeader", default)]
    pub expose_headers: Vec<String>,
    #[serde(rename = "MaxAgeSeconds", default)]
    pub max_age_seconds: Option<u32>,
}

impl CorsRule {
    fn validate(&self, field: &str) -> Result<(), Error> {
        validate::opt_length(&format!("{field}.ID"), self.id.as_deref(), 1, 255)?;
        validate::count(
            &format!("{field}.AllowedOrigins"),
            &self.allowed_origins,
            1,
            usize::MAX,
        )?;
        validate::count(
            &format!("{field}.AllowedMethods"),
            &self.allowed_methods,
            1,
            METHODS.len(),
        )?;
        for m in &self.allowed_methods {
            validate::one_of(&format!("{field}.AllowedMethods"), m, &METHODS)?;
        }
        for o in &self.allowed_origins {
            if o.matches('*').count() > 1 {
                return Err(Error::invalid(
                    format!("{field}.AllowedOrigins"),
                    format!("may contain at most one '*' wildcard ({o:?})"),
                ));
            }
        }
        Ok(())
    }

    fn to_xml(&self) -> String {
        let mut x = String::from("<CORSRule>");
        if let Some(id) = &self.id {
            x += &el("ID", id);
        }
        let lists = [
            ("AllowedHeader", &self.allowed_headers),
            ("AllowedMethod", &self.allowed_methods),
            ("AllowedOrigin", &self.allowed_origins),
            ("ExposeHeader", &self.expose_headers),
        ];
        for (name, values) in lists {
            for v in values {
                x += &el(name, v);
            }
        }
        if let Some(age) = self.max_age_seconds {
            x += &el("MaxAgeSeconds", &age.to_string());
        }
        x + "</CORSRule>"
    }
}

/// Replaces a bucket's CORS configuration (1 to 100 rules). The body carries `Content-MD5`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PutBucketCors {
    pub bucket: String,
    pub cors_rules: Vec<CorsRule>,
}

impl PutBucketCors {
    /// The `CORSConfiguration` document sent.
    pub fn body(&self) -> String {
        let rules: String = self.cors_rules.iter().map(CorsRule::to_xml).collect();
        format!("<CORSConfiguration xmlns=\"{XMLNS}\">{rules}</CORSConfiguration>")
    }
}

impl Operation for PutBucketCors {
    type Output = ();
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "PutBucketCors";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)?;
        validate::count("CORSRules", &self.cors_rules, 1, 100)?;
        for (i, rule) in self.cors_rules.iter().enumerate() {
            rule.validate(&format!("CORSRules[{i}]"))?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(xml_request(
            "PUT",
            url(endpoint, &self.bucket, None, "cors"),
            self.body(),
        ))
    }

    fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
        Ok(())
    }
}

/// Reads a bucket's CORS rules (`NoSuchCORSConfiguration` when it has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetBucketCors {
    pub bucket: String,
}

/// What GetBucketCors answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct GetBucketCorsOutput {
    #[serde(rename = "CORSRule", default)]
    pub cors_rules: Vec<CorsRule>,
}

impl Operation for GetBucketCors {
    type Output = GetBucketCorsOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "GetBucketCors";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "GET",
            url(endpoint, &self.bucket, None, "cors"),
        ))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_xml::parse(&response, "GetBucketCors response")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn console_rule() -> CorsRule {
        CorsRule {
            id: None,
            allowed_origins: vec!["https://console.example.com".into()],
            allowed_methods: vec!["GET".into(), "PUT".into()],
            allowed_headers: vec!["*".into()],
            expose_headers: vec!["ETag".into()],
            max_age_seconds: Some(3000),
        }
    }

    #[test]
    fn put_sends_the_rules_with_content_md5() {
        let op = PutBucketCors {
            bucket: "backup".into(),
            cors_rules: vec![console_rule()],
        };
        op.validate().expect("valid");
        let r = op.build(&local()).expect("builds");
        assert_eq!(r.method, "PUT");
        assert_eq!(r.url, "http://127.0.0.1:4577/backup?cors");
        let expected = "<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><CORSRule>\
            <AllowedHeader>*</AllowedHeader><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>\
            <AllowedOrigin>https://console.example.com</AllowedOrigin><ExposeHeader>ETag</ExposeHeader>\
            <MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>";
        assert_eq!(body(&r), expected);
        assert_eq!(
            r.get_header("content-md5"),
            Some(crate::s3::content_md5(expected.as_bytes()).as_str())
        );
    }

    #[test]
    fn rules_are_checked() {
        let mut rule = console_rule();
        rule.allowed_methods = vec!["PATCH".into()];
        let op = PutBucketCors {
            bucket: "backup".into(),
            cors_rules: vec![rule],
        };
        assert_eq!(
            op.validate().expect_err("refused").to_string(),
            "CORSRules[0].AllowedMethods: must be one of GET, PUT, HEAD, POST, DELETE (it is \"PATCH\")"
        );
        let op = PutBucketCors {
            bucket: "backup".into(),
            cors_rules: vec![],
        };
        assert_eq!(
            op.validate().expect_err("refused").to_string(),
            "CORSRules: must have 1 to 100 entries (it has 0)"
        );
    }

    // The example response of the GetBucketCors API reference.
    #[test]
    fn get_decodes_the_rules() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
     <CORSRule>
       <AllowedOrigin>http://www.example.com</AllowedOrigin>
       <AllowedMethod>GET</AllowedMethod>
       <MaxAgeSeconds>3000</MaxAgeSeconds>
       <ExposeHeader>x-amz-server-side-encryption</ExposeHeader>
     </CORSRule>
</CORSConfiguration>"#;
        let op = GetBucketCors {
            bucket: "examplebucket".into(),
        };
        assert_eq!(
            op.build(&aws("us-east-1")).expect("builds").url,
            "https://examplebucket.s3.us-east-1.amazonaws.com/?cors"
        );
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert_eq!(
            out.cors_rules,
            vec![CorsRule {
                id: None,
                allowed_origins: vec!["http://www.example.com".into()],
                allowed_methods: vec!["GET".into()],
                allowed_headers: vec![],
                expose_headers: vec!["x-amz-server-side-encryption".into()],
                max_age_seconds: Some(3000),
            }]
        );
    }
}
