//! The bridge's settings, read from environment variables as a Lambda is configured. A missing or
//! invalid setting stops start-up with an error naming the variable and the rule.
//!
//! The local server serves every local pipeline, so a delivery's URL may name its own reject
//! bucket, reject prefix and mapping options (the `*_PARAMETER` names below); [`settings`] reads
//! those with the same rules as the variables.

use std::time::Duration;

use hoseline_aws::credentials::Secret;
use hoseline_pipeline::bridge_env;
use hoseline_pipeline::mapping::MappingOptions;

use crate::Error;

pub(crate) mod settings;

// The names live in `hoseline_pipeline::bridge_env`, shared with the plan that creates the
// Lambda and the CloudFormation export.
pub const ENV_TABLE: &str = bridge_env::TABLE;
pub const ENV_ACCESS_KEY: &str = bridge_env::ACCESS_KEY;
pub const ENV_REJECT_BUCKET: &str = bridge_env::REJECT_BUCKET;
pub const ENV_REJECT_PREFIX: &str = bridge_env::REJECT_PREFIX;
pub const ENV_GENERATE_KEY: &str = bridge_env::GENERATE_KEY;
pub const ENV_TTL_ATTRIBUTE: &str = bridge_env::TTL_ATTRIBUTE;
pub const ENV_TTL_DAYS: &str = bridge_env::TTL_DAYS;
pub const ENV_ARRIVAL_ATTRIBUTE: &str = bridge_env::ARRIVAL_ATTRIBUTE;
pub const ENV_COPY_COMMON_ATTRIBUTES: &str = bridge_env::COPY_COMMON_ATTRIBUTES;
pub const ENV_WRITE_BUDGET_SECONDS: &str = bridge_env::WRITE_BUDGET_SECONDS;
pub const ENV_MAX_IN_FLIGHT: &str = bridge_env::MAX_IN_FLIGHT;

// The local server's query parameters, named in `hoseline_pipeline::bridge_env` beside the
// variables, shared with the plan that writes a local stream's URL:
// `<bridge>/tables/<table>?rejects=<bucket>&rejectPrefix=...&generateKey=...`.

/// The delivery's reject bucket; wins over `HOSELINE_REJECT_BUCKET`.
pub const REJECTS_PARAMETER: &str = bridge_env::QUERY_REJECTS;
/// The delivery's reject prefix; wins over `HOSELINE_REJECT_PREFIX`.
pub const REJECT_PREFIX_PARAMETER: &str = bridge_env::QUERY_REJECT_PREFIX;
/// `HOSELINE_GENERATE_KEY`'s parameter; a mapping option, as are the four below.
pub const GENERATE_KEY_PARAMETER: &str = bridge_env::QUERY_GENERATE_KEY;
/// `HOSELINE_TTL_ATTRIBUTE`'s parameter.
pub const TTL_ATTRIBUTE_PARAMETER: &str = bridge_env::QUERY_TTL_ATTRIBUTE;
/// `HOSELINE_TTL_DAYS`'s parameter.
pub const TTL_DAYS_PARAMETER: &str = bridge_env::QUERY_TTL_DAYS;
/// `HOSELINE_ARRIVAL_ATTRIBUTE`'s parameter.
pub const ARRIVAL_ATTRIBUTE_PARAMETER: &str = bridge_env::QUERY_ARRIVAL_ATTRIBUTE;
/// `HOSELINE_COPY_COMMON_ATTRIBUTES`'s parameter.
pub const COPY_COMMON_ATTRIBUTES_PARAMETER: &str = bridge_env::QUERY_COPY_COMMON_ATTRIBUTES;
/// The mapping options' parameters: a URL naming any of them sets the delivery's mapping options
/// as a whole, in place of the configured ones (those it leaves out are off, as unset variables
/// are); a URL naming none keeps the configured ones.
pub const MAPPING_PARAMETERS: [&str; 5] = bridge_env::QUERY_MAPPING;

/// The largest Firehose buffer (`BufferingHints.SizeInMBs`) for the bridge as a Lambda: a function
/// URL refuses requests over 6 MB before the function runs (Lambda answers 413 itself, which
/// Firehose treats as permanent), and Firehose base64-encodes the records, so its default 5 MB
/// buffer becomes about 6.7 MB. 4 MB becomes about 5.4 MB with the JSON around the records.
/// One value with the spec's rule (`stream.bufferingSizeMb`), which refuses more on AWS.
pub const LAMBDA_MAX_BUFFER_MB: u32 = hoseline_pipeline::rules::LAMBDA_FUNCTION_URL_MAX_BUFFER_MB;

pub const DEFAULT_REJECT_PREFIX: &str = "bridge-rejected/";
/// Well under the 3 minutes Firehose gives an endpoint; the spec's rule for the Lambda's timeout
/// reads the same value.
pub const DEFAULT_WRITE_BUDGET: Duration =
    Duration::from_secs(hoseline_pipeline::rules::BRIDGE_WRITE_BUDGET_SECONDS as u64);
pub const DEFAULT_MAX_IN_FLIGHT: usize = 4;
/// Firehose limits the access key to 4096 bytes.
const MAX_ACCESS_KEY_BYTES: usize = 4096;

