//! The local server: the bridge over plain HTTP/1.1 (hyper) on a tokio listener, beside the local
//! emulator. `hoseline bridge serve` runs it; the end-to-end tests start it in-process.
//!
//! Routes:
//! - `POST /tables/{name}?rejects={bucket}&rejectPrefix=...&generateKey=...`: a Firehose delivery
//!   into the table `name` (percent-decoded, 3-255 characters of `[A-Za-z0-9_.-]`), its rejects
//!   to the S3 bucket `bucket` (percent-decoded, an S3 bucket name; without it,
//!   `HOSELINE_REJECT_BUCKET`), mapped with the options the query names ([`delivery_query`]:
//!   the reject prefix, and the mapping options as a whole; without them, the configured ones).
//!   Pipelines made in the console choose their own tables, buckets and options, so one local
//!   bridge serves them all, each as its Lambda would on AWS. An unknown or bad query parameter is a 400
//!   naming it (a misspelt one would change what happens to the records unnoticed).
//! - `POST /`: a delivery into `HOSELINE_TABLE`, when it is set (as the Lambda does); 404
//!   otherwise. It takes the same query.
//! - A delivery with records to reject and no bucket named (neither `?rejects=` nor
//!   `HOSELINE_REJECT_BUCKET`) writes its good records and answers 500 saying so: Firehose retries,
//!   then backs the batch up to its own S3 bucket.
//! - `GET /health`: 200 `{"status":"ok",...}`.
//! - anything else: 404 or 405, with a JSON `errorMessage`.
//!
//! Every answer is `Content-Type: application/json` without a Content-Encoding, as Firehose wants.
//!
//! Limits, so that no client can stall it: the access key is checked from the headers, before
//! the body is read (401 at once); a body over [`MAX_REQUEST_BYTES`] gets 400 before it is read
//! to the end (never 413: Firehose takes a 413 as permanent and does not even back the batch up
//! to S3); a body that has not fully arrived after [`ServerOptions::body_timeout`] gets 400 (see
//! [`DEFAULT_BODY_TIMEOUT`]); at most [`ServerOptions::max_connections`] connections are served
//! at once, further ones wait in the listen queue. One line a delivery goes to stderr (request id,
//! records, status, time); never a header value or a key.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hoseline_aws::transport::native::{ReqwestTransport, SystemClock, TokioSleep};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::protocol::{self, DeliveryResponse, ProtocolError, CONTENT_TYPE as JSON};
use crate::{Bridge, Delivery, Destination};

mod query;
mod routes;

pub use query::{delivery_query, DeliveryQuery};
pub use routes::{route, table_name, Route};

/// The bridge the local server runs: reqwest, tokio and the system clock.
pub type NativeBridge = Bridge<ReqwestTransport, TokioSleep, SystemClock>;

/// Request bodies above this get 400: Firehose's 64 MiB plus room for the JSON around the records.
pub const MAX_REQUEST_BYTES: usize = protocol::MAX_BODY_BYTES + 1024 * 1024;

/// How long a client may take to send its request headers.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a client may take to send a request body, once its headers are in: Firehose's buffer
/// is at most 64 MiB (5 MB by default), sent from AWS's network. A body still incomplete after
/// this is answered 400, not 500: the request is at fault, not the bridge (and Firehose retries
/// anything but a 200 or a 413 alike, then backs the batch up to S3).
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(60);
/// Connections served at once; more wait in the listen queue. Each may hold a body of up to
/// [`MAX_REQUEST_BYTES`] in memory, and Firehose sends a stream's batches one or a few at a time.
pub const DEFAULT_MAX_CONNECTIONS: usize = 64;

/// The server's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// Connections served at once (at least 1).
    pub max_connections: usize,
    /// How long a request body may take to arrive.
    pub body_timeout: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            max_connections: DEFAULT_MAX_CONNECTIONS,
            body_timeout: DEFAULT_BODY_TIMEOUT,
        }
    }
}
/// How long a stop waits for deliveries in flight before it drops them (Firehose retries them).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves `bridge` on `listener` with the default [`ServerOptions`] until `shutdown` completes,
/// then waits up to 10 s for the deliveries in flight.
pub async fn serve(
    listener: TcpListener,
    bridge: Arc<NativeBridge>,
    shutdown: impl Future<Output = ()>,
) {
    serve_with(listener, bridge, ServerOptions::default(), shutdown).await;
}

/// [`serve`] with these limits. Errors of single connections are logged, never fatal.
pub async fn serve_with(
    listener: TcpListener,
    bridge: Arc<NativeBridge>,
    options: ServerOptions,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
    tokio::pin!(shutdown);
    loop {
        // A free slot first: at the limit, connections wait in the listen queue.
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let bridge = Arc::clone(&bridge);
                    let service = service_fn(move |request| {
                        let bridge = Arc::clone(&bridge);
                        async move {
                            Ok::<_, Infallible>(answer(&bridge, &options, request, peer).await)
                        }
                    });
                    let connection = http1::Builder::new()
                        .timer(TokioTimer::new())
                        .header_read_timeout(HEADER_READ_TIMEOUT)
                        .serve_connection(TokioIo::new(stream), service);
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        if let Err(e) = connection.await {
                            if !e.is_incomplete_message() {
                                eprintln!("hoseline bridge: connection from {peer}: {e}");
                            }
                        }
                        drop(slot);
                    });
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    eprintln!("hoseline bridge: accept: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            eprintln!("hoseline bridge: deliveries still running after {SHUTDOWN_GRACE:?}; stopping anyway (Firehose retries them)");
        }
    }
}

