//! The client's retry policy, through a scripted transport (moto never throttles, never skews
//! its clock and never fails midway: those answers are fixtures here, shaped as AWS sends them).

#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use hoseline_aws::protocol::json;
use hoseline_aws::{
    Client, ClientConfig, Clock, Credentials, Endpoint, Error, HttpRequest, HttpResponse,
    NetworkErrorKind, Operation, Region, ResolvedEndpoint, RetryPolicy, Service, Sleep, Transport,
};

/// Answers with the scripted responses in order and records what it was sent.
#[derive(Default)]
struct Scripted {
    answers: RefCell<VecDeque<Result<HttpResponse, Error>>>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl Scripted {
    fn new(answers: Vec<Result<HttpResponse, Error>>) -> Self {
        Self {
            answers: RefCell::new(answers.into()),
            sent: RefCell::default(),
        }
    }
}

impl Transport for Scripted {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        self.sent.borrow_mut().push(request);
        self.answers
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| Err(Error::network(NetworkErrorKind::Other, "script ran out")))
    }
}

/// Records the waits instead of waiting.
#[derive(Default)]
struct RecordedSleep(RefCell<Vec<Duration>>);

impl Sleep for &RecordedSleep {
    async fn sleep(&self, duration: Duration) {
        self.0.borrow_mut().push(duration);
    }
}

/// A clock that stands still at a chosen time.
struct FixedClock(Cell<SystemTime>);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0.get()
    }
}

/// A minimal awsJson operation for the tests.
struct ListTables;

impl Operation for ListTables {
    type Output = serde_json::Value;
    const SERVICE: Service = Service::DynamoDb;
    const NAME: &'static str = "ListTables";

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        json::request(endpoint, Self::NAME, &serde_json::json!({}))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        json::parse(&response, "ListTables response")
    }
}

const T0: u64 = 1_790_000_000; // 2026-09-21

fn client(
    transport: Scripted,
    sleep: &RecordedSleep,
) -> Client<Scripted, &RecordedSleep, FixedClock> {
    let config = ClientConfig {
        credentials: Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
        )
        .expect("creds"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::Aws,
    };
    let clock = FixedClock(Cell::new(SystemTime::UNIX_EPOCH + Duration::from_secs(T0)));
    Client::new(config, transport, sleep, clock).with_retry_policy(RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    })
}

fn throttled() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#,
    ))
}

fn ok() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(200, r#"{"TableNames":["demo"]}"#))
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

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
fn a_skewed_clock_is_corrected_from_the_date_header_and_re_signed_once() {
    let sleep = RecordedSleep::default();
    // The server's clock is 15 minutes ahead of ours.
    let server_time = SystemTime::UNIX_EPOCH + Duration::from_secs(T0 + 900);
    let skew = HttpResponse::new(
        400,
        r#"{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Signature expired: 20260921T080000Z is now earlier than 20260921T081000Z (20260921T081500Z - 5 min.)"}"#,
    )
    .with_header("Date", &httpdate::fmt_http_date(server_time));
    let c = client(Scripted::new(vec![Ok(skew.clone()), ok()]), &sleep);
    run(c.send(&ListTables)).expect("succeeds after re-signing");
    let sent = c.transport().sent.borrow();
    assert_eq!(sent.len(), 2);
    let first_date = sent[0].get_header("x-amz-date").expect("date");
    assert_eq!(
        first_date,
        format_amz_date(SystemTime::UNIX_EPOCH + Duration::from_secs(T0))
    );
    let second_date = sent[1].get_header("x-amz-date").expect("date");
    assert_eq!(second_date, format_amz_date(server_time));
    assert_eq!(c.clock_offset_ms(), 900_000);
    assert!(sleep.0.borrow().is_empty(), "a skew fix re-signs at once");
    drop(sent);

    // A second skew error in the same call is not corrected again.
    let c = client(
        Scripted::new(vec![Ok(skew.clone()), Ok(skew), ok()]),
        &sleep,
    );
    let e = run(c.send(&ListTables)).unwrap_err();
    assert_eq!(e.code(), "InvalidSignatureException");
    assert_eq!(c.transport().sent.borrow().len(), 2);
}

#[test]
fn s3_request_time_too_skewed_is_corrected_too() {
    let sleep = RecordedSleep::default();
    let server_time = SystemTime::UNIX_EPOCH + Duration::from_secs(T0 - 3600);
    let skew = HttpResponse::new(
        403,
        "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>",
    )
    .with_header("Date", &httpdate::fmt_http_date(server_time));
    let c = client(Scripted::new(vec![Ok(skew), ok()]), &sleep);
    run(c.send(&ListTables)).expect("succeeds");
    assert_eq!(c.clock_offset_ms(), -3_600_000);
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

fn format_amz_date(t: SystemTime) -> String {
    // YYYYMMDDTHHMMSSZ from seconds since the epoch (civil-from-days, Howard Hinnant).
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after epoch")
        .as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
