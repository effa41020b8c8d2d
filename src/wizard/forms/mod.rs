//! Each step's form: panels of [`SpecField`]s, each bound to one field of the draft's spec as
//! described in [`super::fields`] (label, description, the engine's constraint and messages,
//! inline advice). The logic is there; here are only the bindings.

pub mod access;
pub mod bucket;
pub mod delivery;
pub mod panel;
pub mod pipeline;
pub mod table;

use std::collections::BTreeSet;

use hoseline_pipeline::rules::{self, Validation};
use leptos::prelude::*;

pub use access::AccessForm;
pub use bucket::BucketForm;
pub use delivery::DeliveryForm;
pub use pipeline::PipelineForm;
pub use table::TableForm;

use super::fields::{self, apply_input, field_advice, field_errors, shown_value, FieldDef, Input};
use crate::components::advice::AdviceNote;
use crate::components::choice::{CheckboxField, SelectField};
use crate::components::field::TextField;
use crate::draft::{use_draft, DraftContext};

/// When a step's messages show: a field's once it was left, every field's once Next was
/// pressed. Also the draft's validation, run once per change for all the fields.
#[derive(Clone, Copy)]
pub struct FormState {
    left: RwSignal<BTreeSet<&'static str>>,
    all: RwSignal<bool>,
    validation: Memo<Validation>,
}

impl FormState {
    /// Provides a fresh state for a step's screen.
    pub fn provide() -> Self {
        let draft = use_draft();
        let state = Self {
            left: RwSignal::new(BTreeSet::new()),
            all: RwSignal::new(false),
            validation: Memo::new(move |_| draft.with_spec(rules::validate).unwrap_or_default()),
        };
        provide_context(state);
        state
    }

    /// Next was pressed on a step with errors: every field shows its message.
    pub fn show_all(&self) {
        self.all.set(true);
    }

    fn shows(&self, path: &'static str) -> bool {
        self.all.get() || self.left.read().contains(path)
    }

    fn leave(&self, path: &'static str) {
        if !self.left.read_untracked().contains(path) {
            self.left.update(|l| {
                l.insert(path);
            });
        }
    }
}

/// The form state of the step on screen; a fresh one when there is none (a form shown alone).
pub fn use_form_state() -> FormState {
    use_context::<FormState>().unwrap_or_else(FormState::provide)
}

/// The field at `path`, shown while it applies to the draft (its kind, target, billing...).
#[component]
pub fn SpecField(path: &'static str) -> impl IntoView {
    let draft = use_draft();
    let form = use_form_state();
    let def = fields::field(path);
    let shown = Memo::new(move |_| {
        def.and_then(|def| draft.with_spec(|s| (def.shown)(s)))
            .unwrap_or(false)
    });
    move || {
        let def = def.filter(|_| shown.get())?;
        // One box per field, so a row of fields keeps each one's advice under it.
        Some(view! {
            <div class="spec-field">
                {control(def, draft, form)}
                <FieldAdvice def=def form=form />
            </div>
        })
    }
}

fn control(def: &'static FieldDef, draft: DraftContext, form: FormState) -> AnyView {
    let value = Signal::derive(move || {
        draft
            .with_draft(|d| shown_value(def, &d.spec, &d.raw))
            .unwrap_or_default()
    });
    let on_input = Callback::new(move |text: String| draft.edit(|d| apply_input(def, d, &text)));
    let error = Signal::derive(move || {
        if !form.shows(def.path) {
            return None;
        }
        let found = draft.with_draft(|d| form.validation.with(|v| field_errors(def, &d.raw, v)))?;
        (!found.is_empty()).then(|| found.join(" "))
    });
    let testid = def.testid();
    let description = Some(def.description);
    match def.input {
        Input::Choice(choices) => view! {
            <SelectField label=def.label testid=testid choices=choices value=value
                on_change=on_input error=error description=description />
        }
        .into_any(),
        Input::Toggle => view! {
            <CheckboxField label=def.label testid=testid
                checked=Signal::derive(move || value.read().as_str() == "true")
                on_change=move |on: bool| on_input.run(on.to_string())
                error=error description=description />
        }
        .into_any(),
        Input::Text | Input::Secret | Input::Lines | Input::Number { .. } => view! {
            <TextField label=def.label testid=testid value=value on_input=on_input error=error
                description=description constraint=def.constraint().map(fields::for_people) optional=def.optional()
                secret=matches!(def.input, Input::Secret)
                numeric=matches!(def.input, Input::Number { .. })
                multiline=matches!(def.input, Input::Lines)
                on_blur=move |()| form.leave(def.path) />
        }
        .into_any(),
    }
}

/// The best practices the draft does not follow at this field.
#[component]
fn FieldAdvice(def: &'static FieldDef, form: FormState) -> impl IntoView {
    move || {
        form.validation.with(|v| {
            field_advice(def, v)
                .into_iter()
                .map(|a| {
                    view! {
                        <AdviceNote severity=a.severity practice=a.practice
                            message=fields::for_people(&a.message) testid=fields::testid("advice", &a.path) />
                    }
                })
                .collect_view()
        })
    }
}
