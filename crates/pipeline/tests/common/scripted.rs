//! A scripted AWS for the engine's tests: each request is named by its AWS operation and
//! answered by a handler (fixtures shaped as AWS sends them, from the API references), and time
//! is fake: sleeping moves the clock at once, so a minute of backoff takes no time.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, SystemTime};

use hoseline_aws::test_support::demo_config;
use hoseline_aws::{
    Client, Clock, Endpoint, Error, HttpRequest, HttpResponse, RetryPolicy, Sleep, Transport,
};

pub const ACCOUNT: &str = "123456789012";

/// One request the engine sent.
#[derive(Clone, Debug)]
pub struct Call {
    /// The AWS operation (`CreateTable`, `PutBucketCors`, `GetFunction`...).
    pub operation: String,
    pub body: String,
    pub request: HttpRequest,
}

impl Call {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

type Handler = Box<dyn Fn(&Call, usize) -> Option<HttpResponse>>;

/// Answers through `handler(call, n)` (n counts that operation's calls from 0); `None` falls
/// back to [`healthy`].
pub struct Fake {
    handler: Handler,
    pub calls: RefCell<Vec<Call>>,
    counts: RefCell<HashMap<String, usize>>,
}

/// The operation a request is, from its target, its `Action`, or its method and path.
fn operation(r: &HttpRequest) -> String {
    if let Some(target) = r.get_header("x-amz-target") {
        return target.rsplit('.').next().unwrap_or(target).to_owned();
    }
    let body = String::from_utf8_lossy(&r.body);
    if let Some(action) = body.strip_prefix("Action=") {
        return action.split('&').next().unwrap_or_default().to_owned();
    }
    let path = r.url.splitn(4, '/').nth(3).unwrap_or_default();
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    if path.starts_with("2015-03-31") || path.starts_with("2021-10-31") {
        let parts: Vec<&str> = path.split('/').collect();
        return match (r.method, parts.len(), parts.last().copied()) {
            ("POST", 2, _) => "CreateFunction",
            ("GET", 3, _) => "GetFunction",
            ("DELETE", 3, _) => "DeleteFunction",
            ("POST", _, Some("url")) => "CreateFunctionUrlConfig",
            ("GET", _, Some("url")) => "GetFunctionUrlConfig",
            ("POST", _, Some("policy")) => "AddPermission",
            _ => "Lambda?",
        }
        .to_owned();
    }
    let sub = query.split(['=', '&']).next().unwrap_or_default();
    match (r.method, sub) {
        ("PUT", "") => "CreateBucket",
        ("DELETE", "") => "DeleteBucket",
        ("PUT", "tagging") => "PutBucketTagging",
        ("GET", "tagging") => "GetBucketTagging",
        ("PUT", "cors") => "PutBucketCors",
        ("PUT", "lifecycle") => "PutBucketLifecycleConfiguration",
        ("GET", "location") => "GetBucketLocation",
        ("GET", "list-type") => "ListObjectsV2",
        ("POST", "delete") => "DeleteObjects",
        _ => "S3?",
    }
    .to_owned()
}

impl Fake {
    pub fn new(handler: impl Fn(&Call, usize) -> Option<HttpResponse> + 'static) -> Self {
        Self {
            handler: Box::new(handler),
            calls: RefCell::default(),
            counts: RefCell::default(),
        }
    }

    pub fn healthy() -> Self {
        Self::new(|_, _| None)
    }

    /// How many calls of `operation` were made.
    pub fn count(&self, operation: &str) -> usize {
        self.counts.borrow().get(operation).copied().unwrap_or(0)
    }

    /// The operations, in the order they were called.
    pub fn operations(&self) -> Vec<String> {
        self.calls
            .borrow()
            .iter()
            .map(|c| c.operation.clone())
            .collect()
    }

    pub fn calls_of(&self, operation: &str) -> Vec<Call> {
        self.calls
            .borrow()
            .iter()
            .filter(|c| c.operation == operation)
            .cloned()
            .collect()
    }
}

impl Transport for Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, Error> {
        let call = Call {
            operation: operation(&request),
            body: String::from_utf8_lossy(&request.body).into_owned(),
            request,
        };
        let n = {
            let mut counts = self.counts.borrow_mut();
            let n = counts.entry(call.operation.clone()).or_insert(0);
            *n += 1;
            *n - 1
        };
        let answer = (self.handler)(&call, n).unwrap_or_else(|| healthy(&call));
        self.calls.borrow_mut().push(call);
        Ok(answer)
    }
}

/// Fake time: sleeping moves the clock.
#[derive(Clone)]
pub struct FakeTime {
    now: Rc<Cell<SystemTime>>,
    pub slept: Rc<RefCell<Vec<Duration>>>,
}

impl FakeTime {
    pub fn new() -> Self {
        Self {
            now: Rc::new(Cell::new(
                SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000),
            )),
            slept: Rc::default(),
        }
    }

    pub fn total_slept(&self) -> Duration {
        self.slept.borrow().iter().sum()
    }
}

