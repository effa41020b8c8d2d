//! The retry policy's decisions, error by error.

use super::*;

fn service(status: u16, code: &str, message: &str) -> Error {
    Error::Service {
        status,
        code: code.into(),
        message: message.into(),
        request_id: None,
    }
}

#[test]
fn classes() {
    assert_eq!(
        classify(&service(400, "ThrottlingException", "Rate exceeded")),
        ErrorClass::Throttling
    );
    assert_eq!(
        classify(&service(400, "ProvisionedThroughputExceededException", "")),
        ErrorClass::Throttling
    );
    assert_eq!(
        classify(&service(503, "SlowDown", "")),
        ErrorClass::Throttling
    );
    assert_eq!(
        classify(&service(400, "LimitExceededException", "Rate exceeded")),
        ErrorClass::Throttling
    );
    assert_eq!(
        classify(&service(500, "InternalServerError", "")),
        ErrorClass::Transient
    );
    assert_eq!(
        classify(&service(502, "Whatever", "")),
        ErrorClass::Transient
    );
    assert_eq!(
        classify(&service(400, "ValidationException", "1 validation error")),
        ErrorClass::Permanent
    );
    assert_eq!(
        classify(&service(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match"
        )),
        ErrorClass::Permanent
    );
    assert_eq!(
        classify(&service(
            400,
            "InvalidSignatureException",
            "Signature expired: 20260101T000000Z is now earlier than ..."
        )),
        ErrorClass::ClockSkew
    );
    assert_eq!(
        classify(&service(403, "RequestTimeTooSkewed", "")),
        ErrorClass::ClockSkew
    );
    assert_eq!(
        classify(&Error::network(NetworkErrorKind::Unreachable, "refused")),
        ErrorClass::Transient
    );
    assert_eq!(
        classify(&Error::network(NetworkErrorKind::Cors, "blocked")),
        ErrorClass::Permanent
    );
    assert_eq!(
        classify(&Error::invalid("region", "is required")),
        ErrorClass::Permanent
    );
}

#[test]
fn backoff_is_capped_exponential_with_full_jitter() {
    let p = RetryPolicy {
        max_attempts: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(1),
    };
    assert_eq!(
        p.backoff(1, 0.999_999),
        Duration::from_millis(100).mul_f64(0.999_999)
    );
    assert_eq!(p.backoff(3, 0.5), Duration::from_millis(200));
    assert_eq!(p.backoff(20, 0.5), Duration::from_millis(500));
    assert_eq!(p.backoff(2, 0.0), Duration::ZERO);
}

#[test]
fn the_default_is_the_sdks_standard_mode() {
    let p = RetryPolicy::default();
    let almost = 0.999_999;
    assert_eq!(p.backoff(1, almost), Duration::from_secs(1).mul_f64(almost));
    assert_eq!(p.backoff(2, almost), Duration::from_secs(2).mul_f64(almost));
    assert_eq!(
        p.backoff(5, almost),
        Duration::from_secs(16).mul_f64(almost)
    );
    assert_eq!(
        p.backoff(6, almost),
        Duration::from_secs(20).mul_f64(almost)
    );
    let throttled = service(400, "LimitExceededException", "Rate exceeded");
    let now = SystemTime::UNIX_EPOCH;
    let hints = ResponseHints::default();
    assert_eq!(
        p.decide(&throttled, 2, false, hints, now, 0.5),
        RetryDecision::RetryAfter(Duration::from_secs(1))
    );
    assert_eq!(
        p.decide(&throttled, 3, false, hints, now, 0.5),
        RetryDecision::GiveUp
    );
}

#[test]
fn retry_after_is_kept_within_five_seconds_past_the_backoff() {
    let backoff = Duration::from_millis(700);
    let ms = Duration::from_millis;
    assert_eq!(with_retry_after(backoff, None), backoff);
    assert_eq!(with_retry_after(backoff, Some(ms(100))), backoff);
    assert_eq!(with_retry_after(backoff, Some(ms(2_500))), ms(2_500));
    assert_eq!(with_retry_after(backoff, Some(ms(9_000))), ms(5_700));
}

#[test]
fn jitter_stays_in_range() {
    let j = Jitter::seeded(42);
    for _ in 0..1000 {
        let x = j.next();
        assert!((0.0..1.0).contains(&x));
    }
}