async fn answer(
    bridge: &NativeBridge,
    options: &ServerOptions,
    request: Request<Incoming>,
    peer: SocketAddr,
) -> Response<Full<Bytes>> {
    let started = Instant::now();
    let path = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    let default_table = bridge.config().table.clone();
    let (table, query) = match route(request.method(), &path, default_table.as_deref()) {
        Route::Deliver { table, query } => (table, query),
        Route::Health => return health(bridge),
        Route::Reject {
            status,
            message,
            allow,
        } => {
            let mut response = json(&DeliveryResponse::error(status, "", now_ms(), &message));
            if let Some(allow) = allow {
                response
                    .headers_mut()
                    .insert(ALLOW, HeaderValue::from_static(allow));
            }
            return response;
        }
    };

    let declared_too_big = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|n| n > MAX_REQUEST_BYTES as u64);
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let request_id = protocol::header(&headers, protocol::HEADER_REQUEST_ID)
        .unwrap_or_default()
        .to_owned();
    let too_large = || {
        let e = ProtocolError::too_large(
            format!(
                "the request body is larger than {MAX_REQUEST_BYTES} bytes: lower the stream's \
                 buffer size"
            ),
            None,
        );
        DeliveryResponse::error(e.status, &request_id, now_ms(), &e.message)
    };

    // The key from the headers alone: a client without it never gets to send a body.
    let unauthorized = bridge
        .config()
        .access_key
        .as_ref()
        .and_then(|key| protocol::authorize(&headers, key).err());
    let body = Limited::new(request.into_body(), MAX_REQUEST_BYTES).collect();
    let response = if let Some(e) = unauthorized {
        DeliveryResponse::error(e.status, &request_id, now_ms(), &e.message)
    } else if declared_too_big {
        too_large()
    } else {
        match tokio::time::timeout(options.body_timeout, body).await {
            Ok(Ok(collected)) => {
                let body = collected.to_bytes();
                let to = Destination {
                    table: &table,
                    reject_bucket: query.rejects.as_deref(),
                    reject_prefix: query.reject_prefix.as_deref(),
                    mapping: query.mapping.as_ref(),
                };
                let delivery = bridge.handle_delivery(to, &headers, &body).await;
                log_delivery(&table, Some(peer), &delivery, started.elapsed());
                return json(&delivery.response);
            }
            Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => too_large(),
            Ok(Err(e)) => DeliveryResponse::error(
                400,
                &request_id,
                now_ms(),
                &format!("the request body could not be read: {e}"),
            ),
            Err(_) => DeliveryResponse::error(
                400,
                &request_id,
                now_ms(),
                &format!(
                    "the request body did not arrive within {} s of its headers",
                    options.body_timeout.as_secs_f64()
                ),
            ),
        }
    };
    let delivery = Delivery {
        request_id,
        report: None,
        response,
    };
    log_delivery(&table, Some(peer), &delivery, started.elapsed());
    json(&delivery.response)
}

fn health(bridge: &NativeBridge) -> Response<Full<Bytes>> {
    let config = bridge.config();
    let body = serde_json::json!({
        "status": "ok",
        "table": config.table,
        "accessKeyRequired": config.access_key.is_some(),
        "defaultRejectBucket": config.reject_bucket,
    });
    json(&DeliveryResponse {
        status: 200,
        body: body.to_string(),
    })
}

/// One line to stderr: what came in and how it was answered; never a header value or a key. The
/// message of a failure is cut short.
pub fn log_delivery(table: &str, peer: Option<SocketAddr>, delivery: &Delivery, took: Duration) {
    let id = match delivery.request_id.as_str() {
        "" => "-",
        id => id,
    };
    let mut line = format!("hoseline bridge: delivery table={table} request={id}");
    if let Some(peer) = peer {
        line.push_str(&format!(" from={peer}"));
    }
    if let Some(r) = &delivery.report {
        line.push_str(&format!(
            " records={} written={} duplicates={} rejected={} refused={}",
            r.records, r.items_written, r.duplicates, r.rejected, r.refused
        ));
    }
    line.push_str(&format!(
        " status={} ms={}",
        delivery.response.status,
        took.as_millis()
    ));
    if delivery.response.status != 200 {
        let message = serde_json::from_str::<serde_json::Value>(&delivery.response.body)
            .ok()
            .and_then(|v| v.get("errorMessage")?.as_str().map(str::to_owned))
            .unwrap_or_default();
        line.push_str(&format!(
            " error={:?}",
            protocol::truncate_chars(&message, 300)
        ));
    }
    eprintln!("{line}");
}

fn json(response: &DeliveryResponse) -> Response<Full<Bytes>> {
    let mut out = Response::new(Full::new(Bytes::from(response.body.clone())));
    *out.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    out.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
    out
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_json_without_content_encoding() {
        let r = json(&DeliveryResponse::error(404, "", 1, "nothing here"));
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            r.headers().get(CONTENT_TYPE).map(HeaderValue::as_bytes),
            Some(&b"application/json"[..])
        );
        assert!(r.headers().get("content-encoding").is_none());
    }
}
