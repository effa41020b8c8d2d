//! The bridge reads what the pipeline plan gives it: the Lambda's environment (every variable name
//! the plan writes is one `BridgeConfig` reads, and the values become the spec's settings), and
//! a local stream's endpoint URL (its table, and the same settings as the Lambda's environment).

#![cfg(not(target_arch = "wasm32"))]

use hoseline_aws::{Endpoint, Region};
use hoseline_bridge::config::{
    ARRIVAL_ATTRIBUTE_PARAMETER, COPY_COMMON_ATTRIBUTES_PARAMETER, ENV_ACCESS_KEY,
    ENV_ARRIVAL_ATTRIBUTE, ENV_COPY_COMMON_ATTRIBUTES, ENV_GENERATE_KEY, ENV_REJECT_BUCKET,
    ENV_REJECT_PREFIX, ENV_TABLE, ENV_TTL_ATTRIBUTE, ENV_TTL_DAYS, GENERATE_KEY_PARAMETER,
    REJECTS_PARAMETER, REJECT_PREFIX_PARAMETER, TTL_ATTRIBUTE_PARAMETER, TTL_DAYS_PARAMETER,
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
// bridge reads from it the pipeline's table and every setting a Lambda of the same spec reads
// from its environment (the example's generated sort key, TTL and arrival time included).
#[test]
fn the_planned_local_stream_url_gives_the_bridge_the_lambdas_settings() {
    assert_eq!(
        [
            bridge_env::QUERY_REJECTS,
            bridge_env::QUERY_REJECT_PREFIX,
            bridge_env::QUERY_GENERATE_KEY,
            bridge_env::QUERY_TTL_ATTRIBUTE,
            bridge_env::QUERY_TTL_DAYS,
            bridge_env::QUERY_ARRIVAL_ATTRIBUTE,
            bridge_env::QUERY_COPY_COMMON_ATTRIBUTES,
        ],
        [
            REJECTS_PARAMETER,
            REJECT_PREFIX_PARAMETER,
            GENERATE_KEY_PARAMETER,
            TTL_ATTRIBUTE_PARAMETER,
            TTL_DAYS_PARAMETER,
            ARRIVAL_ATTRIBUTE_PARAMETER,
            COPY_COMMON_ATTRIBUTES_PARAMETER,
        ]
    );
    let example = include_str!("../../../examples/local-dynamodb.json");
    let mut specs = vec![PipelineSpec::from_json(example).expect("the example")];
    // Every option the other way round, and names that need percent-encoding.
    let mut other = PipelineSpec::local_dynamodb("demo");
    if let Some(t) = other.table.as_mut() {
        t.ttl_attribute = Some("expires at&=".to_owned());
    }
    if let Some(b) = other.bridge.as_mut() {
        b.generate_missing_key = false;
        b.ttl_days = Some(2);
        b.arrival_attribute = None;
        b.copy_common_attributes = true;
        b.reject_prefix = "rejected/by bridge/".to_owned();
    }
    specs.push(other);
    for spec in specs {
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
        let hoseline_pipeline::spec::Target::Local { bridge_url, .. } = &spec.target else {
            panic!("a local spec")
        };
        let path_and_query = url
            .strip_prefix(bridge_url.as_str())
            .unwrap_or_else(|| panic!("{url} is not on the local bridge"));
        let Route::Deliver { table, query } = route(&Method::POST, path_and_query, None) else {
            panic!("{url} is not a delivery")
        };
        assert_eq!(table, spec.table.as_ref().expect("a table").name);

        // What a Lambda made from the same spec reads from its environment.
        let mut vars = bridge_environment(&spec).0;
        vars.insert(ENV_ACCESS_KEY.to_owned(), "k".to_owned());
        let lambda = BridgeConfig::from_env(|k| vars.get(k).cloned(), false).expect("starts");
        assert_eq!(query.rejects, lambda.reject_bucket, "{url}");
        assert_eq!(query.reject_prefix, Some(lambda.reject_prefix), "{url}");
        assert_eq!(query.mapping, Some(lambda.mapping), "{url}");
    }
}
