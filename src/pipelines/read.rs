//! What the pages show of AWS's answers (ListDeliveryStreams, DescribeDeliveryStream,
//! ListTables, DescribeTable), read from the JSON the aws crate's awsJson parser decodes into a
//! `serde_json::Value`. Pure.
//!
//! Why not the typed outputs: decoding the whole `DeliveryStreamDescription` (fifteen nested
//! shapes, most of them never shown here) cost the page about 30 KB gzip, a tenth of its budget;
//! these few lookups cost a fraction of it. Member names are AWS's (botocore's `firehose/2015-08-04` and
//! `dynamodb/2012-08-10`); a member that is absent reads as `None`.

use serde_json::Value;

/// Buffering hints: MB and seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Buffering {
    pub size_mb: Option<u64>,
    pub interval_seconds: Option<u64>,
}

/// An S3 destination, or an HTTP endpoint destination's backup bucket.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct S3Info {
    pub bucket_arn: Option<String>,
    pub role_arn: Option<String>,
    pub prefix: Option<String>,
    pub error_output_prefix: Option<String>,
    pub buffering: Buffering,
    /// `UNCOMPRESSED`, `GZIP`, ...
    pub compression: Option<String>,
}

/// An HTTP endpoint destination (the bridge).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpInfo {
    pub url: Option<String>,
    pub name: Option<String>,
    pub buffering: Buffering,
    pub retry_seconds: Option<u64>,
    /// `FailedDataOnly` or `AllData`.
    pub backup_mode: Option<String>,
    pub role_arn: Option<String>,
    pub backup: Option<S3Info>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DestinationInfo {
    Http(HttpInfo),
    S3(S3Info),
    /// A destination the console does not read, by its member name (`RedshiftDestinationDescription`).
    Other(String),
    None,
}

/// A delivery stream as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamInfo {
    pub name: String,
    pub arn: String,
    /// `ACTIVE`, `CREATING`, ...
    pub status: Option<String>,
    /// Why creating or deleting failed: `Type: Details`.
    pub failure: Option<String>,
    pub destination: DestinationInfo,
}

/// A page of a list call: the names, and where the next page starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub names: Vec<String>,
    /// The cursor of the next page; `None` on the last.
    pub next: Option<String>,
}

fn names(answer: &Value, key: &str) -> Vec<String> {
    answer
        .get(key)
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A ListDeliveryStreams answer. Firehose pages by the last name given, and only when it says
/// `HasMoreDeliveryStreams`.
pub fn stream_names(answer: &Value) -> Names {
    let names = names(answer, "DeliveryStreamNames");
    let more = answer
        .get("HasMoreDeliveryStreams")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let next = if more { names.last().cloned() } else { None };
    Names { names, next }
}

/// A ListTables answer: DynamoDB says where the next page starts (`LastEvaluatedTableName`).
pub fn table_names(answer: &Value) -> Names {
    Names {
        names: names(answer, "TableNames"),
        next: text(answer, "LastEvaluatedTableName"),
    }
}

/// A DynamoDB table as the pages show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableInfo {
    pub name: String,
    pub arn: Option<String>,
    /// `ACTIVE`, `CREATING`, ...
    pub status: Option<String>,
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_owned)
}

fn number(value: &Value, key: &str) -> Option<u64> {
    value.get(key)?.as_u64()
}

fn buffering(value: &Value) -> Buffering {
    let hints = value.get("BufferingHints").unwrap_or(&Value::Null);
    Buffering {
        size_mb: number(hints, "SizeInMBs"),
        interval_seconds: number(hints, "IntervalInSeconds"),
    }
}

fn s3(value: &Value) -> S3Info {
    S3Info {
        bucket_arn: text(value, "BucketARN"),
        role_arn: text(value, "RoleARN"),
        prefix: text(value, "Prefix"),
        error_output_prefix: text(value, "ErrorOutputPrefix"),
        buffering: buffering(value),
        compression: text(value, "CompressionFormat"),
    }
}

