//! Apply: the identity check, then each plan step in order, re-planned with what earlier steps
//! learnt, skipping what the progress record says is done, recording each step as it ends.

use std::collections::BTreeMap;
use std::ops::ControlFlow;

use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::{Client, Clock, Sleep, Transport};

use super::error::ApplyError;
use super::events::{StepEvent, StepState, IDENTITY_STEP};
use super::progress::{Progress, StepRecord};
use super::run::Run;
use super::steps::execute;
use crate::plan::{output, plan, Fact, Resource};
use crate::spec::PipelineSpec;

/// What an apply made and found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Resources this run made.
    pub made: Vec<Resource>,
    /// Resources that existed, matched the spec and were taken as they are.
    pub adopted: Vec<Resource>,
    /// Steps done by an earlier run (skipped now).
    pub resumed: Vec<String>,
    /// Every output learnt (names, ARNs, the function URL).
    pub outputs: BTreeMap<String, String>,
}

impl Applied {
    /// The bridge's function URL (AWS DynamoDB kind).
    pub fn function_url(&self) -> Option<&str> {
        self.outputs.get(output::FUNCTION_URL).map(String::as_str)
    }
}

/// Makes the pipeline `spec` describes through `client`, resuming from `progress`.
///
/// The client must be for the spec's region (and, for a local spec, its emulator: see
/// [`super::client_config`]). `bridge_zip` is `bridge-lambda.zip`, needed only to create the
/// bridge Lambda (AWS, DynamoDB kind). The observer sees every event with the progress record
/// as it stands (save it then); returning `ControlFlow::Break` stops the run after that event.
///
/// Running apply again with the saved record continues where it stopped; with an empty record
/// on a pipeline already made, every resource is adopted and nothing changes.
pub async fn apply<T, S, C, F>(
    client: &Client<T, S, C>,
    spec: &PipelineSpec,
    bridge_zip: Option<&[u8]>,
    progress: &mut Progress,
    observer: &mut F,
) -> Result<Applied, ApplyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    progress
        .claim(spec)
        .map_err(|message| ApplyError::Setup { message })?;
    if client.config().region.as_str() != spec.target.region() {
        return Err(ApplyError::Setup {
            message: format!(
                "the client is for region {}, the spec's target is in {}",
                client.config().region,
                spec.target.region()
            ),
        });
    }
    let mut run = Run {
        client,
        spec,
        progress,
        observer,
        bridge_zip,
    };
    let ids = plan(spec, &run.progress.facts()).ids();
    for id in &ids {
        if !run.progress.is_done(id) {
            run.emit(id, StepState::Pending)?;
        }
    }
    identity(&mut run).await?;
    let mut applied = Applied::default();
    for (index, id) in ids.iter().enumerate() {
        let mut facts = run.progress.facts();
        // Only the function's step carries the zip (a few MB): no copy for the others.
        if *id == "bridge.function" {
            facts.bridge_zip = run.bridge_zip.map(<[u8]>::to_vec);
        }
        let planned = plan(spec, &facts);
        let Some(step) = planned.steps.get(index).filter(|s| s.id == *id) else {
            return Err(ApplyError::Setup {
                message: format!("the plan changed while it ran (step {id})"),
            });
        };
        if run.progress.is_done(id) {
            applied.resumed.push((*id).to_owned());
            run.emit(
                id,
                StepState::Done {
                    detail: "done in an earlier run".to_owned(),
                },
            )?;
            continue;
        }
        if let Some(fact) = step.missing.iter().find(|f| **f != Fact::BridgeZip) {
            return Err(fail(
                &mut run,
                ApplyError::MissingFact {
                    step: (*id).to_owned(),
                    fact: *fact,
                },
            ));
        }
        run.emit(
            id,
            StepState::Running {
                operation: step.call.operation(),
            },
        )?;
        let outcome = match execute(&mut run, step).await {
            Ok(outcome) => outcome,
            Err(e) => return Err(fail(&mut run, e)),
        };
        if step.configures.is_none() {
            if outcome.adopted {
                applied.adopted.push(step.resource.clone());
            } else {
                applied.made.push(step.resource.clone());
            }
        }
        let state = if outcome.skipped {
            StepState::Skipped {
                why: outcome.detail.clone(),
            }
        } else if outcome.adopted {
            StepState::Adopted {
                detail: outcome.detail.clone(),
            }
        } else {
            StepState::Done {
                detail: outcome.detail.clone(),
            }
        };
        run.progress.steps.insert(
            (*id).to_owned(),
            StepRecord {
                adopted: outcome.adopted,
                ours: outcome.ours,
                outputs: outcome.outputs,
            },
        );
        run.emit(id, state)?;
    }
    applied.outputs = run.progress.outputs();
    Ok(applied)
}

/// Reports a failure (unless the observer stopped the run) and hands it back.
fn fail<T, S, C, F>(run: &mut Run<'_, T, S, C, F>, error: ApplyError) -> ApplyError
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    let (code, message, request_id, hint) = match &error {
        ApplyError::Stopped { .. } => return error,
        ApplyError::Aws { error: e, hint, .. } => (
            e.code().to_owned(),
            e.message(),
            e.request_id().map(str::to_owned),
            hint.clone(),
        ),
        ApplyError::Conflict { .. } => ("Conflict".to_owned(), error.to_string(), None, None),
        ApplyError::Timeout { .. } => ("Timeout".to_owned(), error.to_string(), None, None),
        ApplyError::MissingFact { fact, .. } => (
            "MissingFact".to_owned(),
            error.to_string(),
            None,
            Some(format!("give {fact}, then apply again")),
        ),
        ApplyError::Failed { .. } | ApplyError::Setup { .. } => {
            ("Failed".to_owned(), error.to_string(), None, None)
        }
    };
    let step = error.step().unwrap_or(IDENTITY_STEP).to_owned();
    let state = StepState::Failed {
        code,
        message,
        request_id,
        hint,
    };
    // A stop asked on the failure itself changes nothing: the failure is what happened.
    let _ = run.emit(&step, state);
    error
}

/// STS GetCallerIdentity: the account id (and partition) every ARN needs, and a check that the
/// progress record belongs to this account.
async fn identity<T, S, C, F>(run: &mut Run<'_, T, S, C, F>) -> Result<(), ApplyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    run.emit(
        IDENTITY_STEP,
        StepState::Running {
            operation: "GetCallerIdentity",
        },
    )?;
    let who = match run.call(&GetCallerIdentity).await {
        Ok(who) => who,
        Err(error) => {
            let e = ApplyError::Aws {
                step: IDENTITY_STEP.to_owned(),
                operation: "GetCallerIdentity",
                error: Box::new(error),
                hint: None,
            };
            return Err(fail(run, e));
        }
    };
    if let Some(known) = &run.progress.account_id {
        if *known != who.account {
            return Err(fail(
                run,
                ApplyError::Setup {
                    message: format!(
                        "the progress record is for account {known}; these credentials are for account {}",
                        who.account
                    ),
                },
            ));
        }
    }
    run.progress.account_id = Some(who.account.clone());
    run.progress.partition = who.arn.split(':').nth(1).map(str::to_owned);
    run.emit(
        IDENTITY_STEP,
        StepState::Done {
            detail: format!("account {} ({})", who.account, who.arn),
        },
    )
}
