//! The DynamoDB table and, for provisioned billing with auto scaling, Application Auto Scaling's
//! target and target-tracking policy on DynamoDBWriteCapacityUtilization.
//!
//! The scalable target names no `RoleARN`: for DynamoDB, Application Auto Scaling uses its
//! service-linked role (`AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`), made on first
//! use (AWS::ApplicationAutoScaling::ScalableTarget, "RoleARN": "If the service supports
//! service-linked roles, Application Auto Scaling uses a service-linked role").

use serde_json::{json, Value};

use super::intrinsic::{get_att, reference};
use super::logical_id::{TABLE, TABLE_WRITE_POLICY, TABLE_WRITE_TARGET};
use super::Template;
use crate::spec::{AutoScaling, Billing, KeySpec, TableSpec};

pub(super) fn add(t: &mut Template, table: &TableSpec) {
    let keys: Vec<(&KeySpec, &str)> = std::iter::once((&table.partition_key, "HASH"))
        .chain(table.sort_key.as_ref().map(|k| (k, "RANGE")))
        .collect();
    let mut properties = json!({
        "TableName": table.name,
        "AttributeDefinitions": keys.iter()
            .map(|(k, _)| json!({"AttributeName": k.name, "AttributeType": k.key_type.to_string()}))
            .collect::<Vec<_>>(),
        "KeySchema": keys.iter()
            .map(|(k, role)| json!({"AttributeName": k.name, "KeyType": role}))
            .collect::<Vec<_>>(),
        "PointInTimeRecoverySpecification": {
            "PointInTimeRecoveryEnabled": table.point_in_time_recovery
        },
        "Tags": t.tags()
    });
    match &table.billing {
        Billing::OnDemand => properties["BillingMode"] = json!("PAY_PER_REQUEST"),
        Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            ..
        } => {
            properties["BillingMode"] = json!("PROVISIONED");
            properties["ProvisionedThroughput"] = json!({
                "ReadCapacityUnits": read_capacity_units,
                "WriteCapacityUnits": write_capacity_units
            });
        }
    }
    if let Some(attribute) = &table.ttl_attribute {
        properties["TimeToLiveSpecification"] =
            json!({"AttributeName": attribute, "Enabled": true});
    }
    t.data_resource(
        TABLE,
        json!({"Type": "AWS::DynamoDB::Table", "Properties": properties}),
    );
    if let Billing::Provisioned {
        auto_scaling: Some(scaling),
        ..
    } = &table.billing
    {
        add_write_scaling(t, scaling);
    }
    t.output("TableName", "The DynamoDB table", reference(TABLE));
    t.output(
        "TableArn",
        "The DynamoDB table's ARN",
        get_att(TABLE, "Arn"),
    );
}

/// The target-tracking policy's name.
pub const WRITE_POLICY_NAME: &str = "hoseline-write-utilization";

fn add_write_scaling(t: &mut Template, scaling: &AutoScaling) {
    t.resource(
        TABLE_WRITE_TARGET,
        json!({
            "Type": "AWS::ApplicationAutoScaling::ScalableTarget",
            "Properties": {
                "ServiceNamespace": "dynamodb",
                "ScalableDimension": "dynamodb:table:WriteCapacityUnits",
                // `table/NAME`, through the table's Ref so the target waits for the table.
                "ResourceId": {"Fn::Sub": format!("table/${{{TABLE}}}")},
                "MinCapacity": scaling.min_capacity,
                "MaxCapacity": scaling.max_capacity,
                "Tags": t.tags()
            }
        }),
    );
    t.resource(
        TABLE_WRITE_POLICY,
        json!({
            "Type": "AWS::ApplicationAutoScaling::ScalingPolicy",
            "Properties": {
                // Unique per scalable target, so a fixed name serves every table.
                "PolicyName": WRITE_POLICY_NAME,
                "PolicyType": "TargetTrackingScaling",
                "ScalingTargetId": reference(TABLE_WRITE_TARGET),
                "TargetTrackingScalingPolicyConfiguration": target_tracking(scaling)
            }
        }),
    );
}

fn target_tracking(scaling: &AutoScaling) -> Value {
    json!({
        "TargetValue": f64::from(scaling.target_utilization),
        "PredefinedMetricSpecification": {
            "PredefinedMetricType": "DynamoDBWriteCapacityUtilization"
        }
    })
}
