//! Saves text as a file the browser downloads (a Blob URL on a link with `download`), with no
//! server: the CloudFormation template, the CLI script, the spec.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as `filename` of type `mime`; false when the browser refused.
pub fn save_text(filename: &str, mime: &str, text: &str) -> bool {
    let save = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(filename);
        link.click();
        web_sys::Url::revoke_object_url(&url).ok()
    };
    save().is_some()
}

/// A button that downloads what `text` gives when pressed.
#[component]
pub fn DownloadButton(
    label: &'static str,
    filename: Signal<String>,
    mime: &'static str,
    text: Signal<Option<String>>,
    testid: &'static str,
) -> impl IntoView {
    let on_click = move |_| {
        if let Some(text) = text.get_untracked() {
            save_text(&filename.get_untracked(), mime, &text);
        }
    };
    view! {
        <button
            type="button"
            class="button"
            data-testid=testid
            disabled=move || text.read().is_none()
            on:click=on_click
        >
            {label}
        </button>
    }
}
