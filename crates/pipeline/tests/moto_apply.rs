//! Apply and teardown of the local pipelines against the emulator (moto, signature checking on):
//! the resources exist with the spec's settings (read back through our own aws client), a
//! second apply changes nothing (every resource adopted), a run stopped half-way resumes from
//! its saved progress, and teardown leaves nothing. Needs `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{apply_recorded, destroy_all, on_emulator, unique, Recorder};
use hoseline_aws::dynamodb::{
    AttributeDefinition, CreateTable, DeleteTable, DescribeContinuousBackups, DescribeTable,
    DescribeTimeToLive, KeySchemaElement, ScalarAttributeType,
};
use hoseline_aws::firehose::DescribeDeliveryStream;
use hoseline_aws::iam::{GetRole, ListRoleTags};
use hoseline_aws::s3::{
    GetBucketCors, GetBucketLifecycleConfiguration, GetBucketLocation, GetBucketTagging, PutObject,
};
use hoseline_aws::transport::native::NativeClient;
use hoseline_pipeline::engine::{apply, destroy, Outcome, Progress, StepState};
use hoseline_pipeline::plan::{ResourceKind, PIPELINE_TAG};
use hoseline_pipeline::spec::PipelineSpec;

async fn apply_all(
    client: &NativeClient,
    spec: &PipelineSpec,
    progress: &mut Progress,
) -> Recorder {
    let (applied, rec) = apply_recorded(client, spec, None, progress).await;
    assert!(applied.outputs.contains_key("StreamArn"), "{applied:?}");
    rec
}

/// Nothing of the pipeline is left.
async fn assert_gone(client: &NativeClient, spec: &PipelineSpec) {
    let e = client
        .send(&DescribeDeliveryStream::new(&spec.stream.name))
        .await
        .expect_err("stream gone");
    assert_eq!(e.code(), "ResourceNotFoundException");
    let e = client
        .send(&GetBucketLocation {
            bucket: spec.bucket.name.clone(),
        })
        .await
        .expect_err("bucket gone");
    assert_eq!(e.code(), "NoSuchBucket");
    let e = client
        .send(&GetRole {
            role_name: spec.iam.firehose_role_name.clone(),
        })
        .await
        .expect_err("role gone");
    assert_eq!(e.code(), "NoSuchEntity");
    if let Some(table) = &spec.table {
        let e = client
            .send(&DescribeTable::new(&table.name))
            .await
            .expect_err("table gone");
        assert_eq!(e.code(), "ResourceNotFoundException");
    }
}

