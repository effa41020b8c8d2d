//! The Create screen's model: every call of the plan with its state, built from the preview
//! and the saved progress, and moved on by the engine's replies. Pure.

use std::collections::{BTreeMap, BTreeSet};

use hoseline_pipeline::engine::IDENTITY_STEP;
use serde_json::Value;

use crate::engine::protocol::{CallStatus, Failure, PlannedCall, Reply};

/// The steps a saved progress record (the engine's `Progress` as JSON) says are done, read
/// from its `steps` keys without the engine's decoder (which the page's first load need not
/// carry).
pub fn done_steps(progress: &str) -> BTreeSet<String> {
    serde_json::from_str::<Value>(progress)
        .ok()
        .and_then(|v| {
            // Inserted one by one: collecting into a BTreeSet links a sort of its own.
            let mut done = BTreeSet::new();
            for step in v.get("steps")?.as_object()?.keys() {
                done.insert(step.clone());
            }
            Some(done)
        })
        .unwrap_or_default()
}

/// Every output the done steps learnt (names, ARNs, the function URL), as `Progress::outputs`.
pub fn outputs(progress: &str) -> BTreeMap<String, String> {
    let Ok(v) = serde_json::from_str::<Value>(progress) else {
        return BTreeMap::new();
    };
    let mut all = BTreeMap::new();
    let steps = v.get("steps").and_then(Value::as_object);
    for outputs in steps
        .into_iter()
        .flat_map(|steps| steps.values())
        .filter_map(|step| step.get("outputs")?.as_object())
    {
        for (name, value) in outputs {
            if let Some(value) = value.as_str() {
                all.insert(name.clone(), value.to_owned());
            }
        }
    }
    all
}

/// One call on the Create screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallRow {
    pub id: String,
    /// `DynamoDB CreateTable`.
    pub call: String,
    /// `DynamoDB table demo-tickers`.
    pub resource: String,
    pub status: CallStatus,
    /// The last thing said about it (`waiting: table ACTIVE`).
    pub detail: String,
    pub failure: Option<Failure>,
}

/// Where the run stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not started in this page (a fresh Create, or one a reload interrupted).
    Idle,
    Running,
    /// Stopped at a failure; Retry resumes from the failed call.
    Failed(Failure),
    /// Stopped when asked (Stop), after the call named; Resume carries on.
    Stopped(Option<String>),
    /// Every call done.
    Complete(Made),
}

/// What a complete apply made and found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Made {
    pub made: Vec<String>,
    pub adopted: Vec<String>,
    pub resumed: Vec<String>,
    /// Names, ARNs, the function URL.
    pub outputs: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateRun {
    pub rows: Vec<CallRow>,
    pub phase: Phase,
}

impl CreateRun {
    /// The plan's calls, those the saved progress says are done marked done, the others pending.
    pub fn new(calls: &[PlannedCall], done: &BTreeSet<String>) -> Self {
        let identity = CallRow {
            id: IDENTITY_STEP.to_owned(),
            call: "AWS STS GetCallerIdentity".to_owned(),
            resource: "who these credentials belong to".to_owned(),
            status: CallStatus::Pending,
            detail: String::new(),
            failure: None,
        };
        let rows = std::iter::once(identity)
            .chain(calls.iter().map(|c| {
                let done = done.contains(&c.id);
                CallRow {
                    id: c.id.clone(),
                    call: format!("{} {}", c.service, c.operation),
                    resource: c.resource.clone(),
                    status: if done {
                        CallStatus::Done
                    } else {
                        CallStatus::Pending
                    },
                    detail: if done {
                        "done in an earlier run".to_owned()
                    } else {
                        String::new()
                    },
                    failure: None,
                }
            }))
            .collect();
        Self {
            rows,
            phase: Phase::Idle,
        }
    }

    /// How many calls the plan has.
    pub fn total(&self) -> usize {
        self.rows.iter().filter(|r| r.id != IDENTITY_STEP).count()
    }

    /// A run starts (or resumes): failures are cleared, done calls stay done.
    pub fn start(&mut self) {
        self.phase = Phase::Running;
        for row in &mut self.rows {
            if row.status == CallStatus::Failed {
                row.status = CallStatus::Pending;
                row.failure = None;
            }
        }
    }

