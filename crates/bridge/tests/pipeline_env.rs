//! The bridge reads what the pipeline plan gives it: the Lambda's environment (every variable name
//! the plan writes is one `BridgeConfig` reads, and the values become the spec's settings), and
//! a local stream's endpoint URL (its table and reject bucket).

#![cfg(not(target_arch = "wasm32"))]

use hoseline_aws::{Endpoint, Region};
use hoseline_bridge::config::{
    ENV_ACCESS_KEY, ENV_ARRIVAL_ATTRIBUTE, ENV_COPY_COMMON_ATTRIBUTES, ENV_GENERATE_KEY,
    ENV_REJECT_BUCKET, ENV_REJECT_PREFIX, ENV_TABLE, ENV_TTL_ATTRIBUTE, ENV_TTL_DAYS,
};
use hoseline_bridge::server::{route, Route};
use hoseline_bridge::BridgeConfig;
use hoseline_pipeline::mapping::TtlSetting;
use hoseline_pipeline::plan::Facts;
use hoseline_pipeline::plan::{bridge_env, bridge_environment};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec};
use hyper::Method;

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
    assert_eq!(config.reject_bucket.as_deref(), Some("demo-data"));
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

// A local pipeline's stream delivers to the shared local bridge at the URL the plan writes: the
// bridge reads the pipeline's table and reject bucket from it.
#[test]
fn the_planned_local_stream_url_names_the_table_and_reject_bucket_the_bridge_reads() {
    let spec = PipelineSpec::local_dynamodb("demo");
    let plan = hoseline_pipeline::plan::plan(&spec, &Facts::default());
    let step = plan.step("stream").expect("a stream step");
    let endpoint = Endpoint::Aws.resolve(
        step.call.service(),
        &Region::new("us-east-1").expect("region"),
    );
    let request = step.call.build(&endpoint).expect("the call builds");
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("JSON");
    let url = body["HttpEndpointDestinationConfiguration"]["EndpointConfiguration"]["Url"]
        .as_str()
        .expect("the endpoint URL");
    let path_and_query = url
        .strip_prefix("http://127.0.0.1:4599")
        .unwrap_or_else(|| panic!("{url} is not on the local bridge"));
    assert_eq!(
        route(&Method::POST, path_and_query, None),
        Route::Deliver {
            table: spec.table.as_ref().expect("a table").name.clone(),
            rejects: Some(spec.bucket.name.clone()),
        }
    );
}