/// The bucket as the spec says: its tag, the console's CORS origins, the expiry.
async fn assert_bucket(client: &NativeClient, spec: &PipelineSpec) {
    let bucket = spec.bucket.name.clone();
    let tags = client
        .send(&GetBucketTagging {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketTagging");
    assert_eq!(tags.get(PIPELINE_TAG), Some(spec.name.as_str()));
    let cors = client
        .send(&GetBucketCors {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketCors");
    assert_eq!(
        cors.cors_rules[0].allowed_origins,
        spec.bucket.cors_allowed_origins
    );
    let lifecycle = client
        .send(&GetBucketLifecycleConfiguration { bucket })
        .await
        .expect("GetBucketLifecycleConfiguration");
    assert_eq!(
        lifecycle.rules[0].expiration_days,
        spec.bucket.expiration_days
    );
}

#[tokio::test]
async fn local_dynamodb_applies_adopts_and_tears_down() {
    let mut spec = on_emulator(PipelineSpec::local_dynamodb(&unique("hl-ddb")));
    if let Some(table) = spec.table.as_mut() {
        table.point_in_time_recovery = true;
    }
    let client = common::client(&spec);
    let mut progress = Progress::default();
    let rec = apply_all(&client, &spec, &mut progress).await;
    assert!(
        rec.events
            .iter()
            .any(|e| e.step_id == "stream" && matches!(e.state, StepState::Done { .. })),
        "{}",
        rec.lines().join("\n")
    );
    assert_eq!(rec.saved.as_ref(), Some(&progress));

    // The resources carry the spec's settings.
    assert_bucket(&client, &spec).await;
    let table = spec.table.as_ref().expect("table");
    let described = client
        .send(&DescribeTable::new(&table.name))
        .await
        .expect("DescribeTable")
        .table
        .expect("table");
    assert_eq!(
        described.key_schema,
        vec![
            KeySchemaElement::hash("TICKER_SYMBOL"),
            KeySchemaElement::range("EVENT_ID")
        ]
    );
    let ttl = client
        .send(&DescribeTimeToLive::new(&table.name))
        .await
        .expect("DescribeTimeToLive")
        .time_to_live_description
        .expect("ttl");
    assert_eq!(ttl.enabled_attribute(), Some("EXPIRES_AT"));
    assert!(client
        .send(&DescribeContinuousBackups::new(&table.name))
        .await
        .expect("DescribeContinuousBackups")
        .point_in_time_recovery_enabled());
    let role_tags = client
        .send(&ListRoleTags::new(&spec.iam.firehose_role_name))
        .await
        .expect("ListRoleTags");
    assert_eq!(role_tags.get(PIPELINE_TAG), Some(spec.name.as_str()));
    let stream = client
        .send(&DescribeDeliveryStream::new(&spec.stream.name))
        .await
        .expect("DescribeDeliveryStream")
        .delivery_stream_description;
    let http = stream.destinations[0]
        .http_endpoint_destination_description
        .as_ref()
        .expect("HTTP endpoint destination");
    assert_eq!(
        http.endpoint_configuration
            .as_ref()
            .and_then(|c| c.url.as_deref()),
        Some(
            format!(
                "http://127.0.0.1:4599/tables/{}?rejects={}&rejectPrefix=bridge-rejected/\
                 &generateKey=true&ttlAttribute=EXPIRES_AT&ttlDays=30&arrivalAttribute=ARRIVED_AT\
                 &copyCommonAttributes=false",
                table.name, spec.bucket.name
            )
            .as_str()
        )
    );

    // Applying again with no progress record changes nothing: every resource is adopted.
    let mut fresh = Progress::default();
    let (again, _) = apply_recorded(&client, &spec, None, &mut fresh).await;
    assert!(again.made.is_empty(), "{again:?}");
    let kinds: Vec<ResourceKind> = again.adopted.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ResourceKind::Bucket,
            ResourceKind::Table,
            ResourceKind::Role,
            ResourceKind::Stream
        ]
    );
    assert!(fresh.steps.values().filter(|r| r.adopted).all(|r| r.ours));
    assert_bucket(&client, &spec).await;

    // A third run with the saved record does nothing at all.
    let resumed = apply(&client, &spec, None, &mut fresh, &mut |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect("third apply");
    assert_eq!(resumed.resumed.len(), fresh.steps.len());

    // Teardown empties the bucket first: the bridge's rejects and Firehose's backups go too.
    for key in [
        "bridge-rejected/2026/01/01/00/r1.json",
        "backup/2026/01/01/00/b1",
        "errors/x",
    ] {
        client
            .send(&PutObject {
                bucket: spec.bucket.name.clone(),
                key: key.to_owned(),
                body: b"{}".to_vec(),
                content_type: None,
            })
            .await
            .expect("PutObject");
    }
    destroy_all(&client, &spec, &mut progress).await;
    assert!(progress.steps.is_empty(), "{progress:?}");
    assert_gone(&client, &spec).await;
}

#[tokio::test]
async fn a_table_made_by_someone_else_is_adopted_and_left_by_teardown() {
    let spec = on_emulator(PipelineSpec::local_dynamodb(&unique("hl-own")));
    let client = common::client(&spec);
    let table = spec.table.as_ref().expect("table");
    // Keyed as the spec wants, untagged: someone else's table.
    client
        .send(&CreateTable::new(
            &table.name,
            AttributeDefinition::new("TICKER_SYMBOL", ScalarAttributeType::S),
            Some(AttributeDefinition::new("EVENT_ID", ScalarAttributeType::S)),
        ))
        .await
        .expect("CreateTable");
    let mut progress = Progress::default();
    let rec = apply_all(&client, &spec, &mut progress).await;
    let adopted = rec
        .events
        .iter()
        .find_map(|e| match &e.state {
            StepState::Adopted { detail } if e.step_id == "table" => Some(detail.clone()),
            _ => None,
        })
        .expect("the table is adopted");
    assert!(adopted.contains("not made by this pipeline"), "{adopted}");
    let record = progress.step("table").expect("recorded");
    assert!(record.adopted && !record.ours);

    let destroyed = destroy(&client, &spec, &mut progress, &mut |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect("destroy");
    assert!(!destroyed.complete());
    let left = destroyed.left();
    assert_eq!(left.len(), 1, "{destroyed:?}");
    assert_eq!(left[0].resource.kind, ResourceKind::Table);
    assert_eq!(
        left[0].outcome,
        Outcome::Left {
            why: "it exists but was not made by this pipeline (no hoseline:pipeline tag)"
                .to_owned()
        }
    );
    client
        .send(&DescribeTable::new(&table.name))
        .await
        .expect("the table is still there");
    assert!(progress.is_done("table") && !progress.is_done("stream"));
    client
        .send(&DeleteTable::new(&table.name))
        .await
        .expect("DeleteTable");
}

#[tokio::test]
async fn local_s3_stopped_half_way_resumes_to_completion() {
    let spec = on_emulator(PipelineSpec::local_s3(&unique("hl-s3")));
    let client = common::client(&spec);
    let mut progress = Progress::default();
    let mut rec = Recorder {
        stop_after: Some("roles.firehose".to_owned()),
        ..Recorder::default()
    };
    let stopped = apply(&client, &spec, None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect_err("stopped");
    assert_eq!(stopped.step(), Some("roles.firehose"));
    // What the caller saved: JSON, read back as a new process would.
    let saved = rec.saved.expect("saved").to_json();
    assert!(!saved.contains("stream"), "{saved}");
    let mut progress = Progress::from_json(&saved).expect("progress");
    assert!(progress.is_done("roles.firehose") && !progress.is_done("stream"));

    let rec = apply_all(&client, &spec, &mut progress).await;
    let resumed: Vec<&str> = rec
        .events
        .iter()
        .filter(|e| matches!(&e.state, StepState::Done { detail } if detail == "done in an earlier run"))
        .map(|e| e.step_id.as_str())
        .collect();
    assert_eq!(
        resumed,
        vec![
            "bucket",
            "bucket.tags",
            "bucket.cors",
            "bucket.lifecycle",
            "roles.firehose"
        ]
    );
    let stream = client
        .send(&DescribeDeliveryStream::new(&spec.stream.name))
        .await
        .expect("DescribeDeliveryStream")
        .delivery_stream_description;
    let s3 = stream.destinations[0]
        .extended_s3_destination_description
        .as_ref()
        .expect("S3 destination");
    assert_eq!(
        s3.bucket_arn.as_deref(),
        Some(format!("arn:aws:s3:::{}", spec.bucket.name).as_str())
    );
    assert_eq!(s3.prefix.as_deref(), Some("data/"));
    let role = progress.outputs()["FirehoseRoleArn"].clone();
    assert_eq!(s3.role_arn.as_deref(), Some(role.as_str()));

    destroy_all(&client, &spec, &mut progress).await;
    assert_gone(&client, &spec).await;
}
