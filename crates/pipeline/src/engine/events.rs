//! What apply and teardown report as they go: one event per change of a step's (or a resource's)
//! state, so the page can show each call as pending, running, waiting, done or failed, and the
//! CLI can print a line each.

use std::fmt;

use crate::plan::Resource;

/// The pseudo-step of the identity check (STS GetCallerIdentity) that precedes every plan.
pub const IDENTITY_STEP: &str = "identity";

/// A step's new state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepEvent {
    /// A plan step's id, or [`IDENTITY_STEP`].
    pub step_id: String,
    pub state: StepState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Planned, not started.
    Pending,
    /// The call is being sent.
    Running { operation: &'static str },
    /// Waiting for AWS to finish (a table or stream CREATING, a stack in progress).
    Waiting { what: String },
    /// A call failed in a way that passes (a role not yet usable everywhere): retried.
    Retrying { why: String, attempt: u32 },
    /// One event of the CloudFormation stack, shown like a call of its own.
    StackEvent {
        logical_id: String,
        resource_type: String,
        status: String,
        reason: Option<String>,
    },
    /// Made or set by this run, or done in an earlier run (`detail` says which).
    Done { detail: String },
    /// It existed and matches the spec: taken as it is.
    Adopted { detail: String },
    /// Not needed (e.g. tagging a bucket this pipeline did not make).
    Skipped { why: String },
    /// The call failed: AWS's code, message and request id, and what to do about it.
    Failed {
        code: String,
        message: String,
        request_id: Option<String>,
        hint: Option<String>,
    },
}

impl fmt::Display for StepEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = &self.step_id;
        match &self.state {
            StepState::Pending => write!(f, "{id}: pending"),
            StepState::Running { operation } => write!(f, "{id}: {operation}..."),
            StepState::Waiting { what } => write!(f, "{id}: waiting: {what}"),
            StepState::Retrying { why, attempt } => {
                write!(f, "{id}: retrying (attempt {attempt}): {why}")
            }
            StepState::StackEvent {
                logical_id,
                resource_type,
                status,
                reason,
            } => {
                write!(f, "{id}:   {logical_id} ({resource_type}) {status}")?;
                match reason {
                    Some(r) if !r.is_empty() => write!(f, ": {r}"),
                    _ => Ok(()),
                }
            }
            StepState::Done { detail } => write!(f, "{id}: done: {detail}"),
            StepState::Adopted { detail } => write!(f, "{id}: adopted: {detail}"),
            StepState::Skipped { why } => write!(f, "{id}: skipped: {why}"),
            StepState::Failed {
                code,
                message,
                request_id,
                hint,
            } => {
                write!(f, "{id}: FAILED: {code}: {message}")?;
                if let Some(r) = request_id {
                    write!(f, " (request id {r})")?;
                }
                if let Some(h) = hint {
                    write!(f, "; {h}")?;
                }
                Ok(())
            }
        }
    }
}

/// A resource's new state during teardown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeardownEvent {
    pub resource: Resource,
    pub state: TeardownState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeardownState {
    /// Looking whether it exists and whose it is.
    Checking,
    /// Deleting a bucket's objects first: how many so far.
    Emptying {
        deleted_objects: u64,
    },
    /// The delete call is being sent.
    Deleting {
        operation: &'static str,
    },
    Waiting {
        what: String,
    },
    /// One event of the stack being deleted.
    StackEvent {
        logical_id: String,
        resource_type: String,
        status: String,
        reason: Option<String>,
    },
    /// The end states, as in [`super::Outcome`].
    Deleted,
    AlreadyGone,
    Left {
        why: String,
    },
}

impl fmt::Display for TeardownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.resource;
        match &self.state {
            TeardownState::Checking => write!(f, "{r}: checking"),
            TeardownState::Emptying { deleted_objects } => {
                write!(f, "{r}: emptying ({deleted_objects} objects deleted)")
            }
            TeardownState::Deleting { operation } => write!(f, "{r}: {operation}..."),
            TeardownState::Waiting { what } => write!(f, "{r}: waiting: {what}"),
            TeardownState::StackEvent {
                logical_id,
                resource_type,
                status,
                reason,
            } => {
                write!(f, "{r}:   {logical_id} ({resource_type}) {status}")?;
                match reason {
                    Some(reason) if !reason.is_empty() => write!(f, ": {reason}"),
                    _ => Ok(()),
                }
            }
            TeardownState::Deleted => write!(f, "{r}: deleted"),
            TeardownState::AlreadyGone => write!(f, "{r}: already gone"),
            TeardownState::Left { why } => write!(f, "{r}: LEFT: {why}"),
        }
    }
}
