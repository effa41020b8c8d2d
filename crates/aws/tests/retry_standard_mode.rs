//! The client follows the AWS SDKs' standard retry mode (botocore's `retries/standard.py`,
//! smithy-rs, aws-sdk-js-v3), through a scripted transport: moto never throttles.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Duration;

use common::scripted::*;
use hoseline_aws::{Error, HttpResponse};

fn with_retry_after(
    mut answer: Result<HttpResponse, Error>,
    ms: &str,
) -> Result<HttpResponse, Error> {
    if let Ok(response) = &mut answer {
        response
            .headers
            .push(("x-amz-retry-after".into(), ms.into()));
    }
    answer
}

/// DynamoDB's answer to too many concurrent table operations; Firehose's and Application Auto
/// Scaling's control planes use the same code when rate-limited.
fn limit_exceeded() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#LimitExceededException","message":"Subscriber limit exceeded: There is a limit of 500 concurrent table operations"}"#,
    ))
}

#[test]
fn limit_exceeded_is_throttling_and_is_retried() {
    let sleep = RecordedSleep::default();
    let c = client(Scripted::new(vec![limit_exceeded(), ok()]), &sleep);
    run(c.send(&ListTables)).expect("succeeds on the second attempt");
    assert_eq!(c.transport().sent.borrow().len(), 2);
    assert_eq!(sleep.0.borrow().len(), 1, "one backoff before the retry");
}

#[test]
fn by_default_a_throttled_call_is_tried_three_times_backing_off_from_one_second() {
    let sleep = RecordedSleep::default();
    let c = default_client(
        Scripted::new((0..10).map(|_| throttled()).collect()),
        &sleep,
    );
    let e = run(c.send(&ListTables)).expect_err("still throttled");
    assert_eq!(e.code(), "ThrottlingException");
    assert_eq!(c.transport().sent.borrow().len(), 3, "3 attempts in all");
    let waits = sleep.0.borrow();
    assert_eq!(waits.len(), 2);
    assert!(waits[0] <= Duration::from_secs(1), "{waits:?}");
    assert!(waits[1] <= Duration::from_secs(2), "{waits:?}");
}

#[test]
fn x_amz_retry_after_is_honoured_within_five_seconds_of_the_backoff() {
    // (header, what the wait must be): the backoff here is at most 100 ms (the first retry).
    type Check = fn(Duration) -> bool;
    let cases: [(&str, Check); 4] = [
        // Within [backoff, backoff + 5 s]: taken as is.
        ("3000", |w| w == Duration::from_secs(3)),
        // Longer: at most 5 s past the backoff.
        ("60000", |w| {
            w > Duration::from_secs(5) && w <= Duration::from_millis(5100)
        }),
        // Shorter than the backoff, or unreadable: the backoff.
        ("0", |w| w <= Duration::from_millis(100)),
        ("soon", |w| w <= Duration::from_millis(100)),
    ];
    for (header, expected) in cases {
        let sleep = RecordedSleep::default();
        let c = client(
            Scripted::new(vec![with_retry_after(throttled(), header), ok()]),
            &sleep,
        );
        run(c.send(&ListTables)).expect("succeeds on the second attempt");
        let waits = sleep.0.borrow();
        assert_eq!(waits.len(), 1, "{header}");
        assert!(
            expected(waits[0]),
            "x-amz-retry-after {header}: waited {:?}",
            waits[0]
        );
    }
}

#[test]
fn x_amz_retry_after_does_not_make_a_refusal_retryable() {
    let sleep = RecordedSleep::default();
    let refused = Ok(HttpResponse::new(
        400,
        r#"{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected"}"#,
    ));
    let c = client(
        Scripted::new(vec![with_retry_after(refused, "1000"), ok()]),
        &sleep,
    );
    let e = run(c.send(&ListTables)).expect_err("not retried");
    assert_eq!(e.code(), "ValidationException");
    assert_eq!(c.transport().sent.borrow().len(), 1);
    assert!(sleep.0.borrow().is_empty());
}
