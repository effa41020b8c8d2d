//! Apply: the identity check, then each plan step in order, re-planned with what earlier steps
//! learnt, skipping what the progress record says is done, recording each step as it ends.

use std::collections::BTreeMap;
use std::ops::ControlFlow;

use hoseline_aws::credentials::Secret;
use hoseline_aws::dynamodb::DescribeTimeToLive;
use hoseline_aws::lambda::GetFunctionUrlConfig;
use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::{Client, Clock, Sleep, Transport};

use super::create::Outcome;
use super::error::{ApplyError, Difference};
use super::events::{StepEvent, StepState, IDENTITY_STEP};
use super::failure::{already_exists, not_found};
use super::progress::{Progress, StepRecord};
use super::run::{aws_error, Run};
use crate::plan::{bridge_env, output, plan, with_op, Call, Fact, Resource, Step};
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
        facts.bridge_zip = run.bridge_zip.map(<[u8]>::to_vec);
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

/// The planned call with the bridge's access key in place of its placeholder.
fn with_secret(call: &Call, spec: &PipelineSpec) -> Call {
    let Some(key) = spec.bridge.as_ref().and_then(|b| b.access_key.as_ref()) else {
        return call.clone();
    };
    let mut call = call.clone();
    match &mut call {
        Call::CreateDeliveryStream(op) => {
            if let Some(http) = op.http_endpoint_destination_configuration.as_mut() {
                if http.endpoint_configuration.access_key.is_some() {
                    http.endpoint_configuration.access_key = Some(Secret::new(key.expose()));
                }
            }
        }
        Call::CreateFunction(op) => {
            if let Some(v) = op.environment.0.get_mut(bridge_env::ACCESS_KEY) {
                *v = key.expose().to_owned();
            }
        }
        _ => {}
    }
    call
}

async fn execute<T, S, C, F>(
    run: &mut Run<'_, T, S, C, F>,
    step: &Step,
) -> Result<Outcome, ApplyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    let parent_ours = step
        .configures
        .and_then(|p| run.progress.step(p))
        .is_none_or(|r| r.ours);
    let fail = |e| aws_error(step, &step.call, e);
    match with_secret(&step.call, run.spec) {
        Call::CreateBucket(op) => run.bucket(step, &op).await,
        Call::CreateTable(op) => run.table(step, &op).await,
        Call::CreateRole(op) => run.role(step, &op).await,
        Call::CreateStack(op) => run.stack(step, &op).await,
        Call::CreateFunction(op) => run.function(step, &op).await,
        Call::CreateDeliveryStream(op) => run.stream(step, &op).await,
        Call::PutBucketTagging(_) if !parent_ours => Ok(Outcome {
            skipped: true,
            detail: "the bucket was not made by this pipeline: it stays untagged, and teardown leaves it".to_owned(),
            ..Outcome::default()
        }),
        Call::UpdateTimeToLive(op) => match run.call(&op).await {
            Ok(_) => Ok(configured(parent_ours, format!("TTL on {}", op.time_to_live_specification.attribute_name))),
            // AWS refuses to turn TTL on twice ("TimeToLive is already enabled"): read it.
            Err(e) if e.code() == "ValidationException" => {
                let wanted = &op.time_to_live_specification.attribute_name;
                let ttl = run
                    .call(&DescribeTimeToLive::new(&op.table_name))
                    .await
                    .map_err(fail)?
                    .time_to_live_description
                    .unwrap_or_default();
                match ttl.enabled_attribute() {
                    Some(a) if a == wanted => Ok(Outcome {
                        adopted: true,
                        ours: parent_ours,
                        detail: format!("TTL was already on {a}"),
                        ..Outcome::default()
                    }),
                    Some(a) => Err(ApplyError::Conflict {
                        step: step.id.to_owned(),
                        resource: step.resource.clone(),
                        differences: vec![Difference::new("time to live attribute", a, wanted.as_str())],
                    }),
                    None => Err(fail(e)),
                }
            }
            Err(e) => Err(fail(e)),
        },
        Call::CreateFunctionUrlConfig(op) => {
            let read = GetFunctionUrlConfig {
                function_name: op.function_name.clone(),
            };
            // Looked for first: the emulator makes a second URL instead of refusing.
            let url = match run.call(&read).await {
                Ok(url) => Some(url),
                Err(e) if not_found(&e) => match run.call(&op).await {
                    Ok(url) => {
                        return Ok(configured(parent_ours, format!("URL {}", url.function_url))
                            .with(output::FUNCTION_URL, url.function_url))
                    }
                    Err(e) if already_exists(&e) => Some(run.call(&read).await.map_err(fail)?),
                    Err(e) => return Err(fail(e)),
                },
                Err(e) => return Err(fail(e)),
            };
            let url = url.unwrap_or_default();
            if url.auth_type != op.auth_type {
                return Err(ApplyError::Conflict {
                    step: step.id.to_owned(),
                    resource: step.resource.clone(),
                    differences: vec![Difference::new("function URL auth type", url.auth_type, op.auth_type)],
                });
            }
            Ok(Outcome {
                adopted: true,
                ours: parent_ours,
                detail: format!("the function already has URL {}", url.function_url),
                ..Outcome::default()
            }
            .with(output::FUNCTION_URL, url.function_url))
        }
        Call::AddPermission(op) => match run.call(&op).await {
            Ok(_) => Ok(configured(parent_ours, format!("statement {} added", op.statement_id))),
            Err(e) if already_exists(&e) => Ok(Outcome {
                adopted: true,
                ours: parent_ours,
                detail: format!("statement {} is already in the function's policy", op.statement_id),
                ..Outcome::default()
            }),
            Err(e) => Err(fail(e)),
        },
        other => {
            with_op!(&other, op => run.call(op).await.map(|_| ()).map_err(fail)?);
            Ok(configured(parent_ours, configured_detail(&other)))
        }
    }
}

/// What a configuring call set, for the event that ends its step.
fn configured_detail(call: &Call) -> String {
    match call {
        Call::PutBucketTagging(op) => {
            let tags: Vec<String> = op
                .tags
                .iter()
                .map(|t| format!("{}={}", t.key, t.value))
                .collect();
            format!("tagged {}", tags.join(", "))
        }
        Call::PutBucketCors(op) => {
            let origins: Vec<&str> = op
                .cors_rules
                .iter()
                .flat_map(|r| r.allowed_origins.iter().map(String::as_str))
                .collect();
            format!("CORS rule for {}", origins.join(", "))
        }
        Call::PutBucketLifecycleConfiguration(op) => {
            match op.rules.first().and_then(|r| r.expiration_days) {
                Some(days) => format!("objects expire after {days} days"),
                None => "lifecycle rule set".to_owned(),
            }
        }
        Call::UpdateContinuousBackups(_) => "point-in-time recovery on".to_owned(),
        Call::RegisterScalableTarget(op) => format!(
            "{} scales from {} to {}",
            op.scalable_dimension,
            op.min_capacity.unwrap_or_default(),
            op.max_capacity.unwrap_or_default()
        ),
        Call::PutScalingPolicy(op) => format!(
            "policy {} tracks {}%",
            op.policy_name, op.target_tracking_scaling_policy_configuration.target_value
        ),
        Call::PutRolePolicy(op) => {
            format!("policy {} set on role {}", op.policy_name, op.role_name)
        }
        other => format!("{} done", other.operation()),
    }
}

fn configured(ours: bool, detail: String) -> Outcome {
    Outcome {
        ours,
        detail,
        ..Outcome::default()
    }
}
