//! What "Test connection" found: who the credentials belong to, then one row per service.

use hoseline_aws::{ClientConfig, Endpoint, Error};
use leptos::prelude::*;

use super::checks::{describe_check, describe_error, ServiceCheck};
use super::run::{self, Identity};
use crate::components::status::Status;

#[component]
pub fn TestResults(config: ClientConfig, identity: Result<Identity, Error>) -> impl IntoView {
    match identity {
        Ok(identity) => view! {
            <IdentitySummary identity=identity />
            <ServiceChecks config=config />
        }
        .into_any(),
        Err(error) => view! {
            <section class="panel" data-testid="identity-result">
                <h2>"Identity"</h2>
                <p class="panel-lead">
                    "STS GetCallerIdentity failed, so the services were not checked."
                </p>
                <Status line=describe_error(&error, &config.endpoint) />
            </section>
        }
        .into_any(),
    }
}

#[component]
fn IdentitySummary(identity: Identity) -> impl IntoView {
    view! {
        <section class="panel" data-testid="identity-result">
            <h2>"Identity"</h2>
            <dl class="identity">
                <dt>"Account"</dt>
                <dd data-testid="identity-account">{identity.account}</dd>
                <dt>"ARN"</dt>
                <dd data-testid="identity-arn"><code>{identity.arn}</code></dd>
            </dl>
        </section>
    }
}

#[component]
fn ServiceChecks(config: ClientConfig) -> impl IntoView {
    let rows = ServiceCheck::for_endpoint(&config.endpoint)
        .iter()
        .copied()
        .map(|check| view! { <CheckRow check=check config=config.clone() /> })
        .collect_view();
    view! {
        <section class="panel">
            <h2>"Services"</h2>
            <p class="panel-lead">"One read-only call to each service the setup calls on this target."</p>
            <ul class="checks" data-testid="service-checks">{rows}</ul>
        </section>
    }
}

#[component]
fn CheckRow(check: ServiceCheck, config: ClientConfig) -> impl IntoView {
    let endpoint: Endpoint = config.endpoint.clone();
    let line = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let result = run::check(check, config).await;
        line.try_set(Some(describe_check(check, &result, &endpoint)));
    });
    view! {
        <li class="check" data-testid=check.testid()>
            <div class="check-service">
                <strong>{check.title()}</strong>
                <span class="check-operation">{check.operation()}</span>
            </div>
            {move || match line.get() {
                Some(line) => view! { <Status line=line /> }.into_any(),
                None => view! { <p class="status status-pending">"Checking…"</p> }.into_any(),
            }}
        </li>
    }
}
