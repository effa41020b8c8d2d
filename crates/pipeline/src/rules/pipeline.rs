//! The spec's own fields and its target: version, name, kind, where it is made.

use hoseline_aws::firehose::is_https_or_loopback_http;
use hoseline_aws::Endpoint;

use super::check::{self, Field};
use super::{region, Rule};
use crate::spec::{PipelineSpec, Target, SPEC_VERSION};

/// CloudFormation stack names are 1-128; `hoseline-` + 40 stays far inside, and so do the names
/// derived from it (`<name>-firehose` for a 64-character IAM role, `<name>-data` for a bucket).
const MAX_NAME: usize = 40;
/// Firehose's HttpEndpointConfiguration.Url: at most 1000 characters.
const MAX_STREAM_URL: usize = 1000;

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "version",
        "1 (the spec version this build reads)",
        "Hoseline spec",
        version,
    ),
    Rule::new(
        "name",
        "1-40 characters: a-z 0-9 -, starting with a letter",
        "CloudFormation StackName [a-zA-Z][-a-zA-Z0-9]* (the stack is hoseline-<name>)",
        name,
    ),
    Rule::by_type(
        "kind",
        "dynamodb (Firehose -> bridge -> DynamoDB) or s3 (Firehose -> S3)",
        "Hoseline spec",
    ),
    Rule::by_type(
        "target.type",
        "local (the emulator) or aws (an AWS account)",
        "Hoseline spec",
    ),
    Rule::new(
        "target.endpoint",
        "http:// or https:// URL with a host, no path or query",
        "Hoseline endpoint (scheme://host[:port])",
        endpoint,
    ),
    Rule::new(
        "target.bridgeUrl",
        "https:// URL, or http:// to 127.0.0.1, localhost or [::1]; no path or query; with the \
         table, bucket and bridge settings the stream's URL adds, at most 1000 characters",
        "firehose HttpEndpointUrl (https://.*, at most 1000 characters)",
        bridge_url,
    ),
    Rule::new(
        "target.region",
        "A region code such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1",
        "botocore partitions.json regionRegex (aws, aws-cn, aws-us-gov)",
        target_region,
    ),
];

fn version(spec: &PipelineSpec, f: &mut Field<'_>) {
    if spec.version != SPEC_VERSION {
        f.fail(format!(
            "must be {SPEC_VERSION}, the spec version this build reads (it is {})",
            spec.version
        ));
    }
}

fn name(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(pipeline_name(&spec.name));
}

fn pipeline_name(name: &str) -> Result<(), String> {
    check::chars(name, 1, MAX_NAME, "a-z, 0-9 and '-'", |c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
    })?;
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(format!(
            "must start with a letter a-z ({name:?}): it names the CloudFormation stack \
             hoseline-{name} and prefixes the resource names"
        ));
    }
    Ok(())
}

fn endpoint(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Target::Local { endpoint, .. } = &spec.target {
        f.check(base_url(endpoint, "http://127.0.0.1:4566"));
    }
}

fn bridge_url(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Target::Local { bridge_url, .. } = &spec.target {
        f.check(
            base_url(bridge_url, "http://127.0.0.1:4599").and_then(|()| {
                if is_https_or_loopback_http(bridge_url) {
                    Ok(())
                } else {
                    Err(format!(
                        "must be an https:// URL; http:// is only for a bridge on this machine \
                     (127.0.0.1, localhost or [::1]) ({bridge_url:?})"
                    ))
                }
            }),
        );
        f.check(stream_url_length(spec));
    }
}

/// A local stream's URL carries its table, bucket and bridge settings (one local bridge serves
/// every local pipeline), and Firehose takes at most 1000 characters: long attribute names or a
/// long reject prefix can pass that.
fn stream_url_length(spec: &PipelineSpec) -> Result<(), String> {
    let Some(url) = crate::plan::local_stream_url(spec) else {
        return Ok(());
    };
    let length = url.chars().count();
    if length > MAX_STREAM_URL {
        return Err(format!(
            "makes a stream URL of {length} characters with the table, the bucket and the \
             bridge's settings (percent-encoded) in it, over Firehose's {MAX_STREAM_URL}: shorten \
             the bridge's rejectPrefix, arrivalAttribute or the table's ttlAttribute"
        ));
    }
    Ok(())
}

/// `scheme://host[:port]`, as [`Endpoint::parse`] reads it.
fn base_url(url: &str, example: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err(format!("is required, e.g. {example}"));
    }
    if url.trim() != url {
        return Err(format!("must not have spaces around it ({url:?})"));
    }
    if !url.starts_with("http://") && !url.starts_with("https://") {
        return Err(format!(
            "must start with http:// or https://, like {example} ({url:?})"
        ));
    }
    check::aws(Endpoint::parse(url).map(drop)).map_err(|rule| format!("{rule} ({url:?})"))
}

fn target_region(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(region::check(spec.target.region()));
}
