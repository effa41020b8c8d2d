//! The tables table: each DynamoDB table, with the pipelines (listed above) that write to it.

use hoseline_aws::Endpoint;
use leptos::prelude::*;

use super::fetch::Page;
use super::model::{streams_into, PipelineRow};
use super::pages::PageControls;
use super::paging::Pager;
use crate::components::load::{Load, UseLoad};
use crate::components::table::{empty_row, error_row, loading_row};
use crate::route::Route;

const COLUMNS: usize = 2;

#[component]
pub fn TablesTable(
    load: UseLoad<Page<String>>,
    pager: RwSignal<Pager>,
    endpoint: Endpoint,
    #[prop(into)] streams: Signal<Vec<PipelineRow>>,
) -> impl IntoView {
    let body = move || match load.get() {
        Load::Loading => loading_row(COLUMNS, "tables"),
        Load::Failed(error) => error_row(
            COLUMNS,
            &error,
            &endpoint,
            Callback::new(move |()| load.reload()),
        ),
        Load::Ready(page) if page.items.is_empty() && !pager.with(Pager::has_previous) => empty_row(
            COLUMNS,
            "No tables yet",
            view! {
                <p class="empty-text">
                    "No DynamoDB table exists here. The guided setup makes the table a pipeline \
                     writes to."
                </p>
            }
            .into_any(),
        ),
        Load::Ready(page) => page
            .items
            .into_iter()
            .map(|table| {
                let writers = streams.with(|rows| {
                    streams_into(rows, &table)
                        .into_iter()
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                });
                view! {
                    <tr data-testid=format!("table-{table}")>
                        <td>{table.clone()}</td>
                        <td>{pipeline_links(writers)}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <section class="panel" data-testid="tables">
            <div class="panel-header">
                <h2>"DynamoDB tables"</h2>
                <button type="button" class="button small" on:click=move |_| load.reload()>"Refresh"</button>
            </div>
            <table class="data-table">
                <thead><tr><th>"Table"</th><th>"Written by pipeline"</th></tr></thead>
                <tbody data-testid="tables-rows">{body}</tbody>
            </table>
            <p class="table-note">"Pipelines are matched among the streams on the page shown above."</p>
            <PageControls load=load pager=pager testid="tables-pages" />
        </section>
    }
}

fn pipeline_links(streams: Vec<String>) -> AnyView {
    if streams.is_empty() {
        return view! { <span class="muted">"None shown"</span> }.into_any();
    }
    streams
        .into_iter()
        .map(|s| {
            let href = Route::Pipeline(s.clone()).href();
            view! { <a class="cell-link" href=href>{s}</a> }
        })
        .collect_view()
        .into_any()
}
