//! One apply run: the client, the spec, the progress record and the observer, with the helpers
//! every step uses (report, send, back off, retry a role not yet usable).

use std::ops::ControlFlow;
use std::time::{Duration, SystemTime};

use hoseline_aws::{Client, Clock, Error, Operation, Sleep, Transport};

use super::error::ApplyError;
use super::events::{StepEvent, StepState};
use super::failure::{access_denied, passing, permission_hint};
use super::progress::Progress;
use crate::plan::{Call, Step};
use crate::spec::PipelineSpec;

pub(crate) struct Run<'a, T, S, C, F> {
    pub(crate) client: &'a Client<T, S, C>,
    pub(crate) spec: &'a PipelineSpec,
    pub(crate) progress: &'a mut Progress,
    pub(crate) observer: &'a mut F,
    pub(crate) bridge_zip: Option<&'a [u8]>,
}

impl<T, S, C, F> Run<'_, T, S, C, F>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    /// Reports a step's new state; the observer may ask to stop.
    pub(crate) fn emit(&mut self, step_id: &str, state: StepState) -> Result<(), ApplyError> {
        let event = StepEvent {
            step_id: step_id.to_owned(),
            state,
        };
        match (self.observer)(&event, self.progress) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(ApplyError::Stopped {
                after: step_id.to_owned(),
            }),
        }
    }

    pub(crate) async fn call<O: Operation>(&self, op: &O) -> Result<O::Output, Error> {
        self.client.send(op).await
    }

    pub(crate) async fn sleep(&self, duration: Duration) {
        self.client.sleeper().sleep(duration).await;
    }

    pub(crate) fn now(&self) -> SystemTime {
        self.client.clock().now()
    }

    /// Seconds since `start` on the injected clock.
    pub(crate) fn since(&self, start: SystemTime) -> Duration {
        self.now().duration_since(start).unwrap_or_default()
    }

    /// Sends a step's call; a refusal that passes on its own ([`passing`]: a role IAM has not
    /// spread yet, backups not yet on for a new table) is retried with backoff (2 s, 4 s, 8 s,
    /// then every 10 s) while it is worth it, each retry reported. The outer error is the
    /// observer asking to stop.
    pub(crate) async fn send_retrying<O: Operation>(
        &mut self,
        step: &Step,
        op: &O,
    ) -> Result<Result<O::Output, Error>, ApplyError> {
        let start = self.now();
        let mut delay = Duration::from_secs(2);
        let mut attempt = 1;
        loop {
            let result = self.call(op).await;
            let retry = match &result {
                Err(e) => passing(e, &step.call).filter(|(_, limit)| self.since(start) < *limit),
                Ok(_) => None,
            };
            let (Some((reason, _)), Err(e)) = (retry, &result) else {
                return Ok(result);
            };
            attempt += 1;
            let why = format!("{reason}: {}; again in {} s", e.message(), delay.as_secs());
            self.emit(step.id, StepState::Retrying { why, attempt })?;
            self.sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(10));
        }
    }
}

/// The error of a failed call, with the missing permission named after an AccessDenied.
pub(crate) fn aws_error(step: &Step, call: &Call, error: Error) -> ApplyError {
    let hint = access_denied(&error).then(|| permission_hint(&error, call));
    ApplyError::Aws {
        step: step.id.to_owned(),
        operation: call.operation(),
        error: Box::new(error),
        hint,
    }
}

/// Polling backoff: 1 s doubling to at most 5 s (Firehose's control plane takes 5 requests/s).
pub(crate) struct Backoff {
    next: Duration,
}

impl Backoff {
    pub(crate) fn new() -> Self {
        Self {
            next: Duration::from_secs(1),
        }
    }

    pub(crate) fn next_delay(&mut self) -> Duration {
        let now = self.next;
        self.next = (self.next * 2).min(Duration::from_secs(5));
        now
    }
}
