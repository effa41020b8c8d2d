//! Teardown through a scripted AWS: a bucket of more than a thousand objects emptied page by
//! page, a stack deleted with its events reported, and a delete refused for lack of a
//! permission left with the permission named.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::ops::ControlFlow;

use common::scripted::{client, json, json_error, query, xml_error, Fake};
use hoseline_aws::HttpResponse;
use hoseline_pipeline::engine::{destroy, Outcome, Progress, TeardownState};
use hoseline_pipeline::plan::ResourceKind;
use hoseline_pipeline::spec::PipelineSpec;

const OURS: &str = r#"{"Tags":[{"Key":"hoseline:pipeline","Value":"demo"}]}"#;

fn list_page(keys: std::ops::Range<u32>, next: Option<&str>) -> HttpResponse {
    let contents: String = keys
        .map(|i| format!("<Contents><Key>backup/{i:05}</Key><Size>1</Size></Contents>"))
        .collect();
    let more = next
        .map(|t| {
            format!(
                "<IsTruncated>true</IsTruncated><NextContinuationToken>{t}</NextContinuationToken>"
            )
        })
        .unwrap_or_else(|| "<IsTruncated>false</IsTruncated>".to_owned());
    HttpResponse::new(
        200,
        format!("<ListBucketResult>{more}{contents}</ListBucketResult>"),
    )
}

