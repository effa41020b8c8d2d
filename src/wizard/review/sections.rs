//! Review's sections: what the draft holds per step, with an Edit link back to the step, and
//! what the rules found (errors block Create; advice does not).

use hoseline_pipeline::rules::{self, Severity, Validation};
use leptos::prelude::*;

use crate::components::indicator::{Indicator, StatusIndicator};
use crate::draft::use_draft;
use crate::route::Route;
use crate::wizard::paths::step_of_path;
use crate::wizard::step::{steps_for, Step};
use crate::wizard::summary;

/// The draft's validation, once per change, for every section and the findings.
pub fn use_validation() -> Memo<Validation> {
    let draft = use_draft();
    Memo::new(move |_| draft.with_spec(rules::validate).unwrap_or_default())
}

#[component]
pub fn Sections(found: Memo<Validation>) -> impl IntoView {
    let draft = use_draft();
    move || {
        let steps: Vec<Step> = steps_for(draft.kind())
            .into_iter()
            .filter(|s| !matches!(s, Step::Review | Step::Create))
            .collect();
        steps
            .into_iter()
            .map(|step| view! { <Section step=step found=found /> })
            .collect_view()
    }
}

#[component]
fn Section(step: Step, found: Memo<Validation>) -> impl IntoView {
    let draft = use_draft();
    let rows = move || {
        draft
            .with_spec(|spec| summary::rows(step, spec))
            .unwrap_or_default()
    };
    let problems = move || {
        found.with(|v| {
            v.errors
                .iter()
                .filter(|p| step_of_path(&p.path) == step)
                .count()
        })
    };
    view! {
        <section class="panel" data-testid=format!("review-{}", step.slug())>
            <div class="panel-header">
                <h2>{step.title()}</h2>
                <a class="button small" href=Route::Step(step).href() data-testid=format!("edit-{}", step.slug())>"Edit"</a>
            </div>
            {move || (problems() > 0).then(|| view! {
                <p><StatusIndicator kind=Indicator::Error label=format!("{} field(s) break a rule: edit this step", problems()) /></p>
            })}
            <dl class="summary">
                {move || rows().into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
pub fn RuleFindings(found: Memo<Validation>) -> impl IntoView {
    move || {
        let found = found.get();
        let errors = found.errors.into_iter().map(|p| {
            let step = step_of_path(&p.path);
            view! {
                <li class="finding finding-error">
                    <StatusIndicator kind=Indicator::Error label=p.path.clone() />
                    " "{p.message}" "
                    <a href=Route::Step(step).href()>{format!("Edit {}", step.title())}</a>
                </li>
            }
        });
        let warnings = found.warnings.into_iter().map(|a| {
            let step = step_of_path(&a.path);
            let kind = match a.severity {
                Severity::Warning => Indicator::Warning,
                Severity::Info => Indicator::Pending,
            };
            view! {
                <li class="finding">
                    <StatusIndicator kind=kind label=a.practice />
                    " "{a.message}" "
                    <a href=Route::Step(step).href()>{format!("Edit {}", step.title())}</a>
                </li>
            }
        });
        let (n_errors, n_warnings) = (errors.len(), warnings.len());
        view! {
            <section class="panel" data-testid="review-findings">
                <h2>"Checks"</h2>
                {(n_errors == 0 && n_warnings == 0).then(|| view! {
                    <p><StatusIndicator kind=Indicator::Success label="Every field follows AWS's rules and the report's best practices." /></p>
                })}
                {(n_errors > 0).then(|| view! {
                    <p class="step-error" data-testid="review-blocked">
                        {format!("Create is blocked: {n_errors} field(s) break a rule. Fix them in their steps.")}
                    </p>
                })}
                <ul class="findings" data-testid="review-errors">{errors.collect_view()}</ul>
                <ul class="findings" data-testid="review-warnings">{warnings.collect_view()}</ul>
            </section>
        }
    }
}
