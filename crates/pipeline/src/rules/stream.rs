//! The Firehose stream: its name, buffering and retries, within each destination's ranges.

use super::check::{self, Field};
use super::{Rule, LAMBDA_FUNCTION_URL_MAX_BUFFER_MB};
use crate::spec::{PipelineKind, PipelineSpec, Target};

/// firehose `SizeInMBs` (S3 destinations), MiB.
const S3_MAX_BUFFER_MB: u32 = 128;
/// firehose `HttpEndpointBufferingSizeInMBs`, MB.
const HTTP_MAX_BUFFER_MB: u32 = 64;

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "stream.name",
        "1-64 characters: a-z A-Z 0-9 _ . -",
        "firehose DeliveryStreamName (1-64, [a-zA-Z0-9_.-]+)",
        name,
    ),
    Rule::new(
        "stream.bufferingSizeMb",
        "s3 kind: 1-128 MiB; dynamodb kind: 1-64 MB, at most 4 on AWS (the bridge's 6 MB request limit)",
        "firehose SizeInMBs (1-128), HttpEndpointBufferingSizeInMBs (1-64); Lambda payload quota",
        buffering_size,
    ),
    Rule::new(
        "stream.bufferingIntervalSeconds",
        "0-900 seconds",
        "firehose IntervalInSeconds, HttpEndpointBufferingIntervalInSeconds (0-900)",
        buffering_interval,
    ),
    Rule::new(
        "stream.retryDurationSeconds",
        "0-7200 seconds",
        "firehose HttpEndpointRetryDurationInSeconds (0-7200)",
        retry_duration,
    ),
];

fn name(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(check::chars(
        &spec.stream.name,
        1,
        64,
        "a-z A-Z 0-9 _ . -",
        hoseline_aws::validate::name_chars,
    ));
}

fn buffering_size(spec: &PipelineSpec, f: &mut Field<'_>) {
    let size = spec.stream.buffering_size_mb;
    match spec.kind {
        PipelineKind::S3 => f.check(check::range(
            size,
            1,
            S3_MAX_BUFFER_MB,
            " MiB for an S3 destination",
        )),
        PipelineKind::Dynamodb => f.check(
            check::range(size, 1, HTTP_MAX_BUFFER_MB, " MB for an HTTP endpoint").and_then(|()| {
                let on_aws = matches!(spec.target, Target::Aws { .. });
                if on_aws && size > LAMBDA_FUNCTION_URL_MAX_BUFFER_MB {
                    return Err(format!(
                        "must be at most {LAMBDA_FUNCTION_URL_MAX_BUFFER_MB} MB on AWS (it is \
                         {size}): the bridge's Lambda function URL refuses requests over 6 MB, and \
                         Firehose base64-encodes the records, so {size} MB arrives as about {} MB",
                        base64_mb(size)
                    ));
                }
                Ok(())
            }),
        ),
    }
}

/// Roughly what `mb` of records weigh once base64-encoded, one decimal.
fn base64_mb(mb: u32) -> String {
    let tenths = (u64::from(mb) * 40).div_ceil(3);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn buffering_interval(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(check::range(
        spec.stream.buffering_interval_seconds,
        0,
        900,
        " seconds",
    ));
}

fn retry_duration(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(check::range(
        spec.stream.retry_duration_seconds,
        0,
        7200,
        " seconds",
    ));
}