#[tokio::test]
async fn a_local_pipeline_goes_in_reverse_order_its_bucket_emptied_first() {
    let fake = Fake::new(|call, n| {
        Some(match (call.operation.as_str(), n) {
            ("DescribeDeliveryStream", 0) => json(200, serde_json::json!({"DeliveryStreamDescription": {
                "DeliveryStreamName": "demo-stream", "DeliveryStreamStatus": "ACTIVE", "Destinations": []}})),
            ("DescribeDeliveryStream", 1) => json(200, serde_json::json!({"DeliveryStreamDescription": {
                "DeliveryStreamName": "demo-stream", "DeliveryStreamStatus": "DELETING", "Destinations": []}})),
            ("DescribeDeliveryStream", _) => json_error("ResourceNotFoundException", "Firehose demo-stream not found."),
            ("ListTagsForDeliveryStream" | "ListTagsOfResource", _) => HttpResponse::new(200, OURS),
            ("DeleteDeliveryStream" | "DeleteTable", _) => json(200, serde_json::json!({})),
            ("GetRole", _) => query("GetRole", "<Role><RoleName>demo-firehose</RoleName><Arn>arn:aws:iam::123456789012:role/demo-firehose</Arn></Role>"),
            ("ListRoleTags", _) => query("ListRoleTags", "<Tags><member><Key>hoseline:pipeline</Key><Value>demo</Value></member></Tags>"),
            ("DeleteRolePolicy", _) => HttpResponse::new(200, "<DeleteRolePolicyResponse/>"),
            ("DeleteRole", _) => HttpResponse::new(200, "<DeleteRoleResponse/>"),
            ("DescribeTable", 0) => json(200, serde_json::json!({"Table": common::scripted::table("demo-tickers", "ACTIVE")})),
            ("DescribeTable", _) => json_error("ResourceNotFoundException", "Requested resource not found"),
            ("GetBucketTagging", _) => HttpResponse::new(200, "<Tagging><TagSet><Tag><Key>hoseline:pipeline</Key><Value>demo</Value></Tag></TagSet></Tagging>"),
            ("ListObjectsV2", 0) => list_page(0..1000, Some("t1")),
            ("ListObjectsV2", 1) => list_page(1000..1005, None),
            ("ListObjectsV2", _) => list_page(0..0, None),
            ("DeleteObjects", _) => HttpResponse::new(200, "<DeleteResult/>"),
            ("DeleteBucket", _) => HttpResponse::new(204, ""),
            _ => return None,
        })
    });
    let (client, _) = client(fake, "us-east-1");
    let spec = PipelineSpec::local_dynamodb("demo");
    let mut progress = Progress::default();
    let mut lines = Vec::new();
    let mut emptied = Vec::new();
    let destroyed = destroy(&client, &spec, &mut progress, &mut |e, _| {
        lines.push(e.to_string());
        if let TeardownState::Emptying { deleted_objects } = e.state {
            emptied.push(deleted_objects);
        }
        ControlFlow::Continue(())
    })
    .await
    .expect("destroy");
    assert!(destroyed.complete(), "{}", lines.join("\n"));
    let order: Vec<ResourceKind> = destroyed
        .resources
        .iter()
        .map(|t| t.resource.kind)
        .collect();
    assert_eq!(
        order,
        vec![
            ResourceKind::Stream,
            ResourceKind::Role,
            ResourceKind::Table,
            ResourceKind::Bucket
        ]
    );
    // A page of 1,000 keys, then the last 5, each deleted in one DeleteObjects.
    let deletes = client.transport().calls_of("DeleteObjects");
    assert_eq!(deletes.len(), 2);
    assert_eq!(deletes[0].body.matches("<Object>").count(), 1000);
    assert_eq!(deletes[1].body.matches("<Object>").count(), 5);
    assert!(deletes[0].body.contains("<Quiet>true</Quiet>"));
    assert_eq!(emptied, vec![1000, 1005]);
    let ops = client.transport().operations();
    let at = |op: &str| ops.iter().position(|o| o == op).unwrap_or(usize::MAX);
    assert!(at("DeleteRolePolicy") < at("DeleteRole"));
    assert!(at("DeleteObjects") < at("DeleteBucket"));
    assert!(
        lines.iter().any(|l| l.contains("waiting: being deleted")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn a_stack_is_deleted_after_its_bucket_is_emptied_and_its_events_are_shown() {
    let stack_id = "arn:aws:cloudformation:eu-west-1:123456789012:stack/hoseline-demo/1";
    let fake = Fake::new(move |call, n| {
        Some(match (call.operation.as_str(), n) {
            ("DescribeDeliveryStream", _) => json_error("ResourceNotFoundException", "not found"),
            ("DescribeStacks", 0) => query("DescribeStacks", &format!(
                "<Stacks><member><StackName>hoseline-demo</StackName><StackId>{stack_id}</StackId><StackStatus>CREATE_COMPLETE</StackStatus>\
                 <Outputs><member><OutputKey>BucketName</OutputKey><OutputValue>demo-data</OutputValue></member></Outputs>\
                 <Tags><member><Key>hoseline:pipeline</Key><Value>demo</Value></member></Tags></member></Stacks>")),
            ("DescribeStacks", 1) => query("DescribeStacks", &format!(
                "<Stacks><member><StackName>hoseline-demo</StackName><StackId>{stack_id}</StackId><StackStatus>DELETE_IN_PROGRESS</StackStatus></member></Stacks>")),
            ("DescribeStacks", _) => query("DescribeStacks", &format!(
                "<Stacks><member><StackName>hoseline-demo</StackName><StackId>{stack_id}</StackId><StackStatus>DELETE_COMPLETE</StackStatus></member></Stacks>")),
            ("DescribeStackEvents", _) => query("DescribeStackEvents", "<StackEvents>\
                <member><EventId>9</EventId><LogicalResourceId>Bucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><ResourceStatus>DELETE_COMPLETE</ResourceStatus></member>\
                <member><EventId>8</EventId><LogicalResourceId>FirehoseRole</LogicalResourceId><ResourceType>AWS::IAM::Role</ResourceType><ResourceStatus>DELETE_COMPLETE</ResourceStatus></member>\
                </StackEvents>"),
            ("ListObjectsV2", 0) => list_page(0..3, None),
            ("ListObjectsV2", _) => list_page(0..0, None),
            ("DeleteObjects", _) => HttpResponse::new(200, "<DeleteResult/>"),
            ("DeleteStack", _) => HttpResponse::new(200, "<DeleteStackResponse/>"),
            _ => return None,
        })
    });
    let (client, _) = client(fake, "eu-west-1");
    let spec = PipelineSpec::aws_s3("demo", "eu-west-1");
    let mut progress = Progress::default();
    let mut events = Vec::new();
    let destroyed = destroy(&client, &spec, &mut progress, &mut |e, _| {
        if let TeardownState::StackEvent {
            logical_id, status, ..
        } = &e.state
        {
            events.push(format!("{logical_id} {status}"));
        }
        ControlFlow::Continue(())
    })
    .await
    .expect("destroy");
    assert_eq!(
        destroyed
            .resources
            .iter()
            .map(|t| (t.resource.kind, t.outcome.clone()))
            .collect::<Vec<_>>(),
        vec![
            (ResourceKind::Stream, Outcome::AlreadyGone),
            (ResourceKind::Stack, Outcome::Deleted)
        ]
    );
    assert_eq!(
        events,
        vec!["FirehoseRole DELETE_COMPLETE", "Bucket DELETE_COMPLETE"]
    );
    let ops = client.transport().operations();
    let at = |op: &str| ops.iter().position(|o| o == op).unwrap_or(usize::MAX);
    assert!(at("DeleteObjects") < at("DeleteStack"), "{ops:?}");
    // Deleted by id: the name of a deleted stack no longer resolves.
    let delete = &client.transport().calls_of("DeleteStack")[0];
    assert!(
        delete.body.contains("StackName=arn%3Aaws%3Acloudformation"),
        "{}",
        delete.body
    );
}

#[tokio::test]
async fn a_refused_delete_is_left_naming_the_permission() {
    let fake = Fake::new(|call, _| {
        Some(match call.operation.as_str() {
            "DescribeDeliveryStream" => json(200, serde_json::json!({"DeliveryStreamDescription": {
                "DeliveryStreamName": "demo-stream", "DeliveryStreamStatus": "ACTIVE", "Destinations": []}})),
            "ListTagsForDeliveryStream" => HttpResponse::new(200, OURS),
            "DeleteDeliveryStream" => json_error(
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: firehose:DeleteDeliveryStream",
            ),
            "GetRole" | "DescribeTable" => json_error("ResourceNotFoundException", "gone"),
            "GetBucketTagging" => xml_error(404, "NoSuchBucket", "The specified bucket does not exist"),
            _ => return None,
        })
    });
    let (client, _) = client(fake, "us-east-1");
    let mut progress = Progress::default();
    let destroyed = destroy(
        &client,
        &PipelineSpec::local_s3("demo"),
        &mut progress,
        &mut |_, _| ControlFlow::Continue(()),
    )
    .await
    .expect("destroy");
    assert!(!destroyed.complete());
    let left = destroyed.left();
    let Outcome::Left { why } = &left[0].outcome else {
        panic!("{destroyed:?}")
    };
    assert!(
        why.starts_with("DeleteDeliveryStream failed: AccessDeniedException"),
        "{why}"
    );
    assert!(
        why.contains("the credentials need firehose:DeleteDeliveryStream"),
        "{why}"
    );
}
