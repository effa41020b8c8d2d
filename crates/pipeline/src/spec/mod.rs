//! The pipeline spec: one JSON document (`"version": 1`) that describes a whole pipeline, the
//! S3 bucket, the DynamoDB table, the IAM roles, the bridge and the Firehose stream, for the local
//! emulator or for an AWS account. The page's forms and the CLI's spec files are two views of it.
//!
//! Field names are camelCase, unknown fields are refused (a typo must not be silently ignored),
//! and every field has the default a newcomer can apply at once ([`PipelineSpec::local_dynamodb`]).
//! [`crate::rules`] checks the values against AWS's rules; [`crate::plan`] turns it into calls.

mod access_key;
mod defaults;
mod parse;
mod tagged;

use serde::{Deserialize, Serialize};

use crate::mapping::KeyKind;

pub use access_key::{AccessKey, ACCESS_KEY_RANDOM_BYTES};
pub use defaults::{DEFAULT_LOCAL_BRIDGE_URL, DEFAULT_LOCAL_ENDPOINT, DEFAULT_REGION};
pub use parse::{SpecError, SpecProblem};

/// The only spec version this build reads and writes.
pub const SPEC_VERSION: u32 = 1;

/// A whole pipeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PipelineSpec {
    /// Always [`SPEC_VERSION`].
    pub version: u32,
    /// The pipeline's name: the default resource names derive from it, and on AWS it names the
    /// CloudFormation stack (`hoseline-<name>`). 1-40 characters of `a-z 0-9 -`.
    pub name: String,
    pub kind: PipelineKind,
    pub target: Target,
    /// Firehose -> DynamoDB only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableSpec>,
    pub bucket: BucketSpec,
    pub stream: StreamSpec,
    /// Firehose -> DynamoDB only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge: Option<BridgeSpec>,
    pub iam: IamSpec,
}

/// What the stream delivers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PipelineKind {
    /// Direct PUT -> Firehose HTTP endpoint -> the bridge -> DynamoDB, with S3 backup.
    Dynamodb,
    /// Direct PUT -> Firehose -> S3 (the original report's walkthrough).
    S3,
}

/// Where the pipeline is made. Deserialize is written out in [`tagged`] (unknown fields refused,
/// `region` defaults to [`DEFAULT_REGION`] for a local target).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Target {
    /// The local emulator: every call goes to `endpoint`, the stream delivers to the local bridge.
    #[serde(rename_all = "camelCase")]
    Local {
        /// The emulator, e.g. `http://127.0.0.1:4566`.
        endpoint: String,
        /// The local bridge (`hoseline bridge serve`), e.g. `http://127.0.0.1:4599`.
        bridge_url: String,
        /// The region requests are signed for (the emulator takes any).
        region: String,
    },
    /// An AWS account, in one region.
    #[serde(rename_all = "camelCase")]
    Aws { region: String },
}

impl Target {
    pub fn region(&self) -> &str {
        match self {
            Target::Local { region, .. } | Target::Aws { region } => region,
        }
    }

    pub fn is_local(&self) -> bool {
        matches!(self, Target::Local { .. })
    }
}

/// The DynamoDB table the bridge writes to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TableSpec {
    pub name: String,
    pub partition_key: KeySpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_key: Option<KeySpec>,
    pub billing: Billing,
    /// The attribute DynamoDB's TTL reads (epoch seconds); the bridge fills it when
    /// `bridge.ttlDays` is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_attribute: Option<String>,
    #[serde(default)]
    pub point_in_time_recovery: bool,
}

/// A key attribute: its name and DynamoDB scalar type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeySpec {
    pub name: String,
    #[serde(rename = "type")]
    pub key_type: KeyKind,
}

/// How the table is billed. Deserialize is written out in [`tagged`] (unknown fields of
/// `provisioned` refused).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum Billing {
    /// PAY_PER_REQUEST.
    OnDemand,
    /// PROVISIONED, with optional target-tracking auto scaling of the write capacity.
    #[serde(rename_all = "camelCase")]
    Provisioned {
        read_capacity_units: u32,
        write_capacity_units: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        auto_scaling: Option<AutoScaling>,
    },
}

