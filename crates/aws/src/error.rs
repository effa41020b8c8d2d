//! The crate's one error type. Whatever AWS said is kept: HTTP status, error code, message and
//! request id; a body that could not be decoded is kept by its start, so a wrong endpoint (an HTML
//! page, garbage) reads as what it is.

use std::fmt;

/// How many characters of an undecodable body an error keeps.
pub const BODY_START_CHARS: usize = 200;

/// Why a request never got an HTTP response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkErrorKind {
    /// Nothing answered at that address (refused, DNS, TLS, offline).
    Unreachable,
    /// The server answered, but the browser withheld the response: its CORS rules do not allow this page.
    Cors,
    /// No answer in time.
    Timeout,
    /// Anything else the transport reported.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Input refused before any request was sent.
    #[error("{field}: {rule}")]
    InvalidInput { field: String, rule: String },
    /// AWS (or the emulator) answered with an error.
    #[error("{code}: {message}{}", fmt_request_id(.request_id))]
    Service {
        status: u16,
        code: String,
        message: String,
        request_id: Option<String>,
    },
    /// The request got no HTTP response.
    #[error("{}: {message}", network_label(*.kind))]
    Network {
        kind: NetworkErrorKind,
        message: String,
    },
    /// A response came, but not in the shape the protocol promises.
    #[error(
        "could not decode the {what} (HTTP {status}): {reason}; the body starts: {body_start}"
    )]
    Decode {
        status: u16,
        what: String,
        reason: String,
        body_start: String,
        request_id: Option<String>,
    },
    /// Signing failed (bad credentials shape, unsignable request).
    #[error("signing failed: {0}")]
    Signing(String),
}

fn fmt_request_id(id: &Option<String>) -> String {
    id.as_ref()
        .map(|id| format!(" (request id {id})"))
        .unwrap_or_default()
}

fn network_label(kind: NetworkErrorKind) -> &'static str {
    match kind {
        NetworkErrorKind::Unreachable => "endpoint unreachable",
        NetworkErrorKind::Cors => "blocked by CORS",
        NetworkErrorKind::Timeout => "timed out",
        NetworkErrorKind::Other => "network error",
    }
}

impl Error {
    pub fn invalid(field: impl Into<String>, rule: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            rule: rule.into(),
        }
    }

    pub fn network(kind: NetworkErrorKind, message: impl fmt::Display) -> Self {
        Self::Network {
            kind,
            message: message.to_string(),
        }
    }

    /// A decode error keeping the start of the body it could not read.
    pub fn decode(
        what: impl Into<String>,
        reason: impl fmt::Display,
        status: u16,
        body: &[u8],
        request_id: Option<String>,
    ) -> Self {
        Self::Decode {
            status,
            what: what.into(),
            reason: reason.to_string(),
            body_start: body_start(body),
            request_id,
        }
    }

    /// The AWS error code, or this crate's own code for errors that never reached AWS.
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidInput { .. } => "InvalidInput",
            Self::Service { code, .. } => code,
            Self::Network {
                kind: NetworkErrorKind::Cors,
                ..
            } => "CorsBlocked",
            Self::Network {
                kind: NetworkErrorKind::Timeout,
                ..
            } => "Timeout",
            Self::Network { .. } => "NetworkError",
            Self::Decode { .. } => "DecodeError",
            Self::Signing(_) => "SigningError",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::Service { message, .. } => message.clone(),
            Self::InvalidInput { field, rule } => format!("{field}: {rule}"),
            Self::Network { message, .. } => message.clone(),
            Self::Decode { .. } | Self::Signing(_) => self.to_string(),
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Service { status, .. } | Self::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Service { request_id, .. } | Self::Decode { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The field an input error names, for showing the message beside it.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// The first [`BODY_START_CHARS`] characters of a body, lossily decoded.
pub fn body_start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut start: String = text.chars().take(BODY_START_CHARS).collect();
    if text.chars().nth(BODY_START_CHARS).is_some() {
        start.push('…');
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_errors_keep_code_message_and_request_id() {
        let e = Error::Service {
            status: 400,
            code: "ResourceNotFoundException".into(),
            message: "Requested resource not found".into(),
            request_id: Some("R1".into()),
        };
        assert_eq!(e.code(), "ResourceNotFoundException");
        assert_eq!(e.request_id(), Some("R1"));
        assert_eq!(e.status(), Some(400));
        assert_eq!(
            e.to_string(),
            "ResourceNotFoundException: Requested resource not found (request id R1)"
        );
    }

    #[test]
    fn decode_errors_keep_the_start_of_a_long_body() {
        let body = format!("<html>{}</html>", "x".repeat(1000));
        let e = Error::decode(
            "DynamoDB response",
            "expected JSON",
            200,
            body.as_bytes(),
            None,
        );
        let Error::Decode { body_start, .. } = &e else {
            panic!("not a decode error")
        };
        assert!(body_start.starts_with("<html>"));
        assert_eq!(body_start.chars().count(), BODY_START_CHARS + 1);
    }

    #[test]
    fn the_error_is_send_and_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
    }
}