    /// Moves the run on with one reply of its job.
    pub fn on_reply(&mut self, reply: &Reply) {
        match reply {
            Reply::Call { event, .. } => {
                if let Some(row) = self.rows.iter_mut().find(|r| r.id == event.step) {
                    row.status = event.status;
                    row.detail.clone_from(&event.detail);
                    row.failure.clone_from(&event.failure);
                }
            }
            Reply::Applied {
                made,
                adopted,
                resumed,
                outputs,
                ..
            } => {
                self.phase = Phase::Complete(Made {
                    made: made.clone(),
                    adopted: adopted.clone(),
                    resumed: resumed.clone(),
                    outputs: outputs.clone(),
                });
            }
            Reply::Failed { failure, .. } if failure.code == "Stopped" => {
                // Asked for: the call it stopped after is done, not failed.
                self.phase = Phase::Stopped(failure.step.clone());
            }
            Reply::Failed { failure, .. } => {
                // A failure before any call (no credentials, the engine did not load) lands on
                // the first call still open, so it is shown where the run stopped.
                if let Some(row) = self
                    .rows
                    .iter_mut()
                    .find(|r| Some(&r.id) == failure.step.as_ref())
                    .filter(|r| r.status != CallStatus::Failed)
                {
                    row.status = CallStatus::Failed;
                    row.failure = Some(failure.clone());
                }
                self.phase = Phase::Failed(failure.clone());
            }
            _ => {}
        }
    }

    /// How many of the plan's calls are done (made, adopted or done before), for "7 of 9
    /// done"; the identity check, made again by every run, is not one of them.
    pub fn done(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.id != IDENTITY_STEP)
            .filter(|r| {
                matches!(
                    r.status,
                    CallStatus::Done | CallStatus::Adopted | CallStatus::Skipped
                )
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::jobs::planned_calls;
    use crate::engine::protocol::CallEvent;
    use hoseline_pipeline::engine::Progress;
    use hoseline_pipeline::spec::PipelineSpec;

    fn event(step: &str, status: CallStatus, detail: &str) -> Reply {
        Reply::Call {
            id: 1,
            event: CallEvent {
                step: step.into(),
                status,
                detail: detail.into(),
                failure: None,
            },
            progress: String::new(),
        }
    }

    #[test]
    fn a_fresh_run_lists_the_identity_check_then_every_call_pending() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        let run = CreateRun::new(&calls, &BTreeSet::new());
        assert_eq!(run.rows.len(), calls.len() + 1);
        assert_eq!(run.rows[0].id, IDENTITY_STEP);
        assert!(run.rows.iter().all(|r| r.status == CallStatus::Pending));
        assert_eq!(run.done(), 0);
        assert_eq!(run.phase, Phase::Idle);
    }

    #[test]
    fn saved_progress_marks_its_calls_done_and_events_move_the_rest() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        let first = calls[0].id.clone();
        let mut progress = Progress::new(&spec);
        let record = hoseline_pipeline::engine::StepRecord {
            outputs: BTreeMap::from([("TableArn".to_owned(), "arn:t".to_owned())]),
            ..Default::default()
        };
        progress.steps.insert(first.clone(), record);
        let saved = progress.to_json();
        assert_eq!(
            outputs(&saved),
            progress.outputs(),
            "the page reads what the engine wrote"
        );
        let mut run = CreateRun::new(&calls, &done_steps(&saved));
        assert_eq!(run.done(), 1);
        run.start();
        let second = calls[1].id.clone();
        run.on_reply(&event(&second, CallStatus::Running, "CreateTable..."));
        let row = run.rows.iter().find(|r| r.id == second).expect("row");
        assert_eq!(row.status, CallStatus::Running);
        run.on_reply(&event(&second, CallStatus::Done, "done: made"));
        assert_eq!(run.done(), 2);
    }

    #[test]
    fn a_stop_leaves_the_call_it_stopped_after_done() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        let mut run = CreateRun::new(&calls, &BTreeSet::new());
        run.start();
        let first = calls[0].id.clone();
        run.on_reply(&event(IDENTITY_STEP, CallStatus::Done, "account 1"));
        run.on_reply(&event(&first, CallStatus::Done, "made"));
        run.on_reply(&Reply::Failed {
            id: 1,
            failure: Failure {
                code: "Stopped".into(),
                message: format!("stopped after step {first}"),
                request_id: None,
                hint: None,
                step: Some(first.clone()),
            },
        });
        assert_eq!(run.phase, Phase::Stopped(Some(first)));
        assert_eq!(run.rows[1].status, CallStatus::Done);
        assert_eq!(run.done(), 1);
    }

    #[test]
    fn a_failure_shows_on_its_call_and_retry_clears_it() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        let mut run = CreateRun::new(&calls, &BTreeSet::new());
        run.start();
        let failure = Failure {
            code: "AccessDeniedException".into(),
            message: "no".into(),
            request_id: Some("R1".into()),
            hint: None,
            step: Some(calls[0].id.clone()),
        };
        run.on_reply(&Reply::Failed {
            id: 1,
            failure: failure.clone(),
        });
        assert_eq!(run.phase, Phase::Failed(failure.clone()));
        assert_eq!(run.rows[1].status, CallStatus::Failed);
        assert_eq!(run.rows[1].failure, Some(failure));
        run.start();
        assert_eq!(run.rows[1].status, CallStatus::Pending);
        assert_eq!(run.phase, Phase::Running);
    }
}
