//! GetFunctionUrlConfig: a function's URL, read back (to adopt a function made earlier).

use super::url::CreateFunctionUrlConfigOutput;
use super::{function_path, validate_function_name};
use crate::protocol::rest_json;
use crate::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Reads a function's URL configuration (`ResourceNotFoundException` when it has none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetFunctionUrlConfig {
    pub function_name: String,
}

impl Operation for GetFunctionUrlConfig {
    /// The same members as CreateFunctionUrlConfig's answer (plus LastModifiedTime, not kept).
    type Output = CreateFunctionUrlConfigOutput;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "GetFunctionUrlConfig";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let path = format!("{}/url", function_path("2021-10-31", &self.function_name));
        rest_json::request::<()>(endpoint, "GET", &path, None)
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "GetFunctionUrlConfig response")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    // The GetFunctionUrlConfig response syntax of the Lambda API reference.
    #[test]
    fn reads_the_url_back() {
        let op = GetFunctionUrlConfig {
            function_name: "my-function".into(),
        };
        op.validate().expect("valid");
        let r = op.build(&lambda()).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "GET",
                "https://lambda.us-west-2.amazonaws.com/2021-10-31/functions/my-function/url"
            )
        );
        assert!(r.body.is_empty());
        let body = r#"{"AuthType": "NONE", "CreationTime": "2021-10-31T17:16:14.123Z",
            "FunctionArn": "arn:aws:lambda:us-west-2:123456789012:function:my-function",
            "FunctionUrl": "https://abcdefg.lambda-url.us-west-2.on.aws/", "InvokeMode": "BUFFERED",
            "LastModifiedTime": "2021-10-31T17:16:14.123Z"}"#;
        let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
        assert_eq!(
            out.function_url,
            "https://abcdefg.lambda-url.us-west-2.on.aws/"
        );
        assert_eq!(out.auth_type, "NONE");
        assert_eq!(
            GetFunctionUrlConfig::default()
                .validate()
                .expect_err("refused")
                .field(),
            Some("FunctionName")
        );
    }
}
