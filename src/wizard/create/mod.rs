//! Create: the plan's calls run one by one in the engine worker, each listed with its live
//! state; a failed call shows AWS's code and message and can be retried; a reload resumes from
//! the progress saved after every event; the end says what was made and what to do next.

pub mod done;
pub mod rows;
pub mod start;

use hoseline_pipeline::rules;
use hoseline_pipeline::spec::PipelineSpec;
use leptos::prelude::*;

use crate::components::alert::{Alert, AlertKind};
use crate::draft::use_draft;
use crate::route::Route;
use crate::wizard::step::Step;

#[component]
pub fn CreateScreen() -> impl IntoView {
    let draft = use_draft();
    // The spec as it stood when Create opened: the run must not change under it.
    let Some(spec) = draft.spec_untracked() else {
        return view! {
            <Alert kind=AlertKind::Info text="There is no draft to create: start the setup at Connection."
                link=("Go to Connection".to_owned(), Route::Step(Step::Connection).href()) testid="create-no-draft" />
        }
        .into_any();
    };
    if !rules::validate(&spec).is_ok() {
        return view! {
            <Alert kind=AlertKind::Error text="Create is blocked: some fields break a rule. Review lists them, each with a link to its step."
                link=("Go to Review".to_owned(), Route::Step(Step::Review).href()) testid="create-blocked" />
        }
        .into_any();
    }
    view! { <Runner spec=spec /> }.into_any()
}

#[component]
fn Runner(spec: PipelineSpec) -> impl IntoView {
    let runner = start::use_create(spec.clone());
    let stream = spec.stream.name.clone();
    view! {
        <start::Controls runner=runner />
        {move || runner.run.get().map(|run| view! { <rows::CallList run=run /> })}
        {move || runner.made().map(|made| view! { <done::Done spec=spec.clone() made=made stream=stream.clone() /> })}
    }
}
