//! The AWS plan (the CloudFormation stack, the table, the bridge Lambda with its public URL, the
//! stream) run against the emulator: a spec targeting AWS through a client pointed at moto.
//! This one runs on the emulator without signature checking: moto's checker refuses the Lambda
//! GET calls apply makes (GetFunction, GetFunctionUrlConfig) even from boto3 (toolchain.md).
//! moto also drops the bucket's CORS rule made by CloudFormation, so the rule is not checked
//! here. Needs `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{apply_recorded, destroy_all, on_emulator, unchecked_endpoint, unique};
use hoseline_aws::cloudformation::DescribeStacks;
use hoseline_aws::firehose::DescribeDeliveryStream;
use hoseline_aws::lambda::{GetFunction, GetFunctionUrlConfig};
use hoseline_aws::s3::GetBucketLocation;
use hoseline_pipeline::engine::{Progress, StepState};
use hoseline_pipeline::plan::{bridge_env, output, ResourceKind, PIPELINE_TAG};
use hoseline_pipeline::spec::PipelineSpec;

/// The smallest valid zip: an end-of-central-directory record and nothing in it.
const EMPTY_ZIP: [u8; 22] = [
    b'P', b'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

#[tokio::test]
async fn aws_dynamodb_plan_runs_on_the_emulator() {
    let spec = on_emulator(PipelineSpec::aws_dynamodb(&unique("hl-aws"), "us-east-1"));
    let client = common::client_at(&spec, &unchecked_endpoint());
    let mut progress = Progress::default();
    let (applied, rec) = apply_recorded(&client, &spec, Some(&EMPTY_ZIP), &mut progress).await;
    let kinds: Vec<ResourceKind> = applied.made.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ResourceKind::Stack,
            ResourceKind::Table,
            ResourceKind::Function,
            ResourceKind::Stream
        ]
    );
    // Each stack event was reported like a call (moto records the stack's own events only;
    // the scripted tests cover events per resource).
    let stack_events: Vec<String> = rec
        .events
        .iter()
        .filter_map(|e| match &e.state {
            StepState::StackEvent {
                logical_id, status, ..
            } => Some(format!("{logical_id} {status}")),
            _ => None,
        })
        .collect();
    let stack_name = format!("hoseline-{}", spec.name);
    assert_eq!(
        stack_events,
        vec![
            format!("{stack_name} CREATE_IN_PROGRESS"),
            format!("{stack_name} CREATE_COMPLETE")
        ]
    );

    let stack = client
        .send(&DescribeStacks {
            stack_name: Some(stack_name.clone()),
            next_token: None,
        })
        .await
        .expect("DescribeStacks")
        .stacks
        .items
        .remove(0);
    assert_eq!(stack.tag(PIPELINE_TAG), Some(spec.name.as_str()));
    assert_eq!(
        stack.output(output::BUCKET_NAME),
        Some(spec.bucket.name.as_str())
    );
    client
        .send(&GetBucketLocation {
            bucket: spec.bucket.name.clone(),
        })
        .await
        .expect("the stack made the bucket");

    let bridge = spec.bridge.as_ref().expect("bridge");
    let function = client
        .send(&GetFunction {
            function_name: bridge.function_name.clone(),
        })
        .await
        .expect("GetFunction");
    let config = function.configuration;
    assert_eq!(config.runtime.as_deref(), Some("provided.al2023"));
    assert_eq!(
        config.role.as_deref(),
        stack.output(output::BRIDGE_ROLE_ARN)
    );
    let env = config.environment.expect("environment").variables.0;
    let table = spec.table.as_ref().expect("table");
    assert_eq!(env.get(bridge_env::TABLE), Some(&table.name));
    // The key Firehose sends is the one the function checks: sent, never planned.
    let key = bridge.access_key.as_ref().expect("key").expose();
    assert_eq!(
        env.get(bridge_env::ACCESS_KEY).map(String::as_str),
        Some(key)
    );
    assert_eq!(
        function
            .tags
            .and_then(|t| t.get(PIPELINE_TAG).cloned())
            .as_deref(),
        Some(spec.name.as_str())
    );
    let url = client
        .send(&GetFunctionUrlConfig {
            function_name: bridge.function_name.clone(),
        })
        .await
        .expect("GetFunctionUrlConfig");
    assert_eq!(applied.function_url(), Some(url.function_url.as_str()));
    let stream = client
        .send(&DescribeDeliveryStream::new(&spec.stream.name))
        .await
        .expect("DescribeDeliveryStream")
        .delivery_stream_description;
    let http = stream.destinations[0]
        .http_endpoint_destination_description
        .as_ref()
        .expect("HTTP endpoint");
    assert_eq!(
        http.endpoint_configuration
            .as_ref()
            .and_then(|c| c.url.as_deref()),
        Some(url.function_url.as_str())
    );
    assert_eq!(
        http.role_arn.as_deref(),
        stack.output(output::FIREHOSE_ROLE_ARN)
    );
    // The saved record holds no secret.
    assert!(!progress.to_json().contains(key));

    // Again from nothing, and without the zip: everything is adopted, the URL is the same.
    let mut fresh = Progress::default();
    let (again, _) = apply_recorded(&client, &spec, None, &mut fresh).await;
    assert!(again.made.is_empty(), "{again:?}");
    assert_eq!(again.adopted.len(), 4, "{again:?}");
    assert_eq!(again.function_url(), Some(url.function_url.as_str()));

    destroy_all(&client, &spec, &mut fresh).await;
    let e = client
        .send(&GetFunction {
            function_name: bridge.function_name.clone(),
        })
        .await
        .expect_err("function gone");
    assert_eq!(e.code(), "ResourceNotFoundException");
    let e = client
        .send(&GetBucketLocation {
            bucket: spec.bucket.name.clone(),
        })
        .await
        .expect_err("bucket gone with its stack");
    assert_eq!(e.code(), "NoSuchBucket");
}
