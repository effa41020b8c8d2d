//! What the worker does for each request, over any AWS client: the engine's results turned into
//! [`Reply`] messages. Generic over the transport, so it runs the same in the worker (fetch)
//! and in native tests.

use std::ops::ControlFlow;

use hoseline_aws::{Client, Clock, Sleep, Transport};
use hoseline_pipeline::cost::{self, CostEstimate, Load};
use hoseline_pipeline::engine::{
    self, ApplyError, DestroyError, Outcome, Progress, StepEvent, StepState, TeardownEvent,
    TeardownState,
};
use hoseline_pipeline::plan::{self, target_endpoint, Facts};
use hoseline_pipeline::spec::PipelineSpec;

use super::protocol::{
    CallEvent, CallStatus, CostRow, CostView, Failure, FieldProblem, PlannedCall, Reply,
    ResourceEvent, ResourceStatus, ReviewData,
};

/// The plan's calls for `spec`, each with its request as sent and its AWS CLI command. Values
/// only an apply learns (the account id, ARNs) show as placeholders.
pub fn planned_calls(spec: &PipelineSpec) -> Vec<PlannedCall> {
    let planned = plan::plan(spec, &Facts::default());
    let Ok((endpoint, region)) = target_endpoint(spec) else {
        // An endpoint the rules refuse: the form shows that error; there is nothing to preview.
        return Vec::new();
    };
    planned
        .steps
        .iter()
        .map(|step| {
            let shown = step.show(&endpoint, &region);
            PlannedCall {
                id: step.id.to_owned(),
                resource: step.resource.to_string(),
                kind: step.resource.kind.into(),
                reason: step.reason.clone(),
                service: shown.service.to_owned(),
                operation: shown.operation.to_owned(),
                method: shown.method.to_owned(),
                url: shown.url,
                body: shown.body,
                cli: step.cli(region.as_str()),
            }
        })
        .collect()
}

/// A spec file read with the engine's own reader (its shape: unknown fields, wrong types,
/// missing fields, every problem by path); the page then checks the values with the rules.
pub fn parse_spec(text: &str) -> Result<PipelineSpec, Vec<FieldProblem>> {
    PipelineSpec::from_json(text).map_err(|e| {
        e.problems
            .into_iter()
            .map(|p| FieldProblem {
                path: p.path,
                message: p.message,
            })
            .collect()
    })
}

/// Everything Review shows that the page does not compute itself.
pub fn review(spec: &PipelineSpec, load: Load) -> ReviewData {
    let template = hoseline_pipeline::cloudformation::pipeline_template(spec);
    ReviewData {
        calls: planned_calls(spec),
        cost: cost_view(&cost::estimate(spec, load)),
        cloudformation: serde_json::to_string_pretty(&template).unwrap_or_default(),
        cli_script: plan::cli_script(spec),
    }
}

pub fn cost_view(estimate: &CostEstimate) -> CostView {
    CostView {
        monthly: cost::usd(estimate.monthly_usd),
        priced_region: estimate.priced_region.to_owned(),
        prices_as_of: estimate.prices_as_of.to_owned(),
        price_source: estimate.price_source.to_owned(),
        rows: estimate
            .line_items
            .iter()
            .map(|item| CostRow {
                service: item.service.as_str().to_owned(),
                item: item.name.clone(),
                quantity: cost::quantity(item),
                unit_price: format!("${} per {}", item.unit_price_usd, singular(&item.unit)),
                monthly: cost::usd(item.monthly_usd),
                note: item.note.clone(),
            })
            .collect(),
        packing: estimate.packing.as_ref().map(cost::packing),
        notes: estimate.notes.clone(),
    }
}

/// `million write request units` stays; `GB-months` stays; a plural `records` -> `record`.
fn singular(unit: &str) -> String {
    unit.strip_suffix('s')
        .filter(|u| !u.ends_with('s') && !unit.contains('-'))
        .unwrap_or(unit)
        .to_owned()
}

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
    use hoseline_pipeline::spec::PipelineSpec;

    #[test]
    fn the_local_plan_previews_every_call_with_its_request_and_command() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        assert!(calls.len() >= 4, "{calls:?}");
        let table = calls.iter().find(|c| c.operation == "CreateTable");
        let table = table.expect("a CreateTable call");
        assert!(table.body.contains("\"TableName\""), "{}", table.body);
        assert!(
            table.cli.starts_with("aws dynamodb create-table"),
            "{}",
            table.cli
        );
        assert!(table.url.starts_with("http://127.0.0.1"), "{}", table.url);
        assert!(!table.reason.is_empty());
        assert!(calls.iter().any(|c| c.operation == "CreateDeliveryStream"));
    }

    #[test]
    fn review_prices_the_load_and_exports_both_forms() {
        let spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        let data = review(&spec, Load::new(100.0, 200));
        assert!(data.cost.monthly.starts_with('$'), "{}", data.cost.monthly);
        assert!(data.cost.rows.iter().any(|r| r.service == "Firehose"));
        assert!(data
            .cloudformation
            .contains("AWS::KinesisFirehose::DeliveryStream"));
        assert!(
            data.cli_script.starts_with("#!"),
            "{}",
            &data.cli_script[..40]
        );
    }

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

    #[test]
    fn units_read_in_the_singular_after_per() {
        assert_eq!(singular("records"), "record");
        assert_eq!(singular("GB"), "GB");
        assert_eq!(singular("GB-months"), "GB-months");
    }
}
