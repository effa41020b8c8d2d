//! Amazon Data Firehose (awsJson 1.1, target `Firehose_20150804`): DirectPut streams delivering
//! to S3 or to an HTTP endpoint, and PutRecordBatch. Shapes follow botocore's
//! `firehose/2015-08-04` model by member name; limits come from the model and the developer guide.

mod records;
mod streams;
mod tags;
mod types;

#[cfg(test)]
mod tests;

pub use records::{
    PutRecordBatch, PutRecordBatchOutput, PutRecordBatchResponseEntry, Record, MAX_BATCH_BYTES,
    MAX_RECORDS, MAX_RECORD_BYTES,
};
pub use streams::{
    is_https_or_loopback_http, CreateDeliveryStream, CreateDeliveryStreamOutput,
    DeleteDeliveryStream, DeleteDeliveryStreamOutput, DescribeDeliveryStream,
    DescribeDeliveryStreamOutput, ListDeliveryStreams, ListDeliveryStreamsOutput,
};
pub use tags::{ListTagsForDeliveryStream, ListTagsForDeliveryStreamOutput};
pub use types::{
    BufferingHints, CloudWatchLoggingOptions, CompressionFormat, ContentEncoding,
    DeliveryStreamDescription, DeliveryStreamStatus, DeliveryStreamType, DestinationDescription,
    ExtendedS3DestinationConfiguration, FailureDescription, HttpEndpointCommonAttribute,
    HttpEndpointConfiguration, HttpEndpointDescription, HttpEndpointDestinationConfiguration,
    HttpEndpointDestinationDescription, HttpEndpointRequestConfiguration, HttpEndpointRetryOptions,
    HttpEndpointS3BackupMode, S3DestinationConfiguration, S3DestinationDescription, Tag,
};

use crate::{validate, Error};

/// The expression a custom error prefix must hold.
pub const ERROR_OUTPUT_TYPE: &str = "!{firehose:error-output-type}";

/// A stream name: 1-64 of `[a-zA-Z0-9_.-]`.
pub(crate) fn check_stream_name(field: &str, value: &str) -> Result<(), Error> {
    validate::length(field, value, 1, 64)?;
    validate::chars(field, value, "letters, digits, _ - .", validate::name_chars)
}

/// `arn:<partition>:iam::<12 digits>:role/<path and name>`, at most 512 characters.
pub(crate) fn check_role_arn(field: &str, value: &str) -> Result<(), Error> {
    validate::length(field, value, 1, 512)?;
    validate::arn(field, value)?;
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let role_ok = parts[2] == "iam"
        && parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && parts[5].strip_prefix("role/").is_some_and(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-/".contains(c))
        });
    if role_ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{value:?} is not an IAM role ARN (arn:aws:iam::123456789012:role/name)"),
        ))
    }
}

/// `arn:<partition>:s3:::<bucket>`, at most 2048 characters.
pub(crate) fn check_bucket_arn(field: &str, value: &str) -> Result<(), Error> {
    validate::length(field, value, 1, 2048)?;
    validate::arn(field, value)?;
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let bucket = parts[5];
    let ok = parts[2] == "s3"
        && parts[3].is_empty()
        && parts[4].is_empty()
        && (1..=255).contains(&bucket.len())
        && bucket
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{value:?} is not an S3 bucket ARN (arn:aws:s3:::bucket-name)"),
        ))
    }
}

/// Prefix rules of "Custom Prefixes for Amazon S3 Objects" (Firehose developer guide): at most
/// 1024 characters each; the error type expression only in the error prefix; a prefix with
/// expressions needs an error prefix, and an error prefix with expressions needs the error type.
pub(crate) fn check_prefixes(
    field: &str,
    prefix: Option<&str>,
    error_prefix: Option<&str>,
) -> Result<(), Error> {
    validate::opt_length(&format!("{field}.Prefix"), prefix, 0, 1024)?;
    validate::opt_length(&format!("{field}.ErrorOutputPrefix"), error_prefix, 0, 1024)?;
    let prefix = prefix.unwrap_or("");
    let error_prefix = error_prefix.unwrap_or("");
    if prefix.contains(ERROR_OUTPUT_TYPE) {
        return Err(Error::invalid(
            format!("{field}.Prefix"),
            format!("cannot use {ERROR_OUTPUT_TYPE} (only the error output prefix can)"),
        ));
    }
    if prefix.contains("!{") && error_prefix.is_empty() {
        return Err(Error::invalid(
            format!("{field}.ErrorOutputPrefix"),
            "is required when the prefix uses expressions",
        ));
    }
    if error_prefix.contains("!{") && !error_prefix.contains(ERROR_OUTPUT_TYPE) {
        return Err(Error::invalid(
            format!("{field}.ErrorOutputPrefix"),
            format!("must contain {ERROR_OUTPUT_TYPE} when it uses expressions"),
        ));
    }
    Ok(())
}

/// Buffer size `1..=max_mb` MB and interval 0-900 s.
pub(crate) fn check_buffering(
    field: &str,
    hints: Option<&BufferingHints>,
    max_mb: u32,
) -> Result<(), Error> {
    if let Some(h) = hints {
        if let Some(size) = h.size_in_mbs {
            validate::range(&format!("{field}.SizeInMBs"), size, 1, max_mb)?;
        }
        if let Some(interval) = h.interval_in_seconds {
            validate::range(&format!("{field}.IntervalInSeconds"), interval, 0, 900)?;
        }
    }
    Ok(())
}

pub(crate) fn check_logging(
    field: &str,
    options: Option<&CloudWatchLoggingOptions>,
) -> Result<(), Error> {
    if let Some(o) = options {
        validate::opt_length(
            &format!("{field}.LogGroupName"),
            o.log_group_name.as_deref(),
            0,
            512,
        )?;
        if let Some(group) = &o.log_group_name {
            validate::chars(
                &format!("{field}.LogGroupName"),
                group,
                "letters, digits, . - _ / #",
                |c| c.is_ascii_alphanumeric() || ".-_/#".contains(c),
            )?;
        }
        validate::opt_length(
            &format!("{field}.LogStreamName"),
            o.log_stream_name.as_deref(),
            0,
            512,
        )?;
        if let Some(stream) = &o.log_stream_name {
            validate::chars(
                &format!("{field}.LogStreamName"),
                stream,
                "characters other than : and *",
                |c| c != ':' && c != '*',
            )?;
        }
    }
    Ok(())
}

pub(crate) fn check_compression(
    field: &str,
    format: Option<CompressionFormat>,
) -> Result<(), Error> {
    if format == Some(CompressionFormat::Unknown) {
        return Err(Error::invalid(
            field,
            "must be one of UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY",
        ));
    }
    Ok(())
}

pub(crate) use crate::protocol::json::json_operation;
