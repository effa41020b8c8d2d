//! What apply learns as it goes (the account id, the roles' ARNs, the function URL) and what the
//! caller brings (the bridge Lambda's zip). A plan made before anything runs shows each unknown
//! fact as a readable placeholder naming where it comes from; the AWS CLI export turns the same
//! placeholders into shell variables.

use std::collections::BTreeMap;
use std::fmt;

use hoseline_aws::iam::policies;

/// Output names, shared by the stack's Outputs and the steps that learn the same values directly.
pub mod output {
    pub const BUCKET_NAME: &str = "BucketName";
    pub const BUCKET_ARN: &str = "BucketArn";
    pub const FIREHOSE_ROLE_ARN: &str = "FirehoseRoleArn";
    pub const BRIDGE_ROLE_ARN: &str = "BridgeRoleArn";
    pub const TABLE_ARN: &str = "TableArn";
    pub const FUNCTION_ARN: &str = "FunctionArn";
    pub const FUNCTION_URL: &str = "FunctionUrl";
    pub const STREAM_ARN: &str = "StreamArn";
    pub const STACK_ID: &str = "StackId";
}

/// A value a call needs that may not be known when the plan is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    /// From STS GetCallerIdentity, before the first step.
    AccountId,
    /// From step `roles.firehose` (local) or the stack's outputs (AWS).
    FirehoseRoleArn,
    /// From the stack's outputs.
    BridgeRoleArn,
    /// From step `bridge.url`.
    FunctionUrl,
    /// The bridge Lambda's code, brought by the caller.
    BridgeZip,
    /// The key Firehose sends the bridge: never in a plan, put in only when the call is sent.
    AccessKey,
}

impl Fact {
    /// Every fact a plan can show as a placeholder.
    pub const ALL: [Fact; 6] = [
        Fact::AccountId,
        Fact::FirehoseRoleArn,
        Fact::BridgeRoleArn,
        Fact::FunctionUrl,
        Fact::BridgeZip,
        Fact::AccessKey,
    ];

    /// The text a plan shows in its place. The Firehose role comes from a different step locally
    /// and on AWS, so it has one placeholder for each.
    pub fn placeholder(self, local: bool) -> &'static str {
        match (self, local) {
            (Fact::AccountId, _) => "<account id, from sts get-caller-identity>",
            (Fact::FirehoseRoleArn, true) => "<Firehose role ARN, from step roles.firehose>",
            (Fact::FirehoseRoleArn, false) => "<Firehose role ARN, from step roles.stack>",
            (Fact::BridgeRoleArn, _) => "<bridge role ARN, from step roles.stack>",
            (Fact::FunctionUrl, _) => "<function URL, from step bridge.url>",
            (Fact::BridgeZip, _) => "<bridge-lambda.zip>",
            (Fact::AccessKey, _) => "<access key>",
        }
    }

    /// The shell variable the AWS CLI export keeps it in.
    pub fn shell_variable(self) -> &'static str {
        match self {
            Fact::AccountId => "ACCOUNT_ID",
            Fact::FirehoseRoleArn => "FIREHOSE_ROLE_ARN",
            Fact::BridgeRoleArn => "BRIDGE_ROLE_ARN",
            Fact::FunctionUrl => "FUNCTION_URL",
            Fact::BridgeZip => "BRIDGE_ZIP",
            Fact::AccessKey => "HOSELINE_ACCESS_KEY",
        }
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Fact::AccountId => "the account id",
            Fact::FirehoseRoleArn => "the Firehose role's ARN",
            Fact::BridgeRoleArn => "the bridge role's ARN",
            Fact::FunctionUrl => "the function URL",
            Fact::BridgeZip => "the bridge Lambda's zip (bridge-lambda.zip)",
            Fact::AccessKey => "the bridge's access key",
        })
    }
}

/// What is known so far. `Default` knows nothing: every fact shows as its placeholder.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The 12-digit account id.
    pub account_id: Option<String>,
    /// `aws`, `aws-cn`, `aws-us-gov`; from the region when unknown.
    pub partition: Option<String>,
    /// Names, ARNs and the function URL the steps learnt, by [`output`] name.
    pub outputs: BTreeMap<String, String>,
    /// `bridge-lambda.zip` (the page fetches it from its own site; the CLI reads a file).
    pub bridge_zip: Option<Vec<u8>>,
}

impl fmt::Debug for Facts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Facts")
            .field("account_id", &self.account_id)
            .field("partition", &self.partition)
            .field("outputs", &self.outputs)
            .field(
                "bridge_zip",
                &self
                    .bridge_zip
                    .as_ref()
                    .map(|z| format!("{} bytes", z.len())),
            )
            .finish()
    }
}

impl Facts {
    /// The partition, learnt or derived from the region.
    pub fn partition(&self, region: &str) -> String {
        self.partition
            .clone()
            .unwrap_or_else(|| policies::partition(region).to_owned())
    }

    /// An output learnt by an earlier step.
    pub fn output(&self, name: &str) -> Option<&str> {
        self.outputs.get(name).map(String::as_str)
    }
}

/// Reads facts for one step, noting each one still unknown (its placeholder is used instead).
pub(crate) struct Needs<'a> {
    pub(super) facts: &'a Facts,
    pub(super) local: bool,
    pub(super) missing: Vec<Fact>,
}

impl<'a> Needs<'a> {
    pub(super) fn new(facts: &'a Facts, local: bool) -> Self {
        Self {
            facts,
            local,
            missing: Vec::new(),
        }
    }

    pub(super) fn text(&mut self, fact: Fact) -> String {
        let known = match fact {
            Fact::AccountId => self.facts.account_id.clone(),
            Fact::FirehoseRoleArn => self
                .facts
                .output(output::FIREHOSE_ROLE_ARN)
                .map(str::to_owned),
            Fact::BridgeRoleArn => self
                .facts
                .output(output::BRIDGE_ROLE_ARN)
                .map(str::to_owned),
            Fact::FunctionUrl => self.facts.output(output::FUNCTION_URL).map(str::to_owned),
            // Never known to a plan: bytes, or a secret the engine puts in when sending.
            Fact::BridgeZip | Fact::AccessKey => None,
        };
        known.unwrap_or_else(|| self.placeholder(fact))
    }

    /// The placeholder, noted as missing unless it is the access key (always put in at sending).
    pub(super) fn placeholder(&mut self, fact: Fact) -> String {
        if fact != Fact::AccessKey && !self.missing.contains(&fact) {
            self.missing.push(fact);
        }
        fact.placeholder(self.local).to_owned()
    }

    pub(super) fn zip(&mut self) -> Vec<u8> {
        match &self.facts.bridge_zip {
            Some(zip) => zip.clone(),
            None => {
                self.placeholder(Fact::BridgeZip);
                Vec::new()
            }
        }
    }
}