/// Application Auto Scaling of the table's write capacity (DynamoDBWriteCapacityUtilization).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutoScaling {
    pub min_capacity: u32,
    pub max_capacity: u32,
    /// Percent, 20-90.
    pub target_utilization: u32,
}

/// The S3 bucket: Firehose's backups (and, for [`PipelineKind::S3`], its destination), the
/// bridge's rejected records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BucketSpec {
    /// In the target's region.
    pub name: String,
    /// Where Firehose writes data (S3 kind) or its backups (DynamoDB kind), e.g. `data/`.
    pub data_prefix: String,
    /// Where Firehose writes what it failed to deliver; must contain
    /// `!{firehose:error-output-type}`.
    pub error_output_prefix: String,
    /// DynamoDB kind: back up only what failed to reach the bridge, or everything.
    #[serde(default)]
    pub backup_mode: BackupMode,
    /// Objects expire after this many days (a lifecycle rule); `None` keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_days: Option<u32>,
    #[serde(default)]
    pub compression: Compression,
    /// Page origins the bucket's CORS rule admits (the console's), so the console can browse it.
    #[serde(default)]
    pub cors_allowed_origins: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BackupMode {
    #[default]
    FailedDataOnly,
    AllData,
}

/// Firehose's S3 compression (the S3 kind, and backups).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compression {
    #[default]
    #[serde(rename = "UNCOMPRESSED")]
    Uncompressed,
    #[serde(rename = "GZIP")]
    Gzip,
    #[serde(rename = "ZIP")]
    Zip,
    #[serde(rename = "Snappy")]
    Snappy,
    #[serde(rename = "HADOOP_SNAPPY")]
    HadoopSnappy,
}

/// The Firehose delivery stream (Direct PUT).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StreamSpec {
    pub name: String,
    /// MB (MiB for S3): S3 1-128, HTTP endpoint 1-64 and at most 4 for the bridge's Lambda.
    pub buffering_size_mb: u32,
    /// Seconds, 0-900.
    pub buffering_interval_seconds: u32,
    /// DynamoDB kind: how long Firehose retries the bridge before backing a batch up, 0-7200 s.
    #[serde(default = "defaults::retry_duration")]
    pub retry_duration_seconds: u32,
}

/// The bridge: on AWS a Lambda behind a function URL; locally the shared `hoseline bridge serve`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BridgeSpec {
    /// The Lambda function (AWS only).
    pub function_name: String,
    /// The key Firehose sends in `X-Amz-Firehose-Access-Key` and the bridge checks. Made from a
    /// CSPRNG; left out of exports unless asked (an exported spec without it gets a new one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key: Option<AccessKey>,
    /// Lambda memory, 128-10240 MB.
    pub memory_size_mb: u32,
    /// Lambda timeout, seconds; must cover the write budget.
    pub timeout_seconds: u32,
    /// Records without the key attributes get a key made from the record itself.
    #[serde(default)]
    pub generate_missing_key: bool,
    /// With `table.ttlAttribute`: items expire this many days after arrival.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_days: Option<u32>,
    /// An attribute for the arrival time (ISO 8601 UTC text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival_attribute: Option<String>,
    /// Copy Firehose's common attributes into every item.
    #[serde(default)]
    pub copy_common_attributes: bool,
    /// Where in the bucket the bridge writes the records it rejects.
    #[serde(default = "defaults::reject_prefix")]
    pub reject_prefix: String,
}

impl std::fmt::Debug for BridgeSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BridgeSpec")
            .field("function_name", &self.function_name)
            .field("access_key", &self.access_key)
            .field("memory_size_mb", &self.memory_size_mb)
            .field("timeout_seconds", &self.timeout_seconds)
            .field("generate_missing_key", &self.generate_missing_key)
            .field("ttl_days", &self.ttl_days)
            .field("arrival_attribute", &self.arrival_attribute)
            .field("copy_common_attributes", &self.copy_common_attributes)
            .field("reject_prefix", &self.reject_prefix)
            .finish()
    }
}

/// The IAM roles the pipeline makes. Their policies are generated from the spec
/// ([`crate::plan`]), least privilege, never a `*` action or resource.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IamSpec {
    /// The role Firehose assumes to write to the bucket.
    pub firehose_role_name: String,
    /// The bridge Lambda's execution role (DynamoDB kind on AWS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge_role_name: Option<String>,
}
