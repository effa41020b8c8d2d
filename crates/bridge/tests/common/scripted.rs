//! A scripted AWS for the delivery tests: DynamoDB and S3 answers come from a handler (fixtures
//! shaped as AWS sends them), and time is fake: sleeping moves the clock, so a 90-second budget
//! runs out in microseconds.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hoseline_aws::test_support::demo_config;
use hoseline_aws::{
    Client, Clock, Endpoint, Error, HttpRequest, HttpResponse, RetryPolicy, Sleep, Transport,
};
use hoseline_bridge::{Bridge, BridgeConfig};

/// The AWS documentation's example request id and timestamp
/// (https://docs.aws.amazon.com/firehose/latest/dev/httpdeliveryrequestresponse.html).
pub const DOC_REQUEST_ID: &str = "ed4acda5-034f-9f42-bba1-f29aea6d7d8f";
pub const DOC_TIMESTAMP: u64 = 1_578_090_901_599;
pub const ACCESS_KEY: &str = "my-access-key";
/// Where the fake clock starts: 2026-09-21T14:13:20Z.
pub const T0_MS: u64 = 1_790_000_000_000;

/// One call the bridge made.
pub struct Call {
    /// `DescribeTable`, `BatchWriteItem`... or `S3 PUT`.
    pub operation: String,
    pub json: serde_json::Value,
    pub request: HttpRequest,
}

impl Call {
    /// The items of a BatchWriteItem, every table's put requests in order.
    pub fn items(&self) -> Vec<serde_json::Value> {
        let tables = self.json["RequestItems"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        tables
            .values()
            .flat_map(|w| w.as_array().cloned().unwrap_or_default())
            .map(|w| w["PutRequest"]["Item"].clone())
            .collect()
    }
}

type Handler = Box<dyn Fn(&Call, usize) -> Result<HttpResponse, Error>>;

/// Answers through `handler(call, n)`, n counting the calls of that operation from 0.
pub struct Fake {
    handler: Handler,
    pub calls: RefCell<Vec<Call>>,
    counts: RefCell<HashMap<String, usize>>,
    latency: RefCell<HashMap<String, Duration>>,
}

impl Fake {
    pub fn new(handler: impl Fn(&Call, usize) -> Result<HttpResponse, Error> + 'static) -> Self {
        Self {
            handler: Box::new(handler),
            calls: RefCell::default(),
            counts: RefCell::default(),
            latency: RefCell::default(),
        }
    }

    /// Every call of `operation` takes `latency` (fake time) before its answer.
    pub fn with_latency(self, operation: &str, latency: Duration) -> Self {
        self.latency
            .borrow_mut()
            .insert(operation.to_owned(), latency);
        self
    }

    /// DescribeTable of a table keyed by `pk` (S); every write processed; S3 accepts.
    pub fn healthy() -> Self {
        Self::new(|call, _| Ok(default_answer(call)))
    }

    pub fn count(&self, operation: &str) -> usize {
        self.counts.borrow().get(operation).copied().unwrap_or(0)
    }

    /// The items of every BatchWriteItem sent, per call.
    pub fn batches(&self) -> Vec<Vec<serde_json::Value>> {
        self.calls
            .borrow()
            .iter()
            .filter(|c| c.operation == "BatchWriteItem")
            .map(Call::items)
            .collect()
    }
}

impl Transport for Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let operation = match request.get_header("x-amz-target") {
            Some(target) => target.rsplit('.').next().unwrap_or(target).to_owned(),
            None => format!("S3 {}", request.method),
        };
        let json = serde_json::from_slice(&request.body).unwrap_or(serde_json::Value::Null);
        let call = Call {
            operation,
            json,
            request,
        };
        let n = {
            let mut counts = self.counts.borrow_mut();
            let n = counts.entry(call.operation.clone()).or_insert(0);
            *n += 1;
            *n - 1
        };
        let latency = self.latency.borrow().get(&call.operation).copied();
        if let Some(latency) = latency {
            tokio::time::sleep(latency).await;
        }
        let answer = (self.handler)(&call, n);
        self.calls.borrow_mut().push(call);
        answer
    }
}

