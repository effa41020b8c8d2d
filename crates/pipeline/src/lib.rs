//! Hoseline's domain, with no UI and no I/O of its own.
//!
//! It will hold the pipeline spec (serde), its validation, the plan of AWS calls with its apply and
//! teardown engine, the record -> DynamoDB item mapping (shared by the bridge and the console's
//! preview), demo data generators and the sender, the cost model and the CloudFormation export.
//!
//! [`mapping`] turns a Firehose record into DynamoDB items; it compiles for wasm32 as well, so the
//! console previews exactly what the bridge writes.
//!
//! [`plan`] turns a [`spec::PipelineSpec`] into the ordered AWS calls that make it (shown before
//! anything runs, exported as an AWS CLI script); [`engine`] applies a plan (resumable, adopting
//! what exists and matches) and tears a pipeline down, through any transport of the aws crate.

pub mod cloudformation;
pub mod engine;
mod error;
pub mod mapping;
pub mod plan;
pub mod spec;

pub use error::Error;
pub use hoseline_aws as aws;
