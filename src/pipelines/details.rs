//! A pipeline's page, as data: its settings and its resources' names and ARNs. Pure.

use super::model::{bucket_from_arn, role_name_from_arn, table_from_url};
use super::read::{Buffering, DestinationInfo, S3Info, StreamInfo, TableInfo};

/// A setting: label and value, for people.
pub type Setting = (&'static str, String);

/// One resource of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    /// What it is: "Firehose delivery stream", "IAM role (Firehose)", ...
    pub kind: &'static str,
    pub name: String,
    /// The ARN, or the URL for an endpoint (which has no ARN).
    pub id: String,
}

fn buffering(hints: &Buffering) -> String {
    match (hints.size_mb, hints.interval_seconds) {
        (Some(mb), Some(s)) => format!("{mb} MB or {s} seconds, whichever comes first"),
        (Some(mb), None) => format!("{mb} MB"),
        (None, Some(s)) => format!("{s} seconds"),
        (None, None) => "Firehose's defaults".to_owned(),
    }
}

fn compression(format: Option<&str>) -> String {
    match format {
        None | Some("UNCOMPRESSED") => "None".to_owned(),
        Some("HADOOP_SNAPPY") => "Hadoop-compatible Snappy".to_owned(),
        Some(other) => other.to_owned(),
    }
}

fn or_none(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => v.to_owned(),
        _ => "None".to_owned(),
    }
}

fn bucket_name(s3: &S3Info) -> String {
    or_none(s3.bucket_arn.as_deref().and_then(bucket_from_arn))
}

fn s3_settings(s3: &S3Info, prefix_label: &'static str) -> [Setting; 3] {
    [
        (prefix_label, or_none(s3.prefix.as_deref())),
        (
            "Error output prefix",
            or_none(s3.error_output_prefix.as_deref()),
        ),
        ("Compression", compression(s3.compression.as_deref())),
    ]
}

/// The stream's settings: destination, buffering, retry, backup mode, prefixes.
pub fn settings(stream: &StreamInfo) -> Vec<Setting> {
    match &stream.destination {
        DestinationInfo::Http(http) => {
            let mut rows = vec![
                (
                    "Destination",
                    "HTTP endpoint (the bridge to DynamoDB)".to_owned(),
                ),
                ("Endpoint URL", or_none(http.url.as_deref())),
                ("Endpoint name", or_none(http.name.as_deref())),
                ("Buffering", buffering(&http.buffering)),
                (
                    "Retry duration",
                    http.retry_seconds.map_or_else(
                        || "Firehose's default (300 seconds)".to_owned(),
                        |s| format!("{s} seconds"),
                    ),
                ),
                (
                    "S3 backup",
                    match http.backup_mode.as_deref() {
                        Some("AllData") => "All data",
                        _ => "Failed data only",
                    }
                    .to_owned(),
                ),
            ];
            if let Some(s3) = &http.backup {
                rows.push(("Backup bucket", bucket_name(s3)));
                rows.extend(s3_settings(s3, "Backup prefix"));
            }
            rows
        }
        DestinationInfo::S3(s3) => {
            let mut rows = vec![
                ("Destination", "Amazon S3".to_owned()),
                ("Bucket", bucket_name(s3)),
                ("Buffering", buffering(&s3.buffering)),
            ];
            rows.extend(s3_settings(s3, "Prefix"));
            rows
        }
        DestinationInfo::Other(member) => vec![(
            "Destination",
            format!(
                "{} (not shown by this console)",
                member.trim_end_matches("DestinationDescription")
            ),
        )],
        DestinationInfo::None => vec![("Destination", "None".to_owned())],
    }
}

