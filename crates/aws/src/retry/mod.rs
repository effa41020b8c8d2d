//! What to do after a failed attempt, as the AWS SDKs' "standard" retry mode does (botocore's
//! `retries/standard.py`, smithy-rs, aws-sdk-js-v3): retry throttling, 5xx and network failures
//! at most 3 attempts in all, waiting `random × min(1 s × 2^(n-1), 20 s)` (full jitter) or what
//! the service asks in `x-amz-retry-after`; never retry a validation error; on a clock-skew
//! error, correct the clock from the server's time (the response's `Date`, or the time the error
//! itself carries, see [`ResponseHints`]) and re-sign once.

use std::time::{Duration, SystemTime};

use crate::{Error, NetworkErrorKind};

mod hints;

pub use hints::{parse_timestamp, server_time_in_error, ResponseHints};

/// Capped exponential backoff with full jitter (AWS's "standard" retry mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included. 1 means never retry.
    pub max_attempts: u32,
    /// The backoff ceiling before jitter for the first retry; doubles each retry.
    pub base_delay: Duration,
    /// No computed wait is longer than this.
    pub max_delay: Duration,
}

/// The SDKs' standard mode: 3 attempts, a 1 s base doubling to at most 20 s. A throttled
/// control plane (Firehose's 5 calls a second, DynamoDB's concurrent table operations) needs
/// the full second; a shorter base only spends the attempts sooner.
impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(20),
        }
    }
}

/// How far past the computed backoff an `x-amz-retry-after` may stretch a wait (botocore's
/// `_RETRY_AFTER_MAX_ADDITIONAL`).
pub const RETRY_AFTER_MAX_EXTRA: Duration = Duration::from_secs(5);

/// How an error is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    Throttling,
    /// 5xx, timeouts, connection failures: may succeed next time.
    Transient,
    /// The request's time was too far from the server's.
    ClockSkew,
    /// Validation, auth, not found...: retrying gives the same answer.
    Permanent,
}

/// What the client does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryDecision {
    RetryAfter(Duration),
    /// Set the clock offset to this many milliseconds (server minus local) and re-sign at once.
    CorrectClock {
        offset_ms: i64,
    },
    GiveUp,
}

/// The throttling codes of botocore's standard mode, smithy-rs and aws-sdk-js-v3, all alike.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// The SDKs' transient codes (`RequestTimeout`, `RequestTimeoutException`), and the codes of the
/// 5xx answers they retry by status, for a proxy or an emulator that sends them with another one.
const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "InternalError",
    "InternalFailure",
    "InternalServerError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
];

/// The clock-skew codes of aws-sdk-js-v3 (`CLOCK_SKEW_ERROR_CODES`) and the AWS SDK for Java.
const SKEW_CODES: &[&str] = &[
    "RequestTimeTooSkewed",
    "RequestExpired",
    "RequestInTheFuture",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
];

pub fn classify(error: &Error) -> ErrorClass {
    match error {
        Error::Service {
            status,
            code,
            message,
            ..
        } => {
            if THROTTLING_CODES.contains(&code.as_str()) || *status == 429 {
                ErrorClass::Throttling
            } else if is_skew(code, message) {
                ErrorClass::ClockSkew
            } else if TRANSIENT_CODES.contains(&code.as_str())
                || matches!(status, 500 | 502 | 503 | 504)
            {
                ErrorClass::Transient
            } else {
                ErrorClass::Permanent
            }
        }
        Error::Decode { status, .. } if *status >= 500 => ErrorClass::Transient,
        Error::Network { kind, .. } => match kind {
            // Retrying will not change a CORS rule.
            NetworkErrorKind::Cors => ErrorClass::Permanent,
            _ => ErrorClass::Transient,
        },
        _ => ErrorClass::Permanent,
    }
}

fn is_skew(code: &str, message: &str) -> bool {
    if !SKEW_CODES.contains(&code) {
        return false;
    }
    match code {
        "RequestTimeTooSkewed" | "RequestExpired" | "RequestInTheFuture" => true,
        // These codes also mean a wrong secret; only the message tells a clock problem.
        _ => {
            let m = message.to_ascii_lowercase();
            m.contains("signature expired") || m.contains("not yet current") || m.contains("skew")
        }
    }
}

impl RetryPolicy {
    /// Never retry (for tests and for callers with their own policy).
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Decides after attempt number `attempt` (1-based) failed with `error`.
    ///
    /// `clock_corrected`: whether this call already corrected the clock once. `hints`: what the
    /// failed response said of the server's time and of the wait it wants; `local_now`: the local
    /// clock, uncorrected. `random` is uniform in [0, 1): the full jitter.
    pub fn decide(
        &self,
        error: &Error,
        attempt: u32,
        clock_corrected: bool,
        hints: ResponseHints,
        local_now: SystemTime,
        random: f64,
    ) -> RetryDecision {
        match classify(error) {
            ErrorClass::Permanent => RetryDecision::GiveUp,
            ErrorClass::ClockSkew => match (clock_corrected, hints.server_time) {
                (false, Some(server)) => RetryDecision::CorrectClock {
                    offset_ms: millis_between(local_now, server),
                },
                _ => RetryDecision::GiveUp,
            },
            ErrorClass::Throttling | ErrorClass::Transient if attempt < self.max_attempts => {
                let backoff = self.backoff(attempt, random);
                RetryDecision::RetryAfter(with_retry_after(backoff, hints.retry_after))
            }
            _ => RetryDecision::GiveUp,
        }
    }

    /// Full jitter: uniform in [0, min(max_delay, base * 2^(attempt-1))].
    pub fn backoff(&self, attempt: u32, random: f64) -> Duration {
        let exp = 2u32.saturating_pow(attempt.saturating_sub(1).min(30));
        let ceiling = self.base_delay.saturating_mul(exp).min(self.max_delay);
        ceiling.mul_f64(random.clamp(0.0, 1.0))
    }
}

/// The wait when the service asked for `retry_after`: that, kept between the computed backoff
/// and 5 s more (botocore's standard mode), so a service can neither stop the backoff nor stall
/// the client; the computed backoff when it asked nothing.
pub fn with_retry_after(backoff: Duration, retry_after: Option<Duration>) -> Duration {
    retry_after.map_or(backoff, |asked| {
        asked.clamp(backoff, backoff.saturating_add(RETRY_AFTER_MAX_EXTRA))
    })
}

/// `to - from` in milliseconds, negative when `to` is earlier.
pub fn millis_between(from: SystemTime, to: SystemTime) -> i64 {
    match to.duration_since(from) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// `time` moved by `offset_ms`.
pub fn shift(time: SystemTime, offset_ms: i64) -> SystemTime {
    let d = Duration::from_millis(offset_ms.unsigned_abs());
    if offset_ms >= 0 {
        time + d
    } else {
        time.checked_sub(d).unwrap_or(time)
    }
}

/// A small xorshift generator for jitter (no OS randomness needed in the page).
#[derive(Debug)]
pub struct Jitter(std::sync::atomic::AtomicU64);

impl Jitter {
    pub fn seeded(seed: u64) -> Self {
        Self(std::sync::atomic::AtomicU64::new(seed | 1))
    }

    /// Uniform in [0, 1).
    pub fn next(&self) -> f64 {
        use std::sync::atomic::Ordering;
        let mut x = self.0.load(Ordering::Relaxed);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0.store(x, Ordering::Relaxed);
        (x >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests;
