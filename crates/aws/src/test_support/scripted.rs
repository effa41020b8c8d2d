//! A scripted transport for what moto does not emulate (throttling, a skewed clock, failures
//! midway): the answers are fixtures shaped as AWS sends them, and the client runs on a clock
//! that stands still and a sleep that only records its waits.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use super::{demo_config, UtcTime};
use crate::{
    Client, Clock, Endpoint, Error, HttpRequest, HttpResponse, NetworkErrorKind, RetryPolicy,
    Sleep, Transport,
};

/// Answers with the scripted responses in order and records what it was sent.
#[derive(Default)]
pub struct Scripted {
    pub answers: RefCell<VecDeque<Result<HttpResponse, Error>>>,
    pub sent: RefCell<Vec<HttpRequest>>,
}

impl Scripted {
    pub fn new(answers: Vec<Result<HttpResponse, Error>>) -> Self {
        Self {
            answers: RefCell::new(answers.into()),
            sent: RefCell::default(),
        }
    }
}

impl Transport for Scripted {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        self.sent.borrow_mut().push(request);
        self.answers
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| Err(Error::network(NetworkErrorKind::Other, "script ran out")))
    }
}

/// Records the waits instead of waiting.
#[derive(Default)]
pub struct RecordedSleep(pub RefCell<Vec<Duration>>);

impl Sleep for &RecordedSleep {
    async fn sleep(&self, duration: Duration) {
        self.0.borrow_mut().push(duration);
    }
}

/// A clock that stands still at a chosen time.
pub struct FixedClock(pub Cell<SystemTime>);

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0.get()
    }
}

/// The local clock of every scripted client.
pub const T0: u64 = 1_790_000_000; // 2026-09-21

pub type ScriptedClient<'a, T = Scripted> = Client<T, &'a RecordedSleep, FixedClock>;

/// A client at [`T0`] with the client's default retry policy (the SDKs' standard mode).
pub fn default_client<T: Transport>(transport: T, sleep: &RecordedSleep) -> ScriptedClient<'_, T> {
    let clock = FixedClock(Cell::new(SystemTime::UNIX_EPOCH + Duration::from_secs(T0)));
    Client::new(
        demo_config("us-east-1", Endpoint::Aws),
        transport,
        sleep,
        clock,
    )
}

/// A client at [`T0`] with small waits: 4 attempts, 100 ms base, 2 s cap.
pub fn client(transport: Scripted, sleep: &RecordedSleep) -> ScriptedClient<'_> {
    default_client(transport, sleep).with_retry_policy(RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    })
}

/// `YYYYMMDDTHHMMSSZ`, as in `x-amz-date`.
pub fn format_amz_date(t: SystemTime) -> String {
    let u = UtcTime::of(t);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        u.year, u.month, u.day, u.hour, u.minute, u.second
    )
}
