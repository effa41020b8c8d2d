//! The bridge's environment: the variable names `hoseline-bridge` reads (its `config` module
//! takes them from here) and their values for a spec, so the Lambda the plan creates, the
//! exported template and the bridge itself agree on one list.

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
    vars.insert(REJECT_PREFIX, bridge.reject_prefix.clone());
    vars.insert(GENERATE_KEY, bridge.generate_missing_key.to_string());
    if let (Some(attribute), Some(days)) = (&table.ttl_attribute, bridge.ttl_days) {
        vars.insert(TTL_ATTRIBUTE, attribute.clone());
        vars.insert(TTL_DAYS, days.to_string());
    }
    if let Some(attribute) = &bridge.arrival_attribute {
        vars.insert(ARRIVAL_ATTRIBUTE, attribute.clone());
    }
    vars.insert(
        COPY_COMMON_ATTRIBUTES,
        bridge.copy_common_attributes.to_string(),
    );
    vars
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
    }
}
