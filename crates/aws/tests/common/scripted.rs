//! `hoseline_aws::test_support::scripted` (a scripted transport, a sleep that records its waits,
//! a clock that stands still) and the DynamoDB fixtures the retry tests script.

use hoseline_aws::protocol::json;
use hoseline_aws::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

#[allow(unused_imports)]
pub use hoseline_aws::test_support::run;
#[allow(unused_imports)]
pub use hoseline_aws::test_support::scripted::*;

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

pub fn throttled() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#,
    ))
}

pub fn ok() -> Result<HttpResponse, Error> {
    Ok(HttpResponse::new(200, r#"{"TableNames":["demo"]}"#))
}
