//! S3 key prefixes: Firehose's data and error output prefixes, with their `!{namespace:value}`
//! expressions, and the bridge's reject prefix, which it writes as it is.
//!
//! Firehose guide, "Custom prefixes for Amazon S3 objects", semantic rules: `!{` only opens an
//! expression; `ErrorOutputPrefix` can be null only if `Prefix` has no expressions; an error
//! output prefix holds `!{firehose:error-output-type}`, which `Prefix` cannot; neither is over
//! 512 characters once evaluated. The model (`Prefix`, `ErrorOutputPrefix`) allows 0-1024.
//! The bridge's own limit on its prefix is 512 bytes.

use hoseline_aws::firehose::ERROR_OUTPUT_TYPE;

use super::check::{self, Field};
use super::Rule;
use crate::spec::PipelineSpec;

/// Firehose's model limit on each prefix, in bytes.
const MAX_PREFIX_BYTES: usize = 1024;
/// Firehose refuses a prefix longer than this once evaluated; its literal text counts in full.
const MAX_EVALUATED_CHARS: usize = 512;
/// The bridge's limit on its reject prefix (`HOSELINE_REJECT_PREFIX`).
const MAX_REJECT_PREFIX_BYTES: usize = 512;

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "bucket.dataPrefix",
        "At most 1024 bytes, no leading /; may use !{timestamp:...} and !{firehose:random-string}",
        "firehose Prefix (0-1024); Firehose guide, Custom prefixes for Amazon S3 objects",
        data_prefix,
    ),
    Rule::new(
        "bucket.errorOutputPrefix",
        "At most 1024 bytes, no leading /, containing !{firehose:error-output-type}",
        "firehose ErrorOutputPrefix (0-1024); Firehose guide, Custom prefixes for Amazon S3 objects",
        error_output_prefix,
    ),
];

fn data_prefix(spec: &PipelineSpec, f: &mut Field<'_>) {
    let prefix = &spec.bucket.data_prefix;
    f.check(firehose_prefix(prefix).and_then(|()| {
        if prefix.contains(ERROR_OUTPUT_TYPE) {
            return Err(format!(
                "must not use {ERROR_OUTPUT_TYPE}: only the error output prefix can"
            ));
        }
        Ok(())
    }));
}

fn error_output_prefix(spec: &PipelineSpec, f: &mut Field<'_>) {
    let prefix = &spec.bucket.error_output_prefix;
    if prefix.is_empty() {
        if spec.bucket.data_prefix.contains("!{") {
            f.fail(format!(
                "is required when bucket.dataPrefix uses !{{...}} expressions; e.g. \
                 errors/{ERROR_OUTPUT_TYPE}/"
            ));
        }
        return;
    }
    f.check(firehose_prefix(prefix).and_then(|()| {
        if !prefix.contains(ERROR_OUTPUT_TYPE) {
            return Err(format!(
                "must contain {ERROR_OUTPUT_TYPE}, so each kind of failure gets its own folder \
                 ({prefix:?})"
            ));
        }
        Ok(())
    }));
}

/// The bridge's reject prefix (its rule is listed with the bridge's fields).
pub(super) fn reject_prefix(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Some(bridge) = &spec.bridge {
        let prefix = &bridge.reject_prefix;
        f.check(
            plain_prefix(prefix, MAX_REJECT_PREFIX_BYTES).and_then(|()| {
                check::no_outer_spaces(prefix)?;
                if prefix.contains("!{") {
                    return Err(format!(
                    "must not use !{{...}} expressions: the bridge writes the prefix as it is, \
                     then YYYY/MM/DD/HH/ ({prefix:?})"
                ));
                }
                Ok(())
            }),
        );
    }
}

/// Length and leading slash, shared by every prefix.
fn plain_prefix(prefix: &str, max_bytes: usize) -> Result<(), String> {
    if prefix.len() > max_bytes {
        return Err(format!(
            "must be at most {max_bytes} bytes of UTF-8 (it has {})",
            prefix.len()
        ));
    }
    if prefix.starts_with('/') {
        return Err(format!(
            "must not start with '/': S3 would make a folder with an empty name ({prefix:?})"
        ));
    }
    Ok(())
}

/// A Firehose prefix: lengths, leading slash, and every expression well formed.
fn firehose_prefix(prefix: &str) -> Result<(), String> {
    plain_prefix(prefix, MAX_PREFIX_BYTES)?;
    let literal = expressions(prefix)?;
    if literal > MAX_EVALUATED_CHARS {
        return Err(format!(
            "must be at most {MAX_EVALUATED_CHARS} characters once Firehose evaluates it; its \
             text outside expressions alone has {literal}"
        ));
    }
    Ok(())
}

/// Checks every `!{namespace:value}` and returns the number of characters outside them.
fn expressions(prefix: &str) -> Result<usize, String> {
    let mut literal = 0;
    let mut rest = prefix;
    while let Some(start) = rest.find("!{") {
        literal += rest[..start].chars().count();
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!(
                "has an unclosed !{{ ; write an expression as !{{namespace:value}} ({prefix:?})"
            ));
        };
        expression(&after[..end])?;
        rest = &after[end + 1..];
    }
    Ok(literal + rest.chars().count())
}

/// One expression's inside: the namespaces Firehose evaluates for a stream without dynamic
/// partitioning.
fn expression(inner: &str) -> Result<(), String> {
    let shown = format!("!{{{inner}}}");
    let Some((namespace, value)) = inner.split_once(':') else {
        return Err(format!(
            "{shown} is not an expression: write !{{namespace:value}}"
        ));
    };
    match namespace {
        "timestamp" if !value.trim().is_empty() => Ok(()),
        "timestamp" => Err(format!(
            "{shown} needs a date pattern, e.g. !{{timestamp:yyyy/MM/dd}}"
        )),
        "firehose" if value == "random-string" || value == "error-output-type" => Ok(()),
        "firehose" => Err(format!(
            "{shown}: the firehose namespace has only random-string and error-output-type"
        )),
        "partitionKeyFromQuery" | "partitionKeyFromLambda" => Err(format!(
            "{shown} needs dynamic partitioning, which Hoseline does not set up; use \
             !{{timestamp:...}} or !{{firehose:random-string}}"
        )),
        other => Err(format!(
            "{shown}: unknown namespace {other:?}; Firehose evaluates timestamp and firehose"
        )),
    }
}
