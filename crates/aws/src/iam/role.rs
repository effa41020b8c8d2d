//! CreateRole, GetRole, DeleteRole and ListRoles.

use serde::Deserialize;

use super::{validate_path, validate_policy_document, validate_role_name, Role};
use crate::protocol::query::{self, QueryParams};
use crate::protocol::xml::Members;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Creates a role with its trust policy (`AssumeRolePolicyDocument`, JSON).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateRole {
    pub role_name: String,
    pub assume_role_policy_document: String,
    /// At most 1,000 characters.
    pub description: Option<String>,
    /// `/` when absent.
    pub path: Option<String>,
    /// `(Key, Value)` pairs, at most 50.
    pub tags: Vec<(String, String)>,
}

/// The role CreateRole made or GetRole found.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct RoleOutput {
    pub role: Role,
}

impl Operation for CreateRole {
    type Output = RoleOutput;
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "CreateRole";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)?;
        validate_policy_document(
            "AssumeRolePolicyDocument",
            &self.assume_role_policy_document,
        )?;
        if let Some(d) = &self.description {
            validate::length("Description", d, 0, 1000)?;
            validate::chars(
                "Description",
                d,
                "tab, newline, carriage return, printable ASCII and U+00A1 to U+00FF",
                |c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{a1}'..='\u{ff}'),
            )?;
        }
        if let Some(p) = &self.path {
            validate_path("Path", p)?;
        }
        super::validate_tags(&self.tags)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push_opt("Path", self.path.as_deref())
            .push("RoleName", &self.role_name)
            .push(
                "AssumeRolePolicyDocument",
                &self.assume_role_policy_document,
            )
            .push_opt("Description", self.description.as_deref())
            .push_pairs("Tags", "Key", "Value", &self.tags);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

/// Reads a role (`NoSuchEntity` when there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetRole {
    pub role_name: String,
}

impl Operation for GetRole {
    type Output = RoleOutput;
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "GetRole";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("RoleName", &self.role_name);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

/// Deletes a role; its inline policies must be deleted first (`DeleteConflict` otherwise).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteRole {
    pub role_name: String,
}

impl Operation for DeleteRole {
    type Output = ();
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "DeleteRole";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("RoleName", &self.role_name);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<(), Error> {
        query::parse::<serde::de::IgnoredAny>(&response, Self::NAME).map(|_| ())
    }
}

/// Lists roles; with a small `max_items` the console uses it as a cheap reachability check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListRoles {
    /// 1 to 1,000.
    pub max_items: Option<u32>,
    pub marker: Option<String>,
    pub path_prefix: Option<String>,
}

/// What ListRoles answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct ListRolesOutput {
    #[serde(default)]
    pub roles: Members<Role>,
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub marker: Option<String>,
}

impl Operation for ListRoles {
    type Output = ListRolesOutput;
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "ListRoles";

    fn validate(&self) -> Result<(), Error> {
        if let Some(n) = self.max_items {
            validate::range("MaxItems", n, 1, 1000)?;
        }
        validate::opt_length("Marker", self.marker.as_deref(), 1, 320)?;
        if let Some(p) = &self.path_prefix {
            validate::length("PathPrefix", p, 1, 512)?;
            if !p.starts_with('/') {
                return Err(Error::invalid("PathPrefix", "must begin with '/'"));
            }
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push_opt("PathPrefix", self.path_prefix.as_deref())
            .push_opt("Marker", self.marker.as_deref())
            .push_opt("MaxItems", self.max_items);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

    #[test]
    fn create_role_is_a_form_post_to_the_global_endpoint() {
        let op = CreateRole {
            role_name: "hoseline-firehose".into(),
            assume_role_policy_document: TRUST.into(),
            description: Some("Firehose delivery".into()),
            path: Some("/hoseline/".into()),
            tags: vec![("hoseline:pipeline".into(), "demo".into())],
        };
        op.validate().expect("valid");
        let r = op.build(&iam()).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "https://iam.amazonaws.com/")
        );
        let body = form(&r);
        assert!(
            body.starts_with("Action=CreateRole&Version=2010-05-08&Path=%2Fhoseline%2F&RoleName=hoseline-firehose&AssumeRolePolicyDocument=%7B%22Version%22"),
            "{body}"
        );
        assert!(
            body.ends_with(
                "&Description=Firehose+delivery&Tags.member.1.Key=hoseline%3Apipeline&Tags.member.1.Value=demo"
            ),
            "{body}"
        );
    }

