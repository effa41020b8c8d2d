//! A scripted transport for what moto does not emulate (throttling, a skewed clock, failures
//! midway): the answers are fixtures shaped as AWS sends them, and the client runs on a clock
//! that stands still and a sleep that only records its waits.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use hoseline_aws::protocol::json;
use hoseline_aws::{
    Client, ClientConfig, Clock, Credentials, Endpoint, Error, HttpRequest, HttpResponse,
    NetworkErrorKind, Operation, Region, ResolvedEndpoint, RetryPolicy, Service, Sleep, Transport,
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

/// A minimal awsJson operation for the tests.
pub struct ListTables;

impl Operation for ListTables {
    type Output = serde_json::Value;
    const SERVICE: Service = Service::DynamoDb;
    const NAME: &'static str = "ListTables";

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        json::request(endpoint, Self::NAME, &serde_json::json!({}))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        json::parse(&response, "ListTables response")
    }
}

/// The local clock of every scripted client.
pub const T0: u64 = 1_790_000_000; // 2026-09-21

pub type ScriptedClient<'a, T = Scripted> = Client<T, &'a RecordedSleep, FixedClock>;

/// A client at [`T0`] with the client's default retry policy (the SDKs' standard mode).
pub fn default_client<T: Transport>(transport: T, sleep: &RecordedSleep) -> ScriptedClient<'_, T> {
    let config = ClientConfig {
        credentials: Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
        )
        .expect("creds"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::Aws,
    };
    let clock = FixedClock(Cell::new(SystemTime::UNIX_EPOCH + Duration::from_secs(T0)));
    Client::new(config, transport, sleep, clock)
}

/// A client at [`T0`] with small waits: 4 attempts, 100 ms base, 2 s cap.
pub fn client(transport: Scripted, sleep: &RecordedSleep) -> ScriptedClient<'_> {
    default_client(transport, sleep).with_retry_policy(RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    })
}

pub fn throttled() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#,
    ))
}

pub fn ok() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(200, r#"{"TableNames":["demo"]}"#))
}

pub fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

/// `YYYYMMDDTHHMMSSZ`, as in `x-amz-date` (civil-from-days, Howard Hinnant).
pub fn format_amz_date(t: SystemTime) -> String {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("after epoch")
        .as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
