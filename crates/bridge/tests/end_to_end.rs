//! End to end through the local emulator: a Firehose stream with an HTTP endpoint destination
//! delivers to the local bridge server (started here, in-process, on 127.0.0.1:0), which writes
//! into the emulator's DynamoDB and S3 (common/local_bridge.rs says how moto delivers).
//!
//! Needs the signature-checking test emulator (`scripts/emulator.sh start-test`, default
//! http://127.0.0.1:4577, or `HOSELINE_TEST_ENDPOINT`).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::local_bridge::{create_bucket, create_stream, put, LocalBridge};
use hoseline_aws::dynamodb::{
    AttributeDefinition, CreateTable, DeleteTable, ScalarAttributeType, Scan,
};
use hoseline_aws::firehose::DeleteDeliveryStream;
use hoseline_aws::s3::{GetObject, ListObjectsV2};
use hoseline_aws::test_support::UtcTime;
use hoseline_aws::transport::native::NativeClient;

/// A client of the signature-checking emulator (demo credentials).
fn client() -> NativeClient {
    common::checked()
}

async fn create_table(client: &NativeClient) -> String {
    let table = common::unique("e2e");
    client
        .send(&CreateTable::new(
            &table,
            AttributeDefinition::new("id", ScalarAttributeType::S),
            None,
        ))
        .await
        .expect("CreateTable");
    table
}

/// Every item's `id`, paging with ExclusiveStartKey.
async fn scan_ids(client: &NativeClient, table: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut scan = Scan::new(table);
    scan.limit = Some(300); // several pages even for 1,000 small items
    let mut pages = 0;
    loop {
        let page = client.send(&scan).await.expect("Scan");
        pages += 1;
        ids.extend(page.items.iter().map(|item| {
            item.get("id")
                .and_then(|v| v.as_s())
                .unwrap_or("")
                .to_owned()
        }));
        match scan.next_page(&page) {
            Some(next) => scan = next,
            None => break,
        }
        assert!(pages < 100, "Scan does not end");
    }
    ids
}

fn demo_record(i: usize) -> Vec<u8> {
    format!(
        r#"{{"id":"rec-{i:04}","TICKER_SYMBOL":"QXZ","SECTOR":"HEALTHCARE","CHANGE":-0.05,"PRICE":84.51,"n":{i}}}"#
    )
    .into_bytes()
}

