//! The Firehose HTTP endpoint delivery protocol, version 1.0: what a POST from Firehose carries and
//! what it must be answered. Pure: bytes and headers in, a [`DeliveryRequest`] or a
//! [`ProtocolError`] out.
//!
//! Spec: <https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html>.

use std::borrow::Cow;
use std::io::Read;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine as _};
use hoseline_aws::credentials::Secret;
use serde::Deserialize;
use subtle::ConstantTimeEq;

pub const HEADER_PROTOCOL_VERSION: &str = "X-Amz-Firehose-Protocol-Version";
pub const HEADER_REQUEST_ID: &str = "X-Amz-Firehose-Request-Id";
pub const HEADER_ACCESS_KEY: &str = "X-Amz-Firehose-Access-Key";
pub const HEADER_COMMON_ATTRIBUTES: &str = "X-Amz-Firehose-Common-Attributes";
pub const HEADER_SOURCE_ARN: &str = "X-Amz-Firehose-Source-Arn";
/// The only protocol version there is.
pub const PROTOCOL_VERSION: &str = "1.0";
/// Every response, success or not, is JSON; none carries a Content-Encoding.
pub const CONTENT_TYPE: &str = "application/json";

/// A body is at most 64 MiB (after decompression).
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;
/// A delivery carries at most 10,000 records.
pub const MAX_RECORDS: usize = 10_000;
/// A record decodes to at most 1,024,000 bytes.
pub const MAX_RECORD_BYTES: usize = 1_024_000;
/// Firehose reads at most 8192 characters of an errorMessage.
pub const MAX_ERROR_MESSAGE_CHARS: usize = 8192;
/// Timestamps below this are seconds (moto sends seconds), above it milliseconds.
const SECONDS_BELOW: u64 = 100_000_000_000;

/// One delivery, decoded: the records are the raw bytes Firehose was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryRequest {
    pub request_id: String,
    /// When Firehose sent it, in milliseconds since the epoch: the body's `timestamp`, which the
    /// specification makes optional (`None` without one: the bridge then uses the arrival time).
    pub timestamp_ms: Option<u64>,
    pub records: Vec<Vec<u8>>,
    /// From `X-Amz-Firehose-Common-Attributes`, sorted by name.
    pub common_attributes: Vec<(String, String)>,
}

/// A request Firehose should not have sent: 400, or 401 for a missing or wrong access key.
///
/// Never 413, even for a body over the limits: Firehose takes a 413 as a permanent failure and
/// does not even back the batch up to S3. A 400 it retries, then backs up.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ProtocolError {
    pub status: u16,
    /// The bridge's code for it: `Bridge.BadRequest`, `Bridge.Unauthorized`,
    /// `Bridge.PayloadTooLarge`.
    pub code: &'static str,
    pub message: String,
    /// The request id, when one could be read, to echo in the response.
    pub request_id: Option<String>,
}

impl ProtocolError {
    fn bad(message: impl Into<String>, request_id: Option<&str>) -> Self {
        Self {
            status: 400,
            code: "Bridge.BadRequest",
            message: message.into(),
            request_id: request_id.map(str::to_owned),
        }
    }

    fn unauthorized(message: impl Into<String>, request_id: Option<&str>) -> Self {
        Self {
            status: 401,
            code: "Bridge.Unauthorized",
            ..Self::bad(message, request_id)
        }
    }

    /// A body over the limits: 400 (see the type's documentation for why never 413).
    pub fn too_large(message: impl Into<String>, request_id: Option<&str>) -> Self {
        Self {
            code: "Bridge.PayloadTooLarge",
            ..Self::bad(message, request_id)
        }
    }

    pub fn code(&self) -> &'static str {
        self.code
    }
}

/// The answer to one delivery: always `Content-Type: application/json`, never a Content-Encoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryResponse {
    pub status: u16,
    /// `{"requestId","timestamp"[,"errorMessage"]}`.
    pub body: String,
}

impl DeliveryResponse {
    /// 200: the whole batch is done (written, or its rejects saved).
    pub fn ok(request_id: &str, timestamp_ms: u64) -> Self {
        let body = serde_json::json!({ "requestId": request_id, "timestamp": timestamp_ms });
        Self {
            status: 200,
            body: body.to_string(),
        }
    }

    /// An error answer; the message is cut to [`MAX_ERROR_MESSAGE_CHARS`].
    pub fn error(status: u16, request_id: &str, timestamp_ms: u64, message: &str) -> Self {
        let body = serde_json::json!({
            "requestId": request_id,
            "timestamp": timestamp_ms,
            "errorMessage": truncate_chars(message, MAX_ERROR_MESSAGE_CHARS),
        });
        Self {
            status,
            body: body.to_string(),
        }
    }

