//! Items DynamoDB refuses one by one (a secondary-index key of the wrong type or empty, an item
//! collection over its limit): DynamoDB refuses the whole BatchWriteItem, so the bridge splits it
//! to find them, writes the rest, and rejects those records with DynamoDB's code and message.
//! AWS is scripted (tests/common), time is fake.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::scripted::*;
use hoseline_aws::HttpResponse;

/// DynamoDB refusing every BatchWriteItem that holds an item with `"bad": true`, as it refuses a
/// whole batch for one item it cannot take (an index key of the wrong type, an item collection
/// over 10 GB...).
fn refusing_bad_items(code: &'static str, message: &'static str) -> Fake {
    Fake::new(move |call, _| {
        Ok(match call.operation.as_str() {
            "BatchWriteItem" => {
                let bad = call
                    .items()
                    .iter()
                    .any(|item| item["bad"] == serde_json::json!({"BOOL": true}));
                if bad {
                    HttpResponse::new(
                        400,
                        format!(
                            r#"{{"__type":"com.amazonaws.dynamodb.v20120810#{code}","message":"{message}"}}"#
                        ),
                    )
                } else {
                    default_answer(call)
                }
            }
            _ => default_answer(call),
        })
    })
}

#[test]
fn items_dynamodb_refuses_are_found_by_splitting_and_rejected_with_its_error() {
    let fake = refusing_bad_items(
        "ValidationException",
        "One or more parameter values were invalid: Type mismatch for Index Key gsi Expected: S Actual: N IndexName: by-gsi",
    );
    let t = bridge(fake, &[]);
    let (bridge, time) = &t;
    let mut recs = records(60);
    recs[7] = r#"{"pk":"k7","bad":true}"#.to_owned();
    recs[40] = r#"{"pk":"k40","bad":true}"#.to_owned();
    // A record of two items, one refused: the record is rejected, its other item written.
    recs[52] = "{\"pk\":\"k52a\"}\n{\"pk\":\"k52b\",\"bad\":true}".to_owned();
    let h = headers(DOC_REQUEST_ID, Some(ACCESS_KEY));
    let delivery =
        time.run(bridge.handle_delivery("orders", &h, &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &recs)));
    assert_eq!(delivery.response.status, 200, "{}", delivery.response.body);
    let report = delivery.report.expect("report");
    assert_eq!(report.items_written, 58);
    assert_eq!(report.rejected, 3);
    assert_eq!(report.refused, 3);

    let fake = bridge.client().transport();
    let accepted: BTreeSet<String> = fake
        .batches()
        .iter()
        .filter(|b| {
            !b.iter()
                .any(|i| i["bad"] == serde_json::json!({"BOOL": true}))
        })
        .flat_map(|b| pks(b))
        .collect();
    assert_eq!(accepted.len(), 58);
    assert!(accepted.contains("k52a") && !accepted.contains("k7"));
    // Halving finds each refused item in a few calls, not one call per item.
    assert!(
        fake.count("BatchWriteItem") < 30,
        "{}",
        fake.count("BatchWriteItem")
    );
    assert!(
        time.slept.borrow().is_empty(),
        "a refusal is not retried as is"
    );

    let calls = fake.calls.borrow();
    let put = calls
        .iter()
        .find(|c| c.operation == "S3 PUT")
        .expect("rejects");
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&put.request.body)
        .unwrap()
        .lines()
        .map(json)
        .collect();
    let indexes: Vec<u64> = lines
        .iter()
        .map(|l| l["recordIndex"].as_u64().unwrap())
        .collect();
    assert_eq!(indexes, vec![7, 40, 52]);
    for line in &lines {
        assert_eq!(line["errorCode"], "DynamoDB.ValidationException");
        assert!(
            line["errorMessage"]
                .as_str()
                .unwrap()
                .contains("Type mismatch for Index Key gsi"),
            "{line}"
        );
    }
    assert_eq!(lines[0]["rawData"], STANDARD.encode(&recs[7]));
    assert!(
        lines[2]["errorMessage"]
            .as_str()
            .unwrap()
            .contains("item 2 of the record's 2"),
        "{}",
        lines[2]
    );
}

#[test]
fn an_item_collection_over_its_limit_is_rejected_too() {
    let fake = refusing_bad_items(
        "ItemCollectionSizeLimitExceededException",
        "Collection size exceeded.",
    );
    let t = bridge(fake, &[]);
    let mut recs = records(5);
    recs[2] = r#"{"pk":"k2","bad":true}"#.to_owned();
    let r = deliver(&t, &recs);
    assert_eq!(r.status, 200, "{}", r.body);
    let calls = t.0.client().transport().calls.borrow();
    let put = calls
        .iter()
        .find(|c| c.operation == "S3 PUT")
        .expect("rejects");
    let line = json(std::str::from_utf8(&put.request.body).unwrap().trim_end());
    assert_eq!(line["recordIndex"], 2);
    assert_eq!(
        line["errorCode"],
        "DynamoDB.ItemCollectionSizeLimitExceededException"
    );
    assert_eq!(line["errorMessage"], "Collection size exceeded.");
}
