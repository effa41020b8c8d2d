//! A step's screen: "Step n of m", its title and purpose, its form (from [`super::screens`]),
//! and the wizard's buttons (Cancel, Previous, Next).

use leptos::prelude::*;

use super::fields::step_labels;
use super::forms::{use_form_state, FormState};
use super::new_draft::NewDraftButton;
use super::screens::step_body;
use super::state::{before_next, can_show, check_step, furthest_visited};
use super::step::{next, previous, steps_for, Step};
use crate::components::alert::{Alert, AlertKind};
use crate::components::confirm::Confirm;
use crate::context::use_connection;
use crate::draft::model::target_mismatch;
use crate::draft::use_draft;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn StepPage(step: Step) -> impl IntoView {
    let draft = use_draft();
    // Re-rendered only when the answer changes, never while the person types into the form.
    let shown =
        Memo::new(move |_| can_show(step, &draft.visited()) && step.applies_to(draft.kind()));
    move || {
        if shown.get() {
            view! { <StepScreen step=step /> }.into_any()
        } else {
            view! { <StepClosed step=step /> }.into_any()
        }
    }
}

#[component]
fn StepScreen(step: Step) -> impl IntoView {
    let draft = use_draft();
    let counter = move || {
        let steps = steps_for(draft.kind());
        let at = steps.iter().position(|s| *s == step).unwrap_or(0) + 1;
        format!("Step {at} of {}", steps.len())
    };
    // Shared by the form (which messages show) and Next (which shows them all).
    let form = FormState::provide();
    // A step reopened after the walk went past it (an Edit link from Review, a loaded spec
    // file) shows every field's message at once: the person has been through it already.
    if draft.visited_untracked().iter().any(|s| *s > step) {
        form.show_all();
    }
    view! {
        <div class="page-header" data-testid="step-header">
            <p class="step-counter">{counter}</p>
            <h1 data-testid="step-title">{step.title()}</h1>
            <p data-testid="step-purpose">{move || step.purpose(draft.kind())}</p>
        </div>
        <TargetCheck />
        {step_body(step)}
        <StepActions step=step />
    }
}

/// A draft made for another target than the connection's: say so, and offer a new draft.
#[component]
fn TargetCheck() -> impl IntoView {
    let draft = use_draft();
    let connection = use_connection();
    let mismatch = Memo::new(move |_| {
        let config = connection.config()?;
        draft
            .with_spec(|spec| target_mismatch(spec, &config))
            .flatten()
    });
    move || {
        mismatch.get().map(|text| {
            view! {
                <Alert kind=AlertKind::Warning text=text testid="target-mismatch">
                    <NewDraftButton label="Start a new draft for this connection" testid="start-new-draft" />
                </Alert>
            }
        })
    }
}

#[component]
fn StepActions(step: Step) -> impl IntoView {
    let draft = use_draft();
    let router = use_router();
    let connection = use_connection();
    let error = RwSignal::new(None::<String>);
    let asking = RwSignal::new(false);
    let form = use_form_state();
    let go_next = move |_| {
        let config = connection.config_untracked();
        let (spec, raw) = draft
            .with_draft_untracked(|d| (Some(d.spec.clone()), d.raw.clone()))
            .unwrap_or_default();
        let check = check_step(step, spec.as_ref(), &raw, config.is_some());
        let broken = spec
            .as_ref()
            .map(|spec| step_labels(step, spec, &raw))
            .unwrap_or_default();
        if let Err(why) = before_next(step, check, &broken) {
            // As a form's submit: every field shows its message, not only those left.
            form.show_all();
            error.set(Some(why));
            return;
        }
        error.set(None);
        if !draft.exists_untracked() {
            if let Some(config) = &config {
                draft.start_for_connection(config);
            }
        }
        if let Some(next) = next(draft.kind(), step) {
            draft.visit(next);
            router.navigate(Route::Step(next));
        }
    };
    let leave = move || {
        draft.discard();
        asking.set(false);
        router.navigate(Route::Pipelines);
    };
    let cancel = move |_| {
        if draft.has_unsaved_edits_untracked() {
            asking.set(true)
        } else {
            leave()
        }
    };
    let prev_step = move || previous(draft.kind(), step);
    let next_label = move || match next(draft.kind(), step) {
        Some(Step::Create) => "Create pipeline",
        Some(_) => "Next",
        None => "",
    };
    view! {
        <p class="step-error" role="alert" data-testid="step-error">{move || error.get()}</p>
        {move || asking.get().then(|| view! {
            <Confirm
                message="Discard this draft? The edits you made will be lost."
                confirm="Discard the draft"
                cancel="Keep editing"
                on_confirm=move |()| leave()
                on_cancel=move |()| asking.set(false)
            />
        })}
        <div class="actions wizard-actions">
            <button type="button" class="button link" data-testid="wizard-cancel" on:click=cancel>"Cancel"</button>
            {move || prev_step().map(|p| view! {
                <a class="button" href=Route::Step(p).href() data-testid="wizard-previous">"Previous"</a>
            })}
            {move || (!next_label().is_empty()).then(|| view! {
                <button
                    type="button"
                    class="button"
                    // One primary button at a time: on Connection, "Test connection" until connected.
                    class:primary=move || step != Step::Connection || connection.config().is_some()
                    data-testid="wizard-next"
                    on:click=go_next
                >
                    {next_label}
                </button>
            })}
        </div>
    }
}

/// A step that is not open: ahead of the walk (an address typed by hand), or one this kind of
/// pipeline does not have.
#[component]
fn StepClosed(step: Step) -> impl IntoView {
    let draft = use_draft();
    move || {
        let kind = draft.kind();
        let resume = furthest_visited(kind, &draft.visited());
        let text = if step.applies_to(kind) {
            format!(
                "{} opens once the steps before it are done: the setup goes one step at a time.",
                step.title()
            )
        } else {
            format!(
                "A Firehose to S3 pipeline has no {}: its records land in the bucket.",
                step.title()
            )
        };
        view! {
            <div class="page-header"><h1>{step.title()}</h1></div>
            <Alert
                kind=AlertKind::Info
                text=text
                link=("Continue the setup at ".to_owned() + resume.title(), Route::Step(resume).href())
                testid="step-closed"
            />
        }
    }
}
