//! "What this step will send": the exact API requests of the step's resources (method, URL,
//! JSON or XML body) and the same calls as AWS CLI commands, from the engine's plan.

use leptos::prelude::*;

use super::step::Step;
use crate::components::indicator::{Indicator, StatusIndicator};
use crate::draft::use_draft;
use crate::engine::hooks::{use_preview, Answer};
use crate::engine::protocol::{PlannedCall, ResourceKindName};

/// The plan's resource kinds each step's form decides.
pub fn kinds_of(step: Step) -> &'static [ResourceKindName] {
    use ResourceKindName::*;
    match step {
        Step::Table => &[Table],
        // On AWS the bucket and the roles are made by one CloudFormation stack.
        Step::Bucket => &[Bucket, Stack],
        Step::Access => &[Role, Stack, Function],
        Step::Delivery => &[Stream],
        Step::Connection | Step::Review | Step::Create => &[],
    }
}

#[component]
pub fn StepPreview(step: Step) -> impl IntoView {
    let draft = use_draft();
    let preview = use_preview(Signal::derive(move || draft.spec()));
    let calls = move || match preview.get() {
        Answer::Loading => view! {
            <StatusIndicator kind=Indicator::InProgress label="Preparing the requests…" />
        }
        .into_any(),
        Answer::Failed(f) => view! {
            <StatusIndicator kind=Indicator::Error label=format!("{}: {}", f.code, f.message) />
        }
        .into_any(),
        Answer::Ready(calls) => {
            let mine: Vec<PlannedCall> = calls
                .into_iter()
                .filter(|c| kinds_of(step).contains(&c.kind))
                .collect();
            if mine.is_empty() {
                return view! { <p class="muted">"This step makes no call of its own."</p> }
                    .into_any();
            }
            mine.into_iter()
                .map(|call| view! { <CallPreview call=call /> })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <section class="panel" data-testid="request-preview">
            <h2>"Requests this step will send"</h2>
            <p class="muted">
                "Exactly what Create sends for this step, before signing, and the same call as an \
                 AWS CLI command. Values only known while creating (your account id, ARNs) show \
                 as placeholders."
            </p>
            {calls}
        </section>
    }
}

/// One call: its operation and reason, then the request and the CLI command on demand.
#[component]
pub fn CallPreview(call: PlannedCall) -> impl IntoView {
    view! {
        <details class="call-preview" data-testid=format!("preview-{}", call.id)>
            <summary>
                <strong>{format!("{} {}", call.service, call.operation)}</strong>
                " › "{call.resource}
            </summary>
            <p class="muted">{call.reason}</p>
            <p class="label">"Request"</p>
            <pre class="code">{format!("{} {}\n\n{}", call.method, call.url, call.body)}</pre>
            <p class="label">"AWS CLI"</p>
            <pre class="code">{call.cli}</pre>
        </details>
    }
}
