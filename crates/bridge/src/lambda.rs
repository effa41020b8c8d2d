//! The bridge as a Lambda behind a function URL (`provided.al2023`, binary `bootstrap`).
//!
//! A function URL event (payload format 2.0) becomes one delivery into the configured table
//! (`HOSELINE_TABLE`, required here): the Lambda serves exactly one table, whatever the path.
//! Its rejects go to `HOSELINE_REJECT_BUCKET`, also required here (the plan sets it to the
//! pipeline's bucket): a function URL's query string is ignored, `?rejects=` included, since the
//! one pipeline a Lambda serves has one bucket, set where the function is made.
//! A body Lambda sent base64-encoded (Firehose's gzip bodies are) arrives decoded as
//! `Body::Binary`; a `Content-Encoding: gzip` header goes on to the bridge core, which inflates.
//! Credentials and region come from the variables Lambda sets (`AWS_ACCESS_KEY_ID`,
//! `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`).
//!
//! Limits to configure around it: a function URL refuses requests over 6 MB before the bridge
//! runs, so the stream's buffer must be at most [`crate::LAMBDA_MAX_BUFFER_MB`]; and each delivery
//! answers by the invocation's deadline (from the runtime's context) less [`DEADLINE_MARGIN`],
//! cutting the write budget when the function's timeout is shorter, so a short timeout gives 500s
//! (Firehose retries) rather than killed invocations.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::{ClientConfig, Credentials, Endpoint, Region, Transport};
use hoseline_aws::{Clock, Sleep};
use lambda_http::http::header::{HeaderValue, ALLOW, CONTENT_TYPE};
use lambda_http::http::{Method, StatusCode};
use lambda_http::{Body, Request, RequestExt as _, Response};

use crate::config::{BridgeConfig, ENV_REJECT_BUCKET, ENV_TABLE};
use crate::protocol::{self, DeliveryResponse};
use crate::server;
use crate::{Bridge, Error};

/// What each delivery keeps back from the invocation's deadline: time to answer the runtime and
/// write the log line before Lambda stops the invocation.
pub const DEADLINE_MARGIN: Duration = Duration::from_secs(1);

/// The AWS settings from the Lambda's environment: `lookup` reads a variable.
pub fn aws_config_from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<ClientConfig, Error> {
    let present = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
    let required = |name: &str| {
        present(name).ok_or_else(|| {
            Error::config(name, "is not set (Lambda sets it for the function's role)")
        })
    };
    let key_id = required("AWS_ACCESS_KEY_ID")?;
    let secret = required("AWS_SECRET_ACCESS_KEY")?;
    let token = present("AWS_SESSION_TOKEN");
    let credentials = Credentials::new(&key_id, &secret, token.as_deref())
        .map_err(|e| Error::config("AWS_ACCESS_KEY_ID", e.to_string()))?;
    let region_text = present("AWS_REGION")
        .or_else(|| present("AWS_DEFAULT_REGION"))
        .ok_or_else(|| Error::config("AWS_REGION", "is not set"))?;
    let region =
        Region::new(&region_text).map_err(|e| Error::config("AWS_REGION", e.to_string()))?;
    let endpoint = Endpoint::parse(&present("AWS_ENDPOINT_URL").unwrap_or_default())
        .map_err(|e| Error::config("AWS_ENDPOINT_URL", e.to_string()))?;
    Ok(ClientConfig {
        credentials,
        region,
        endpoint,
    })
}

/// The bridge's settings for a Lambda, and its one table: beyond what the local server needs,
/// `HOSELINE_ACCESS_KEY` (the function URL is public), `HOSELINE_TABLE` and
/// `HOSELINE_REJECT_BUCKET` (no request names a table or a bucket here) are required.
pub fn config_from_env(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<(BridgeConfig, String), Error> {
    let config = BridgeConfig::from_env(lookup, false)?;
    let table = config
        .table
        .clone()
        .ok_or_else(|| Error::config(ENV_TABLE, "is not set: a Lambda bridge serves one table"))?;
    if config.reject_bucket.is_none() {
        return Err(Error::config(
            ENV_REJECT_BUCKET,
            "is not set: a Lambda bridge writes the records it rejects to this S3 bucket \
             (the pipeline's bucket)",
        ));
    }
    Ok((config, table))
}

/// Reads the configuration ([`config_from_env`]) and serves function URL events until the
/// runtime stops the process.
pub async fn run() -> Result<(), lambda_http::Error> {
    let lookup = |name: &str| std::env::var(name).ok();
    let (config, table) = config_from_env(lookup)?;
    let client = NativeClient::native(aws_config_from_env(lookup)?)?;
    let bridge = Arc::new(Bridge::new(client, config));
    lambda_http::run(lambda_http::service_fn(move |event: Request| {
        let bridge = Arc::clone(&bridge);
        let table = table.clone();
        async move { Ok::<_, std::convert::Infallible>(handle_event(&bridge, &table, event).await) }
    }))
    .await
}

/// One function URL event: a POST is a delivery into `table`, answered before the invocation's
/// deadline (its context, when the runtime gave one); anything else gets 405.
pub async fn handle_event<T: Transport, S: Sleep, C: Clock>(
    bridge: &Bridge<T, S, C>,
    table: &str,
    event: Request,
) -> Response<Body> {
    if event.method() != Method::POST {
        let message = format!("{} is not a delivery: Firehose POSTs", event.method());
        let mut response = to_response(&DeliveryResponse::error(405, "", now_ms(), &message));
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    let headers: Vec<(String, String)> = event
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    // Empty, Text, or Binary (a body Lambda had base64-encoded, decoded): the bytes either way.
    let body: &[u8] = event.body().as_ref();
    let answer_by = event.lambda_context_ref().map(|context| {
        context
            .deadline()
            .checked_sub(DEADLINE_MARGIN)
            .unwrap_or(UNIX_EPOCH)
    });
    let started = std::time::Instant::now();
    let delivery = bridge
        .handle_delivery_by(table, &headers, body, answer_by)
        .await;
    server::log_delivery(table, None, &delivery, started.elapsed());
    to_response(&delivery.response)
}

fn to_response(response: &DeliveryResponse) -> Response<Body> {
    let mut out = Response::new(Body::Text(response.body.clone()));
    *out.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    out.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(protocol::CONTENT_TYPE),
    );
    out
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
