//! Apply through a scripted AWS, for what the emulator does not do: tables and streams that
//! stay CREATING, a role IAM has not spread yet, AccessDenied then resume, a conflicting table,
//! and a stack reporting its resources one event at a time.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Duration;

use common::scripted::{client, json, json_error, table, Fake};
use common::Recorder;
use hoseline_pipeline::engine::{apply, ApplyError, Difference, Progress, StepState};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec};

fn spec() -> PipelineSpec {
    let mut spec = PipelineSpec::local_dynamodb("demo");
    if let Some(b) = spec.bridge.as_mut() {
        b.access_key = Some(AccessKey::new("k3y-that-must-not-leak"));
    }
    spec
}

fn waits(rec: &Recorder, step: &str) -> Vec<String> {
    rec.events
        .iter()
        .filter(|e| e.step_id == step)
        .filter_map(|e| match &e.state {
            StepState::Waiting { what } => Some(what.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn tables_and_streams_are_polled_gently_until_active() {
    let fake = Fake::new(|call, n| match (call.operation.as_str(), n) {
        ("CreateTable", _) => Some(json(
            200,
            serde_json::json!({"TableDescription": table("demo-tickers", "CREATING")}),
        )),
        ("DescribeTable", 0 | 1) => Some(json(
            200,
            serde_json::json!({"Table": table("demo-tickers", "CREATING")}),
        )),
        ("DescribeDeliveryStream", 0..=3) => Some(json(
            200,
            serde_json::json!({"DeliveryStreamDescription": {
            "DeliveryStreamName": "demo-stream", "DeliveryStreamARN": "arn:aws:firehose:us-east-1:123456789012:deliverystream/demo-stream",
            "DeliveryStreamStatus": "CREATING", "Destinations": []}}),
        )),
        _ => None,
    });
    let (client, time) = client(fake, "us-east-1");
    let spec = spec();
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    let applied = apply(&client, &spec, None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect("applies");
    assert_eq!(applied.made.len(), 4);
    assert_eq!(
        waits(&rec, "table"),
        vec![
            "table demo-tickers is CREATING",
            "table demo-tickers is CREATING"
        ]
    );
    assert_eq!(waits(&rec, "stream").len(), 4);
    assert_eq!(client.transport().count("DescribeTable"), 3);
    assert_eq!(client.transport().count("DescribeDeliveryStream"), 5);
    // 1 s doubling to 5 s: never more than one describe a second, never more than 5 s late.
    assert_eq!(
        *time.slept.borrow(),
        [1, 2, 1, 2, 4, 5].map(Duration::from_secs).to_vec()
    );
    // The key Firehose sends went out, and nowhere else.
    let sent = client.transport().calls_of("CreateDeliveryStream")[0].json();
    assert_eq!(
        sent["HttpEndpointDestinationConfiguration"]["EndpointConfiguration"]["AccessKey"],
        "k3y-that-must-not-leak"
    );
    assert!(!progress.to_json().contains("k3y"));
    assert!(!rec.lines().join("\n").contains("k3y"));
}

#[tokio::test]
async fn a_role_not_yet_usable_is_retried_and_said() {
    let fake = Fake::new(|call, n| {
        match (call.operation.as_str(), n) {
        ("CreateDeliveryStream", 0 | 1) => Some(json_error(
            "InvalidArgumentException",
            "Firehose is unable to assume role arn:aws:iam::123456789012:role/demo-firehose. Please check the role provided.",
        )),
        _ => None,
    }
    });
    let (client, time) = client(fake, "us-east-1");
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    apply(&client, &spec(), None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect("applies after the retries");
    let retries: Vec<(u32, String)> = rec
        .events
        .iter()
        .filter_map(|e| match &e.state {
            StepState::Retrying { why, attempt } if e.step_id == "stream" => {
                Some((*attempt, why.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(retries.len(), 2, "{retries:?}");
    assert_eq!((retries[0].0, retries[1].0), (2, 3));
    assert!(
        retries[0].1.contains("not usable yet") && retries[0].1.contains("unable to assume role")
    );
    assert_eq!(client.transport().count("CreateDeliveryStream"), 3);
    assert_eq!(time.total_slept(), Duration::from_secs(6));
}

#[tokio::test]
async fn point_in_time_recovery_waits_for_a_new_tables_backups() {
    let fake = Fake::new(|call, n| match (call.operation.as_str(), n) {
        ("UpdateContinuousBackups", 0 | 1) => Some(json_error(
            "ContinuousBackupsUnavailableException",
            "Backups are being enabled for the table: demo-tickers. Please retry later",
        )),
        _ => None,
    });
    let (client, time) = client(fake, "us-east-1");
    let mut spec = spec();
    if let Some(t) = spec.table.as_mut() {
        t.point_in_time_recovery = true;
    }
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    apply(&client, &spec, None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect("applies");
    let retries: Vec<&str> = rec
        .events
        .iter()
        .filter_map(|e| match &e.state {
            StepState::Retrying { why, .. } if e.step_id == "table.pitr" => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(retries.len(), 2, "{retries:?}");
    assert!(retries[0].starts_with("DynamoDB is still turning backups on for the new table"));
    assert_eq!(time.total_slept(), Duration::from_secs(6));
    assert!(progress.is_done("table.pitr"));
}

#[tokio::test]
async fn a_role_that_never_works_fails_after_a_minute() {
    let fake = Fake::new(|call, _| {
        (call.operation == "CreateDeliveryStream").then(|| {
            json_error(
                "InvalidArgumentException",
                "Firehose is unable to assume role arn:aws:iam::123456789012:role/demo-firehose.",
            )
        })
    });
    let (client, time) = client(fake, "us-east-1");
    let mut progress = Progress::default();
    let e = apply(&client, &spec(), None, &mut progress, &mut |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect_err("gives up");
    let ApplyError::Aws { step, error, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        (step.as_str(), error.code()),
        ("stream", "InvalidArgumentException")
    );
    let waited = time.total_slept();
    assert!(
        waited >= Duration::from_secs(60) && waited <= Duration::from_secs(75),
        "{waited:?}"
    );
    assert!(!progress.is_done("stream") && progress.is_done("roles.firehose.policy"));
}

#[tokio::test]
async fn access_denied_names_the_permission_then_apply_resumes() {
    let denied = "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: dynamodb:CreateTable on resource: arn:aws:dynamodb:us-east-1:123456789012:table/demo-tickers because no identity-based policy allows the dynamodb:CreateTable action";
    let fake = Fake::new(move |call, _| {
        (call.operation == "CreateTable").then(|| json_error("AccessDeniedException", denied))
    });
    let (client, _) = client(fake, "us-east-1");
    let spec = spec();
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    let e = apply(&client, &spec, None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect_err("denied");
    let ApplyError::Aws {
        step, error, hint, ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (step.as_str(), error.code()),
        ("table", "AccessDeniedException")
    );
    let hint = hint.clone().expect("hint");
    assert!(
        hint.contains(
            "dynamodb:CreateTable on arn:aws:dynamodb:us-east-1:123456789012:table/demo-tickers"
        ),
        "{hint}"
    );
    let last = rec.events.last().expect("an event");
    assert!(
        matches!(&last.state, StepState::Failed { code, request_id, hint: Some(h), .. }
            if code == "AccessDeniedException" && request_id.as_deref() == Some("REQ-JSON") && h == &hint),
        "{last:?}"
    );
    // The caller saved the record as it stood; a later run (the permission added) resumes.
    let saved = Progress::from_json(&rec.saved.expect("saved").to_json()).expect("reads back");
    assert!(saved.is_done("bucket.lifecycle") && !saved.is_done("table"));
    let (client, _) = common::scripted::client(Fake::healthy(), "us-east-1");
    let mut progress = saved;
    let applied = apply(&client, &spec, None, &mut progress, &mut |_, _| {
        std::ops::ControlFlow::Continue(())
    })
    .await
    .expect("resumes");
    assert_eq!(
        applied.resumed,
        vec!["bucket", "bucket.tags", "bucket.cors", "bucket.lifecycle"]
    );
    let ops = client.transport().operations();
    assert_eq!(ops[0], "GetCallerIdentity");
    assert_eq!(ops[1], "CreateTable", "{ops:?}");
    assert!(!ops.iter().any(|o| o.contains("Bucket")), "{ops:?}");
}

#[tokio::test]
async fn an_existing_table_with_another_key_is_a_conflict() {
    let fake = Fake::new(|call, _| match call.operation.as_str() {
        "CreateTable" => Some(json_error(
            "ResourceInUseException",
            "Table already exists: demo-tickers",
        )),
        "DescribeTable" => Some(json(
            200,
            serde_json::json!({"Table": {
                "TableName": "demo-tickers", "TableStatus": "ACTIVE",
                "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/demo-tickers",
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "N"}],
                "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
            }}),
        )),
        "ListTagsOfResource" => Some(json(200, serde_json::json!({"Tags": []}))),
        _ => None,
    });
    let (client, _) = client(fake, "us-east-1");
    let mut progress = Progress::default();
    let mut rec = Recorder::default();
    let e = apply(&client, &spec(), None, &mut progress, &mut |e, p| {
        rec.observe(e, p)
    })
    .await
    .expect_err("conflict");
    let ApplyError::Conflict {
        step,
        resource,
        differences,
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (step.as_str(), resource.name.as_str()),
        ("table", "demo-tickers")
    );
    assert_eq!(
        differences,
        &vec![
            Difference::new("partition key", "pk (N)", "TICKER_SYMBOL (S)"),
            Difference::new("sort key", "(none)", "EVENT_ID (S)"),
            Difference::new("billing mode", "provisioned", "on demand (PAY_PER_REQUEST)"),
        ]
    );
    assert!(
        e.to_string()
            .contains("partition key: it has pk (N), the spec wants TICKER_SYMBOL (S)"),
        "{e}"
    );
    // Nothing after the table ran, nothing of it was changed.
    let ops = client.transport().operations();
    assert!(
        !ops.iter()
            .any(|o| o == "CreateRole" || o == "UpdateTimeToLive"),
        "{ops:?}"
    );
    assert!(
        matches!(&rec.events.last().expect("event").state, StepState::Failed { code, .. } if code == "Conflict")
    );
}
