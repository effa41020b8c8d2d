//! Deleting one resource: is it there, is it this pipeline's, then delete it (a bucket emptied
//! first, a role's policy first, a table's auto scaling first) and wait until it is gone.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::time::Duration;

use hoseline_aws::autoscaling::{DeregisterScalableTarget, DYNAMODB_TABLE_WRITE};
use hoseline_aws::cloudformation::{DeleteStack, DescribeStacks};
use hoseline_aws::dynamodb::{DeleteTable, DescribeTable, ListTagsOfResource};
use hoseline_aws::firehose::{
    DeleteDeliveryStream, DescribeDeliveryStream, ListTagsForDeliveryStream,
};
use hoseline_aws::iam::{DeleteRole, DeleteRolePolicy, GetRole, ListRoleTags};
use hoseline_aws::lambda::{DeleteFunction, GetFunction};
use hoseline_aws::s3::{DeleteBucket, DeleteObjects, GetBucketTagging, ListObjectsV2};
use hoseline_aws::{Client, Clock, Error, Operation, Sleep, Transport};

use super::destroy::Outcome;
use super::error::DestroyError;
use super::events::{TeardownEvent, TeardownState};
use super::failure::{access_denied, not_found};
use super::progress::Progress;
use super::run::Backoff;
use super::wait::{failure_reasons, new_stack_events};
use crate::plan::{output, Resource, ResourceKind, Step, FIREHOSE_POLICY_NAME, PIPELINE_TAG};
use crate::spec::{Billing, PipelineSpec};

/// How long a delete may take to finish (a stack's bucket and roles, a stream).
const DELETE_TIMEOUT: Duration = Duration::from_secs(30 * 60);

pub(crate) struct Tear<'a, T, S, C, F> {
    pub(crate) client: &'a Client<T, S, C>,
    pub(crate) spec: &'a PipelineSpec,
    pub(crate) progress: &'a mut Progress,
    pub(crate) observer: &'a mut F,
}

/// A failed call as a reason to leave the resource, naming the permission after an AccessDenied.
fn left<O: Operation>(_: &O, error: &Error) -> Outcome {
    let mut why = format!("{} failed: {error}", O::NAME);
    if access_denied(error) {
        let prefix = O::SERVICE.info().signing_name;
        why += &format!(
            " (the credentials need {prefix}:{}; add it, then tear down again)",
            O::NAME
        );
    }
    Outcome::Left { why }
}

/// Runs a call; a failure ends the resource's teardown with [`left`].
macro_rules! call_or_leave {
    ($tear:expr, $op:expr) => {{
        let op = $op;
        match $tear.client.send(&op).await {
            Ok(out) => out,
            Err(e) => return Ok(left(&op, &e)),
        }
    }};
}

