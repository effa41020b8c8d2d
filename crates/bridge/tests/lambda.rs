//! The Lambda entry point: a function URL event (payload format 2.0, as Lambda hands it to the
//! runtime) becomes one delivery into the configured table. The events are JSON parsed by
//! lambda_http itself, so its base64 decoding is what runs; AWS is scripted (tests/common).
//!
//! Event shape: https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
//! Runs with `--features lambda` (scripts/test.sh has a step for it).

#![cfg(all(feature = "lambda", not(target_arch = "wasm32")))]

mod common;

use std::io::Write as _;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use common::scripted::*;
use hoseline_bridge::lambda::{
    aws_config_from_env, config_from_env, handle_event, DEADLINE_MARGIN,
};
use hoseline_bridge::LAMBDA_MAX_BUFFER_MB;
use lambda_http::{Context, RequestExt as _};

/// A function URL event as Lambda sends it to the runtime.
fn event(method: &str, headers: serde_json::Value, body: &[u8], base64: bool) -> String {
    let body = if base64 {
        STANDARD.encode(body)
    } else {
        String::from_utf8(body.to_vec()).expect("a text body")
    };
    serde_json::json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": "/",
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "anonymous",
            "apiId": "abcdefghijklmnop",
            "domainName": "abcdefghijklmnop.lambda-url.us-east-1.on.aws",
            "domainPrefix": "abcdefghijklmnop",
            "http": {
                "method": method,
                "path": "/",
                "protocol": "HTTP/1.1",
                "sourceIp": "203.0.113.7",
                "userAgent": "Amazon Firehose Agent/1.0"
            },
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "routeKey": "$default",
            "stage": "$default",
            "time": "21/Sep/2026:08:53:20 +0000",
            "timeEpoch": 1_790_000_000_000u64
        },
        "body": body,
        "isBase64Encoded": base64
    })
    .to_string()
}

fn firehose_headers(access_key: &str, gzip: bool) -> serde_json::Value {
    let mut h = serde_json::json!({
        "content-type": "application/json",
        "host": "abcdefghijklmnop.lambda-url.us-east-1.on.aws",
        "x-amz-firehose-protocol-version": "1.0",
        "x-amz-firehose-request-id": DOC_REQUEST_ID,
        "x-amz-firehose-access-key": access_key,
        "x-amz-firehose-source-arn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/s"
    });
    if gzip {
        h["content-encoding"] = "gzip".into();
    }
    h
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
}

fn records() -> Vec<String> {
    (0..30)
        .map(|i| format!(r#"{{"pk":"k{i}","n":{i}}}"#))
        .collect()
}

fn respond(t: &(TestBridge, FakeTime), event_json: &str) -> (u16, String, Option<String>) {
    respond_by(t, event_json, None)
}

/// As the runtime hands the event over: with the invocation's context, whose deadline is
/// `deadline_ms` (ms since the epoch, on the fake clock) when given.
fn respond_by(
    t: &(TestBridge, FakeTime),
    event_json: &str,
    deadline_ms: Option<u64>,
) -> (u16, String, Option<String>) {
    let (bridge, time) = t;
    let mut request = lambda_http::request::from_str(event_json).expect("a function URL event");
    if let Some(deadline) = deadline_ms {
        let mut context = Context::default();
        context.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".into();
        context.deadline = deadline;
        request = request.with_lambda_context(context);
    }
    let response = time.run(handle_event(bridge, "orders", request));
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    assert!(response.headers().get("content-encoding").is_none());
    let body = String::from_utf8(response.body().to_vec()).expect("UTF-8 body");
    (response.status().as_u16(), body, content_type)
}

#[test]
fn a_base64_gzip_body_is_decoded_and_delivered() {
    let t = bridge(Fake::healthy(), &[]);
    let body = gzip(&body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records()));
    let (status, text, content_type) = respond(
        &t,
        &event("POST", firehose_headers(ACCESS_KEY, true), &body, true),
    );
    assert_eq!(status, 200, "{text}");
    assert_eq!(content_type.as_deref(), Some("application/json"));
    let answer = json(&text);
    assert_eq!(answer["requestId"], DOC_REQUEST_ID);
    assert!(answer["timestamp"]
        .as_u64()
        .is_some_and(|ms| ms > 1_000_000_000_000));
    let written: usize =
        t.0.client()
            .transport()
            .batches()
            .iter()
            .map(Vec::len)
            .sum();
    assert_eq!(written, 30);
}

#[test]
fn a_plain_text_body_is_delivered_too() {
    let t = bridge(Fake::healthy(), &[]);
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records());
    let (status, text, _) = respond(
        &t,
        &event("POST", firehose_headers(ACCESS_KEY, false), &body, false),
    );
    assert_eq!(status, 200, "{text}");
}

