//! One pipeline's page (`#/pipelines/<stream>`): its status, settings and resources.

use hoseline_aws::{ClientConfig, Endpoint, Error};
use leptos::prelude::*;

use super::details::{resources, settings};
use super::fetch::{self, PipelineDetail};
use super::status::{stream_status, table_status};
use super::teardown::TeardownPanel;
use crate::components::alert::{Alert, AlertKind};
use crate::components::indicator::{Indicator, StatusIndicator};
use crate::components::load::{use_load, Load};
use crate::components::status::Status;
use crate::connection::checks::describe_error;
use crate::context::use_connection;
use crate::route::Route;
use crate::wizard::Step;

#[component]
pub fn PipelinePage(name: String) -> impl IntoView {
    let connection = use_connection();
    let config = Memo::new(move |_| connection.config());
    let title = name.clone();
    view! {
        <div class="page-header">
            <p class="breadcrumbs"><a href=Route::Pipelines.href()>"Pipelines"</a>" › "{title.clone()}</p>
            <h1 data-testid="pipeline-name">{title}</h1>
        </div>
        {move || match config.get() {
            None => view! {
                <Alert
                    kind=AlertKind::Info
                    text="Connect first: the pipeline is read from where the console is connected."
                    link=("Go to Connection".to_owned(), Route::Step(Step::Connection).href())
                    testid="not-connected"
                />
            }
            .into_any(),
            Some(config) => view! {
                <Pipeline config=config name=name.clone() />
                <TeardownPanel stream=name.clone() />
            }
            .into_any(),
        }}
    }
}

#[component]
fn Pipeline(config: ClientConfig, name: String) -> impl IntoView {
    let endpoint = config.endpoint.clone();
    let load = use_load(
        move || name.clone(),
        move |name| fetch::pipeline(config.clone(), name),
    );
    move || {
        match load.get() {
        Load::Loading => view! {
            <section class="panel" data-testid="pipeline-loading">
                <StatusIndicator kind=Indicator::InProgress label="Loading the pipeline…" />
            </section>
        }
        .into_any(),
        Load::Failed(error) if error.code() == "ResourceNotFoundException" => view! {
            <Alert
                kind=AlertKind::Warning
                text=format!("{} Nothing by this name exists here: it may have been deleted, or be in another region.", error.message())
                link=("Back to the pipelines".to_owned(), Route::Pipelines.href())
                testid="pipeline-missing"
            />
        }
        .into_any(),
        Load::Failed(error) => view! {
            <section class="panel" data-testid="pipeline-error">
                <Status line=describe_error(&error, &endpoint) />
                <button type="button" class="button small" on:click=move |_| load.reload()>"Retry"</button>
            </section>
        }
        .into_any(),
        Load::Ready(detail) => view! { <Detail detail=detail endpoint=endpoint.clone() /> }.into_any(),
    }
    }
}

#[component]
fn Detail(detail: PipelineDetail, endpoint: Endpoint) -> impl IntoView {
    let PipelineDetail { stream, table } = detail;
    let (kind, word) = stream_status(stream.status.as_deref());
    let failure = stream
        .failure
        .clone()
        .map(|f| view! { <p class="status-detail" data-testid="stream-failure">{f}</p> });
    let (table_ok, table_error): (Option<_>, Option<Error>) = match table {
        Some(Ok(t)) => (Some(t), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let table_line = table_ok.as_ref().map(|t| {
        let (kind, word) = table_status(t.status.as_deref());
        view! { <dt>"DynamoDB table"</dt><dd><StatusIndicator kind=kind label=word testid="table-status" /></dd> }
    });
    let table_problem = table_error.map(|e| {
        view! { <p class="panel-lead">"The table its URL names could not be read:"</p><Status line=describe_error(&e, &endpoint) /> }
    });
    let settings = settings(&stream)
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    let resources = resources(&stream, table_ok.as_ref())
        .into_iter()
        .map(|r| view! { <tr><td>{r.kind}</td><td>{r.name}</td><td class="cell-wrap"><code>{r.id}</code></td></tr> })
        .collect_view();
    view! {
        <section class="panel" data-testid="pipeline-status">
            <h2>"Status"</h2>
            <dl class="summary">
                <dt>"Delivery stream"</dt>
                <dd><StatusIndicator kind=kind label=word testid="stream-status" /></dd>
                {table_line}
            </dl>
            {failure}
            {table_problem}
        </section>
        <section class="panel" data-testid="pipeline-settings">
            <h2>"Settings"</h2>
            <dl class="summary">{settings}</dl>
        </section>
        <section class="panel" data-testid="pipeline-resources">
            <h2>"Resources"</h2>
            <table class="data-table">
                <thead><tr><th>"Resource"</th><th>"Name"</th><th>"ARN or URL"</th></tr></thead>
                <tbody>{resources}</tbody>
            </table>
        </section>
    }
}
