//! One local bridge serves every local pipeline, so each stream's URL, as the pipeline plan
//! writes it, carries its pipeline's mapping options and reject prefix, as a Lambda's
//! environment does on AWS. Through the local emulator: a Firehose stream delivers to the local
//! bridge server (in-process), which writes into the emulator's DynamoDB and S3.
//!
//! Needs the signature-checking test emulator (`scripts/emulator.sh start-test`, default
//! http://127.0.0.1:4577, or `HOSELINE_TEST_ENDPOINT`).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::local_bridge::{create_bucket, create_stream, put, LocalBridge};
use hoseline_aws::dynamodb::{
    AttributeDefinition, CreateTable, DeleteTable, Item, ScalarAttributeType, Scan,
};
use hoseline_aws::firehose::DeleteDeliveryStream;
use hoseline_aws::s3::{GetObject, ListObjectsV2};
use hoseline_aws::test_support::UtcTime;
use hoseline_aws::transport::native::NativeClient;
use hoseline_bridge::pipeline::mapping::{MappingOptions, TtlSetting};
use hoseline_bridge::pipeline::plan::local_stream_url;
use hoseline_bridge::pipeline::spec::{PipelineSpec, Target};
use hoseline_bridge::{Bridge, BridgeConfig, Destination};

const DAY: u64 = 86_400;

/// A table keyed as examples/local-dynamodb.json's: TICKER_SYMBOL, and EVENT_ID as sort key.
async fn create_ticker_table(client: &NativeClient) -> String {
    let table = common::unique("urlmap");
    client
        .send(&CreateTable::new(
            &table,
            AttributeDefinition::new("TICKER_SYMBOL", ScalarAttributeType::S),
            Some(AttributeDefinition::new("EVENT_ID", ScalarAttributeType::S)),
        ))
        .await
        .expect("CreateTable");
    table
}

/// The URL the pipeline plan gives the stream of examples/local-dynamodb.json (generated sort
/// key, TTL EXPIRES_AT after 30 days, arrival time ARRIVED_AT) for this table and bucket on
/// this bridge, changed by `edit`.
fn planned_url(
    bridge: &LocalBridge,
    table: &str,
    bucket: &str,
    edit: impl FnOnce(&mut PipelineSpec),
) -> String {
    let example = include_str!("../../../examples/local-dynamodb.json");
    let mut spec = PipelineSpec::from_json(example).expect("the example");
    if let Target::Local { bridge_url, .. } = &mut spec.target {
        *bridge_url = bridge.base_url();
    }
    if let Some(t) = spec.table.as_mut() {
        t.name = table.to_owned();
    }
    spec.bucket.name = bucket.to_owned();
    edit(&mut spec);
    local_stream_url(&spec).expect("a local DynamoDB stream's URL")
}

async fn scan(client: &NativeClient, table: &str) -> Vec<Item> {
    let page = client.send(&Scan::new(table)).await.expect("Scan");
    assert!(page.last_evaluated_key.is_none(), "one page");
    page.items
}

fn text<'a>(item: &'a Item, name: &str) -> Option<&'a str> {
    item.get(name).and_then(|v| v.as_s())
}

