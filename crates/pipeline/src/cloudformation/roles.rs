//! The IAM roles and their inline policies, from [`hoseline_aws::iam::policies`]: Firehose's
//! (S3 delivery or backup, its own log group) and, for the DynamoDB kind, the bridge Lambda's
//! execution role (its table, its reject prefix, its own log group).

use hoseline_aws::iam::policies::{
    dynamodb_table_arn, firehose_backup_policy, firehose_log_streams_arn, firehose_trust_policy,
    lambda_trust_policy, BridgePolicy,
};
use serde_json::json;

use super::intrinsic::{get_att, substitute, ACCOUNT_ID, PARTITION, REGION};
use super::logical_id::{BRIDGE_ROLE, FIREHOSE_ROLE};
use super::Template;
use crate::spec::PipelineSpec;

/// The inline policies' names.
pub const FIREHOSE_POLICY_NAME: &str = "hoseline-firehose-delivery";
pub const BRIDGE_POLICY_NAME: &str = "hoseline-bridge-writes";

pub(super) fn add(t: &mut Template, spec: &PipelineSpec) {
    add_firehose_role(t, spec);
    if let (Some(bridge), Some(table), Some(role_name)) =
        (&spec.bridge, &spec.table, &spec.iam.bridge_role_name)
    {
        let table_arn = dynamodb_table_arn(PARTITION, REGION, ACCOUNT_ID, &table.name);
        let policy = BridgePolicy {
            partition: PARTITION,
            region: REGION,
            account_id: ACCOUNT_ID,
            table_arn: &table_arn,
            bucket: &spec.bucket.name,
            reject_prefix: &bridge.reject_prefix,
            function_name: &bridge.function_name,
        }
        .document();
        let role = json!({
            "Type": "AWS::IAM::Role",
            "Properties": {
                "RoleName": role_name,
                "Description": format!("Hoseline {}: the bridge Lambda's execution role", spec.name),
                "AssumeRolePolicyDocument": lambda_trust_policy(),
                "Policies": [{"PolicyName": BRIDGE_POLICY_NAME, "PolicyDocument": substitute(policy)}],
                "Tags": t.tags()
            }
        });
        t.resource(BRIDGE_ROLE, role);
        t.output(
            "BridgeRoleArn",
            "The bridge Lambda's execution role",
            get_att(BRIDGE_ROLE, "Arn"),
        );
    }
}

fn add_firehose_role(t: &mut Template, spec: &PipelineSpec) {
    let logs = firehose_log_streams_arn(PARTITION, REGION, ACCOUNT_ID, &spec.stream.name);
    let policy = firehose_backup_policy(PARTITION, &spec.bucket.name, &logs);
    let role = json!({
        "Type": "AWS::IAM::Role",
        "Properties": {
            "RoleName": spec.iam.firehose_role_name,
            "Description": format!("Hoseline {}: Firehose writes to the bucket and its log group", spec.name),
            // sts:ExternalId = this account: only this account's Firehose may assume it.
            "AssumeRolePolicyDocument": substitute(firehose_trust_policy(ACCOUNT_ID)),
            "Policies": [{"PolicyName": FIREHOSE_POLICY_NAME, "PolicyDocument": substitute(policy)}],
            "Tags": t.tags()
        }
    });
    t.resource(FIREHOSE_ROLE, role);
    t.output(
        "FirehoseRoleArn",
        "The role Firehose assumes",
        get_att(FIREHOSE_ROLE, "Arn"),
    );
}
