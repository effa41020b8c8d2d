//! CreateFunctionUrlConfig and AddPermission: the bridge's public HTTPS endpoint.

use serde::{Deserialize, Serialize};

use super::{function_path, validate_auth_type, validate_function_name};
use crate::protocol::rest_json;
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// A function URL's CORS settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Cors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_credentials: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_headers: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_methods: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow_origins: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expose_headers: Vec<String>,
    /// 0 to 86,400 seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
}

impl Cors {
    fn validate(&self) -> Result<(), Error> {
        validate::count("Cors.AllowHeaders", &self.allow_headers, 0, 100)?;
        validate::count("Cors.AllowMethods", &self.allow_methods, 0, 6)?;
        validate::count("Cors.AllowOrigins", &self.allow_origins, 0, 100)?;
        validate::count("Cors.ExposeHeaders", &self.expose_headers, 0, 100)?;
        for h in self.allow_headers.iter().chain(&self.expose_headers) {
            validate::length("Cors headers", h, 0, 1024)?;
        }
        for m in &self.allow_methods {
            validate::length("Cors.AllowMethods", m, 1, 6)?;
        }
        for o in &self.allow_origins {
            validate::length("Cors.AllowOrigins", o, 1, 253)?;
        }
        if let Some(age) = self.max_age {
            validate::range("Cors.MaxAge", age, 0, 86_400)?;
        }
        Ok(())
    }
}

/// Gives a function an HTTPS URL (`https://<id>.lambda-url.<region>.on.aws/`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateFunctionUrlConfig {
    pub function_name: String,
    /// `NONE` or `AWS_IAM`.
    pub auth_type: String,
    pub cors: Option<Cors>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct UrlConfigBody<'a> {
    auth_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cors: Option<&'a Cors>,
}

/// What CreateFunctionUrlConfig answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateFunctionUrlConfigOutput {
    pub function_url: String,
    #[serde(default)]
    pub function_arn: String,
    #[serde(default)]
    pub auth_type: String,
    #[serde(default)]
    pub cors: Option<Cors>,
    #[serde(default)]
    pub creation_time: Option<String>,
    #[serde(default)]
    pub invoke_mode: Option<String>,
}

impl Operation for CreateFunctionUrlConfig {
    type Output = CreateFunctionUrlConfigOutput;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "CreateFunctionUrlConfig";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)?;
        validate_auth_type("AuthType", &self.auth_type)?;
        self.cors.as_ref().map_or(Ok(()), Cors::validate)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let path = format!("{}/url", function_path("2021-10-31", &self.function_name));
        let body = UrlConfigBody {
            auth_type: &self.auth_type,
            cors: self.cors.as_ref(),
        };
        rest_json::request(endpoint, "POST", &path, Some(&body))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "CreateFunctionUrlConfig response")
    }
}

/// Adds a statement to a function's resource policy. A public URL (`AuthType` NONE) needs two:
/// `lambda:InvokeFunctionUrl` with `function_url_auth_type` NONE, and `lambda:InvokeFunction`
/// with `invoked_via_function_url`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddPermission {
    pub function_name: String,
    /// 1 to 100 letters, digits, `-` and `_`; unique in the policy.
    pub statement_id: String,
    /// `lambda:InvokeFunctionUrl`, `lambda:InvokeFunction`, `lambda:*`...
    pub action: String,
    /// `*`, an account id or a service principal.
    pub principal: String,
    pub function_url_auth_type: Option<String>,
    pub invoked_via_function_url: Option<bool>,
    pub source_arn: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct AddPermissionBody<'a> {
    statement_id: &'a str,
    action: &'a str,
    principal: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    function_url_auth_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    invoked_via_function_url: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_arn: Option<&'a str>,
}

/// What AddPermission answers: the statement added, as a JSON string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AddPermissionOutput {
    #[serde(default)]
    pub statement: String,
}

impl AddPermissionOutput {
    /// The statement, parsed.
    pub fn statement_json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.statement).ok()
    }
}

