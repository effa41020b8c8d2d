//! What a failed response says beside its error: the server's time, for correcting a skewed
//! clock, and the wait the service asks for.
//!
//! The server's time comes from the `Date` header when the client can read it. A page often
//! cannot: fetch hides `Date` unless the service exposes it (aws-sdk-js-v3 #5920). The error then
//! carries the time itself: S3's `RequestTimeTooSkewed` has `<ServerTime>`, and the SigV4 time
//! check's message has it in parentheses: "Signature expired: REQUEST is now earlier than EDGE
//! (SERVER - 5 min.)", or "Signature not yet current: REQUEST is still later than EDGE (SERVER + 5
//! min.)". EDGE is the server's time minus or plus the allowed window: a clock set to it would be
//! refused again, so only SERVER is taken (as the AWS SDK for Java 1.x reads that message).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{classify, ErrorClass};
use crate::protocol::xml;
use crate::{Error, HttpResponse};

/// What a failed attempt's response says beside its error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponseHints {
    /// The server's clock: the response's `Date`, or for a clock-skew error the time it carries.
    pub server_time: Option<SystemTime>,
    /// `x-amz-retry-after` (milliseconds on the wire): how long the service asks the client to wait.
    pub retry_after: Option<Duration>,
}

impl ResponseHints {
    /// The hints of a failed response and the error decoded from it. (A request that got no
    /// response has none: `ResponseHints::default()`.)
    pub fn of(response: &HttpResponse, error: &Error) -> Self {
        let date = response
            .header("date")
            .and_then(|d| httpdate::parse_http_date(d.trim()).ok());
        let server_time = date.or_else(|| {
            (classify(error) == ErrorClass::ClockSkew)
                .then(|| server_time_in_error(&response.body, &error.message()))
                .flatten()
        });
        Self {
            server_time,
            retry_after: response
                .header("x-amz-retry-after")
                .and_then(|ms| ms.trim().parse::<u64>().ok())
                .map(Duration::from_millis),
        }
    }
}

/// The server's time carried by a clock-skew error: S3's `<ServerTime>`, or the time in
/// parentheses of a SigV4 "Signature expired" / "Signature not yet current" message.
pub fn server_time_in_error(body: &[u8], message: &str) -> Option<SystemTime> {
    let body = String::from_utf8_lossy(body);
    let in_body = xml::looks_like_xml(&body)
        .then(|| xml::first_texts(&body, &["ServerTime"]).pop().flatten())
        .flatten()
        .and_then(|t| parse_timestamp(&t));
    in_body.or_else(|| {
        message.split('(').skip(1).find_map(|after| {
            let token = after.split([' ', ')']).next().unwrap_or_default();
            parse_timestamp(token)
        })
    })
}

/// An ISO 8601 UTC time, basic (`20261129T072000Z`, as in `x-amz-date`) or extended
/// (`2026-11-29T07:20:00Z`, `2026-11-29T07:20:00.000Z`); fractions of a second are dropped.
pub fn parse_timestamp(text: &str) -> Option<SystemTime> {
    let (date, time) = text.trim().split_once('T')?;
    let time = time.strip_suffix('Z')?;
    let time = time.split_once('.').map_or(time, |(whole, _)| whole);
    let date: Vec<u8> = date.bytes().filter(|&b| b != b'-').collect();
    let time: Vec<u8> = time.bytes().filter(|&b| b != b':').collect();
    if date.len() != 8 || time.len() != 6 || !date.iter().chain(&time).all(u8::is_ascii_digit) {
        return None;
    }
    let number = |digits: &[u8]| {
        digits
            .iter()
            .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
    };
    let (year, month, day) = (number(&date[..4]), number(&date[4..6]), number(&date[6..]));
    let (hour, minute, second) = (number(&time[..2]), number(&time[2..4]), number(&time[4..]));
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    u64::try_from(seconds)
        .ok()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-11-29T07:20:00Z.
    const SERVER: u64 = 1_795_936_800;

    fn at(seconds: u64) -> Option<SystemTime> {
        Some(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    fn skew(status: u16, code: &str, message: &str) -> Error {
        Error::Service {
            status,
            code: code.into(),
            message: message.into(),
            request_id: None,
        }
    }

    #[test]
    fn timestamps_in_both_iso_forms() {
        assert_eq!(parse_timestamp("20261129T072000Z"), at(SERVER));
        assert_eq!(parse_timestamp("2026-11-29T07:20:00Z"), at(SERVER));
        assert_eq!(parse_timestamp(" 2026-11-29T07:20:00.123Z "), at(SERVER));
        assert_eq!(parse_timestamp("19700101T000000Z"), at(0));
        assert_eq!(parse_timestamp("20000229T000000Z"), at(951_782_400));
        for bad in [
            "",
            "20261129",
            "20261129T0720Z",
            "20261329T072000Z",
            "2026112xT072000Z",
            "20261129T072000",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_server_time_is_the_one_in_parentheses() {
        // The edge (second time) is 5 minutes off the server's time: never taken.
        let expired = "Signature expired: 20261129T070500Z is now earlier than 20261129T071500Z (20261129T072000Z - 5 min.)";
        assert_eq!(server_time_in_error(b"", expired), at(SERVER));
        let future = "Signature not yet current: 20261129T074000Z is still later than 20261129T073500Z (20261129T072000Z + 15 min.)";
        assert_eq!(server_time_in_error(b"", future), at(SERVER));
        assert_eq!(
            server_time_in_error(
                b"",
                "Signature expired: 20261129T070500Z is now earlier than 20261129T071500Z"
            ),
            None
        );
        assert_eq!(server_time_in_error(b"", "Request has expired."), None);
    }

    #[test]
    fn s3_sends_its_server_time_in_the_error() {
        let body = b"<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261129T082000Z</RequestTime><ServerTime>2026-11-29T07:20:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>";
        let response = HttpResponse::new(403, body.to_vec());
        let error = skew(
            403,
            "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.",
        );
        assert_eq!(ResponseHints::of(&response, &error).server_time, at(SERVER));
    }

    #[test]
    fn the_date_header_comes_first_and_other_errors_carry_no_time() {
        let message = "Signature expired: 20261129T070500Z is now earlier than 20261129T071500Z (20261129T072000Z - 5 min.)";
        let error = skew(400, "InvalidSignatureException", message);
        let dated = HttpResponse::new(400, "").with_header("Date", "Sun, 29 Nov 2026 07:21:00 GMT");
        assert_eq!(
            ResponseHints::of(&dated, &error).server_time,
            at(SERVER + 60)
        );
        let undated = HttpResponse::new(400, "");
        assert_eq!(ResponseHints::of(&undated, &error).server_time, at(SERVER));
        // A wrong secret is no clock problem, whatever times its message holds.
        let wrong = skew(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match (20261129T072000Z)",
        );
        assert_eq!(ResponseHints::of(&undated, &wrong).server_time, None);
    }

    #[test]
    fn retry_after_is_read_in_milliseconds() {
        let error = skew(503, "ServiceUnavailable", "");
        let response = HttpResponse::new(503, "").with_header("X-Amz-Retry-After", " 1500 ");
        assert_eq!(
            ResponseHints::of(&response, &error).retry_after,
            Some(Duration::from_millis(1_500))
        );
        let garbage = HttpResponse::new(503, "").with_header("x-amz-retry-after", "-1");
        assert_eq!(ResponseHints::of(&garbage, &error).retry_after, None);
    }
}
