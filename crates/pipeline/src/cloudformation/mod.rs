// placeholder until eng-exports merges: the lead replaces this module with eng-exports'
// `crate::cloudformation` (same signature). Kept minimal but valid, so the plan's stack step and
// the engine's tests run.
//! The foundation stack of a pipeline on AWS: the S3 bucket (CORS rule, lifecycle) and the IAM
//! roles with their least-privilege policies, with Outputs BucketName, BucketArn,
//! FirehoseRoleArn and BridgeRoleArn.

use serde_json::{json, Map, Value};

use hoseline_aws::iam::policies::{
    firehose_backup_policy, firehose_trust_policy, lambda_trust_policy, BridgePolicy,
};

use crate::plan::{console_cors_rule, output};
use crate::spec::{PipelineKind, PipelineSpec};

/// Strings that name the stack's account, region or partition become `Fn::Sub`.
fn substitute(value: Value) -> Value {
    match value {
        Value::String(s) if s.contains("${AWS::") => json!({ "Fn::Sub": s }),
        Value::Array(items) => Value::Array(items.into_iter().map(substitute).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, substitute(v))).collect())
        }
        other => other,
    }
}

/// The template (JSON) of the stack `hoseline-<name>`.
pub fn foundation_template(spec: &PipelineSpec) -> Value {
    let (partition, region, account) = ("${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}");
    let bucket = &spec.bucket;
    let mut bucket_props = json!({ "BucketName": bucket.name });
    if !bucket.cors_allowed_origins.is_empty() {
        let rule = console_cors_rule(bucket);
        bucket_props["CorsConfiguration"] = json!({"CorsRules": [{
            "Id": rule.id,
            "AllowedOrigins": rule.allowed_origins,
            "AllowedMethods": rule.allowed_methods,
            "AllowedHeaders": rule.allowed_headers,
            "ExposedHeaders": rule.expose_headers,
            "MaxAge": rule.max_age_seconds,
        }]});
    }
    if let Some(days) = bucket.expiration_days {
        bucket_props["LifecycleConfiguration"] = json!({"Rules": [{
            "Id": "hoseline-expiry", "Status": "Enabled", "ExpirationInDays": days
        }]});
    }
    let logs = format!(
        "arn:{partition}:logs:{region}:{account}:log-group:/aws/kinesisfirehose/{}:log-stream:*",
        spec.stream.name
    );
    let mut resources = Map::new();
    resources.insert(
        "Bucket".into(),
        json!({"Type": "AWS::S3::Bucket", "Properties": bucket_props}),
    );
    resources.insert(
        "FirehoseRole".into(),
        json!({"Type": "AWS::IAM::Role", "DependsOn": "Bucket", "Properties": {
            "RoleName": spec.iam.firehose_role_name,
            "AssumeRolePolicyDocument": firehose_trust_policy(account),
            "Policies": [{"PolicyName": "hoseline-delivery",
                "PolicyDocument": firehose_backup_policy(partition, &bucket.name, &logs)}],
        }}),
    );
    let mut outputs = json!({
        output::BUCKET_NAME: {"Value": {"Ref": "Bucket"}},
        output::BUCKET_ARN: {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]}},
        output::FIREHOSE_ROLE_ARN: {"Value": {"Fn::GetAtt": ["FirehoseRole", "Arn"]}},
    });
    if let (PipelineKind::Dynamodb, Some(role), Some(table), Some(bridge)) = (
        spec.kind,
        &spec.iam.bridge_role_name,
        &spec.table,
        &spec.bridge,
    ) {
        let table_arn = format!(
            "arn:{partition}:dynamodb:{region}:{account}:table/{}",
            table.name
        );
        let policy = BridgePolicy {
            partition,
            region,
            account_id: account,
            table_arn: &table_arn,
            bucket: &bucket.name,
            reject_prefix: &bridge.reject_prefix,
            function_name: &bridge.function_name,
        };
        resources.insert(
            "BridgeRole".into(),
            json!({"Type": "AWS::IAM::Role", "Properties": {
                "RoleName": role,
                "AssumeRolePolicyDocument": lambda_trust_policy(),
                "Policies": [{"PolicyName": "hoseline-bridge", "PolicyDocument": policy.document()}],
            }}),
        );
        outputs[output::BRIDGE_ROLE_ARN] = json!({"Value": {"Fn::GetAtt": ["BridgeRole", "Arn"]}});
    }
    substitute(json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": format!("Hoseline pipeline {}: backup bucket and IAM roles", spec.name),
        "Resources": resources,
        "Outputs": outputs,
    }))
}