impl Operation for AddPermission {
    type Output = AddPermissionOutput;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "AddPermission";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)?;
        validate::length("StatementId", &self.statement_id, 1, 100)?;
        validate::chars(
            "StatementId",
            &self.statement_id,
            "letters, digits, '-' and '_'",
            |c| c.is_ascii_alphanumeric() || c == '-' || c == '_',
        )?;
        let action_ok = self.action == "*"
            || self.action.strip_prefix("lambda:").is_some_and(|a| {
                a == "*" || (!a.is_empty() && a.chars().all(|c| c.is_ascii_alphabetic()))
            });
        if !action_ok {
            return Err(Error::invalid(
                "Action",
                format!(
                    "must be lambda:<Action>, lambda:* or * (it is {:?})",
                    self.action
                ),
            ));
        }
        validate::length("Principal", &self.principal, 1, 2048)?;
        validate::chars(
            "Principal",
            &self.principal,
            "non-whitespace characters",
            |c| !c.is_whitespace(),
        )?;
        if let Some(t) = &self.function_url_auth_type {
            validate_auth_type("FunctionUrlAuthType", t)?;
        }
        if let Some(arn) = &self.source_arn {
            validate::arn("SourceArn", arn)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let path = format!(
            "{}/policy",
            function_path("2015-03-31", &self.function_name)
        );
        let body = AddPermissionBody {
            statement_id: &self.statement_id,
            action: &self.action,
            principal: &self.principal,
            function_url_auth_type: self.function_url_auth_type.as_deref(),
            invoked_via_function_url: self.invoked_via_function_url,
            source_arn: self.source_arn.as_deref(),
        };
        rest_json::request(endpoint, "POST", &path, Some(&body))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "AddPermission response")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn url_config_posts_to_the_2021_path() {
        let op = CreateFunctionUrlConfig {
            function_name: "my-function".into(),
            auth_type: "NONE".into(),
            cors: Some(Cors {
                allow_origins: vec!["https://console.example.com".into()],
                allow_methods: vec!["POST".into()],
                max_age: Some(300),
                ..Default::default()
            }),
        };
        op.validate().expect("valid");
        let r = op.build(&lambda()).expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "POST",
                "https://lambda.us-west-2.amazonaws.com/2021-10-31/functions/my-function/url"
            )
        );
        assert_eq!(
            json(&r),
            serde_json::json!({"AuthType": "NONE", "Cors": {"AllowMethods": ["POST"], "AllowOrigins": ["https://console.example.com"], "MaxAge": 300}})
        );
        let bad = CreateFunctionUrlConfig {
            auth_type: "PUBLIC".into(),
            ..op.clone()
        };
        assert_eq!(
            bad.validate().expect_err("refused").to_string(),
            "AuthType: must be one of NONE, AWS_IAM (it is \"PUBLIC\")"
        );
    }

    // The CreateFunctionUrlConfig response example of the Lambda API reference.
    #[test]
    fn url_config_decodes_the_url() {
        let body = r#"{
    "FunctionUrl": "https://a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.us-east-2.on.aws/",
    "FunctionArn": "arn:aws:lambda:us-east-2:123456789012:function:my-function",
    "AuthType": "AWS_IAM",
    "Cors": {"AllowCredentials": false, "AllowHeaders": [], "AllowMethods": ["*"], "AllowOrigins": ["*"], "ExposeHeaders": [], "MaxAge": 0},
    "CreationTime": "2021-10-31T17:16:14.123Z"
}"#;
        let out = CreateFunctionUrlConfig::default()
            .parse(HttpResponse::new(201, body))
            .expect("decodes");
        assert_eq!(
            out.function_url,
            "https://a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6.lambda-url.us-east-2.on.aws/"
        );
        assert_eq!(out.auth_type, "AWS_IAM");
        assert_eq!(out.cors.expect("cors").allow_origins, vec!["*"]);
    }

    fn public_url_permission() -> AddPermission {
        AddPermission {
            function_name: "my-function".into(),
            statement_id: "FunctionURLAllowPublicAccess".into(),
            action: "lambda:InvokeFunctionUrl".into(),
            principal: "*".into(),
            function_url_auth_type: Some("NONE".into()),
            ..Default::default()
        }
    }

    #[test]
    fn add_permission_posts_the_statement() {
        let op = public_url_permission();
        op.validate().expect("valid");
        let r = op.build(&lambda()).expect("builds");
        assert!(r.url.ends_with("/2015-03-31/functions/my-function/policy"));
        assert_eq!(
            json(&r),
            serde_json::json!({"StatementId": "FunctionURLAllowPublicAccess", "Action": "lambda:InvokeFunctionUrl", "Principal": "*", "FunctionUrlAuthType": "NONE"})
        );
        for (bad, field) in [
            (
                AddPermission {
                    action: "s3:GetObject".into(),
                    ..public_url_permission()
                },
                "Action",
            ),
            (
                AddPermission {
                    statement_id: "a b".into(),
                    ..public_url_permission()
                },
                "StatementId",
            ),
            (
                AddPermission {
                    principal: String::new(),
                    ..public_url_permission()
                },
                "Principal",
            ),
        ] {
            assert_eq!(bad.validate().expect_err("refused").field(), Some(field));
        }
        let invoke = AddPermission {
            statement_id: "FunctionURLInvokeAllowPublicAccess".into(),
            action: "lambda:InvokeFunction".into(),
            function_url_auth_type: None,
            invoked_via_function_url: Some(true),
            ..public_url_permission()
        };
        assert_eq!(
            json(&invoke.build(&lambda()).expect("builds"))["InvokedViaFunctionUrl"],
            true
        );
    }

    // The AddPermission response example of the Lambda API reference.
    #[test]
    fn add_permission_decodes_the_statement() {
        let body = r#"{"Statement": "{\"Sid\":\"xaccount\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-2:123456789012:function:my-function\"}"}"#;
        let out = public_url_permission()
            .parse(HttpResponse::new(201, body))
            .expect("decodes");
        assert_eq!(out.statement_json().expect("json")["Sid"], "xaccount");
    }
}
