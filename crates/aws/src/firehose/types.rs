//! Destination shapes: what CreateDeliveryStream takes and what DescribeDeliveryStream tells.

use serde::{Deserialize, Serialize, Serializer};

use crate::credentials::Secret;
use crate::dynamodb::lenient_epoch;

/// Where a stream's records come from. The console makes DirectPut streams only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeliveryStreamType {
    DirectPut,
    KinesisStreamAsSource,
    #[serde(rename = "MSKAsSource")]
    MskAsSource,
    DatabaseAsSource,
    /// A type this crate does not know yet.
    #[serde(other)]
    Unknown,
}

/// A stream's lifecycle state. New streams go CREATING -> ACTIVE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeliveryStreamStatus {
    Creating,
    CreatingFailed,
    Deleting,
    DeletingFailed,
    Active,
    #[serde(other)]
    Unknown,
}

/// How long and how much Firehose buffers before delivering. S3: 1-128 MiB; HTTP endpoint:
/// 1-64 MB; both 0-900 s (0 means no buffering). Defaults 5 MB and 300 s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BufferingHints {
    #[serde(rename = "SizeInMBs", skip_serializing_if = "Option::is_none")]
    pub size_in_mbs: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval_in_seconds: Option<u32>,
}

/// How objects written to S3 are compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompressionFormat {
    #[serde(rename = "UNCOMPRESSED")]
    Uncompressed,
    #[serde(rename = "GZIP")]
    Gzip,
    #[serde(rename = "ZIP")]
    Zip,
    Snappy,
    #[serde(rename = "HADOOP_SNAPPY")]
    HadoopSnappy,
    /// A format this crate does not know yet (never sent).
    #[serde(other)]
    Unknown,
}

/// Delivery error logging to CloudWatch Logs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CloudWatchLoggingOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_group_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_stream_name: Option<String>,
}

/// Delivery to S3 with the extended options (the console's S3 destination).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExtendedS3DestinationConfiguration {
    /// The role Firehose assumes to write to the bucket.
    #[serde(rename = "RoleARN")]
    pub role_arn: String,
    #[serde(rename = "BucketARN")]
    pub bucket_arn: String,
    /// Object key prefix; default `YYYY/MM/dd/HH/`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Prefix for records that failed; with expressions it needs `!{firehose:error-output-type}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_output_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffering_hints: Option<BufferingHints>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compression_format: Option<CompressionFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch_logging_options: Option<CloudWatchLoggingOptions>,
    /// E.g. `.json`; empty or a dot followed by `[0-9a-z!\-_.*'()]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_extension: Option<String>,
}

/// Plain S3 delivery: the HTTP endpoint's backup bucket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct S3DestinationConfiguration {
    #[serde(rename = "RoleARN")]
    pub role_arn: String,
    #[serde(rename = "BucketARN")]
    pub bucket_arn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_output_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffering_hints: Option<BufferingHints>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compression_format: Option<CompressionFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch_logging_options: Option<CloudWatchLoggingOptions>,
}

/// The HTTP endpoint Firehose POSTs batches to. The access key is sent verbatim in
/// `X-Amz-Firehose-Access-Key`; it never shows in Debug output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpEndpointConfiguration {
    /// `https://...`, at most 1000 characters.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "expose_secret"
    )]
    pub access_key: Option<Secret>,
}

fn expose_secret<S: Serializer>(secret: &Option<Secret>, s: S) -> Result<S::Ok, S::Error> {
    match secret {
        Some(secret) => s.serialize_str(secret.expose()),
        None => s.serialize_none(),
    }
}

/// Whether Firehose gzips the body it POSTs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ContentEncoding {
    None,
    Gzip,
}

/// A name/value pair sent with every POST in `X-Amz-Firehose-Common-Attributes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpEndpointCommonAttribute {
    pub attribute_name: String,
    pub attribute_value: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpEndpointRequestConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_encoding: Option<ContentEncoding>,
    /// At most 50.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub common_attributes: Vec<HttpEndpointCommonAttribute>,
}

