//! Deleting a pipeline from its page: after typing its name, the engine deletes what the
//! pipeline made (only what carries its tag or its record says it made), in reverse order, each
//! resource listed with its live state; what is left says why.

use leptos::prelude::*;

use crate::components::indicator::{Indicator, StatusIndicator};
use crate::context::use_connection;
use crate::engine::client;
use crate::engine::protocol::{Reply, Request, ResourceStatus, Run};
use crate::route::Route;
use crate::runs::record::{self, RunRecord, RunState};
use crate::runs::resources::{TeardownPhase, TeardownRun};

fn indicator(status: ResourceStatus) -> (Indicator, &'static str) {
    match status {
        ResourceStatus::Running => (Indicator::InProgress, "Deleting"),
        ResourceStatus::Deleted => (Indicator::Success, "Deleted"),
        ResourceStatus::AlreadyGone => (Indicator::Success, "Already gone"),
        ResourceStatus::Left => (Indicator::Warning, "Left"),
    }
}

#[component]
pub fn TeardownPanel(stream: String) -> impl IntoView {
    let Some(saved) = record::load(&stream) else {
        return view! {
            <section class="panel" data-testid="teardown-unknown">
                <h2>"Delete"</h2>
                <p class="muted">
                    "This browser holds no record of how this pipeline was made (made elsewhere, or \
                     its storage was cleared), so it cannot tell which resources are the pipeline's. \
                     Delete it with its spec file: `hoseline destroy SPEC.json`, or load the spec in \
                     Review and Create it (what exists is adopted), then delete it here."
                </p>
            </section>
        }
        .into_any();
    };
    view! { <Teardown saved=saved /> }.into_any()
}

#[component]
fn Teardown(saved: RunRecord) -> impl IntoView {
    let connection = use_connection();
    let name = saved.spec.name.clone();
    let record = StoredValue::new(saved);
    let typed = RwSignal::new(String::new());
    let asking = RwSignal::new(false);
    let run = RwSignal::new(None::<TeardownRun>);
    let matches = Memo::new({
        let name = name.clone();
        move |_| typed.get().trim() == name
    });
    let delete = move |_| {
        let Some(config) = connection.config_untracked() else {
            return;
        };
        asking.set(false);
        run.set(Some(TeardownRun::default()));
        record.update_value(|r| r.state = RunState::Deleting);
        record.with_value(record::save);
        let RunRecord { spec, progress, .. } = record.get_value();
        let credentials = (&config.credentials).into();
        client::start(
            move |id| {
                Request::Destroy(Run {
                    id,
                    spec,
                    credentials,
                    progress,
                })
            },
            move |reply| {
                match &reply {
                    Reply::Resource { progress, .. } => {
                        record.update_value(|r| r.progress = Some(progress.clone()));
                        record.with_value(record::save);
                    }
                    Reply::Destroyed { left, .. } if left.is_empty() => {
                        record.with_value(|r| record::remove(&r.spec.stream.name));
                    }
                    _ => {}
                }
                run.update(|r| {
                    if let Some(r) = r {
                        r.on_reply(&reply)
                    }
                });
            },
        );
    };
    let title = format!("Delete pipeline {name}");
    let prompt = format!("Type {name} to confirm. Its stream, table, bucket (emptied first) and roles are deleted; this cannot be undone.");
    view! {
        <section class="panel" data-testid="teardown">
            <h2>"Delete"</h2>
            {move || (run.read().is_none() && !asking.get()).then(|| view! {
                <button type="button" class="button danger" data-testid="teardown-start" on:click=move |_| asking.set(true)>{title.clone()}</button>
            })}
            {move || asking.get().then(|| view! {
                <div class="alert alert-warning">
                    <label class="alert-text" for="teardown-name">{prompt.clone()}</label>
                    <input id="teardown-name" type="text" autocomplete="off" data-testid="teardown-name"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <div class="confirm-actions">
                        <button type="button" class="button" on:click=move |_| asking.set(false)>"Cancel"</button>
                        <button type="button" class="button danger" data-testid="teardown-confirm" disabled=move || !matches.get() || connection.config().is_none() on:click=delete>"Delete"</button>
                    </div>
                </div>
            })}
            {move || run.get().map(|r| view! { <TeardownList run=r /> })}
        </section>
    }
}

#[component]
fn TeardownList(run: TeardownRun) -> impl IntoView {
    let end = match &run.phase {
        TeardownPhase::Running => view! { <StatusIndicator kind=Indicator::InProgress label="Deleting…" /> }.into_any(),
        TeardownPhase::Complete => view! {
            <p data-testid="teardown-done"><StatusIndicator kind=Indicator::Success label="Deleted: nothing of the pipeline is left." />" "<a href=Route::Pipelines.href()>"Back to the pipelines"</a></p>
        }.into_any(),
        TeardownPhase::Incomplete => view! { <StatusIndicator kind=Indicator::Warning label="Some resources are left; each says why. Fix that and delete again." /> }.into_any(),
        TeardownPhase::Failed(f) => view! { <p data-testid="teardown-failed"><StatusIndicator kind=Indicator::Error label=format!("{}: {}", f.code, f.message) /></p> }.into_any(),
    };
    view! {
        <ol class="calls" data-testid="teardown-resources">
            {run.rows.into_iter().map(|row| {
                let (kind, word) = indicator(row.status);
                view! {
                    <li class="call" data-status=kind.name()>
                        <div class="call-head"><StatusIndicator kind=kind label=word /><span class="call-name">{row.resource}</span></div>
                        <p class="call-detail">{row.detail}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
        {end}
    }
}
