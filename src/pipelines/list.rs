//! The pipelines page (`#/pipelines`): the streams as pipelines, then the tables, each paged.

use hoseline_aws::{ClientConfig, Endpoint};
use leptos::prelude::*;

use super::fetch;
use super::paging::Pager;
use super::streams_table::StreamsTable;
use super::tables_table::TablesTable;
use crate::components::alert::{Alert, AlertKind};
use crate::components::load::{use_load, Load};
use crate::context::use_connection;
use crate::route::Route;
use crate::wizard::new_draft::NewDraftButton;
use crate::wizard::Step;

#[component]
pub fn PipelinesPage() -> impl IntoView {
    let connection = use_connection();
    let config = Memo::new(move |_| connection.config());
    let lead = move || match config.get() {
        Some(config) => {
            let place = match &config.endpoint {
                Endpoint::Aws => "AWS".to_owned(),
                Endpoint::Custom(url) => url.clone(),
            };
            format!(
                "The delivery streams and DynamoDB tables in {} on {place}. A pipeline is a stream \
                 with what it delivers to: the table its bridge URL names, or its S3 bucket.",
                config.region.as_str()
            )
        }
        None => {
            "The delivery streams and DynamoDB tables where the console is connected.".to_owned()
        }
    };
    view! {
        <div class="page-header with-actions">
            <div>
                <h1>"Pipelines"</h1>
                <p>{lead}</p>
            </div>
            <NewDraftButton label="Create pipeline" testid="create-pipeline" primary=true resume=true />
        </div>
        {move || match config.get() {
            None => view! { <NotConnected /> }.into_any(),
            Some(config) => view! { <Lists config=config /> }.into_any(),
        }}
    }
}

#[component]
fn NotConnected() -> impl IntoView {
    view! {
        <Alert
            kind=AlertKind::Info
            text="Connect first: this page lists what exists where the console is connected, \
                  the local emulator or your AWS account."
            link=("Go to Connection".to_owned(), Route::Step(Step::Connection).href())
            testid="not-connected"
        />
    }
}

#[component]
fn Lists(config: ClientConfig) -> impl IntoView {
    let endpoint = config.endpoint.clone();
    let stream_pager = RwSignal::new(Pager::default());
    let table_pager = RwSignal::new(Pager::default());
    let for_streams = config.clone();
    let streams = use_load(
        move || stream_pager.with(Pager::start),
        move |start| fetch::streams_page(for_streams.clone(), start),
    );
    let tables = use_load(
        move || table_pager.with(Pager::start),
        move |start| fetch::tables_page(config.clone(), start),
    );
    // The tables' Pipeline column: the streams on the page shown above.
    let rows = Signal::derive(move || match streams.get() {
        Load::Ready(page) => page.items,
        _ => Vec::new(),
    });
    view! {
        <StreamsTable load=streams pager=stream_pager endpoint=endpoint.clone() />
        <TablesTable load=tables pager=table_pager endpoint=endpoint streams=rows />
    }
}
