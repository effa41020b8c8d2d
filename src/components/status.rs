//! A result as a status line: headline, detail, hint and request id, coloured by tone.

use leptos::prelude::*;

use crate::connection::checks::StatusLine;

#[component]
pub fn Status(line: StatusLine) -> impl IntoView {
    let StatusLine {
        tone,
        headline,
        detail,
        hint,
        request_id,
    } = line;
    view! {
        <div class=format!("status {}", tone.class())>
            <p class="status-headline">
                <span class="status-icon" aria-hidden="true"></span>
                <strong>{headline}</strong>
            </p>
            <p class="status-detail">{detail}</p>
            {hint.map(|hint| view! { <p class="status-hint">{hint}</p> })}
            {request_id
                .map(|id| {
                    view! {
                        <p class="status-request-id">"Request ID: " <code>{id}</code></p>
                    }
                })}
        </div>
    }
}
