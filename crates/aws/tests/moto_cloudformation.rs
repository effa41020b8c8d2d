//! CloudFormation against the local emulator (moto, signature-checking). Needs
//! `scripts/emulator.sh start-test`. moto creates the stack's bucket but drops its CORS rule
//! (toolchain.md), so this tests the stack and the bucket, not the rule.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Duration;

use hoseline_aws::cloudformation::{
    CreateStack, DeleteStack, DescribeStackEvents, DescribeStacks, Stack,
};
use hoseline_aws::s3::ListObjectsV2;
use hoseline_aws::transport::native::NativeClient;

const TEMPLATE: &str = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"BucketName": {"Type": "String"}},
  "Resources": {
    "Backup": {
      "Type": "AWS::S3::Bucket",
      "Properties": {"BucketName": {"Ref": "BucketName"}}
    }
  },
  "Outputs": {"BucketName": {"Value": {"Ref": "Backup"}}}
}"#;

async fn wait_for(client: &NativeClient, name: &str) -> Stack {
    for _ in 0..50 {
        let out = client
            .send(&DescribeStacks {
                stack_name: Some(name.into()),
                next_token: None,
            })
            .await
            .expect("DescribeStacks");
        let stack = out.stacks.items.into_iter().next().expect("the stack");
        if !stack.in_progress() {
            return stack;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("stack {name} still in progress");
}

#[tokio::test]
async fn stack_with_a_bucket_lifecycle() {
    let client = common::checked();
    let name = common::unique("hl-stack");
    let bucket = common::unique("hl-cfn");
    let created = client
        .send(&CreateStack {
            stack_name: name.clone(),
            template_body: TEMPLATE.into(),
            parameters: vec![("BucketName".into(), bucket.clone())],
            capabilities: vec!["CAPABILITY_IAM".into()],
            tags: vec![("app".into(), "hoseline".into())],
        })
        .await
        .expect("CreateStack");
    assert!(
        created
            .stack_id
            .starts_with("arn:aws:cloudformation:us-east-1:"),
        "{created:?}"
    );

    let stack = wait_for(&client, &name).await;
    assert_eq!(stack.stack_status, "CREATE_COMPLETE", "{stack:?}");
    assert_eq!(stack.stack_id.as_deref(), Some(created.stack_id.as_str()));
    assert_eq!(stack.output("BucketName"), Some(bucket.as_str()));

    // The stack's bucket exists.
    client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            ..Default::default()
        })
        .await
        .expect("the stack's bucket answers");

    let events = client
        .send(&DescribeStackEvents {
            stack_name: name.clone(),
            next_token: None,
        })
        .await
        .expect("DescribeStackEvents");
    assert!(!events.stack_events.items.is_empty());
    // moto records the stack's own events only (not one per resource, as AWS does).
    let complete = events.stack_events.items.iter().find(|e| {
        e.resource_type.as_deref() == Some("AWS::CloudFormation::Stack")
            && e.resource_status.as_deref() == Some("CREATE_COMPLETE")
    });
    let complete = complete.unwrap_or_else(|| panic!("no CREATE_COMPLETE event: {events:?}"));
    assert_eq!(complete.stack_name, name);
    assert!(!complete.event_id.is_empty() && !complete.timestamp.is_empty());

    // Every live stack, without a name, includes this one.
    let all = client
        .send(&DescribeStacks::default())
        .await
        .expect("DescribeStacks (all)");
    assert!(all.stacks.items.iter().any(|s| s.stack_name == name));

    client
        .send(&DeleteStack {
            stack_name: created.stack_id.clone(),
        })
        .await
        .expect("DeleteStack");
    let gone = wait_for(&client, &created.stack_id).await;
    assert_eq!(gone.stack_status, "DELETE_COMPLETE", "{gone:?}");
}

#[tokio::test]
async fn an_unknown_stack_is_a_validation_error() {
    let e = common::checked()
        .send(&DescribeStacks {
            stack_name: Some(common::unique("hl-nostack")),
            next_token: None,
        })
        .await
        .expect_err("no such stack");
    assert_eq!(e.code(), "ValidationError", "{e}");
}
