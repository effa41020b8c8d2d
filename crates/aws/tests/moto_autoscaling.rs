//! Application Auto Scaling against the local emulator (moto, signature-checking): a
//! PROVISIONED table gets a scalable write target and a target-tracking policy. Needs
//! `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::autoscaling::{PutScalingPolicy, RegisterScalableTarget, DYNAMODB_TABLE_WRITE};
use hoseline_aws::dynamodb::{
    AttributeDefinition, BillingMode, CreateTable, DeleteTable, DescribeTable, ScalarAttributeType,
};

#[tokio::test]
async fn a_provisioned_table_gets_write_auto_scaling() {
    let client = common::checked();
    let table = common::unique("ddb-scaled");
    client
        .send(
            &CreateTable::new(
                &table,
                AttributeDefinition::new("pk", ScalarAttributeType::S),
                None,
            )
            .provisioned(5, 5),
        )
        .await
        .expect("CreateTable");
    let t = client
        .send(&DescribeTable::new(&table))
        .await
        .expect("DescribeTable")
        .table
        .expect("Table");
    assert_eq!(t.billing_mode(), BillingMode::Provisioned);
    let throughput = t.provisioned_throughput.expect("ProvisionedThroughput");
    assert_eq!(throughput.write_capacity_units, Some(5));

    client
        .send(&RegisterScalableTarget::dynamodb_table(
            &table,
            DYNAMODB_TABLE_WRITE,
            5,
            50,
        ))
        .await
        .expect("RegisterScalableTarget");

    let policy_name = format!("{table}-writes");
    let policy = client
        .send(&PutScalingPolicy::dynamodb_target_tracking(
            &policy_name,
            &table,
            DYNAMODB_TABLE_WRITE,
            70.0,
        ))
        .await
        .expect("PutScalingPolicy");
    assert!(
        policy.policy_arn.contains(&policy_name),
        "{}",
        policy.policy_arn
    );
    assert!(
        policy.policy_arn.contains(&format!("table/{table}")),
        "{}",
        policy.policy_arn
    );

    // Registering again with other bounds updates the target (the call is idempotent).
    client
        .send(&RegisterScalableTarget::dynamodb_table(
            &table,
            DYNAMODB_TABLE_WRITE,
            5,
            100,
        ))
        .await
        .expect("RegisterScalableTarget again");

    client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
}
