//! Why apply or teardown stopped. AWS's answers are kept whole ([`hoseline_aws::Error`]: status,
//! code, message, request id); a conflict lists each setting that differs, existing vs wanted.

use std::fmt;

use crate::plan::{Fact, Resource};

/// One setting of an existing resource that is not what the spec asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// What differs, named as people know it (`partition key`, `billing mode`, `endpoint URL`).
    pub setting: String,
    pub existing: String,
    pub wanted: String,
}

impl Difference {
    pub fn new(
        setting: impl Into<String>,
        existing: impl Into<String>,
        wanted: impl Into<String>,
    ) -> Self {
        Self {
            setting: setting.into(),
            existing: existing.into(),
            wanted: wanted.into(),
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: it has {}, the spec wants {}",
            self.setting, self.existing, self.wanted
        )
    }
}

fn list(differences: &[Difference]) -> String {
    differences
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApplyError {
    /// The progress record or the client does not fit the spec; nothing was sent.
    #[error("{message}")]
    Setup { message: String },
    /// AWS refused a call. `hint` says what to do (the missing permission after an AccessDenied).
    #[error("step {step}: {operation} failed: {error}{}", .hint.as_ref().map(|h| format!(" ({h})")).unwrap_or_default())]
    Aws {
        step: String,
        operation: &'static str,
        /// Boxed: AWS's error keeps whole bodies' starts, and errors travel by value.
        error: Box<hoseline_aws::Error>,
        hint: Option<String>,
    },
    /// A resource exists and differs from the spec: nothing of it was changed.
    #[error("step {step}: {resource} exists and differs from the spec: {}", list(.differences))]
    Conflict {
        step: String,
        resource: Resource,
        differences: Vec<Difference>,
    },
    /// AWS accepted the call but the resource did not become usable (a stack rolled back, a
    /// stream failed to create).
    #[error("step {step}: {message}")]
    Failed { step: String, message: String },
    /// Still not ready after waiting this long.
    #[error("step {step}: {what} after {waited_seconds} s")]
    Timeout {
        step: String,
        what: String,
        waited_seconds: u64,
    },
    /// A fact the step needs was not given or learnt (the bridge's zip).
    #[error("step {step}: needs {fact}")]
    MissingFact { step: String, fact: Fact },
    /// The observer asked to stop; the progress record holds what was done.
    #[error("stopped after step {after}")]
    Stopped { after: String },
}

impl ApplyError {
    /// The step it stopped at, if any.
    pub fn step(&self) -> Option<&str> {
        match self {
            Self::Setup { .. } => None,
            Self::Aws { step, .. }
            | Self::Conflict { step, .. }
            | Self::Failed { step, .. }
            | Self::Timeout { step, .. }
            | Self::MissingFact { step, .. } => Some(step),
            Self::Stopped { after } => Some(after),
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DestroyError {
    /// The progress record or the client does not fit the spec; nothing was sent.
    #[error("{message}")]
    Setup { message: String },
    /// The identity check failed: nothing was deleted.
    #[error("GetCallerIdentity failed: {0}")]
    Identity(Box<hoseline_aws::Error>),
    /// The observer asked to stop.
    #[error("stopped at {at}")]
    Stopped { at: Resource },
}
