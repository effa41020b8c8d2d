//! The pipelines table: one row per delivery stream, with its status and what it delivers to.

use hoseline_aws::Endpoint;
use leptos::prelude::*;

use super::fetch::Page;
use super::model::{Destination, PipelineRow};
use super::pages::PageControls;
use super::paging::Pager;
use super::status::stream_status;
use crate::components::indicator::{Indicator, StatusIndicator};
use crate::components::load::{Load, UseLoad};
use crate::components::table::{empty_row, error_row, loading_row};
use crate::draft::use_draft;
use crate::route::Route;
use crate::wizard::state::furthest_visited;

const COLUMNS: usize = 4;

#[component]
pub fn StreamsTable(
    load: UseLoad<Page<PipelineRow>>,
    pager: RwSignal<Pager>,
    endpoint: Endpoint,
) -> impl IntoView {
    let body = move || match load.get() {
        Load::Loading => loading_row(COLUMNS, "delivery streams"),
        Load::Failed(error) => error_row(
            COLUMNS,
            &error,
            &endpoint,
            Callback::new(move |()| load.reload()),
        ),
        Load::Ready(page) if page.items.is_empty() && !pager.with(Pager::has_previous) => {
            empty_row(
                COLUMNS,
                "No pipelines yet",
                view! { <SetupHint /> }.into_any(),
            )
        }
        Load::Ready(page) => page.items.into_iter().map(row).collect_view().into_any(),
    };
    view! {
        <section class="panel" data-testid="streams">
            <div class="panel-header">
                <h2>"Delivery streams"</h2>
                <button type="button" class="button small" data-testid="streams-refresh" on:click=move |_| load.reload()>
                    "Refresh"
                </button>
            </div>
            <table class="data-table">
                <thead>
                    <tr><th>"Delivery stream"</th><th>"Status"</th><th>"Destination"</th><th>"Delivers to"</th></tr>
                </thead>
                <tbody data-testid="streams-rows">{body}</tbody>
            </table>
            <PageControls load=load pager=pager testid="streams-pages" />
        </section>
    }
}

fn row(row: PipelineRow) -> impl IntoView {
    let (kind, word) = match &row.error {
        Some(error) => (Indicator::Error, error.code().to_owned()),
        None => stream_status(row.status.as_deref()),
    };
    let (destination, target) = match (&row.destination, &row.error) {
        (_, Some(error)) => ("Could not describe".to_owned(), error.message()),
        (
            Some(Destination::Http {
                table: Some(table), ..
            }),
            _,
        ) => ("DynamoDB, through the bridge".to_owned(), table.clone()),
        (Some(Destination::Http { url, table: None }), _) => {
            ("HTTP endpoint".to_owned(), url.clone())
        }
        (Some(Destination::S3 { bucket }), _) => ("Amazon S3".to_owned(), bucket.clone()),
        (Some(Destination::Other(kind)), _) => (kind.clone(), String::new()),
        (None, None) => (String::new(), String::new()),
    };
    let href = Route::Pipeline(row.stream.clone()).href();
    view! {
        <tr data-testid=format!("stream-{}", row.stream)>
            <td><a href=href>{row.stream.clone()}</a></td>
            <td><StatusIndicator kind=kind label=word /></td>
            <td>{destination}</td>
            <td class="cell-wrap">{target}</td>
        </tr>
    }
}

/// The empty state's next step: start the guided setup, or continue the draft.
#[component]
fn SetupHint() -> impl IntoView {
    let draft = use_draft();
    let link = move || {
        let visited = draft.visited();
        let resume = furthest_visited(draft.kind(), &visited);
        if visited.len() > 1 {
            ("Continue the guided setup", Route::Step(resume).href())
        } else {
            ("Start the guided setup", Route::Step(resume).href())
        }
    };
    view! {
        <p class="empty-text">
            "No delivery stream exists here. The guided setup makes one with its table, bucket and \
             roles, step by step."
        </p>
        <a class="button primary" href=move || link().1 data-testid="start-setup">{move || link().0}</a>
    }
}
