//! The bridge against the signature-checking emulator (moto): deliveries land in its DynamoDB,
//! rejects in its S3. Needs `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeSet, HashMap};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::scripted::{body, headers, json, DOC_TIMESTAMP};
use hoseline_aws::dynamodb::{AttributeDefinition, CreateTable, ScalarAttributeType, Scan};
use hoseline_aws::s3::{CreateBucket, GetObject};
use hoseline_aws::transport::native::{NativeClient, ReqwestTransport, SystemClock, TokioSleep};
use hoseline_aws::{HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};
use hoseline_bridge::{Bridge, BridgeConfig, DeliveryResponse, Destination};

type NativeBridge = Bridge<ReqwestTransport, TokioSleep, SystemClock>;

const KEY: &str = "emulator-access-key";

/// A table keyed by `pk` (S), a bucket for rejects, and a bridge writing to both.
async fn setup(prefix: &str) -> (NativeBridge, String, String) {
    setup_with(prefix, true).await
}

/// [`setup`]; the bucket is the bridge's default (`HOSELINE_REJECT_BUCKET`) only if `default`.
async fn setup_with(prefix: &str, default: bool) -> (NativeBridge, String, String) {
    let client = common::checked();
    let table = common::unique(prefix);
    create_table(&client, &table, ScalarAttributeType::S).await;
    let bucket = common::unique("rejects");
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");
    let mut vars = HashMap::from([
        ("HOSELINE_ACCESS_KEY", KEY.to_owned()),
        ("HOSELINE_WRITE_BUDGET_SECONDS", "30".to_owned()),
    ]);
    if default {
        vars.insert("HOSELINE_REJECT_BUCKET", bucket.clone());
    }
    let config = BridgeConfig::from_env(|k| vars.get(k).cloned(), false).expect("config");
    (Bridge::new(client, config), table, bucket)
}

/// `table` keyed by `pk` of type `kind`.
async fn create_table(client: &NativeClient, table: &str, kind: ScalarAttributeType) {
    client
        .send(&CreateTable::new(
            table,
            AttributeDefinition::new("pk", kind),
            None,
        ))
        .await
        .expect("CreateTable");
}

/// A delivery of `records` to `table` as request `id` (timestamp [`DOC_TIMESTAMP`]), with the
/// access key.
async fn deliver<R: AsRef<[u8]>>(
    bridge: &NativeBridge,
    table: &str,
    id: &str,
    records: &[R],
) -> DeliveryResponse {
    bridge
        .handle(
            table,
            &headers(id, Some(KEY)),
            &body(id, DOC_TIMESTAMP, records),
        )
        .await
}

/// CreateTable with a global secondary index, sent as the documented request shape (the crate's
/// CreateTable makes tables without indexes).
struct CreateIndexedTable(serde_json::Value);

impl Operation for CreateIndexedTable {
    type Output = serde_json::Value;
    const SERVICE: Service = Service::DynamoDb;
    const NAME: &'static str = "CreateTable";

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, hoseline_aws::Error> {
        hoseline_aws::protocol::json::request(endpoint, Self::NAME, &self.0)
    }

    fn parse(&self, response: HttpResponse) -> Result<serde_json::Value, hoseline_aws::Error> {
        hoseline_aws::protocol::json::parse(&response, "CreateTable response")
    }
}

