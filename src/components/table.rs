//! Pieces of a paged table: the rows for loading, empty and failed states, and the cursor
//! pager's Previous / Next.

use hoseline_aws::{Endpoint, Error};
use leptos::prelude::*;

use super::indicator::{Indicator, StatusIndicator};
use super::status::Status;
use crate::connection::checks::describe_error;

/// "Loading streams…", across the table.
pub fn loading_row(columns: usize, what: &'static str) -> AnyView {
    view! {
        <tr class="table-state" data-testid="table-loading">
            <td colspan=columns>
                <StatusIndicator kind=Indicator::InProgress label=format!("Loading {what}…") />
            </td>
        </tr>
    }
    .into_any()
}

/// The empty state: what is missing, and what to do next.
pub fn empty_row(columns: usize, title: &'static str, children: AnyView) -> AnyView {
    view! {
        <tr class="table-state" data-testid="table-empty">
            <td colspan=columns>
                <p class="empty-title">{title}</p>
                {children}
            </td>
        </tr>
    }
    .into_any()
}

/// A failed read: the AWS code, message and request id, and a retry.
pub fn error_row(
    columns: usize,
    error: &Error,
    endpoint: &Endpoint,
    retry: Callback<()>,
) -> AnyView {
    view! {
        <tr class="table-state" data-testid="table-error">
            <td colspan=columns>
                <Status line=describe_error(error, endpoint) />
                <button type="button" class="button small" on:click=move |_| retry.run(())>"Retry"</button>
            </td>
        </tr>
    }
    .into_any()
}

/// Previous / page n / Next, for a list AWS pages by cursor.
#[component]
pub fn Pagination(
    #[prop(into)] page: Signal<usize>,
    #[prop(into)] has_previous: Signal<bool>,
    #[prop(into)] has_next: Signal<bool>,
    #[prop(into)] on_previous: Callback<()>,
    #[prop(into)] on_next: Callback<()>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <nav class="pagination" aria-label="Pages" data-testid=testid>
            <button
                type="button"
                class="button small"
                disabled=move || !has_previous.get()
                data-testid=format!("{testid}-previous")
                on:click=move |_| on_previous.run(())
            >
                "Previous"
            </button>
            <span class="pagination-page" data-testid=format!("{testid}-page")>
                {move || format!("Page {}", page.get())}
            </span>
            <button
                type="button"
                class="button small"
                disabled=move || !has_next.get()
                data-testid=format!("{testid}-next")
                on:click=move |_| on_next.run(())
            >
                "Next"
            </button>
        </nav>
    }
}
