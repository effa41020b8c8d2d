//! Which records become one item: duplicate keys within a delivery (compared as DynamoDB
//! compares keys, the later record winning) and generated keys (derived from the record itself).
//! AWS is scripted (tests/common), time is fake.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::scripted::*;

#[test]
fn the_later_of_two_records_with_one_key_wins() {
    let t = bridge(Fake::healthy(), &[]);
    let (bridge, _) = &t;
    let recs = vec![
        r#"{"pk":"a","v":1}"#.to_owned(),
        r#"{"pk":"b","v":2}"#.to_owned(),
        r#"{"pk":"a","v":3}"#.to_owned(),
    ];
    assert_eq!(deliver(&t, &recs).status, 200);
    let batches = bridge.client().transport().batches();
    assert_eq!(batches.len(), 1);
    assert_eq!(pks(&batches[0]), vec!["b", "a"]);
    assert_eq!(batches[0][1]["v"]["N"], "3");
}

#[test]
fn number_keys_equal_in_value_are_one_item_and_the_later_wins() {
    // DynamoDB compares numbers by value: 1, 1.0 and 10e-1 are one key, and a BatchWriteItem
    // holding two of them is refused whole ("Provided list of item keys contains duplicates").
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "DescribeTable" => describe_table_typed("pk", "N"),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, time) = &t;
    let recs = [
        r#"{"pk":1,"v":"first"}"#,
        r#"{"pk":2,"v":"other"}"#,
        r#"{"pk":1.0,"v":"second"}"#,
        r#"{"pk":10e-1,"v":"third"}"#,
    ];
    let h = headers(DOC_REQUEST_ID, Some(ACCESS_KEY));
    let delivery =
        time.run(bridge.handle_delivery("orders", &h, &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &recs)));
    assert_eq!(delivery.response.status, 200, "{}", delivery.response.body);
    let report = delivery.report.expect("a report");
    assert_eq!(report.items_written, 2);
    assert_eq!(
        report.duplicates, 2,
        "two records collapsed into a later one"
    );
    let batches = bridge.client().transport().batches();
    assert_eq!(batches.len(), 1);
    assert_eq!(
        batches[0],
        vec![
            serde_json::json!({"pk": {"N": "2"}, "v": {"S": "other"}}),
            serde_json::json!({"pk": {"N": "10e-1"}, "v": {"S": "third"}}),
        ]
    );
}

#[test]
fn generated_keys_follow_the_record_not_the_request_id() {
    let t = bridge(Fake::healthy(), &[("HOSELINE_GENERATE_KEY", "true")]);
    let (bridge, time) = &t;
    let a = r#"{"reading":1}"#;
    let b = r#"{"reading":2}"#;
    let send = |id: &str, records: &[&str]| {
        let h = headers(id, Some(ACCESS_KEY));
        let r = time.run(bridge.handle("orders", &h, &body(id, DOC_TIMESTAMP, records)));
        assert_eq!(r.status, 200, "{}", r.body);
    };
    send(DOC_REQUEST_ID, &[a, a, b]);
    // Firehose keeps the request id across retries only "in a best-effort manner": the same
    // batch may come again under another id.
    send("0b9f3c1e-2d4a-4e5f-8a7b-6c5d4e3f2a1b", &[a, a, b]);
    send("9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a", &[b]);
    let batches = bridge.client().transport().batches();
    let keys: Vec<Vec<String>> = batches.iter().map(|b| pks(b)).collect();
    assert_eq!(keys.len(), 3);
    let first: BTreeSet<&String> = keys[0].iter().collect();
    assert_eq!(
        first.len(),
        3,
        "two identical records in one delivery are two items"
    );
    assert_eq!(keys[1], keys[0], "a re-sent batch rewrites the same items");
    assert_eq!(
        keys[2],
        vec![keys[0][2].clone()],
        "a record alone keeps its key"
    );
}
