//! The Firehose stream (Direct PUT): to the bridge's HTTP endpoint with S3 backup (DynamoDB
//! kind), or to the bucket (S3 kind).

use hoseline_aws::credentials::Secret;
use hoseline_aws::firehose::{
    BufferingHints, CompressionFormat, CreateDeliveryStream, ExtendedS3DestinationConfiguration,
    HttpEndpointConfiguration, HttpEndpointDestinationConfiguration, HttpEndpointRetryOptions,
    HttpEndpointS3BackupMode, S3DestinationConfiguration, Tag,
};
use hoseline_aws::iam::policies::s3_bucket_arn;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{Builder, Call, Fact, Resource, ResourceKind, PIPELINE_TAG};
use crate::bridge_env;
use crate::spec::{
    BackupMode, BridgeSpec, BucketSpec, Compression, PipelineKind, PipelineSpec, TableSpec, Target,
};

/// How a local stream's URL writes a query value: everything but unreserved characters and `/`
/// (a prefix's folders stay readable) percent-encoded, as Python's `urllib.parse.quote(v,
/// safe="/")` does. The bridge percent-decodes each name and value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// The local bridge's URL for a pipeline: the table in the path, and in the query the reject
/// bucket and every setting a Lambda would read from its environment ([`bridge_env::query`]):
/// one local bridge serves every local pipeline, each with its own bucket and mapping options.
/// Without a bridge section (which the rules require of the DynamoDB kind) only the bucket.
pub(crate) fn local_bridge_url(
    bridge_url: &str,
    table: &TableSpec,
    bucket: &BucketSpec,
    bridge: Option<&BridgeSpec>,
) -> String {
    let parameters = match bridge {
        Some(bridge) => bridge_env::query(bridge, table, bucket),
        None => vec![(bridge_env::QUERY_REJECTS, bucket.name.clone())],
    };
    let query: Vec<String> = parameters
        .into_iter()
        .map(|(name, value)| format!("{name}={}", utf8_percent_encode(&value, QUERY_VALUE)))
        .collect();
    format!(
        "{}/tables/{}?{}",
        bridge_url.trim_end_matches('/'),
        table.name,
        query.join("&")
    )
}

/// The URL a local DynamoDB pipeline's stream delivers to; `None` for other kinds and targets
/// (on AWS the stream delivers to the function URL, known once the Lambda exists).
pub fn local_stream_url(spec: &PipelineSpec) -> Option<String> {
    match (spec.kind, &spec.target, &spec.table) {
        (PipelineKind::Dynamodb, Target::Local { .. }, Some(_)) => {
            Some(endpoint_url(spec, String::new()))
        }
        _ => None,
    }
}

/// Where the stream delivers, for the DynamoDB kind: the local bridge, or the function URL
/// (the bridge Lambda serves its one table whatever the path, and reads its settings from its
/// environment).
pub(crate) fn endpoint_url(spec: &PipelineSpec, function_url: String) -> String {
    match (&spec.target, &spec.table) {
        (Target::Local { bridge_url, .. }, Some(table)) => {
            local_bridge_url(bridge_url, table, &spec.bucket, spec.bridge.as_ref())
        }
        _ => function_url,
    }
}

fn compression(c: Compression) -> CompressionFormat {
    match c {
        Compression::Uncompressed => CompressionFormat::Uncompressed,
        Compression::Gzip => CompressionFormat::Gzip,
        Compression::Zip => CompressionFormat::Zip,
        Compression::Snappy => CompressionFormat::Snappy,
        Compression::HadoopSnappy => CompressionFormat::HadoopSnappy,
    }
}

pub(super) fn step(b: &mut Builder<'_>) {
    let spec = b.spec;
    let mut needs = b.needs();
    let role = needs.text(Fact::FirehoseRoleArn);
    let bucket_arn = s3_bucket_arn(&b.partition(), &spec.bucket.name);
    let buffering = Some(BufferingHints {
        size_in_mbs: Some(spec.stream.buffering_size_mb),
        interval_in_seconds: Some(spec.stream.buffering_interval_seconds),
    });
    let s = &spec.stream;
    let bucket = &spec.bucket;
    let (mut op, reason) = match spec.kind {
        PipelineKind::Dynamodb => {
            let url = if spec.target.is_local() {
                endpoint_url(spec, String::new())
            } else {
                needs.text(Fact::FunctionUrl)
            };
            let access_key = spec
                .bridge
                .as_ref()
                .and_then(|br| br.access_key.as_ref())
                .map(|_| Secret::new(needs.placeholder(Fact::AccessKey)));
            let destination = HttpEndpointDestinationConfiguration {
                endpoint_configuration: HttpEndpointConfiguration {
                    url: url.clone(),
                    name: Some("Hoseline bridge".to_owned()),
                    access_key,
                },
                buffering_hints: buffering,
                cloud_watch_logging_options: None,
                request_configuration: None,
                role_arn: Some(role.clone()),
                retry_options: Some(HttpEndpointRetryOptions {
                    duration_in_seconds: Some(s.retry_duration_seconds),
                }),
                s3_backup_mode: Some(match bucket.backup_mode {
                    BackupMode::FailedDataOnly => HttpEndpointS3BackupMode::FailedDataOnly,
                    BackupMode::AllData => HttpEndpointS3BackupMode::AllData,
                }),
                s3_configuration: S3DestinationConfiguration {
                    role_arn: role,
                    bucket_arn,
                    prefix: Some(bucket.data_prefix.clone()),
                    error_output_prefix: Some(bucket.error_output_prefix.clone()),
                    buffering_hints: None,
                    compression_format: Some(compression(bucket.compression)),
                    cloud_watch_logging_options: None,
                },
            };
            let backed_up = match bucket.backup_mode {
                BackupMode::FailedDataOnly => "batches it cannot deliver",
                BackupMode::AllData => "every batch",
            };
            (
                CreateDeliveryStream::to_http_endpoint(&s.name, destination),
                format!(
                    "Direct PUT stream: batches of up to {} MB or {} s go to the bridge at {url}; {backed_up} to s3://{}/{}",
                    s.buffering_size_mb, s.buffering_interval_seconds, bucket.name, bucket.data_prefix
                ),
            )
        }
        PipelineKind::S3 => (
            CreateDeliveryStream::to_s3(
                &s.name,
                ExtendedS3DestinationConfiguration {
                    role_arn: role,
                    bucket_arn,
                    prefix: Some(bucket.data_prefix.clone()),
                    error_output_prefix: Some(bucket.error_output_prefix.clone()),
                    buffering_hints: buffering,
                    compression_format: Some(compression(bucket.compression)),
                    cloud_watch_logging_options: None,
                    file_extension: None,
                },
            ),
            format!(
                "Direct PUT stream: records go to s3://{}/{} every {} MiB or {} s",
                bucket.name, bucket.data_prefix, s.buffering_size_mb, s.buffering_interval_seconds
            ),
        ),
    };
    op.tags = vec![Tag {
        key: PIPELINE_TAG.to_owned(),
        value: Some(spec.name.clone()),
    }];
    b.push(
        "stream",
        Resource::new(ResourceKind::Stream, &s.name),
        Call::CreateDeliveryStream(Box::new(op)),
        reason,
        None,
        needs,
    );
}