    /// The headers every response carries.
    pub fn headers(&self) -> [(&'static str, &'static str); 1] {
        [("Content-Type", CONTENT_TYPE)]
    }
}

/// At most `max` characters; a cut text ends with `…`.
pub(crate) fn truncate_chars(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep: String = text.chars().take(max.saturating_sub(1)).collect();
            Cow::Owned(keep + "…")
        }
    }
}

/// The first header named `name` (case-insensitive).
pub fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawRequest<'a> {
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    timestamp: Option<serde_json::Number>,
    #[serde(default, borrow)]
    records: Option<Vec<RawRecord<'a>>>,
}

#[derive(Deserialize)]
struct RawRecord<'a> {
    #[serde(borrow)]
    data: Cow<'a, str>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommonAttributes {
    common_attributes: serde_json::Map<String, serde_json::Value>,
}

/// Standard alphabet; padding optional, as some senders leave it off.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Checks and decodes one delivery.
///
/// With an `access_key`, `X-Amz-Firehose-Access-Key` must equal it (compared in constant time)
/// and `X-Amz-Firehose-Request-Id` is required. Without one (local use beside moto, whose
/// Firehose sends no `X-Amz-Firehose-*` headers) the request id may come from the body alone.
/// Either way, a header id and the body's id must agree.
pub fn parse_request(
    headers: &[(String, String)],
    body: &[u8],
    access_key: Option<&Secret>,
) -> Result<DeliveryRequest, ProtocolError> {
    let header_id = header(headers, HEADER_REQUEST_ID)
        .map(str::trim)
        .filter(|id| !id.is_empty());
    if let Some(expected) = access_key {
        check_access_key(headers, expected, header_id)?;
    }
    if let Some(version) = header(headers, HEADER_PROTOCOL_VERSION) {
        if version.trim() != PROTOCOL_VERSION {
            return Err(ProtocolError::bad(
                format!("{HEADER_PROTOCOL_VERSION} {version:?} is not supported (only 1.0 is)"),
                header_id,
            ));
        }
    }
    if access_key.is_some() && header_id.is_none() {
        return Err(ProtocolError::bad(
            format!("the {HEADER_REQUEST_ID} header is required"),
            None,
        ));
    }
    let common_attributes = common_attributes(headers, header_id)?;
    let json = decode_body(headers, body, header_id)?;
    let raw: RawRequest<'_> = serde_json::from_slice(&json).map_err(|e| {
        ProtocolError::bad(
            format!("the body is not a delivery request: {e}"),
            header_id,
        )
    })?;

    let request_id = match (header_id, raw.request_id.as_deref().map(str::trim)) {
        (_, None | Some("")) => {
            return Err(ProtocolError::bad("the body has no requestId", header_id))
        }
        (Some(h), Some(b)) if h != b => {
            return Err(ProtocolError::bad(
                format!(
                "the body's requestId {b:?} differs from the {HEADER_REQUEST_ID} header's {h:?}"
            ),
                Some(h),
            ))
        }
        (_, Some(b)) => b.to_owned(),
    };
    let id = Some(request_id.as_str());
    let timestamp_ms = timestamp_ms(raw.timestamp.as_ref(), id)?;
    let Some(raw_records) = raw.records else {
        return Err(ProtocolError::bad("the body has no records array", id));
    };
    if raw_records.len() > MAX_RECORDS {
        return Err(ProtocolError::bad(
            format!(
                "a delivery carries at most {MAX_RECORDS} records (this one has {})",
                raw_records.len()
            ),
            id,
        ));
    }
    let records = raw_records
        .iter()
        .enumerate()
        .map(|(i, r)| decode_record(i, &r.data, id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(DeliveryRequest {
        request_id,
        timestamp_ms,
        records,
        common_attributes,
    })
}

/// Checks `X-Amz-Firehose-Access-Key` against `expected` from the headers alone (401 when it is
/// missing or wrong), so a server can refuse a request before reading its body.
pub fn authorize(headers: &[(String, String)], expected: &Secret) -> Result<(), ProtocolError> {
    let request_id = header(headers, HEADER_REQUEST_ID)
        .map(str::trim)
        .filter(|id| !id.is_empty());
    check_access_key(headers, expected, request_id)
}

fn check_access_key(
    headers: &[(String, String)],
    expected: &Secret,
    request_id: Option<&str>,
) -> Result<(), ProtocolError> {
    let Some(given) = header(headers, HEADER_ACCESS_KEY) else {
        return Err(ProtocolError::unauthorized(
            format!("the {HEADER_ACCESS_KEY} header is missing"),
            request_id,
        ));
    };
    // Constant time over the contents; only the length can leak.
    let equal: bool = given.as_bytes().ct_eq(expected.expose().as_bytes()).into();
    if equal {
        Ok(())
    } else {
        Err(ProtocolError::unauthorized(
            format!("the {HEADER_ACCESS_KEY} header does not match the bridge's access key"),
            request_id,
        ))
    }
}

fn common_attributes(
    headers: &[(String, String)],
    request_id: Option<&str>,
) -> Result<Vec<(String, String)>, ProtocolError> {
    let Some(text) = header(headers, HEADER_COMMON_ATTRIBUTES).filter(|t| !t.trim().is_empty())
    else {
        return Ok(Vec::new());
    };
    let parsed: CommonAttributes = serde_json::from_str(text).map_err(|e| {
        ProtocolError::bad(
            format!("{HEADER_COMMON_ATTRIBUTES} is not {{\"commonAttributes\":{{...}}}}: {e}"),
            request_id,
        )
    })?;
    Ok(parsed
        .common_attributes
        .into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => (k, s),
            other => (k, other.to_string()),
        })
        .collect())
}