    #[test]
    fn bad_input_names_the_field() {
        let op = CreateRole {
            role_name: "hoseline firehose".into(),
            assume_role_policy_document: TRUST.into(),
            ..Default::default()
        };
        assert_eq!(
            op.validate().expect_err("refused").field(),
            Some("RoleName")
        );
        let op = CreateRole {
            role_name: "r".into(),
            assume_role_policy_document: "".into(),
            ..Default::default()
        };
        assert_eq!(
            op.validate().expect_err("refused").to_string(),
            "AssumeRolePolicyDocument: is required"
        );
        assert_eq!(
            ListRoles {
                max_items: Some(0),
                ..Default::default()
            }
            .validate()
            .expect_err("refused")
            .to_string(),
            "MaxItems: must be from 1 to 1000 (it is 0)"
        );
    }

    // The CreateRole example from the IAM API reference.
    #[test]
    fn decodes_the_created_role() {
        let body = r#"<CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <CreateRoleResult>
    <Role>
      <Path>/application_abc/component_xyz/</Path>
      <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
      <RoleName>S3Access</RoleName>
      <AssumeRolePolicyDocument>{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}</AssumeRolePolicyDocument>
      <CreateDate>2012-05-08T23:34:01.495Z</CreateDate>
      <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
    </Role>
  </CreateRoleResult>
  <ResponseMetadata>
    <RequestId>4a93ceee-9966-11e1-b624-b1aEXAMPLE7c</RequestId>
  </ResponseMetadata>
</CreateRoleResponse>"#;
        let op = GetRole {
            role_name: "S3Access".into(),
        };
        let out = CreateRole::default()
            .parse(HttpResponse::new(200, body))
            .expect("decodes");
        assert_eq!(out.role.role_name, "S3Access");
        assert_eq!(out.role.role_id, "AROADBQP57FF2AEXAMPLE");
        assert_eq!(
            out.role.arn,
            "arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access"
        );
        assert_eq!(out.role.create_date, "2012-05-08T23:34:01.495Z");
        assert_eq!(out.role.path, "/application_abc/component_xyz/");
        let principal = out.role.trust_policy().expect("json")["Statement"][0]["Principal"].clone();
        assert_eq!(
            principal,
            serde_json::json!({"Service": ["ec2.amazonaws.com"]})
        );
        assert!(form(&op.build(&iam()).expect("builds")).ends_with("&RoleName=S3Access"));
    }

    // The ListRoles example from the IAM API reference (one role kept).
    #[test]
    fn decodes_a_role_list() {
        let body = r#"<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListRolesResult>
    <IsTruncated>false</IsTruncated>
    <Roles>
      <member>
        <Path>/application_abc/component_xyz/</Path>
        <Arn>arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access</Arn>
        <RoleName>S3Access</RoleName>
        <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</AssumeRolePolicyDocument>
        <CreateDate>2012-05-09T15:45:35Z</CreateDate>
        <RoleId>AROACVSVTSZYEXAMPLEYK</RoleId>
      </member>
    </Roles>
  </ListRolesResult>
  <ResponseMetadata>
    <RequestId>20f7279f-99ee-11e1-a4c3-27EXAMPLE804</RequestId>
  </ResponseMetadata>
</ListRolesResponse>"#;
        let op = ListRoles {
            max_items: Some(1),
            ..Default::default()
        };
        assert!(form(&op.build(&iam()).expect("builds")).ends_with("&MaxItems=1"));
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert!(!out.is_truncated);
        assert_eq!(out.roles.items.len(), 1);
        assert_eq!(out.roles.items[0].role_id, "AROACVSVTSZYEXAMPLEYK");
        assert_eq!(
            out.roles.items[0].trust_policy(),
            Some(serde_json::json!({"Version": "2012-10-17"}))
        );
    }

    #[test]
    fn delete_role_has_no_result_element() {
        let body = r#"<DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ResponseMetadata><RequestId>913e3f37-99ed-11e1-a4c3-270EXAMPLE04</RequestId></ResponseMetadata>
</DeleteRoleResponse>"#;
        let op = DeleteRole {
            role_name: "S3Access".into(),
        };
        op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert!(form(&op.build(&iam()).expect("builds")).starts_with("Action=DeleteRole&"));
    }
}
