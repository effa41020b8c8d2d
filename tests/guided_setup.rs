//! The guided setup end to end in a real browser, against the signature-checking emulator and
//! the test bridge (scripts/test-bridge.sh): walk the steps, create the local pipeline, stop it
//! half-way and reload, resume until every call is done, put records into the new stream and
//! find them in the table, then delete the pipeline from its page and find nothing left.
//!
//! The engine runs in the page's own thread here (`InPageHost`, set by `Page::mount`): the test
//! runner serves no worker script. The messages still travel as JSON, as they do to the worker;
//! scripts/site-test.sh drives the built site with its real worker.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{fresh_start, local_storage, session_storage, sleep, Page, ENDPOINT, SECRET};
use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::{dynamodb, firehose, iam, s3, ClientConfig, Credentials, Endpoint, Region};
use hoseline_console::draft::storage::{KEY, PROGRESS_KEY};
use hoseline_pipeline::spec::{PipelineSpec, Target};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The test bridge (scripts/test-bridge.sh).
const BRIDGE_URL: &str = match option_env!("HOSELINE_TEST_BRIDGE_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:4579",
};

/// A pipeline name of its own per run: the emulators may be kept between runs.
fn unique_name(prefix: &str) -> String {
    format!("{prefix}{}", js_sys::Date::now() as u64 % 1_000_000_000)
}

/// The draft a newcomer has after Connection, pointed at the test emulator and bridge.
fn local_spec(name: &str) -> PipelineSpec {
    let mut spec = PipelineSpec::local_dynamodb(name);
    if let Target::Local {
        endpoint,
        bridge_url,
        ..
    } = &mut spec.target
    {
        ENDPOINT.clone_into(endpoint);
        BRIDGE_URL.clone_into(bridge_url);
    }
    spec
}

