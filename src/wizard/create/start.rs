//! Starting, stopping and resuming the apply; the progress record saved after every event.

use hoseline_pipeline::spec::{PipelineSpec, Target};
use leptos::prelude::*;

use crate::components::alert::{Alert, AlertKind};
use crate::context::{use_connection, ConnectionContext};
use crate::draft::{use_draft, DraftContext};
use crate::engine::client;
use crate::engine::hooks::{use_preview, Answer};
use crate::engine::protocol::{Reply, Request, Run};
use crate::route::Route;
use crate::runs::access_key;
use crate::runs::calls::{done_steps, outputs, CreateRun, Made, Phase};
use crate::runs::record::{self, RunRecord, RunState};
use crate::wizard::step::Step;

/// The Create screen's state: the calls, the saved progress, the running job.
#[derive(Clone, Copy)]
pub struct CreateRunner {
    pub run: RwSignal<Option<CreateRun>>,
    spec: StoredValue<PipelineSpec>,
    progress: StoredValue<Option<String>>,
    job: StoredValue<Option<u32>>,
    /// Why the run could not start (not connected...).
    blocked: RwSignal<Option<String>>,
    /// A run left by a reload or a failure, waiting for Resume.
    interrupted: RwSignal<bool>,
    connection: ConnectionContext,
    draft: DraftContext,
}

impl CreateRunner {
    pub fn made(&self) -> Option<Made> {
        self.run.with(|r| match r.as_ref().map(|r| &r.phase) {
            Some(Phase::Complete(made)) => Some(made.clone()),
            _ => None,
        })
    }

    fn phase(&self) -> Option<Phase> {
        self.run.with(|r| r.as_ref().map(|r| r.phase.clone()))
    }

    fn save(&self, state: RunState) {
        record::save(&RunRecord {
            spec: self.spec.get_value(),
            progress: self.progress.get_value(),
            state,
        });
    }

    /// Starts (or resumes) the apply with the connection's credentials.
    fn start(self) {
        let Some(config) = self.connection.config_untracked() else {
            self.blocked.set(Some("Connect first: the calls are signed with the connection's credentials, held in memory only, so a reload asks for them again (unless you chose to remember them in this tab).".into()));
            return;
        };
        let mut spec = self.spec.get_value();
        if matches!(spec.target, Target::Aws { .. }) {
            let name = spec.name.clone();
            if let Some(bridge) = spec.bridge.as_mut().filter(|b| b.access_key.is_none()) {
                match access_key::for_pipeline(&name) {
                    Some(key) => bridge.access_key = Some(key),
                    None => {
                        self.blocked.set(Some("This browser gives no secure random numbers (crypto.getRandomValues), so no access key for the bridge can be made: set one in the Access step.".into()));
                        return;
                    }
                }
            }
        }
        self.blocked.set(None);
        self.interrupted.set(false);
        self.run.update(|r| {
            if let Some(r) = r {
                r.start();
            }
        });
        self.save(RunState::Creating);
        let draft = self.draft;
        let progress = self.progress.get_value();
        let credentials = (&config.credentials).into();
        let id = client::start(
            move |id| {
                Request::Apply(Run {
                    id,
                    spec,
                    credentials,
                    progress,
                })
            },
            move |reply| {
                match &reply {
                    Reply::Call { progress, .. } => {
                        self.progress.set_value(Some(progress.clone()));
                        self.save(RunState::Creating);
                    }
                    Reply::Applied { .. } => {
                        self.save(RunState::Complete);
                        access_key::forget(&self.spec.with_value(|s| s.name.clone()));
                        draft.mark_saved();
                    }
                    Reply::Failed { .. } => self.save(RunState::Failed),
                    _ => {}
                }
                self.run.update(|r| {
                    if let Some(r) = r {
                        r.on_reply(&reply);
                    }
                });
            },
        );
        self.job.set_value(Some(id));
    }
}

