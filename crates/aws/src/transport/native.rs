//! The native transport: reqwest over rustls, a tokio sleep and the system clock.

use std::time::{Duration, SystemTime};

use crate::{Clock, Error, HttpRequest, HttpResponse, NetworkErrorKind, Sleep, Transport};

/// Sends requests with reqwest (rustls, no OpenSSL).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport whose requests time out after `timeout`.
    pub fn new(timeout: Duration) -> Result<Self, Error> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::network(NetworkErrorKind::Other, e))?;
        Ok(Self { client })
    }
}

impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let method = reqwest::Method::from_bytes(request.method.as_bytes())
            .map_err(|e| Error::invalid("method", e.to_string()))?;
        let mut builder = self.client.request(method, &request.url);
        for (name, value) in &request.headers {
            // reqwest sets these from the URL and the body, to the same values that were signed.
            if !name.eq_ignore_ascii_case("host") && !name.eq_ignore_ascii_case("content-length") {
                builder = builder.header(name, value);
            }
        }
        let response = builder
            .body(request.body)
            .send()
            .await
            .map_err(network_error)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response.bytes().await.map_err(network_error)?.to_vec();
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn network_error(e: reqwest::Error) -> Error {
    let kind = if e.is_timeout() {
        NetworkErrorKind::Timeout
    } else if e.is_connect() {
        NetworkErrorKind::Unreachable
    } else {
        NetworkErrorKind::Other
    };
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::network(kind, message)
}

/// Sleeps on the tokio runtime.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioSleep;

impl Sleep for TokioSleep {
    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

/// The machine's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// The native client: reqwest, tokio and the system clock.
pub type NativeClient = crate::Client<ReqwestTransport, TokioSleep, SystemClock>;

impl NativeClient {
    /// A native client with a 60-second request timeout.
    pub fn native(config: crate::ClientConfig) -> Result<Self, Error> {
        Ok(crate::Client::new(
            config,
            ReqwestTransport::new(Duration::from_secs(60))?,
            TokioSleep,
            SystemClock,
        ))
    }
}
