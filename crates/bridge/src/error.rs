//! The crate's one error type. What AWS said (code, message, request id) is kept, as is the
//! protocol status a bad delivery request earns.

use crate::protocol::ProtocolError;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A setting is missing or invalid: start-up stops with the variable and the rule.
    #[error("{variable}: {rule}")]
    Config { variable: String, rule: String },
    /// The delivery request broke the Firehose protocol (400 or 401).
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    /// An AWS call failed; `context` says which and why it was made.
    #[error("{context}: {source}")]
    Aws {
        context: String,
        /// Boxed: the AWS error is large, and this one travels in every `Result`.
        source: Box<hoseline_aws::Error>,
    },
    /// The table's key schema cannot be mapped to.
    #[error("{0}")]
    Mapping(String),
    /// Writes still failing when the delivery's time budget ran out.
    #[error("{0}")]
    Delivery(String),
}

impl Error {
    pub(crate) fn config(variable: &str, rule: impl Into<String>) -> Self {
        Self::Config {
            variable: variable.to_owned(),
            rule: rule.into(),
        }
    }

    pub(crate) fn aws(context: impl Into<String>, source: hoseline_aws::Error) -> Self {
        Self::Aws {
            context: context.into(),
            source: Box::new(source),
        }
    }

    /// The AWS error code, or the bridge's own code for errors that never reached AWS.
    pub fn code(&self) -> &str {
        match self {
            Self::Config { .. } => "Bridge.Config",
            Self::Protocol(e) => e.code(),
            Self::Aws { source, .. } => source.code(),
            Self::Mapping(_) => "Bridge.KeySchema",
            Self::Delivery(_) => "Bridge.WriteFailed",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::Aws { source, .. } => source.message(),
            Self::Protocol(e) => e.message.clone(),
            _ => self.to_string(),
        }
    }

    /// The request id AWS gave the failed call, or the delivery's for a protocol error.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Aws { source, .. } => source.request_id(),
            Self::Protocol(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    /// The variable a configuration error names.
    pub fn variable(&self) -> Option<&str> {
        match self {
            Self::Config { variable, .. } => Some(variable),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_is_send_and_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
    }

    #[test]
    fn aws_errors_keep_code_message_and_request_id() {
        let e = Error::aws(
            "DescribeTable orders",
            hoseline_aws::Error::Service {
                status: 400,
                code: "ResourceNotFoundException".into(),
                message: "Requested resource not found".into(),
                request_id: Some("R1".into()),
            },
        );
        assert_eq!(e.code(), "ResourceNotFoundException");
        assert_eq!(e.message(), "Requested resource not found");
        assert_eq!(e.request_id(), Some("R1"));
        assert!(e.to_string().starts_with("DescribeTable orders: "), "{e}");
    }
}
