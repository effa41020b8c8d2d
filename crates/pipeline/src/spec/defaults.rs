//! The spec a newcomer starts from: every name derived from one pipeline name, settings that
//! apply on the emulator at once and follow the report's best practices (S3 backup on, a
//! lifecycle rule, least-privilege roles, buffering that suits the bridge).

use super::{
    BackupMode, Billing, BridgeSpec, BucketSpec, Compression, IamSpec, KeySpec, PipelineKind,
    PipelineSpec, StreamSpec, TableSpec, Target, SPEC_VERSION,
};
use crate::mapping::KeyKind;

/// `scripts/run.sh`'s emulator, bridge and region.
pub const DEFAULT_LOCAL_ENDPOINT: &str = "http://127.0.0.1:4566";
pub const DEFAULT_LOCAL_BRIDGE_URL: &str = "http://127.0.0.1:4599";
pub const DEFAULT_REGION: &str = "us-east-1";

/// Firehose's HTTP endpoint retry duration default.
pub(super) fn retry_duration() -> u32 {
    300
}

pub(super) fn region() -> String {
    DEFAULT_REGION.to_owned()
}

pub(super) fn reject_prefix() -> String {
    "bridge-rejected/".to_owned()
}

impl PipelineSpec {
    /// Firehose -> bridge -> DynamoDB on the local emulator, named after `name`.
    pub fn local_dynamodb(name: &str) -> Self {
        Self::dynamodb(name, local_target())
    }

    /// Firehose -> S3 on the local emulator.
    pub fn local_s3(name: &str) -> Self {
        Self::s3(name, local_target())
    }

    /// Firehose -> bridge (Lambda) -> DynamoDB in an AWS account.
    pub fn aws_dynamodb(name: &str, region: &str) -> Self {
        Self::dynamodb(
            name,
            Target::Aws {
                region: region.to_owned(),
            },
        )
    }

    /// Firehose -> S3 in an AWS account.
    pub fn aws_s3(name: &str, region: &str) -> Self {
        Self::s3(
            name,
            Target::Aws {
                region: region.to_owned(),
            },
        )
    }

    fn dynamodb(name: &str, target: Target) -> Self {
        Self {
            version: SPEC_VERSION,
            name: name.to_owned(),
            kind: PipelineKind::Dynamodb,
            table: Some(TableSpec {
                name: format!("{name}-tickers"),
                // The demo data's stock ticker records; the sort key is generated from each
                // record, so every record is its own item and a re-sent one rewrites it.
                partition_key: KeySpec {
                    name: "TICKER_SYMBOL".to_owned(),
                    key_type: KeyKind::S,
                },
                sort_key: Some(KeySpec {
                    name: "EVENT_ID".to_owned(),
                    key_type: KeyKind::S,
                }),
                billing: Billing::OnDemand,
                ttl_attribute: Some("EXPIRES_AT".to_owned()),
                point_in_time_recovery: false,
            }),
            bucket: bucket(name, "backup/"),
            stream: StreamSpec {
                name: format!("{name}-stream"),
                // The Lambda function URL takes 6 MB; 4 MB is about 5.4 MB after base64.
                buffering_size_mb: 1,
                buffering_interval_seconds: 60,
                retry_duration_seconds: retry_duration(),
            },
            bridge: Some(BridgeSpec {
                function_name: format!("{name}-bridge"),
                access_key: None,
                memory_size_mb: 256,
                // Firehose gives the endpoint 3 minutes; the bridge's write budget is 90 s.
                timeout_seconds: 120,
                generate_missing_key: true,
                ttl_days: Some(30),
                arrival_attribute: Some("ARRIVED_AT".to_owned()),
                copy_common_attributes: false,
                reject_prefix: reject_prefix(),
            }),
            iam: IamSpec {
                firehose_role_name: format!("{name}-firehose"),
                bridge_role_name: Some(format!("{name}-bridge")),
            },
            target,
        }
    }

    fn s3(name: &str, target: Target) -> Self {
        Self {
            version: SPEC_VERSION,
            name: name.to_owned(),
            kind: PipelineKind::S3,
            table: None,
            bucket: bucket(name, "data/"),
            stream: StreamSpec {
                name: format!("{name}-stream"),
                buffering_size_mb: 5,
                buffering_interval_seconds: 300,
                retry_duration_seconds: retry_duration(),
            },
            bridge: None,
            iam: IamSpec {
                firehose_role_name: format!("{name}-firehose"),
                bridge_role_name: None,
            },
            target,
        }
    }
}

fn local_target() -> Target {
    Target::Local {
        endpoint: DEFAULT_LOCAL_ENDPOINT.to_owned(),
        bridge_url: DEFAULT_LOCAL_BRIDGE_URL.to_owned(),
        region: region(),
    }
}

fn bucket(name: &str, data_prefix: &str) -> BucketSpec {
    BucketSpec {
        name: format!("{name}-data"),
        data_prefix: data_prefix.to_owned(),
        error_output_prefix: "errors/!{firehose:error-output-type}/".to_owned(),
        backup_mode: BackupMode::FailedDataOnly,
        expiration_days: Some(30),
        compression: Compression::Uncompressed,
        cors_allowed_origins: vec![
            "http://127.0.0.1:8080".to_owned(),
            "http://localhost:8080".to_owned(),
        ],
    }
}
