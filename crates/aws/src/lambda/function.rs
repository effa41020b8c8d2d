//! CreateFunction, GetFunction, DeleteFunction and ListFunctions.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::{function_path, validate_function_name, Environment, FunctionConfiguration, Variables};
use crate::protocol::{encode_query, rest_json};
use crate::{validate, Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// The runtimes the Lambda model lists.
const RUNTIMES: &[&str] = &[
    "nodejs",
    "nodejs4.3",
    "nodejs6.10",
    "nodejs8.10",
    "nodejs10.x",
    "nodejs12.x",
    "nodejs14.x",
    "nodejs16.x",
    "nodejs18.x",
    "nodejs20.x",
    "nodejs22.x",
    "nodejs24.x",
    "nodejs26.x",
    "java8",
    "java8.al2",
    "java11",
    "java17",
    "java21",
    "java25",
    "java8.al2023",
    "java11.al2023",
    "java17.al2023",
    "python2.7",
    "python3.6",
    "python3.7",
    "python3.8",
    "python3.9",
    "python3.10",
    "python3.11",
    "python3.12",
    "python3.13",
    "python3.14",
    "python3.15",
    "dotnetcore1.0",
    "dotnetcore2.0",
    "dotnetcore2.1",
    "dotnetcore3.1",
    "dotnet6",
    "dotnet8",
    "dotnet10",
    "nodejs4.3-edge",
    "go1.x",
    "ruby2.5",
    "ruby2.7",
    "ruby3.2",
    "ruby3.3",
    "ruby3.4",
    "ruby4.0",
    "provided",
    "provided.al2",
    "provided.al2023",
    "custom",
];

/// A zip deployed directly may be at most 50 MB.
const MAX_ZIP_BYTES: usize = 50 * 1024 * 1024;

/// Creates a function from a zip (for the bridge: a `bootstrap` binary on `provided.al2023`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CreateFunction {
    pub function_name: String,
    /// One of the model's runtimes, e.g. [`super::RUNTIME_PROVIDED_AL2023`].
    pub runtime: String,
    /// The execution role's ARN.
    pub role: String,
    /// At most 128 characters, no whitespace (`bootstrap` for a custom runtime).
    pub handler: String,
    /// The deployment package, sent base64-encoded as `Code.ZipFile`.
    pub zip_file: Vec<u8>,
    /// Empty (x86_64) or exactly one of `x86_64`, `arm64`.
    pub architectures: Vec<String>,
    /// 128 to 32,768 MB.
    pub memory_size: Option<u32>,
    /// 1 to 5,400 seconds (the model's bound; ordinary functions stop at 900).
    pub timeout: Option<u32>,
    pub environment: Variables,
    /// At most 256 characters.
    pub description: Option<String>,
    /// At most 50 tags (key 1-128 characters, value up to 256).
    pub tags: BTreeMap<String, String>,
}

impl fmt::Debug for CreateFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateFunction")
            .field("function_name", &self.function_name)
            .field("runtime", &self.runtime)
            .field("role", &self.role)
            .field("handler", &self.handler)
            .field("zip_file", &format_args!("{} bytes", self.zip_file.len()))
            .field("architectures", &self.architectures)
            .field("memory_size", &self.memory_size)
            .field("timeout", &self.timeout)
            .field("environment", &self.environment)
            .field("description", &self.description)
            .field("tags", &self.tags)
            .finish()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateFunctionBody<'a> {
    function_name: &'a str,
    runtime: &'a str,
    role: &'a str,
    handler: &'a str,
    code: Code,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    architectures: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    memory_size: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeout: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    environment: Option<Environment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    tags: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Code {
    zip_file: String,
}