#[tokio::test]
async fn a_thousand_records_through_firehose_land_in_the_table() {
    let client = client();
    let table = create_table(&client).await;
    let bucket = create_bucket(&client).await;
    let bridge = LocalBridge::start(Some(&bucket)).await;
    let stream = create_stream(&client, &bridge.url(&table), &bucket).await;

    // PutRecordBatch takes at most 500 records a call.
    for call in 0..2 {
        let records = (call * 500..(call + 1) * 500).map(demo_record).collect();
        put(&client, &stream, records).await;
    }

    let ids = scan_ids(&client, &table).await;
    assert_eq!(ids.len(), 1000, "every record is one item");
    let distinct: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let expected: Vec<String> = (0..1000).map(|i| format!("rec-{i:04}")).collect();
    assert_eq!(
        distinct.into_iter().collect::<Vec<_>>(),
        expected.iter().map(String::as_str).collect::<Vec<_>>()
    );
    // No rejects for good records.
    let rejects = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("bridge-rejected/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    assert!(rejects.contents.is_empty(), "{rejects:?}");

    delete_stream_and_table(&client, &stream, &table).await;
    bridge.stop().await;
}

/// `YYYY/MM/DD/HH` (UTC) of a time.
fn utc_hour_path(time: SystemTime) -> String {
    let u = UtcTime::of(time);
    format!("{:04}/{:02}/{:02}/{:02}", u.year, u.month, u.day, u.hour)
}

#[tokio::test]
async fn bad_records_go_to_s3_and_the_good_ones_to_the_table() {
    let client = client();
    let table = create_table(&client).await;
    let bucket = create_bucket(&client).await;
    let bridge = LocalBridge::start(Some(&bucket)).await;
    let stream = create_stream(&client, &bridge.url(&table), &bucket).await;

    let not_json = b"this is not JSON".to_vec();
    let no_key = br#"{"TICKER_SYMBOL":"QXZ","PRICE":84.51}"#.to_vec();
    let records = vec![
        demo_record(1),
        not_json.clone(),
        demo_record(2),
        no_key.clone(),
        demo_record(3),
    ];
    let before = SystemTime::now();
    put(&client, &stream, records).await;
    let after = SystemTime::now();

    let mut ids = scan_ids(&client, &table).await;
    ids.sort();
    assert_eq!(ids, ["rec-0001", "rec-0002", "rec-0003"]);

    let listed = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("bridge-rejected/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    assert_eq!(
        listed.contents.len(),
        1,
        "one object a delivery: {listed:?}"
    );
    let key = &listed.contents[0].key;
    // moto's timestamp has whole seconds: the hour is the one around the call.
    let hours = [
        utc_hour_path(before - Duration::from_secs(1)),
        utc_hour_path(after),
    ];
    assert!(
        hours
            .iter()
            .any(|h| key.starts_with(&format!("bridge-rejected/{h}/"))),
        "{key} is not under bridge-rejected/YYYY/MM/DD/HH/ for {hours:?}"
    );

    let body = client
        .send(&GetObject {
            bucket: bucket.clone(),
            key: key.clone(),
        })
        .await
        .expect("GetObject")
        .body;
    let text = String::from_utf8(body).expect("UTF-8 JSON lines");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    let request_id = lines[0]["requestId"].as_str().expect("requestId");
    assert!(!request_id.is_empty());
    for (line, (index, raw, code)) in lines.iter().zip([
        (1, &not_json, "Bridge.NotJson"),
        (3, &no_key, "Bridge.MissingKey"),
    ]) {
        assert_eq!(line["recordIndex"], index, "{line}");
        assert_eq!(line["errorCode"], code, "{line}");
        assert_eq!(line["requestId"], request_id, "{line}");
        assert!(
            line["errorMessage"].as_str().is_some_and(|m| !m.is_empty()),
            "{line}"
        );
        assert!(line["arrivalTimestamp"].as_u64().is_some(), "{line}");
        assert!(line["attemptsMade"].as_u64().is_some(), "{line}");
        let data = STANDARD
            .decode(line["rawData"].as_str().expect("rawData"))
            .expect("rawData is base64");
        assert_eq!(&data, raw, "{line}");
    }

    delete_stream_and_table(&client, &stream, &table).await;
    bridge.stop().await;
}

/// The reject objects in `bucket` (under the default prefix), each as its JSON lines.
async fn reject_objects(client: &NativeClient, bucket: &str) -> Vec<Vec<serde_json::Value>> {
    let listed = client
        .send(&ListObjectsV2 {
            bucket: bucket.to_owned(),
            prefix: Some("bridge-rejected/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    let mut objects = Vec::new();
    for object in &listed.contents {
        let body = client
            .send(&GetObject {
                bucket: bucket.to_owned(),
                key: object.key.clone(),
            })
            .await
            .expect("GetObject")
            .body;
        let text = String::from_utf8(body).expect("UTF-8 JSON lines");
        objects.push(
            text.lines()
                .map(|l| serde_json::from_str(l).expect("each line is JSON"))
                .collect(),
        );
    }
    objects
}

/// The raw record of each reject line.
fn raw_records(lines: &[serde_json::Value]) -> Vec<Vec<u8>> {
    lines
        .iter()
        .map(|l| {
            STANDARD
                .decode(l["rawData"].as_str().expect("rawData"))
                .expect("base64")
        })
        .collect()
}

// The URL the pipeline plan gives a local stream names its pipeline's bucket: the rejects go
// there, not to the bridge's default bucket.
#[tokio::test]
async fn the_bucket_a_streams_url_names_gets_its_rejects_not_the_default() {
    let client = client();
    let table = create_table(&client).await;
    let default_bucket = create_bucket(&client).await;
    let own_bucket = create_bucket(&client).await;
    let bridge = LocalBridge::start(Some(&default_bucket)).await;
    let url = bridge.url_with_rejects(&table, &own_bucket);
    let stream = create_stream(&client, &url, &own_bucket).await;

    let bad = b"not JSON, for the stream's own bucket".to_vec();
    put(&client, &stream, vec![demo_record(1), bad.clone()]).await;

    assert_eq!(scan_ids(&client, &table).await, ["rec-0001"]);
    let objects = reject_objects(&client, &own_bucket).await;
    assert_eq!(objects.len(), 1, "{objects:?}");
    assert_eq!(raw_records(&objects[0]), [bad]);
    assert_eq!(objects[0][0]["recordIndex"], 1);
    assert!(
        reject_objects(&client, &default_bucket).await.is_empty(),
        "nothing in the default bucket"
    );

    delete_stream_and_table(&client, &stream, &table).await;
    bridge.stop().await;
}

// As scripts/run.sh runs it: one bridge with no default bucket serves two pipelines, and each
// pipeline's rejects land in its own bucket.
#[tokio::test]
async fn one_bridge_without_a_default_keeps_each_pipelines_rejects_in_its_bucket() {
    let client = client();
    let bridge = LocalBridge::start(None).await;
    let mut pipelines = Vec::new();
    for n in 0..2 {
        let table = create_table(&client).await;
        let bucket = create_bucket(&client).await;
        let url = bridge.url_with_rejects(&table, &bucket);
        let stream = create_stream(&client, &url, &bucket).await;
        let bad = format!("pipeline {n}: not JSON").into_bytes();
        put(&client, &stream, vec![bad.clone(), demo_record(n)]).await;
        pipelines.push((table, bucket, stream, bad));
    }
    for (n, (table, bucket, stream, bad)) in pipelines.iter().enumerate() {
        assert_eq!(scan_ids(&client, table).await, [format!("rec-{n:04}")]);
        let objects = reject_objects(&client, bucket).await;
        assert_eq!(objects.len(), 1, "pipeline {n}: {objects:?}");
        assert_eq!(
            raw_records(&objects[0]),
            std::slice::from_ref(bad),
            "pipeline {n}"
        );
        assert_eq!(objects[0][0]["errorCode"], "Bridge.NotJson");
        delete_stream_and_table(&client, stream, table).await;
    }
    bridge.stop().await;
}

/// Removes what a test made on the emulator.
async fn delete_stream_and_table(client: &NativeClient, stream: &str, table: &str) {
    client
        .send(&DeleteDeliveryStream::new(stream))
        .await
        .expect("DeleteDeliveryStream");
    client
        .send(&DeleteTable::new(table))
        .await
        .expect("DeleteTable");
}