/// How long Firehose keeps retrying a failed POST: 0-7200 s (default 300).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpEndpointRetryOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_in_seconds: Option<u32>,
}

/// What goes to the backup bucket: failed batches only, or everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HttpEndpointS3BackupMode {
    FailedDataOnly,
    AllData,
}

/// Delivery to an HTTP endpoint (the bridge), with an S3 bucket for what cannot be delivered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpEndpointDestinationConfiguration {
    pub endpoint_configuration: HttpEndpointConfiguration,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffering_hints: Option<BufferingHints>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch_logging_options: Option<CloudWatchLoggingOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_configuration: Option<HttpEndpointRequestConfiguration>,
    /// A role for Firehose (used for the S3 backup and logs).
    #[serde(rename = "RoleARN", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_options: Option<HttpEndpointRetryOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_backup_mode: Option<HttpEndpointS3BackupMode>,
    pub s3_configuration: S3DestinationConfiguration,
}

/// A stream tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// What DescribeDeliveryStream tells about a stream.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DeliveryStreamDescription {
    pub delivery_stream_name: String,
    #[serde(rename = "DeliveryStreamARN")]
    pub delivery_stream_arn: String,
    pub delivery_stream_status: Option<DeliveryStreamStatus>,
    pub delivery_stream_type: Option<DeliveryStreamType>,
    pub failure_description: Option<FailureDescription>,
    /// Needed by UpdateDestination.
    pub version_id: Option<String>,
    /// Seconds since the epoch.
    #[serde(deserialize_with = "lenient_epoch")]
    pub create_timestamp: Option<f64>,
    #[serde(deserialize_with = "lenient_epoch")]
    pub last_update_timestamp: Option<f64>,
    pub destinations: Vec<DestinationDescription>,
    pub has_more_destinations: bool,
}

/// Why a stream failed (CREATING_FAILED...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FailureDescription {
    #[serde(rename = "Type")]
    pub failure_type: String,
    pub details: String,
}

/// One destination of a stream; the member for its kind is set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DestinationDescription {
    pub destination_id: String,
    pub s3_destination_description: Option<S3DestinationDescription>,
    #[serde(rename = "ExtendedS3DestinationDescription")]
    pub extended_s3_destination_description: Option<S3DestinationDescription>,
    pub http_endpoint_destination_description: Option<HttpEndpointDestinationDescription>,
}

impl DestinationDescription {
    /// `ExtendedS3`, `HttpEndpoint`, `S3`, or `Other` for the destinations this crate does not read.
    pub fn kind(&self) -> &'static str {
        if self.http_endpoint_destination_description.is_some() {
            "HttpEndpoint"
        } else if self.extended_s3_destination_description.is_some() {
            "ExtendedS3"
        } else if self.s3_destination_description.is_some() {
            "S3"
        } else {
            "Other"
        }
    }
}

/// An S3 or extended S3 destination as described (the members both have).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct S3DestinationDescription {
    #[serde(rename = "RoleARN")]
    pub role_arn: Option<String>,
    #[serde(rename = "BucketARN")]
    pub bucket_arn: Option<String>,
    pub prefix: Option<String>,
    pub error_output_prefix: Option<String>,
    pub buffering_hints: Option<BufferingHints>,
    pub compression_format: Option<CompressionFormat>,
    pub cloud_watch_logging_options: Option<CloudWatchLoggingOptions>,
}

/// An HTTP endpoint destination as described (the access key is never returned).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct HttpEndpointDestinationDescription {
    pub endpoint_configuration: Option<HttpEndpointDescription>,
    pub buffering_hints: Option<BufferingHints>,
    pub cloud_watch_logging_options: Option<CloudWatchLoggingOptions>,
    pub request_configuration: Option<HttpEndpointRequestConfiguration>,
    #[serde(rename = "RoleARN")]
    pub role_arn: Option<String>,
    pub retry_options: Option<HttpEndpointRetryOptions>,
    pub s3_backup_mode: Option<HttpEndpointS3BackupMode>,
    pub s3_destination_description: Option<S3DestinationDescription>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct HttpEndpointDescription {
    pub url: Option<String>,
    pub name: Option<String>,
}
