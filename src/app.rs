//! The console's shell: header, step list and the current screen.

use hoseline_aws::Endpoint;
use leptos::prelude::*;

use crate::components::steps::StepList;
use crate::connection::{storage, ConnectionPage};
use crate::context::{use_connection, ConnectionContext};

#[component]
pub fn App() -> impl IntoView {
    ConnectionContext::provide(storage::load());
    view! {
        <div class="shell">
            <header class="topbar">
                <span class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Hoseline"
                </span>
                <span class="brand-tagline">"Firehose to DynamoDB pipeline console"</span>
                <ConnectionBadge />
            </header>
            <div class="layout">
                <StepList />
                <main class="content">
                    <ConnectionPage />
                </main>
            </div>
        </div>
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
