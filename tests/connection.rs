//! The Connection screen in a real browser, against the signature-checking test emulator
//! (`bash scripts/emulator.sh start-test`; it serves CORS for any origin).
//!
//! Run: `cargo test --target wasm32-unknown-unknown -p hoseline-console` (.cargo/config.toml
//! sets the runner and CHROMEDRIVER).

#![cfg(target_arch = "wasm32")]

mod common;

use common::{fresh_start, sleep, Page, ENDPOINT, NO_CORS_ENDPOINT, SECRET};
use hoseline_console::connection::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn stored() -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    storage.get_item(storage::KEY).ok()?
}

fn clear_storage() {
    fresh_start();
}

/// What the setup calls on the emulator (no Lambda, no stack: the page makes the roles itself).
const CHECKS: [&str; 3] = ["check-dynamodb", "check-firehose", "check-iam"];

#[wasm_bindgen_test]
async fn the_right_secret_shows_the_account_and_the_services() {
    clear_storage();
    let page = Page::mount().await;
    page.connect(SECRET, ENDPOINT).await;
    page.wait_for_text("identity-account", "123456789012").await;
    let arn = page.text("identity-arn");
    assert!(arn.contains("arn:aws:iam::123456789012:"), "{arn}");
    // The test emulator checks signatures on every service (its front fixes moto's check of
    // bodyless GETs, so Lambda ListFunctions passes too).
    for check in CHECKS {
        page.wait_for_text(check, "Reachable").await;
    }
    assert!(page.text("connection-badge").contains(ENDPOINT));
    assert_eq!(stored(), None, "stored without opting in");
}

#[wasm_bindgen_test]
async fn a_wrong_secret_shows_signature_does_not_match() {
    clear_storage();
    let page = Page::mount().await;
    page.connect("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEBAD", ENDPOINT)
        .await;
    let text = page
        .wait_for_text("identity-result", "SignatureDoesNotMatch")
        .await;
    assert!(text.contains("secret access key"), "no hint: {text}");
    assert!(page.find("identity-account").is_none());
}

#[wasm_bindgen_test]
async fn an_unreachable_endpoint_says_so() {
    clear_storage();
    let page = Page::mount().await;
    page.connect(SECRET, "http://127.0.0.1:9").await;
    let text = page.wait_for_text("identity-result", "unreachable").await;
    assert!(text.contains("emulator running"), "no hint: {text}");
    assert!(!text.contains("CORS"), "{text}");
}

#[wasm_bindgen_test]
async fn an_endpoint_without_cors_rules_is_named_as_a_cors_block() {
    clear_storage();
    let page = Page::mount().await;
    page.connect(SECRET, NO_CORS_ENDPOINT).await;
    let text = page
        .wait_for_text("identity-result", "Blocked by CORS")
        .await;
    assert!(text.contains("CORS rules"), "no hint: {text}");
    assert!(!text.contains("unreachable"), "{text}");
}

#[wasm_bindgen_test]
async fn an_empty_access_key_id_is_refused_before_anything_is_sent() {
    clear_storage();
    let page = Page::mount().await;
    page.type_into("endpoint", ENDPOINT).await;
    page.type_into("region", "not a region").await;
    page.type_into("access-key-id", "").await;
    page.click("test-connection").await;
    assert!(page
        .text("access-key-id-error")
        .contains("Access key id is required"));
    assert!(page.text("region-error").contains("not a region code"));
    assert_eq!(page.text("secret-access-key-error"), "");
    // Nothing was sent, nothing connected, and what was typed is still there.
    sleep(300).await;
    assert!(page.find("identity-result").is_none(), "a request was made");
    assert!(page.text("connection-badge").contains("Not connected"));
    assert_eq!(page.input("region").value(), "not a region");
    assert_eq!(page.input("endpoint").value(), ENDPOINT);
    assert_eq!(page.input("secret-access-key").value(), SECRET);
    // Fixing a field clears its message only.
    page.type_into("access-key-id", "AKIAIOSFODNN7EXAMPLE")
        .await;
    assert_eq!(page.text("access-key-id-error"), "");
    assert!(page.text("region-error").contains("not a region code"));
}

#[wasm_bindgen_test]
async fn remembered_credentials_come_back_until_forgotten() {
    clear_storage();
    let page = Page::mount().await;
    page.click("remember").await;
    page.connect(SECRET, ENDPOINT).await;
    page.wait_for_text("identity-account", "123456789012").await;
    assert!(
        stored().is_some_and(|json| json.contains(SECRET)),
        "not stored"
    );
    drop(page);

    let page = Page::mount().await;
    assert_eq!(page.input("endpoint").value(), ENDPOINT);
    assert_eq!(page.input("secret-access-key").value(), SECRET);
    assert!(page.input("remember").checked());
    page.click("forget").await;
    assert_eq!(stored(), None);
    assert_eq!(page.input("secret-access-key").value(), "");
    assert!(!page.input("remember").checked());
    assert!(page.text("connection-badge").contains("Not connected"));
    assert_eq!(page.input("access-key-id").value(), "AKIAIOSFODNN7EXAMPLE");
}
