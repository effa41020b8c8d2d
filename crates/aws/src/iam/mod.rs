//! AWS IAM (awsQuery; global: one endpoint per partition, `iam.amazonaws.com` signed for
//! us-east-1 in the commercial one, see [`crate::Partition`]): the roles Firehose and the bridge
//! Lambda assume, and the policy documents they carry ([`policies`]).

pub mod policies;
mod policy;
mod role;
mod tags;

pub use policy::{DeleteRolePolicy, PutRolePolicy};
pub use role::{CreateRole, DeleteRole, GetRole, ListRoles, ListRolesOutput, RoleOutput};
pub use tags::{ListRoleTags, ListRoleTagsOutput, Tag};

pub(crate) use tags::validate_tags;

use percent_encoding::percent_decode_str;
use serde::Deserialize;

use crate::{validate, Error};

/// An IAM role as IAM describes it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct Role {
    #[serde(default)]
    pub path: String,
    pub role_name: String,
    #[serde(default)]
    pub role_id: String,
    pub arn: String,
    /// ISO 8601, as IAM sent it.
    #[serde(default)]
    pub create_date: String,
    /// URL-encoded JSON, as IAM sends it: see [`Role::trust_policy`].
    #[serde(default)]
    pub assume_role_policy_document: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub max_session_duration: Option<u32>,
}

impl Role {
    /// The trust policy, URL-decoded and parsed (IAM returns it percent-encoded).
    pub fn trust_policy(&self) -> Option<serde_json::Value> {
        let raw = self.assume_role_policy_document.as_deref()?;
        let decoded = percent_decode_str(raw).decode_utf8().ok()?;
        serde_json::from_str(&decoded).ok()
    }
}

/// `[\w+=,.@-]`: the characters of role and policy names.
fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '=' | ',' | '.' | '@' | '-')
}

/// RoleName: 1 to 64 characters of letters, digits and `_+=,.@-`.
pub fn validate_role_name(field: &str, name: &str) -> Result<(), Error> {
    validate::length(field, name, 1, 64)?;
    validate::chars(field, name, "letters, digits and _+=,.@-", name_char)
}

/// PolicyName: 1 to 128 characters of letters, digits and `_+=,.@-`.
pub fn validate_policy_name(field: &str, name: &str) -> Result<(), Error> {
    validate::length(field, name, 1, 128)?;
    validate::chars(field, name, "letters, digits and _+=,.@-", name_char)
}

/// A policy document: 1 to 131,072 characters of tab, newline, carriage return and U+0020 to
/// U+00FF, and a JSON object.
pub fn validate_policy_document(field: &str, doc: &str) -> Result<(), Error> {
    validate::length(field, doc, 1, 131_072)?;
    validate::chars(
        field,
        doc,
        "tab, newline, carriage return and characters U+0020 to U+00FF",
        |c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}'),
    )?;
    match serde_json::from_str::<serde_json::Value>(doc) {
        Ok(v) if v.is_object() => Ok(()),
        Ok(_) => Err(Error::invalid(field, "must be a JSON object")),
        Err(e) => Err(Error::invalid(field, format!("must be JSON ({e})"))),
    }
}

/// A path: `/` or `/a/b/`, 1 to 512 characters U+0021 to U+007E.
pub fn validate_path(field: &str, path: &str) -> Result<(), Error> {
    validate::length(field, path, 1, 512)?;
    validate::chars(field, path, "printable ASCII without spaces", |c| {
        ('\u{21}'..='\u{7e}').contains(&c)
    })?;
    if !path.starts_with('/') || !path.ends_with('/') {
        return Err(Error::invalid(field, "must begin and end with '/'"));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Endpoint, Region, ResolvedEndpoint, Service};

    pub(crate) fn iam() -> ResolvedEndpoint {
        Endpoint::Aws.resolve(Service::Iam, &Region::new("eu-west-1").expect("region"))
    }

    pub(crate) fn form(r: &crate::HttpRequest) -> String {
        String::from_utf8(r.body.clone()).expect("utf8 body")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_model() {
        assert!(validate_role_name("RoleName", "hoseline-firehose_role+=,.@").is_ok());
        assert_eq!(
            validate_role_name("RoleName", "my role")
                .expect_err("refused")
                .to_string(),
            "RoleName: may contain only letters, digits and _+=,.@- (' ' is not allowed)"
        );
        assert_eq!(
            validate_role_name("RoleName", &"r".repeat(65))
                .expect_err("refused")
                .to_string(),
            "RoleName: must be 1 to 64 characters long (it has 65)"
        );
        assert_eq!(
            validate_role_name("RoleName", "")
                .expect_err("refused")
                .to_string(),
            "RoleName: is required"
        );
        assert!(validate_policy_name("PolicyName", &"p".repeat(128)).is_ok());
        assert!(validate_policy_name("PolicyName", "a/b").is_err());
    }

    #[test]
    fn documents_and_paths_are_checked() {
        assert!(validate_policy_document("PolicyDocument", r#"{"Version":"2012-10-17"}"#).is_ok());
        let e = validate_policy_document("PolicyDocument", "{nope").expect_err("refused");
        assert!(
            e.to_string().starts_with("PolicyDocument: must be JSON"),
            "{e}"
        );
        let e = validate_policy_document("PolicyDocument", "[1]").expect_err("refused");
        assert_eq!(e.to_string(), "PolicyDocument: must be a JSON object");
        assert!(validate_policy_document("PolicyDocument", "{\"a\":\"\u{2603}\"}").is_err());
        assert!(validate_path("Path", "/").is_ok());
        assert!(validate_path("Path", "/hoseline/").is_ok());
        assert_eq!(
            validate_path("Path", "hoseline")
                .expect_err("refused")
                .to_string(),
            "Path: must begin and end with '/'"
        );
    }

    #[test]
    fn the_trust_policy_is_url_decoded() {
        let role = Role {
            assume_role_policy_document: Some(
                "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D".into(),
            ),
            ..Default::default()
        };
        assert_eq!(
            role.trust_policy(),
            Some(serde_json::json!({"Version": "2012-10-17", "Statement": []}))
        );
    }
}
