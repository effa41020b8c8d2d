//! Apply and teardown in the worker, over any AWS client: the engine's events, failures and
//! results turned into [`Reply`] messages, the saved progress record read first.

use std::ops::ControlFlow;

use hoseline_aws::{Client, Clock, Sleep, Transport};
use hoseline_pipeline::engine::{
    self, ApplyError, DestroyError, Outcome, Progress, StepEvent, StepState, TeardownEvent,
    TeardownState,
};
use hoseline_pipeline::spec::PipelineSpec;

use super::protocol::{CallEvent, CallStatus, Failure, Reply, ResourceEvent, ResourceStatus};

/// An apply event as the Create screen lists it.
pub fn call_event(event: &StepEvent) -> CallEvent {
    let (status, failure) = match &event.state {
        StepState::Pending => (CallStatus::Pending, None),
        StepState::Running { .. }
        | StepState::Waiting { .. }
        | StepState::Retrying { .. }
        | StepState::StackEvent { .. } => (CallStatus::Running, None),
        StepState::Done { .. } => (CallStatus::Done, None),
        StepState::Adopted { .. } => (CallStatus::Adopted, None),
        StepState::Skipped { .. } => (CallStatus::Skipped, None),
        StepState::Failed {
            code,
            message,
            request_id,
            hint,
        } => (
            CallStatus::Failed,
            Some(Failure {
                code: code.clone(),
                message: message.clone(),
                request_id: request_id.clone(),
                hint: hint.clone(),
                step: Some(event.step_id.clone()),
            }),
        ),
    };
    let detail = match &event.state {
        // The status word says done or adopted already.
        StepState::Done { detail } | StepState::Adopted { detail } => detail.clone(),
        _ => {
            let text = event.to_string();
            text.strip_prefix(&format!("{}: ", event.step_id))
                .unwrap_or(&text)
                .trim()
                .to_owned()
        }
    };
    CallEvent {
        step: event.step_id.clone(),
        status,
        detail,
        failure,
    }
}

pub fn resource_event(event: &TeardownEvent) -> ResourceEvent {
    let status = match &event.state {
        TeardownState::Deleted => ResourceStatus::Deleted,
        TeardownState::AlreadyGone => ResourceStatus::AlreadyGone,
        TeardownState::Left { .. } => ResourceStatus::Left,
        _ => ResourceStatus::Running,
    };
    let resource = event.resource.to_string();
    let text = event.to_string();
    let detail = text
        .strip_prefix(&format!("{resource}: "))
        .unwrap_or(&text)
        .to_owned();
    ResourceEvent {
        resource,
        status,
        detail,
    }
}

pub fn apply_failure(error: &ApplyError) -> Failure {
    let (code, message, request_id, hint) = match error {
        ApplyError::Aws { error, hint, .. } => (
            error.code().to_owned(),
            error.message().to_owned(),
            error.request_id().map(str::to_owned),
            hint.clone(),
        ),
        ApplyError::Conflict { .. } => ("Conflict".into(), error.to_string(), None, None),
        ApplyError::Setup { .. } => ("Setup".into(), error.to_string(), None, None),
        ApplyError::Failed { .. } => ("Failed".into(), error.to_string(), None, None),
        ApplyError::Timeout { .. } => ("Timeout".into(), error.to_string(), None, None),
        ApplyError::MissingFact { .. } => ("MissingFact".into(), error.to_string(), None, None),
        ApplyError::Stopped { .. } => ("Stopped".into(), error.to_string(), None, None),
    };
    Failure {
        code,
        message,
        request_id,
        hint,
        step: error.step().map(str::to_owned),
    }
}

pub fn destroy_failure(error: &DestroyError) -> Failure {
    let (code, message, request_id) = match error {
        DestroyError::Identity(e) => (
            e.code().to_owned(),
            e.message().to_owned(),
            e.request_id().map(str::to_owned),
        ),
        DestroyError::Setup { .. } => ("Setup".into(), error.to_string(), None),
        DestroyError::Stopped { .. } => ("Stopped".into(), error.to_string(), None),
    };
    Failure {
        code,
        message,
        request_id,
        hint: None,
        step: None,
    }
}

/// The saved progress, or a new record when there is none; an unreadable one is a failure.
fn progress_of(spec: &PipelineSpec, saved: Option<&str>) -> Result<Progress, Failure> {
    match saved {
        None => Ok(Progress::new(spec)),
        Some(text) => Progress::from_json(text).map_err(|e| Failure {
            code: "ProgressUnreadable".into(),
            message: format!("the saved progress record cannot be read: {e}"),
            request_id: None,
            hint: Some("Start over: the engine adopts what exists and matches the spec.".into()),
            step: None,
        }),
    }
}

