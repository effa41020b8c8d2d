//! The page's transport: `fetch` through gloo-net, a gloo-timers sleep and the JS clock.
//!
//! The browser sets `Host` and `Content-Length` itself (and forbids a page to), so they are
//! signed but not set. A failed fetch says nothing about why; the transport then probes the
//! origin with a `no-cors` request: if that gets through, the server is up and the browser
//! withheld the answer (CORS); if not, the endpoint is unreachable.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, RequestMode};

use crate::{Clock, Error, HttpRequest, HttpResponse, NetworkErrorKind, Sleep, Transport};

/// How long one request may take before it is abandoned.
const TIMEOUT_MS: u32 = 60_000;

#[derive(Clone, Copy, Debug, Default)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let signal = AbortSignal::timeout_with_u32(TIMEOUT_MS);
        let built = build(&request, &signal)
            .map_err(|e| Error::network(NetworkErrorKind::Other, describe(&e)))?;
        let response = match Request::from(built).send().await {
            Ok(r) => r,
            Err(e) => {
                return Err(explain_failure(&request.url, &e.to_string(), signal.aborted()).await)
            }
        };
        let status = response.status();
        let headers = response.headers().entries().collect();
        let body = response
            .binary()
            .await
            .map_err(|e| Error::network(NetworkErrorKind::Other, e))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The fetch request, its URL exactly as signed. (gloo-net's RequestBuilder appends a `&` to a
/// URL that already has a query, which changes the canonical query and breaks the signature.)
fn build(request: &HttpRequest, signal: &AbortSignal) -> Result<web_sys::Request, JsValue> {
    let headers = web_sys::Headers::new()?;
    for (name, value) in &request.headers {
        if !name.eq_ignore_ascii_case("host") && !name.eq_ignore_ascii_case("content-length") {
            headers.append(name, value)?;
        }
    }
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    init.set_headers(&headers);
    init.set_signal(Some(signal));
    if !request.body.is_empty() {
        init.set_body(&js_sys::Uint8Array::from(request.body.as_slice()));
    }
    web_sys::Request::new_with_str_and_init(&request.url, &init)
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// Tells a CORS refusal from an unreachable endpoint (fetch reports both as a TypeError).
async fn explain_failure(url: &str, message: &str, timed_out: bool) -> Error {
    if timed_out {
        return Error::network(
            NetworkErrorKind::Timeout,
            format!("no answer from {url} within {} s", TIMEOUT_MS / 1000),
        );
    }
    let origin = origin_of(url);
    let probe = RequestBuilder::new(&origin)
        .mode(RequestMode::NoCors)
        .build();
    let reachable = match probe {
        Ok(p) => p.send().await.is_ok(),
        Err(_) => false,
    };
    if reachable {
        Error::network(
            NetworkErrorKind::Cors,
            format!("{origin} answered, but the browser withheld the response ({message}): the endpoint does not allow this page's origin (CORS)"),
        )
    } else {
        Error::network(
            NetworkErrorKind::Unreachable,
            format!("nothing answered at {origin} ({message})"),
        )
    }
}

fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let host = rest.split(['/', '?']).next().unwrap_or(rest);
    format!("{scheme}://{host}/")
}

#[derive(Clone, Copy, Debug, Default)]
pub struct TimeoutSleep;

impl Sleep for TimeoutSleep {
    async fn sleep(&self, duration: Duration) {
        gloo_timers::future::sleep(duration).await;
    }
}

/// `Date.now()`: the page's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(js_sys::Date::now() as u64)
    }
}

/// The page's client.
pub type BrowserClient = crate::Client<FetchTransport, TimeoutSleep, BrowserClock>;

impl BrowserClient {
    pub fn browser(config: crate::ClientConfig) -> Self {
        crate::Client::new(config, FetchTransport, TimeoutSleep, BrowserClock)
    }
}
