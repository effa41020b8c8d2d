//! Protocol conformance, from the AWS documentation's examples:
//! https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html
//! (request: headers, `{"requestId","timestamp","records":[{"data"}]}`; response:
//! `{"requestId","timestamp"[,"errorMessage"]}`, application/json). Never 413: Firehose takes it
//! as a permanent failure and does not even back the batch up to S3.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;

use common::scripted::*;
use hoseline_aws::credentials::Secret;
use hoseline_bridge::protocol::{MAX_BODY_BYTES, MAX_ERROR_MESSAGE_CHARS, MAX_RECORD_BYTES};
use hoseline_bridge::{parse_request, DeliveryResponse, ProtocolError};

/// The documentation's example request, verbatim but for the comma its body lacks after "timestamp".
const DOC_BODY: &str = r#"{
  "requestId": "ed4acda5-034f-9f42-bba1-f29aea6d7d8f",
  "timestamp": 1578090901599,
  "records": [
    {
      "data": "aGVsbG8="
    },
    {
      "data": "aGVsbG8gd29ybGQ="
    }
  ]
}"#;

fn doc_headers() -> Vec<(String, String)> {
    let mut h = headers(DOC_REQUEST_ID, Some(ACCESS_KEY));
    h.push((
        "X-Amz-Firehose-Common-Attributes".to_owned(),
        r#"{"commonAttributes":{"param1":"val1", "param2":"val2"}}"#.to_owned(),
    ));
    h
}

fn key() -> Secret {
    Secret::new(ACCESS_KEY)
}