impl Sleep for FakeTime {
    async fn sleep(&self, duration: Duration) {
        self.slept.borrow_mut().push(duration);
        self.now.set(self.now.get() + duration);
    }
}

impl Clock for FakeTime {
    fn now(&self) -> SystemTime {
        self.now.get()
    }
}

/// A client of the fake AWS in `region`, with no retries of its own (every error reaches the
/// engine).
pub fn client(fake: Fake, region: &str) -> (Client<Fake, FakeTime, FakeTime>, FakeTime) {
    let time = FakeTime::new();
    let config = demo_config(
        region,
        Endpoint::parse("http://127.0.0.1:4566").expect("endpoint"),
    );
    let client =
        Client::new(config, fake, time.clone(), time.clone()).with_retry_policy(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        });
    (client, time)
}

pub fn json(status: u16, body: serde_json::Value) -> HttpResponse {
    HttpResponse::new(status, body.to_string()).with_header("x-amzn-requestid", "REQ-JSON")
}

/// An awsJson error (`__type` and `message`).
pub fn json_error(code: &str, message: &str) -> HttpResponse {
    json(400, serde_json::json!({"__type": code, "message": message}))
}

/// An awsQuery answer `<ActionResponse><ActionResult>inner</ActionResult>...`.
pub fn query(action: &str, inner: &str) -> HttpResponse {
    HttpResponse::new(
        200,
        format!(
            "<{action}Response><{action}Result>{inner}</{action}Result>\
             <ResponseMetadata><RequestId>REQ-QUERY</RequestId></ResponseMetadata></{action}Response>"
        ),
    )
}

/// An awsQuery / S3 error document.
pub fn xml_error(status: u16, code: &str, message: &str) -> HttpResponse {
    HttpResponse::new(
        status,
        format!(
            "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>\
             <RequestId>REQ-ERR</RequestId></ErrorResponse>"
        ),
    )
}

/// A table description in `status`, keyed as the spec's default (TICKER_SYMBOL + EVENT_ID).
pub fn table(name: &str, status: &str) -> serde_json::Value {
    serde_json::json!({
        "TableName": name,
        "TableArn": format!("arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/{name}"),
        "TableStatus": status,
        "KeySchema": [{"AttributeName": "TICKER_SYMBOL", "KeyType": "HASH"},
                      {"AttributeName": "EVENT_ID", "KeyType": "RANGE"}],
        "AttributeDefinitions": [{"AttributeName": "TICKER_SYMBOL", "AttributeType": "S"},
                                 {"AttributeName": "EVENT_ID", "AttributeType": "S"}],
        "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"}
    })
}

fn name_in(call: &Call, member: &str) -> String {
    call.json()[member].as_str().unwrap_or("x").to_owned()
}

/// The answers of an AWS where every call succeeds and everything is ACTIVE at once.
pub fn healthy(call: &Call) -> HttpResponse {
    match call.operation.as_str() {
        "GetCallerIdentity" => query(
            "GetCallerIdentity",
            &format!("<Arn>arn:aws:iam::{ACCOUNT}:user/dev</Arn><UserId>AIDA</UserId><Account>{ACCOUNT}</Account>"),
        ),
        "GetBucketLocation" => xml_error(404, "NoSuchBucket", "The specified bucket does not exist"),
        "CreateBucket" | "PutBucketTagging" | "PutBucketCors"
        | "PutBucketLifecycleConfiguration" => HttpResponse::new(200, ""),
        "CreateTable" => json(200, serde_json::json!({"TableDescription": table(&name_in(call, "TableName"), "ACTIVE")})),
        "DescribeTable" => json(200, serde_json::json!({"Table": table(&name_in(call, "TableName"), "ACTIVE")})),
        "UpdateTimeToLive" => json(200, serde_json::json!({"TimeToLiveSpecification": call.json()["TimeToLiveSpecification"]})),
        "UpdateContinuousBackups" => json(200, serde_json::json!({})),
        "CreateRole" => {
            let name = call.body.split("RoleName=").nth(1).and_then(|r| r.split('&').next()).unwrap_or("r");
            query(
                "CreateRole",
                &format!("<Role><RoleName>{name}</RoleName><Arn>arn:aws:iam::{ACCOUNT}:role/{name}</Arn></Role>"),
            )
        }
        "PutRolePolicy" => HttpResponse::new(200, "<PutRolePolicyResponse><ResponseMetadata/></PutRolePolicyResponse>"),
        "CreateDeliveryStream" => json(200, serde_json::json!({
            "DeliveryStreamARN": format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/{}", name_in(call, "DeliveryStreamName"))
        })),
        "DescribeDeliveryStream" => json(200, serde_json::json!({"DeliveryStreamDescription": {
            "DeliveryStreamName": name_in(call, "DeliveryStreamName"),
            "DeliveryStreamARN": format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/{}", name_in(call, "DeliveryStreamName")),
            "DeliveryStreamStatus": "ACTIVE", "Destinations": [], "HasMoreDestinations": false
        }})),
        "CreateStack" => query("CreateStack", "<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/s/1</StackId>"),
        other => json_error("UnknownOperation", &format!("the scripted AWS does not answer {other}")),
    }
}
