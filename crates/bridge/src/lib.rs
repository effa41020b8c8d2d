//! The bridge: Firehose has no DynamoDB destination, so a delivery stream with an HTTP endpoint
//! destination POSTs its batches here, and the bridge writes them to DynamoDB with BatchWriteItem.
//!
//! [`protocol`] implements the Firehose HTTP endpoint delivery protocol (request and response
//! shapes, access key, request id, gzip) without I/O. [`Bridge::handle`] runs one delivery: it
//! maps records to items with `hoseline_pipeline::mapping`, writes them in batches of 25 within a
//! time budget, saves rejected records to S3, and answers 200 only when nothing was lost, so
//! Firehose retries (idempotently) whatever failed. [`config`] reads the settings from the
//! environment. The server and the Lambda entry points sit on top of [`Bridge`].

mod batches;
pub mod config;
mod delivery;
pub mod error;
/// The Lambda entry point (binary `bootstrap`), behind the `lambda` feature.
#[cfg(all(feature = "lambda", not(target_arch = "wasm32")))]
pub mod lambda;
pub mod protocol;
mod rejects;
/// The local server (`hoseline bridge serve`); native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod server;

pub use config::{BridgeConfig, LAMBDA_MAX_BUFFER_MB};
pub use delivery::{Bridge, Delivery, DeliveryReport, Destination};
pub use error::Error;
pub use hoseline_pipeline as pipeline;
pub use protocol::{parse_request, DeliveryRequest, DeliveryResponse, ProtocolError};