fn parse_err(headers: &[(String, String)], body: &[u8]) -> ProtocolError {
    parse_request(headers, body, Some(&key())).expect_err("refused")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

#[test]
fn the_documented_example_request_parses() {
    let r = parse_request(&doc_headers(), DOC_BODY.as_bytes(), Some(&key())).expect("valid");
    assert_eq!(r.request_id, DOC_REQUEST_ID);
    assert_eq!(r.timestamp_ms, Some(DOC_TIMESTAMP));
    assert_eq!(r.records, vec![b"hello".to_vec(), b"hello world".to_vec()]);
    assert_eq!(
        r.common_attributes,
        vec![
            ("param1".to_owned(), "val1".to_owned()),
            ("param2".to_owned(), "val2".to_owned())
        ]
    );
}

#[test]
fn a_gzip_body_is_the_same_request() {
    let mut h = doc_headers();
    h.push(("Content-Encoding".to_owned(), "gzip".to_owned()));
    let gz = parse_request(&h, &gzip(DOC_BODY.as_bytes()), Some(&key())).expect("valid");
    let plain = parse_request(&doc_headers(), DOC_BODY.as_bytes(), Some(&key())).expect("valid");
    assert_eq!(gz, plain);

    // A body that says gzip but is not.
    let e = parse_err(&h, DOC_BODY.as_bytes());
    assert_eq!(e.status, 400);
    assert!(e.message.contains("gzip"), "{}", e.message);
}

#[test]
fn header_names_are_case_insensitive() {
    let h: Vec<_> = doc_headers()
        .into_iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect();
    parse_request(&h, DOC_BODY.as_bytes(), Some(&key())).expect("valid");
}

#[test]
fn a_wrong_or_missing_access_key_is_401_with_the_request_id() {
    let wrong = headers(DOC_REQUEST_ID, Some("my-access-kez"));
    let e = parse_err(&wrong, DOC_BODY.as_bytes());
    assert_eq!(e.status, 401);
    assert_eq!(e.request_id.as_deref(), Some(DOC_REQUEST_ID));
    assert!(e.message.contains("does not match"), "{}", e.message);

    let shorter = headers(DOC_REQUEST_ID, Some("my-access"));
    assert_eq!(parse_err(&shorter, DOC_BODY.as_bytes()).status, 401);

    let missing = headers(DOC_REQUEST_ID, None);
    let e = parse_err(&missing, DOC_BODY.as_bytes());
    assert_eq!(e.status, 401);
    assert!(e.message.contains("missing"), "{}", e.message);
}

#[test]
fn request_ids_must_agree_and_the_header_is_required_with_a_key() {
    let other = headers("00000000-0000-0000-0000-000000000000", Some(ACCESS_KEY));
    let e = parse_err(&other, DOC_BODY.as_bytes());
    assert_eq!(e.status, 400);
    assert!(e.message.contains("differs"), "{}", e.message);

    let mut no_id = headers(DOC_REQUEST_ID, Some(ACCESS_KEY));
    no_id.retain(|(k, _)| k != "X-Amz-Firehose-Request-Id");
    let e = parse_err(&no_id, DOC_BODY.as_bytes());
    assert_eq!(e.status, 400);
    assert!(
        e.message.contains("X-Amz-Firehose-Request-Id"),
        "{}",
        e.message
    );

    let no_body_id = br#"{"timestamp":1578090901599,"records":[]}"#;
    assert_eq!(
        parse_err(&headers(DOC_REQUEST_ID, Some(ACCESS_KEY)), no_body_id).status,
        400
    );
}

#[test]
fn without_an_access_key_moto_style_requests_are_accepted() {
    // moto's Firehose: only Content-Type, the request id in the body, the timestamp in seconds.
    let h = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    let body = br#"{"requestId": "6a8e7a3e-1b2c-4d5e-8f90-123456789abc", "timestamp": 1578090901, "records": [{"data": "aGVsbG8="}]}"#;
    let r = parse_request(&h, body, None).expect("valid");
    assert_eq!(r.request_id, "6a8e7a3e-1b2c-4d5e-8f90-123456789abc");
    assert_eq!(
        r.timestamp_ms,
        Some(1_578_090_901_000),
        "seconds become milliseconds"
    );
    assert_eq!(r.records, vec![b"hello".to_vec()]);

    // With a key configured, the same request is refused.
    assert_eq!(
        parse_request(&h, body, Some(&key())).unwrap_err().status,
        401
    );
}

#[test]
fn an_empty_record_and_an_empty_batch_are_valid() {
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &[b"" as &[u8], b"x"]);
    let r = parse_request(&doc_headers(), &body, Some(&key())).expect("valid");
    assert_eq!(r.records, vec![Vec::new(), b"x".to_vec()]);

    let empty = common::scripted::body::<&[u8]>(DOC_REQUEST_ID, DOC_TIMESTAMP, &[]);
    let r = parse_request(&doc_headers(), &empty, Some(&key())).expect("valid");
    assert!(r.records.is_empty());
}

#[test]
fn ten_thousand_records_are_accepted_and_one_more_is_not() {
    let records: Vec<String> = (0..10_000).map(|i| format!("{{\"i\":{i}}}")).collect();
    let r = parse_request(
        &doc_headers(),
        &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records),
        Some(&key()),
    )
    .expect("valid");
    assert_eq!(r.records.len(), 10_000);
    assert_eq!(r.records[9_999], b"{\"i\":9999}");

    let records: Vec<&str> = vec!["x"; 10_001];
    let e = parse_err(
        &doc_headers(),
        &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records),
    );
    assert_eq!(e.status, 400);
    assert!(e.message.contains("10000"), "{}", e.message);
}

