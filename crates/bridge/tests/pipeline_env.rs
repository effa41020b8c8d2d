//! The bridge Lambda reads the environment the pipeline plan gives it: every variable name the
//! plan writes is one `BridgeConfig` reads, and the values become the spec's settings.

use hoseline_bridge::config::{
    ENV_ACCESS_KEY, ENV_ARRIVAL_ATTRIBUTE, ENV_COPY_COMMON_ATTRIBUTES, ENV_GENERATE_KEY,
    ENV_REJECT_BUCKET, ENV_REJECT_PREFIX, ENV_TABLE, ENV_TTL_ATTRIBUTE, ENV_TTL_DAYS,
};
use hoseline_bridge::BridgeConfig;
use hoseline_pipeline::mapping::TtlSetting;
use hoseline_pipeline::plan::{bridge_env, bridge_environment};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec};

#[test]
fn the_planned_environment_is_what_the_bridge_reads() {
    assert_eq!(
        [
            bridge_env::TABLE,
            bridge_env::ACCESS_KEY,
            bridge_env::REJECT_BUCKET,
            bridge_env::REJECT_PREFIX,
            bridge_env::GENERATE_KEY,
            bridge_env::TTL_ATTRIBUTE,
            bridge_env::TTL_DAYS,
            bridge_env::ARRIVAL_ATTRIBUTE,
            bridge_env::COPY_COMMON_ATTRIBUTES,
        ],
        [
            ENV_TABLE,
            ENV_ACCESS_KEY,
            ENV_REJECT_BUCKET,
            ENV_REJECT_PREFIX,
            ENV_GENERATE_KEY,
            ENV_TTL_ATTRIBUTE,
            ENV_TTL_DAYS,
            ENV_ARRIVAL_ATTRIBUTE,
            ENV_COPY_COMMON_ATTRIBUTES,
        ]
    );
    let mut spec = PipelineSpec::aws_dynamodb("demo", "eu-west-1");
    if let Some(b) = spec.bridge.as_mut() {
        b.access_key = Some(AccessKey::new("the-key"));
    }
    let mut vars = bridge_environment(&spec).0;
    // The plan holds a placeholder; apply puts the key in when it sends CreateFunction.
    assert_eq!(vars[ENV_ACCESS_KEY], "<access key>");
    vars.insert(ENV_ACCESS_KEY.to_owned(), "the-key".to_owned());
    let config =
        BridgeConfig::from_env(|k| vars.get(k).cloned(), false).expect("the bridge starts");
    assert_eq!(config.table.as_deref(), Some("demo-tickers"));
    assert_eq!(config.reject_bucket, "demo-data");
    assert_eq!(config.reject_prefix, "bridge-rejected/");
    assert_eq!(
        config
            .access_key
            .as_ref()
            .map(|k| k.expose().to_owned())
            .as_deref(),
        Some("the-key")
    );
    assert!(config.mapping.generate_missing_key);
    assert_eq!(
        config.mapping.ttl,
        Some(TtlSetting {
            attribute: "EXPIRES_AT".into(),
            days: 30
        })
    );
    assert_eq!(
        config.mapping.arrival_attribute.as_deref(),
        Some("ARRIVED_AT")
    );
    assert!(!config.mapping.copy_common_attributes);
}
