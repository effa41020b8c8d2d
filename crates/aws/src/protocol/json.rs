//! awsJson 1.0 and 1.1: every call is a POST to `/` naming the operation in `X-Amz-Target`.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Error, HttpRequest, HttpResponse, Protocol, ResolvedEndpoint};

/// A POST of `input` as JSON to the service's awsJson endpoint.
pub fn request<T: Serialize>(
    endpoint: &ResolvedEndpoint,
    operation: &str,
    input: &T,
) -> Result<HttpRequest, Error> {
    let info = endpoint.service.info();
    let content_type = match info.protocol {
        Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
        _ => "application/x-amz-json-1.1",
    };
    let body = serde_json::to_vec(input)
        .map_err(|e| Error::invalid(operation, format!("cannot be encoded: {e}")))?;
    Ok(HttpRequest::new("POST", endpoint.url("/"))
        .header("content-type", content_type)
        .header("x-amz-target", format!("{}.{operation}", info.api_target))
        .body(body))
}

/// Decodes a 2xx JSON body (an empty body reads as `{}`).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, what: &str) -> Result<T, Error> {
    let body: &[u8] = if response.body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &response.body
    };
    serde_json::from_slice(body).map_err(|e| {
        Error::decode(
            what,
            e,
            response.status,
            &response.body,
            response.request_id(),
        )
    })
}

/// Implements [`crate::Operation`] for an awsJson input that serializes as the request body and
/// checks itself with a `check()` method.
macro_rules! json_operation {
    ($input:ty, $output:ty, $service:expr, $name:literal) => {
        impl $crate::Operation for $input {
            type Output = $output;
            const SERVICE: $crate::Service = $service;
            const NAME: &'static str = $name;

            fn validate(&self) -> Result<(), $crate::Error> {
                self.check()
            }

            fn build(
                &self,
                endpoint: &$crate::ResolvedEndpoint,
            ) -> Result<$crate::HttpRequest, $crate::Error> {
                $crate::protocol::json::request(endpoint, $name, self)
            }

            fn parse(&self, response: $crate::HttpResponse) -> Result<$output, $crate::Error> {
                $crate::protocol::json::parse(&response, concat!($name, " response"))
            }
        }
    };
}
pub(crate) use json_operation;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Endpoint, Region, Service};

    #[test]
    fn dynamodb_and_firehose_use_their_json_versions_and_targets() {
        let region = Region::new("us-east-1").expect("region");
        let ddb = Endpoint::Aws.resolve(Service::DynamoDb, &region);
        let r = request(&ddb, "ListTables", &serde_json::json!({"Limit": 10})).expect("request");
        assert_eq!(r.url, "https://dynamodb.us-east-1.amazonaws.com/");
        assert_eq!(
            r.get_header("x-amz-target"),
            Some("DynamoDB_20120810.ListTables")
        );
        assert_eq!(
            r.get_header("content-type"),
            Some("application/x-amz-json-1.0")
        );
        assert_eq!(r.body, br#"{"Limit":10}"#);
        let fh = Endpoint::Aws.resolve(Service::Firehose, &region);
        let r = request(&fh, "ListDeliveryStreams", &serde_json::json!({})).expect("request");
        assert_eq!(
            r.get_header("x-amz-target"),
            Some("Firehose_20150804.ListDeliveryStreams")
        );
        assert_eq!(
            r.get_header("content-type"),
            Some("application/x-amz-json-1.1")
        );
    }

    #[test]
    fn an_html_page_is_a_decode_error_with_the_body_start() {
        let resp = HttpResponse::new(
            200,
            "<!DOCTYPE html><html><body>Welcome to nginx</body></html>",
        );
        let e = parse::<serde_json::Value>(&resp, "ListTables response").unwrap_err();
        assert_eq!(e.code(), "DecodeError");
        assert!(e.to_string().contains("<!DOCTYPE html>"), "{e}");
    }
}
