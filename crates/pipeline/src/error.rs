//! The crate's one error type, for configuration problems (a table whose key schema cannot be
//! used, mapping options that contradict it). A record that cannot be mapped is not an error of
//! the program but a verdict on the record: see [`crate::mapping::RecordError`].

/// A configuration problem: a short machine-readable code and a message for people.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct Error {
    /// What kind of problem, e.g. `InvalidKeySchema`, `InvalidMappingOptions`.
    pub code: String,
    /// What is wrong and which setting or field it concerns.
    pub message: String,
}

impl Error {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }
}