#[test]
fn malformed_json_and_bad_base64_are_400_with_a_clear_message() {
    let e = parse_err(&doc_headers(), b"{\"requestId\": \"ed4acda5");
    assert_eq!(e.status, 400);
    assert_eq!(e.request_id.as_deref(), Some(DOC_REQUEST_ID));
    assert!(
        e.message.contains("not a delivery request"),
        "{}",
        e.message
    );

    // The documentation's example as printed, without the comma after "timestamp".
    let printed = DOC_BODY.replace("1578090901599,", "1578090901599");
    assert_eq!(parse_err(&doc_headers(), printed.as_bytes()).status, 400);

    let bad = DOC_BODY.replace("aGVsbG8gd29ybGQ=", "aGVsbG8*d29ybGQ=");
    let e = parse_err(&doc_headers(), bad.as_bytes());
    assert_eq!(e.status, 400);
    assert!(
        e.message.contains("records[1].data is not base64"),
        "{}",
        e.message
    );

    let no_records = br#"{"requestId":"ed4acda5-034f-9f42-bba1-f29aea6d7d8f","timestamp":1}"#;
    assert!(parse_err(&doc_headers(), no_records)
        .message
        .contains("records"));
    let bad_time = DOC_BODY.replace("1578090901599", "\"yesterday\"");
    assert_eq!(parse_err(&doc_headers(), bad_time.as_bytes()).status, 400);
    let mut v2 = doc_headers();
    v2[1].1 = "2.0".to_owned();
    assert_eq!(parse_err(&v2, DOC_BODY.as_bytes()).status, 400);
    let mut bad_attrs = doc_headers();
    bad_attrs.last_mut().unwrap().1 = "{".to_owned();
    assert_eq!(parse_err(&bad_attrs, DOC_BODY.as_bytes()).status, 400);
}

#[test]
fn an_oversize_body_is_400_plain_or_gzipped_never_413() {
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    let e = parse_err(&doc_headers(), &big);
    assert_eq!(e.status, 400);
    assert_eq!(e.code(), "Bridge.PayloadTooLarge");
    assert!(e.message.contains("larger than"), "{}", e.message);
    assert_eq!(e.request_id.as_deref(), Some(DOC_REQUEST_ID));

    // 65 MiB of spaces gzip to ~65 KB: the cap holds during decompression.
    let mut h = doc_headers();
    h.push(("Content-Encoding".to_owned(), "gzip".to_owned()));
    let bomb = gzip(&vec![b' '; MAX_BODY_BYTES + 1024 * 1024]);
    assert!(bomb.len() < 1024 * 1024);
    assert_eq!(parse_err(&h, &bomb).status, 400);
}

#[test]
fn an_oversize_record_is_400_and_the_limit_itself_is_fine() {
    let at_limit = vec![b'a'; MAX_RECORD_BYTES];
    let r = parse_request(
        &doc_headers(),
        &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &[&at_limit]),
        Some(&key()),
    )
    .expect("valid");
    assert_eq!(r.records[0].len(), MAX_RECORD_BYTES);

    let over = vec![b'a'; MAX_RECORD_BYTES + 1];
    let e = parse_err(
        &doc_headers(),
        &body(DOC_REQUEST_ID, DOC_TIMESTAMP, &[&over]),
    );
    assert_eq!(e.status, 400);
    assert!(e.message.contains("records[0]"), "{}", e.message);
}

#[test]
fn responses_are_shaped_as_documented() {
    let ok = DeliveryResponse::ok(DOC_REQUEST_ID, 1_578_090_903_599);
    assert_eq!(ok.status, 200);
    assert_eq!(ok.headers(), [("Content-Type", "application/json")]);
    let v = json(&ok.body);
    assert_eq!(
        v,
        serde_json::json!({"requestId": DOC_REQUEST_ID, "timestamp": 1_578_090_903_599u64})
    );

    let long = "é".repeat(20_000);
    let err = DeliveryResponse::error(500, DOC_REQUEST_ID, 1_578_090_903_599, &long);
    let v = json(&err.body);
    let message = v["errorMessage"].as_str().unwrap();
    assert_eq!(message.chars().count(), MAX_ERROR_MESSAGE_CHARS);
    assert_eq!(v["requestId"], DOC_REQUEST_ID);
    assert_eq!(v["timestamp"], 1_578_090_903_599u64);
}

