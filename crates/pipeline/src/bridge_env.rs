//! The bridge's settings for a spec, and their names: the environment variables `hoseline-bridge`
//! reads (the Lambda's, which the plan creates and the template exports) and the query parameters
//! of a local stream's URL (one local bridge serves every local pipeline, so each stream's URL
//! carries what a Lambda reads from its environment). The bridge's `config` module takes the
//! names from here, so the plan, the export and the bridge agree on one list.

use std::collections::BTreeMap;

use crate::spec::{BridgeSpec, BucketSpec, TableSpec};

pub const TABLE: &str = "HOSELINE_TABLE";
pub const ACCESS_KEY: &str = "HOSELINE_ACCESS_KEY";
pub const REJECT_BUCKET: &str = "HOSELINE_REJECT_BUCKET";
pub const REJECT_PREFIX: &str = "HOSELINE_REJECT_PREFIX";
pub const GENERATE_KEY: &str = "HOSELINE_GENERATE_KEY";
pub const TTL_ATTRIBUTE: &str = "HOSELINE_TTL_ATTRIBUTE";
pub const TTL_DAYS: &str = "HOSELINE_TTL_DAYS";
pub const ARRIVAL_ATTRIBUTE: &str = "HOSELINE_ARRIVAL_ATTRIBUTE";
pub const COPY_COMMON_ATTRIBUTES: &str = "HOSELINE_COPY_COMMON_ATTRIBUTES";
pub const WRITE_BUDGET_SECONDS: &str = "HOSELINE_WRITE_BUDGET_SECONDS";
pub const MAX_IN_FLIGHT: &str = "HOSELINE_MAX_IN_FLIGHT";

/// The local server's query parameter for the reject bucket ([`REJECT_BUCKET`]'s).
pub const QUERY_REJECTS: &str = "rejects";
/// [`REJECT_PREFIX`]'s query parameter.
pub const QUERY_REJECT_PREFIX: &str = "rejectPrefix";
/// [`GENERATE_KEY`]'s query parameter.
pub const QUERY_GENERATE_KEY: &str = "generateKey";
/// [`TTL_ATTRIBUTE`]'s query parameter.
pub const QUERY_TTL_ATTRIBUTE: &str = "ttlAttribute";
/// [`TTL_DAYS`]'s query parameter.
pub const QUERY_TTL_DAYS: &str = "ttlDays";
/// [`ARRIVAL_ATTRIBUTE`]'s query parameter.
pub const QUERY_ARRIVAL_ATTRIBUTE: &str = "arrivalAttribute";
/// [`COPY_COMMON_ATTRIBUTES`]'s query parameter.
pub const QUERY_COPY_COMMON_ATTRIBUTES: &str = "copyCommonAttributes";

/// The query parameters of the mapping options: a URL naming any of them sets the delivery's
/// mapping as a whole (those it leaves out are off, as unset variables are), in place of the
/// bridge's configured one.
pub const QUERY_MAPPING: [&str; 5] = [
    QUERY_GENERATE_KEY,
    QUERY_TTL_ATTRIBUTE,
    QUERY_TTL_DAYS,
    QUERY_ARRIVAL_ATTRIBUTE,
    QUERY_COPY_COMMON_ATTRIBUTES,
];

/// The bridge Lambda's variables for a spec, every one but [`ACCESS_KEY`]: a secret the caller
/// adds from where it keeps it (the spec, or a template parameter). A TTL is set only with both
/// the table's attribute and the bridge's days, as the bridge refuses one without the other.
pub fn variables(
    bridge: &BridgeSpec,
    table: &TableSpec,
    bucket: &BucketSpec,
) -> BTreeMap<&'static str, String> {
    let mut vars = BTreeMap::new();
    vars.insert(TABLE, table.name.clone());
    vars.insert(REJECT_BUCKET, bucket.name.clone());
    vars.extend(
        settings(bridge, table)
            .into_iter()
            .map(|(variable, _, value)| (variable, value)),
    );
    vars
}

/// A local stream's query parameters for a spec, in the order of its URL: the reject bucket, then
/// every setting [`variables`] gives a Lambda, named explicitly (`false` included) so that the URL
/// says all the bridge does with the stream's records, whatever the local bridge's own defaults.
/// Values are unencoded; the URL percent-encodes them.
pub fn query(
    bridge: &BridgeSpec,
    table: &TableSpec,
    bucket: &BucketSpec,
) -> Vec<(&'static str, String)> {
    let mut parameters = vec![(QUERY_REJECTS, bucket.name.clone())];
    parameters.extend(
        settings(bridge, table)
            .into_iter()
            .map(|(_, parameter, value)| (parameter, value)),
    );
    parameters
}

