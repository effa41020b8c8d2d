//! The side navigation: the setup's steps as the wizard's navigation (where the person is, what
//! is done, links back to visited steps; steps ahead are not links), then the pipelines page.

use leptos::prelude::*;

use super::state::{check_step, step_states, StepState};
use crate::context::use_connection;
use crate::draft::use_draft;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn SideNav() -> impl IntoView {
    let router = use_router();
    let draft = use_draft();
    let connection = use_connection();
    let route = Memo::new(move |_| router.route());
    let states = Memo::new(move |_| {
        let connected = connection.config().is_some();
        let visited = draft.visited();
        let (spec, raw) = draft
            .with_draft(|d| (Some(d.spec.clone()), d.raw.clone()))
            .unwrap_or_default();
        step_states(draft.kind(), route.get().step(), &visited, |step| {
            check_step(step, spec.as_ref(), &raw, connected)
        })
    });
    let rows = move || {
        states
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, state)| step_row(i + 1, state))
            .collect_view()
    };
    let on_pipelines = move || matches!(route.get(), Route::Pipelines | Route::Pipeline(_));
    view! {
        <nav class="side-nav" aria-label="Console">
            <h2 class="nav-title">"Pipeline setup"</h2>
            <ol class="steps" data-testid="step-list">{rows}</ol>
            <h2 class="nav-title">"Pipelines"</h2>
            <a
                class="nav-link"
                class:active=on_pipelines
                href=Route::Pipelines.href()
                aria-current=move || on_pipelines().then_some("page")
                data-testid="nav-pipelines"
            >
                "Your pipelines"
            </a>
        </nav>
    }
}

/// One step: its number (a check mark once done, "!" with errors), its title, and a word for
/// screen readers, so the state never rests on colour alone.
fn step_row(number: usize, state: StepState) -> impl IntoView {
    let StepState {
        step,
        current,
        visited,
        complete,
        has_errors,
    } = state;
    let (mark, word) = if has_errors {
        ("!".to_owned(), "has errors")
    } else if complete {
        ("✓".to_owned(), "done")
    } else {
        (
            number.to_string(),
            if visited { "visited" } else { "not yet open" },
        )
    };
    let inner = view! {
        <span class="step-number" aria-hidden="true">{mark}</span>
        <span class="step-name">
            <span class="step-label">{format!("Step {number}")}</span>
            {step.title()}
            <span class="visually-hidden">{format!(" ({word})")}</span>
        </span>
    };
    let body = if state.can_open() {
        view! {
            <a class="step-link" href=Route::Step(step).href() data-testid=format!("step-link-{}", step.slug())>
                {inner}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="step-link">{inner}</span> }.into_any()
    };
    view! {
        <li
            class="step"
            class:active=current
            class:visited=visited
            class:complete=complete
            class:errors=has_errors
            class:locked=!visited
            aria-current=current.then_some("step")
            aria-disabled=(!visited).then_some("true")
            data-testid=format!("step-{}", step.slug())
        >
            {body}
        </li>
    }
}
