//! The operations the pipeline engine reads resources back with (tags, bucket region, TTL,
//! point-in-time recovery, function URL, stack tags) and the deregistration of auto scaling,
//! against the local emulator (moto). Signature checking is on except for the Lambda test: moto's
//! checker refuses correctly signed Lambda GET and DELETE calls even from boto3 (toolchain.md),
//! and the unchecked emulator keeps its own state, so that test runs there whole. Needs
//! `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use hoseline_aws::autoscaling::{
    DeregisterScalableTarget, RegisterScalableTarget, DYNAMODB_TABLE_WRITE,
};
use hoseline_aws::cloudformation::{CreateStack, DeleteStack, DescribeStacks};
use hoseline_aws::dynamodb::{
    AttributeDefinition, CreateTable, DeleteTable, DescribeContinuousBackups, DescribeTimeToLive,
    ListTagsOfResource, ScalarAttributeType, Tag as TableTag, UpdateContinuousBackups,
    UpdateTimeToLive,
};
use hoseline_aws::firehose::{
    CreateDeliveryStream, DeleteDeliveryStream, ExtendedS3DestinationConfiguration,
    ListTagsForDeliveryStream, Tag as StreamTag,
};
use hoseline_aws::iam::policies::{firehose_trust_policy, lambda_trust_policy};
use hoseline_aws::iam::{CreateRole, DeleteRole, ListRoleTags};
use hoseline_aws::lambda::{
    CreateFunction, CreateFunctionUrlConfig, DeleteFunction, GetFunction, GetFunctionUrlConfig,
    RUNTIME_PROVIDED_AL2023,
};
use hoseline_aws::s3::{
    CreateBucket, DeleteBucket, GetBucketLocation, GetBucketTagging, PutBucketTagging, Tag,
};

