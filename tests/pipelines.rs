//! The pipelines page in a real browser against the signature-checking test emulator
//! (`scripts/emulator.sh start-test`): an empty region shows what to do next; a stream and its
//! table made with the aws crate are listed as one pipeline, paged, and open on their own page
//! with their ARNs. Each test works in its own region, so they do not see each other's resources.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{fresh_start, hash, Page, ACCESS_KEY_ID, ENDPOINT, SECRET};
use hoseline_aws::dynamodb::{AttributeDefinition, CreateTable, DeleteTable, ScalarAttributeType};
use hoseline_aws::firehose::{
    BufferingHints, CreateDeliveryStream, DeleteDeliveryStream, HttpEndpointConfiguration,
    HttpEndpointDestinationConfiguration, HttpEndpointRetryOptions, HttpEndpointS3BackupMode,
    S3DestinationConfiguration,
};
use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::ClientConfig;
use hoseline_console::connection::form::ConnectionForm;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROLE: &str = "arn:aws:iam::123456789012:role/hoseline-test-firehose";

fn config(region: &str) -> ClientConfig {
    ConnectionForm {
        region: region.into(),
        access_key_id: ACCESS_KEY_ID.into(),
        secret_access_key: SECRET.into(),
        session_token: String::new(),
        endpoint: ENDPOINT.into(),
    }
    .validate()
    .expect("valid")
}

fn unique(prefix: &str) -> String {
    format!("{prefix}-{:x}", js_sys::Date::now() as u64)
}

/// A stream delivering to the local bridge for `table`, backed up to `bucket`.
fn bridge_stream(name: &str, table: &str, bucket: &str) -> CreateDeliveryStream {
    CreateDeliveryStream::to_http_endpoint(
        name,
        HttpEndpointDestinationConfiguration {
            endpoint_configuration: HttpEndpointConfiguration {
                url: format!("http://127.0.0.1:4599/tables/{table}"),
                name: Some("bridge".into()),
                access_key: None,
            },
            buffering_hints: Some(BufferingHints {
                size_in_mbs: Some(1),
                interval_in_seconds: Some(60),
            }),
            cloud_watch_logging_options: None,
            request_configuration: None,
            role_arn: Some(ROLE.into()),
            retry_options: Some(HttpEndpointRetryOptions {
                duration_in_seconds: Some(300),
            }),
            s3_backup_mode: Some(HttpEndpointS3BackupMode::FailedDataOnly),
            s3_configuration: S3DestinationConfiguration {
                role_arn: ROLE.into(),
                bucket_arn: format!("arn:aws:s3:::{bucket}"),
                prefix: Some("backup/".into()),
                error_output_prefix: Some("errors/!{firehose:error-output-type}/".into()),
                ..Default::default()
            },
        },
    )
}

/// Connects in `region` (remembered in the tab, so a reload keeps it) and opens the pipelines.
async fn connect_and_open_pipelines(region: &str) -> Page {
    let page = Page::mount_at("#/connection").await;
    page.type_into("region", region).await;
    page.click("remember").await;
    page.connect(SECRET, ENDPOINT).await;
    page.wait_for_text("identity-account", "123456789012").await;
    page.click("nav-pipelines").await;
    page.wait_for("streams").await;
    page
}

#[wasm_bindgen_test]
async fn not_connected_the_page_leads_to_connection() {
    fresh_start();
    let page = Page::mount_at("#/pipelines").await;
    let text = page.wait_for_text("not-connected", "Connect first").await;
    assert!(text.contains("Go to Connection"), "{text}");
    assert!(page.find("streams").is_none());
}

#[wasm_bindgen_test]
async fn an_empty_region_says_to_start_the_guided_setup() {
    fresh_start();
    let page = connect_and_open_pipelines("ap-northeast-3").await;
    let streams = page.wait_for_text("streams-rows", "No pipelines yet").await;
    assert!(streams.contains("Start the guided setup"), "{streams}");
    page.wait_for_text("tables-rows", "No tables yet").await;
    assert!(page.get("streams-pages-next").has_attribute("disabled"));
    assert!(page.get("streams-pages-previous").has_attribute("disabled"));
    page.click("start-setup").await;
    page.wait_for_text("step-title", "Connection").await;
}