#[test]
fn handle_echoes_the_request_id_and_answers_in_milliseconds() {
    // A refused request never reaches AWS.
    let (bridge, time) = bridge(Fake::healthy(), &[]);
    let h = headers(DOC_REQUEST_ID, Some("wrong"));
    let r = time.run(bridge.handle("orders", &h, DOC_BODY.as_bytes()));
    assert_eq!(r.status, 401);
    let v = json(&r.body);
    assert_eq!(v["requestId"], DOC_REQUEST_ID);
    assert_eq!(v["timestamp"], time.now_ms());
    assert!(v["errorMessage"].as_str().unwrap().contains("Access-Key"));
    assert!(bridge.client().transport().calls.borrow().is_empty());

    // Nothing readable: the request id is "".
    let r = time.run(bridge.handle("orders", &[], b"garbage"));
    assert_eq!(r.status, 401);
    assert_eq!(json(&r.body)["requestId"], "");

    // An empty batch is a success.
    let empty = common::scripted::body::<&[u8]>(DOC_REQUEST_ID, DOC_TIMESTAMP, &[]);
    let r = time.run(bridge.handle("orders", &doc_headers(), &empty));
    assert_eq!(r.status, 200, "{}", r.body);
    let v = json(&r.body);
    assert_eq!(v["requestId"], DOC_REQUEST_ID);
    assert_eq!(v["timestamp"], T0_MS);
    assert!(v.get("errorMessage").is_none());

    // Oversize body through handle: 400 with the reason, so Firehose retries and then backs the
    // batch up to S3 (a 413 would lose it).
    let r = time.run(bridge.handle("orders", &doc_headers(), &vec![b' '; MAX_BODY_BYTES + 1]));
    assert_eq!(r.status, 400);
    assert!(json(&r.body)["errorMessage"]
        .as_str()
        .unwrap()
        .contains("larger than"));
}

#[test]
fn a_body_without_a_timestamp_is_delivered_at_its_arrival_time() {
    // The specification lists `timestamp`, but nothing in a delivery depends on the sender's
    // clock: the arrival time stands in for it (attributes, rejects).
    let records = [r#"{"pk":"a"}"#.as_bytes(), b"not JSON"];
    let mut v: serde_json::Value =
        json(std::str::from_utf8(&body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records)).unwrap());
    v.as_object_mut().unwrap().remove("timestamp");
    let no_timestamp = v.to_string();
    let r = parse_request(&doc_headers(), no_timestamp.as_bytes(), Some(&key())).expect("valid");
    assert_eq!(r.timestamp_ms, None);
    let null = no_timestamp.replacen('{', r#"{"timestamp":null,"#, 1);
    let r = parse_request(&doc_headers(), null.as_bytes(), Some(&key())).expect("valid");
    assert_eq!(r.timestamp_ms, None);

    let (bridge, time) = bridge(
        Fake::healthy(),
        &[("HOSELINE_ARRIVAL_ATTRIBUTE", "arrived")],
    );
    let r = time.run(bridge.handle("orders", &doc_headers(), no_timestamp.as_bytes()));
    assert_eq!(r.status, 200, "{}", r.body);
    let fake = bridge.client().transport();
    // T0 is 2026-09-21T14:13:20Z.
    assert_eq!(
        fake.batches()[0][0]["arrived"],
        serde_json::json!({"S": "2026-09-21T14:13:20.000Z"})
    );
    let calls = fake.calls.borrow();
    let put = calls
        .iter()
        .find(|c| c.operation == "S3 PUT")
        .expect("the rejects");
    let key = format!("bridge-rejected/2026/09/21/14/{DOC_REQUEST_ID}.jsonl");
    assert!(put.request.url.ends_with(&key), "{}", put.request.url);
    let line = json(std::str::from_utf8(&put.request.body).unwrap().trim_end());
    assert_eq!(line["arrivalTimestamp"], T0_MS);
}
