//! Runs typed operations through a [`Transport`]: validate, build, sign, send, decode, retry.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime};

use crate::retry::{shift, Jitter, ResponseHints, RetryDecision};
use crate::signing::{presign_url, sign_request};
use crate::{
    protocol, Clock, Credentials, Endpoint, Error, HttpRequest, HttpResponse, Operation, Region,
    ResolvedEndpoint, RetryPolicy, Service, Sleep, Transport,
};

/// Who calls, where, and in which region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientConfig {
    pub credentials: Credentials,
    pub region: Region,
    pub endpoint: Endpoint,
}

/// An AWS client over any transport, sleep and clock.
pub struct Client<T, S, C> {
    config: ClientConfig,
    transport: T,
    sleep: S,
    clock: C,
    retry: RetryPolicy,
    /// Server time minus local time, learnt from a clock-skew error.
    clock_offset_ms: AtomicI64,
    jitter: Jitter,
}

impl<T: Transport, S: Sleep, C: Clock> Client<T, S, C> {
    pub fn new(config: ClientConfig, transport: T, sleep: S, clock: C) -> Self {
        let seed = clock
            .now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Self {
            config,
            transport,
            sleep,
            clock,
            retry: RetryPolicy::default(),
            clock_offset_ms: AtomicI64::new(0),
            jitter: Jitter::seeded(seed),
        }
    }

    #[must_use]
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The injected sleep, for callers that back off on top of the client's own retries.
    pub fn sleeper(&self) -> &S {
        &self.sleep
    }

    /// The injected clock, uncorrected (see [`Client::now`] for the signing time).
    pub fn clock(&self) -> &C {
        &self.clock
    }

    /// The clock offset learnt from clock-skew errors, in milliseconds.
    pub fn clock_offset_ms(&self) -> i64 {
        self.clock_offset_ms.load(Ordering::Relaxed)
    }

    /// The local clock corrected by the learnt offset: the time requests are signed with.
    pub fn now(&self) -> SystemTime {
        shift(self.clock.now(), self.clock_offset_ms())
    }

    pub fn endpoint(&self, service: Service) -> ResolvedEndpoint {
        self.config.endpoint.resolve(service, &self.config.region)
    }

    /// Validates, builds, signs and sends `operation`, retrying per the policy, and decodes the answer.
    pub async fn send<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        operation.validate()?;
        let endpoint = self.endpoint(O::SERVICE);
        let request = operation.build(&endpoint)?;
        let response = self.send_request(&endpoint, request).await?;
        operation.parse(response)
    }

    /// Signs and sends a built request with retries; a non-2xx answer becomes an [`Error`].
    pub async fn send_request(
        &self,
        endpoint: &ResolvedEndpoint,
        request: HttpRequest,
    ) -> Result<HttpResponse, Error> {
        let mut attempt = 1;
        let mut clock_corrected = false;
        loop {
            let mut signed = request.clone();
            sign_request(&mut signed, endpoint, &self.config.credentials, self.now())?;
            let (error, hints) = match self.transport.send(signed).await {
                Ok(response) if response.is_success() => return Ok(response),
                Ok(response) => {
                    let error = protocol::decode_error(endpoint.service.protocol(), &response);
                    let hints = ResponseHints::of(&response, &error);
                    (error, hints)
                }
                Err(error) => (error, ResponseHints::default()),
            };
            let decision = self.retry.decide(
                &error,
                attempt,
                clock_corrected,
                hints,
                self.clock.now(),
                self.jitter.next(),
            );
            match decision {
                RetryDecision::GiveUp => return Err(error),
                RetryDecision::CorrectClock { offset_ms } => {
                    self.clock_offset_ms.store(offset_ms, Ordering::Relaxed);
                    clock_corrected = true;
                }
                RetryDecision::RetryAfter(delay) => {
                    self.sleep.sleep(delay).await;
                    attempt += 1;
                }
            }
        }
    }

    /// A presigned URL for a built request (S3 GetObject links).
    pub fn presign(
        &self,
        endpoint: &ResolvedEndpoint,
        request: &HttpRequest,
        expires_in: Duration,
    ) -> Result<String, Error> {
        presign_url(
            request,
            endpoint,
            &self.config.credentials,
            self.now(),
            expires_in,
        )
    }
}