#[test]
fn a_wrong_access_key_is_401_and_nothing_is_written() {
    let t = bridge(Fake::healthy(), &[]);
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records());
    let (status, text, _) = respond(
        &t,
        &event("POST", firehose_headers("not-the-key", false), &body, true),
    );
    assert_eq!(status, 401, "{text}");
    assert_eq!(json(&text)["requestId"], DOC_REQUEST_ID);
    assert!(!text.contains(ACCESS_KEY) && !text.contains("not-the-key"));
    assert_eq!(t.0.client().transport().count("BatchWriteItem"), 0);
}

#[test]
fn anything_but_post_is_405() {
    let t = bridge(Fake::healthy(), &[]);
    let (status, text, content_type) = respond(
        &t,
        &event("GET", serde_json::json!({"host": "x.on.aws"}), b"", false),
    );
    assert_eq!(status, 405, "{text}");
    assert_eq!(content_type.as_deref(), Some("application/json"));
    assert!(json(&text)["errorMessage"].is_string());
}

// The local server takes a table and a reject bucket from each request; a Lambda serves one
// pipeline, whose table and bucket the plan sets in its environment: both are required there.
#[test]
fn a_lambda_needs_its_table_and_reject_bucket() {
    let all = [
        ("HOSELINE_ACCESS_KEY", "k"),
        ("HOSELINE_TABLE", "orders"),
        ("HOSELINE_REJECT_BUCKET", "my-rejects"),
    ];
    fn without(
        all: [(&'static str, &'static str); 3],
        left_out: &'static str,
    ) -> impl Fn(&str) -> Option<String> {
        move |name| {
            all.iter()
                .find(|(k, _)| *k == name && *k != left_out)
                .map(|(_, v)| (*v).to_owned())
        }
    }
    let (config, table) = config_from_env(without(all, "")).expect("the Lambda starts");
    assert_eq!(table, "orders");
    assert_eq!(config.reject_bucket.as_deref(), Some("my-rejects"));
    for variable in [
        "HOSELINE_ACCESS_KEY",
        "HOSELINE_TABLE",
        "HOSELINE_REJECT_BUCKET",
    ] {
        let e = config_from_env(without(all, variable)).expect_err(variable);
        assert_eq!(e.variable(), Some(variable), "{e}");
    }
    let e = config_from_env(without(all, "HOSELINE_REJECT_BUCKET")).expect_err("no bucket");
    assert!(e.to_string().contains("rejects"), "{e}");
}

// The function URL's query string names no bucket, prefix or mapping option here: the one
// pipeline's are in the Lambda's environment.
#[test]
fn a_rejects_query_on_the_function_url_is_ignored() {
    let t = bridge(Fake::healthy(), &[]);
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &["not JSON"]);
    let mut event: serde_json::Value = serde_json::from_str(&event(
        "POST",
        firehose_headers(ACCESS_KEY, false),
        &body,
        false,
    ))
    .expect("JSON");
    event["rawQueryString"] =
        "rejects=other-bucket&rejectPrefix=elsewhere/&ttlAttribute=exp&ttlDays=oops".into();
    event["queryStringParameters"] = serde_json::json!({"rejects": "other-bucket",
        "rejectPrefix": "elsewhere/", "ttlAttribute": "exp", "ttlDays": "oops"});
    let (status, text, _) = respond(&t, &event.to_string());
    assert_eq!(status, 200, "{text}");
    let calls = t.0.client().transport().calls.borrow();
    let put = calls
        .iter()
        .find(|c| c.operation == "S3 PUT")
        .expect("one PutObject");
    assert!(
        put.request.url.starts_with("https://rejects.s3."),
        "to HOSELINE_REJECT_BUCKET: {}",
        put.request.url
    );
    assert!(
        put.request.url.contains("/bridge-rejected/"),
        "under HOSELINE_REJECT_PREFIX's default: {}",
        put.request.url
    );
}

