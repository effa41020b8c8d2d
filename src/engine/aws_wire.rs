//! The AWS reads the page asks the worker for (so the page links no AWS client): the connection
//! and the call on the way in, the answer as JSON or the error on the way out.
//!
//! Requests travel with serde's derive (the worker decodes them); the error comes back through
//! [`WireError`], written with serde's derive and read by hand in the page ([`read_error`]).

use hoseline_aws::{ClientConfig, Credentials, Endpoint, Error, NetworkErrorKind, Region};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::protocol::WireCredentials;

/// The connection a read goes through (credentials, region, endpoint).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireConnection {
    pub credentials: WireCredentials,
    pub region: String,
    /// `None` is AWS; otherwise the emulator's base URL.
    #[serde(default)]
    pub endpoint: Option<String>,
}

impl From<&ClientConfig> for WireConnection {
    fn from(config: &ClientConfig) -> Self {
        Self {
            credentials: (&config.credentials).into(),
            region: config.region.as_str().to_owned(),
            endpoint: match &config.endpoint {
                Endpoint::Aws => None,
                Endpoint::Custom(url) => Some(url.clone()),
            },
        }
    }
}

impl WireConnection {
    /// The client's configuration again (the worker's side).
    pub fn config(&self) -> Result<ClientConfig, Error> {
        let c = &self.credentials;
        Ok(ClientConfig {
            credentials: Credentials::new(
                &c.access_key_id,
                &c.secret_access_key,
                c.session_token.as_deref(),
            )?,
            region: Region::new(&self.region)?,
            endpoint: Endpoint::parse(self.endpoint.as_deref().unwrap_or_default())?,
        })
    }
}

/// One read: what the connection test and the pipelines page ask AWS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "call", rename_all = "camelCase")]
pub enum AwsCall {
    /// STS GetCallerIdentity: `{account, arn}`.
    Identity,
    /// One service check (by its [`crate::connection::checks::ServiceCheck`] test id): `null`.
    Check { service: String },
    /// A page of Firehose streams, each described: `{list, described: [{ok}|{error}]}`.
    StreamsPage { cursor: Option<String> },
    /// A page of DynamoDB tables: ListTables' answer.
    TablesPage { cursor: Option<String> },
    /// A stream and the table its URL names: `{stream, table: null|{ok}|{error}}`.
    Pipeline { stream: String },
}

/// An [`Error`] on its way back to the page, every field describe_error shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum WireError {
    #[serde(rename_all = "camelCase")]
    InvalidInput { field: String, rule: String },
    #[serde(rename_all = "camelCase")]
    Service {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
    },
    /// `network` is `unreachable`, `cors`, `timeout` or `other`.
    #[serde(rename_all = "camelCase")]
    Network { network: String, message: String },
    #[serde(rename_all = "camelCase")]
    Decode {
        status: u16,
        what: String,
        reason: String,
        body_start: String,
        request_id: Option<String>,
    },
    #[serde(rename_all = "camelCase")]
    Signing { message: String },
}

const NETWORK_KINDS: [(NetworkErrorKind, &str); 4] = [
    (NetworkErrorKind::Unreachable, "unreachable"),
    (NetworkErrorKind::Cors, "cors"),
    (NetworkErrorKind::Timeout, "timeout"),
    (NetworkErrorKind::Other, "other"),
];

impl From<&Error> for WireError {
    fn from(error: &Error) -> Self {
        match error.clone() {
            Error::InvalidInput { field, rule } => Self::InvalidInput { field, rule },
            Error::Service {
                status,
                code,
                message,
                request_id,
            } => Self::Service {
                status,
                code,
                message,
                request_id,
            },
            Error::Network { kind, message } => Self::Network {
                network: NETWORK_KINDS
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or("other", |(_, name)| name)
                    .to_owned(),
                message,
            },
            Error::Decode {
                status,
                what,
                reason,
                body_start,
                request_id,
            } => Self::Decode {
                status,
                what,
                reason,
                body_start,
                request_id,
            },
            Error::Signing(message) => Self::Signing { message },
        }
    }
}

