//! The engine: runs a [`crate::plan`] through the aws client, in the page (fetch transport) and
//! natively (CLI), and tears a pipeline down. No runtime of its own: the client's transport,
//! sleep and clock are the only I/O, so it compiles for wasm32.
//!
//! - [`apply`]: each step in order, reporting every state change ([`StepEvent`]), waiting for
//!   CREATING -> ACTIVE, retrying a role IAM has not spread yet, adopting what exists and
//!   matches (a [`ApplyError::Conflict`] when it differs), resumable from [`Progress`];
//! - [`destroy`]: what the plan made, in reverse order, and nothing else.

mod adopt;
mod apply;
mod create;
mod destroy;
mod error;
mod events;
mod failure;
mod progress;
mod run;
mod steps;
mod teardown;
mod teardown_storage;
mod wait;

#[cfg(test)]
mod tests;

pub use apply::{apply, Applied};
pub use destroy::{destroy, Destroyed, Outcome, Teardown};
pub use error::{ApplyError, DestroyError, Difference};
pub use events::{StepEvent, StepState, TeardownEvent, TeardownState, IDENTITY_STEP};
pub use progress::{Progress, StepRecord, PROGRESS_VERSION};

use hoseline_aws::{ClientConfig, Credentials, Error};

use crate::plan::target_endpoint;
use crate::spec::PipelineSpec;

/// The client settings for a spec: its emulator (local) or AWS, in its region.
pub fn client_config(spec: &PipelineSpec, credentials: Credentials) -> Result<ClientConfig, Error> {
    let (endpoint, region) = target_endpoint(spec)?;
    Ok(ClientConfig {
        credentials,
        region,
        endpoint,
    })
}