/// The reject lines under `prefix` in `bucket`.
async fn reject_lines(client: &NativeClient, bucket: &str, prefix: &str) -> Vec<serde_json::Value> {
    let listed = client
        .send(&ListObjectsV2 {
            bucket: bucket.to_owned(),
            prefix: Some(prefix.to_owned()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    let mut lines = Vec::new();
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
        lines.extend(
            text.lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON")),
        );
    }
    lines
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `YYYY-MM-DDTHH:MM:SS` (UTC) of a time in seconds.
fn iso_second(secs: u64) -> String {
    let u = UtcTime::from_secs(secs);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        u.year, u.month, u.day, u.hour, u.minute, u.second
    )
}

fn ticker(symbol: &str, price: f64) -> Vec<u8> {
    format!(r#"{{"TICKER_SYMBOL":"{symbol}","SECTOR":"TECHNOLOGY","PRICE":{price}}}"#).into_bytes()
}

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

// What examples/local-dynamodb.json's pipeline does end to end: the bridge is started without a
// mapping option (as scripts/run.sh starts it), and the records, which carry no EVENT_ID, become
// items with a generated sort key, a TTL and the arrival time, because the stream's URL says so;
// its bad record goes under the spec's reject prefix.
#[tokio::test]
async fn the_planned_url_gives_the_bridge_the_pipelines_mapping_options() {
    let client = common::checked();
    let table = create_ticker_table(&client).await;
    let bucket = create_bucket(&client).await;
    let bridge = LocalBridge::start(None).await;
    let url = planned_url(&bridge, &table, &bucket, |spec| {
        if let Some(b) = spec.bridge.as_mut() {
            b.reject_prefix = "pipeline rejects/".to_owned();
        }
    });
    assert!(
        url.contains("generateKey=true&ttlAttribute=EXPIRES_AT&ttlDays=30")
            && url.contains("rejectPrefix=pipeline%20rejects/"),
        "{url}"
    );
    let stream = create_stream(&client, &url, &bucket).await;

    let before = now_secs();
    let bad = b"this is not JSON".to_vec();
    put(
        &client,
        &stream,
        vec![ticker("QXZ", 84.51), bad.clone(), ticker("QXZ", 84.52)],
    )
    .await;
    let after = now_secs();

    let items = scan(&client, &table).await;
    assert_eq!(items.len(), 2, "two items, both QXZ: {items:?}");
    for item in &items {
        assert_eq!(text(item, "TICKER_SYMBOL"), Some("QXZ"), "{item:?}");
        // `{hash}:{n}:{line}`: 128 bits of the record's SHA-256, its place among identical
        // records (none before it), its line (the first).
        let key = text(item, "EVENT_ID").expect("a generated EVENT_ID");
        let parts: Vec<&str> = key.split(':').collect();
        assert!(
            parts.len() == 3
                && parts[0].len() == 32
                && parts[0].chars().all(|c| c.is_ascii_hexdigit())
                && parts[1..] == ["0", "1"],
            "{key}"
        );
        let expires: u64 = item
            .get("EXPIRES_AT")
            .and_then(|v| v.as_n())
            .and_then(|n| n.parse().ok())
            .expect("EXPIRES_AT, a number");
        // moto's timestamp has whole seconds.
        let arrival = expires - 30 * DAY;
        assert!(
            (before.saturating_sub(1)..=after).contains(&arrival),
            "EXPIRES_AT {expires} is not 30 days after the call ({before}..{after})"
        );
        let arrived = text(item, "ARRIVED_AT").expect("ARRIVED_AT, text");
        assert!(
            arrived.starts_with(&iso_second(arrival)) && arrived.ends_with('Z'),
            "ARRIVED_AT {arrived} is not {}",
            iso_second(arrival)
        );
    }
    let keys: Vec<&str> = items.iter().filter_map(|i| text(i, "EVENT_ID")).collect();
    assert_ne!(keys[0], keys[1], "two records, two keys");

    let rejects = reject_lines(&client, &bucket, "pipeline rejects/").await;
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["errorCode"], "Bridge.NotJson");
    assert_eq!(
        STANDARD
            .decode(rejects[0]["rawData"].as_str().expect("rawData"))
            .expect("base64"),
        bad
    );
    assert!(reject_lines(&client, &bucket, "bridge-rejected/")
        .await
        .is_empty());

    delete_stream_and_table(&client, &stream, &table).await;
    bridge.stop().await;
}

// A URL naming no mapping option keeps the bridge's configured ones; a URL naming any says the
// whole mapping: the options it leaves out are off, whatever the bridge was started with.
#[tokio::test]
async fn the_urls_mapping_options_replace_the_configured_ones_as_a_whole() {
    let client = common::checked();
    let bridge = LocalBridge::start_with_env(&[
        ("HOSELINE_GENERATE_KEY", "true"),
        ("HOSELINE_ARRIVAL_ATTRIBUTE", "ARRIVED_AT"),
    ])
    .await;

    // Only the bucket: the bridge's own options generate the key and add the arrival time.
    let table = create_ticker_table(&client).await;
    let bucket = create_bucket(&client).await;
    let stream = create_stream(&client, &bridge.url_with_rejects(&table, &bucket), &bucket).await;
    put(&client, &stream, vec![ticker("AAA", 1.0)]).await;
    let items = scan(&client, &table).await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(text(&items[0], "EVENT_ID").is_some(), "{items:?}");
    assert!(text(&items[0], "ARRIVED_AT").is_some(), "{items:?}");
    assert!(!items[0].contains_key("EXPIRES_AT"), "{items:?}");
    delete_stream_and_table(&client, &stream, &table).await;

    // A TTL alone: no generated key (a record without EVENT_ID is rejected), no arrival time.
    let table = create_ticker_table(&client).await;
    let url = format!(
        "{}&ttlAttribute=EXPIRES_AT&ttlDays=1",
        bridge.url_with_rejects(&table, &bucket)
    );
    let stream = create_stream(&client, &url, &bucket).await;
    let keyed = br#"{"TICKER_SYMBOL":"BBB","EVENT_ID":"e-1"}"#.to_vec();
    put(&client, &stream, vec![keyed, ticker("BBB", 2.0)]).await;
    let items = scan(&client, &table).await;
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(text(&items[0], "EVENT_ID"), Some("e-1"));
    assert!(items[0].contains_key("EXPIRES_AT"), "{items:?}");
    assert!(!items[0].contains_key("ARRIVED_AT"), "{items:?}");
    let rejects = reject_lines(&client, &bucket, "bridge-rejected/").await;
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["errorCode"], "Bridge.MissingKey");
    assert_eq!(rejects[0]["recordIndex"], 1);
    delete_stream_and_table(&client, &stream, &table).await;
    bridge.stop().await;
}

// The URL's options are checked against the table's key as the configured ones are: a TTL
// attribute that is the table's sort key would have every item refused; the delivery is a 500
// saying so (Firehose retries, then backs the batch up), and nothing is written.
#[tokio::test]
async fn the_urls_mapping_options_are_checked_against_the_tables_key() {
    let client = common::checked();
    let table = create_ticker_table(&client).await;
    let bucket = create_bucket(&client).await;
    let config = BridgeConfig::from_env(|_| None, true).expect("config");
    let bridge = Bridge::new(common::checked(), config);
    let mapping = MappingOptions {
        ttl: Some(TtlSetting {
            attribute: "EVENT_ID".into(),
            days: 1,
        }),
        ..MappingOptions::default()
    };
    let to = Destination {
        reject_bucket: Some(&bucket),
        mapping: Some(&mapping),
        ..Destination::from(table.as_str())
    };
    let id = "5e6f7a8b-9c0d-4e1f-a203-b4c5d6e7f809";
    let record = STANDARD.encode(br#"{"TICKER_SYMBOL":"CCC","EVENT_ID":"e-1"}"#);
    let body = format!(
        r#"{{"requestId":"{id}","timestamp":1700000000000,"records":[{{"data":"{record}"}}]}}"#
    );
    let r = bridge.handle(to, &[], body.as_bytes()).await;
    assert_eq!(r.status, 500, "{}", r.body);
    let answer: serde_json::Value = serde_json::from_str(&r.body).expect("JSON");
    let message = answer["errorMessage"].as_str().unwrap_or_default();
    assert!(
        message.contains("the mapping options of the delivery's URL")
            && message.contains("\"EVENT_ID\" is a key attribute"),
        "{message}"
    );
    assert!(scan(&client, &table).await.is_empty());
    client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
}
