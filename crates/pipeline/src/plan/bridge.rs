//! The bridge on AWS: a Lambda (`provided.al2023`, the `bootstrap` binary of
//! `bridge-lambda.zip`) behind a public function URL, with the two resource-policy statements a
//! public URL needs. Locally the shared `hoseline bridge serve` plays this part: no steps.

use std::collections::BTreeMap;

use hoseline_aws::lambda::{
    AddPermission, CreateFunction, CreateFunctionUrlConfig, Variables, RUNTIME_PROVIDED_AL2023,
};

use super::{Builder, Call, Fact, Resource, ResourceKind, PIPELINE_TAG};
use crate::spec::PipelineSpec;

/// The bridge's settings, as `crates/bridge/src/config.rs` reads them (its `ENV_*` names; the
/// bridge crate depends on this one, so the names are written here too and checked there).
pub mod env {
    pub const TABLE: &str = "HOSELINE_TABLE";
    pub const ACCESS_KEY: &str = "HOSELINE_ACCESS_KEY";
    pub const REJECT_BUCKET: &str = "HOSELINE_REJECT_BUCKET";
    pub const REJECT_PREFIX: &str = "HOSELINE_REJECT_PREFIX";
    pub const GENERATE_KEY: &str = "HOSELINE_GENERATE_KEY";
    pub const TTL_ATTRIBUTE: &str = "HOSELINE_TTL_ATTRIBUTE";
    pub const TTL_DAYS: &str = "HOSELINE_TTL_DAYS";
    pub const ARRIVAL_ATTRIBUTE: &str = "HOSELINE_ARRIVAL_ATTRIBUTE";
    pub const COPY_COMMON_ATTRIBUTES: &str = "HOSELINE_COPY_COMMON_ATTRIBUTES";
}

/// The statement that lets anyone call the public URL (the bridge checks the access key).
pub const PERMISSION_URL: &str = "hoseline-url-public";
/// The statement that lets those calls invoke the function (required since October 2025).
pub const PERMISSION_INVOKE: &str = "hoseline-url-invoke";

/// The Lambda's environment: the bridge's settings from the spec. The access key is the
/// placeholder `<access key>`; the engine puts the key in only when it sends CreateFunction.
pub fn bridge_environment(spec: &PipelineSpec) -> Variables {
    let mut vars = BTreeMap::new();
    let (Some(table), Some(bridge)) = (&spec.table, &spec.bridge) else {
        return Variables(vars);
    };
    let mut set = |k: &str, v: String| {
        vars.insert(k.to_owned(), v);
    };
    set(env::TABLE, table.name.clone());
    if bridge.access_key.is_some() {
        set(
            env::ACCESS_KEY,
            Fact::AccessKey.placeholder(false).to_owned(),
        );
    }
    set(env::REJECT_BUCKET, spec.bucket.name.clone());
    set(env::REJECT_PREFIX, bridge.reject_prefix.clone());
    set(env::GENERATE_KEY, bridge.generate_missing_key.to_string());
    if let (Some(attribute), Some(days)) = (&table.ttl_attribute, bridge.ttl_days) {
        set(env::TTL_ATTRIBUTE, attribute.clone());
        set(env::TTL_DAYS, days.to_string());
    }
    if let Some(arrival) = &bridge.arrival_attribute {
        set(env::ARRIVAL_ATTRIBUTE, arrival.clone());
    }
    set(
        env::COPY_COMMON_ATTRIBUTES,
        bridge.copy_common_attributes.to_string(),
    );
    Variables(vars)
}

pub(super) fn steps(b: &mut Builder<'_>) {
    let spec = b.spec;
    let (Some(table), Some(bridge)) = (&spec.table, &spec.bridge) else {
        return;
    };
    let function = bridge.function_name.clone();
    let resource = Resource::new(ResourceKind::Function, &function);
    let mut needs = b.needs();
    let role = needs.text(Fact::BridgeRoleArn);
    let zip_file = needs.zip();
    b.push(
        "bridge.function",
        resource.clone(),
        Call::CreateFunction(Box::new(CreateFunction {
            function_name: function.clone(),
            runtime: RUNTIME_PROVIDED_AL2023.to_owned(),
            role,
            handler: "bootstrap".to_owned(),
            zip_file,
            architectures: vec!["x86_64".to_owned()],
            memory_size: Some(bridge.memory_size_mb),
            timeout: Some(bridge.timeout_seconds),
            environment: bridge_environment(spec),
            description: Some(format!("Hoseline bridge of pipeline {}", spec.name)),
            tags: BTreeMap::from([(PIPELINE_TAG.to_owned(), spec.name.clone())]),
        })),
        format!(
            "The bridge: takes Firehose's HTTP deliveries and writes them to table {}",
            table.name
        ),
        None,
        needs,
    );
    b.push(
        "bridge.url",
        resource.clone(),
        Call::CreateFunctionUrlConfig(CreateFunctionUrlConfig {
            function_name: function.clone(),
            auth_type: "NONE".to_owned(),
            cors: None,
        }),
        "Firehose delivers to an HTTPS URL; AuthType NONE since Firehose cannot sign: the bridge checks its access key",
        Some("bridge.function"),
        b.needs(),
    );
    b.push(
        "bridge.permission.url",
        resource.clone(),
        Call::AddPermission(AddPermission {
            function_name: function.clone(),
            statement_id: PERMISSION_URL.to_owned(),
            action: "lambda:InvokeFunctionUrl".to_owned(),
            principal: "*".to_owned(),
            function_url_auth_type: Some("NONE".to_owned()),
            invoked_via_function_url: None,
            source_arn: None,
        }),
        "A public function URL needs lambda:InvokeFunctionUrl for everyone in the function's policy",
        Some("bridge.function"),
        b.needs(),
    );
    b.push(
        "bridge.permission.invoke",
        resource,
        Call::AddPermission(AddPermission {
            function_name: function,
            statement_id: PERMISSION_INVOKE.to_owned(),
            action: "lambda:InvokeFunction".to_owned(),
            principal: "*".to_owned(),
            function_url_auth_type: None,
            invoked_via_function_url: Some(true),
            source_arn: None,
        }),
        "...and lambda:InvokeFunction, only through the function URL (required since October 2025)",
        Some("bridge.function"),
        b.needs(),
    );
}
