//! The Firehose delivery stream (Direct PUT) and the log group it reports delivery errors to.
//!
//! - DynamoDB kind: the HTTP endpoint destination is the bridge's function URL (it ends with `/`;
//!   the bridge Lambda serves any path), with the access key from the `BridgeAccessKey` parameter.
//!   Requests are gzipped: the bridge inflates `Content-Encoding: gzip`, and a smaller body keeps
//!   further under the function URL's 6 MB request limit after base64. What the bridge cannot take
//!   within the retry duration (or everything, with backup mode AllData) goes to the bucket.
//! - S3 kind: the extended S3 destination, the bucket itself.

use serde_json::{json, Value};

use super::intrinsic::{get_att, reference};
use super::logical_id::{
    BRIDGE_INVOKE_PERMISSION, BRIDGE_URL, BRIDGE_URL_PERMISSION, BUCKET, FIREHOSE_ROLE, STREAM,
    STREAM_BACKUP_LOG, STREAM_DESTINATION_LOG, STREAM_LOG_GROUP,
};
use super::parameter::BRIDGE_ACCESS_KEY;
use super::Template;
use crate::spec::{BackupMode, PipelineKind, PipelineSpec};

/// The log streams Firehose's console makes for a stream's destination and backup.
pub const DESTINATION_LOG_STREAM: &str = "DestinationDelivery";
pub const BACKUP_LOG_STREAM: &str = "BackupDelivery";

/// Delivery error logs are kept a month.
pub const LOG_RETENTION_DAYS: u32 = 30;

/// `/aws/kinesisfirehose/<stream>`: the group the Firehose role may write to.
pub fn log_group_name(stream: &str) -> String {
    format!("/aws/kinesisfirehose/{stream}")
}

pub(super) fn add(t: &mut Template, spec: &PipelineSpec) {
    let stream = &spec.stream;
    let mut properties = json!({
        "DeliveryStreamName": stream.name,
        "DeliveryStreamType": "DirectPut",
        "Tags": t.tags()
    });
    let mut depends_on = Vec::new();
    match spec.kind {
        PipelineKind::Dynamodb => {
            properties["HttpEndpointDestinationConfiguration"] = http_endpoint(spec);
            // Deliveries start at once: the URL must already admit them.
            depends_on = vec![BRIDGE_URL_PERMISSION, BRIDGE_INVOKE_PERMISSION];
        }
        PipelineKind::S3 => {
            properties["ExtendedS3DestinationConfiguration"] =
                s3_destination(spec, STREAM_DESTINATION_LOG);
        }
    }
    let mut resource =
        json!({"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": properties});
    if !depends_on.is_empty() {
        resource["DependsOn"] = json!(depends_on);
    }
    t.resource(STREAM, resource);
    t.output("StreamName", "The Firehose stream", reference(STREAM));
    t.output(
        "StreamArn",
        "The Firehose stream's ARN",
        get_att(STREAM, "Arn"),
    );
}

fn http_endpoint(spec: &PipelineSpec) -> Value {
    let stream = &spec.stream;
    let backup_mode = match spec.bucket.backup_mode {
        BackupMode::FailedDataOnly => "FailedDataOnly",
        BackupMode::AllData => "AllData",
    };
    json!({
        "EndpointConfiguration": {
            "Name": "hoseline bridge",
            "Url": get_att(BRIDGE_URL, "FunctionUrl"),
            "AccessKey": reference(BRIDGE_ACCESS_KEY)
        },
        "RequestConfiguration": {"ContentEncoding": "GZIP"},
        "BufferingHints": buffering(spec),
        "RetryOptions": {"DurationInSeconds": stream.retry_duration_seconds},
        "RoleARN": get_att(FIREHOSE_ROLE, "Arn"),
        "S3BackupMode": backup_mode,
        "S3Configuration": s3_destination(spec, STREAM_BACKUP_LOG),
        "CloudWatchLoggingOptions": logging(STREAM_DESTINATION_LOG)
    })
}

/// The bucket as a destination (S3 kind) or the backup (DynamoDB kind), logging to `log_stream`.
fn s3_destination(spec: &PipelineSpec, log_stream: &str) -> Value {
    let bucket = &spec.bucket;
    json!({
        "BucketARN": get_att(BUCKET, "Arn"),
        "RoleARN": get_att(FIREHOSE_ROLE, "Arn"),
        "Prefix": bucket.data_prefix,
        "ErrorOutputPrefix": bucket.error_output_prefix,
        "CompressionFormat": bucket.compression,
        "BufferingHints": buffering(spec),
        "CloudWatchLoggingOptions": logging(log_stream)
    })
}

fn buffering(spec: &PipelineSpec) -> Value {
    json!({
        "SizeInMBs": spec.stream.buffering_size_mb,
        "IntervalInSeconds": spec.stream.buffering_interval_seconds
    })
}

fn logging(log_stream: &str) -> Value {
    json!({
        "Enabled": true,
        "LogGroupName": reference(STREAM_LOG_GROUP),
        "LogStreamName": reference(log_stream)
    })
}

/// The stream's log group and log streams, in the foundation: Firehose writes its delivery errors
/// there but never creates them, and its role may only write to this group.
pub(super) fn add_log_group(t: &mut Template, spec: &PipelineSpec) {
    t.resource(
        STREAM_LOG_GROUP,
        json!({
            "Type": "AWS::Logs::LogGroup",
            "Properties": {
                "LogGroupName": log_group_name(&spec.stream.name),
                "RetentionInDays": LOG_RETENTION_DAYS,
                "Tags": t.tags()
            },
            // Diagnostics that expire anyway: they go with the stack.
            "DeletionPolicy": "Delete",
            "UpdateReplacePolicy": "Delete"
        }),
    );
    let mut streams = vec![(STREAM_DESTINATION_LOG, DESTINATION_LOG_STREAM)];
    if spec.kind == PipelineKind::Dynamodb {
        streams.push((STREAM_BACKUP_LOG, BACKUP_LOG_STREAM));
    }
    for (id, name) in streams {
        t.resource(
            id,
            json!({
                "Type": "AWS::Logs::LogStream",
                "Properties": {"LogGroupName": reference(STREAM_LOG_GROUP), "LogStreamName": name}
            }),
        );
    }
}