/// `table` keyed by `pk` (S), with the index `by-customer` on `customer` (S).
async fn create_indexed_table(client: &NativeClient, table: &str) {
    client
        .send(&CreateIndexedTable(serde_json::json!({
            "TableName": table,
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "customer", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "GlobalSecondaryIndexes": [{
                "IndexName": "by-customer",
                "KeySchema": [{"AttributeName": "customer", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "KEYS_ONLY"}}],
            "BillingMode": "PAY_PER_REQUEST"
        })))
        .await
        .expect("CreateTable with a GSI");
}

/// The reject lines the bridge saved for request `id` (timestamp [`DOC_TIMESTAMP`]).
async fn reject_lines(client: &NativeClient, bucket: &str, id: &str) -> Vec<serde_json::Value> {
    // 1578090901599 ms is 2020-01-03T22:35:01Z.
    let object = client
        .send(&GetObject {
            bucket: bucket.to_owned(),
            key: format!("bridge-rejected/2020/01/03/22/{id}.jsonl"),
        })
        .await
        .expect("the rejects object");
    let text = String::from_utf8(object.body).expect("UTF-8");
    text.lines().map(json).collect()
}

async fn scan_pks(client: &NativeClient, table: &str) -> Vec<String> {
    let mut pks = Vec::new();
    let mut page = Some(Scan::new(table));
    while let Some(scan) = page {
        let out = client.send(&scan).await.expect("Scan");
        pks.extend(
            out.items
                .iter()
                .filter_map(|i| i.get("pk").and_then(|v| v.as_s()).map(str::to_owned)),
        );
        page = scan.next_page(&out);
    }
    pks
}

#[tokio::test]
async fn the_same_request_three_times_leaves_each_record_once() {
    let (bridge, table, _) = setup("bridge-idem").await;
    let id = "2b5bd1c4-7f3e-4e0e-9d7a-0c8a9b1e2f30";
    let records: Vec<String> = (0..60)
        .map(|i| format!(r#"{{"pk":"order-{i}","amount":{i}.50,"tags":["a","b"]}}"#))
        .collect();
    let payload = body(id, DOC_TIMESTAMP, &records);
    for attempt in 0..3 {
        let r = bridge
            .handle(&table, &headers(id, Some(KEY)), &payload)
            .await;
        assert_eq!(r.status, 200, "attempt {attempt}: {}", r.body);
        assert_eq!(json(&r.body)["requestId"], id);
    }
    let pks = scan_pks(bridge.client(), &table).await;
    assert_eq!(pks.len(), 60, "each record once");
    let distinct: BTreeSet<_> = pks.iter().collect();
    assert_eq!(distinct.len(), 60);
}

#[tokio::test]
async fn bad_records_go_to_s3_and_good_ones_to_the_table() {
    let (bridge, table, bucket) = setup("bridge-rejects").await;
    let id = "7d1f0e22-5a4b-4c3d-8e9f-112233445566";
    let records = vec![
        r#"{"pk":"good-1","v":1}"#.to_owned(),
        "not json at all".to_owned(),
        r#"{"no_key":true}"#.to_owned(),
        r#"{"pk":"good-2","v":2}"#.to_owned(),
    ];
    let r = deliver(&bridge, &table, id, &records).await;
    assert_eq!(r.status, 200, "{}", r.body);

    let mut pks = scan_pks(bridge.client(), &table).await;
    pks.sort();
    assert_eq!(pks, vec!["good-1", "good-2"]);

    let lines = reject_lines(bridge.client(), &bucket, id).await;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["recordIndex"], 1);
    assert_eq!(lines[0]["errorCode"], "Bridge.NotJson");
    assert_eq!(lines[0]["requestId"], id);
    assert_eq!(lines[1]["recordIndex"], 2);
    assert_eq!(lines[1]["errorCode"], "Bridge.MissingKey");
}

#[tokio::test]
async fn number_keys_equal_in_value_make_one_item() {
    let (bridge, _, _) = setup("bridge-numkeys").await;
    let client = bridge.client();
    let table = common::unique("bridge-numkeys-n");
    create_table(client, &table, ScalarAttributeType::N).await;
    let id = "5e0c1d2b-3a4f-4b6c-9d8e-7f6a5b4c3d2e";
    let records = [
        r#"{"pk":1,"v":"first"}"#,
        r#"{"pk":1.0,"v":"second"}"#,
        r#"{"pk":7,"v":"other"}"#,
    ];
    let r = deliver(&bridge, &table, id, &records).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let items = client.send(&Scan::new(&table)).await.expect("Scan").items;
    assert_eq!(items.len(), 2, "{items:?}");
    let one = items
        .iter()
        .find(|i| {
            i.get("pk")
                .and_then(|v| v.as_n())
                .is_some_and(|n| n.starts_with('1'))
        })
        .expect("the item of key 1");
    assert_eq!(one.get("v").and_then(|v| v.as_s()), Some("second"));
}

#[tokio::test]
async fn an_empty_index_key_is_rejected_by_the_mapping_and_the_rest_written() {
    let (bridge, _, bucket) = setup("bridge-gsi").await;
    let table = common::unique("bridge-gsi-t");
    create_indexed_table(bridge.client(), &table).await;
    let id = "3f2e1d0c-9b8a-4765-8432-10fedcba9876";
    let records = [
        r#"{"pk":"good-1","customer":"c-1"}"#,
        r#"{"pk":"bad","customer":""}"#,
        r#"{"pk":"good-2"}"#,
        r#"{"pk":"good-3","customer":"c-3"}"#,
    ];
    let r = deliver(&bridge, &table, id, &records).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut pks = scan_pks(bridge.client(), &table).await;
    pks.sort();
    assert_eq!(pks, vec!["good-1", "good-2", "good-3"]);
    let lines = reject_lines(bridge.client(), &bucket, id).await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["recordIndex"], 1);
    assert_eq!(lines[0]["errorCode"], "Bridge.InvalidIndexKey");
    let message = lines[0]["errorMessage"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"customer\"") && message.contains("\"by-customer\""),
        "{message}"
    );
}

