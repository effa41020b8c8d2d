//! Fields that choose rather than type: a select among named choices, and a checkbox. Both
//! show their label and what they are for, like [`super::field::TextField`].

use leptos::prelude::*;

use super::field::{FieldFoot, FieldLabel};

/// A select: `choices` are (value, words for people) pairs.
#[component]
pub fn SelectField(
    label: &'static str,
    /// `data-testid` of the select; the message gets `{testid}-error`.
    #[prop(into)]
    testid: String,
    choices: &'static [(&'static str, &'static str)],
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] description: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let error_id = format!("{id}-error");
    let options = choices
        .iter()
        .map(|(choice, words)| {
            view! {
                <option value=*choice selected=move || value.read().as_str() == *choice>
                    {*words}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:invalid=move || error.read().is_some()>
            <FieldLabel for_id=id.clone() label=label optional=false />
            {description.map(|text| view! { <p class="field-hint">{text}</p> })}
            <select
                id=id
                data-testid=testid.clone()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {options}
            </select>
            <FieldFoot testid=testid error_id=error_id constraint=None error=error />
        </div>
    }
}

/// A checkbox with its label beside it and what it does below.
#[component]
pub fn CheckboxField(
    label: &'static str,
    #[prop(into)] testid: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] description: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("field-{testid}-error");
    view! {
        <div class="field field-checkbox" class:invalid=move || error.read().is_some()>
            <label class="checkbox">
                <input
                    type="checkbox"
                    data-testid=testid.clone()
                    aria-describedby=error_id.clone()
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <span>{label}</span>
            </label>
            {description.map(|text| view! { <p class="field-hint checkbox-hint">{text}</p> })}
            <FieldFoot testid=testid error_id=error_id constraint=None error=error />
        </div>
    }
}
