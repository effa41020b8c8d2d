//! The list of calls with their states (StatusIndicator: icon and word, never colour alone).

use leptos::prelude::*;

use crate::components::indicator::{Indicator, StatusIndicator};
use crate::engine::protocol::CallStatus;
use crate::runs::calls::{CallRow, CreateRun};

pub fn indicator(status: CallStatus) -> (Indicator, &'static str) {
    match status {
        CallStatus::Pending => (Indicator::Pending, "Pending"),
        CallStatus::Running => (Indicator::InProgress, "In progress"),
        CallStatus::Done => (Indicator::Success, "Done"),
        CallStatus::Adopted => (Indicator::Success, "Exists, adopted"),
        CallStatus::Skipped => (Indicator::Stopped, "Skipped"),
        CallStatus::Failed => (Indicator::Error, "Failed"),
    }
}

#[component]
pub fn CallList(run: CreateRun) -> impl IntoView {
    let total = run.total();
    let done = run.done();
    view! {
        <section class="panel" data-testid="create-calls">
            <div class="panel-header">
                <h2>"Calls"</h2>
                <span class="muted" data-testid="create-count">{format!("{done} of {total} done")}</span>
            </div>
            <ol class="calls">
                {run.rows.into_iter().map(|row| view! { <Row row=row /> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Row(row: CallRow) -> impl IntoView {
    let (kind, word) = indicator(row.status);
    let failure = row.failure.map(|f| {
        view! {
            <div class="status-hint" data-testid="call-failure">
                <p><strong>{f.code}</strong>": "{f.message}</p>
                {f.hint.map(|h| view! { <p>{h}</p> })}
                {f.request_id.map(|r| view! { <p class="status-request-id">{format!("Request id {r}")}</p> })}
            </div>
        }
    });
    view! {
        <li class="call" data-testid=format!("call-{}", row.id) data-status=kind.name()>
            <div class="call-head">
                <StatusIndicator kind=kind label=word />
                <span class="call-name">{row.call}</span>
                <span class="muted">{row.resource}</span>
            </div>
            // Pending says nothing yet; a failure's box below says it all.
            {(!row.detail.is_empty() && !matches!(row.status, CallStatus::Pending | CallStatus::Failed))
                .then(|| view! { <p class="call-detail">{row.detail}</p> })}
            {failure}
        </li>
    }
}