fn store_draft(spec: &PipelineSpec, visited: &str) {
    local_storage()
        .set_item(KEY, &spec.to_json(false))
        .expect("store");
    local_storage()
        .set_item(
            PROGRESS_KEY,
            &format!(r#"{{"visited":[{visited}],"edited":true}}"#),
        )
        .expect("store");
}

fn client() -> BrowserClient {
    BrowserClient::browser(ClientConfig {
        credentials: Credentials::new(common::ACCESS_KEY_ID, SECRET, None).expect("credentials"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::parse(ENDPOINT).expect("endpoint"),
    })
}

/// Connects (remembered in this tab, so a reload keeps the connection) and waits for it.
async fn connect(page: &Page) {
    page.click("remember").await;
    page.connect(SECRET, ENDPOINT).await;
    page.wait_for_text("identity-account", "123456789012").await;
}

async fn next(page: &Page, title: &str) {
    page.click("wizard-next").await;
    page.wait_for_text("step-title", title).await;
}

#[wasm_bindgen_test]
async fn a_newcomer_creates_the_local_pipeline_resumes_after_a_reload_and_deletes_it() {
    fresh_start();
    let name = unique_name("wiz");
    let spec = local_spec(&name);

    // Walk the steps as a person does: connect, name the pipeline (every resource's name
    // follows), keep the defaults, point the stream at the test bridge.
    let page = Page::mount().await;
    connect(&page).await;
    page.wait_for("field-name").await;
    page.type_into("field-name", &name).await;
    next(&page, "DynamoDB table").await;
    page.wait_for_text("request-preview", "CreateTable").await;
    next(&page, "S3 bucket").await;
    next(&page, "Access").await;
    page.type_into("field-target-bridgeUrl", BRIDGE_URL).await;
    next(&page, "Delivery stream").await;
    // The stream's request (folded away until opened) delivers to the test bridge.
    let mut waited = 0;
    while !page
        .get("request-preview")
        .text_content()
        .unwrap_or_default()
        .contains(&format!("{BRIDGE_URL}/tables/{name}-tickers"))
    {
        assert!(
            waited < 10_000,
            "the stream's request never named the bridge"
        );
        sleep(50).await;
        waited += 50;
    }
    next(&page, "Review").await;
    page.wait_for_text("plan-calls", "CreateDeliveryStream")
        .await;
    page.wait_for_text("cost-total", "a month").await;
    assert!(page
        .text("review-table")
        .contains(&format!("{name}-tickers")));

    // Create, then stop it as a closed tab would.
    // Stop it before it starts: on the emulator the whole plan takes well under a second, so
    // this engine starts an apply 1.5 s late, and Stop lands before the first call.
    hoseline_console::engine::client::use_host(std::rc::Rc::new(
        hoseline_console::engine::client::InPageHost::with_apply_delay(1_500),
    ));
    page.click("wizard-next").await;
    page.wait_for_text("step-title", "Create").await;
    page.wait_for("create-running").await;
    page.click("create-stop").await;
    page.wait_for("create-stopped").await;
    assert!(
        page.find("call-failure").is_none(),
        "a stop is not a failure"
    );
    let stopped_at = page.text("create-count");
    drop(page);

    // The reload: the saved progress shows what is done; Resume finishes the rest.
    let page = Page::mount_at("#/setup/create").await;
    page.wait_for("create-interrupted").await;
    let shown = page
        .wait_until("create-count", "the saved progress", |t| t.contains(" of "))
        .await;
    assert_eq!(
        shown, stopped_at,
        "the reload shows what was done before it"
    );
    page.click("create-resume").await;
    page.wait_for("create-done").await;
    let count = page.text("create-count");
    let (done, total) = count.split_once(" of ").expect("n of m done");
    assert_eq!(
        done,
        total.trim_end_matches(" done"),
        "every call done: {count}"
    );
    assert!(
        page.text("create-outputs")
            .contains(&format!("{name}-stream"))
            || page.text("create-outputs").contains("StreamArn")
    );
    drop(page);

    // Records put into the new stream reach the table through the bridge.
    let client = client();
    let stream = spec.stream.name.clone();
    let table = spec.table.as_ref().expect("table").name.clone();
    let records = (0..3)
        .map(|i| firehose::Record::new(format!(r#"{{"TICKER_SYMBOL":"WIZ{i}","PRICE":{i}.5}}"#)))
        .collect();
    let put = client
        .send(&firehose::PutRecordBatch::new(stream.clone(), records))
        .await
        .expect("PutRecordBatch");
    assert_eq!(put.failed_put_count, 0);
    let mut items = 0;
    for _ in 0..40 {
        let scan = client
            .send(&dynamodb::Scan::new(table.clone()))
            .await
            .expect("Scan");
        items = scan.items.len();
        if items >= 3 {
            break;
        }
        sleep(100).await;
    }
    assert_eq!(items, 3, "the three records are items of {table}");

    // Delete it from its page after typing its name.
    let page = Page::mount_at(&format!("#/pipelines/{stream}")).await;
    page.wait_for("teardown-start").await;
    page.click("teardown-start").await;
    page.type_into("teardown-name", &name).await;
    page.click("teardown-confirm").await;
    page.wait_for("teardown-done").await;
    drop(page);

    let gone = |r: Result<(), hoseline_aws::Error>| match r {
        Ok(()) => false,
        Err(e) => matches!(
            e.code(),
            "ResourceNotFoundException" | "NoSuchEntity" | "NoSuchBucket" | "NotFound"
        ),
    };
    let stream_gone = client
        .send(&firehose::DescribeDeliveryStream::new(stream.clone()))
        .await
        .map(drop);
    assert!(gone(stream_gone), "the stream is gone");
    let table_gone = client
        .send(&dynamodb::DescribeTable::new(table.clone()))
        .await
        .map(drop);
    assert!(gone(table_gone), "the table is gone");
    let role_gone = client
        .send(&iam::GetRole {
            role_name: spec.iam.firehose_role_name.clone(),
        })
        .await
        .map(drop);
    assert!(gone(role_gone), "the Firehose role is gone");
    let bucket_gone = client
        .send(&s3::GetBucketTagging {
            bucket: spec.bucket.name.clone(),
        })
        .await
        .map(drop);
    assert!(gone(bucket_gone), "the bucket is gone");
    assert_eq!(
        local_storage()
            .get_item(&hoseline_console::runs::record::key(&stream))
            .expect("read"),
        None,
        "nothing of the pipeline is remembered"
    );
    session_storage().clear().expect("clear");
}

#[wasm_bindgen_test]
async fn a_field_that_breaks_a_rule_blocks_create() {
    fresh_start();
    let mut spec = local_spec(&unique_name("bad"));
    if let Some(table) = spec.table.as_mut() {
        "ab".clone_into(&mut table.name);
    }
    store_draft(
        &spec,
        r#""connection","table","bucket","access","delivery","review""#,
    );
    let page = Page::mount().await;
    connect(&page).await;
    page.click("step-link-review").await;
    page.wait_for_text("step-title", "Review").await;
    let blocked = page
        .wait_for_text("review-blocked", "Create is blocked")
        .await;
    assert!(blocked.contains("1 field"), "{blocked}");
    assert!(page.text("review-errors").contains("table.name"));
    page.click("wizard-next").await;
    assert_eq!(page.text("step-title"), "Review", "Create does not open");
    assert!(!page.text("step-error").is_empty());
    drop(page);
    // Not by its address either: Create stays closed until Review lets the walk on...
    let page = Page::mount_at("#/setup/create").await;
    page.wait_for("step-closed").await;
    drop(page);
    // ...and a Create opened before a field went wrong refuses to run.
    store_draft(
        &spec,
        r#""connection","table","bucket","access","delivery","review","create""#,
    );
    let page = Page::mount_at("#/setup/create").await;
    page.wait_for("create-blocked").await;
    assert!(page.find("create-calls").is_none(), "no call is made");
}

/// Chooses a file with `text` in the spec loader, as picking one in the file dialog does.
async fn choose_spec_file(page: &Page, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, "spec.json").expect("file");
    let transfer = web_sys::DataTransfer::new().expect("DataTransfer");
    transfer.items().add_with_file(&file).expect("add");
    let input: web_sys::HtmlInputElement = page.get("spec-file").unchecked_into();
    input.set_files(transfer.files().as_ref());
    let event = web_sys::Event::new("change").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn a_spec_file_is_loaded_with_its_errors_on_their_fields_or_refused_by_field() {
    fresh_start();
    let page = Page::mount().await;
    connect(&page).await;
    page.wait_for("spec-file").await;

    // Unknown fields and wrong types: nothing changes, each problem is listed by its field.
    choose_spec_file(
        &page,
        r#"{"version":1,"name":"x","kind":"dynamodb","colour":"red"}"#,
    )
    .await;
    let refused = page.wait_for("spec-refused").await.inner_text();
    assert!(refused.contains("colour"), "{refused}");

    // A readable spec whose table name breaks a rule: loaded, and the Table step shows why.
    let mut spec = local_spec(&unique_name("file"));
    if let Some(table) = spec.table.as_mut() {
        "ab".clone_into(&mut table.name);
    }
    choose_spec_file(&page, &spec.to_json(false)).await;
    page.wait_for("spec-loaded").await;
    page.click("step-link-table").await;
    page.wait_for_text("step-title", "DynamoDB table").await;
    let message = page.wait_for_text("field-table-name-error", "3").await;
    assert!(message.contains("Table name"), "{message}");
}