impl<T, S, C, F> Tear<'_, T, S, C, F>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&TeardownEvent, &Progress) -> ControlFlow<()>,
{
    pub(crate) fn emit(
        &mut self,
        resource: &Resource,
        state: TeardownState,
    ) -> Result<(), DestroyError> {
        let event = TeardownEvent {
            resource: resource.clone(),
            state,
        };
        match (self.observer)(&event, self.progress) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(DestroyError::Stopped {
                at: resource.clone(),
            }),
        }
    }

    /// Deletes only what this pipeline made: its tag, or a record that it made it.
    fn ours(&self, step: &Step, tag: Option<&str>) -> Option<Outcome> {
        let made_here = self.progress.step(step.id).is_some_and(|r| !r.adopted);
        match tag {
            Some(t) if t == self.spec.name => None,
            _ if made_here => None,
            Some(other) => Some(Outcome::Left {
                why: format!("it carries {PIPELINE_TAG}={other}: another pipeline's"),
            }),
            None => Some(Outcome::Left {
                why: format!("it exists but was not made by this pipeline (no {PIPELINE_TAG} tag)"),
            }),
        }
    }

    pub(crate) async fn remove(&mut self, step: &Step) -> Result<Outcome, DestroyError> {
        let name = step.resource.name.clone();
        match step.resource.kind {
            ResourceKind::Stream => self.stream(step, &name).await,
            ResourceKind::Function => self.function(step, &name).await,
            ResourceKind::Table => self.table(step, &name).await,
            ResourceKind::Role => self.role(step, &name).await,
            ResourceKind::Bucket => self.bucket(step, &name).await,
            ResourceKind::Stack => self.stack(step, &name).await,
        }
    }

    /// Polls `gone` until it says the resource is gone.
    async fn wait_gone<O: Operation>(
        &mut self,
        resource: &Resource,
        describe: O,
    ) -> Result<Outcome, DestroyError> {
        let start = self.client.clock().now();
        let mut backoff = Backoff::new();
        loop {
            match self.client.send(&describe).await {
                Err(e) if not_found(&e) => return Ok(Outcome::Deleted),
                Err(e) => return Ok(left(&describe, &e)),
                Ok(_) => {}
            }
            let waited = self
                .client
                .clock()
                .now()
                .duration_since(start)
                .unwrap_or_default();
            if waited > DELETE_TIMEOUT {
                return Ok(Outcome::Left {
                    why: format!("still being deleted after {} s", waited.as_secs()),
                });
            }
            self.emit(
                resource,
                TeardownState::Waiting {
                    what: "being deleted".to_owned(),
                },
            )?;
            self.client.sleeper().sleep(backoff.next_delay()).await;
        }
    }

    async fn stream(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        match self.client.send(&DescribeDeliveryStream::new(name)).await {
            Err(e) if not_found(&e) => return Ok(Outcome::AlreadyGone),
            Err(e) => return Ok(left(&DescribeDeliveryStream::new(name), &e)),
            Ok(_) => {}
        }
        let tags = call_or_leave!(self, ListTagsForDeliveryStream::new(name));
        if let Some(leave) = self.ours(step, tags.get(PIPELINE_TAG)) {
            return Ok(leave);
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteDeliveryStream",
            },
        )?;
        call_or_leave!(self, DeleteDeliveryStream::new(name));
        self.wait_gone(&step.resource, DescribeDeliveryStream::new(name))
            .await
    }

    async fn function(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        let get = GetFunction {
            function_name: name.to_owned(),
        };
        let found = match self.client.send(&get).await {
            Err(e) if not_found(&e) => return Ok(Outcome::AlreadyGone),
            Err(e) => return Ok(left(&get, &e)),
            Ok(found) => found,
        };
        let tag = found
            .tags
            .as_ref()
            .and_then(|t| t.get(PIPELINE_TAG))
            .map(String::as_str);
        if let Some(leave) = self.ours(step, tag) {
            return Ok(leave);
        }
        // Its URL and resource policy go with it.
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteFunction",
            },
        )?;
        call_or_leave!(
            self,
            DeleteFunction {
                function_name: name.to_owned()
            }
        );
        Ok(Outcome::Deleted)
    }

    async fn table(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        let found = match self.client.send(&DescribeTable::new(name)).await {
            Err(e) if not_found(&e) => return Ok(Outcome::AlreadyGone),
            Err(e) => return Ok(left(&DescribeTable::new(name), &e)),
            Ok(found) => found.table.unwrap_or_default(),
        };
        let arn = found.table_arn.clone().unwrap_or_default();
        let tags = call_or_leave!(self, ListTagsOfResource::new(&arn));
        let tag = tags
            .tags
            .iter()
            .find(|t| t.key == PIPELINE_TAG)
            .map(|t| t.value.as_str());
        if let Some(leave) = self.ours(step, tag) {
            return Ok(leave);
        }
        let scaled = self.spec.table.as_ref().is_some_and(|t| {
            matches!(
                t.billing,
                Billing::Provisioned {
                    auto_scaling: Some(_),
                    ..
                }
            )
        });
        if scaled {
            self.emit(
                &step.resource,
                TeardownState::Deleting {
                    operation: "DeregisterScalableTarget",
                },
            )?;
            let op = DeregisterScalableTarget::dynamodb_table(name, DYNAMODB_TABLE_WRITE);
            match self.client.send(&op).await {
                // Already gone: "No scalable target found".
                Ok(_) => {}
                Err(e) if matches!(e.code(), "ValidationException" | "ObjectNotFoundException") => {
                }
                Err(e) => return Ok(left(&op, &e)),
            }
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteTable",
            },
        )?;
        call_or_leave!(self, DeleteTable::new(name));
        self.wait_gone(&step.resource, DescribeTable::new(name))
            .await
    }

    async fn role(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        let get = GetRole {
            role_name: name.to_owned(),
        };
        match self.client.send(&get).await {
            Err(e) if not_found(&e) => return Ok(Outcome::AlreadyGone),
            Err(e) => return Ok(left(&get, &e)),
            Ok(_) => {}
        }
        let tags = call_or_leave!(self, ListRoleTags::new(name));
        if let Some(leave) = self.ours(step, tags.get(PIPELINE_TAG)) {
            return Ok(leave);
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteRolePolicy",
            },
        )?;
        let policy = DeleteRolePolicy {
            role_name: name.to_owned(),
            policy_name: FIREHOSE_POLICY_NAME.to_owned(),
        };
        match self.client.send(&policy).await {
            Ok(()) => {}
            Err(e) if not_found(&e) => {}
            Err(e) => return Ok(left(&policy, &e)),
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteRole",
            },
        )?;
        call_or_leave!(
            self,
            DeleteRole {
                role_name: name.to_owned()
            }
        );
        Ok(Outcome::Deleted)
    }

    /// Deletes every object (Firehose's backups and data, the bridge's rejects), a page of
    /// 1,000 at a time. `None` when the bucket is empty now; a reason to leave it otherwise.
    async fn empty(
        &mut self,
        resource: &Resource,
        bucket: &str,
    ) -> Result<Option<Outcome>, DestroyError> {
        let mut deleted = 0u64;
        loop {
            let list = ListObjectsV2 {
                bucket: bucket.to_owned(),
                max_keys: Some(1000),
                ..Default::default()
            };
            let page = match self.client.send(&list).await {
                Ok(page) => page,
                Err(e) if not_found(&e) => return Ok(None),
                Err(e) => return Ok(Some(left(&list, &e))),
            };
            if page.contents.is_empty() {
                return Ok(None);
            }
            let op = DeleteObjects {
                bucket: bucket.to_owned(),
                keys: page.contents.into_iter().map(|o| o.key).collect(),
                quiet: true,
            };
            let out = match self.client.send(&op).await {
                Ok(out) => out,
                Err(e) => return Ok(Some(left(&op, &e))),
            };
            if let Some(failed) = out.errors.first() {
                return Ok(Some(Outcome::Left {
                    why: format!(
                        "could not delete object {}: {}: {} ({} objects not deleted)",
                        failed.key,
                        failed.code,
                        failed.message,
                        out.errors.len()
                    ),
                }));
            }
            deleted += (op.keys.len() - out.errors.len()) as u64;
            self.emit(
                resource,
                TeardownState::Emptying {
                    deleted_objects: deleted,
                },
            )?;
        }
    }

    async fn bucket(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        let tags = GetBucketTagging {
            bucket: name.to_owned(),
        };
        let tag = match self.client.send(&tags).await {
            Err(e) if e.code() == "NoSuchBucket" => return Ok(Outcome::AlreadyGone),
            Err(e) if e.code() == "NoSuchTagSet" => None,
            Err(e) => return Ok(left(&tags, &e)),
            Ok(t) => t.get(PIPELINE_TAG).map(str::to_owned),
        };
        if let Some(leave) = self.ours(step, tag.as_deref()) {
            return Ok(leave);
        }
        if let Some(leave) = self.empty(&step.resource, name).await? {
            return Ok(leave);
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteBucket",
            },
        )?;
        call_or_leave!(
            self,
            DeleteBucket {
                bucket: name.to_owned()
            }
        );
        Ok(Outcome::Deleted)
    }

    /// The stack's bucket is emptied first (CloudFormation cannot delete a bucket with objects).
    async fn stack(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
        let describe = DescribeStacks {
            stack_name: Some(name.to_owned()),
            next_token: None,
        };
        let stack = match self.client.send(&describe).await {
            Err(e) if not_found(&e) => return Ok(Outcome::AlreadyGone),
            Err(e) => return Ok(left(&describe, &e)),
            Ok(out) => match out.stacks.items.into_iter().next() {
                Some(s) if s.stack_status != "DELETE_COMPLETE" => s,
                _ => return Ok(Outcome::AlreadyGone),
            },
        };
        if let Some(leave) = self.ours(step, stack.tag(PIPELINE_TAG)) {
            return Ok(leave);
        }
        let bucket = stack
            .output(output::BUCKET_NAME)
            .map_or_else(|| self.spec.bucket.name.clone(), str::to_owned);
        let bucket_resource = Resource::new(ResourceKind::Bucket, &bucket);
        if let Some(leave) = self.empty(&bucket_resource, &bucket).await? {
            return Ok(leave);
        }
        self.emit(
            &step.resource,
            TeardownState::Deleting {
                operation: "DeleteStack",
            },
        )?;
        // By id: a deleted stack's name no longer resolves, its id still shows DELETE_COMPLETE.
        let id = stack.stack_id.clone().unwrap_or_else(|| name.to_owned());
        call_or_leave!(
            self,
            DeleteStack {
                stack_name: id.clone()
            }
        );
        let start = self.client.clock().now();
        let mut backoff = Backoff::new();
        let mut seen = HashSet::new();
        let mut events = Vec::new();
        loop {
            if let Ok(fresh) = new_stack_events(self.client, &id, &mut seen).await {
                for e in &fresh {
                    let state = TeardownState::StackEvent {
                        logical_id: e.logical_resource_id.clone().unwrap_or_default(),
                        resource_type: e.resource_type.clone().unwrap_or_default(),
                        status: e.resource_status.clone().unwrap_or_default(),
                        reason: e.resource_status_reason.clone(),
                    };
                    self.emit(&step.resource, state)?;
                }
                events.extend(fresh);
            }
            let by_id = DescribeStacks {
                stack_name: Some(id.clone()),
                next_token: None,
            };
            let status = match self.client.send(&by_id).await {
                Err(e) if not_found(&e) => return Ok(Outcome::Deleted),
                Err(e) => return Ok(left(&by_id, &e)),
                Ok(out) => out.stacks.items.into_iter().next().map(|s| s.stack_status),
            };
            match status.as_deref() {
                None | Some("DELETE_COMPLETE") => return Ok(Outcome::Deleted),
                Some(s) if s.ends_with("_IN_PROGRESS") => {}
                Some(s) => {
                    return Ok(Outcome::Left {
                        why: format!("stack is {s}: {}", failure_reasons(&events)),
                    })
                }
            }
            let waited = self
                .client
                .clock()
                .now()
                .duration_since(start)
                .unwrap_or_default();
            if waited > DELETE_TIMEOUT {
                return Ok(Outcome::Left {
                    why: format!("still being deleted after {} s", waited.as_secs()),
                });
            }
            self.emit(
                &step.resource,
                TeardownState::Waiting {
                    what: format!("stack is {}", status.unwrap_or_default()),
                },
            )?;
            self.client.sleeper().sleep(backoff.next_delay()).await;
        }
    }
}