#[wasm_bindgen_test]
async fn a_stream_and_its_table_are_one_pipeline_with_every_arn() {
    fresh_start();
    let region = "ca-central-1";
    let client = BrowserClient::browser(config(region));
    let table = unique("pl-table");
    let stream = unique("pl-stream");
    client
        .send(&CreateTable::new(
            &table,
            AttributeDefinition::new("TICKER_SYMBOL", ScalarAttributeType::S),
            None,
        ))
        .await
        .expect("CreateTable");
    client
        .send(&bridge_stream(&stream, &table, "pl-bucket"))
        .await
        .expect("CreateDeliveryStream");

    let page = connect_and_open_pipelines(region).await;
    let row = page
        .wait_for_text(&format!("stream-{stream}"), "Active")
        .await;
    assert!(row.contains("DynamoDB, through the bridge"), "{row}");
    assert!(row.contains(&table), "{row}");
    let table_row = page.wait_for_text(&format!("table-{table}"), &stream).await;
    assert!(table_row.contains(&table), "{table_row}");

    // Open it, as a person clicks the stream's name.
    let link = page
        .get(&format!("stream-{stream}"))
        .query_selector("a")
        .expect("query")
        .expect("a link");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&link).click();
    let resources = page.wait_for_text("pipeline-resources", &stream).await;
    assert_eq!(hash(), format!("#/pipelines/{stream}"));
    for arn in [
        format!("arn:aws:firehose:{region}:123456789012:deliverystream/{stream}"),
        format!("arn:aws:dynamodb:{region}:123456789012:table/{table}"),
        "arn:aws:s3:::pl-bucket".to_owned(),
        ROLE.to_owned(),
        format!("http://127.0.0.1:4599/tables/{table}"),
    ] {
        assert!(resources.contains(&arn), "no {arn} in:\n{resources}");
    }
    assert_eq!(
        page.get("stream-status")
            .get_attribute("data-status")
            .as_deref(),
        Some("success")
    );
    assert!(page.text("stream-status").contains("Active"));
    assert!(page.text("table-status").contains("Active"));
    let settings = page.text("pipeline-settings");
    for expected in [
        "1 MB or 60 seconds",
        "300 seconds",
        "Failed data only",
        "backup/",
    ] {
        assert!(settings.contains(expected), "no {expected} in:\n{settings}");
    }
    drop(page);

    // A reload of the pipeline's address shows it again (the connection was remembered).
    let page = Page::mount_at(&format!("#/pipelines/{stream}")).await;
    page.wait_for_text("pipeline-resources", &table).await;
    drop(page);

    client
        .send(&DeleteDeliveryStream::new(&stream))
        .await
        .expect("DeleteDeliveryStream");
    client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
    let page = Page::mount_at(&format!("#/pipelines/{stream}")).await;
    page.wait_for_text("pipeline-missing", "Back to the pipelines")
        .await;
}

#[wasm_bindgen_test]
async fn more_streams_than_a_page_page_forward_and_back() {
    fresh_start();
    let region = "sa-east-1";
    let client = BrowserClient::browser(config(region));
    let prefix = unique("pg");
    let names: Vec<String> = (0..11).map(|i| format!("{prefix}-{i:02}")).collect();
    for name in &names {
        client
            .send(&bridge_stream(name, "pg-table", "pg-bucket"))
            .await
            .expect("CreateDeliveryStream");
    }
    let page = connect_and_open_pipelines(region).await;
    page.wait_for_text("streams-rows", &names[0]).await;
    let rows = || {
        page.get("streams-rows")
            .query_selector_all("tr")
            .expect("rows")
            .length()
    };
    assert_eq!(rows(), 10);
    assert_eq!(page.text("streams-pages-page"), "Page 1");
    page.click("streams-pages-next").await;
    page.wait_for_text("streams-pages-page", "Page 2").await;
    page.wait_for_text("streams-rows", &names[10]).await;
    assert_eq!(rows(), 1);
    assert!(page.get("streams-pages-next").has_attribute("disabled"));
    page.click("streams-pages-previous").await;
    page.wait_for_text("streams-rows", &names[0]).await;
    assert_eq!(page.text("streams-pages-page"), "Page 1");
    assert_eq!(rows(), 10);

    for name in &names {
        client
            .send(&DeleteDeliveryStream::new(name))
            .await
            .expect("DeleteDeliveryStream");
    }
}