const TAG: &str = "hoseline:pipeline";
/// The smallest valid zip: an end-of-central-directory record and nothing in it.
const EMPTY_ZIP: [u8; 22] = [
    b'P', b'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

#[tokio::test]
async fn bucket_tags_and_region_are_read_back() {
    let client = common::checked();
    let bucket = common::unique("hl-tags");
    let missing = client
        .send(&GetBucketLocation {
            bucket: bucket.clone(),
        })
        .await
        .expect_err("no bucket yet");
    assert_eq!(missing.code(), "NoSuchBucket");
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");
    let location = client
        .send(&GetBucketLocation {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketLocation");
    assert_eq!(location.region(), "us-east-1");
    let untagged = client
        .send(&GetBucketTagging {
            bucket: bucket.clone(),
        })
        .await
        .expect_err("no tags yet");
    assert_eq!(untagged.code(), "NoSuchTagSet");
    client
        .send(&PutBucketTagging {
            bucket: bucket.clone(),
            tags: vec![Tag::new(TAG, "demo")],
        })
        .await
        .expect("PutBucketTagging");
    let tags = client
        .send(&GetBucketTagging {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketTagging");
    assert_eq!(tags.get(TAG), Some("demo"));
    client
        .send(&DeleteBucket { bucket })
        .await
        .expect("DeleteBucket");
}

#[tokio::test]
async fn table_tags_ttl_and_point_in_time_recovery() {
    let client = common::checked();
    let table = common::unique("hl-settings");
    let mut create = CreateTable::new(
        &table,
        AttributeDefinition::new("pk", ScalarAttributeType::S),
        None,
    );
    create.tags = vec![TableTag {
        key: TAG.into(),
        value: "demo".into(),
    }];
    let arn = client
        .send(&create)
        .await
        .expect("CreateTable")
        .table_description
        .and_then(|t| t.table_arn)
        .expect("TableArn");
    let tags = client
        .send(&ListTagsOfResource::new(&arn))
        .await
        .expect("ListTagsOfResource");
    assert_eq!(tags.tags, create.tags);

    client
        .send(&UpdateTimeToLive::enable(&table, "EXPIRES_AT"))
        .await
        .expect("UpdateTimeToLive");
    let ttl = client
        .send(&DescribeTimeToLive::new(&table))
        .await
        .expect("DescribeTimeToLive")
        .time_to_live_description
        .expect("description");
    assert_eq!(ttl.enabled_attribute(), Some("EXPIRES_AT"));

    let before = client
        .send(&DescribeContinuousBackups::new(&table))
        .await
        .expect("DescribeContinuousBackups");
    assert!(!before.point_in_time_recovery_enabled());
    let set = client
        .send(&UpdateContinuousBackups::point_in_time_recovery(
            &table, true,
        ))
        .await
        .expect("UpdateContinuousBackups");
    assert!(set.point_in_time_recovery_enabled());
    let after = client
        .send(&DescribeContinuousBackups::new(&table))
        .await
        .expect("DescribeContinuousBackups");
    assert!(after.point_in_time_recovery_enabled());

    client
        .send(&RegisterScalableTarget::dynamodb_table(
            &table,
            DYNAMODB_TABLE_WRITE,
            1,
            10,
        ))
        .await
        .expect("RegisterScalableTarget");
    let deregister = DeregisterScalableTarget::dynamodb_table(&table, DYNAMODB_TABLE_WRITE);
    client
        .send(&deregister)
        .await
        .expect("DeregisterScalableTarget");
    let again = client.send(&deregister).await.expect_err("already gone");
    assert_eq!(again.code(), "ValidationException");
    client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
}

#[tokio::test]
async fn role_and_stream_tags() {
    let client = common::checked();
    let role = common::unique("hl-tagged");
    let arn = client
        .send(&CreateRole {
            role_name: role.clone(),
            assume_role_policy_document: firehose_trust_policy(common::ACCOUNT_ID).to_string(),
            tags: vec![(TAG.into(), "demo".into())],
            ..Default::default()
        })
        .await
        .expect("CreateRole")
        .role
        .arn;
    let tags = client
        .send(&ListRoleTags::new(&role))
        .await
        .expect("ListRoleTags");
    assert_eq!(tags.get(TAG), Some("demo"));

    let stream = common::unique("hl-tagged");
    let mut create = CreateDeliveryStream::to_s3(
        &stream,
        ExtendedS3DestinationConfiguration {
            role_arn: arn,
            bucket_arn: format!("arn:aws:s3:::{}", common::unique("hl-dest")),
            ..Default::default()
        },
    );
    create.tags = vec![StreamTag {
        key: TAG.into(),
        value: Some("demo".into()),
    }];
    client.send(&create).await.expect("CreateDeliveryStream");
    let tags = client
        .send(&ListTagsForDeliveryStream::new(&stream))
        .await
        .expect("ListTagsForDeliveryStream");
    assert_eq!(tags.get(TAG), Some("demo"));
    assert!(!tags.has_more_tags);
    client
        .send(&DeleteDeliveryStream::new(&stream))
        .await
        .expect("DeleteDeliveryStream");
    client
        .send(&DeleteRole { role_name: role })
        .await
        .expect("DeleteRole");
}

#[tokio::test]
async fn function_tags_and_url_are_read_back() {
    let client = common::unchecked();
    let role = client
        .send(&CreateRole {
            role_name: common::unique("hl-fn"),
            assume_role_policy_document: lambda_trust_policy().to_string(),
            ..Default::default()
        })
        .await
        .expect("CreateRole")
        .role
        .arn;
    let name = common::unique("hl-fn");
    client
        .send(&CreateFunction {
            function_name: name.clone(),
            runtime: RUNTIME_PROVIDED_AL2023.into(),
            role,
            handler: "bootstrap".into(),
            zip_file: EMPTY_ZIP.to_vec(),
            tags: BTreeMap::from([(TAG.to_owned(), "demo".to_owned())]),
            ..Default::default()
        })
        .await
        .expect("CreateFunction");
    let created = client
        .send(&CreateFunctionUrlConfig {
            function_name: name.clone(),
            auth_type: "NONE".into(),
            cors: None,
        })
        .await
        .expect("CreateFunctionUrlConfig");
    let read = client
        .send(&GetFunctionUrlConfig {
            function_name: name.clone(),
        })
        .await
        .expect("GetFunctionUrlConfig");
    assert_eq!(read.function_url, created.function_url);
    assert_eq!(read.auth_type, "NONE");
    let function = client
        .send(&GetFunction {
            function_name: name.clone(),
        })
        .await
        .expect("GetFunction");
    assert_eq!(
        function.tags.and_then(|t| t.get(TAG).cloned()).as_deref(),
        Some("demo")
    );
    client
        .send(&DeleteFunction {
            function_name: name,
        })
        .await
        .expect("DeleteFunction");
}

#[tokio::test]
async fn stack_tags_are_read_back() {
    let client = common::checked();
    let name = common::unique("hl-tagged-stack");
    client
        .send(&CreateStack {
            stack_name: name.clone(),
            template_body: r#"{"Resources": {"Nothing": {"Type": "AWS::SQS::Queue"}}}"#.into(),
            tags: vec![(TAG.into(), "demo".into())],
            ..Default::default()
        })
        .await
        .expect("CreateStack");
    let stacks = client
        .send(&DescribeStacks {
            stack_name: Some(name.clone()),
            next_token: None,
        })
        .await
        .expect("DescribeStacks");
    assert_eq!(stacks.stacks.items[0].tag(TAG), Some("demo"));
    client
        .send(&DeleteStack { stack_name: name })
        .await
        .expect("DeleteStack");
}
