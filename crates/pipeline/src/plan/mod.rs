//! The plan: the ordered AWS calls that make a spec real, each with a one-line reason. A plan is
//! data: it is shown before anything runs (each call's request body and its AWS CLI equivalent,
//! [`Step::show`], [`Step::cli`]), exported as a shell script ([`cli_script`]), and run by
//! [`crate::engine`], which re-plans with the [`Facts`] it learns (the account id, the roles'
//! ARNs, the function URL) so later calls carry them.
//!
//! Where each resource is made (issue 7):
//! - on the local emulator, everything by its own API: the bucket (tags, CORS, lifecycle), the
//!   table (TTL, point-in-time recovery, auto scaling), the Firehose role and its policy, and the
//!   stream, which points at the shared local bridge
//!   (`<bridgeUrl>/tables/<table>?rejects=<bucket>&rejectPrefix=...&generateKey=...`: the URL
//!   carries the settings a Lambda reads from its environment, [`bridge_env::query`]);
//! - on AWS, the bucket and the roles through one CloudFormation stack `hoseline-<name>` (S3
//!   CreateBucket and IAM do not answer a page), then the table, the bridge Lambda with its public
//!   function URL, and the stream, each by its own API.
//!
//! Every resource is tagged `hoseline:pipeline` = the pipeline's name where the API takes tags:
//! teardown deletes only what carries it (or what the progress record says this pipeline made).

mod bridge;
mod bucket;
mod call;
mod cli;
mod facts;
mod roles;
mod script;
mod show;
mod stream;
mod table;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_show;
#[cfg(test)]
mod tests_stream;

pub use bridge::{bridge_environment, env as bridge_env, PERMISSION_INVOKE, PERMISSION_URL};
pub use bucket::console_cors_rule;
pub use call::Call;
pub use facts::{output, Fact, Facts};
pub use roles::FIREHOSE_POLICY_NAME;
pub use script::cli_script;
pub use show::{target_endpoint, ShownCall, ZIP_FILE_NAME};
pub use stream::local_stream_url;

pub(crate) use call::with_op;

use std::fmt;

use crate::spec::{PipelineKind, PipelineSpec};
use facts::Needs;

/// The tag every resource of a pipeline carries: its value is the pipeline's name.
pub use crate::cloudformation::PIPELINE_TAG;

/// The ordered calls.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub steps: Vec<Step>,
}

impl Plan {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The steps' ids, in order.
    pub fn ids(&self) -> Vec<&'static str> {
        self.steps.iter().map(|s| s.id).collect()
    }
}

/// One call, what it makes or configures, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Stable across plans of the same spec (`bucket`, `table.ttl`, `stream`...): progress is
    /// recorded under it.
    pub id: &'static str,
    pub resource: Resource,
    pub call: Call,
    /// One line: why the call is made.
    pub reason: String,
    /// For a step that configures a resource an earlier step made: that step's id.
    pub configures: Option<&'static str>,
    /// Facts the call needs that were not known when it was planned (placeholders stand in).
    pub missing: Vec<Fact>,
}

/// A resource a pipeline makes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Resource {
    pub kind: ResourceKind,
    pub name: String,
}

impl Resource {
    pub fn new(kind: ResourceKind, name: impl Into<String>) -> Self {
        Self {
            kind,
            name: name.into(),
        }
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResourceKind {
    Bucket,
    Table,
    Role,
    Stack,
    Function,
    Stream,
}

impl fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResourceKind::Bucket => "S3 bucket",
            ResourceKind::Table => "DynamoDB table",
            ResourceKind::Role => "IAM role",
            ResourceKind::Stack => "CloudFormation stack",
            ResourceKind::Function => "Lambda function",
            ResourceKind::Stream => "Firehose stream",
        })
    }
}

/// The CloudFormation stack of a pipeline on AWS.
pub fn stack_name(spec: &PipelineSpec) -> String {
    format!("hoseline-{}", spec.name)
}

/// The calls that make `spec` real, with what `facts` knows (unknown facts show as placeholders).
///
/// The spec is expected to have passed [`crate::rules`]; parts a kind does not use (a table for
/// the S3 kind) are ignored, and parts it needs but lacks are left out of the plan.
pub fn plan(spec: &PipelineSpec, facts: &Facts) -> Plan {
    let local = spec.target.is_local();
    let mut b = Builder {
        spec,
        facts,
        local,
        steps: Vec::new(),
    };
    if local {
        bucket::steps(&mut b);
    } else {
        roles::stack_step(&mut b);
    }
    if spec.kind == PipelineKind::Dynamodb {
        table::steps(&mut b);
    }
    if local {
        roles::firehose_steps(&mut b);
    } else if spec.kind == PipelineKind::Dynamodb {
        bridge::steps(&mut b);
    }
    stream::step(&mut b);
    Plan { steps: b.steps }
}

/// Collects the steps of one plan.
pub(crate) struct Builder<'a> {
    pub(super) spec: &'a PipelineSpec,
    pub(super) facts: &'a Facts,
    pub(super) local: bool,
    pub(super) steps: Vec<Step>,
}

impl<'a> Builder<'a> {
    pub(crate) fn needs(&self) -> Needs<'a> {
        Needs::new(self.facts, self.local)
    }

    pub(super) fn partition(&self) -> String {
        self.facts.partition(self.spec.target.region())
    }

    /// Adds a step; `configures` names the step that made the resource, for a configuring step.
    pub(crate) fn push(
        &mut self,
        id: &'static str,
        resource: Resource,
        call: Call,
        reason: impl Into<String>,
        configures: Option<&'static str>,
        needs: Needs<'_>,
    ) {
        self.steps.push(Step {
            id,
            resource,
            call,
            reason: reason.into(),
            configures,
            missing: needs.missing,
        });
    }

    /// `[hoseline:pipeline = name]` as the (key, value) pairs most APIs take.
    pub(super) fn tag_pairs(&self) -> Vec<(String, String)> {
        vec![(PIPELINE_TAG.to_owned(), self.spec.name.clone())]
    }
}