/// The bridge's settings from the spec, beyond its table and bucket: (variable, query parameter,
/// value), in the URL's order. One list for both, so the Lambda and a local stream get the same.
fn settings(bridge: &BridgeSpec, table: &TableSpec) -> Vec<(&'static str, &'static str, String)> {
    let mut settings = vec![
        (
            REJECT_PREFIX,
            QUERY_REJECT_PREFIX,
            bridge.reject_prefix.clone(),
        ),
        (
            GENERATE_KEY,
            QUERY_GENERATE_KEY,
            bridge.generate_missing_key.to_string(),
        ),
    ];
    if let (Some(attribute), Some(days)) = (&table.ttl_attribute, bridge.ttl_days) {
        settings.push((TTL_ATTRIBUTE, QUERY_TTL_ATTRIBUTE, attribute.clone()));
        settings.push((TTL_DAYS, QUERY_TTL_DAYS, days.to_string()));
    }
    if let Some(attribute) = &bridge.arrival_attribute {
        settings.push((
            ARRIVAL_ATTRIBUTE,
            QUERY_ARRIVAL_ATTRIBUTE,
            attribute.clone(),
        ));
    }
    settings.push((
        COPY_COMMON_ATTRIBUTES,
        QUERY_COPY_COMMON_ATTRIBUTES,
        bridge.copy_common_attributes.to_string(),
    ));
    settings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::PipelineSpec;

    #[test]
    fn the_default_spec_sets_every_mapping_option() {
        let spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        let (bridge, table) = (
            spec.bridge.as_ref().expect("bridge"),
            spec.table.as_ref().expect("table"),
        );
        let vars = variables(bridge, table, &spec.bucket);
        let want: BTreeMap<&str, String> = [
            (TABLE, "demo-tickers"),
            (REJECT_BUCKET, "demo-data"),
            (REJECT_PREFIX, "bridge-rejected/"),
            (GENERATE_KEY, "true"),
            (TTL_ATTRIBUTE, "EXPIRES_AT"),
            (TTL_DAYS, "30"),
            (ARRIVAL_ATTRIBUTE, "ARRIVED_AT"),
            (COPY_COMMON_ATTRIBUTES, "false"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
        assert_eq!(vars, want);
        assert!(!vars.contains_key(ACCESS_KEY));
    }

    #[test]
    fn ttl_needs_both_the_attribute_and_the_days() {
        let mut spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        if let Some(b) = spec.bridge.as_mut() {
            b.ttl_days = None;
        }
        let vars = variables(
            spec.bridge.as_ref().expect("bridge"),
            spec.table.as_ref().expect("table"),
            &spec.bucket,
        );
        assert!(!vars.contains_key(TTL_ATTRIBUTE) && !vars.contains_key(TTL_DAYS));
        let query = query(
            spec.bridge.as_ref().expect("bridge"),
            spec.table.as_ref().expect("table"),
            &spec.bucket,
        );
        assert!(
            !query
                .iter()
                .any(|(name, _)| *name == QUERY_TTL_ATTRIBUTE || *name == QUERY_TTL_DAYS),
            "{query:?}"
        );
    }

    // A local stream's URL names every setting a Lambda gets, false ones included.
    #[test]
    fn the_query_carries_the_lambdas_settings_in_order() {
        let mut spec = PipelineSpec::local_dynamodb("demo");
        if let Some(b) = spec.bridge.as_mut() {
            b.copy_common_attributes = true;
            b.reject_prefix = String::new();
        }
        let (bridge, table) = (
            spec.bridge.as_ref().expect("bridge"),
            spec.table.as_ref().expect("table"),
        );
        let query = query(bridge, table, &spec.bucket);
        let want: Vec<(&str, String)> = [
            (QUERY_REJECTS, "demo-data"),
            (QUERY_REJECT_PREFIX, ""),
            (QUERY_GENERATE_KEY, "true"),
            (QUERY_TTL_ATTRIBUTE, "EXPIRES_AT"),
            (QUERY_TTL_DAYS, "30"),
            (QUERY_ARRIVAL_ATTRIBUTE, "ARRIVED_AT"),
            (QUERY_COPY_COMMON_ATTRIBUTES, "true"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
        assert_eq!(query, want);
        let vars = variables(bridge, table, &spec.bucket);
        let named = |variable: &str| vars.get(variable).cloned();
        for (parameter, variable) in [
            (QUERY_REJECTS, REJECT_BUCKET),
            (QUERY_REJECT_PREFIX, REJECT_PREFIX),
            (QUERY_GENERATE_KEY, GENERATE_KEY),
            (QUERY_TTL_ATTRIBUTE, TTL_ATTRIBUTE),
            (QUERY_TTL_DAYS, TTL_DAYS),
            (QUERY_ARRIVAL_ATTRIBUTE, ARRIVAL_ATTRIBUTE),
            (QUERY_COPY_COMMON_ATTRIBUTES, COPY_COMMON_ATTRIBUTES),
        ] {
            let value = query.iter().find(|(p, _)| *p == parameter).map(|(_, v)| v);
            assert_eq!(value.cloned(), named(variable), "{parameter}");
        }
    }
}