impl Operation for CreateFunction {
    type Output = FunctionConfiguration;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "CreateFunction";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)?;
        validate::one_of("Runtime", &self.runtime, RUNTIMES)?;
        validate::arn("Role", &self.role)?;
        if !self.role.contains(":iam::") || !self.role.contains(":role/") {
            return Err(Error::invalid(
                "Role",
                "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
            ));
        }
        validate::length("Handler", &self.handler, 1, 128)?;
        validate::chars("Handler", &self.handler, "non-whitespace characters", |c| {
            !c.is_whitespace()
        })?;
        if self.zip_file.is_empty() {
            return Err(Error::invalid("Code.ZipFile", "is required"));
        }
        if self.zip_file.len() > MAX_ZIP_BYTES {
            return Err(Error::invalid(
                "Code.ZipFile",
                "must be at most 50 MB; larger packages go through S3",
            ));
        }
        if !self.architectures.is_empty() {
            validate::count("Architectures", &self.architectures, 1, 1)?;
            validate::one_of(
                "Architectures",
                &self.architectures[0],
                &["x86_64", "arm64"],
            )?;
        }
        if let Some(m) = self.memory_size {
            validate::range("MemorySize", m, 128, 32_768)?;
        }
        if let Some(t) = self.timeout {
            validate::range("Timeout", t, 1, 5_400)?;
        }
        validate::opt_length("Description", self.description.as_deref(), 0, 256)?;
        if self.tags.len() > 50 {
            return Err(Error::invalid(
                "Tags",
                format!("must have at most 50 entries (it has {})", self.tags.len()),
            ));
        }
        for (key, value) in &self.tags {
            validate::length("Tags.Key", key, 1, 128)?;
            validate::length("Tags.Value", value, 0, 256)?;
        }
        validate_variables(&self.environment)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let body = CreateFunctionBody {
            function_name: &self.function_name,
            runtime: &self.runtime,
            role: &self.role,
            handler: &self.handler,
            code: Code {
                zip_file: base64::engine::general_purpose::STANDARD.encode(&self.zip_file),
            },
            architectures: &self.architectures,
            memory_size: self.memory_size,
            timeout: self.timeout,
            environment: (!self.environment.0.is_empty()).then(|| Environment {
                variables: self.environment.clone(),
            }),
            description: self.description.as_deref(),
            tags: &self.tags,
        };
        rest_json::request(endpoint, "POST", "/2015-03-31/functions", Some(&body))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "CreateFunction response")
    }
}

/// Names `[a-zA-Z][a-zA-Z0-9_]+`, everything together at most 4 KB.
fn validate_variables(vars: &Variables) -> Result<(), Error> {
    const FIELD: &str = "Environment.Variables";
    let mut size = 0;
    for (name, value) in &vars.0 {
        let shaped = name.len() >= 2
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !shaped {
            return Err(Error::invalid(
                FIELD,
                format!("name {name:?} must be a letter then at least one letter, digit or '_'"),
            ));
        }
        size += name.len() + value.len();
    }
    if size > 4096 {
        return Err(Error::invalid(
            FIELD,
            format!("must total at most 4 KB (names and values have {size} bytes)"),
        ));
    }
    Ok(())
}

/// Reads a function's configuration and code location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetFunction {
    pub function_name: String,
}

/// Where the deployed code can be downloaded (a presigned URL).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeLocation {
    #[serde(default)]
    pub repository_type: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
}

/// What GetFunction answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetFunctionOutput {
    #[serde(default)]
    pub configuration: FunctionConfiguration,
    #[serde(default)]
    pub code: Option<CodeLocation>,
    #[serde(default)]
    pub tags: Option<BTreeMap<String, String>>,
}

impl Operation for GetFunction {
    type Output = GetFunctionOutput;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "GetFunction";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let path = function_path("2015-03-31", &self.function_name);
        rest_json::request::<()>(endpoint, "GET", &path, None)
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "GetFunction response")
    }
}

/// Deletes a function (all its versions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteFunction {
    pub function_name: String,
}

impl Operation for DeleteFunction {
    type Output = ();
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "DeleteFunction";

    fn validate(&self) -> Result<(), Error> {
        validate_function_name("FunctionName", &self.function_name)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let path = function_path("2015-03-31", &self.function_name);
        rest_json::request::<()>(endpoint, "DELETE", &path, None)
    }

    fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
        Ok(())
    }
}

/// Lists functions; with a small `max_items` the console uses it as a cheap reachability check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFunctions {
    /// 1 to 10,000 (Lambda returns at most 50 a page).
    pub max_items: Option<u32>,
    pub marker: Option<String>,
}

/// What ListFunctions answers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListFunctionsOutput {
    #[serde(default)]
    pub functions: Vec<FunctionConfiguration>,
    #[serde(default)]
    pub next_marker: Option<String>,
}

impl Operation for ListFunctions {
    type Output = ListFunctionsOutput;
    const SERVICE: Service = Service::Lambda;
    const NAME: &'static str = "ListFunctions";

    fn validate(&self) -> Result<(), Error> {
        if let Some(n) = self.max_items {
            validate::range("MaxItems", n, 1, 10_000)?;
        }
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let q: Vec<(String, String)> = [
            ("Marker", self.marker.clone()),
            ("MaxItems", self.max_items.map(|n| n.to_string())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
        let path = if q.is_empty() {
            "/2015-03-31/functions".to_owned()
        } else {
            format!("/2015-03-31/functions?{}", encode_query(&q))
        };
        rest_json::request::<()>(endpoint, "GET", &path, None)
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        rest_json::parse(&response, "ListFunctions response")
    }
}

#[cfg(test)]
#[path = "function_tests.rs"]
mod tests;
