//! A labelled text input with its hint and its own validation message.

use leptos::prelude::*;

#[component]
pub fn TextField(
    label: &'static str,
    /// `data-testid` of the input; the message gets `{testid}-error`.
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// A password input: what is typed is not shown.
    #[prop(optional)]
    secret: bool,
    #[prop(optional)] optional: bool,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let error_id = format!("{id}-error");
    let invalid = move || error.read().is_some();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>
                {label}
                {optional.then(|| view! { <span class="optional">" - optional"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="field-hint">{hint}</p> })}
            <input
                id=id
                type=if secret { "password" } else { "text" }
                data-testid=testid
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                aria-invalid=move || invalid().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <p class="field-error" id=error_id data-testid=format!("{testid}-error") role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}
