//! The bridge Lambda (`provided.al2023`, the zip published with the site, read from the
//! `BridgeCodeBucket`/`BridgeCodeKey` parameters), its public function URL and the two resource
//! policy statements a public URL needs since October 2025 (Lambda guide, "Control access to Lambda
//! function URLs": new function URLs need both `lambda:InvokeFunctionUrl` and
//! `lambda:InvokeFunction`). The `InvokeFunction` grant is limited to calls through the URL
//! (`InvokedViaFunctionUrl`), so the public cannot invoke the function by the Invoke API.
//!
//! Its environment is [`crate::bridge_env`], what the bridge reads. The access key comes from the
//! `NoEcho` parameter `BridgeAccessKey`: the template never holds it.

use serde_json::{json, Map, Value};

use super::intrinsic::{get_att, reference};
use super::logical_id::{
    BRIDGE_FUNCTION, BRIDGE_INVOKE_PERMISSION, BRIDGE_ROLE, BRIDGE_URL, BRIDGE_URL_PERMISSION,
    BUCKET, TABLE,
};
use super::parameter::{BRIDGE_ACCESS_KEY, BRIDGE_CODE_BUCKET, BRIDGE_CODE_KEY};
use super::{Template, BRIDGE_CODE_KEY_DEFAULT};
use crate::bridge_env;
use crate::spec::{BridgeSpec, PipelineSpec, TableSpec};

/// Firehose's limit on the access key, bytes.
const MAX_ACCESS_KEY_BYTES: u32 = 4096;

pub(super) fn add(t: &mut Template, spec: &PipelineSpec, bridge: &BridgeSpec, table: &TableSpec) {
    add_parameters(t);
    t.resource(
        BRIDGE_FUNCTION,
        json!({
            "Type": "AWS::Lambda::Function",
            "Properties": {
                "FunctionName": bridge.function_name,
                "Description": format!("Hoseline {}: Firehose HTTP endpoint -> DynamoDB {}", spec.name, table.name),
                "Runtime": "provided.al2023",
                "Handler": "bootstrap",
                // scripts/build-bridge.sh builds for x86_64-unknown-linux-musl.
                "Architectures": ["x86_64"],
                "Code": {
                    "S3Bucket": reference(BRIDGE_CODE_BUCKET),
                    "S3Key": reference(BRIDGE_CODE_KEY)
                },
                "Role": get_att(BRIDGE_ROLE, "Arn"),
                "MemorySize": bridge.memory_size_mb,
                "Timeout": bridge.timeout_seconds,
                "Environment": {"Variables": environment(spec, bridge, table)},
                "Tags": t.tags()
            }
        }),
    );
    t.resource(
        BRIDGE_URL,
        json!({
            "Type": "AWS::Lambda::Url",
            "Properties": {
                "TargetFunctionArn": get_att(BRIDGE_FUNCTION, "Arn"),
                // Firehose cannot sign requests; the bridge checks the access key instead.
                "AuthType": "NONE"
            }
        }),
    );
    t.resource(
        BRIDGE_URL_PERMISSION,
        json!({
            "Type": "AWS::Lambda::Permission",
            "Properties": {
                "FunctionName": reference(BRIDGE_FUNCTION),
                "Action": "lambda:InvokeFunctionUrl",
                "Principal": "*",
                "FunctionUrlAuthType": "NONE"
            }
        }),
    );
    t.resource(
        BRIDGE_INVOKE_PERMISSION,
        json!({
            "Type": "AWS::Lambda::Permission",
            "Properties": {
                "FunctionName": reference(BRIDGE_FUNCTION),
                "Action": "lambda:InvokeFunction",
                "Principal": "*",
                "InvokedViaFunctionUrl": true
            }
        }),
    );
    t.output(
        "FunctionUrl",
        "The bridge's function URL (Firehose's HTTP endpoint)",
        get_att(BRIDGE_URL, "FunctionUrl"),
    );
    t.output(
        "FunctionArn",
        "The bridge Lambda",
        get_att(BRIDGE_FUNCTION, "Arn"),
    );
}

fn add_parameters(t: &mut Template) {
    t.parameter(
        BRIDGE_ACCESS_KEY,
        json!({
            "Type": "String",
            "NoEcho": true,
            "MinLength": 1,
            "MaxLength": MAX_ACCESS_KEY_BYTES,
            "Description": "The key Firehose sends in X-Amz-Firehose-Access-Key and the bridge checks \
                            (e.g. 32 random bytes as base64url)"
        }),
    );
    t.parameter(
        BRIDGE_CODE_BUCKET,
        json!({
            "Type": "String",
            "MinLength": 3,
            "MaxLength": 63,
            "Description": "The S3 bucket (in this region) holding the bridge Lambda's zip"
        }),
    );
    t.parameter(
        BRIDGE_CODE_KEY,
        json!({
            "Type": "String",
            "MinLength": 1,
            "Default": BRIDGE_CODE_KEY_DEFAULT,
            "Description": "The zip's key: bridge-lambda.zip as published with the site (scripts/build-bridge.sh)"
        }),
    );
}

/// The bridge's settings ([`crate::bridge_env`]), with the table, the reject bucket and the
/// access key by reference: the function waits for the table and the bucket, and the key stays a
/// parameter.
fn environment(spec: &PipelineSpec, bridge: &BridgeSpec, table: &TableSpec) -> Value {
    let mut vars: Map<String, Value> = bridge_env::variables(bridge, table, &spec.bucket)
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Value::String(v)))
        .collect();
    vars.insert(bridge_env::TABLE.into(), reference(TABLE));
    vars.insert(bridge_env::REJECT_BUCKET.into(), reference(BUCKET));
    vars.insert(bridge_env::ACCESS_KEY.into(), reference(BRIDGE_ACCESS_KEY));
    Value::Object(vars)
}
