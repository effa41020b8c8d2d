//! The bridge on AWS: a Lambda (`provided.al2023`, the `bootstrap` binary of
//! `bridge-lambda.zip`) behind a public function URL, with the two resource-policy statements a
//! public URL needs. Locally the shared `hoseline bridge serve` plays this part: no steps.

use std::collections::BTreeMap;

use hoseline_aws::lambda::{
    AddPermission, CreateFunction, CreateFunctionUrlConfig, Variables, RUNTIME_PROVIDED_AL2023,
};

use super::{Builder, Call, Fact, Resource, ResourceKind, PIPELINE_TAG};
use crate::spec::PipelineSpec;

/// The bridge's settings, as `crates/bridge/src/config.rs` reads them (one list, in
/// [`crate::bridge_env`]).
pub use crate::bridge_env as env;

/// The statement that lets anyone call the public URL (the bridge checks the access key).
pub const PERMISSION_URL: &str = "hoseline-url-public";
/// The statement that lets those calls invoke the function (required since October 2025).
pub const PERMISSION_INVOKE: &str = "hoseline-url-invoke";

/// The Lambda's environment: the bridge's settings from the spec. The access key is the
/// placeholder `<access key>`; the engine puts the key in only when it sends CreateFunction.
pub fn bridge_environment(spec: &PipelineSpec) -> Variables {
    let (Some(table), Some(bridge)) = (&spec.table, &spec.bridge) else {
        return Variables(BTreeMap::new());
    };
    let mut vars: BTreeMap<String, String> = env::variables(bridge, table, &spec.bucket)
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    if bridge.access_key.is_some() {
        vars.insert(
            env::ACCESS_KEY.to_owned(),
            Fact::AccessKey.placeholder(false).to_owned(),
        );
    }
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
