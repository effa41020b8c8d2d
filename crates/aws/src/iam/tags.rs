//! ListRoleTags: the tags on a role, which say which pipeline made it.

use serde::Deserialize;

use super::validate_role_name;
use crate::protocol::query::{self, QueryParams};
use crate::protocol::xml::Members;
use crate::tag::tag_value;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// One IAM tag.
pub use crate::tag::Tag;

/// At most 50 tags; keys 1 to 128 characters, values up to 256.
pub(crate) fn validate_tags(tags: &[(String, String)]) -> Result<(), Error> {
    validate::count("Tags", tags, 0, 50)?;
    for (i, (key, value)) in tags.iter().enumerate() {
        validate::length(&format!("Tags[{i}].Key"), key, 1, 128)?;
        validate::length(&format!("Tags[{i}].Value"), value, 0, 256)?;
    }
    Ok(())
}

/// Lists a role's tags (`NoSuchEntity` when there is no such role).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRoleTags {
    pub role_name: String,
    pub marker: Option<String>,
    /// 1 to 1,000.
    pub max_items: Option<u32>,
}

impl ListRoleTags {
    pub fn new(role_name: impl Into<String>) -> Self {
        Self {
            role_name: role_name.into(),
            marker: None,
            max_items: None,
        }
    }
}

/// What ListRoleTags answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct ListRoleTagsOutput {
    #[serde(default)]
    pub tags: Members<Tag>,
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub marker: Option<String>,
}

impl ListRoleTagsOutput {
    /// The value of the tag named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        tag_value(&self.tags.items, key)
    }
}

impl Operation for ListRoleTags {
    type Output = ListRoleTagsOutput;
    const SERVICE: Service = Service::Iam;
    const NAME: &'static str = "ListRoleTags";

    fn validate(&self) -> Result<(), Error> {
        validate_role_name("RoleName", &self.role_name)?;
        validate::opt_length("Marker", self.marker.as_deref(), 1, 320)?;
        if let Some(n) = self.max_items {
            validate::range("MaxItems", n, 1, 1000)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("RoleName", &self.role_name)
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

    // The ListRoleTags example of the IAM API reference.
    #[test]
    fn lists_the_tags_of_a_role() {
        let op = ListRoleTags::new("taggedrole1");
        op.validate().expect("valid");
        assert_eq!(
            form(&op.build(&iam()).expect("builds")),
            "Action=ListRoleTags&Version=2010-05-08&RoleName=taggedrole1"
        );
        let body = r#"<ListRoleTagsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListRoleTagsResult>
    <IsTruncated>false</IsTruncated>
    <Tags>
      <member><Key>Dept</Key><Value>Accounting</Value></member>
      <member><Key>Cost Center</Key><Value>12345</Value></member>
    </Tags>
  </ListRoleTagsResult>
  <ResponseMetadata><RequestId>EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE</RequestId></ResponseMetadata>
</ListRoleTagsResponse>"#;
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert!(!out.is_truncated);
        assert_eq!(out.get("Cost Center"), Some("12345"));
        assert_eq!(out.get("hoseline:pipeline"), None);
    }

    #[test]
    fn tags_are_checked() {
        assert!(validate_tags(&[("hoseline:pipeline".into(), "demo".into())]).is_ok());
        assert_eq!(
            validate_tags(&[(String::new(), "v".into())])
                .expect_err("refused")
                .to_string(),
            "Tags[0].Key: is required"
        );
        let many: Vec<(String, String)> =
            (0..51).map(|i| (format!("k{i}"), String::new())).collect();
        assert!(validate_tags(&many).is_err());
    }
}