impl From<WireError> for Error {
    fn from(wire: WireError) -> Self {
        match wire {
            WireError::InvalidInput { field, rule } => Error::InvalidInput { field, rule },
            WireError::Service {
                status,
                code,
                message,
                request_id,
            } => Error::Service {
                status,
                code,
                message,
                request_id,
            },
            WireError::Network { network, message } => Error::Network {
                kind: NETWORK_KINDS
                    .iter()
                    .find(|(_, name)| *name == network)
                    .map_or(NetworkErrorKind::Other, |(kind, _)| *kind),
                message,
            },
            WireError::Decode {
                status,
                what,
                reason,
                body_start,
                request_id,
            } => Error::Decode {
                status,
                what,
                reason,
                body_start,
                request_id,
            },
            WireError::Signing { message } => Error::Signing(message),
        }
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn status(v: &Value) -> u16 {
    v.get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or_default()
}

fn request_id(v: &Value) -> Option<String> {
    v.get("requestId")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// The page's reader of a [`WireError`] (`None`: not one).
pub fn read_error(v: &Value) -> Option<WireError> {
    Some(match v.get("kind")?.as_str()? {
        "invalidInput" => WireError::InvalidInput {
            field: text(v, "field"),
            rule: text(v, "rule"),
        },
        "service" => WireError::Service {
            status: status(v),
            code: text(v, "code"),
            message: text(v, "message"),
            request_id: request_id(v),
        },
        "network" => WireError::Network {
            network: text(v, "network"),
            message: text(v, "message"),
        },
        "decode" => WireError::Decode {
            status: status(v),
            what: text(v, "what"),
            reason: text(v, "reason"),
            body_start: text(v, "bodyStart"),
            request_id: request_id(v),
        },
        "signing" => WireError::Signing {
            message: text(v, "message"),
        },
        _ => return None,
    })
}

/// One of several reads inside an answer: `{ok: answer}` or `{error: WireError}`.
pub fn result_value(result: Result<Value, Error>) -> Value {
    match result {
        Ok(answer) => serde_json::json!({ "ok": answer }),
        Err(error) => serde_json::json!({ "error": WireError::from(&error) }),
    }
}

/// The page's reader of [`result_value`].
pub fn read_result(v: &Value) -> Result<Value, Error> {
    if let Some(answer) = v.get("ok") {
        return Ok(answer.clone());
    }
    match v.get("error").and_then(read_error) {
        Some(wire) => Err(wire.into()),
        None => Err(unreadable(v)),
    }
}

/// An answer the page could not read.
pub fn unreadable(v: &Value) -> Error {
    let text = v.to_string();
    Error::decode(
        "engine's answer",
        "not in the shape the page reads",
        0,
        text.as_bytes(),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors() -> Vec<Error> {
        vec![
            Error::invalid("region", "is not a region"),
            Error::Service {
                status: 403,
                code: "AccessDeniedException".into(),
                message: "not authorized".into(),
                request_id: Some("R-1".into()),
            },
            Error::Service {
                status: 400,
                code: "ValidationException".into(),
                message: "bad".into(),
                request_id: None,
            },
            Error::network(NetworkErrorKind::Unreachable, "refused"),
            Error::network(NetworkErrorKind::Cors, "blocked"),
            Error::network(NetworkErrorKind::Timeout, "slow"),
            Error::network(NetworkErrorKind::Other, "odd"),
            Error::decode(
                "STS response",
                "expected XML",
                200,
                b"<html>",
                Some("R".into()),
            ),
            Error::Signing("bad key".into()),
        ]
    }

    #[test]
    fn every_error_comes_back_the_same() {
        for error in errors() {
            let value = result_value(Err(error.clone()));
            let text = serde_json::to_string(&value).unwrap_or_default();
            let back: Value = serde_json::from_str(&text).unwrap_or_default();
            assert_eq!(read_result(&back), Err(error), "{text}");
        }
    }

    #[test]
    fn an_answer_comes_back_and_nonsense_says_so() {
        let answer = serde_json::json!({ "TableNames": ["a"] });
        assert_eq!(read_result(&result_value(Ok(answer.clone()))), Ok(answer));
        let odd = serde_json::json!({ "error": { "kind": "nonsense" } });
        assert_eq!(
            read_result(&odd).map_err(|e| e.code().to_owned()),
            Err("DecodeError".into())
        );
    }

    #[test]
    fn a_connection_round_trips_and_hides_its_secret() {
        let config = ClientConfig {
            credentials: Credentials::new(
                "AKIDEXAMPLE0000000",
                "wJalrXUtnFEMIsecretKEYEXAMPLE0000000000",
                Some("tok"),
            )
            .expect("credentials"),
            region: Region::new("eu-west-1").expect("region"),
            endpoint: Endpoint::parse("http://127.0.0.1:4566").expect("endpoint"),
        };
        let wire = WireConnection::from(&config);
        let back = wire.config().expect("config");
        assert_eq!(WireConnection::from(&back), wire);
        assert_eq!(back.endpoint, config.endpoint);
        let debug = format!("{wire:?}");
        assert!(
            !debug.contains("wJalr") && !debug.contains("tok\""),
            "{debug}"
        );
        let aws = ClientConfig {
            endpoint: Endpoint::Aws,
            ..config
        };
        assert_eq!(WireConnection::from(&aws).endpoint, None);
    }
}
