//! Delivery through a scripted AWS (DynamoDB and S3 answers are fixtures shaped as AWS sends
//! them; time is fake, so budgets run out at once): batching, UnprocessedItems, throttling,
//! rejects to S3, and the response Firehose gets in each case.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::scripted::*;
use hoseline_aws::HttpResponse;

#[test]
fn items_go_in_batches_of_25_and_the_key_schema_is_read_once() {
    let t = bridge(Fake::healthy(), &[]);
    let (bridge, _) = &t;
    let r = deliver(&t, &records(60));
    assert_eq!(r.status, 200, "{}", r.body);
    let fake = bridge.client().transport();
    let batches = fake.batches();
    let mut sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![10, 25, 25]);
    let written: BTreeSet<String> = batches.iter().flat_map(|b| pks(b)).collect();
    assert_eq!(written.len(), 60);
    assert_eq!(batches[0][0]["n"], serde_json::json!({"N": "0"}));

    let r = deliver(&t, &records(3));
    assert_eq!(r.status, 200);
    assert_eq!(
        fake.count("DescribeTable"),
        1,
        "DescribeTable once per table"
    );
    assert_eq!(fake.count("S3 PUT"), 0, "no rejects, no S3 object");
}

#[test]
fn ten_thousand_records_are_delivered() {
    let t = bridge(Fake::healthy(), &[]);
    let (bridge, _) = &t;
    let r = deliver(&t, &records(10_000));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(bridge.client().transport().count("BatchWriteItem"), 400);
}

#[test]
fn unprocessed_items_are_sent_again_until_written() {
    let fake = Fake::new(|call, n| {
        Ok(match (call.operation.as_str(), n) {
            ("BatchWriteItem", 0) => leave_unprocessed(call, 5),
            ("BatchWriteItem", 1) => leave_unprocessed(call, 2),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, time) = &t;
    let r = deliver(&t, &records(20));
    assert_eq!(r.status, 200, "{}", r.body);
    let batches = bridge.client().transport().batches();
    let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
    assert_eq!(sizes, vec![20, 5, 2]);
    assert_eq!(pks(&batches[1]), pks(&batches[0])[15..].to_vec());
    assert_eq!(pks(&batches[2]), pks(&batches[0])[18..].to_vec());
    assert_eq!(
        time.slept.borrow().len(),
        2,
        "a backoff before each re-send"
    );
}

#[test]
fn throttling_then_recovery_is_a_200() {
    // The client gives up after 3 attempts; the bridge sends again within its budget.
    let fake = Fake::new(|call, n| {
        Ok(match call.operation.as_str() {
            "BatchWriteItem" if n < 7 => throttled(),
            "BatchWriteItem" if n == 7 => HttpResponse::new(503, ""),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, time) = &t;
    let r = deliver(&t, &records(10));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(bridge.client().transport().count("BatchWriteItem"), 9);
    assert!(time.elapsed() < Duration::from_secs(90));
}

#[test]
fn throttling_that_never_ends_is_a_500_within_the_budget() {
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "BatchWriteItem" => throttled(),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[("HOSELINE_WRITE_BUDGET_SECONDS", "20")]);
    let (bridge, time) = &t;
    let r = deliver(&t, &records(30));
    assert_eq!(r.status, 500);
    let v = json(&r.body);
    assert_eq!(v["requestId"], DOC_REQUEST_ID);
    assert_eq!(v["timestamp"], time.now_ms());
    let message = v["errorMessage"].as_str().unwrap();
    assert!(message.contains("30 of 30 items"), "{message}");
    assert!(
        message.contains("ProvisionedThroughputExceededException"),
        "{message}"
    );
    assert!(
        time.elapsed() <= Duration::from_secs(20),
        "{:?}",
        time.elapsed()
    );
    assert!(bridge.client().transport().count("BatchWriteItem") > 6);
}

#[test]
fn a_dynamodb_that_never_answers_is_a_500_within_the_budget() {
    let fake = Fake::healthy().with_latency("BatchWriteItem", Duration::from_secs(1000));
    let t = bridge(fake, &[("HOSELINE_WRITE_BUDGET_SECONDS", "20")]);
    let (_, time) = &t;
    let r = deliver(&t, &records(30));
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains("30 of 30 items"), "{message}");
    assert!(
        message.contains("no answer within the time budget"),
        "{message}"
    );
    assert_eq!(time.elapsed(), Duration::from_secs(20));
}

#[test]
fn a_slow_describe_table_is_bounded_by_the_budget_too() {
    let fake = Fake::healthy().with_latency("DescribeTable", Duration::from_secs(1000));
    let t = bridge(fake, &[("HOSELINE_WRITE_BUDGET_SECONDS", "20")]);
    let (_, time) = &t;
    let r = deliver(&t, &records(1));
    assert_eq!(r.status, 500);
    assert!(
        r.body.contains("DescribeTable orders did not answer"),
        "{}",
        r.body
    );
    assert_eq!(time.elapsed(), Duration::from_secs(20));
}

#[test]
fn unprocessed_items_forever_are_a_500() {
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "BatchWriteItem" => leave_unprocessed(call, 1),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[("HOSELINE_WRITE_BUDGET_SECONDS", "5")]);
    let (_, time) = &t;
    let r = deliver(&t, &records(3));
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains("1 of 3 items"), "{message}");
    assert!(message.contains("UnprocessedItems"), "{message}");
    assert!(time.elapsed() <= Duration::from_secs(5));
}

#[test]
fn a_permanent_error_is_a_500_at_once() {
    // Not about any one item: splitting the batch would not help.
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "BatchWriteItem" => HttpResponse::new(
                400,
                r#"{"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException","message":"User is not authorized to perform: dynamodb:BatchWriteItem"}"#,
            ),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, time) = &t;
    let r = deliver(&t, &records(3));
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains("AccessDeniedException"), "{message}");
    assert!(message.contains("3 of 3 items"), "{message}");
    assert_eq!(bridge.client().transport().count("BatchWriteItem"), 1);
    assert!(time.slept.borrow().is_empty());
}

