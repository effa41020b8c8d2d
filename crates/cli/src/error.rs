//! The CLI's one error type: what went wrong, and the exit status it means. Bad input (a spec
//! that breaks a rule, a flag with a wrong value) exits 2 with nothing sent; a failed AWS call or
//! an unfinished apply or destroy exits 1.

use hoseline_aws::Error as AwsError;
use hoseline_pipeline::spec::SpecError;

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// An AWS call failed (or the input of one was refused before it was sent).
    #[error("{0}")]
    Aws(#[from] AwsError),
    /// The spec file cannot be read or breaks rules: one problem a line.
    #[error("{file}: {error}")]
    Spec { file: String, error: SpecError },
    /// A flag or file the user gave is wrong.
    #[error("{what} {rule}")]
    Usage { what: String, rule: String },
    /// The command ran but did not reach its goal (apply incomplete, destroy left resources).
    #[error("{0}")]
    Incomplete(String),
}

impl CliError {
    pub(crate) fn usage(what: impl Into<String>, rule: impl Into<String>) -> Self {
        Self::Usage {
            what: what.into(),
            rule: rule.into(),
        }
    }

    /// 2 for bad input (nothing was sent), 1 otherwise.
    pub(crate) fn exit_status(&self) -> u8 {
        match self {
            CliError::Aws(AwsError::InvalidInput { .. })
            | CliError::Spec { .. }
            | CliError::Usage { .. } => 2,
            CliError::Aws(_) | CliError::Incomplete(_) => 1,
        }
    }

    /// What stderr shows: the AWS code and message (and HTTP status), or one line a problem.
    pub(crate) fn report(&self) -> String {
        match self {
            CliError::Aws(error) => match error {
                AwsError::InvalidInput { .. } | AwsError::Network { .. } => {
                    format!("error: {error}")
                }
                AwsError::Service { status, .. } => format!("error: {error} [HTTP {status}]"),
                _ => format!("error: {}: {error}", error.code()),
            },
            CliError::Spec { file, error } => {
                let mut lines = vec![format!(
                    "error: {file}: {} problem{} (nothing was sent):",
                    error.problems.len(),
                    if error.problems.len() == 1 { "" } else { "s" }
                )];
                lines.extend(error.problems.iter().map(|p| format!("  {p}")));
                lines.join("\n")
            }
            CliError::Usage { what, rule } => format!("error: {what} {rule}"),
            CliError::Incomplete(message) => format!("error: {message}"),
        }
    }
}
