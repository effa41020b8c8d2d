//! Request encoding and response decoding, with the examples of the Application Auto Scaling
//! API reference and user guide.

use serde_json::{json, Value};

use super::*;
use crate::{Endpoint, HttpResponse, Operation, Region};

fn sent<O: Operation>(op: &O) -> (String, Value) {
    op.validate().expect("valid input");
    let ep = Endpoint::Aws.resolve(
        Service::ApplicationAutoScaling,
        &Region::new("us-west-2").expect("region"),
    );
    let r = op.build(&ep).expect("builds");
    assert_eq!(
        r.url,
        "https://application-autoscaling.us-west-2.amazonaws.com/"
    );
    assert_eq!(
        r.get_header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    let target = r.get_header("x-amz-target").expect("target").to_owned();
    (target, serde_json::from_slice(&r.body).expect("json"))
}

// The DynamoDB example of the Application Auto Scaling user guide ("Using the AWS CLI to
// manage DynamoDB auto scaling"): table/TestTable, writes from 5 to 10 units.
#[test]
fn register_scalable_target_for_a_table() {
    let op = RegisterScalableTarget::dynamodb_table("TestTable", DYNAMODB_TABLE_WRITE, 5, 10);
    let (target, body) = sent(&op);
    assert_eq!(target, "AnyScaleFrontendService.RegisterScalableTarget");
    assert_eq!(
        body,
        json!({"ServiceNamespace": "dynamodb", "ResourceId": "table/TestTable", "ScalableDimension": "dynamodb:table:WriteCapacityUnits", "MinCapacity": 5, "MaxCapacity": 10})
    );
    let out = op
        .parse(HttpResponse::new(200, r#"{"ScalableTargetARN":"arn:aws:application-autoscaling:us-west-2:123456789012:scalable-target/0123"}"#))
        .expect("decodes");
    assert!(out
        .scalable_target_arn
        .is_some_and(|a| a.ends_with("/0123")));
    assert_eq!(
        op.parse(HttpResponse::new(200, "{}")).expect("decodes"),
        RegisterScalableTargetOutput::default()
    );
}

// PutScalingPolicy example "To apply a target tracking scaling policy", for DynamoDB.
#[test]
fn put_target_tracking_policy_for_a_table() {
    let mut op = PutScalingPolicy::dynamodb_target_tracking(
        "TableWCUScalingPolicy",
        "TestTable",
        DYNAMODB_TABLE_WRITE,
        50.0,
    );
    op.target_tracking_scaling_policy_configuration
        .scale_in_cooldown = Some(60);
    op.target_tracking_scaling_policy_configuration
        .scale_out_cooldown = Some(60);
    let (target, body) = sent(&op);
    assert_eq!(target, "AnyScaleFrontendService.PutScalingPolicy");
    assert_eq!(
        body,
        json!({"PolicyName": "TableWCUScalingPolicy", "ServiceNamespace": "dynamodb", "ResourceId": "table/TestTable",
            "ScalableDimension": "dynamodb:table:WriteCapacityUnits", "PolicyType": "TargetTrackingScaling",
            "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 50.0, "PredefinedMetricSpecification": {"PredefinedMetricType": "DynamoDBWriteCapacityUtilization"},
                "ScaleOutCooldown": 60, "ScaleInCooldown": 60}})
    );
    let out = op
        .parse(HttpResponse::new(200, json!({"Alarms": [{"AlarmARN": "arn:aws:cloudwatch:us-west-2:012345678910:alarm:TargetTracking-table/TestTable-AlarmHigh-d4f0770c", "AlarmName": "TargetTracking-table/TestTable-AlarmHigh-d4f0770c"}],
            "PolicyARN": "arn:aws:autoscaling:us-west-2:012345678910:scalingPolicy:6d8972f3:resource/dynamodb/table/TestTable:policyName/TableWCUScalingPolicy"}).to_string()))
        .expect("decodes");
    assert_eq!(out.alarms.len(), 1);
    assert!(out.policy_arn.ends_with("policyName/TableWCUScalingPolicy"));
    let read =
        PutScalingPolicy::dynamodb_target_tracking("r", "TestTable", DYNAMODB_TABLE_READ, 70.0);
    assert_eq!(
        read.target_tracking_scaling_policy_configuration
            .predefined_metric_specification
            .predefined_metric_type,
        DYNAMODB_READ_UTILIZATION
    );
}

#[test]
fn validation_names_field_and_rule() {
    let e = RegisterScalableTarget::dynamodb_table("t", DYNAMODB_TABLE_WRITE, 10, 5)
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "MaxCapacity: must be at least MinCapacity (5 < 10)"
    );
    let mut op = RegisterScalableTarget::dynamodb_table("t", DYNAMODB_TABLE_WRITE, 1, 5);
    op.service_namespace = "dynamo".into();
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ServiceNamespace")
    );
    let mut op = RegisterScalableTarget::dynamodb_table("t", "ecs:service:DesiredCount", 1, 5);
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ScalableDimension")
    );
    op.scalable_dimension = DYNAMODB_TABLE_READ.into();
    op.resource_id = "t".into();
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ResourceId")
    );
    let e = PutScalingPolicy::dynamodb_target_tracking("p", "t", DYNAMODB_TABLE_WRITE, 95.0)
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "TargetValue: must be from 20 to 90 (it is 95)"
    );
    let e = PutScalingPolicy::dynamodb_target_tracking("", "t", DYNAMODB_TABLE_WRITE, 50.0)
        .validate()
        .expect_err("must fail");
    assert_eq!(e.to_string(), "PolicyName: is required");
}
