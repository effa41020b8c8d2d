//! A delivery's query string on the local server. One local bridge serves every local pipeline,
//! so each stream's URL carries what a Lambda reads from its environment, as the pipeline plan
//! writes it (`hoseline_pipeline::bridge_env::query`):
//!
//! - `rejects=<bucket>`: the S3 bucket for the records the bridge rejects
//!   (`HOSELINE_REJECT_BUCKET`), checked as S3 names buckets;
//! - `rejectPrefix=<prefix>`: where in it (`HOSELINE_REJECT_PREFIX`; may be empty);
//! - the mapping options: `generateKey=true|false`, `ttlAttribute=<name>&ttlDays=<1-36500>`,
//!   `arrivalAttribute=<name>`, `copyCommonAttributes=true|false` (`HOSELINE_GENERATE_KEY`, ...).
//!
//! Names and values are percent-decoded, values checked by the same rules as the variables
//! ([`crate::config::settings`]). The bucket and the prefix each replace their variable. The
//! mapping options replace the configured ones as a whole: a URL naming any of them says all of
//! the stream's mapping (those it leaves out are off, as unset variables are), so what a stream's
//! records become never depends on how the shared bridge was started; a URL naming none keeps the
//! configured ones. Any other parameter, one given twice, or an empty value (but the prefix's) is
//! refused with 400 naming it: Firehose sends the URL exactly as the stream has it, so a typo
//! (`?reject=`) would otherwise change what happens to the stream's records unnoticed.

use hoseline_pipeline::mapping::MappingOptions;

use crate::config::settings::{self, QUERY};
use crate::config::{MAPPING_PARAMETERS, REJECTS_PARAMETER, REJECT_PREFIX_PARAMETER};
use crate::{protocol, Error};

/// Every parameter a delivery URL takes, in the order the plan writes them.
const PARAMETERS: [&str; 7] = [
    REJECTS_PARAMETER,
    REJECT_PREFIX_PARAMETER,
    MAPPING_PARAMETERS[0],
    MAPPING_PARAMETERS[1],
    MAPPING_PARAMETERS[2],
    MAPPING_PARAMETERS[3],
    MAPPING_PARAMETERS[4],
];

/// What a delivery's URL says beyond its table; `None`s leave the bridge's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeliveryQuery {
    /// `rejects`: the bucket for the delivery's rejects, in place of `HOSELINE_REJECT_BUCKET`.
    pub rejects: Option<String>,
    /// `rejectPrefix`, ending with `/` (or empty): in place of `HOSELINE_REJECT_PREFIX`.
    pub reject_prefix: Option<String>,
    /// The mapping options when the URL names any of them, in place of the configured ones.
    pub mapping: Option<MappingOptions>,
}

/// Parses a delivery's query string (without the `?`). Err: the 400's message, naming the
/// parameter and the rule.
pub fn delivery_query(query: &str) -> Result<DeliveryQuery, String> {
    let mut given: Vec<(&'static str, String)> = Vec::new();
    // `a=1&&b=2` and a trailing `&` hold empty pairs, which name nothing.
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode(raw_name, "a query parameter's name")?;
        let Some(name) = PARAMETERS.iter().copied().find(|p| *p == name) else {
            let shown = protocol::truncate_chars(&name, 80);
            return Err(format!(
                "unknown query parameter {shown:?}: a delivery URL takes only {}",
                PARAMETERS.join(", ")
            ));
        };
        if given.iter().any(|(n, _)| *n == name) {
            return Err(format!(
                "the query parameter {name} is given more than once: give it once"
            ));
        }
        let value = decode(raw_value, &format!("the query parameter {name}'s value"))?;
        // An empty prefix is a prefix (objects at the bucket's root); anything else empty is a
        // mistake: leave the parameter out to leave the option off.
        if value.trim().is_empty() && name != REJECT_PREFIX_PARAMETER {
            return Err(if name == REJECTS_PARAMETER {
                format!(
                    "the query parameter {name} is empty: name the S3 bucket for this stream's \
                     rejects, as ?{name}=<bucket>"
                )
            } else {
                format!("the query parameter {name} is empty: give it a value, or leave it out")
            });
        }
        given.push((name, value));
    }
    let get = |name: &str| {
        given
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    let rejects = get(REJECTS_PARAMETER)
        .map(|bucket| {
            hoseline_aws::s3::validate_bucket_name(REJECTS_PARAMETER, &bucket)
                .map(|()| bucket.clone())
                .map_err(|e| {
                    let shown = protocol::truncate_chars(&bucket, 80);
                    format!(
                        "the query parameter {REJECTS_PARAMETER} ({shown:?}) is not an S3 bucket \
                         name: {}",
                        crate::config::rule_of(&e)
                    )
                })
        })
        .transpose()?;
    let reject_prefix = get(REJECT_PREFIX_PARAMETER)
        .map(|prefix| settings::reject_prefix(QUERY.reject_prefix, Some(prefix)))
        .transpose()
        .map_err(|e| message(&e))?;
    let names_mapping = MAPPING_PARAMETERS.iter().any(|p| get(p).is_some());
    let mapping = if names_mapping {
        Some(settings::mapping_options(&QUERY, get).map_err(|e| message(&e))?)
    } else {
        None
    };
    Ok(DeliveryQuery {
        rejects,
        reject_prefix,
        mapping,
    })
}

/// A setting's error as a 400's message: `the query parameter ttlDays must be ...`.
fn message(e: &Error) -> String {
    match e {
        Error::Config { variable, rule } => format!("the query parameter {variable} {rule}"),
        other => other.to_string(),
    }
}

fn decode(raw: &str, what: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map(std::borrow::Cow::into_owned)
        .map_err(|_| format!("{what} is not UTF-8 once percent-decoded"))
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
