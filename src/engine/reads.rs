//! The worker's side of the page's AWS reads ([`AwsCall`]): the connection test's calls and the
//! pipelines page's lists and details, answered as JSON for the page to read by hand.

use hoseline_aws::dynamodb::{DescribeTable, ListTables};
use hoseline_aws::firehose::{DescribeDeliveryStream, ListDeliveryStreams};
use hoseline_aws::protocol::json;
use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::{cloudformation, dynamodb, firehose, iam, lambda, sts};
use hoseline_aws::{Error, Operation};
use serde_json::{json, Value};

use super::aws_wire::{result_value, AwsCall, WireConnection};
use crate::connection::checks::ServiceCheck;
use crate::pipelines::fetch::{STREAMS_PER_PAGE, TABLES_PER_PAGE};
use crate::pipelines::model::table_from_url;
use crate::pipelines::read::{stream_info, stream_names, DestinationInfo};

/// Answers one read.
pub async fn answer(connection: &WireConnection, call: AwsCall) -> Result<Value, Error> {
    let client = BrowserClient::browser(connection.config()?);
    match call {
        AwsCall::Identity => {
            let out = client.send(&sts::GetCallerIdentity).await?;
            Ok(json!({ "account": out.account, "arn": out.arn }))
        }
        AwsCall::Check { service } => {
            let check = ServiceCheck::ALL
                .into_iter()
                .find(|c| c.testid() == service)
                .ok_or_else(|| Error::invalid("check", format!("{service} is not a check")))?;
            check_service(&client, check).await.map(|()| Value::Null)
        }
        AwsCall::StreamsPage { cursor } => streams_page(&client, cursor).await,
        AwsCall::TablesPage { cursor } => {
            let op = ListTables {
                exclusive_start_table_name: cursor,
                limit: Some(TABLES_PER_PAGE),
            };
            send_for_json(&client, &op).await
        }
        AwsCall::Pipeline { stream } => pipeline(&client, stream).await,
    }
}

/// Sends `op` (validated, signed, retried as the typed operations are) and reads the answer as
/// JSON, for [`crate::pipelines::read`] (see there why not the typed outputs).
async fn send_for_json<O: Operation>(client: &BrowserClient, op: &O) -> Result<Value, Error> {
    op.validate()?;
    let endpoint = client.endpoint(O::SERVICE);
    let request = op.build(&endpoint)?;
    let response = client.send_request(&endpoint, request).await?;
    json::parse(&response, O::NAME)
}

/// Sends `op` and checks only that the service accepted it (its answer is not decoded).
async fn reach<O: Operation>(client: &BrowserClient, op: &O) -> Result<(), Error> {
    op.validate()?;
    let endpoint = client.endpoint(O::SERVICE);
    let request = op.build(&endpoint)?;
    client.send_request(&endpoint, request).await.map(drop)
}

/// One service check: the smallest page of a list call; only whether it answered matters.
async fn check_service(client: &BrowserClient, check: ServiceCheck) -> Result<(), Error> {
    match check {
        ServiceCheck::DynamoDb => {
            let op = dynamodb::ListTables {
                limit: Some(1),
                ..Default::default()
            };
            reach(client, &op).await
        }
        ServiceCheck::Firehose => {
            let op = firehose::ListDeliveryStreams {
                limit: Some(1),
                ..Default::default()
            };
            reach(client, &op).await
        }
        ServiceCheck::Lambda => {
            let op = lambda::ListFunctions {
                max_items: Some(1),
                ..Default::default()
            };
            reach(client, &op).await
        }
        ServiceCheck::CloudFormation => {
            reach(client, &cloudformation::DescribeStacks::default()).await
        }
        ServiceCheck::Iam => {
            let op = iam::ListRoles {
                max_items: Some(1),
                ..Default::default()
            };
            reach(client, &op).await
        }
    }
}

/// ListDeliveryStreams' answer and each listed stream's description (Firehose's control plane
/// takes about 5 calls a second, so they go one after the other).
async fn streams_page(client: &BrowserClient, cursor: Option<String>) -> Result<Value, Error> {
    let op = ListDeliveryStreams {
        limit: Some(STREAMS_PER_PAGE),
        exclusive_start_delivery_stream_name: cursor,
        ..Default::default()
    };
    let list = send_for_json(client, &op).await?;
    let mut described = Vec::new();
    for name in stream_names(&list).names {
        let answer = send_for_json(client, &DescribeDeliveryStream::new(name)).await;
        described.push(result_value(answer));
    }
    Ok(json!({ "list": list, "described": described }))
}

/// The stream's description and, if its endpoint URL names a table, that table's.
async fn pipeline(client: &BrowserClient, stream: String) -> Result<Value, Error> {
    let answer = send_for_json(client, &DescribeDeliveryStream::new(stream)).await?;
    let named = match stream_info(&answer).destination {
        DestinationInfo::Http(http) => http.url.as_deref().and_then(table_from_url),
        _ => None,
    };
    let table = match named {
        Some(name) => result_value(send_for_json(client, &DescribeTable::new(name)).await),
        None => Value::Null,
    };
    Ok(json!({ "stream": answer, "table": table }))
}
