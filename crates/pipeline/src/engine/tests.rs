//! The engine's pure parts: the progress record, the comparisons that decide adoption, and how
//! events read.

use serde_json::json;

use super::adopt;
use super::events::{StepEvent, StepState, TeardownEvent, TeardownState};
use super::progress::{Progress, StepRecord};
use super::Difference;
use crate::plan::{plan, Call, Facts, Resource, ResourceKind};
use crate::spec::PipelineSpec;
use hoseline_aws::firehose::DeliveryStreamDescription;
use hoseline_aws::iam::Role;

#[test]
fn a_progress_record_belongs_to_one_pipeline_target_and_version() {
    let spec = PipelineSpec::local_s3("demo");
    let mut progress = Progress::default();
    progress.claim(&spec).expect("an empty record fits");
    assert_eq!(
        (progress.pipeline.as_str(), progress.target.as_str()),
        ("demo", "local:us-east-1")
    );
    progress.steps.insert(
        "bucket".into(),
        StepRecord {
            adopted: false,
            ours: true,
            outputs: [("BucketName".to_owned(), "demo-data".to_owned())].into(),
        },
    );
    let text = progress.to_json();
    let back = Progress::from_json(&text).expect("reads back");
    assert_eq!(back, progress);
    assert_eq!(back.facts().output("BucketName"), Some("demo-data"));
    assert!(
        Progress::from_json(&text.replace("\"pipeline\"", "\"secret\": 1, \"pipeline\"")).is_err()
    );

    let other = PipelineSpec::local_s3("other");
    assert_eq!(
        progress
            .clone()
            .claim(&other)
            .expect_err("another pipeline"),
        "the progress record is for pipeline \"demo\", not \"other\""
    );
    let aws = PipelineSpec::aws_s3("demo", "eu-west-1");
    assert_eq!(
        progress.clone().claim(&aws).expect_err("another target"),
        "the progress record is for local:us-east-1, the spec targets aws:eu-west-1"
    );
    let mut old = progress;
    old.version = 9;
    assert!(old
        .claim(&spec)
        .expect_err("another version")
        .contains("version 9"));
}

fn role(trust: serde_json::Value) -> Role {
    Role {
        assume_role_policy_document: Some(trust.to_string()),
        ..Role::default()
    }
}

#[test]
fn a_role_is_compared_by_whom_it_trusts() {
    let p = plan(
        &PipelineSpec::local_s3("demo"),
        &Facts {
            account_id: Some("123456789012".into()),
            ..Facts::default()
        },
    );
    let Call::CreateRole(op) = &p.step("roles.firehose").expect("role").call else {
        panic!()
    };
    let wanted = &op.assume_role_policy_document;
    let same: serde_json::Value = serde_json::from_str(wanted).expect("json");
    assert!(adopt::role_trust(&role(same), wanted).is_empty());
    let lambda = json!({"Statement": [{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}]});
    assert_eq!(
        adopt::role_trust(&role(lambda), wanted),
        vec![
            Difference::new(
                "trusted service",
                "lambda.amazonaws.com",
                "firehose.amazonaws.com"
            ),
            Difference::new("trust condition sts:ExternalId", "(none)", "123456789012"),
        ]
    );
}

#[test]
fn a_stream_is_compared_by_where_it_delivers() {
    let spec = PipelineSpec::local_dynamodb("demo");
    let p = plan(&spec, &Facts::default());
    let Call::CreateDeliveryStream(op) = &p.step("stream").expect("stream").call else {
        panic!()
    };
    let existing: DeliveryStreamDescription = serde_json::from_value(json!({
        "DeliveryStreamName": "demo-stream",
        "Destinations": [{"DestinationId": "d-1", "HttpEndpointDestinationDescription": {
            "EndpointConfiguration": {"Url": "http://127.0.0.1:4599/tables/other?rejects=demo-data"},
            "S3DestinationDescription": {"BucketARN": "arn:aws:s3:::demo-data"}}}]
    }))
    .expect("description");
    assert_eq!(
        adopt::stream(&existing, op),
        vec![Difference::new(
            "endpoint URL",
            "http://127.0.0.1:4599/tables/other?rejects=demo-data",
            "http://127.0.0.1:4599/tables/demo-tickers?rejects=demo-data\
             &rejectPrefix=bridge-rejected/&generateKey=true&ttlAttribute=EXPIRES_AT&ttlDays=30\
             &arrivalAttribute=ARRIVED_AT&copyCommonAttributes=false"
        )]
    );
    let to_s3: DeliveryStreamDescription = serde_json::from_value(json!({
        "Destinations": [{"DestinationId": "d-1", "ExtendedS3DestinationDescription": {"BucketARN": "arn:aws:s3:::demo-data"}}]
    }))
    .expect("description");
    assert_eq!(
        adopt::stream(&to_s3, op),
        vec![Difference::new("destination", "ExtendedS3", "HttpEndpoint")]
    );
}

#[test]
fn another_pipelines_tag_is_a_difference_and_none_is_someone_elses() {
    assert!(matches!(
        adopt::owner(Some("demo"), "demo"),
        adopt::Owner::Ours
    ));
    assert!(matches!(adopt::owner(None, "demo"), adopt::Owner::Nobody));
    let adopt::Owner::Other(d) = adopt::owner(Some("prod"), "demo") else {
        panic!()
    };
    assert_eq!(
        d.to_string(),
        "tag hoseline:pipeline: it has \"prod\" (another pipeline's), the spec wants \"demo\""
    );
    assert_eq!(
        adopt::bucket_region("eu-west-1", "us-east-1"),
        vec![Difference::new("region", "eu-west-1", "us-east-1")]
    );
}

#[test]
fn events_read_as_one_line_each() {
    let failed = StepEvent {
        step_id: "table".into(),
        state: StepState::Failed {
            code: "AccessDeniedException".into(),
            message: "not authorized".into(),
            request_id: Some("R1".into()),
            hint: Some("the credentials need dynamodb:CreateTable".into()),
        },
    };
    assert_eq!(
        failed.to_string(),
        "table: FAILED: AccessDeniedException: not authorized (request id R1); the credentials need dynamodb:CreateTable"
    );
    let stack = StepEvent {
        step_id: "roles.stack".into(),
        state: StepState::StackEvent {
            logical_id: "Bucket".into(),
            resource_type: "AWS::S3::Bucket".into(),
            status: "CREATE_FAILED".into(),
            reason: Some("demo-data already exists".into()),
        },
    };
    assert_eq!(
        stack.to_string(),
        "roles.stack:   Bucket (AWS::S3::Bucket) CREATE_FAILED: demo-data already exists"
    );
    let left = TeardownEvent {
        resource: Resource::new(ResourceKind::Table, "demo-tickers"),
        state: TeardownState::Left {
            why: "no tag".into(),
        },
    };
    assert_eq!(
        left.to_string(),
        "DynamoDB table demo-tickers: LEFT: no tag"
    );
}