/// The ARNs of the stream, its role, its bucket and its table, and the endpoint's URL.
pub fn resources(stream: &StreamInfo, table: Option<&TableInfo>) -> Vec<Resource> {
    let mut out = vec![Resource {
        kind: "Firehose delivery stream",
        name: stream.name.clone(),
        id: stream.arn.clone(),
    }];
    let (s3, http) = match &stream.destination {
        DestinationInfo::Http(http) => (http.backup.as_ref(), Some(http)),
        DestinationInfo::S3(s3) => (Some(s3), None),
        _ => (None, None),
    };
    let role = s3
        .and_then(|s| s.role_arn.as_deref())
        .or(http.and_then(|h| h.role_arn.as_deref()));
    if let Some(arn) = role {
        out.push(Resource {
            kind: "IAM role (Firehose)",
            name: role_name_from_arn(arn).unwrap_or(arn).to_owned(),
            id: arn.to_owned(),
        });
    }
    if let Some(arn) = s3.and_then(|s| s.bucket_arn.as_deref()) {
        out.push(Resource {
            kind: "S3 bucket",
            name: bucket_from_arn(arn).unwrap_or(arn).to_owned(),
            id: arn.to_owned(),
        });
    }
    let url = http.and_then(|h| h.url.clone());
    if let Some(name) = url.as_deref().and_then(table_from_url) {
        out.push(Resource {
            kind: "DynamoDB table",
            id: table
                .and_then(|t| t.arn.clone())
                .unwrap_or_else(|| "Not found".to_owned()),
            name,
        });
    }
    if let Some(url) = url {
        let name = if url.contains(".lambda-url.") {
            "Lambda function URL"
        } else {
            "HTTP endpoint"
        };
        out.push(Resource {
            kind: "Bridge endpoint",
            name: name.to_owned(),
            id: url,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::read::fixtures::{json, BRIDGE_STREAM, S3_STREAM};
    use super::super::read::{stream_info, table_info};
    use super::*;

    fn value(rows: &[Setting], label: &str) -> String {
        rows.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {label} in {rows:?}"))
    }

    #[test]
    fn a_bridge_streams_settings_name_buffering_retry_backup_and_prefixes() {
        let rows = settings(&stream_info(&json(BRIDGE_STREAM)));
        assert_eq!(
            value(&rows, "Endpoint URL"),
            "http://127.0.0.1:4599/tables/demo-tickers"
        );
        assert_eq!(
            value(&rows, "Buffering"),
            "1 MB or 60 seconds, whichever comes first"
        );
        assert_eq!(value(&rows, "Retry duration"), "300 seconds");
        assert_eq!(value(&rows, "S3 backup"), "Failed data only");
        assert_eq!(value(&rows, "Backup bucket"), "demo-data");
        assert_eq!(value(&rows, "Backup prefix"), "backup/");
        assert_eq!(
            value(&rows, "Error output prefix"),
            "errors/!{firehose:error-output-type}/"
        );
    }

    #[test]
    fn resources_carry_every_arn_and_the_endpoint_url() {
        let table = table_info(&json(
            r#"{"Table":{"TableName":"demo-tickers","TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/demo-tickers"}}"#,
        ));
        let stream = stream_info(&json(BRIDGE_STREAM));
        let found = resources(&stream, Some(&table));
        let ids: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|r| (r.kind, r.name.as_str(), r.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                (
                    "Firehose delivery stream",
                    "demo-stream",
                    "arn:aws:firehose:us-east-1:123456789012:deliverystream/demo-stream"
                ),
                (
                    "IAM role (Firehose)",
                    "demo-firehose",
                    "arn:aws:iam::123456789012:role/demo-firehose"
                ),
                ("S3 bucket", "demo-data", "arn:aws:s3:::demo-data"),
                (
                    "DynamoDB table",
                    "demo-tickers",
                    "arn:aws:dynamodb:us-east-1:123456789012:table/demo-tickers"
                ),
                (
                    "Bridge endpoint",
                    "HTTP endpoint",
                    "http://127.0.0.1:4599/tables/demo-tickers"
                ),
            ]
        );
        assert_eq!(resources(&stream, None)[3].id, "Not found");
    }

    #[test]
    fn an_s3_stream_shows_its_bucket_and_prefix() {
        let stream = stream_info(&json(S3_STREAM));
        let rows = settings(&stream);
        assert_eq!(value(&rows, "Destination"), "Amazon S3");
        assert_eq!(value(&rows, "Bucket"), "logs-data");
        assert_eq!(value(&rows, "Prefix"), "data/");
        assert_eq!(value(&rows, "Error output prefix"), "None");
        assert_eq!(value(&rows, "Compression"), "GZIP");
        let kinds: Vec<&str> = resources(&stream, None).iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                "Firehose delivery stream",
                "IAM role (Firehose)",
                "S3 bucket"
            ]
        );
    }
}