/// The answers of a healthy AWS.
pub fn default_answer(call: &Call) -> HttpResponse {
    match call.operation.as_str() {
        "DescribeTable" => describe_table("pk"),
        "BatchWriteItem" => HttpResponse::new(200, r#"{"UnprocessedItems":{}}"#),
        "S3 PUT" => HttpResponse::new(200, "").with_header("ETag", "\"abc\""),
        other => HttpResponse::new(
            400,
            format!(r#"{{"__type":"UnknownOperation","message":"{other}"}}"#),
        ),
    }
}

/// A table keyed by one string attribute.
pub fn describe_table(key: &str) -> HttpResponse {
    describe_table_typed(key, "S")
}

/// A table keyed by one attribute of type `kind` (`S`, `N` or `B`).
pub fn describe_table_typed(key: &str, kind: &str) -> HttpResponse {
    let body = serde_json::json!({"Table": {
        "TableName": "orders",
        "TableStatus": "ACTIVE",
        "KeySchema": [{"AttributeName": key, "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": key, "AttributeType": kind}],
    }});
    HttpResponse::new(200, body.to_string())
}

/// DynamoDB's throttling answer.
pub fn throttled() -> HttpResponse {
    HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded."}"#,
    )
}

/// A BatchWriteItem answer leaving the last `n` writes of the call unprocessed.
pub fn leave_unprocessed(call: &Call, n: usize) -> HttpResponse {
    let tables = call.json["RequestItems"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut unprocessed = serde_json::Map::new();
    for (table, writes) in tables {
        let writes = writes.as_array().cloned().unwrap_or_default();
        let rest: Vec<_> = writes[writes.len().saturating_sub(n)..].to_vec();
        unprocessed.insert(table, serde_json::Value::Array(rest));
    }
    HttpResponse::new(
        200,
        serde_json::json!({ "UnprocessedItems": unprocessed }).to_string(),
    )
}

/// Fake time: tokio's paused clock, which jumps ahead whenever every task waits on a timer, read
/// as wall-clock time from [`T0_MS`]. Sleeps (the client's, the bridge's, the budget's) then
/// race exactly as they would in real time, without waiting.
#[derive(Clone)]
pub struct FakeTime {
    runtime: Rc<tokio::runtime::Runtime>,
    start: tokio::time::Instant,
    /// Every sleep that ran to its end.
    pub slept: Rc<RefCell<Vec<Duration>>>,
}

impl FakeTime {
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("runtime");
        let start = runtime.block_on(async { tokio::time::Instant::now() });
        Self {
            runtime: Rc::new(runtime),
            start,
            slept: Rc::default(),
        }
    }

    /// Runs a future on the paused runtime.
    pub fn run<F: std::future::Future>(&self, f: F) -> F::Output {
        self.runtime.block_on(f)
    }

    pub fn elapsed(&self) -> Duration {
        let _in_runtime = self.runtime.enter();
        tokio::time::Instant::now() - self.start
    }

    pub fn now(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_millis(T0_MS) + self.elapsed()
    }

    pub fn now_ms(&self) -> u64 {
        T0_MS + self.elapsed().as_millis() as u64
    }
}

pub struct FakeClock(pub FakeTime);

impl Clock for FakeClock {
    fn now(&self) -> SystemTime {
        self.0.now()
    }
}

pub struct FakeSleep(pub FakeTime);

impl Sleep for FakeSleep {
    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
        self.0.slept.borrow_mut().push(duration);
    }
}

pub type TestBridge = Bridge<Fake, FakeSleep, FakeClock>;

/// A bridge with access key [`ACCESS_KEY`], reject bucket `rejects`, plus `env` settings.
pub fn bridge(fake: Fake, env: &[(&str, &str)]) -> (TestBridge, FakeTime) {
    let mut vars: HashMap<String, String> = HashMap::from([
        ("HOSELINE_ACCESS_KEY".to_owned(), ACCESS_KEY.to_owned()),
        ("HOSELINE_REJECT_BUCKET".to_owned(), "rejects".to_owned()),
    ]);
    for (k, v) in env {
        vars.insert((*k).to_owned(), (*v).to_owned());
    }
    let config = BridgeConfig::from_env(|k| vars.get(k).cloned(), true).expect("config");
    let time = FakeTime::new();
    let client = Client::new(
        demo_config("us-east-1", Endpoint::Aws),
        fake,
        FakeSleep(time.clone()),
        FakeClock(time.clone()),
    )
    .with_retry_policy(RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
    });
    (Bridge::new(client, config), time)
}

/// Firehose's headers for a delivery, as in the AWS documentation's example.
pub fn headers(request_id: &str, access_key: Option<&str>) -> Vec<(String, String)> {
    let mut h = vec![
        ("Content-Type".to_owned(), "application/json".to_owned()),
        (
            "X-Amz-Firehose-Protocol-Version".to_owned(),
            "1.0".to_owned(),
        ),
        (
            "X-Amz-Firehose-Request-Id".to_owned(),
            request_id.to_owned(),
        ),
        (
            "X-Amz-Firehose-Source-Arn".to_owned(),
            "arn:aws:firehose:us-east-1:123456789012:deliverystream/testStream".to_owned(),
        ),
    ];
    if let Some(key) = access_key {
        h.push(("X-Amz-Firehose-Access-Key".to_owned(), key.to_owned()));
    }
    h
}

/// A delivery body carrying `records`.
pub fn body<R: AsRef<[u8]>>(request_id: &str, timestamp: u64, records: &[R]) -> Vec<u8> {
    let records: Vec<_> = records
        .iter()
        .map(|r| serde_json::json!({ "data": STANDARD.encode(r.as_ref()) }))
        .collect();
    serde_json::json!({ "requestId": request_id, "timestamp": timestamp, "records": records })
        .to_string()
        .into_bytes()
}

/// `n` records `{"pk":"k<i>","n":<i>}`.
pub fn records(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!(r#"{{"pk":"k{i}","n":{i}}}"#))
        .collect()
}

/// A delivery of `records` with Firehose's headers and the access key, as the bridge handles it.
pub fn deliver(
    (bridge, time): &(TestBridge, FakeTime),
    records: &[String],
) -> hoseline_bridge::DeliveryResponse {
    let h = headers(DOC_REQUEST_ID, Some(ACCESS_KEY));
    time.run(bridge.handle("orders", &h, &body(DOC_REQUEST_ID, DOC_TIMESTAMP, records)))
}

/// The string `pk` of each item of a batch.
pub fn pks(batch: &[serde_json::Value]) -> Vec<String> {
    batch
        .iter()
        .map(|item| item["pk"]["S"].as_str().unwrap_or("?").to_owned())
        .collect()
}

/// The response body as JSON.
pub fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).expect("the response body is JSON")
}
