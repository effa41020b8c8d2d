//! Records that cannot become items (not JSON, no key, too big) or that DynamoDB refused (an
//! index key it does not take) are not retried: they go to S3
//! as JSON lines shaped like Firehose's own failed records, one object per delivery, under a key
//! fixed by the request id and timestamp so a retried delivery overwrites rather than duplicates.
//!
//! The bucket is the delivery's own when it names one (the local server's `?rejects=<bucket>`:
//! each local pipeline's rejects go to its own bucket, as on AWS), else `HOSELINE_REJECT_BUCKET`;
//! the prefix likewise (`?rejectPrefix=`, else `HOSELINE_REJECT_PREFIX`).

use std::time::SystemTime;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hoseline_aws::s3::PutObject;
use hoseline_aws::{Clock, Sleep, Transport};
use serde::Serialize;

use crate::config::{ENV_REJECT_BUCKET, REJECTS_PARAMETER};
use crate::protocol::DeliveryRequest;
use crate::Bridge;

/// One rejected record, as Firehose writes a failed record (plus our request id and index).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RejectLine<'a> {
    attempts_made: u32,
    arrival_timestamp: u64,
    error_code: &'a str,
    error_message: &'a str,
    raw_data: String,
    request_id: &'a str,
    record_index: usize,
}

/// What went wrong with one record.
pub(crate) struct Reject<'a> {
    pub(crate) index: usize,
    pub(crate) code: &'a str,
    pub(crate) message: &'a str,
    pub(crate) data: &'a [u8],
}

impl<T: Transport, S: Sleep, C: Clock> Bridge<T, S, C> {
    /// Saves the rejected records as JSON lines in one S3 object of `bucket`, under `prefix`.
    /// Err: why they are not saved, a reason to send the delivery again (a 500): with no bucket
    /// at all, that none is named.
    pub(crate) async fn save_rejects(
        &self,
        bucket: Option<&str>,
        prefix: &str,
        request: &DeliveryRequest,
        arrival_ms: u64,
        rejects: &[Reject<'_>],
        deadline: SystemTime,
    ) -> Result<(), String> {
        if rejects.is_empty() {
            return Ok(());
        }
        let Some(bucket) = bucket else {
            return Err(format!(
                "{} rejected records not saved: no reject bucket is named (neither \
                 ?{REJECTS_PARAMETER}=<bucket> in the stream's endpoint URL nor \
                 {ENV_REJECT_BUCKET}); Firehose retries the batch, then backs it up to its S3 \
                 bucket",
                rejects.len()
            ));
        };
        let key = object_key(prefix, arrival_ms, &request.request_id);
        let put = PutObject {
            bucket: bucket.to_owned(),
            key,
            body: json_lines(rejects, &request.request_id, arrival_ms),
            content_type: Some("application/x-ndjson".to_owned()),
        };
        let failed = |why: String| {
            format!(
                "{} rejected records not saved to s3://{}/{}: {why}",
                rejects.len(),
                put.bucket,
                put.key
            )
        };
        match self.until(deadline, self.client().send(&put)).await {
            Some(Ok(_)) => Ok(()),
            Some(Err(e)) => Err(failed(e.to_string())),
            None => Err(failed("the time budget ran out".to_owned())),
        }
    }
}

/// `{prefix}YYYY/MM/DD/HH/{request_id}.jsonl`, the hour in UTC from the request's timestamp.
pub(crate) fn object_key(prefix: &str, timestamp_ms: u64, request_id: &str) -> String {
    let (y, m, d, h) = utc_hour(timestamp_ms / 1000);
    let id: String = request_id
        .chars()
        .take(200)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}{y:04}/{m:02}/{d:02}/{h:02}/{id}.jsonl")
}

/// The object's body: one JSON line per rejected record.
pub(crate) fn json_lines(rejects: &[Reject<'_>], request_id: &str, arrival_ms: u64) -> Vec<u8> {
    let mut out = Vec::new();
    for r in rejects {
        let line = RejectLine {
            attempts_made: 1,
            arrival_timestamp: arrival_ms,
            error_code: r.code,
            error_message: r.message,
            raw_data: STANDARD.encode(r.data),
            request_id,
            record_index: r.index,
        };
        // Serialising a struct of strings and integers into a Vec cannot fail.
        if serde_json::to_writer(&mut out, &line).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// Year, month, day and hour (UTC) of a time in seconds since the epoch
/// (civil-from-days, Howard Hinnant).
fn utc_hour(secs: u64) -> (i64, u32, u32, u64) {
    let days = (secs / 86_400) as i64;
    let hour = secs % 86_400 / 3600;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, hour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_utc_hour_and_the_request_id() {
        // 2020-01-03T22:35:01.599Z, the timestamp of the AWS documentation's example request.
        let key = object_key(
            "bridge-rejected/",
            1_578_090_901_599,
            "ed4acda5-034f-9f42-bba1-f29aea6d7d8f",
        );
        assert_eq!(
            key,
            "bridge-rejected/2020/01/03/22/ed4acda5-034f-9f42-bba1-f29aea6d7d8f.jsonl"
        );
        assert_eq!(utc_hour(0), (1970, 1, 1, 0));
        // 2024-02-29T23:59:59Z: a leap day.
        assert_eq!(utc_hour(1_709_251_199), (2024, 2, 29, 23));
        assert_eq!(object_key("", 0, "a/b c"), "1970/01/01/00/a_b_c.jsonl");
    }

    #[test]
    fn lines_are_shaped_like_firehose_failed_records() {
        let rejects = [Reject {
            index: 3,
            code: "Bridge.NotJson",
            message: "not JSON",
            data: b"hello",
        }];
        let text = String::from_utf8(json_lines(&rejects, "R1", 1_578_090_901_599)).unwrap();
        assert_eq!(
            text,
            "{\"attemptsMade\":1,\"arrivalTimestamp\":1578090901599,\"errorCode\":\"Bridge.NotJson\",\
             \"errorMessage\":\"not JSON\",\"rawData\":\"aGVsbG8=\",\"requestId\":\"R1\",\"recordIndex\":3}\n"
        );
    }
}
