//! CreateStack, DescribeStacks, DescribeStackEvents and DeleteStack.

use serde::Deserialize;

use super::{validate_stack_name, validate_stack_name_or_id, Stack, StackEvent, CAPABILITIES};
use crate::protocol::query::{self, QueryParams};
use crate::protocol::xml::Members;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Creates a stack from a template body; poll [`DescribeStacks`] until it leaves `CREATE_IN_PROGRESS`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateStack {
    pub stack_name: String,
    /// JSON or YAML, at most 51,200 bytes.
    pub template_body: String,
    /// `(ParameterKey, ParameterValue)` pairs.
    pub parameters: Vec<(String, String)>,
    /// `CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM` or `CAPABILITY_AUTO_EXPAND`.
    pub capabilities: Vec<String>,
    /// `(Key, Value)` pairs, at most 50.
    pub tags: Vec<(String, String)>,
}

/// What CreateStack answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct CreateStackOutput {
    #[serde(default)]
    pub stack_id: String,
}

impl Operation for CreateStack {
    type Output = CreateStackOutput;
    const SERVICE: Service = Service::CloudFormation;
    const NAME: &'static str = "CreateStack";

    fn validate(&self) -> Result<(), Error> {
        validate_stack_name("StackName", &self.stack_name)?;
        validate::length("TemplateBody", &self.template_body, 1, usize::MAX)?;
        if self.template_body.len() > 51_200 {
            return Err(Error::invalid(
                "TemplateBody",
                format!(
                    "must be at most 51200 bytes (it has {}); larger templates go through S3",
                    self.template_body.len()
                ),
            ));
        }
        for (i, (key, _)) in self.parameters.iter().enumerate() {
            validate::length(&format!("Parameters[{i}].ParameterKey"), key, 1, 255)?;
        }
        for c in &self.capabilities {
            validate::one_of("Capabilities", c, &CAPABILITIES)?;
        }
        validate::count("Tags", &self.tags, 0, 50)?;
        for (i, (key, value)) in self.tags.iter().enumerate() {
            validate::length(&format!("Tags[{i}].Key"), key, 1, 128)?;
            validate::length(&format!("Tags[{i}].Value"), value, 1, 256)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("StackName", &self.stack_name)
            .push("TemplateBody", &self.template_body)
            .push_pairs(
                "Parameters",
                "ParameterKey",
                "ParameterValue",
                &self.parameters,
            )
            .push_list("Capabilities", &self.capabilities)
            .push_pairs("Tags", "Key", "Value", &self.tags);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

/// Describes one stack (by name or id) or, with no name, every live stack.
/// An unknown name is a `ValidationError` ("Stack with id X does not exist").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DescribeStacks {
    pub stack_name: Option<String>,
    pub next_token: Option<String>,
}

/// What DescribeStacks answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStacksOutput {
    #[serde(default)]
    pub stacks: Members<Stack>,
    #[serde(default)]
    pub next_token: Option<String>,
}

impl Operation for DescribeStacks {
    type Output = DescribeStacksOutput;
    const SERVICE: Service = Service::CloudFormation;
    const NAME: &'static str = "DescribeStacks";

    fn validate(&self) -> Result<(), Error> {
        if let Some(name) = &self.stack_name {
            validate_stack_name_or_id("StackName", name)?;
        }
        validate::opt_length("NextToken", self.next_token.as_deref(), 1, 1024)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push_opt("StackName", self.stack_name.as_deref())
            .push_opt("NextToken", self.next_token.as_deref());
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

/// A stack's events, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DescribeStackEvents {
    pub stack_name: String,
    pub next_token: Option<String>,
}

/// What DescribeStackEvents answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStackEventsOutput {
    #[serde(default)]
    pub stack_events: Members<StackEvent>,
    #[serde(default)]
    pub next_token: Option<String>,
}

impl Operation for DescribeStackEvents {
    type Output = DescribeStackEventsOutput;
    const SERVICE: Service = Service::CloudFormation;
    const NAME: &'static str = "DescribeStackEvents";

    fn validate(&self) -> Result<(), Error> {
        validate_stack_name_or_id("StackName", &self.stack_name)?;
        validate::opt_length("NextToken", self.next_token.as_deref(), 1, 1024)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("StackName", &self.stack_name)
            .push_opt("NextToken", self.next_token.as_deref());
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        query::parse(&response, Self::NAME)
    }
}

/// Deletes a stack and its resources (a bucket must be empty to go).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeleteStack {
    pub stack_name: String,
}

impl Operation for DeleteStack {
    type Output = ();
    const SERVICE: Service = Service::CloudFormation;
    const NAME: &'static str = "DeleteStack";

    fn validate(&self) -> Result<(), Error> {
        validate_stack_name_or_id("StackName", &self.stack_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let mut p = QueryParams::new();
        p.push("StackName", &self.stack_name);
        Ok(query::request(endpoint, Self::NAME, &p))
    }

    fn parse(&self, response: HttpResponse) -> Result<(), Error> {
        query::parse::<serde::de::IgnoredAny>(&response, Self::NAME).map(|_| ())
    }
}

#[cfg(test)]
#[path = "stack_tests.rs"]
mod tests;
