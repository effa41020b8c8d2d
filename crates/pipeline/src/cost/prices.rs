//! Prices, us-east-1, in one place. Source: the AWS pricing pages
//! (aws.amazon.com/firehose/pricing, /dynamodb/pricing/on-demand, /dynamodb/pricing/provisioned,
//! /s3/pricing, /lambda/pricing) as recorded in the project's `shared/reference/aws-facts.md`.
//! Confirm against the Price List API before relying on them; other regions differ.

/// When these were last checked against the source.
pub const PRICES_AS_OF: &str = "2026-11-29";
/// The priced region.
pub const PRICED_REGION: &str = "us-east-1";
pub const PRICE_SOURCE: &str = "AWS pricing pages for us-east-1 (Firehose, DynamoDB, S3, Lambda), \
    as recorded in shared/reference/aws-facts.md";

/// Firehose Direct PUT ingestion, per GB, the first 500 TB a month (lower tiers beyond).
pub const FIREHOSE_INGESTION_PER_GB: f64 = 0.029;
/// Firehose rounds every record up to a multiple of 5 KB for ingestion.
pub const FIREHOSE_RECORD_ROUNDING_BYTES: u64 = 5 * 1024;
/// The first ingestion tier: 500 TB a month, in GB.
pub const FIREHOSE_FIRST_TIER_GB: f64 = 500.0 * 1024.0;
/// Delivery to S3 or an HTTP endpoint costs nothing on top of ingestion unless optional features
/// are used (format conversion, dynamic partitioning, VPC delivery): Firehose pricing page.
pub const FIREHOSE_DELIVERY_PER_GB: f64 = 0.0;

/// DynamoDB on demand: per million write request units (since November 2024).
pub const DYNAMODB_PER_MILLION_WRU: f64 = 0.625;
/// DynamoDB provisioned: per WCU-hour and per RCU-hour.
pub const DYNAMODB_PER_WCU_HOUR: f64 = 0.00065;
pub const DYNAMODB_PER_RCU_HOUR: f64 = 0.00013;
/// DynamoDB Standard storage, per GB-month (the first 25 GB free tier is not applied).
pub const DYNAMODB_STORAGE_PER_GB_MONTH: f64 = 0.25;
/// DynamoDB bills each item's storage with 100 bytes of indexing overhead.
pub const DYNAMODB_ITEM_OVERHEAD_BYTES: u64 = 100;

/// S3 Standard storage per GB-month, and PUT requests per 1,000.
pub const S3_STORAGE_PER_GB_MONTH: f64 = 0.023;
pub const S3_PER_THOUSAND_PUTS: f64 = 0.005;

/// Lambda: per million requests, and per GB-second on x86_64 (the bridge's architecture).
pub const LAMBDA_PER_MILLION_REQUESTS: f64 = 0.20;
pub const LAMBDA_PER_GB_SECOND_X86: f64 = 0.000_016_666_7;
