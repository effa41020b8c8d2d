//! Streams as pipelines: each delivery stream with what it delivers to, the DynamoDB table its
//! HTTP endpoint URL names (the bridge's `/tables/<table>`), or the S3 bucket of an S3 stream.
//! Pure: the calls are in [`super::fetch`].

use hoseline_aws::Error;

use super::read::{DestinationInfo, StreamInfo};

/// What a stream delivers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// An HTTP endpoint; `table` when its URL names one (the bridge's `.../tables/<table>`).
    Http { url: String, table: Option<String> },
    /// An S3 (or extended S3) destination.
    S3 { bucket: String },
    /// A destination the console does not read (Redshift, OpenSearch, ...), by its member name.
    Other(String),
}

/// One stream of the list, as a pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineRow {
    pub stream: String,
    /// `ACTIVE`, `CREATING`, ...; `None` when unknown.
    pub status: Option<String>,
    /// `None` when the description failed (`error`).
    pub destination: Option<Destination>,
    /// Why the stream could not be described.
    pub error: Option<Error>,
}

impl PipelineRow {
    /// The DynamoDB table the pipeline writes to, if its URL names one.
    pub fn table(&self) -> Option<&str> {
        match &self.destination {
            Some(Destination::Http { table, .. }) => table.as_deref(),
            _ => None,
        }
    }
}

/// A listed stream and what DescribeDeliveryStream said about it.
pub fn pipeline_row(stream: String, described: Result<StreamInfo, Error>) -> PipelineRow {
    match described {
        Ok(info) => PipelineRow {
            stream,
            status: info.status.clone(),
            destination: Some(destination_of(&info)),
            error: None,
        },
        Err(error) => PipelineRow {
            stream,
            status: None,
            destination: None,
            error: Some(error),
        },
    }
}

/// What the stream delivers to: the table its URL names, or its bucket.
pub fn destination_of(info: &StreamInfo) -> Destination {
    match &info.destination {
        DestinationInfo::Http(http) => {
            let url = http.url.clone().unwrap_or_default();
            let table = table_from_url(&url);
            Destination::Http { url, table }
        }
        DestinationInfo::S3(s3) => match s3.bucket_arn.as_deref().and_then(bucket_from_arn) {
            Some(bucket) => Destination::S3 {
                bucket: bucket.to_owned(),
            },
            None => Destination::Other("S3 (no bucket)".to_owned()),
        },
        DestinationInfo::Other(member) => Destination::Other(
            member
                .strip_suffix("DestinationDescription")
                .unwrap_or(member)
                .to_owned(),
        ),
        DestinationInfo::None => Destination::Other("None".to_owned()),
    }
}

/// The table a bridge URL names: the path segment after `tables`, percent-decoded
/// (`http://127.0.0.1:4599/tables/demo-tickers` -> `demo-tickers`).
pub fn table_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').skip(1);
    segments.find(|s| *s == "tables")?;
    let name = segments.next().filter(|s| !s.is_empty())?;
    percent_decode(name)
}

fn percent_decode(text: &str) -> Option<String> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}

/// `arn:aws:s3:::bucket` -> `bucket`.
pub fn bucket_from_arn(arn: &str) -> Option<&str> {
    let bucket = arn.strip_prefix("arn:")?.splitn(5, ':').nth(4)?;
    (!bucket.is_empty()).then_some(bucket)
}

/// `arn:aws:iam::123456789012:role/path/name` -> `name`.
pub fn role_name_from_arn(arn: &str) -> Option<&str> {
    let resource = arn.strip_prefix("arn:")?.splitn(5, ':').nth(4)?;
    resource.strip_prefix("role/")?.rsplit('/').next()
}

/// The streams of `rows` that deliver into `table`: the table's pipelines.
pub fn streams_into<'a>(rows: &'a [PipelineRow], table: &str) -> Vec<&'a str> {
    rows.iter()
        .filter(|row| row.table() == Some(table))
        .map(|row| row.stream.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::read::fixtures::{json, BRIDGE_STREAM, S3_STREAM};
    use super::super::read::stream_info;
    use super::*;

    fn bridge_to(url: &str) -> StreamInfo {
        let text = BRIDGE_STREAM.replace("http://127.0.0.1:4599/tables/demo-tickers", url);
        stream_info(&json(&text))
    }

    #[test]
    fn a_bridge_stream_is_grouped_with_the_table_its_url_names() {
        let row = pipeline_row(
            "demo-stream".into(),
            Ok(bridge_to("http://127.0.0.1:4599/tables/demo-tickers")),
        );
        assert_eq!(row.table(), Some("demo-tickers"));
        assert_eq!(row.status.as_deref(), Some("ACTIVE"));
        let other = pipeline_row(
            "other".into(),
            Ok(bridge_to("https://abc.lambda-url.us-east-1.on.aws/")),
        );
        assert_eq!(other.table(), None);
        let rows = [row, other];
        assert_eq!(streams_into(&rows, "demo-tickers"), ["demo-stream"]);
        assert!(streams_into(&rows, "nothing").is_empty());
    }

    #[test]
    fn an_s3_stream_is_grouped_with_its_bucket() {
        let info = stream_info(&json(S3_STREAM));
        assert_eq!(
            destination_of(&info),
            Destination::S3 {
                bucket: "logs-data".into()
            }
        );
    }

    #[test]
    fn other_destinations_are_named_by_their_kind() {
        let info = stream_info(&json(
            r#"{"DeliveryStreamDescription":{"Destinations":[{"RedshiftDestinationDescription":{}}]}}"#,
        ));
        assert_eq!(destination_of(&info), Destination::Other("Redshift".into()));
    }

    #[test]
    fn a_stream_that_could_not_be_described_keeps_its_name_and_error() {
        let error = Error::Service {
            status: 400,
            code: "AccessDeniedException".into(),
            message: "not allowed".into(),
            request_id: None,
        };
        let row = pipeline_row("secret".into(), Err(error.clone()));
        assert_eq!(row.stream, "secret");
        assert_eq!(row.destination, None);
        assert_eq!(row.error, Some(error));
    }

    #[test]
    fn table_names_come_from_the_path_only() {
        assert_eq!(
            table_from_url("https://x.on.aws/tables/a%2Eb?x=1").as_deref(),
            Some("a.b")
        );
        assert_eq!(
            table_from_url("http://127.0.0.1:4599/tables/").as_deref(),
            None
        );
        assert_eq!(
            table_from_url("http://tables.example.com/").as_deref(),
            None
        );
        assert_eq!(
            table_from_url("http://h/v1/tables/t1/extra").as_deref(),
            Some("t1")
        );
        assert_eq!(table_from_url("http://h/tables/%ZZ"), None);
    }

    #[test]
    fn names_come_out_of_arns() {
        assert_eq!(bucket_from_arn("arn:aws:s3:::demo-data"), Some("demo-data"));
        assert_eq!(bucket_from_arn("arn:aws-cn:s3:::b"), Some("b"));
        assert_eq!(bucket_from_arn("demo-data"), None);
        assert_eq!(
            role_name_from_arn("arn:aws:iam::123456789012:role/service/demo-firehose"),
            Some("demo-firehose")
        );
        assert_eq!(
            role_name_from_arn("arn:aws:iam::123456789012:user/bob"),
            None
        );
    }
}
