//! Hoseline's sans-IO AWS API.
//!
//! Every operation the console and the CLI call is a typed input named after the AWS operation
//! (`dynamodb::CreateTable`, `firehose::PutRecordBatch`, ...). An operation validates itself, builds
//! an [`HttpRequest`] for a resolved [`Endpoint`], and decodes the [`HttpResponse`]; errors are
//! decoded per protocol ([`protocol`]) into one [`Error`] that keeps status, code, message and
//! request id. [`signing`] signs (SigV4), the time passed in. [`retry`] decides what to retry.
//!
//! No I/O happens here: a [`Transport`] sends the bytes. The `gloo` feature adds the page's
//! fetch transport, the `native` feature a reqwest (rustls) one. [`Client`] runs an operation
//! through a transport with the retry policy and an injected sleep, so it runs in both places.

pub mod client;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod http;
pub mod operation;
pub mod partition;
pub mod protocol;
pub mod retry;
pub mod service;
pub mod signing;
pub mod tag;
pub mod transport;
pub mod validate;

/// Test helpers for this workspace's tests (the `test-support` feature, dev-dependencies only).
#[cfg(feature = "test-support")]
pub mod test_support;

pub mod autoscaling;
pub mod cloudformation;
pub mod dynamodb;
pub mod firehose;
pub mod iam;
pub mod lambda;
pub mod s3;
pub mod sts;

pub use client::{Client, ClientConfig};
pub use credentials::Credentials;
pub use endpoint::{Endpoint, Region, ResolvedEndpoint};
pub use error::{Error, NetworkErrorKind};
pub use http::{HttpRequest, HttpResponse};
pub use operation::Operation;
pub use partition::Partition;
pub use retry::RetryPolicy;
pub use service::{Protocol, Service};
pub use transport::{Clock, Sleep, Transport};
