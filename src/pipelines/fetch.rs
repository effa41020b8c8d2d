//! The pipelines page's calls, through the page's fetch transport: one page of streams (each
//! described), one page of tables, one pipeline with its table.

use hoseline_aws::dynamodb::{DescribeTable, ListTables};
use hoseline_aws::firehose::{DescribeDeliveryStream, ListDeliveryStreams};
use hoseline_aws::protocol::json;
use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::{ClientConfig, Error, Operation};
use serde_json::Value;

use super::model::{pipeline_row, table_from_url, PipelineRow};
use super::read::{
    stream_info, stream_names, table_info, table_names, DestinationInfo, StreamInfo, TableInfo,
};

/// Streams a page: each is described too (Firehose's control plane takes about 5 calls a
/// second, so they go one after the other).
pub const STREAMS_PER_PAGE: u32 = 10;
pub const TABLES_PER_PAGE: u32 = 20;

/// One page of a list and where the next starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// Sends `op` (validated, signed, retried as the typed operations are) and reads the answer as
/// JSON, for [`super::read`] (see there why not the typed outputs).
async fn send_for_json<O: Operation>(client: &BrowserClient, op: &O) -> Result<Value, Error> {
    op.validate()?;
    let endpoint = client.endpoint(O::SERVICE);
    let request = op.build(&endpoint)?;
    let response = client.send_request(&endpoint, request).await?;
    json::parse(&response, O::NAME)
}

async fn describe_stream(client: &BrowserClient, name: String) -> Result<StreamInfo, Error> {
    send_for_json(client, &DescribeDeliveryStream::new(name))
        .await
        .map(|answer| stream_info(&answer))
}

pub async fn streams_page(
    config: ClientConfig,
    start: Option<String>,
) -> Result<Page<PipelineRow>, Error> {
    let client = BrowserClient::browser(config);
    let op = ListDeliveryStreams {
        limit: Some(STREAMS_PER_PAGE),
        exclusive_start_delivery_stream_name: start,
        ..Default::default()
    };
    let listed = stream_names(&send_for_json(&client, &op).await?);
    let mut items = Vec::with_capacity(listed.names.len());
    for name in listed.names {
        let described = describe_stream(&client, name.clone()).await;
        items.push(pipeline_row(name, described));
    }
    Ok(Page {
        items,
        next: listed.next,
    })
}

pub async fn tables_page(
    config: ClientConfig,
    start: Option<String>,
) -> Result<Page<String>, Error> {
    let op = ListTables {
        exclusive_start_table_name: start,
        limit: Some(TABLES_PER_PAGE),
    };
    let listed = table_names(&send_for_json(&BrowserClient::browser(config), &op).await?);
    Ok(Page {
        items: listed.names,
        next: listed.next,
    })
}

/// A pipeline: its stream, and the table its endpoint URL names (or why it could not be read).
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineDetail {
    pub stream: StreamInfo,
    pub table: Option<Result<TableInfo, Error>>,
}

pub async fn pipeline(config: ClientConfig, stream: String) -> Result<PipelineDetail, Error> {
    let client = BrowserClient::browser(config);
    let stream = describe_stream(&client, stream).await?;
    let named = match &stream.destination {
        DestinationInfo::Http(http) => http.url.as_deref().and_then(table_from_url),
        _ => None,
    };
    let table = match named {
        Some(name) => Some(
            send_for_json(&client, &DescribeTable::new(name))
                .await
                .map(|answer| table_info(&answer)),
        ),
        None => None,
    };
    Ok(PipelineDetail { stream, table })
}
