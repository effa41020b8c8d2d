//! The pipelines this console made or is making: for each, the spec it was made from (no
//! secret) and the engine's progress record, in `localStorage` under the stream's name, so a
//! Create survives a reload and resumes, and the pipeline's page can tear it down.
//!
//! - [`record`]: the stored record and its storage;
//! - [`calls`]: the Create screen's list of calls and their states (pure);
//! - [`resources`]: the teardown's list of resources and their states (pure);
//! - [`access_key`]: the bridge's access key a Create on AWS generates, kept for this tab.

pub mod access_key;
pub mod calls;
pub mod record;
pub mod resources;