/// Debug shows no access key (a [`Secret`]).
#[derive(Clone, Debug)]
pub struct BridgeConfig {
    /// `HOSELINE_TABLE`: the Lambda's one table; the local server takes the table from the path.
    pub table: Option<String>,
    /// `HOSELINE_ACCESS_KEY`, trimmed; `None` only when started explicitly without one (local use).
    pub access_key: Option<Secret>,
    /// `HOSELINE_REJECT_BUCKET`: where records that cannot become items go, unless the delivery
    /// names its own bucket (the local server's `?rejects=<bucket>`). Optional: one local bridge
    /// serves every local pipeline, each stream naming its pipeline's bucket in its URL. A
    /// delivery that must reject a record with no bucket named anywhere is a 500.
    pub reject_bucket: Option<String>,
    /// `HOSELINE_REJECT_PREFIX` (default `bridge-rejected/`), then `YYYY/MM/DD/HH/` UTC, unless
    /// the delivery names its own (the local server's `?rejectPrefix=`).
    pub reject_prefix: String,
    /// `HOSELINE_GENERATE_KEY`, `HOSELINE_TTL_ATTRIBUTE` + `HOSELINE_TTL_DAYS`,
    /// `HOSELINE_ARRIVAL_ATTRIBUTE`, `HOSELINE_COPY_COMMON_ATTRIBUTES`, unless the delivery names
    /// its own (the local server's `?generateKey=...`: see [`MAPPING_PARAMETERS`]).
    pub mapping: MappingOptions,
    /// All writes of one delivery end within this (`HOSELINE_WRITE_BUDGET_SECONDS`, default 90),
    /// or earlier when the caller must answer sooner (a Lambda invocation's deadline).
    pub write_budget: Duration,
    /// Concurrent BatchWriteItem calls (`HOSELINE_MAX_IN_FLIGHT`, default 4).
    pub max_in_flight: usize,
}

impl BridgeConfig {
    /// Reads the settings through `lookup` (`|k| std::env::var(k).ok()` in production). An empty
    /// value counts as unset; values are trimmed of surrounding whitespace. Without
    /// `HOSELINE_ACCESS_KEY` the bridge refuses to start unless `allow_no_access_key` (local use
    /// only); a key of only whitespace is refused either way.
    pub fn from_env(
        lookup: impl Fn(&str) -> Option<String>,
        allow_no_access_key: bool,
    ) -> Result<BridgeConfig, Error> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());

        let table = get(ENV_TABLE).map(|t| t.trim().to_owned());
        if let Some(t) = &table {
            check_table_name(t)?;
        }
        let access_key = match access_key(lookup(ENV_ACCESS_KEY))? {
            Some(key) if key.len() > MAX_ACCESS_KEY_BYTES => {
                return Err(Error::config(
                    ENV_ACCESS_KEY,
                    format!("must be at most {MAX_ACCESS_KEY_BYTES} bytes (Firehose's limit)"),
                ))
            }
            Some(key) => Some(Secret::new(key)),
            None if allow_no_access_key => None,
            None => {
                return Err(Error::config(
                    ENV_ACCESS_KEY,
                    "is required: Firehose sends it in X-Amz-Firehose-Access-Key \
                     (run without one only locally, with --allow-no-access-key)",
                ))
            }
        };
        let reject_bucket = get(ENV_REJECT_BUCKET).map(|b| b.trim().to_owned());
        if let Some(bucket) = &reject_bucket {
            hoseline_aws::s3::validate_bucket_name(ENV_REJECT_BUCKET, bucket)
                .map_err(|e| Error::config(ENV_REJECT_BUCKET, rule_of(&e)))?;
        }
        // The prefix may be empty (objects at the bucket's root): read as given.
        let reject_prefix = settings::reject_prefix(ENV_REJECT_PREFIX, lookup(ENV_REJECT_PREFIX))?;
        let mapping = settings::mapping_options(&settings::ENV, get)?;
        let write_budget = match get(ENV_WRITE_BUDGET_SECONDS) {
            Some(s) => Duration::from_secs(settings::number(ENV_WRITE_BUDGET_SECONDS, &s, 1, 170)?),
            None => DEFAULT_WRITE_BUDGET,
        };
        let max_in_flight = match get(ENV_MAX_IN_FLIGHT) {
            Some(s) => settings::number(ENV_MAX_IN_FLIGHT, &s, 1, 64)?,
            None => DEFAULT_MAX_IN_FLIGHT,
        };
        Ok(BridgeConfig {
            table,
            access_key,
            reject_bucket,
            reject_prefix,
            mapping,
            write_budget,
            max_in_flight,
        })
    }
}

/// The key without surrounding whitespace: a secret pasted or read from a file often ends with a
/// newline, and Firehose sends the key without it (every delivery would be 401). Unset or empty
/// means no key; a value of only whitespace is a mistake, refused with the variable's name.
fn access_key(value: Option<String>) -> Result<Option<String>, Error> {
    match value {
        None => Ok(None),
        Some(v) if v.is_empty() => Ok(None),
        Some(v) if v.trim().is_empty() => Err(Error::config(
            ENV_ACCESS_KEY,
            "is only whitespace: set the key Firehose sends, or leave the variable empty \
             (with --allow-no-access-key, for local use)",
        )),
        Some(v) => Ok(Some(v.trim().to_owned())),
    }
}

/// The rule an invalid-input error states, without the field it names.
pub(crate) fn rule_of(e: &hoseline_aws::Error) -> String {
    match e {
        hoseline_aws::Error::InvalidInput { rule, .. } => rule.clone(),
        other => other.to_string(),
    }
}

fn check_table_name(name: &str) -> Result<(), Error> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !(3..=255).contains(&name.len()) || !ok_chars {
        return Err(Error::config(
            ENV_TABLE,
            "must be a table name: 3 to 255 letters, digits, '_', '-' or '.'",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
