//! A clock that is minutes off: the client learns the server's time from the error and signs
//! again. A page cannot read the `Date` header (fetch hides it unless the service exposes it,
//! aws-sdk-js-v3 #5920), so the time the error carries must do: the server time in "Signature
//! expired: ... (SERVER - 5 min.)" and S3's `<ServerTime>`. moto checks no request time, so a
//! scripted transport stands in for AWS here.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::time::{Duration, SystemTime};

use common::scripted::*;
use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::{Error, HttpRequest, HttpResponse, Transport};

/// STS as AWS runs it: SigV4's time check (a request more than 5 minutes from the server's clock
/// is refused with the server's time in the message), and no `Date` header, as a page sees it.
struct SkewCheckingSts {
    server_time: SystemTime,
    sent: RefCell<Vec<HttpRequest>>,
}

impl SkewCheckingSts {
    fn new(server_time: SystemTime) -> Self {
        Self {
            server_time,
            sent: RefCell::default(),
        }
    }
}

const IDENTITY: &str = r#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>"#;

impl Transport for SkewCheckingSts {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let date = request
            .get_header("x-amz-date")
            .unwrap_or_default()
            .to_owned();
        self.sent.borrow_mut().push(request);
        let window = Duration::from_secs(300);
        let server = format_amz_date(self.server_time);
        let earliest = format_amz_date(self.server_time - window);
        let latest = format_amz_date(self.server_time + window);
        // Same-format timestamps compare as text.
        let message = if date < earliest {
            format!("Signature expired: {date} is now earlier than {earliest} ({server} - 5 min.)")
        } else if date > latest {
            format!(
                "Signature not yet current: {date} is still later than {latest} ({server} + 5 min.)"
            )
        } else {
            return Ok(HttpResponse::new(200, IDENTITY));
        };
        Ok(HttpResponse::new(
            403,
            format!(
                r#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>{message}</Message></Error><RequestId>4fd2f6e1-EXAMPLE</RequestId></ErrorResponse>"#
            ),
        ))
    }
}

#[test]
fn a_clock_ten_minutes_off_still_connects_from_the_time_in_the_error() {
    let local = SystemTime::UNIX_EPOCH + Duration::from_secs(T0);
    for (server_time, offset_ms) in [
        (local + Duration::from_secs(600), 600_000),
        (local - Duration::from_secs(600), -600_000),
    ] {
        let sleep = RecordedSleep::default();
        let c = default_client(SkewCheckingSts::new(server_time), &sleep);
        let me = run(c.send(&GetCallerIdentity)).expect("connects after correcting the clock");
        assert_eq!(me.account, "123456789012");
        assert_eq!(
            c.transport().sent.borrow().len(),
            2,
            "refused once, then signed right"
        );
        assert_eq!(c.clock_offset_ms(), offset_ms);
        assert!(sleep.0.borrow().is_empty(), "a skew fix re-signs at once");
        // The next call is signed with the corrected clock at once.
        run(c.send(&GetCallerIdentity)).expect("the next call");
        assert_eq!(c.transport().sent.borrow().len(), 3);
    }
}

#[test]
fn s3_request_time_too_skewed_is_corrected_from_its_server_time() {
    let sleep = RecordedSleep::default();
    // S3's RequestTimeTooSkewed: the server is an hour behind us; no Date header.
    let skew = HttpResponse::new(
        403,
        "<Error><Code>RequestTimeTooSkewed</Code>\
         <Message>The difference between the request time and the current time is too large.</Message>\
         <RequestTime>20260921T141320Z</RequestTime><ServerTime>2026-09-21T13:13:20Z</ServerTime>\
         <MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>\
         <RequestId>4442587FB7D0A2F9</RequestId></Error>",
    );
    assert_eq!(
        format_amz_date(SystemTime::UNIX_EPOCH + Duration::from_secs(T0)),
        "20260921T141320Z"
    );
    let c = client(Scripted::new(vec![Ok(skew), ok()]), &sleep);
    run(c.send(&ListTables)).expect("succeeds after re-signing");
    assert_eq!(c.clock_offset_ms(), -3_600_000);
}

#[test]
fn without_a_server_time_a_skew_error_is_given_up() {
    let sleep = RecordedSleep::default();
    let skew = HttpResponse::new(
        400,
        r#"{"__type":"RequestExpired","message":"Request has expired."}"#,
    );
    let c = client(Scripted::new(vec![Ok(skew), ok()]), &sleep);
    let e = run(c.send(&ListTables)).expect_err("nothing to correct the clock with");
    assert_eq!(e.code(), "RequestExpired");
    assert_eq!(c.transport().sent.borrow().len(), 1);
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