#[test]
fn aws_settings_come_from_the_lambda_environment() {
    let vars = [
        ("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
        ("AWS_SESSION_TOKEN", "token"),
        ("AWS_REGION", "eu-west-1"),
    ];
    let lookup = |name: &str| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let config = aws_config_from_env(lookup).expect("config");
    assert_eq!(config.region.as_str(), "eu-west-1");
    assert!(config.endpoint.is_aws());
    assert!(config.credentials.session_token.is_some());

    let missing =
        aws_config_from_env(|name| (name != "AWS_REGION").then(|| lookup(name)).flatten())
            .expect_err("no region");
    assert_eq!(missing.variable(), Some("AWS_REGION"));
}

#[test]
fn a_short_function_timeout_cuts_the_write_budget_and_answers_before_it() {
    // A 3 s timeout (Lambda's default) and a DynamoDB that never answers: the bridge must answer
    // 500 before Lambda kills the invocation, not wait out its 90 s budget.
    let fake = Fake::healthy().with_latency("BatchWriteItem", Duration::from_secs(1000));
    let t = bridge(fake, &[]);
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records());
    let deadline = T0_MS + 3_000;
    let (status, text, _) = respond_by(
        &t,
        &event("POST", firehose_headers(ACCESS_KEY, false), &body, true),
        Some(deadline),
    );
    assert_eq!(status, 500, "{text}");
    let answer = json(&text);
    let message = answer["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("30 of 30 items"), "{message}");
    assert!(
        message.contains("Lambda"),
        "says why the budget was short: {message}"
    );
    let answered_at = answer["timestamp"].as_u64().unwrap_or(u64::MAX);
    assert!(
        answered_at + DEADLINE_MARGIN.as_millis() as u64 <= deadline,
        "answered at {answered_at}, the deadline is {deadline}"
    );
    assert_eq!(
        t.1.elapsed(),
        Duration::from_millis(3_000) - DEADLINE_MARGIN
    );
}

#[test]
fn a_deadline_already_too_close_is_a_500_at_once() {
    let t = bridge(Fake::healthy(), &[]);
    let body = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records());
    let (status, text, _) = respond_by(
        &t,
        &event("POST", firehose_headers(ACCESS_KEY, false), &body, true),
        Some(T0_MS + 100),
    );
    assert_eq!(status, 500, "{text}");
    assert_eq!(t.1.elapsed(), Duration::ZERO);
}

#[test]
fn a_long_deadline_leaves_the_configured_budget() {
    // 15 minutes left: the configured 20 s budget applies, and healthy writes are a 200.
    let slow = Fake::healthy().with_latency("BatchWriteItem", Duration::from_secs(1000));
    let t = bridge(slow, &[("HOSELINE_WRITE_BUDGET_SECONDS", "20")]);
    let body_bytes = body(DOC_REQUEST_ID, DOC_TIMESTAMP, &records());
    let deadline = Some(T0_MS + 900_000);
    let request = event(
        "POST",
        firehose_headers(ACCESS_KEY, false),
        &body_bytes,
        true,
    );
    let (status, text, _) = respond_by(&t, &request, deadline);
    assert_eq!(status, 500, "{text}");
    assert!(!text.contains("Lambda"), "{text}");
    assert_eq!(t.1.elapsed(), Duration::from_secs(20));

    let t = bridge(Fake::healthy(), &[]);
    let (status, text, _) = respond_by(&t, &request, deadline);
    assert_eq!(status, 200, "{text}");
}

#[test]
fn the_lambda_buffer_limit_fits_a_function_url() {
    // A function URL refuses requests over 6 MB before the bridge runs; base64 makes a buffer
    // 4/3 larger, and the JSON around the records adds a little.
    let buffer = LAMBDA_MAX_BUFFER_MB as usize * 1024 * 1024;
    assert!(buffer * 4 / 3 + 64 * 1024 < 6_000_000);
}