#[tokio::test]
async fn an_item_dynamodb_refuses_is_rejected_with_its_error_and_the_rest_written() {
    // The bridge read the table's key before the index was added (here: the table is made again
    // with an index), so its mapping does not know the index: DynamoDB itself refuses the item.
    let (bridge, _, bucket) = setup("bridge-split").await;
    let client = bridge.client();
    let table = common::unique("bridge-split-t");
    create_table(client, &table, ScalarAttributeType::S).await;
    let first = "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9";
    let r = deliver(&bridge, &table, first, &[r#"{"pk":"warm-up"}"#]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    client
        .send(&hoseline_aws::dynamodb::DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
    create_indexed_table(client, &table).await;

    let id = "1b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0";
    let mut records: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"pk":"good-{i:02}","customer":"c-{i}"}}"#))
        .collect();
    records[17] = r#"{"pk":"bad","customer":""}"#.to_owned();
    let r = deliver(&bridge, &table, id, &records).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let pks = scan_pks(client, &table).await;
    assert_eq!(pks.len(), 29, "every other item is written: {pks:?}");
    assert!(!pks.iter().any(|pk| pk == "bad"));
    let lines = reject_lines(client, &bucket, id).await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["recordIndex"], 17);
    assert_eq!(lines[0]["errorCode"], "DynamoDB.ValidationException");
    let message = lines[0]["errorMessage"].as_str().unwrap_or_default();
    assert!(
        message.contains("secondary index key") && message.contains("by-customer"),
        "DynamoDB's own message: {message}"
    );
    let raw = STANDARD.decode(lines[0]["rawData"].as_str().unwrap_or_default());
    assert_eq!(raw.ok(), Some(records[17].clone().into_bytes()));

    // A refusal makes the bridge read the table again: the mapping now knows the index.
    let again = "2c3d4e5f-6071-4283-94a5-b6c7d8e9f0a1";
    let r = deliver(&bridge, &table, again, &[r#"{"pk":"bad-2","customer":""}"#]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let lines = reject_lines(client, &bucket, again).await;
    assert_eq!(lines[0]["errorCode"], "Bridge.InvalidIndexKey");
}

#[tokio::test]
async fn a_missing_table_is_a_500_naming_the_aws_error() {
    let (bridge, _, _) = setup("bridge-missing").await;
    let id = "0f0e0d0c-0b0a-0908-0706-050403020100";
    let r = deliver(&bridge, "no-such-table-here", id, &[r#"{"pk":"x"}"#]).await;
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("ResourceNotFoundException"), "{message}");
}

// One local bridge serves every local pipeline without a default bucket: a delivery whose URL
// names no bucket is fine while every record becomes an item, and a 500 saying why once one must
// be rejected (Firehose retries, then backs the batch up). The good records are written anyway:
// writes are idempotent, so the retry that names a bucket rewrites them harmlessly.
#[tokio::test]
async fn with_no_reject_bucket_anywhere_a_reject_is_a_500_saying_so() {
    let (bridge, table, bucket) = setup_with("bridge-nobucket", false).await;
    let all_good = "6a7b8c9d-0e1f-4203-8405-a6b7c8d9e0f1";
    let records = [r#"{"pk":"good-1"}"#, r#"{"pk":"good-2"}"#];
    let r = deliver(&bridge, &table, all_good, &records).await;
    assert_eq!(r.status, 200, "{}", r.body);

    let id = "7b8c9d0e-1f20-4314-9516-b7c8d9e0f1a2";
    let payload = body(id, DOC_TIMESTAMP, &[r#"{"pk":"good-3"}"#, "not JSON"]);
    let r = bridge
        .handle(&table, &headers(id, Some(KEY)), &payload)
        .await;
    assert_eq!(r.status, 500, "{}", r.body);
    assert_eq!(json(&r.body)["requestId"], id);
    let message = json(&r.body)["errorMessage"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains(
            "1 rejected records not saved: no reject bucket is named (neither \
             ?rejects=<bucket> in the stream's endpoint URL nor HOSELINE_REJECT_BUCKET)"
        ),
        "{message}"
    );
    let mut pks = scan_pks(bridge.client(), &table).await;
    pks.sort();
    assert_eq!(pks, ["good-1", "good-2", "good-3"]);

    // The same delivery naming its bucket (as the server's `?rejects=` does) goes through.
    let to = Destination {
        reject_bucket: Some(&bucket),
        ..Destination::from(table.as_str())
    };
    let r = bridge.handle(to, &headers(id, Some(KEY)), &payload).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let lines = reject_lines(bridge.client(), &bucket, id).await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["recordIndex"], 1);
    assert_eq!(scan_pks(bridge.client(), &table).await.len(), 3);
}
