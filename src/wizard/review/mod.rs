//! Review: the draft section by section (each with Edit), what the rules say, the whole plan,
//! the cost under a load the person sets, the downloads, and loading a spec file to start from.

pub mod cost;
pub mod downloads;
pub mod loader;
pub mod sections;

use hoseline_pipeline::cost::Load;
use leptos::prelude::*;

use crate::components::indicator::{Indicator, StatusIndicator};
use crate::draft::use_draft;
use crate::engine::hooks::{use_review, Answer};
use crate::engine::protocol::ReviewData;
use crate::wizard::preview::CallPreview;

pub use loader::SpecLoader;

#[component]
pub fn ReviewScreen() -> impl IntoView {
    let draft = use_draft();
    let found = sections::use_validation();
    let load = RwSignal::new(Load::new(100.0, 200));
    let review = use_review(Signal::derive(move || draft.spec()), load.into());
    let data = Signal::derive(move || match review.get() {
        Answer::Ready(data) => Some(data),
        _ => None,
    });
    view! {
        <sections::Sections found=found />
        <sections::RuleFindings found=found />
        <section class="panel" data-testid="review-plan">
            <h2>"Plan"</h2>
            <p class="muted">"The calls Create makes, in order, each with why. Open one to see its request and AWS CLI command."</p>
            {move || match review.get() {
                Answer::Loading => view! { <StatusIndicator kind=Indicator::InProgress label="Planning…" /> }.into_any(),
                Answer::Failed(f) => view! { <StatusIndicator kind=Indicator::Error label=format!("{}: {}", f.code, f.message) /> }.into_any(),
                Answer::Ready(ReviewData { calls, .. }) => view! {
                    <ol class="plan" data-testid="plan-calls">
                        {calls.into_iter().map(|call| view! { <li><CallPreview call=call /></li> }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
        <cost::CostPanel load=load data=data />
        <downloads::Downloads data=data />
        <SpecLoader />
    }
}