/// The runner for `spec`: the calls from the plan, marked with the saved progress; a fresh
/// Create starts at once, one a reload interrupted waits for Resume.
pub fn use_create(spec: PipelineSpec) -> CreateRunner {
    let saved = record::load(&spec.stream.name).filter(|r| same_pipeline(&r.spec, &spec));
    let runner = CreateRunner {
        run: RwSignal::new(None),
        spec: StoredValue::new(spec.clone()),
        progress: StoredValue::new(saved.as_ref().and_then(|r| r.progress.clone())),
        job: StoredValue::new(None),
        blocked: RwSignal::new(None),
        interrupted: RwSignal::new(
            saved
                .as_ref()
                .is_some_and(|r| r.state != RunState::Complete),
        ),
        connection: use_connection(),
        draft: use_draft(),
    };
    let state = saved.as_ref().map(|r| r.state);
    let preview = use_preview(Signal::derive(move || Some(runner.spec.get_value())));
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let Answer::Ready(calls) = preview.get() else {
            return false;
        };
        let saved = runner.progress.get_value().unwrap_or_default();
        let mut run = CreateRun::new(&calls, &done_steps(&saved));
        if state == Some(RunState::Complete) {
            run.phase = Phase::Complete(Made {
                outputs: outputs(&saved),
                ..Made::default()
            });
        }
        runner.run.set(Some(run));
        if state.is_none() {
            runner.start();
        }
        true
    });
    on_cleanup(move || {
        if let Some(id) = runner.job.get_value() {
            client::forget(id);
        }
    });
    runner
}

/// A stored record is this pipeline's when it was made from the same spec (the access key
/// aside, which records never hold).
fn same_pipeline(stored: &PipelineSpec, spec: &PipelineSpec) -> bool {
    let mut spec = spec.clone();
    if let Some(bridge) = spec.bridge.as_mut() {
        bridge.access_key = None;
    }
    *stored == spec
}

#[component]
pub fn Controls(runner: CreateRunner) -> impl IntoView {
    let phase = move || runner.phase();
    view! {
        {move || runner.blocked.get().map(|why| view! {
            <Alert kind=AlertKind::Warning text=why link=("Go to Connection".to_owned(), Route::Step(Step::Connection).href()) testid="create-not-connected" />
        })}
        {move || match phase() {
            Some(Phase::Idle) if runner.interrupted.get() => view! {
                <div class="alert alert-info" data-testid="create-interrupted">
                    <p class="alert-text">"This Create stopped before it finished (the page was reloaded or closed). Resume carries on from the first call not done; what exists and matches is adopted."</p>
                    <button type="button" class="button primary" data-testid="create-resume" on:click=move |_| runner.start()>"Resume"</button>
                </div>
            }.into_any(),
            Some(Phase::Running) => view! {
                <div class="run-controls">
                    <span data-testid="create-running">"Creating… each call's state updates as it goes."</span>
                    <button type="button" class="button" data-testid="create-stop"
                        on:click=move |_| if let Some(id) = runner.job.get_value() { client::stop(id) }>"Stop after this call"</button>
                </div>
            }.into_any(),
            Some(Phase::Stopped(_)) => view! {
                <div class="alert alert-info" data-testid="create-stopped">
                    <p class="alert-text">"Stopped, as asked, after the call in progress. Resume carries on from the first call not done."</p>
                    <button type="button" class="button primary" data-testid="create-resume" on:click=move |_| runner.start()>"Resume"</button>
                </div>
            }.into_any(),
            Some(Phase::Failed(f)) => view! {
                <div class="alert alert-error" data-testid="create-failed">
                    <p class="alert-text"><strong>{f.code}</strong>": "{f.message}</p>
                    {f.hint.map(|h| view! { <p class="alert-text">{h}</p> })}
                    <p class="alert-text">"Fix the cause (a permission, a conflicting resource), then retry: the calls already done are not made again."</p>
                    <button type="button" class="button primary" data-testid="create-retry" on:click=move |_| runner.start()>"Retry"</button>
                </div>
            }.into_any(),
            _ => ().into_any(),
        }}
    }
}
