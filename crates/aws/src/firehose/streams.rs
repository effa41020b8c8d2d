//! Stream operations: ListDeliveryStreams, CreateDeliveryStream, DescribeDeliveryStream,
//! DeleteDeliveryStream. The control plane takes about 5 requests a second: poll gently.

use serde::{Deserialize, Serialize};

use super::types::{
    DeliveryStreamDescription, DeliveryStreamType, ExtendedS3DestinationConfiguration,
    HttpEndpointDestinationConfiguration, S3DestinationConfiguration, Tag,
};
use super::{
    check_bucket_arn, check_buffering, check_compression, check_logging, check_prefixes,
    check_role_arn, check_stream_name, json_operation,
};
use crate::{validate, Error, Service};

/// Lists stream names, up to `limit` (1-10,000) a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListDeliveryStreams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_stream_type: Option<DeliveryStreamType>,
    /// The last name of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_delivery_stream_name: Option<String>,
}

impl ListDeliveryStreams {
    fn check(&self) -> Result<(), Error> {
        if let Some(limit) = self.limit {
            validate::range("Limit", limit, 1, 10_000)?;
        }
        if self.delivery_stream_type == Some(DeliveryStreamType::Unknown) {
            return Err(Error::invalid(
                "DeliveryStreamType",
                "is not a known stream type",
            ));
        }
        if let Some(start) = &self.exclusive_start_delivery_stream_name {
            check_stream_name("ExclusiveStartDeliveryStreamName", start)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListDeliveryStreamsOutput {
    pub delivery_stream_names: Vec<String>,
    pub has_more_delivery_streams: bool,
}

json_operation!(
    ListDeliveryStreams,
    ListDeliveryStreamsOutput,
    Service::Firehose,
    "ListDeliveryStreams"
);

/// Creates a DirectPut stream with one destination: extended S3 or an HTTP endpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateDeliveryStream {
    pub delivery_stream_name: String,
    /// DirectPut (the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_stream_type: Option<DeliveryStreamType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_s3_destination_configuration: Option<ExtendedS3DestinationConfiguration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_endpoint_destination_configuration: Option<HttpEndpointDestinationConfiguration>,
    /// 1-50 tags when given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

impl CreateDeliveryStream {
    /// A DirectPut stream delivering to S3.
    pub fn to_s3(name: impl Into<String>, destination: ExtendedS3DestinationConfiguration) -> Self {
        Self {
            delivery_stream_name: name.into(),
            delivery_stream_type: Some(DeliveryStreamType::DirectPut),
            extended_s3_destination_configuration: Some(destination),
            ..Self::default()
        }
    }

    /// A DirectPut stream delivering to an HTTP endpoint.
    pub fn to_http_endpoint(
        name: impl Into<String>,
        destination: HttpEndpointDestinationConfiguration,
    ) -> Self {
        Self {
            delivery_stream_name: name.into(),
            delivery_stream_type: Some(DeliveryStreamType::DirectPut),
            http_endpoint_destination_configuration: Some(destination),
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_stream_name("DeliveryStreamName", &self.delivery_stream_name)?;
        if let Some(t) = self.delivery_stream_type {
            if t != DeliveryStreamType::DirectPut {
                return Err(Error::invalid(
                    "DeliveryStreamType",
                    "must be DirectPut (other sources need a source configuration)",
                ));
            }
        }
        match (
            &self.extended_s3_destination_configuration,
            &self.http_endpoint_destination_configuration,
        ) {
            (Some(s3), None) => check_extended_s3(s3)?,
            (None, Some(http)) => check_http(http)?,
            _ => {
                return Err(Error::invalid(
                    "destination",
                    "give exactly one of ExtendedS3DestinationConfiguration and HttpEndpointDestinationConfiguration",
                ))
            }
        }
        if !self.tags.is_empty() {
            validate::count("Tags", &self.tags, 1, 50)?;
        }
        for t in &self.tags {
            validate::length("Tags.Key", &t.key, 1, 128)?;
            validate::opt_length("Tags.Value", t.value.as_deref(), 0, 256)?;
        }
        Ok(())
    }
}

fn check_extended_s3(c: &ExtendedS3DestinationConfiguration) -> Result<(), Error> {
    const F: &str = "ExtendedS3DestinationConfiguration";
    check_role_arn(&format!("{F}.RoleARN"), &c.role_arn)?;
    check_bucket_arn(&format!("{F}.BucketARN"), &c.bucket_arn)?;
    check_prefixes(F, c.prefix.as_deref(), c.error_output_prefix.as_deref())?;
    check_buffering(
        &format!("{F}.BufferingHints"),
        c.buffering_hints.as_ref(),
        128,
    )?;
    check_compression(&format!("{F}.CompressionFormat"), c.compression_format)?;
    check_logging(
        &format!("{F}.CloudWatchLoggingOptions"),
        c.cloud_watch_logging_options.as_ref(),
    )?;
    if let Some(ext) = c.file_extension.as_deref().filter(|e| !e.is_empty()) {
        let field = format!("{F}.FileExtension");
        validate::length(&field, ext, 2, 128)?;
        let ok = ext.starts_with('.')
            && ext[1..].chars().all(|ch| {
                ch.is_ascii_digit() || ch.is_ascii_lowercase() || "!-_.*'()".contains(ch)
            });
        if !ok {
            return Err(Error::invalid(
                field,
                "must be a dot then [0-9a-z!-_.*'()] (like .json)",
            ));
        }
    }
    Ok(())
}

fn check_s3(field: &str, c: &S3DestinationConfiguration) -> Result<(), Error> {
    check_role_arn(&format!("{field}.RoleARN"), &c.role_arn)?;
    check_bucket_arn(&format!("{field}.BucketARN"), &c.bucket_arn)?;
    check_prefixes(field, c.prefix.as_deref(), c.error_output_prefix.as_deref())?;
    check_buffering(
        &format!("{field}.BufferingHints"),
        c.buffering_hints.as_ref(),
        128,
    )?;
    check_compression(&format!("{field}.CompressionFormat"), c.compression_format)?;
    check_logging(
        &format!("{field}.CloudWatchLoggingOptions"),
        c.cloud_watch_logging_options.as_ref(),
    )
}

fn check_http(c: &HttpEndpointDestinationConfiguration) -> Result<(), Error> {
    const F: &str = "HttpEndpointDestinationConfiguration";
    let e = &c.endpoint_configuration;
    let url_field = format!("{F}.EndpointConfiguration.Url");
    validate::length(&url_field, &e.url, 1, 1000)?;
    if !is_https_or_loopback_http(&e.url) {
        return Err(Error::invalid(
            url_field,
            "must be an https:// URL (http:// only to a loopback host, for a local emulator)",
        ));
    }
    if let Some(name) = &e.name {
        let field = format!("{F}.EndpointConfiguration.Name");
        validate::length(&field, name, 1, 256)?;
        if name.trim().is_empty() {
            return Err(Error::invalid(field, "cannot be blank"));
        }
    }
    if let Some(key) = &e.access_key {
        validate::length(
            &format!("{F}.EndpointConfiguration.AccessKey"),
            key.expose(),
            0,
            4096,
        )?;
    }
    check_buffering(
        &format!("{F}.BufferingHints"),
        c.buffering_hints.as_ref(),
        64,
    )?;
    check_logging(
        &format!("{F}.CloudWatchLoggingOptions"),
        c.cloud_watch_logging_options.as_ref(),
    )?;
    if let Some(rc) = &c.request_configuration {
        let field = format!("{F}.RequestConfiguration.CommonAttributes");
        validate::count(&field, &rc.common_attributes, 0, 50)?;
        for a in &rc.common_attributes {
            validate::length(&format!("{field}.AttributeName"), &a.attribute_name, 1, 256)?;
            if a.attribute_name.trim().is_empty() {
                return Err(Error::invalid(
                    format!("{field}.AttributeName"),
                    "cannot be blank",
                ));
            }
            validate::length(
                &format!("{field}.AttributeValue"),
                &a.attribute_value,
                0,
                1024,
            )?;
        }
    }
    if let Some(role) = &c.role_arn {
        check_role_arn(&format!("{F}.RoleARN"), role)?;
    }
    if let Some(seconds) = c.retry_options.and_then(|r| r.duration_in_seconds) {
        validate::range(
            &format!("{F}.RetryOptions.DurationInSeconds"),
            seconds,
            0,
            7200,
        )?;
    }
    check_s3(&format!("{F}.S3Configuration"), &c.s3_configuration)
}

/// AWS itself requires an https:// endpoint URL (port 443). A local emulator (moto) delivers to a
/// bridge on this machine, so plain http:// is allowed only when the host is loopback
/// (127.0.0.1, localhost, [::1]); AWS would refuse such a stream anyway.
pub fn is_https_or_loopback_http(url: &str) -> bool {
    if let Some(rest) = url.strip_prefix("https://") {
        return !rest.is_empty();
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((host, after)) if after.is_empty() || after.starts_with(':') => host,
            _ => return false,
        },
        None => authority.split(':').next().unwrap_or_default(),
    };
    host == "127.0.0.1" || host.eq_ignore_ascii_case("localhost") || host == "::1"
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CreateDeliveryStreamOutput {
    #[serde(rename = "DeliveryStreamARN")]
    pub delivery_stream_arn: Option<String>,
}

json_operation!(
    CreateDeliveryStream,
    CreateDeliveryStreamOutput,
    Service::Firehose,
    "CreateDeliveryStream"
);

/// Describes a stream: status, type, version and destinations.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeDeliveryStream {
    pub delivery_stream_name: String,
    /// Destinations per page, 1-10,000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_destination_id: Option<String>,
}

impl DescribeDeliveryStream {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            delivery_stream_name: name.into(),
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_stream_name("DeliveryStreamName", &self.delivery_stream_name)?;
        if let Some(limit) = self.limit {
            validate::range("Limit", limit, 1, 10_000)?;
        }
        if let Some(id) = &self.exclusive_start_destination_id {
            validate::length("ExclusiveStartDestinationId", id, 1, 100)?;
            validate::chars(
                "ExclusiveStartDestinationId",
                id,
                "letters, digits, -",
                |c| c.is_ascii_alphanumeric() || c == '-',
            )?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeDeliveryStreamOutput {
    pub delivery_stream_description: DeliveryStreamDescription,
}

json_operation!(
    DescribeDeliveryStream,
    DescribeDeliveryStreamOutput,
    Service::Firehose,
    "DescribeDeliveryStream"
);

/// Deletes a stream; records not yet delivered are lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteDeliveryStream {
    pub delivery_stream_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_force_delete: Option<bool>,
}

impl DeleteDeliveryStream {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            delivery_stream_name: name.into(),
            allow_force_delete: None,
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_stream_name("DeliveryStreamName", &self.delivery_stream_name)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct DeleteDeliveryStreamOutput {}

json_operation!(
    DeleteDeliveryStream,
    DeleteDeliveryStreamOutput,
    Service::Firehose,
    "DeleteDeliveryStream"
);
