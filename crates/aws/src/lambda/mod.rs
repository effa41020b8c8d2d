//! AWS Lambda (restJson1): the bridge function, its public function URL and the resource-policy
//! statements that let the URL invoke it.
//!
//! Environment variable values can be secrets (the Firehose access key the bridge checks):
//! [`Variables`] prints only their names in `Debug`.

mod function;
mod url;
mod url_config;

pub use function::{
    CodeLocation, CreateFunction, DeleteFunction, GetFunction, GetFunctionOutput, ListFunctions,
    ListFunctionsOutput,
};
pub use url::{
    AddPermission, AddPermissionOutput, Cors, CreateFunctionUrlConfig,
    CreateFunctionUrlConfigOutput,
};
pub use url_config::GetFunctionUrlConfig;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{validate, Error};

/// The runtime a Rust bootstrap binary runs on.
pub const RUNTIME_PROVIDED_AL2023: &str = "provided.al2023";

/// Function environment variables. `Debug` shows the names, never the values.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Variables(pub BTreeMap<String, String>);

impl fmt::Debug for Variables {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|k| (k, format_args!("<redacted>"))))
            .finish()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Variables {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// `Environment` in a function's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Environment {
    #[serde(default)]
    pub variables: Variables,
}

/// A function's configuration, as CreateFunction, GetFunction and ListFunctions describe it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionConfiguration {
    #[serde(default)]
    pub function_name: String,
    #[serde(default)]
    pub function_arn: String,
    #[serde(default)]
    pub runtime: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub handler: Option<String>,
    #[serde(default)]
    pub code_size: Option<u64>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub timeout: Option<u32>,
    #[serde(default)]
    pub memory_size: Option<u32>,
    #[serde(default)]
    pub last_modified: Option<String>,
    #[serde(default)]
    pub code_sha256: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub environment: Option<Environment>,
    /// `Pending`, `Active`, `Failed`...
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub state_reason: Option<String>,
    #[serde(default)]
    pub last_update_status: Option<String>,
    #[serde(default)]
    pub architectures: Vec<String>,
    #[serde(default)]
    pub package_type: Option<String>,
    #[serde(default)]
    pub revision_id: Option<String>,
}

/// A function name, or its ARN (optionally qualified), as the path of most calls takes it.
pub fn validate_function_name(field: &str, name: &str) -> Result<(), Error> {
    validate::length(field, name, 1, 140)?;
    let bare = if name.starts_with("arn:") {
        validate::arn(field, name)?;
        name.split(':').nth(6).unwrap_or_default()
    } else {
        name
    };
    validate::length(field, bare, 1, 64)?;
    validate::chars(field, bare, "letters, digits, '-' and '_'", |c| {
        c.is_ascii_alphanumeric() || c == '-' || c == '_'
    })
}

/// `FunctionUrlAuthType`: `NONE` (public, the bridge checks Firehose's access key) or `AWS_IAM`.
pub fn validate_auth_type(field: &str, value: &str) -> Result<(), Error> {
    validate::one_of(field, value, &["NONE", "AWS_IAM"])
}

/// `/2015-03-31/functions/<name>`, the name percent-encoded.
fn function_path(version: &str, name: &str) -> String {
    format!(
        "/{version}/functions/{}",
        crate::protocol::encode_component(name)
    )
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Endpoint, Region, ResolvedEndpoint, Service};

    pub(crate) fn lambda() -> ResolvedEndpoint {
        Endpoint::Aws.resolve(Service::Lambda, &Region::new("us-west-2").expect("region"))
    }

    pub(crate) fn json(r: &crate::HttpRequest) -> serde_json::Value {
        serde_json::from_slice(&r.body).expect("json body")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_redacted_in_debug() {
        let v: Variables = [("TABLE", "events"), ("ACCESS_KEY", "s3cr3t-value")]
            .into_iter()
            .collect();
        let shown = format!(
            "{:?}",
            Environment {
                variables: v.clone()
            }
        );
        assert!(
            shown.contains("ACCESS_KEY") && shown.contains("<redacted>"),
            "{shown}"
        );
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("events"),
            "{shown}"
        );
        assert_eq!(
            serde_json::to_value(&v).expect("json"),
            serde_json::json!({"ACCESS_KEY": "s3cr3t-value", "TABLE": "events"})
        );
    }

    #[test]
    fn function_names_are_names_or_arns() {
        assert!(validate_function_name("FunctionName", "hoseline-bridge_1").is_ok());
        assert!(validate_function_name(
            "FunctionName",
            "arn:aws:lambda:us-west-2:123456789012:function:my-function"
        )
        .is_ok());
        assert_eq!(
            validate_function_name("FunctionName", "my.function")
                .expect_err("refused")
                .to_string(),
            "FunctionName: may contain only letters, digits, '-' and '_' ('.' is not allowed)"
        );
        assert_eq!(
            validate_function_name("FunctionName", &"f".repeat(65))
                .expect_err("refused")
                .to_string(),
            "FunctionName: must be 1 to 64 characters long (it has 65)"
        );
        assert_eq!(
            function_path(
                "2015-03-31",
                "arn:aws:lambda:us-west-2:123456789012:function:f"
            ),
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Afunction%3Af"
        );
    }
}
