//! Waiting for AWS to finish what a call started: a table or a stream CREATING -> ACTIVE, a
//! function Pending -> Active, a stack's resources one by one (each new stack event reported
//! like a call). Polling is gentle: 1 s doubling to 5 s (Firehose's control plane takes about 5
//! requests a second, shared by everything in the account).

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::time::Duration;

use hoseline_aws::cloudformation::{DescribeStackEvents, DescribeStacks, Stack, StackEvent};
use hoseline_aws::dynamodb::{DescribeTable, TableDescription, TableStatus};
use hoseline_aws::firehose::{
    DeliveryStreamDescription, DeliveryStreamStatus, DescribeDeliveryStream,
};
use hoseline_aws::lambda::{FunctionConfiguration, GetFunction};
use hoseline_aws::{Client, Clock, Error, Sleep, Transport};

use super::error::ApplyError;
use super::events::{StepEvent, StepState};
use super::progress::Progress;
use super::run::{aws_error, Backoff, Run};
use crate::plan::Step;

const TABLE_TIMEOUT: Duration = Duration::from_secs(10 * 60);
const STREAM_TIMEOUT: Duration = Duration::from_secs(15 * 60);
const STACK_TIMEOUT: Duration = Duration::from_secs(30 * 60);
const FUNCTION_TIMEOUT: Duration = Duration::from_secs(5 * 60);

/// A status as AWS spells it (`CREATING`, `CREATING_FAILED`).
fn aws_text(status: impl serde::Serialize) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A stack's events not seen yet, oldest first (AWS lists them newest first, a page at a time;
/// the first page holds the latest ones, enough between two polls).
pub(crate) async fn new_stack_events<T: Transport, S: Sleep, C: Clock>(
    client: &Client<T, S, C>,
    stack: &str,
    seen: &mut HashSet<String>,
) -> Result<Vec<StackEvent>, Error> {
    let page = client
        .send(&DescribeStackEvents {
            stack_name: stack.to_owned(),
            next_token: None,
        })
        .await?;
    let mut fresh: Vec<StackEvent> = page
        .stack_events
        .items
        .into_iter()
        .filter(|e| seen.insert(e.event_id.clone()))
        .collect();
    fresh.reverse();
    Ok(fresh)
}

/// The reasons the stack's resources failed, from its events.
pub(crate) fn failure_reasons(events: &[StackEvent]) -> String {
    let reasons: Vec<String> = events
        .iter()
        .filter(|e| {
            e.resource_status
                .as_deref()
                .is_some_and(|s| s.ends_with("_FAILED"))
        })
        .map(|e| {
            format!(
                "{} {}: {}",
                e.logical_resource_id.as_deref().unwrap_or("?"),
                e.resource_status.as_deref().unwrap_or("?"),
                e.resource_status_reason
                    .as_deref()
                    .unwrap_or("no reason given")
            )
        })
        .collect();
    reasons.join("; ")
}

pub(crate) fn stack_event_state(e: &StackEvent) -> StepState {
    StepState::StackEvent {
        logical_id: e.logical_resource_id.clone().unwrap_or_default(),
        resource_type: e.resource_type.clone().unwrap_or_default(),
        status: e.resource_status.clone().unwrap_or_default(),
        reason: e.resource_status_reason.clone(),
    }
}

