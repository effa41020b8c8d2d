//! Apply's stack step and bucket through a scripted AWS: stack events one by one, a rollback's
//! reasons, a bucket name another account holds.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::scripted::{client, query, xml_error, Fake, ACCOUNT};
use common::Recorder;
use hoseline_pipeline::engine::{apply, ApplyError, Progress, StepState};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec};

fn spec() -> PipelineSpec {
    let mut spec = PipelineSpec::local_dynamodb("demo");
    if let Some(b) = spec.bridge.as_mut() {
        b.access_key = Some(AccessKey::new("k3y-that-must-not-leak"));
    }
    spec
}

#[tokio::test]
async fn a_stack_reports_each_resource_then_its_outputs_feed_the_stream() {
    let stack = "hoseline-demo";
    let event = move |id: &str, logical: &str, kind: &str, status: &str| {
        format!(
            "<member><EventId>{id}</EventId><StackName>{stack}</StackName><LogicalResourceId>{logical}</LogicalResourceId>\
             <ResourceType>{kind}</ResourceType><Timestamp>2026-01-01T00:00:0{id}Z</Timestamp><ResourceStatus>{status}</ResourceStatus></member>"
        )
    };
    let fake = Fake::new(move |call, n| match call.operation.as_str() {
        "DescribeStackEvents" => {
            // Newest first, as AWS lists them; each poll sees more.
            let mut all = vec![
                event(
                    "1",
                    stack,
                    "AWS::CloudFormation::Stack",
                    "CREATE_IN_PROGRESS",
                ),
                event("2", "Bucket", "AWS::S3::Bucket", "CREATE_IN_PROGRESS"),
                event("3", "Bucket", "AWS::S3::Bucket", "CREATE_COMPLETE"),
                event("4", "FirehoseRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS"),
                event("5", "FirehoseRole", "AWS::IAM::Role", "CREATE_COMPLETE"),
                event("6", stack, "AWS::CloudFormation::Stack", "CREATE_COMPLETE"),
            ];
            all.truncate([1, 4, 6][n.min(2)]);
            all.reverse();
            Some(query(
                "DescribeStackEvents",
                &format!("<StackEvents>{}</StackEvents>", all.concat()),
            ))
        }
        "DescribeStacks" => {
            let status = if n < 2 {
                "CREATE_IN_PROGRESS"
            } else {
                "CREATE_COMPLETE"
            };
            Some(query("DescribeStacks", &format!(
                "<Stacks><member><StackName>{stack}</StackName><StackId>arn:aws:cloudformation:eu-west-1:{ACCOUNT}:stack/{stack}/1</StackId>\
                 <StackStatus>{status}</StackStatus><Outputs>\
                 <member><OutputKey>FirehoseRoleArn</OutputKey><OutputValue>arn:aws:iam::{ACCOUNT}:role/service/demo-firehose</OutputValue></member>\
                 <member><OutputKey>BucketName</OutputKey><OutputValue>demo-data</OutputValue></member></Outputs>\
                 <Tags><member><Key>hoseline:pipeline</Key><Value>demo</Value></member></Tags></member></Stacks>"
            )))
        }
        _ => None,
    });
    let (client, _) = client(fake, "eu-west-1");
    let spec = PipelineSpec::aws_s3("demo", "eu-west-1");
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    apply(&client, &spec, None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .unwrap_or_else(|e| panic!("{e}\n{}", rec.lines().join("\n")));
    let events: Vec<String> = rec
        .events
        .iter()
        .filter_map(|e| match &e.state {
            StepState::StackEvent {
                logical_id, status, ..
            } => Some(format!("{logical_id} {status}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        events,
        vec![
            "hoseline-demo CREATE_IN_PROGRESS",
            "Bucket CREATE_IN_PROGRESS",
            "Bucket CREATE_COMPLETE",
            "FirehoseRole CREATE_IN_PROGRESS",
            "FirehoseRole CREATE_COMPLETE",
            "hoseline-demo CREATE_COMPLETE",
        ]
    );
    let sent = client.transport().calls_of("CreateStack")[0].body.clone();
    assert!(
        sent.contains("Capabilities.member.1=CAPABILITY_NAMED_IAM"),
        "{sent}"
    );
    assert!(
        sent.contains("Tags.member.1.Key=hoseline%3Apipeline&Tags.member.1.Value=demo"),
        "{sent}"
    );
    // The stream uses the role the stack made (with its path), as the stack's outputs say.
    let stream = client.transport().calls_of("CreateDeliveryStream")[0].json();
    assert_eq!(
        stream["ExtendedS3DestinationConfiguration"]["RoleARN"],
        format!("arn:aws:iam::{ACCOUNT}:role/service/demo-firehose")
    );
    assert_eq!(progress.outputs()["BucketName"], "demo-data");
}

#[tokio::test]
async fn a_stack_that_rolls_back_says_which_resource_failed_and_why() {
    let fake = Fake::new(|call, _| {
        match call.operation.as_str() {
        "DescribeStackEvents" => Some(query("DescribeStackEvents", "<StackEvents>\
            <member><EventId>2</EventId><LogicalResourceId>Bucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>\
            <ResourceStatus>CREATE_FAILED</ResourceStatus><ResourceStatusReason>demo-data already exists</ResourceStatusReason></member>\
            </StackEvents>")),
        "DescribeStacks" => Some(query("DescribeStacks", "<Stacks><member><StackName>hoseline-demo</StackName>\
            <StackStatus>ROLLBACK_COMPLETE</StackStatus></member></Stacks>")),
        _ => None,
    }
    });
    let (client, _) = client(fake, "eu-west-1");
    let mut progress = Progress::default();
    let e = apply(
        &client,
        &PipelineSpec::aws_s3("demo", "eu-west-1"),
        None,
        &mut progress,
        &mut |_, _| std::ops::ControlFlow::Continue(()),
    )
    .await
    .expect_err("rolled back");
    assert_eq!(
        e.to_string(),
        "step roles.stack: stack hoseline-demo is ROLLBACK_COMPLETE: Bucket CREATE_FAILED: demo-data already exists"
    );
    assert!(!progress.is_done("roles.stack"));
}

#[tokio::test]
async fn a_bucket_name_taken_by_another_account_says_so() {
    let fake = Fake::new(|call, _| {
        (call.operation == "CreateBucket").then(|| {
            xml_error(
                409,
                "BucketAlreadyExists",
                "The requested bucket name is not available.",
            )
        })
    });
    let (client, _) = client(fake, "us-east-1");
    let mut progress = Progress::default();
    let e = apply(&client, &spec(), None, &mut progress, &mut |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect_err("taken");
    let ApplyError::Aws { hint, .. } = &e else {
        panic!("{e:?}")
    };
    assert!(
        hint.as_deref()
            .is_some_and(|h| h.contains("choose another bucket.name")),
        "{e}"
    );
}
