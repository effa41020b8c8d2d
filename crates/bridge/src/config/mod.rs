//! The bridge's settings, read from environment variables as a Lambda is configured. A missing or
//! invalid setting stops start-up with an error naming the variable and the rule.

use std::time::Duration;

use hoseline_aws::credentials::Secret;
use hoseline_pipeline::bridge_env;
use hoseline_pipeline::mapping::{MappingOptions, TtlSetting};

use crate::Error;

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

/// The local server's query parameter naming a delivery's reject bucket, as the pipeline plan
/// writes a local stream's URL: `<bridge>/tables/<table>?rejects=<bucket>`. It wins over
/// `HOSELINE_REJECT_BUCKET`.
pub const REJECTS_PARAMETER: &str = "rejects";

/// The largest Firehose buffer (`BufferingHints.SizeInMBs`) for the bridge as a Lambda: a function
/// URL refuses requests over 6 MB before the function runs (Lambda answers 413 itself, which
/// Firehose treats as permanent), and Firehose base64-encodes the records, so its default 5 MB
/// buffer becomes about 6.7 MB. 4 MB becomes about 5.4 MB with the JSON around the records.
pub const LAMBDA_MAX_BUFFER_MB: u32 = 4;

pub const DEFAULT_REJECT_PREFIX: &str = "bridge-rejected/";
/// Well under the 3 minutes Firehose gives an endpoint.
pub const DEFAULT_WRITE_BUDGET: Duration = Duration::from_secs(90);
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
    /// `HOSELINE_REJECT_PREFIX` (default `bridge-rejected/`), then `YYYY/MM/DD/HH/` UTC.
    pub reject_prefix: String,
    /// `HOSELINE_GENERATE_KEY`, `HOSELINE_TTL_ATTRIBUTE` + `HOSELINE_TTL_DAYS`,
    /// `HOSELINE_ARRIVAL_ATTRIBUTE`, `HOSELINE_COPY_COMMON_ATTRIBUTES`.
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
        let reject_prefix = reject_prefix(lookup(ENV_REJECT_PREFIX))?;

        let ttl = match (get(ENV_TTL_ATTRIBUTE), get(ENV_TTL_DAYS)) {
            (None, None) => None,
            (Some(attribute), Some(days)) => Some(TtlSetting {
                attribute: attribute_name(ENV_TTL_ATTRIBUTE, attribute)?,
                days: number::<u32>(ENV_TTL_DAYS, &days, 1, 36_500)?,
            }),
            (Some(_), None) => {
                return Err(Error::config(
                    ENV_TTL_DAYS,
                    format!("is required when {ENV_TTL_ATTRIBUTE} is set"),
                ))
            }
            (None, Some(_)) => {
                return Err(Error::config(
                    ENV_TTL_ATTRIBUTE,
                    format!("is required when {ENV_TTL_DAYS} is set"),
                ))
            }
        };
        let mapping = MappingOptions {
            generate_missing_key: flag(ENV_GENERATE_KEY, get(ENV_GENERATE_KEY))?,
            ttl,
            arrival_attribute: get(ENV_ARRIVAL_ATTRIBUTE)
                .map(|a| attribute_name(ENV_ARRIVAL_ATTRIBUTE, a))
                .transpose()?,
            copy_common_attributes: flag(
                ENV_COPY_COMMON_ATTRIBUTES,
                get(ENV_COPY_COMMON_ATTRIBUTES),
            )?,
        };
        let write_budget = match get(ENV_WRITE_BUDGET_SECONDS) {
            Some(s) => Duration::from_secs(number(ENV_WRITE_BUDGET_SECONDS, &s, 1, 170)?),
            None => DEFAULT_WRITE_BUDGET,
        };
        let max_in_flight = match get(ENV_MAX_IN_FLIGHT) {
            Some(s) => number(ENV_MAX_IN_FLIGHT, &s, 1, 64)?,
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

/// The prefix as given (empty allowed), ending with `/` so the date folders follow it.
fn reject_prefix(value: Option<String>) -> Result<String, Error> {
    let Some(prefix) = value else {
        return Ok(DEFAULT_REJECT_PREFIX.to_owned());
    };
    let prefix = prefix.trim();
    if prefix.starts_with('/') || prefix.len() > 512 {
        return Err(Error::config(
            ENV_REJECT_PREFIX,
            "must not start with '/' and must be at most 512 characters",
        ));
    }
    Ok(if prefix.is_empty() || prefix.ends_with('/') {
        prefix.to_owned()
    } else {
        format!("{prefix}/")
    })
}

fn attribute_name(variable: &str, value: String) -> Result<String, Error> {
    let value = value.trim().to_owned();
    if value.len() > 255 {
        return Err(Error::config(
            variable,
            "must be an attribute name of at most 255 bytes",
        ));
    }
    Ok(value)
}

fn flag(variable: &str, value: Option<String>) -> Result<bool, Error> {
    match value.as_deref().map(str::trim) {
        None => Ok(false),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
        Some(v) => Err(Error::config(
            variable,
            format!("must be true or false (it is {v:?})"),
        )),
    }
}

fn number<N>(variable: &str, value: &str, min: N, max: N) -> Result<N, Error>
where
    N: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    match value.trim().parse::<N>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(Error::config(
            variable,
            format!("must be a whole number from {min} to {max} (it is {value:?})"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn from(vars: &[(&str, &str)], allow: bool) -> Result<BridgeConfig, Error> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        BridgeConfig::from_env(|k| vars.get(k).cloned(), allow)
    }

    const BASE: [(&str, &str); 2] = [
        (ENV_ACCESS_KEY, "secret-key"),
        (ENV_REJECT_BUCKET, "my-rejects"),
    ];

    #[test]
    fn defaults() {
        let c = from(&BASE, false).expect("valid");
        assert_eq!(c.table, None);
        assert_eq!(
            c.access_key.as_ref().map(Secret::expose),
            Some("secret-key")
        );
        assert_eq!(c.reject_bucket.as_deref(), Some("my-rejects"));
        assert_eq!(c.reject_prefix, "bridge-rejected/");
        assert_eq!(c.write_budget, Duration::from_secs(90));
        assert_eq!(c.max_in_flight, 4);
        assert_eq!(c.mapping, MappingOptions::default());
        assert!(
            !format!("{c:?}").contains("secret-key"),
            "Debug hides the key"
        );
    }

    #[test]
    fn every_setting() {
        let c = from(
            &[
                (ENV_TABLE, "orders"),
                (ENV_ACCESS_KEY, "k"),
                (ENV_REJECT_BUCKET, "my-rejects"),
                (ENV_REJECT_PREFIX, "bad"),
                (ENV_GENERATE_KEY, "TRUE"),
                (ENV_TTL_ATTRIBUTE, "expires"),
                (ENV_TTL_DAYS, "30"),
                (ENV_ARRIVAL_ATTRIBUTE, "arrived"),
                (ENV_COPY_COMMON_ATTRIBUTES, "true"),
                (ENV_WRITE_BUDGET_SECONDS, "60"),
                (ENV_MAX_IN_FLIGHT, "8"),
            ],
            false,
        )
        .expect("valid");
        assert_eq!(c.table.as_deref(), Some("orders"));
        assert_eq!(c.reject_prefix, "bad/");
        assert!(c.mapping.generate_missing_key);
        assert!(c.mapping.copy_common_attributes);
        assert_eq!(
            c.mapping.ttl,
            Some(TtlSetting {
                attribute: "expires".into(),
                days: 30
            })
        );
        assert_eq!(c.mapping.arrival_attribute.as_deref(), Some("arrived"));
        assert_eq!(c.write_budget, Duration::from_secs(60));
        assert_eq!(c.max_in_flight, 8);
    }

    // The environment the plan and the CloudFormation export give the Lambda starts the bridge
    // with the spec's settings.
    #[test]
    fn the_specs_environment_starts_the_bridge() {
        let spec = hoseline_pipeline::spec::PipelineSpec::aws_dynamodb("demo", "us-east-1");
        let (bridge, table) = (
            spec.bridge.as_ref().expect("bridge"),
            spec.table.as_ref().expect("table"),
        );
        let mut vars: HashMap<String, String> = bridge_env::variables(bridge, table, &spec.bucket)
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        vars.insert(ENV_ACCESS_KEY.to_owned(), "k".to_owned());
        let c = BridgeConfig::from_env(|k| vars.get(k).cloned(), false).expect("valid");
        assert_eq!(c.table.as_deref(), Some("demo-tickers"));
        assert_eq!(c.reject_bucket.as_deref(), Some("demo-data"));
        assert_eq!(c.reject_prefix, bridge.reject_prefix);
        assert_eq!(
            c.mapping,
            MappingOptions {
                generate_missing_key: true,
                ttl: Some(TtlSetting {
                    attribute: "EXPIRES_AT".into(),
                    days: 30
                }),
                arrival_attribute: Some("ARRIVED_AT".into()),
                copy_common_attributes: false,
            }
        );
    }

    // One local bridge serves every local pipeline, each stream naming its bucket in its URL:
    // the variable is a default, not a requirement (unset, empty or blank alike).
    #[test]
    fn the_reject_bucket_is_an_optional_default() {
        for vars in [
            &[(ENV_ACCESS_KEY, "k")][..],
            &[(ENV_ACCESS_KEY, "k"), (ENV_REJECT_BUCKET, "")],
            &[(ENV_ACCESS_KEY, "k"), (ENV_REJECT_BUCKET, " \n")],
        ] {
            let c = from(vars, false).expect("valid without a reject bucket");
            assert_eq!(c.reject_bucket, None, "{vars:?}");
        }
        let c = from(&[(ENV_REJECT_BUCKET, " my-rejects\n")], true).expect("valid");
        assert_eq!(c.reject_bucket.as_deref(), Some("my-rejects"));
    }

    #[test]
    fn no_access_key_is_refused_unless_allowed() {
        let e = from(&[(ENV_REJECT_BUCKET, "my-rejects")], false).unwrap_err();
        assert_eq!(e.variable(), Some(ENV_ACCESS_KEY));
        assert!(e.to_string().contains("--allow-no-access-key"), "{e}");
        let c = from(
            &[(ENV_REJECT_BUCKET, "my-rejects"), (ENV_ACCESS_KEY, "")],
            true,
        )
        .expect("allowed");
        assert!(c.access_key.is_none());
    }

    #[test]
    fn the_access_key_is_trimmed_and_a_blank_one_is_refused() {
        // A key pasted with a trailing newline (`echo key > file`, a secret store) is still the key.
        for raw in ["secret-key\n", "  secret-key\t", "\r\nsecret-key \r\n"] {
            let c = from(
                &[(ENV_ACCESS_KEY, raw), (ENV_REJECT_BUCKET, "my-rejects")],
                false,
            )
            .expect("valid");
            assert_eq!(
                c.access_key.as_ref().map(Secret::expose),
                Some("secret-key"),
                "{raw:?}"
            );
        }
        // Set, but nothing left after trimming: a mistake to name, even with --allow-no-access-key.
        for allow in [false, true] {
            let e = from(
                &[(ENV_ACCESS_KEY, " \n"), (ENV_REJECT_BUCKET, "my-rejects")],
                allow,
            )
            .unwrap_err();
            assert_eq!(e.variable(), Some(ENV_ACCESS_KEY), "{e}");
            assert!(e.to_string().contains("only whitespace"), "{e}");
        }
    }

    /// Settings over the base ones, the variable the error names, and a piece of its rule.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

    #[test]
    fn bad_settings_name_the_variable_and_the_rule() {
        let cases: &[Case<'_>] = &[
            (
                &[(ENV_REJECT_BUCKET, "My_Bucket")],
                ENV_REJECT_BUCKET,
                "lowercase",
            ),
            (&[(ENV_REJECT_BUCKET, "ab")], ENV_REJECT_BUCKET, "3 to 63"),
            (&[(ENV_TABLE, "ab")], ENV_TABLE, "3 to 255"),
            (
                &[(ENV_GENERATE_KEY, "yes")],
                ENV_GENERATE_KEY,
                "true or false",
            ),
            (&[(ENV_TTL_ATTRIBUTE, "ttl")], ENV_TTL_DAYS, "required when"),
            (&[(ENV_TTL_DAYS, "3")], ENV_TTL_ATTRIBUTE, "required when"),
            (
                &[(ENV_TTL_ATTRIBUTE, "ttl"), (ENV_TTL_DAYS, "0")],
                ENV_TTL_DAYS,
                "1 to 36500",
            ),
            (
                &[(ENV_WRITE_BUDGET_SECONDS, "600")],
                ENV_WRITE_BUDGET_SECONDS,
                "1 to 170",
            ),
            (&[(ENV_MAX_IN_FLIGHT, "0")], ENV_MAX_IN_FLIGHT, "1 to 64"),
            (&[(ENV_REJECT_PREFIX, "/abs")], ENV_REJECT_PREFIX, "'/'"),
        ];
        for (vars, variable, rule) in cases {
            let mut all: Vec<(&str, &str)> = BASE.to_vec();
            all.retain(|(k, _)| !vars.iter().any(|(v, _)| v == k));
            all.extend_from_slice(vars);
            let e = from(&all, false).expect_err(variable);
            assert_eq!(e.variable(), Some(*variable), "{e}");
            assert!(e.to_string().contains(rule), "{variable}: {e}");
        }
    }
}
