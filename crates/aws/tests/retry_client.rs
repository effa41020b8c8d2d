//! The client's retry policy, through a scripted transport (moto never throttles, never skews
//! its clock and never fails midway: those answers are fixtures here, shaped as AWS sends them).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Duration;

use common::scripted::*;
use hoseline_aws::protocol::json;
use hoseline_aws::{
    Error, HttpRequest, HttpResponse, NetworkErrorKind, Operation, ResolvedEndpoint, Service,
};

#[test]
fn throttling_then_success_is_retried_with_backoff() {
    let sleep = RecordedSleep::default();
    let c = client(Scripted::new(vec![throttled(), throttled(), ok()]), &sleep);
    let out = run(c.send(&ListTables)).expect("succeeds on the third attempt");
    assert_eq!(out["TableNames"][0], "demo");
    assert_eq!(c.transport().sent.borrow().len(), 3);
    let waits = sleep.0.borrow();
    assert_eq!(waits.len(), 2);
    assert!(
        waits[0] <= Duration::from_millis(100),
        "first wait within base: {:?}",
        waits[0]
    );
    assert!(
        waits[1] <= Duration::from_millis(200),
        "second wait within 2x base: {:?}",
        waits[1]
    );
}

#[test]
fn five_hundreds_and_network_failures_are_retried() {
    let sleep = RecordedSleep::default();
    let answers = vec![
        Ok(HttpResponse::new(503, "")),
        Err(Error::network(
            NetworkErrorKind::Unreachable,
            "connection refused",
        )),
        ok(),
    ];
    let c = client(Scripted::new(answers), &sleep);
    run(c.send(&ListTables)).expect("succeeds");
    assert_eq!(c.transport().sent.borrow().len(), 3);
}

#[test]
fn a_validation_error_is_never_retried() {
    let sleep = RecordedSleep::default();
    let body = r#"{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected"}"#;
    let c = client(
        Scripted::new(vec![Ok(HttpResponse::new(400, body)), ok()]),
        &sleep,
    );
    let e = run(c.send(&ListTables)).unwrap_err();
    assert_eq!(e.code(), "ValidationException");
    assert_eq!(c.transport().sent.borrow().len(), 1);
    assert!(sleep.0.borrow().is_empty());
}

#[test]
fn the_attempt_bound_holds() {
    let sleep = RecordedSleep::default();
    let c = client(
        Scripted::new((0..10).map(|_| throttled()).collect()),
        &sleep,
    );
    let e = run(c.send(&ListTables)).unwrap_err();
    assert_eq!(e.code(), "ThrottlingException");
    assert_eq!(c.transport().sent.borrow().len(), 4, "max_attempts is 4");
    assert_eq!(sleep.0.borrow().len(), 3);
}

#[test]
fn bad_input_sends_nothing() {
    struct Invalid;
    impl Operation for Invalid {
        type Output = ();
        const SERVICE: Service = Service::DynamoDb;
        const NAME: &'static str = "CreateTable";
        fn validate(&self) -> Result<(), Error> {
            Err(Error::invalid(
                "TableName",
                "must be 3 to 255 characters long (it has 2)",
            ))
        }
        fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
            json::request(endpoint, Self::NAME, &serde_json::json!({}))
        }
        fn parse(&self, _: HttpResponse) -> Result<(), Error> {
            Ok(())
        }
    }
    let sleep = RecordedSleep::default();
    let c = client(Scripted::new(vec![ok()]), &sleep);
    let e = run(c.send(&Invalid)).unwrap_err();
    assert_eq!(e.field(), Some("TableName"));
    assert!(c.transport().sent.borrow().is_empty());
}
