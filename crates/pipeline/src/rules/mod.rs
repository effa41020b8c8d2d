//! Validation of a [`PipelineSpec`] against AWS's rules, and the rules as data.
//!
//! Every field has one [`Rule`]: its path (`table.name`, `bucket.corsAllowedOrigins[]`), the
//! constraint text the page shows under the field before anyone errs ("3-255 characters: a-z
//! A-Z 0-9 _ . -"), and the check that enforces it. The text and the check sit in the same entry,
//! so they cannot drift apart. [`validate`] runs every rule and reports every broken one in one
//! pass, each naming its field by the JSON path, plus [`Advice`] for the report's best practices.
//!
//! The limits come from botocore's service models (firehose 2015-08-04, dynamodb 2012-08-10,
//! s3 2006-03-01, iam 2010-05-08, lambda 2015-03-31, application-autoscaling 2016-02-06) and the
//! AWS developer guides; each rule names its source.

mod advice;
mod advice_keys;
mod bridge;
mod bucket;
mod check;
mod iam;
mod pipeline;
mod prefixes;
mod region;
mod stream;
mod table;

#[cfg(test)]
pub(crate) mod tests;

use serde::Serialize;

use crate::spec::{PipelineSpec, SpecError, SpecProblem};

pub use advice::{Advice, Severity};

use check::Field;

/// The largest Firehose buffer (MB) the bridge's Lambda function URL takes on AWS.
///
/// A function URL refuses a request over 6 MB (6,291,456 bytes, Lambda's synchronous payload
/// limit), and Firehose base64-encodes every record into the JSON body: 4 MiB of data arrives as
/// about 5.6 MB (plus at most 10,000 records x 12 bytes of framing), 5 MiB as about 7 MB, which
/// the URL answers with 413, a failure Firehose does not even back up.
pub const LAMBDA_FUNCTION_URL_MAX_BUFFER_MB: u32 = 4;

/// The bridge's write budget (seconds): all BatchWriteItem calls of one delivery end within it
/// (`HOSELINE_WRITE_BUDGET_SECONDS`, default 90 in `hoseline-bridge`).
pub const BRIDGE_WRITE_BUDGET_SECONDS: u32 = 90;

/// The shortest Lambda timeout that covers the write budget plus a margin for the cold start and
/// for saving rejected records to S3 after the writes.
pub const MIN_BRIDGE_TIMEOUT_SECONDS: u32 = BRIDGE_WRITE_BUDGET_SECONDS + 10;

/// A check: reads the spec, reports what is wrong with its field through `Field`.
type CheckFn = fn(&PipelineSpec, &mut Field<'_>);

/// One field's rule.
pub struct Rule {
    /// The field's path in the spec's JSON: `table.name`; `[]` stands for any index of a list.
    pub path: &'static str,
    /// The rule in a few words, for the form field's constraint text.
    pub constraint: &'static str,
    /// Where the rule comes from: a botocore shape or an AWS guide page.
    pub source: &'static str,
    /// `None` when the type enforces the rule on reading (a choice among names, a boolean).
    check: Option<CheckFn>,
}

impl Rule {
    pub(crate) const fn new(
        path: &'static str,
        constraint: &'static str,
        source: &'static str,
        check: CheckFn,
    ) -> Self {
        Self {
            path,
            constraint,
            source,
            check: Some(check),
        }
    }

    /// A rule the type enforces when the JSON is read: one of the listed names, or a boolean.
    pub(crate) const fn by_type(
        path: &'static str,
        constraint: &'static str,
        source: &'static str,
    ) -> Self {
        Self {
            path,
            constraint,
            source,
            check: None,
        }
    }

    /// Whether the spec's type alone enforces this rule (nothing to check after reading).
    pub fn enforced_by_type(&self) -> bool {
        self.check.is_none()
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("path", &self.path)
            .field("constraint", &self.constraint)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

/// Every rule, in the order of the spec's fields.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        pipeline::RULES,
        table::RULES,
        bucket::RULES,
        prefixes::RULES,
        stream::RULES,
        bridge::RULES,
        iam::RULES,
    ]
    .into_iter()
    .flatten()
}

/// The rule of a field. The path may name a list entry (`bucket.corsAllowedOrigins[1]`).
pub fn rule(path: &str) -> Option<&'static Rule> {
    let pattern = pattern_of(path);
    rules().find(|r| r.path == pattern)
}

/// The constraint text of a field, for the page.
pub fn constraint(path: &str) -> Option<&'static str> {
    rule(path).map(|r| r.constraint)
}

/// `a.b[3].c` -> `a.b[].c`.
fn pattern_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// What [`validate`] found: the broken rules and the advice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Validation {
    /// Broken rules: AWS (or the bridge) would refuse the spec.
    pub errors: Vec<SpecProblem>,
    /// Best practices the spec does not follow; it still works.
    pub warnings: Vec<Advice>,
}

impl Validation {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors of one field (a concrete path such as `bucket.corsAllowedOrigins[1]`).
    pub fn errors_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a SpecProblem> + 'a {
        self.errors.iter().filter(move |p| p.path == path)
    }

    /// `Ok(warnings)`, or every error as one [`SpecError`].
    pub fn into_result(self) -> Result<Vec<Advice>, SpecError> {
        if self.errors.is_empty() {
            Ok(self.warnings)
        } else {
            Err(SpecError {
                problems: self.errors,
            })
        }
    }
}

/// Checks every field of the spec; never stops at the first problem.
pub fn validate(spec: &PipelineSpec) -> Validation {
    let mut errors = Vec::new();
    for rule in rules() {
        if let Some(check) = rule.check {
            check(spec, &mut Field::new(rule.path, &mut errors));
        }
    }
    Validation {
        errors,
        warnings: advice::advise(spec),
    }
}
