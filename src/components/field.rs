//! A labelled text input: its label, a description of what it is for, the input, then the
//! constraint text (the rule, shown before anyone errs), replaced by the field's own error
//! message when it breaks the rule. The caller decides when the error shows (after the field is
//! left, or after Next), so nobody is told off while typing the first time.

use leptos::prelude::*;

#[component]
pub fn TextField(
    label: &'static str,
    /// `data-testid` of the input; the message gets `{testid}-error`.
    #[prop(into)]
    testid: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// A password input: what is typed is not shown.
    #[prop(optional)]
    secret: bool,
    #[prop(optional)] optional: bool,
    /// What the field is for, under the label.
    #[prop(default = None)]
    description: Option<&'static str>,
    /// The rule, under the input until the error replaces it.
    #[prop(default = None)]
    constraint: Option<String>,
    /// The person left the field.
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
    /// A whole number: a text input (so "abc" stays as typed) with the numeric keyboard.
    #[prop(optional)]
    numeric: bool,
    /// One entry per line.
    #[prop(optional)]
    multiline: bool,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let error_id = format!("{id}-error");
    let invalid = move || error.read().is_some();
    let input = move |ev| on_input.run(event_target_value(&ev));
    let blur = move |_| {
        if let Some(on_blur) = on_blur {
            on_blur.run(());
        }
    };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                data-testid=testid.clone()
                rows="3"
                spellcheck="false"
                aria-invalid=move || invalid().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=input
                on:blur=blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=if secret { "password" } else { "text" }
                inputmode=numeric.then_some("numeric")
                data-testid=testid.clone()
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                aria-invalid=move || invalid().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=input
                on:blur=blur
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=invalid>
            <FieldLabel for_id=id.clone() label=label optional=optional />
            {description.map(|text| view! { <p class="field-hint">{text}</p> })}
            {control}
            <FieldFoot testid=testid error_id=error_id constraint=constraint error=error />
        </div>
    }
}

#[component]
pub(crate) fn FieldLabel(for_id: String, label: &'static str, optional: bool) -> impl IntoView {
    view! {
        <label for=for_id>
            {label}
            {optional.then(|| view! { <span class="optional">" - optional"</span> })}
        </label>
    }
}

/// The error (when there is one) or else the constraint text.
#[component]
pub(crate) fn FieldFoot(
    testid: String,
    error_id: String,
    constraint: Option<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let constraint_id = format!("{testid}-constraint");
    view! {
        <p class="field-error" id=error_id data-testid=format!("{testid}-error") role="alert">
            {move || error.get()}
        </p>
        {constraint.map(|text| view! {
            <p class="field-constraint" data-testid=constraint_id hidden=move || error.read().is_some()>
                {text}
            </p>
        })}
    }
}
