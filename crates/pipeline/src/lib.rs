//! Hoseline's domain, with no UI and no I/O of its own: the pipeline spec, its validation, the
//! plan of AWS calls with its apply and teardown engine, the record -> DynamoDB item mapping
//! (shared by the bridge and the console's preview), the cost model and the CloudFormation export.
//!
//! - [`spec`] is the pipeline document (JSON, `"version": 1`) and [`rules`] checks it against
//!   AWS's rules, with each field's constraint text for the page's forms.
//! - [`plan`] turns a spec into the ordered AWS calls that make it (shown before anything runs,
//!   exported as an AWS CLI script); [`engine`] applies a plan (resumable, adopting what exists
//!   and matches) and tears a pipeline down, through any transport of the aws crate.
//! - [`cloudformation`] turns a spec into CloudFormation templates (the AWS plan's foundation
//!   stack, and the whole pipeline for export), [`cost`] prices it under a load, and
//!   [`bridge_env`] is the bridge Lambda's environment.
//! - [`mapping`] turns a Firehose record into DynamoDB items; it compiles for wasm32 as well, so
//!   the console previews exactly what the bridge writes.

pub mod bridge_env;
pub mod cloudformation;
pub mod cost;
pub mod engine;
mod error;
pub mod mapping;
pub mod plan;
pub mod rules;
pub mod spec;

pub use error::Error;
pub use hoseline_aws as aws;