/// The body as JSON bytes: gunzipped when `Content-Encoding: gzip`, never beyond 64 MiB.
fn decode_body<'b>(
    headers: &[(String, String)],
    body: &'b [u8],
    request_id: Option<&str>,
) -> Result<Cow<'b, [u8]>, ProtocolError> {
    let too_large = || {
        ProtocolError::too_large(
            format!(
                "the body is larger than {MAX_BODY_BYTES} bytes (Firehose's limit): lower the \
                 stream's buffer size"
            ),
            request_id,
        )
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    let encoding = header(headers, "Content-Encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match encoding.as_str() {
        "" | "identity" => Ok(Cow::Borrowed(body)),
        "gzip" | "x-gzip" => {
            let mut out = Vec::new();
            let limit = MAX_BODY_BYTES as u64 + 1;
            flate2::read::MultiGzDecoder::new(body)
                .take(limit)
                .read_to_end(&mut out)
                .map_err(|e| {
                    ProtocolError::bad(
                        format!("the gzip body cannot be decompressed: {e}"),
                        request_id,
                    )
                })?;
            if out.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            Ok(Cow::Owned(out))
        }
        other => Err(ProtocolError::bad(
            format!("Content-Encoding {other:?} is not supported (gzip or none)"),
            request_id,
        )),
    }
}

/// The body's timestamp in milliseconds; `None` when it has none (absent or `null`).
fn timestamp_ms(
    value: Option<&serde_json::Number>,
    request_id: Option<&str>,
) -> Result<Option<u64>, ProtocolError> {
    let bad = || {
        ProtocolError::bad(
            "the body's timestamp must be a non-negative number (milliseconds since the epoch)",
            request_id,
        )
    };
    let Some(value) = value else {
        return Ok(None);
    };
    let raw = match value.as_u64() {
        Some(n) => n,
        None => {
            let f = value.as_f64().filter(|f| f.is_finite() && *f >= 0.0);
            let f = f.ok_or_else(bad)?;
            if f < SECONDS_BELOW as f64 {
                return Ok(Some((f * 1000.0) as u64));
            }
            f as u64
        }
    };
    Ok(Some(if raw < SECONDS_BELOW {
        raw.saturating_mul(1000)
    } else {
        raw
    }))
}

fn decode_record(
    index: usize,
    data: &str,
    request_id: Option<&str>,
) -> Result<Vec<u8>, ProtocolError> {
    // Reject before decoding what cannot fit: 4 base64 characters carry 3 bytes.
    if data.len() / 4 * 3 > MAX_RECORD_BYTES + 3 {
        return Err(record_too_large(index, data.len() / 4 * 3, request_id));
    }
    let bytes = BASE64.decode(data.as_bytes()).map_err(|e| {
        ProtocolError::bad(
            format!("records[{index}].data is not base64: {e}"),
            request_id,
        )
    })?;
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(record_too_large(index, bytes.len(), request_id));
    }
    Ok(bytes)
}

fn record_too_large(index: usize, size: usize, request_id: Option<&str>) -> ProtocolError {
    ProtocolError::bad(
        format!(
            "records[{index}] decodes to about {size} bytes; a record is at most {MAX_RECORD_BYTES}"
        ),
        request_id,
    )
}
