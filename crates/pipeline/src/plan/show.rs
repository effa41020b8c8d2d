//! A step as people read it: the service, the operation, the method and URL, and the request body
//! exactly as the client sends it (JSON pretty-printed, a query form one parameter a line, S3's
//! XML as is), with the Lambda zip shown by its size instead of its base64.

use percent_encoding::percent_decode_str;
use serde_json::Value;

use hoseline_aws::{Endpoint, Error, Protocol, Region};

use super::{Call, Fact, Step};
use crate::spec::{PipelineSpec, Target};

/// The file the bridge Lambda's code is published as (beside the page; given to the CLI).
pub const ZIP_FILE_NAME: &str = "bridge-lambda.zip";

/// One call, shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownCall {
    /// The service's title (`DynamoDB`, `IAM`...).
    pub service: &'static str,
    pub operation: &'static str,
    pub method: &'static str,
    pub url: String,
    /// The request body as sent, for people (`(no body)` when there is none).
    pub body: String,
}

/// Where a spec's calls go: its emulator for a local target, AWS otherwise; and its region.
pub fn target_endpoint(spec: &PipelineSpec) -> Result<(Endpoint, Region), Error> {
    let endpoint = match &spec.target {
        Target::Local { endpoint, .. } => Endpoint::parse(endpoint)?,
        Target::Aws { .. } => Endpoint::Aws,
    };
    Ok((endpoint, Region::new(spec.target.region())?))
}

impl Step {
    /// The call as it would be sent to `endpoint` in `region` (before signing).
    pub fn show(&self, endpoint: &Endpoint, region: &Region) -> ShownCall {
        let service = self.call.service();
        let resolved = endpoint.resolve(service, region);
        let (method, url, body) = match self.call.build(&resolved) {
            Ok(request) => {
                let body = render_body(&self.call, service.protocol(), &request.body);
                (request.method, request.url, body)
            }
            Err(e) => (
                "POST",
                resolved.base_url,
                format!("(cannot be encoded: {e})"),
            ),
        };
        ShownCall {
            service: service.info().title,
            operation: self.call.operation(),
            method,
            url,
            body,
        }
    }
}

fn render_body(call: &Call, protocol: Protocol, body: &[u8]) -> String {
    if body.is_empty() {
        return "(no body)".to_owned();
    }
    let text = String::from_utf8_lossy(body);
    match protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1 => {
            let Ok(mut value) = serde_json::from_slice::<Value>(body) else {
                return text.into_owned();
            };
            if let Call::CreateFunction(op) = call {
                if let Some(zip) = value.pointer_mut("/Code/ZipFile") {
                    *zip = Value::String(zip_placeholder(op.zip_file.len()));
                }
            }
            serde_json::to_string_pretty(&value).unwrap_or_else(|_| text.into_owned())
        }
        Protocol::AwsQuery => text
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                let v = decode_form(v);
                let v = match serde_json::from_str::<Value>(&v) {
                    Ok(json @ Value::Object(_)) => serde_json::to_string_pretty(&json).unwrap_or(v),
                    _ => v,
                };
                format!("{}={v}", decode_form(k))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Protocol::RestXml => text.into_owned(),
    }
}

/// What a CreateFunction body shows instead of the zip's base64.
pub(super) fn zip_placeholder(len: usize) -> String {
    if len == 0 {
        format!(
            "{}, not loaded yet",
            Fact::BridgeZip.placeholder(false).trim_end_matches('>')
        ) + ">"
    } else {
        format!("<{ZIP_FILE_NAME}, {len} bytes, base64>")
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space.
fn decode_form(text: &str) -> String {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}
