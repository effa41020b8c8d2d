//! The setup's step forms in a real browser: the defaults walk to Review, a broken rule shows on
//! its field once the field is left and keeps Next on the step, a number that does not parse
//! stays as typed, advice shows where it applies, and an S3 pipeline has no Table step. Needs
//! the test emulator (`scripts/emulator.sh start-test`) for the connection.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{fresh_start, sleep, Page, ENDPOINT, SECRET};
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Leaves a field the way a person does (focus moves elsewhere).
async fn leave(page: &Page, testid: &str) {
    let event = web_sys::Event::new("blur").expect("event");
    page.get(testid).dispatch_event(&event).expect("dispatch");
    tick().await;
}

async fn choose(page: &Page, testid: &str, value: &str) {
    let select: HtmlSelectElement = page.get(testid).unchecked_into();
    select.set_value(value);
    let event = web_sys::Event::new("change").expect("event");
    select.dispatch_event(&event).expect("dispatch");
    tick().await;
}

/// Connected to the test emulator, with the pipeline section shown.
async fn connected() -> Page {
    fresh_start();
    let page = Page::mount().await;
    page.connect(SECRET, ENDPOINT).await;
    page.wait_for("field-name").await;
    page
}

/// Polls until the input `testid` holds `expected`.
async fn wait_for_value(page: &Page, testid: &str, expected: &str) {
    for _ in 0..100 {
        if page.find(testid).is_some() && page.input(testid).value() == expected {
            return;
        }
        sleep(50).await;
    }
    panic!(
        "{testid} never held {expected:?}, it holds {:?}",
        page.find(testid).map(|_| page.input(testid).value())
    );
}

async fn next_to(page: &Page, title: &str) {
    page.click("wizard-next").await;
    page.wait_for_text("step-title", title).await;
    assert_eq!(page.text("step-error"), "", "on the way to {title}");
}

#[wasm_bindgen_test]
async fn the_defaults_are_valid_and_next_walks_to_review() {
    let page = connected().await;
    wait_for_value(&page, "field-name", "demo").await;
    next_to(&page, "DynamoDB table").await;
    wait_for_value(&page, "field-table-name", "demo-tickers").await;
    assert!(page
        .text("table-form")
        .contains("3-255 characters: a-z A-Z 0-9 _ . -"));
    next_to(&page, "S3 bucket").await;
    next_to(&page, "Access").await;
    next_to(&page, "Delivery stream").await;
    next_to(&page, "Review").await;
    for step in ["table", "bucket", "access", "delivery"] {
        assert!(
            page.text(&format!("step-{step}")).contains("done"),
            "{step}: {}",
            page.text(&format!("step-{step}"))
        );
    }
}

#[wasm_bindgen_test]
async fn a_bad_table_name_shows_its_rule_once_left_and_next_stays() {
    let page = connected().await;
    next_to(&page, "DynamoDB table").await;
    page.type_into("field-table-name", "a!").await;
    // Not while typing the first time: the constraint still shows.
    assert_eq!(page.text("field-table-name-error"), "");
    leave(&page, "field-table-name").await;
    let error = page.text("field-table-name-error");
    assert!(error.starts_with("Table name must be 3 to 255"), "{error}");
    let constraint = page.get("field-table-name-constraint");
    assert!(constraint.hidden(), "the error replaces the constraint");

    // Another field broken but never left: Next shows its message too, and stays.
    page.type_into("field-table-partitionKey-name", "").await;
    assert_eq!(page.text("field-table-partitionKey-name-error"), "");
    page.click("wizard-next").await;
    assert_eq!(page.text("step-title"), "DynamoDB table");
    assert!(page.text("step-error").contains("need a change"));
    let error = page.text("field-table-partitionKey-name-error");
    assert!(error.contains("Partition key is required"), "{error}");
    assert!(
        page.text("step-table").contains("has errors"),
        "{}",
        page.text("step-table")
    );
}

#[wasm_bindgen_test]
async fn a_number_typed_as_words_stays_and_says_what_is_wrong() {
    let page = connected().await;
    for title in ["DynamoDB table", "S3 bucket", "Access", "Delivery stream"] {
        next_to(&page, title).await;
    }
    page.type_into("field-stream-bufferingSizeMb", "abc").await;
    leave(&page, "field-stream-bufferingSizeMb").await;
    assert_eq!(page.input("field-stream-bufferingSizeMb").value(), "abc");
    assert_eq!(
        page.text("field-stream-bufferingSizeMb-error"),
        "Buffer size (MB) must be a whole number"
    );
    page.click("wizard-next").await;
    assert_eq!(page.text("step-title"), "Delivery stream");
    drop(page);

    // Still there after a reload.
    let page = Page::mount().await;
    page.wait_for_text("step-title", "Delivery stream").await;
    assert_eq!(page.input("field-stream-bufferingSizeMb").value(), "abc");
}

#[wasm_bindgen_test]
async fn advice_shows_for_a_partition_key_with_few_values() {
    let page = connected().await;
    next_to(&page, "DynamoDB table").await;
    assert!(page.find("advice-table-partitionKey-name").is_none());
    page.type_into("field-table-partitionKey-name", "status")
        .await;
    let advice = page
        .wait_for_text("advice-table-partitionKey-name", "Partition key spread")
        .await;
    assert!(advice.contains("throttle"), "{advice}");
    // Advice is not an error: Next goes on.
    next_to(&page, "S3 bucket").await;
}

#[wasm_bindgen_test]
async fn an_s3_pipeline_skips_the_table() {
    let page = connected().await;
    choose(&page, "field-kind", "s3").await;
    assert!(page.find("step-table").is_none(), "no Table step");
    next_to(&page, "S3 bucket").await;
    wait_for_value(&page, "field-bucket-dataPrefix", "data/").await;
    assert!(page.find("field-bucket-backupMode").is_none());
    next_to(&page, "Access").await;
    assert!(page.find("field-bridge-accessKey").is_none());
    next_to(&page, "Delivery stream").await;
    assert!(page.find("field-bridge-generateMissingKey").is_none());
    next_to(&page, "Review").await;
}

#[wasm_bindgen_test]
async fn typing_leaves_the_input_in_place() {
    let page = connected().await;
    for title in ["DynamoDB table", "S3 bucket", "Access"] {
        next_to(&page, title).await;
    }
    for (testid, text) in [
        ("field-bridge-accessKey", "k"),
        ("field-iam-firehoseRoleName", "demo-firehose-2"),
    ] {
        let input = page.get(testid);
        page.type_into(testid, text).await;
        assert!(input.is_connected(), "{testid} was replaced while typing");
    }
    next_to(&page, "Delivery stream").await;
    let input = page.get("field-bridge-rejectPrefix");
    page.type_into("field-bridge-rejectPrefix", "rejects/")
        .await;
    assert!(
        input.is_connected(),
        "the reject prefix was replaced while typing"
    );
}