impl<T, S, C, F> Run<'_, T, S, C, F>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    fn timeout(&self, step: &Step, what: String, start: std::time::SystemTime) -> ApplyError {
        ApplyError::Timeout {
            step: step.id.to_owned(),
            what,
            waited_seconds: self.since(start).as_secs(),
        }
    }

    pub(crate) async fn wait_table(
        &mut self,
        step: &Step,
        name: &str,
    ) -> Result<TableDescription, ApplyError> {
        let start = self.now();
        let mut backoff = Backoff::new();
        let op = DescribeTable::new(name);
        loop {
            let out = self
                .call(&op)
                .await
                .map_err(|e| aws_error(step, &step.call, e))?;
            let table = out.table.unwrap_or_default();
            match table.table_status {
                Some(TableStatus::Active) | None => return Ok(table),
                Some(status) => {
                    let what = format!("table {name} is {}", aws_text(status));
                    if self.since(start) > TABLE_TIMEOUT {
                        return Err(self.timeout(step, format!("{what}, not ACTIVE"), start));
                    }
                    self.emit(step.id, StepState::Waiting { what })?;
                    self.sleep(backoff.next_delay()).await;
                }
            }
        }
    }

    pub(crate) async fn wait_stream(
        &mut self,
        step: &Step,
        name: &str,
    ) -> Result<DeliveryStreamDescription, ApplyError> {
        let start = self.now();
        let mut backoff = Backoff::new();
        let op = DescribeDeliveryStream::new(name);
        loop {
            let stream = self
                .call(&op)
                .await
                .map_err(|e| aws_error(step, &step.call, e))?
                .delivery_stream_description;
            match stream.delivery_stream_status {
                Some(DeliveryStreamStatus::Active) | None => return Ok(stream),
                Some(DeliveryStreamStatus::Creating) => {
                    if self.since(start) > STREAM_TIMEOUT {
                        return Err(self.timeout(
                            step,
                            format!("stream {name} is still CREATING"),
                            start,
                        ));
                    }
                    self.emit(
                        step.id,
                        StepState::Waiting {
                            what: format!("stream {name} is CREATING"),
                        },
                    )?;
                    self.sleep(backoff.next_delay()).await;
                }
                Some(other) => {
                    let why = stream
                        .failure_description
                        .map(|f| format!(": {} {}", f.failure_type, f.details))
                        .unwrap_or_default();
                    return Err(ApplyError::Failed {
                        step: step.id.to_owned(),
                        message: format!("stream {name} is {}{why}", aws_text(other)),
                    });
                }
            }
        }
    }

    pub(crate) async fn wait_function(
        &mut self,
        step: &Step,
        name: &str,
    ) -> Result<FunctionConfiguration, ApplyError> {
        let start = self.now();
        let mut backoff = Backoff::new();
        let op = GetFunction {
            function_name: name.to_owned(),
        };
        loop {
            let config = self
                .call(&op)
                .await
                .map_err(|e| aws_error(step, &step.call, e))?
                .configuration;
            match config.state.as_deref() {
                Some("Pending") => {
                    if self.since(start) > FUNCTION_TIMEOUT {
                        return Err(self.timeout(
                            step,
                            format!("function {name} is still Pending"),
                            start,
                        ));
                    }
                    self.emit(
                        step.id,
                        StepState::Waiting {
                            what: format!("function {name} is Pending"),
                        },
                    )?;
                    self.sleep(backoff.next_delay()).await;
                }
                Some("Failed") | Some("Inactive") => {
                    return Err(ApplyError::Failed {
                        step: step.id.to_owned(),
                        message: format!(
                            "function {name} is {}: {}",
                            config.state.as_deref().unwrap_or_default(),
                            config.state_reason.as_deref().unwrap_or("no reason given")
                        ),
                    })
                }
                _ => return Ok(config),
            }
        }
    }

    /// Waits until the stack leaves `..._IN_PROGRESS`, reporting each new stack event; the
    /// stack that completed, or the reasons its resources failed.
    pub(crate) async fn wait_stack(
        &mut self,
        step: &Step,
        name: &str,
    ) -> Result<Stack, ApplyError> {
        let start = self.now();
        let mut backoff = Backoff::new();
        let mut seen = HashSet::new();
        let mut all_events = Vec::new();
        loop {
            let fresh = new_stack_events(self.client, name, &mut seen)
                .await
                .map_err(|e| aws_error(step, &step.call, e))?;
            for event in &fresh {
                self.emit(step.id, stack_event_state(event))?;
            }
            all_events.extend(fresh);
            let stacks = self
                .call(&DescribeStacks {
                    stack_name: Some(name.to_owned()),
                    next_token: None,
                })
                .await
                .map_err(|e| aws_error(step, &step.call, e))?;
            let Some(stack) = stacks.stacks.items.into_iter().next() else {
                return Err(ApplyError::Failed {
                    step: step.id.to_owned(),
                    message: format!("stack {name} is not listed by DescribeStacks"),
                });
            };
            if stack.succeeded() {
                return Ok(stack);
            }
            if !stack.in_progress() {
                let reasons = failure_reasons(&all_events);
                return Err(ApplyError::Failed {
                    step: step.id.to_owned(),
                    message: format!(
                        "stack {name} is {}{}{}",
                        stack.stack_status,
                        stack
                            .stack_status_reason
                            .as_deref()
                            .map(|r| format!(" ({r})"))
                            .unwrap_or_default(),
                        if reasons.is_empty() {
                            String::new()
                        } else {
                            format!(": {reasons}")
                        }
                    ),
                });
            }
            if self.since(start) > STACK_TIMEOUT {
                return Err(self.timeout(
                    step,
                    format!("stack {name} is still {}", stack.stack_status),
                    start,
                ));
            }
            self.emit(
                step.id,
                StepState::Waiting {
                    what: format!("stack {name} is {}", stack.stack_status),
                },
            )?;
            self.sleep(backoff.next_delay()).await;
        }
    }
}
