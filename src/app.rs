//! The console's shell: header, side navigation and the screen the route names.

use hoseline_aws::Endpoint;
use leptos::prelude::*;

use crate::components::alert::{Alert, AlertKind};
use crate::connection::storage;
use crate::context::{use_connection, ConnectionContext};
use crate::draft::{self, use_draft, DraftContext};
use crate::pipelines::{PipelinePage, PipelinesPage};
use crate::route::Route;
use crate::router::RouterContext;
use crate::wizard::nav::SideNav;
use crate::wizard::{Step, StepPage};

#[component]
pub fn App() -> impl IntoView {
    ConnectionContext::provide(storage::load());
    DraftContext::provide(draft::storage::load());
    let router = RouterContext::provide();
    let route = Memo::new(move |_| router.route());
    view! {
        <div class="shell">
            <header class="topbar">
                <a class="brand" href=Route::Step(Step::Connection).href()>
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Hoseline"
                </a>
                <span class="brand-tagline">"Firehose to DynamoDB pipeline console"</span>
                <ConnectionBadge />
            </header>
            <div class="layout">
                <SideNav />
                <main class="content" data-testid="screen">
                    <DraftNotice />
                    {move || screen(route.get())}
                </main>
            </div>
        </div>
    }
}

fn screen(route: Route) -> AnyView {
    match route {
        Route::Step(step) => view! { <StepPage step=step /> }.into_any(),
        Route::Pipelines => view! { <PipelinesPage /> }.into_any(),
        Route::Pipeline(name) => view! { <PipelinePage name=name /> }.into_any(),
        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
    }
}

#[component]
fn NotFound(path: String) -> impl IntoView {
    view! {
        <div class="page-header">
            <h1>"Page not found"</h1>
        </div>
        <Alert
            kind=AlertKind::Info
            text=format!(
                "The console has no page at #{path}. The link may be old or mistyped; the setup \
                 starts at Connection, and your pipelines are listed under Pipelines."
            )
            link=("Go to Connection".to_owned(), Route::Step(Step::Connection).href())
            testid="not-found"
        >
            <a class="alert-link" href=Route::Pipelines.href()>"Go to Pipelines"</a>
        </Alert>
    }
}

/// Something to say about the draft (a stored one could not be read), until dismissed.
#[component]
fn DraftNotice() -> impl IntoView {
    let draft = use_draft();
    move || {
        draft.notice().map(|text| {
            view! {
                <Alert kind=AlertKind::Warning text=text testid="draft-notice">
                    <button type="button" class="button small" on:click=move |_| draft.dismiss_notice()>
                        "Dismiss"
                    </button>
                </Alert>
            }
        })
    }
}

/// Where the console is connected, at the top right.
#[component]
fn ConnectionBadge() -> impl IntoView {
    let connection = use_connection();
    let text = move || match connection.config() {
        None => "Not connected".to_owned(),
        Some(config) => {
            let target = match &config.endpoint {
                Endpoint::Aws => "AWS".to_owned(),
                Endpoint::Custom(url) => url.clone(),
            };
            format!("{} · {target}", config.region)
        }
    };
    view! {
        <span
            class="connection-badge"
            class:connected=move || connection.config().is_some()
            data-testid="connection-badge"
        >
            {text}
        </span>
    }
}