#[test]
fn a_missing_table_is_a_500_with_the_aws_code_and_message() {
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "DescribeTable" => HttpResponse::new(
                400,
                r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: orders not found"}"#,
            ),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, _) = &t;
    let r = deliver(&t, &records(3));
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains("ResourceNotFoundException"), "{message}");
    assert!(message.contains("Table: orders not found"), "{message}");
    // Not cached: the next delivery asks again.
    deliver(&t, &records(1));
    assert_eq!(bridge.client().transport().count("DescribeTable"), 2);
}

fn with_rejects() -> Vec<String> {
    vec![
        r#"{"pk":"good-1"}"#.to_owned(),
        "this is not JSON".to_owned(),
        r#"{"other":1}"#.to_owned(),
        r#"{"pk":"good-2"}"#.to_owned(),
    ]
}

#[test]
fn rejects_go_to_s3_as_json_lines_and_the_rest_is_written() {
    let t = bridge(Fake::healthy(), &[]);
    let (bridge, _) = &t;
    let r = deliver(&t, &with_rejects());
    assert_eq!(r.status, 200, "{}", r.body);

    let fake = bridge.client().transport();
    assert_eq!(pks(&fake.batches()[0]), vec!["good-1", "good-2"]);
    let calls = fake.calls.borrow();
    let put = calls
        .iter()
        .find(|c| c.operation == "S3 PUT")
        .expect("one PutObject");
    // 1578090901599 ms is 2020-01-03T22:35:01Z.
    let key = format!("bridge-rejected/2020/01/03/22/{DOC_REQUEST_ID}.jsonl");
    assert!(put.request.url.ends_with(&key), "{}", put.request.url);
    assert!(put.request.url.contains("rejects"), "{}", put.request.url);

    let text = String::from_utf8(put.request.body.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(json).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["errorCode"], "Bridge.NotJson");
    assert_eq!(lines[0]["recordIndex"], 1);
    assert_eq!(lines[0]["attemptsMade"], 1);
    assert_eq!(lines[0]["arrivalTimestamp"], DOC_TIMESTAMP);
    assert_eq!(lines[0]["requestId"], DOC_REQUEST_ID);
    assert_eq!(lines[0]["rawData"], STANDARD.encode("this is not JSON"));
    assert!(!lines[0]["errorMessage"].as_str().unwrap().is_empty());
    assert_eq!(lines[1]["recordIndex"], 2);
    assert!(
        lines[1]["errorCode"]
            .as_str()
            .unwrap()
            .starts_with("Bridge."),
        "{}",
        lines[1]
    );
}

#[test]
fn the_reject_prefix_is_configurable() {
    let t = bridge(Fake::healthy(), &[("HOSELINE_REJECT_PREFIX", "bad")]);
    let (bridge, _) = &t;
    assert_eq!(deliver(&t, &with_rejects()).status, 200);
    let calls = bridge.client().transport().calls.borrow();
    let put = calls.iter().find(|c| c.operation == "S3 PUT").unwrap();
    assert!(
        put.request
            .url
            .ends_with(&format!("/bad/2020/01/03/22/{DOC_REQUEST_ID}.jsonl")),
        "{}",
        put.request.url
    );
}

#[test]
fn rejects_that_cannot_be_saved_are_a_500_but_the_good_records_are_written() {
    let fake = Fake::new(|call, _| {
        Ok(match call.operation.as_str() {
            "S3 PUT" => HttpResponse::new(
                403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
            ),
            _ => default_answer(call),
        })
    });
    let t = bridge(fake, &[]);
    let (bridge, _) = &t;
    let r = deliver(&t, &with_rejects());
    assert_eq!(r.status, 500);
    let message = json(&r.body)["errorMessage"].as_str().unwrap().to_owned();
    assert!(message.contains("AccessDenied"), "{message}");
    assert!(message.contains("2 rejected records"), "{message}");
    assert_eq!(
        pks(&bridge.client().transport().batches()[0]),
        vec!["good-1", "good-2"]
    );
}

#[test]
fn writes_run_several_at_a_time_up_to_max_in_flight() {
    // With max_in_flight 1 the batches go strictly in order.
    let t = bridge(Fake::healthy(), &[("HOSELINE_MAX_IN_FLIGHT", "1")]);
    let (bridge, _) = &t;
    assert_eq!(bridge.config().max_in_flight, 1);
    assert_eq!(deliver(&t, &records(75)).status, 200);
    let firsts: Vec<String> = bridge
        .client()
        .transport()
        .batches()
        .iter()
        .map(|b| pks(b)[0].clone())
        .collect();
    assert_eq!(firsts, vec!["k0", "k25", "k50"]);
}

#[test]
fn up_to_max_in_flight_batches_are_written_at_once() {
    // Eight batches, each taking one second: four at a time take two seconds, one at a time eight.
    for (in_flight, seconds) in [("4", 2), ("1", 8)] {
        let fake = Fake::healthy().with_latency("BatchWriteItem", Duration::from_secs(1));
        let t = bridge(fake, &[("HOSELINE_MAX_IN_FLIGHT", in_flight)]);
        let (_, time) = &t;
        assert_eq!(deliver(&t, &records(200)).status, 200);
        assert_eq!(
            time.elapsed(),
            Duration::from_secs(seconds),
            "{in_flight} in flight"
        );
    }
}
