//! AWS CloudFormation (awsQuery): the stack that makes the backup bucket (with its CORS rule)
//! from the page, since S3 itself refuses a browser's CreateBucket.

mod stack;

/// A stack tag (CloudFormation copies the stack's tags onto the resources that take them).
pub use crate::tag::Tag;
pub use stack::{
    CreateStack, CreateStackOutput, DeleteStack, DescribeStackEvents, DescribeStackEventsOutput,
    DescribeStacks, DescribeStacksOutput,
};

use serde::Deserialize;

use crate::protocol::xml::Members;
use crate::tag::tag_value;
use crate::{validate, Error};

/// The capabilities a template with IAM resources must acknowledge.
pub const CAPABILITIES: [&str; 3] = [
    "CAPABILITY_IAM",
    "CAPABILITY_NAMED_IAM",
    "CAPABILITY_AUTO_EXPAND",
];

/// A stack as DescribeStacks describes it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct Stack {
    #[serde(default)]
    pub stack_id: Option<String>,
    pub stack_name: String,
    /// `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `ROLLBACK_COMPLETE`...
    pub stack_status: String,
    #[serde(default)]
    pub stack_status_reason: Option<String>,
    #[serde(default)]
    pub creation_time: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub outputs: Members<StackOutput>,
    #[serde(default)]
    pub tags: Members<Tag>,
}

impl Stack {
    /// The value of the output named `key`.
    pub fn output(&self, key: &str) -> Option<&str> {
        self.outputs
            .items
            .iter()
            .find(|o| o.output_key == key)
            .map(|o| o.output_value.as_str())
    }

    /// The value of the stack tag named `key`.
    pub fn tag(&self, key: &str) -> Option<&str> {
        tag_value(&self.tags.items, key)
    }

    /// Still working (`..._IN_PROGRESS`): poll again.
    pub fn in_progress(&self) -> bool {
        self.stack_status.ends_with("_IN_PROGRESS")
    }

    /// Created or updated as asked.
    pub fn succeeded(&self) -> bool {
        matches!(
            self.stack_status.as_str(),
            "CREATE_COMPLETE" | "UPDATE_COMPLETE" | "IMPORT_COMPLETE"
        )
    }
}

/// One stack output.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct StackOutput {
    #[serde(default)]
    pub output_key: String,
    #[serde(default)]
    pub output_value: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub export_name: Option<String>,
}

/// One stack event.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct StackEvent {
    #[serde(default)]
    pub event_id: String,
    #[serde(default)]
    pub stack_name: String,
    #[serde(default)]
    pub logical_resource_id: Option<String>,
    #[serde(default)]
    pub physical_resource_id: Option<String>,
    #[serde(default)]
    pub resource_type: Option<String>,
    #[serde(default)]
    pub timestamp: String,
    #[serde(default)]
    pub resource_status: Option<String>,
    #[serde(default)]
    pub resource_status_reason: Option<String>,
}

/// A stack name: 1 to 128 letters, digits and hyphens, starting with a letter.
pub fn validate_stack_name(field: &str, name: &str) -> Result<(), Error> {
    validate::length(field, name, 1, 128)?;
    validate::chars(field, name, "letters, digits and '-'", |c| {
        c.is_ascii_alphanumeric() || c == '-'
    })?;
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(Error::invalid(field, "must start with a letter"));
    }
    Ok(())
}

/// A stack name, or a stack id (its ARN), which DescribeStacks and DeleteStack also take.
pub fn validate_stack_name_or_id(field: &str, value: &str) -> Result<(), Error> {
    if value.starts_with("arn:") {
        validate::arn(field, value)
    } else {
        validate_stack_name(field, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_names_follow_the_rules() {
        assert!(validate_stack_name("StackName", "hoseline-backup-1").is_ok());
        assert_eq!(
            validate_stack_name("StackName", "1stack")
                .expect_err("refused")
                .to_string(),
            "StackName: must start with a letter"
        );
        assert_eq!(
            validate_stack_name("StackName", "my_stack")
                .expect_err("refused")
                .to_string(),
            "StackName: may contain only letters, digits and '-' ('_' is not allowed)"
        );
        assert!(validate_stack_name("StackName", &"s".repeat(129)).is_err());
        assert!(validate_stack_name_or_id(
            "StackName",
            "arn:aws:cloudformation:us-east-1:123456789012:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83"
        )
        .is_ok());
    }

    #[test]
    fn status_helpers() {
        let mut s = Stack {
            stack_status: "CREATE_IN_PROGRESS".into(),
            ..Default::default()
        };
        assert!(s.in_progress() && !s.succeeded());
        s.stack_status = "CREATE_COMPLETE".into();
        assert!(!s.in_progress() && s.succeeded());
        s.stack_status = "ROLLBACK_COMPLETE".into();
        assert!(!s.in_progress() && !s.succeeded());
    }
}
