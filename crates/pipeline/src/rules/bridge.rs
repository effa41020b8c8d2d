//! The bridge: its Lambda (on AWS), the key Firehose sends it, and the mapping options it reads.

use super::check::{self, Field};
use super::{prefixes, table, Rule, BRIDGE_WRITE_BUDGET_SECONDS, MIN_BRIDGE_TIMEOUT_SECONDS};
use crate::spec::{BridgeSpec, PipelineKind, PipelineSpec};

/// Lambda quotas for a function: 128-10,240 MB of memory, a 900 s timeout. (The lambda model now
/// admits more for other compute types; a function behind a URL has these.)
const MIN_MEMORY_MB: u32 = 128;
const MAX_MEMORY_MB: u32 = 10_240;
const MAX_TIMEOUT_SECONDS: u32 = 900;
/// firehose `HttpEndpointAccessKey`: at most 4096.
const MAX_ACCESS_KEY_BYTES: usize = 4096;
/// A hundred years: longer is a mistake, not a retention.
const MAX_TTL_DAYS: u32 = 36_500;

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "bridge",
        "Required for the dynamodb kind; leave out for s3",
        "Hoseline spec",
        presence,
    ),
    Rule::new(
        "bridge.functionName",
        "1-64 characters: a-z A-Z 0-9 - _",
        "lambda CreateFunction FunctionName (a name: 1-64, [a-zA-Z0-9-_]+)",
        function_name,
    ),
    Rule::new(
        "bridge.accessKey",
        "1-4096 visible ASCII characters; made for you when left out",
        "firehose HttpEndpointAccessKey (0-4096), sent in the X-Amz-Firehose-Access-Key header",
        access_key,
    ),
    Rule::new(
        "bridge.memorySizeMb",
        "128-10240 MB",
        "Lambda quotas, Function memory allocation (128-10,240 MB)",
        memory_size,
    ),
    Rule::new(
        "bridge.timeoutSeconds",
        "100-900 seconds (the bridge writes for up to 90 s)",
        "Lambda quotas, Function timeout (900 s); the bridge's write budget",
        timeout,
    ),
    Rule::by_type(
        "bridge.generateMissingKey",
        "true or false",
        "hoseline-bridge HOSELINE_GENERATE_KEY",
    ),
    Rule::new(
        "bridge.ttlDays",
        "1-36500 days; needs table.ttlAttribute",
        "hoseline-bridge HOSELINE_TTL_DAYS; DynamoDB guide, Time to Live",
        ttl_days,
    ),
    Rule::new(
        "bridge.arrivalAttribute",
        "1-255 bytes, not a key attribute nor the TTL attribute",
        "hoseline-bridge HOSELINE_ARRIVAL_ATTRIBUTE (at most 255 bytes)",
        arrival_attribute,
    ),
    Rule::by_type(
        "bridge.copyCommonAttributes",
        "true or false",
        "hoseline-bridge HOSELINE_COPY_COMMON_ATTRIBUTES",
    ),
    Rule::new(
        "bridge.rejectPrefix",
        "At most 512 bytes, no leading /, no !{...} expressions",
        "hoseline-bridge HOSELINE_REJECT_PREFIX (at most 512, no leading /)",
        prefixes::reject_prefix,
    ),
];

fn presence(spec: &PipelineSpec, f: &mut Field<'_>) {
    match (spec.kind, &spec.bridge) {
        (PipelineKind::Dynamodb, None) => f.fail(
            "is required for the dynamodb kind: Firehose has no DynamoDB destination, the bridge \
             writes the records",
        ),
        (PipelineKind::S3, Some(_)) => {
            f.fail("must be left out for the s3 kind: Firehose delivers to the bucket itself")
        }
        _ => {}
    }
}

fn with_bridge(
    spec: &PipelineSpec,
    f: &mut Field<'_>,
    check: impl FnOnce(&BridgeSpec) -> Result<(), String>,
) {
    if let Some(bridge) = &spec.bridge {
        f.check(check(bridge));
    }
}

fn function_name(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        check::chars(&b.function_name, 1, 64, "a-z A-Z 0-9 - _", |c| {
            c.is_ascii_alphanumeric() || c == '-' || c == '_'
        })
    });
}

fn access_key(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        let Some(key) = &b.access_key else {
            return Ok(());
        };
        // Never echo the key: it is a secret.
        let key = key.expose();
        if key.is_empty() {
            return Err("must not be empty; leave it out and one is made for you".to_owned());
        }
        if key.len() > MAX_ACCESS_KEY_BYTES {
            return Err(format!(
                "must be at most {MAX_ACCESS_KEY_BYTES} bytes (it has {})",
                key.len()
            ));
        }
        if !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(
                "may contain only visible ASCII characters, no spaces: Firehose sends it in an \
                 HTTP header, where other characters do not arrive intact"
                    .to_owned(),
            );
        }
        Ok(())
    });
}

fn memory_size(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        check::range(b.memory_size_mb, MIN_MEMORY_MB, MAX_MEMORY_MB, " MB")
    });
}

fn timeout(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        let t = b.timeout_seconds;
        check::range(t, 1, MAX_TIMEOUT_SECONDS, " seconds")?;
        if t < MIN_BRIDGE_TIMEOUT_SECONDS {
            return Err(format!(
                "must be at least {MIN_BRIDGE_TIMEOUT_SECONDS} seconds (it is {t}): the bridge \
                 writes a delivery for up to {BRIDGE_WRITE_BUDGET_SECONDS} s, then saves its \
                 rejected records; a Lambda stopped sooner fails the delivery and Firehose sends \
                 it again"
            ));
        }
        Ok(())
    });
}

fn ttl_days(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        let Some(days) = b.ttl_days else {
            return Ok(());
        };
        check::range(days, 1, MAX_TTL_DAYS, " days")?;
        let has_attribute = spec
            .table
            .as_ref()
            .is_some_and(|t| t.ttl_attribute.is_some());
        if !has_attribute {
            return Err(
                "needs table.ttlAttribute: the bridge writes the expiry time into that attribute, \
                 and DynamoDB's TTL deletes the item by it"
                    .to_owned(),
            );
        }
        Ok(())
    });
}

fn arrival_attribute(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_bridge(spec, f, |b| {
        let Some(name) = &b.arrival_attribute else {
            return Ok(());
        };
        check::bytes(name, 1, 255)?;
        check::no_outer_spaces(name)?;
        let Some(t) = &spec.table else {
            return Ok(());
        };
        if table::is_key(t, name) {
            return Err(format!(
                "must not be a key attribute ({name:?}): the bridge adds it to each item, and a \
                 key belongs to the record"
            ));
        }
        if t.ttl_attribute.as_deref() == Some(name) {
            return Err(format!(
                "must differ from table.ttlAttribute ({name:?}): the arrival time is text, the \
                 expiry a number of seconds"
            ));
        }
        Ok(())
    });
}