fn destination(value: &Value) -> DestinationInfo {
    let Some(first) = value.as_object() else {
        return DestinationInfo::None;
    };
    if let Some(http) = first.get("HttpEndpointDestinationDescription") {
        let endpoint = http.get("EndpointConfiguration").unwrap_or(&Value::Null);
        return DestinationInfo::Http(HttpInfo {
            url: text(endpoint, "Url"),
            name: text(endpoint, "Name"),
            buffering: buffering(http),
            retry_seconds: http
                .get("RetryOptions")
                .and_then(|r| number(r, "DurationInSeconds")),
            backup_mode: text(http, "S3BackupMode"),
            role_arn: text(http, "RoleARN"),
            backup: http.get("S3DestinationDescription").map(s3),
        });
    }
    // An extended S3 stream is described with both members; the extended one has it all.
    if let Some(s3_description) = first
        .get("ExtendedS3DestinationDescription")
        .or_else(|| first.get("S3DestinationDescription"))
    {
        return DestinationInfo::S3(s3(s3_description));
    }
    match first.keys().find(|k| k.ends_with("DestinationDescription")) {
        Some(other) => DestinationInfo::Other(other.clone()),
        None => DestinationInfo::None,
    }
}

/// A DescribeDeliveryStream answer (`{"DeliveryStreamDescription": {...}}`).
pub fn stream_info(answer: &Value) -> StreamInfo {
    let d = answer
        .get("DeliveryStreamDescription")
        .unwrap_or(&Value::Null);
    let failure = d.get("FailureDescription").map(|f| {
        format!(
            "{}: {}",
            text(f, "Type").unwrap_or_default(),
            text(f, "Details").unwrap_or_default()
        )
    });
    StreamInfo {
        name: text(d, "DeliveryStreamName").unwrap_or_default(),
        arn: text(d, "DeliveryStreamARN").unwrap_or_default(),
        status: text(d, "DeliveryStreamStatus"),
        failure,
        destination: d
            .get("Destinations")
            .and_then(|list| list.get(0))
            .map_or(DestinationInfo::None, destination),
    }
}

