//! Running one step: the calls that make a resource go to [`super::create`]; the ones that
//! configure it are sent here (a bucket another made is not tagged; TTL already on is read back;
//! a function URL or a permission that exists is adopted).

use std::ops::ControlFlow;

use hoseline_aws::credentials::Secret;
use hoseline_aws::dynamodb::{DescribeTimeToLive, UpdateTimeToLive};
use hoseline_aws::lambda::{CreateFunctionUrlConfig, GetFunctionUrlConfig};
use hoseline_aws::{Clock, Sleep, Transport};

use super::create::Outcome;
use super::error::{ApplyError, Difference};
use super::events::StepEvent;
use super::failure::{already_exists, not_found};
use super::progress::Progress;
use super::run::{aws_error, Run};
use crate::plan::{bridge_env, output, with_op, Call, Step};
use crate::spec::PipelineSpec;

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

pub(crate) async fn execute<T, S, C, F>(
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
    match with_secret(&step.call, run.spec) {
        Call::CreateBucket(op) => run.bucket(step, &op).await,
        Call::CreateTable(op) => run.table(step, &op).await,
        Call::CreateRole(op) => run.role(step, &op).await,
        Call::CreateStack(op) => run.stack(step, &op).await,
        Call::CreateFunction(op) => run.function(step, &op).await,
        Call::CreateDeliveryStream(op) => run.stream(step, &op).await,
        Call::PutBucketTagging(_) if !parent_ours => Ok(Outcome {
            skipped: true,
            detail: "the bucket was not made by this pipeline: it stays untagged, and teardown \
                     leaves it"
                .to_owned(),
            ..Outcome::default()
        }),
        Call::UpdateTimeToLive(op) => ttl(run, step, &op, parent_ours).await,
        Call::CreateFunctionUrlConfig(op) => function_url(run, step, &op, parent_ours).await,
        Call::AddPermission(op) => match run.call(&op).await {
            Ok(_) => Ok(configured(
                parent_ours,
                format!("statement {} added", op.statement_id),
            )),
            Err(e) if already_exists(&e) => Ok(Outcome {
                adopted: true,
                ours: parent_ours,
                detail: format!(
                    "statement {} is already in the function's policy",
                    op.statement_id
                ),
                ..Outcome::default()
            }),
            Err(e) => Err(aws_error(step, &step.call, e)),
        },
        other => {
            let sent = with_op!(&other, op => run.send_retrying(step, op).await?.map(|_| ()));
            sent.map_err(|e| aws_error(step, &step.call, e))?;
            Ok(configured(parent_ours, configured_detail(&other)))
        }
    }
}

/// AWS refuses to turn TTL on twice ("TimeToLive is already enabled"): then it is read back.
async fn ttl<T, S, C, F>(
    run: &mut Run<'_, T, S, C, F>,
    step: &Step,
    op: &UpdateTimeToLive,
    parent_ours: bool,
) -> Result<Outcome, ApplyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    let fail = |e| aws_error(step, &step.call, e);
    let wanted = &op.time_to_live_specification.attribute_name;
    let refused = match run.call(op).await {
        Ok(_) => return Ok(configured(parent_ours, format!("TTL on {wanted}"))),
        Err(e) if e.code() == "ValidationException" => e,
        Err(e) => return Err(fail(e)),
    };
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
            differences: vec![Difference::new(
                "time to live attribute",
                a,
                wanted.as_str(),
            )],
        }),
        None => Err(fail(refused)),
    }
}

/// Looked for first: the emulator makes a second URL where AWS refuses.
async fn function_url<T, S, C, F>(
    run: &mut Run<'_, T, S, C, F>,
    step: &Step,
    op: &CreateFunctionUrlConfig,
    parent_ours: bool,
) -> Result<Outcome, ApplyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    let fail = |e| aws_error(step, &step.call, e);
    let read = GetFunctionUrlConfig {
        function_name: op.function_name.clone(),
    };
    let url = match run.call(&read).await {
        Ok(url) => url,
        Err(e) if not_found(&e) => match run.call(op).await {
            Ok(url) => {
                return Ok(configured(parent_ours, format!("URL {}", url.function_url))
                    .with(output::FUNCTION_URL, url.function_url))
            }
            Err(e) if already_exists(&e) => run.call(&read).await.map_err(fail)?,
            Err(e) => return Err(fail(e)),
        },
        Err(e) => return Err(fail(e)),
    };
    if url.auth_type != op.auth_type {
        return Err(ApplyError::Conflict {
            step: step.id.to_owned(),
            resource: step.resource.clone(),
            differences: vec![Difference::new(
                "function URL auth type",
                url.auth_type,
                op.auth_type.as_str(),
            )],
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
