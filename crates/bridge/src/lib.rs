//! The bridge: Firehose has no DynamoDB destination, so a delivery stream with an HTTP endpoint
//! destination POSTs its batches here, and the bridge writes them to DynamoDB with BatchWriteItem.
//!
//! It implements the Firehose HTTP endpoint delivery protocol (request/response shapes, access key,
//! request id, gzip), maps records to items with `hoseline_pipeline`, writes rejects to S3, and runs
//! as a Lambda behind a function URL (`provided.al2023`) or as a local server beside the emulator.
//! The foundation only sets the crate up; the bridge issue fills it.

pub use hoseline_pipeline as pipeline;