/// Runs apply, posting every event and the end. `stop` is asked after each event.
pub async fn apply<T: Transport, S: Sleep, C: Clock>(
    client: &Client<T, S, C>,
    id: u32,
    spec: &PipelineSpec,
    saved: Option<&str>,
    bridge_zip: Option<&[u8]>,
    stop: &dyn Fn() -> bool,
    post: &dyn Fn(Reply),
) {
    let mut progress = match progress_of(spec, saved) {
        Ok(p) => p,
        Err(failure) => return post(Reply::Failed { id, failure }),
    };
    let mut observer = |event: &StepEvent, progress: &Progress| {
        post(Reply::Call {
            id,
            event: call_event(event),
            progress: progress.to_json(),
        });
        if stop() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let result = engine::apply(client, spec, bridge_zip, &mut progress, &mut observer).await;
    post(match result {
        Ok(applied) => Reply::Applied {
            id,
            made: applied.made.iter().map(ToString::to_string).collect(),
            adopted: applied.adopted.iter().map(ToString::to_string).collect(),
            resumed: applied.resumed,
            outputs: applied.outputs,
        },
        Err(error) => Reply::Failed {
            id,
            failure: apply_failure(&error),
        },
    });
}

/// Runs teardown, posting every event and the end.
pub async fn destroy<T: Transport, S: Sleep, C: Clock>(
    client: &Client<T, S, C>,
    id: u32,
    spec: &PipelineSpec,
    saved: Option<&str>,
    stop: &dyn Fn() -> bool,
    post: &dyn Fn(Reply),
) {
    let mut progress = match progress_of(spec, saved) {
        Ok(p) => p,
        Err(failure) => return post(Reply::Failed { id, failure }),
    };
    let mut observer = |event: &TeardownEvent, progress: &Progress| {
        post(Reply::Resource {
            id,
            event: resource_event(event),
            progress: progress.to_json(),
        });
        if stop() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let result = engine::destroy(client, spec, &mut progress, &mut observer).await;
    post(match result {
        Ok(destroyed) => {
            let names = |wanted: fn(&Outcome) -> bool| {
                destroyed
                    .resources
                    .iter()
                    .filter(|t| wanted(&t.outcome))
                    .map(|t| t.resource.to_string())
                    .collect()
            };
            Reply::Destroyed {
                id,
                deleted: names(|o| *o == Outcome::Deleted),
                gone: names(|o| *o == Outcome::AlreadyGone),
                left: destroyed
                    .left()
                    .into_iter()
                    .map(|t| match &t.outcome {
                        Outcome::Left { why } => (t.resource.to_string(), why.clone()),
                        _ => (t.resource.to_string(), String::new()),
                    })
                    .collect(),
            }
        }
        Err(error) => Reply::Failed {
            id,
            failure: destroy_failure(&error),
        },
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_event_keeps_the_aws_code_message_and_request_id() {
        let event = StepEvent {
            step_id: "table".into(),
            state: StepState::Failed {
                code: "AccessDeniedException".into(),
                message: "not authorized to perform: dynamodb:CreateTable".into(),
                request_id: Some("REQ-1".into()),
                hint: Some("add dynamodb:CreateTable".into()),
            },
        };
        let shown = call_event(&event);
        assert_eq!(shown.status, CallStatus::Failed);
        let failure = shown.failure.expect("failure");
        assert_eq!(failure.code, "AccessDeniedException");
        assert_eq!(failure.request_id.as_deref(), Some("REQ-1"));
        assert_eq!(failure.step.as_deref(), Some("table"));
        assert!(shown.detail.starts_with("FAILED"), "{}", shown.detail);
        let waiting = call_event(&StepEvent {
            step_id: "table".into(),
            state: StepState::Waiting {
                what: "table ACTIVE".into(),
            },
        });
        assert_eq!(waiting.status, CallStatus::Running);
        assert_eq!(waiting.detail, "waiting: table ACTIVE");
    }

    #[test]
    fn an_unreadable_progress_record_is_a_failure_that_says_what_to_do() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let failure = progress_of(&spec, Some("{not json")).expect_err("unreadable");
        assert_eq!(failure.code, "ProgressUnreadable");
        assert!(progress_of(&spec, None).is_ok());
    }
}
