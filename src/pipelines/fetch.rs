//! The pipelines page's reads, asked of the engine worker (the page links no AWS client): one
//! page of streams (each described), one page of tables, one pipeline with its table. The
//! worker answers with AWS's JSON, read here by [`super::read`].

use hoseline_aws::{ClientConfig, Error};
use serde_json::Value;

use super::model::{pipeline_row, PipelineRow};
use super::read::{stream_info, stream_names, table_info, table_names, StreamInfo, TableInfo};
use crate::engine::ask::ask;
use crate::engine::aws_wire::{read_result, unreadable, AwsCall};

/// Streams a page: each is described too (Firehose's control plane takes about 5 calls a
/// second, so the worker describes them one after the other).
pub const STREAMS_PER_PAGE: u32 = 10;
pub const TABLES_PER_PAGE: u32 = 20;

/// One page of a list and where the next starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

pub async fn streams_page(
    config: ClientConfig,
    start: Option<String>,
) -> Result<Page<PipelineRow>, Error> {
    let answer = ask(&config, AwsCall::StreamsPage { cursor: start }).await?;
    read_streams_page(&answer).ok_or_else(|| unreadable(&answer))
}

/// The worker's `{list, described}`: each listed stream with its description or error.
fn read_streams_page(answer: &Value) -> Option<Page<PipelineRow>> {
    let listed = stream_names(answer.get("list")?);
    let described = answer.get("described")?.as_array()?;
    if described.len() != listed.names.len() {
        return None;
    }
    let items = listed
        .names
        .into_iter()
        .zip(described)
        .map(|(name, d)| pipeline_row(name, read_result(d).map(|a| stream_info(&a))))
        .collect();
    Some(Page {
        items,
        next: listed.next,
    })
}

pub async fn tables_page(
    config: ClientConfig,
    start: Option<String>,
) -> Result<Page<String>, Error> {
    let listed = table_names(&ask(&config, AwsCall::TablesPage { cursor: start }).await?);
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
    let answer = ask(&config, AwsCall::Pipeline { stream }).await?;
    read_pipeline(&answer).ok_or_else(|| unreadable(&answer))
}

/// The worker's `{stream, table}`: `table` is `null` when the stream names none.
fn read_pipeline(answer: &Value) -> Option<PipelineDetail> {
    let stream = stream_info(answer.get("stream")?);
    let table = match answer.get("table") {
        None | Some(Value::Null) => None,
        Some(t) => Some(read_result(t).map(|a| table_info(&a))),
    };
    Some(PipelineDetail { stream, table })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::aws_wire::result_value;
    use hoseline_aws::NetworkErrorKind;
    use serde_json::json;

    fn description(name: &str) -> Value {
        json!({ "DeliveryStreamDescription": {
            "DeliveryStreamName": name,
            "DeliveryStreamStatus": "ACTIVE",
        }})
    }

    #[test]
    fn a_streams_page_pairs_each_name_with_its_description_or_error() {
        let denied = Error::Service {
            status: 400,
            code: "AccessDeniedException".into(),
            message: "no".into(),
            request_id: None,
        };
        let answer = json!({
            "list": { "DeliveryStreamNames": ["a", "b"], "HasMoreDeliveryStreams": true },
            "described": [result_value(Ok(description("a"))), result_value(Err(denied.clone()))],
        });
        let page = read_streams_page(&answer).expect("a page");
        assert_eq!(page.next.as_deref(), Some("b"));
        assert_eq!(page.items.len(), 2);
        assert_eq!(
            page.items[0],
            pipeline_row("a".into(), Ok(stream_info(&description("a"))))
        );
        assert_eq!(page.items[1], pipeline_row("b".into(), Err(denied)));
        let short = json!({ "list": { "DeliveryStreamNames": ["a"] }, "described": [] });
        assert_eq!(read_streams_page(&short), None);
    }

    #[test]
    fn a_pipeline_reads_with_its_table_without_one_and_with_the_tables_error() {
        let table = json!({ "Table": { "TableName": "t", "TableStatus": "ACTIVE" } });
        let with = json!({ "stream": description("s"), "table": result_value(Ok(table.clone())) });
        let detail = read_pipeline(&with).expect("a pipeline");
        assert_eq!(detail.stream, stream_info(&description("s")));
        assert_eq!(detail.table, Some(Ok(table_info(&table))));
        let without = json!({ "stream": description("s"), "table": null });
        assert_eq!(read_pipeline(&without).and_then(|d| d.table), None);
        let down = Error::network(NetworkErrorKind::Unreachable, "refused");
        let failed =
            json!({ "stream": description("s"), "table": result_value(Err(down.clone())) });
        assert_eq!(
            read_pipeline(&failed).and_then(|d| d.table),
            Some(Err(down))
        );
        assert_eq!(read_pipeline(&json!({})), None);
    }
}
