//! PutRolePolicy and DeleteRolePolicy: a role's inline policies.

use super::{validate_policy_document, validate_policy_name, validate_role_name};
use crate::protocol::query::{self, QueryParams};
use crate::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Adds or replaces an inline policy (`PolicyDocument`, JSON) on a role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PutRolePolicy {
    pub role_name: String,
    pub policy_name: String,
    pub policy_document: String,
}

impl Operation for PutRolePolicy {
    type Output = ();
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "PutRolePolicy";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)?;
        validate_policy_name("PolicyName", &self.policy_name)?;
        validate_policy_document("PolicyDocument", &self.policy_document)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("RoleName", &self.role_name)
            .push("PolicyName", &self.policy_name)
            .push("PolicyDocument", &self.policy_document);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<(), Error> {
        query::parse::<serde::de::IgnoredAny>(&response, Self::NAME).map(|_| ())
    }
}

/// Deletes an inline policy from a role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteRolePolicy {
    pub role_name: String,
    pub policy_name: String,
}

impl Operation for DeleteRolePolicy {
    type Output = ();
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "DeleteRolePolicy";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)?;
        validate_policy_name("PolicyName", &self.policy_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("RoleName", &self.role_name)
            .push("PolicyName", &self.policy_name);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<(), Error> {
        query::parse::<serde::de::IgnoredAny>(&response, Self::NAME).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    // The PutRolePolicy request and response examples from the IAM API reference.
    #[test]
    fn put_role_policy_round_trip() {
        let op = PutRolePolicy {
            role_name: "S3Access".into(),
            policy_name: "S3AccessPolicy".into(),
            policy_document: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#.into(),
        };
        op.validate().expect("valid");
        let body = form(&op.build(&iam()).expect("builds"));
        assert_eq!(
            body,
            "Action=PutRolePolicy&Version=2010-05-08&RoleName=S3Access&PolicyName=S3AccessPolicy\
             &PolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22\
             %2C%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%7D"
        );
        let resp = r#"<PutRolePolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ResponseMetadata><RequestId>7e7cd8bc-99ef-11e1-a4c3-27EXAMPLE804</RequestId></ResponseMetadata>
</PutRolePolicyResponse>"#;
        op.parse(HttpResponse::new(200, resp)).expect("decodes");
    }

    #[test]
    fn delete_role_policy_names_both() {
        let op = DeleteRolePolicy {
            role_name: "S3Access".into(),
            policy_name: "bad name".into(),
        };
        assert_eq!(
            op.validate().expect_err("refused").field(),
            Some("PolicyName")
        );
        let op = DeleteRolePolicy {
            policy_name: "S3AccessPolicy".into(),
            ..op
        };
        assert_eq!(
            form(&op.build(&iam()).expect("builds")),
            "Action=DeleteRolePolicy&Version=2010-05-08&RoleName=S3Access&PolicyName=S3AccessPolicy"
        );
        let e = op.parse(HttpResponse::new(200, "{}")).expect_err("refused");
        assert_eq!(e.code(), "DecodeError");
    }
}
