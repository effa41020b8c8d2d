//! Records per second through the bridge's CPU work for one Firehose delivery of 500 demo records:
//! decode (the body's JSON, then base64), map (record -> DynamoDB item), and serialise (the
//! BatchWriteItem bodies, 25 items each). No network: DynamoDB's time is not ours to measure.
//!
//! `cargo bench -p hoseline-bridge --bench delivery`; scripts/bench.sh runs it beside the same work
//! in Python (benchmarks/bridge_python.py) and prints the ratio.

use std::hint::black_box;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hoseline_aws::dynamodb::{BatchWriteItem, Item, WriteRequest, MAX_BATCH_WRITES};
use hoseline_bridge::protocol::{parse_request, DeliveryRequest};
use hoseline_pipeline::mapping::{
    map_record, KeyAttribute, KeyKind, KeySchema, MappingOptions, RecordContext,
};

/// Records in one delivery.
pub const RECORDS: usize = 500;
const TABLE: &str = "demo-stock-ticker";
const TICKERS: &[(&str, &str)] = &[
    ("QXZ", "HEALTHCARE"),
    ("NGC", "ENERGY"),
    ("WAS", "RETAIL"),
    ("TGT", "RETAIL"),
    ("KIN", "TECHNOLOGY"),
    ("JYB", "FINANCIAL"),
];

/// The demo records the Firehose console sends, with an `id` for the table's key.
fn demo_record(i: usize) -> String {
    let (ticker, sector) = TICKERS[i % TICKERS.len()];
    let change = (i % 21) as f64 / 100.0 - 0.1;
    let price = 10.0 + (i * 7919 % 10_000) as f64 / 100.0;
    format!(
        r#"{{"TICKER_SYMBOL":"{ticker}","SECTOR":"{sector}","CHANGE":{change:.2},"PRICE":{price:.2},"id":"rec-{i:06}"}}"#
    )
}

/// A Firehose HTTP endpoint request body carrying `RECORDS` demo records.
fn delivery_body() -> Vec<u8> {
    let records: Vec<serde_json::Value> = (0..RECORDS)
        .map(|i| serde_json::json!({ "data": STANDARD.encode(demo_record(i)) }))
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "requestId": "ed4acda5-034f-9f42-bba1-f29aea6d7d8f",
        "timestamp": 1_795_701_816_123u64,
        "records": records,
    }))
    .expect("the body serialises")
}

/// Decode: the body's JSON, then each record's base64.
fn decode(headers: &[(String, String)], body: &[u8]) -> DeliveryRequest {
    parse_request(headers, body, None).expect("the delivery parses")
}

/// Map: each record to its items.
fn map(request: &DeliveryRequest, schema: &KeySchema) -> Vec<Item> {
    let options = MappingOptions::default();
    let mut items = Vec::with_capacity(request.records.len());
    for data in &request.records {
        let ctx = RecordContext {
            duplicate_index: 0,
            arrival_ms: request.timestamp_ms.unwrap_or_default(),
            common_attributes: &request.common_attributes,
        };
        items.extend(map_record(data, schema, &options, &ctx).expect("demo records map"));
    }
    items
}

/// Serialise: BatchWriteItem bodies of 25 items; returns their bytes.
fn serialise(items: Vec<Item>) -> usize {
    let mut bytes = 0;
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let writes: Vec<WriteRequest> = items
            .by_ref()
            .take(MAX_BATCH_WRITES)
            .map(WriteRequest::put)
            .collect();
        let call = BatchWriteItem::new(TABLE, writes);
        bytes += serde_json::to_vec(&call)
            .expect("the call serialises")
            .len();
    }
    bytes
}

fn delivery(c: &mut Criterion) {
    let headers = vec![
        (
            "X-Amz-Firehose-Protocol-Version".to_owned(),
            "1.0".to_owned(),
        ),
        (
            "X-Amz-Firehose-Request-Id".to_owned(),
            "ed4acda5-034f-9f42-bba1-f29aea6d7d8f".to_owned(),
        ),
        ("Content-Type".to_owned(), "application/json".to_owned()),
    ];
    let body = delivery_body();
    let schema = KeySchema {
        partition: KeyAttribute::new("id", KeyKind::S),
        sort: None,
        index_keys: Vec::new(),
    };
    let mut group = c.benchmark_group("delivery");
    group.throughput(Throughput::Elements(RECORDS as u64));
    // The figure scripts/bench.sh reports: all three steps, as the bridge does them.
    group.bench_function("decode_map_serialise_500", |b| {
        b.iter(|| serialise(map(&decode(black_box(&headers), black_box(&body)), &schema)))
    });
    // Each step alone, to see where the time goes.
    let request = decode(&headers, &body);
    let items = map(&request, &schema);
    group.bench_function("decode_500", |b| {
        b.iter(|| decode(black_box(&headers), black_box(&body)))
    });
    group.bench_function("map_500", |b| b.iter(|| map(black_box(&request), &schema)));
    group.bench_function("serialise_500", |b| {
        b.iter_batched(
            || items.clone(),
            serialise,
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, delivery);
criterion_main!(benches);
