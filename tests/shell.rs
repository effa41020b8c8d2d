//! The shell in a real browser: routes from the address (a reload), the step list as the
//! wizard's navigation, the draft kept across reloads, and "asks first" before edits are lost.
//! No emulator needed: a connection is made (not tested) by submitting the Connection form.

#![cfg(target_arch = "wasm32")]

mod common;

use common::{fresh_start, hash, local_storage, sleep, Page};
use hoseline_console::draft::storage::{KEY, PROGRESS_KEY};
use hoseline_pipeline::spec::PipelineSpec;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A draft stored by an earlier visit: these steps opened, edits pending or not.
fn store_draft(visited: &[&str], edited: bool) {
    let spec = PipelineSpec::local_dynamodb("demo").to_json(false);
    let progress = format!(
        r#"{{"visited":[{}],"edited":{edited}}}"#,
        visited
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    local_storage().set_item(KEY, &spec).expect("store");
    local_storage()
        .set_item(PROGRESS_KEY, &progress)
        .expect("store");
}

fn stored_spec() -> Option<String> {
    local_storage().get_item(KEY).expect("read")
}

/// Fires `beforeunload` as leaving the page does; `true` if the page asked to stay.
fn leaving_is_questioned() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatch");
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn a_reload_shows_the_screen_its_address_names() {
    fresh_start();
    store_draft(&["connection", "table", "bucket"], false);
    let page = Page::mount_at("#/setup/bucket").await;
    assert_eq!(page.text("step-title"), "S3 bucket");
    assert!(
        page.text("step-purpose").contains("backups"),
        "{}",
        page.text("step-purpose")
    );
    drop(page);

    let page = Page::mount_at("#/pipelines").await;
    page.wait_for("not-connected").await;
    assert!(page.get("nav-pipelines").class_list().contains("active"));
}

#[wasm_bindgen_test]
async fn an_unknown_address_shows_not_found_with_a_way_home() {
    fresh_start();
    let page = Page::mount_at("#/no/such/page").await;
    let text = page
        .wait_for_text("not-found", "no page at #/no/such/page")
        .await;
    assert!(text.contains("Go to Connection"), "{text}");
    let link: web_sys::HtmlAnchorElement = page
        .get("not-found")
        .query_selector("a")
        .expect("query")
        .expect("a link")
        .unchecked_into();
    assert!(link.href().ends_with("#/connection"), "{}", link.href());
}

#[wasm_bindgen_test]
async fn the_step_list_reopens_visited_steps_only() {
    fresh_start();
    store_draft(&["connection", "table", "bucket"], false);
    let page = Page::mount_at("#/setup/bucket").await;
    // The current step is marked, earlier visited ones are links, later ones are not.
    assert_eq!(
        page.get("step-bucket")
            .get_attribute("aria-current")
            .as_deref(),
        Some("step")
    );
    assert!(
        page.find("step-link-bucket").is_none(),
        "the current step links to itself"
    );
    assert!(
        page.find("step-link-access").is_none(),
        "an unvisited step is a link"
    );
    assert_eq!(
        page.get("step-access")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    assert!(
        page.text("step-table").contains("done"),
        "{}",
        page.text("step-table")
    );

    page.click("step-link-table").await;
    page.wait_for_text("step-title", "DynamoDB table").await;
    assert_eq!(hash(), "#/setup/table");
    assert_eq!(
        page.get("step-table")
            .get_attribute("aria-current")
            .as_deref(),
        Some("step")
    );
    // Bucket stays open to come back to.
    assert!(page.find("step-link-bucket").is_some());
    page.click("step-link-bucket").await;
    page.wait_for_text("step-title", "S3 bucket").await;
}

#[wasm_bindgen_test]
async fn an_address_ahead_of_the_walk_does_not_skip_steps() {
    fresh_start();
    store_draft(&["connection", "table"], false);
    let page = Page::mount_at("#/setup/review").await;
    let text = page
        .wait_for_text("step-closed", "one step at a time")
        .await;
    assert!(
        text.contains("Continue the setup at DynamoDB table"),
        "{text}"
    );
    assert!(page.find("wizard-next").is_none());
}

#[wasm_bindgen_test]
async fn next_starts_a_draft_for_the_connection_and_the_walk_goes_on() {
    fresh_start();
    let page = Page::mount().await;
    assert_eq!(page.text("step-title"), "Connection");
    // Not connected: Next says what to do and stays.
    page.click("wizard-next").await;
    assert!(page
        .text("step-error")
        .contains("Test the connection first"));
    assert_eq!(stored_spec(), None);

    // A connection (the endpoint need not answer for the draft to start).
    page.type_into("endpoint", "http://127.0.0.1:9").await;
    page.click("test-connection").await;
    page.click("wizard-next").await;
    page.wait_for_text("step-title", "DynamoDB table").await;
    assert_eq!(hash(), "#/setup/table");
    assert_eq!(page.text("step-error"), "");
    let spec = stored_spec().expect("the draft is stored");
    let spec = PipelineSpec::from_json(&spec).expect("a spec");
    assert!(
        spec.to_json(true)
            .contains("\"endpoint\": \"http://127.0.0.1:9\""),
        "the draft targets the connection's emulator: {}",
        spec.to_json(true)
    );
    assert!(page.text("step-connection").contains("done"));

    page.click("wizard-next").await;
    page.wait_for_text("step-title", "S3 bucket").await;
    page.click("wizard-previous").await;
    page.wait_for_text("step-title", "DynamoDB table").await;
    assert!(
        page.find("step-link-bucket").is_some(),
        "Bucket was visited"
    );
    // Walking without typing is no edit: leaving does not ask.
    assert!(!leaving_is_questioned());
}

#[wasm_bindgen_test]
async fn the_draft_comes_back_after_a_reload_and_a_bad_one_is_dropped_with_a_notice() {
    fresh_start();
    store_draft(&["connection", "table", "bucket", "access"], true);
    let page = Page::mount_at("#/setup/access").await;
    assert_eq!(page.text("step-title"), "Access");
    assert!(page.find("step-link-bucket").is_some());
    assert!(leaving_is_questioned(), "edits pending: leaving must ask");
    drop(page);

    local_storage()
        .set_item(KEY, r#"{"version":1,"name":"demo","kind":"teleport"}"#)
        .expect("store");
    let page = Page::mount_at("#/connection").await;
    let notice = page
        .wait_for_text("draft-notice", "could not be read")
        .await;
    assert!(notice.contains("teleport"), "{notice}");
    assert_eq!(stored_spec(), None, "the unreadable draft is dropped");
    assert!(!leaving_is_questioned());
    assert!(page.find("step-link-table").is_none());
}

#[wasm_bindgen_test]
async fn cancel_asks_before_discarding_edits() {
    fresh_start();
    store_draft(&["connection", "table"], true);
    let page = Page::mount_at("#/setup/table").await;
    page.click("wizard-cancel").await;
    assert!(page.text("confirm").contains("Discard this draft?"));
    page.click("confirm-cancel").await;
    assert!(page.find("confirm").is_none());
    assert!(stored_spec().is_some(), "kept");
    assert_eq!(page.text("step-title"), "DynamoDB table");

    page.click("wizard-cancel").await;
    page.click("confirm-ok").await;
    page.wait_for("not-connected").await;
    assert_eq!(hash(), "#/pipelines");
    assert_eq!(stored_spec(), None, "discarded");
    assert!(!leaving_is_questioned());
    sleep(10).await;
}
