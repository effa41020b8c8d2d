//! The Connection screen in a real browser, against the signature-checking test emulator
//! (`bash scripts/emulator.sh start-test`; it serves CORS for any origin).
//!
//! Run: `cargo test --target wasm32-unknown-unknown -p hoseline-console` (.cargo/config.toml
//! sets the runner and CHROMEDRIVER).

#![cfg(target_arch = "wasm32")]

use std::any::Any;

use hoseline_console::connection::storage;
use hoseline_console::App;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT") {
    Some(endpoint) => endpoint,
    None => "http://127.0.0.1:4577",
};
/// An emulator that answers without any CORS header, like an endpoint whose CORS rules do not
/// admit this page.
const NO_CORS_ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT_NO_CORS") {
    Some(endpoint) => endpoint,
    None => "http://127.0.0.1:4576",
};
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// How long a step may take before the test gives up.
const TIMEOUT_MS: i32 = 15_000;

/// The console mounted into its own element, unmounted when dropped.
struct Page {
    root: HtmlElement,
    _handle: Box<dyn Any>,
}

impl Page {
    async fn mount() -> Page {
        let document = web_sys::window()
            .expect("window")
            .document()
            .expect("document");
        let root: HtmlElement = document
            .create_element("div")
            .expect("div")
            .unchecked_into();
        document
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        let handle = leptos::mount::mount_to(root.clone(), App);
        let page = Page {
            root,
            _handle: Box::new(handle),
        };
        tick().await;
        page
    }

    fn find(&self, testid: &str) -> Option<HtmlElement> {
        let selector = format!("[data-testid=\"{testid}\"]");
        self.root
            .query_selector(&selector)
            .ok()
            .flatten()
            .map(JsCast::unchecked_into)
    }

    fn get(&self, testid: &str) -> HtmlElement {
        self.find(testid)
            .unwrap_or_else(|| panic!("no [data-testid={testid}] on the page"))
    }

    fn input(&self, testid: &str) -> HtmlInputElement {
        self.get(testid).unchecked_into()
    }

    /// Types into a field the way a person does: the value changes, then an input event fires.
    async fn type_into(&self, testid: &str, value: &str) {
        let input = self.input(testid);
        input.set_value(value);
        let event = web_sys::Event::new("input").expect("event");
        input.dispatch_event(&event).expect("dispatch");
        tick().await;
    }

    async fn click(&self, testid: &str) {
        self.get(testid).click();
        tick().await;
    }

    fn text(&self, testid: &str) -> String {
        self.find(testid)
            .map(|e| e.inner_text())
            .unwrap_or_default()
    }

    /// Polls until `testid` shows text containing `expected`, or fails showing the page.
    async fn wait_for_text(&self, testid: &str, expected: &str) -> String {
        self.wait_until(testid, expected, |text| text.contains(expected))
            .await
    }

    /// Polls until `testid`'s text satisfies `done`, or fails showing the page.
    async fn wait_until(&self, testid: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
        let mut waited = 0;
        loop {
            let text = self.text(testid);
            if done(&text) {
                return text;
            }
            assert!(
                waited < TIMEOUT_MS,
                "{testid} never showed {what}; the page shows:\n{}",
                self.root.inner_text()
            );
            sleep(50).await;
            waited += 50;
        }
    }

    async fn connect(&self, secret: &str, endpoint: &str) {
        self.type_into("endpoint", endpoint).await;
        self.type_into("secret-access-key", secret).await;
        self.click("test-connection").await;
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

fn stored() -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    storage.get_item(storage::KEY).ok()?
}

fn clear_storage() {
    storage::apply(storage::Persist::Clear);
}

const CHECKS: [&str; 5] = [
    "check-dynamodb",
    "check-firehose",
    "check-lambda",
    "check-cloudformation",
    "check-iam",
];

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
