//! The console mounted in a real page, driven the way a person drives it: shared by the browser
//! tests (`cargo test --target wasm32-unknown-unknown -p hoseline-console`).

#![allow(dead_code)] // Each test file uses its own part of this.

use std::any::Any;

use hoseline_console::App;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

/// The signature-checking test emulator (`scripts/emulator.sh start-test`).
pub(crate) const ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT") {
    Some(endpoint) => endpoint,
    None => "http://127.0.0.1:4577",
};
/// An emulator that answers without any CORS header, like an endpoint whose CORS rules do not
/// admit this page.
pub(crate) const NO_CORS_ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT_NO_CORS") {
    Some(endpoint) => endpoint,
    None => "http://127.0.0.1:4576",
};
pub(crate) const ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub(crate) const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// How long a step may take before the test gives up.
const TIMEOUT_MS: i32 = 15_000;

/// The console mounted into its own element, unmounted when dropped.
pub(crate) struct Page {
    root: HtmlElement,
    _handle: Box<dyn Any>,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("window")
}

/// Puts `hash` in the address bar without a `hashchange` reaching a console (none is mounted):
/// what a reload of that address starts from.
pub(crate) fn set_hash(hash: &str) {
    let location = window().location();
    let url = format!(
        "{}{}{hash}",
        location.pathname().expect("pathname"),
        location.search().expect("search")
    );
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("replaceState");
}

pub(crate) fn hash() -> String {
    window().location().hash().expect("hash")
}

impl Page {
    /// The console as a reload of the current address shows it. The engine runs in the page's
    /// own thread: the test runner serves no worker script.
    pub(crate) async fn mount() -> Page {
        hoseline_console::engine::client::use_host(std::rc::Rc::new(
            hoseline_console::engine::client::InPageHost::new(),
        ));
        let document = window().document().expect("document");
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

    /// The console as a reload of `#hash` shows it.
    pub(crate) async fn mount_at(hash: &str) -> Page {
        set_hash(hash);
        Page::mount().await
    }

    pub(crate) fn find(&self, testid: &str) -> Option<HtmlElement> {
        let selector = format!("[data-testid=\"{testid}\"]");
        self.root
            .query_selector(&selector)
            .ok()
            .flatten()
            .map(JsCast::unchecked_into)
    }

    pub(crate) fn get(&self, testid: &str) -> HtmlElement {
        self.find(testid).unwrap_or_else(|| {
            panic!(
                "no [data-testid={testid}] on the page, which shows:\n{}",
                self.root.inner_text()
            )
        })
    }

    pub(crate) fn input(&self, testid: &str) -> HtmlInputElement {
        self.get(testid).unchecked_into()
    }

    /// Types into a field the way a person does: the value changes, then an input event fires.
    pub(crate) async fn type_into(&self, testid: &str, value: &str) {
        let input = self.input(testid);
        input.set_value(value);
        let event = web_sys::Event::new("input").expect("event");
        input.dispatch_event(&event).expect("dispatch");
        tick().await;
    }

    pub(crate) async fn click(&self, testid: &str) {
        self.get(testid).click();
        tick().await;
    }

    pub(crate) fn text(&self, testid: &str) -> String {
        self.find(testid)
            .map(|e| e.inner_text())
            .unwrap_or_default()
    }

    /// Polls until `testid` shows text containing `expected`, or fails showing the page.
    pub(crate) async fn wait_for_text(&self, testid: &str, expected: &str) -> String {
        self.wait_until(testid, expected, |text| text.contains(expected))
            .await
    }

    /// Polls until `testid`'s text satisfies `done`, or fails showing the page.
    pub(crate) async fn wait_until(
        &self,
        testid: &str,
        what: &str,
        done: impl Fn(&str) -> bool,
    ) -> String {
        let mut waited = 0;
        loop {
            let text = self.text(testid);
            if self.find(testid).is_some() && done(&text) {
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

    /// Polls until `testid` is on the page.
    pub(crate) async fn wait_for(&self, testid: &str) -> HtmlElement {
        self.wait_until(testid, "up", |_| true).await;
        self.get(testid)
    }

    /// Fills the Connection form and presses "Test connection".
    pub(crate) async fn connect(&self, secret: &str, endpoint: &str) {
        self.type_into("endpoint", endpoint).await;
        self.type_into("secret-access-key", secret).await;
        self.click("test-connection").await;
    }

    pub(crate) fn inner_text(&self) -> String {
        self.root.inner_text()
    }

    pub(crate) fn root(&self) -> &HtmlElement {
        &self.root
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.root.remove();
    }
}

pub(crate) async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

pub(crate) fn local_storage() -> web_sys::Storage {
    window()
        .local_storage()
        .expect("localStorage")
        .expect("localStorage")
}

pub(crate) fn session_storage() -> web_sys::Storage {
    window()
        .session_storage()
        .expect("sessionStorage")
        .expect("sessionStorage")
}

/// Nothing remembered from an earlier test: no connection, no draft, no hash.
pub(crate) fn fresh_start() {
    local_storage().clear().expect("clear");
    session_storage().clear().expect("clear");
    set_hash("");
}