/// A DescribeTable answer (`{"Table": {...}}`).
pub fn table_info(answer: &Value) -> TableInfo {
    let t = answer.get("Table").unwrap_or(&Value::Null);
    TableInfo {
        name: text(t, "TableName").unwrap_or_default(),
        arn: text(t, "TableArn"),
        status: text(t, "TableStatus"),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    /// A bridge stream, shaped like the DescribeDeliveryStream answer in AWS's API reference.
    pub(crate) const BRIDGE_STREAM: &str = r#"{"DeliveryStreamDescription":{
        "DeliveryStreamName":"demo-stream",
        "DeliveryStreamARN":"arn:aws:firehose:us-east-1:123456789012:deliverystream/demo-stream",
        "DeliveryStreamStatus":"ACTIVE","DeliveryStreamType":"DirectPut","VersionId":"1",
        "CreateTimestamp":"2026-11-29T08:00:00.000000",
        "Destinations":[{"DestinationId":"destinationId-000000000001",
          "HttpEndpointDestinationDescription":{
            "EndpointConfiguration":{"Url":"http://127.0.0.1:4599/tables/demo-tickers","Name":"bridge"},
            "BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60},
            "RetryOptions":{"DurationInSeconds":300},"S3BackupMode":"FailedDataOnly",
            "S3DestinationDescription":{"BucketARN":"arn:aws:s3:::demo-data",
              "RoleARN":"arn:aws:iam::123456789012:role/demo-firehose","Prefix":"backup/",
              "ErrorOutputPrefix":"errors/!{firehose:error-output-type}/",
              "BufferingHints":{"SizeInMBs":5,"IntervalInSeconds":300},"CompressionFormat":"UNCOMPRESSED"}}}],
        "HasMoreDestinations":false}}"#;

    /// An extended S3 stream, described with both S3 members as AWS does.
    pub(crate) const S3_STREAM: &str = r#"{"DeliveryStreamDescription":{
        "DeliveryStreamName":"logs",
        "DeliveryStreamARN":"arn:aws:firehose:us-east-1:123456789012:deliverystream/logs",
        "DeliveryStreamStatus":"CREATING",
        "Destinations":[{"DestinationId":"destinationId-000000000001",
          "S3DestinationDescription":{"BucketARN":"arn:aws:s3:::logs-data","RoleARN":"arn:aws:iam::123456789012:role/logs-firehose",
            "BufferingHints":{"SizeInMBs":5,"IntervalInSeconds":300},"CompressionFormat":"UNCOMPRESSED"},
          "ExtendedS3DestinationDescription":{"BucketARN":"arn:aws:s3:::logs-data","RoleARN":"arn:aws:iam::123456789012:role/logs-firehose",
            "Prefix":"data/","BufferingHints":{"SizeInMBs":5,"IntervalInSeconds":300},"CompressionFormat":"GZIP"}}],
        "HasMoreDestinations":false}}"#;

    pub(crate) fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).expect("fixture")
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{json, BRIDGE_STREAM, S3_STREAM};
    use super::*;

    #[test]
    fn a_bridge_stream_reads_its_endpoint_retry_and_backup() {
        let info = stream_info(&json(BRIDGE_STREAM));
        assert_eq!(info.name, "demo-stream");
        assert_eq!(info.status.as_deref(), Some("ACTIVE"));
        assert_eq!(info.failure, None);
        let DestinationInfo::Http(http) = info.destination else {
            panic!("not http: {:?}", info.destination);
        };
        assert_eq!(
            http.url.as_deref(),
            Some("http://127.0.0.1:4599/tables/demo-tickers")
        );
        assert_eq!(
            http.buffering,
            Buffering {
                size_mb: Some(1),
                interval_seconds: Some(60)
            }
        );
        assert_eq!(http.retry_seconds, Some(300));
        assert_eq!(http.backup_mode.as_deref(), Some("FailedDataOnly"));
        let backup = http.backup.expect("backup");
        assert_eq!(backup.bucket_arn.as_deref(), Some("arn:aws:s3:::demo-data"));
        assert_eq!(backup.prefix.as_deref(), Some("backup/"));
    }

    #[test]
    fn an_s3_stream_reads_the_extended_description() {
        let info = stream_info(&json(S3_STREAM));
        let DestinationInfo::S3(s3) = info.destination else {
            panic!("not s3");
        };
        assert_eq!(s3.prefix.as_deref(), Some("data/"));
        assert_eq!(s3.compression.as_deref(), Some("GZIP"));
    }

    #[test]
    fn a_failure_and_an_unknown_destination_are_kept() {
        let info = stream_info(&json(
            r#"{"DeliveryStreamDescription":{"DeliveryStreamName":"x","DeliveryStreamStatus":"CREATING_FAILED",
            "FailureDescription":{"Type":"RETIRE_KMS_GRANT_FAILED","Details":"grant gone"},
            "Destinations":[{"DestinationId":"d","RedshiftDestinationDescription":{}}]}}"#,
        ));
        assert_eq!(
            info.failure.as_deref(),
            Some("RETIRE_KMS_GRANT_FAILED: grant gone")
        );
        assert_eq!(
            info.destination,
            DestinationInfo::Other("RedshiftDestinationDescription".into())
        );
        assert_eq!(stream_info(&json("{}")).destination, DestinationInfo::None);
    }

    #[test]
    fn list_answers_give_names_and_the_next_cursor() {
        let page = stream_names(&json(
            r#"{"DeliveryStreamNames":["a","b"],"HasMoreDeliveryStreams":true}"#,
        ));
        assert_eq!(page.names, ["a", "b"]);
        assert_eq!(page.next.as_deref(), Some("b"));
        let last = stream_names(&json(
            r#"{"DeliveryStreamNames":["c"],"HasMoreDeliveryStreams":false}"#,
        ));
        assert_eq!(last.next, None);
        assert_eq!(stream_names(&json("{}")), Names::default());
        let tables = table_names(&json(
            r#"{"TableNames":["t1","t2"],"LastEvaluatedTableName":"t2"}"#,
        ));
        assert_eq!(tables.names, ["t1", "t2"]);
        assert_eq!(tables.next.as_deref(), Some("t2"));
        assert_eq!(table_names(&json(r#"{"TableNames":[]}"#)).next, None);
    }

    #[test]
    fn a_table_reads_its_arn_and_status() {
        let info = table_info(&json(
            r#"{"Table":{"TableName":"t","TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/t","TableStatus":"ACTIVE"}}"#,
        ));
        assert_eq!(
            info.arn.as_deref(),
            Some("arn:aws:dynamodb:us-east-1:123456789012:table/t")
        );
        assert_eq!(info.status.as_deref(), Some("ACTIVE"));
    }
}
