//! Deleting one resource: is it there, is it this pipeline's, then delete it (a role's policy
//! first, a table's auto scaling first) and wait until it is gone. Buckets and stacks:
//! [`super::teardown_storage`].

use std::ops::ControlFlow;
use std::time::{Duration, SystemTime};

use hoseline_aws::autoscaling::{DeregisterScalableTarget, DYNAMODB_TABLE_WRITE};
use hoseline_aws::dynamodb::{DeleteTable, DescribeTable, ListTagsOfResource};
use hoseline_aws::firehose::{
    DeleteDeliveryStream, DescribeDeliveryStream, ListTagsForDeliveryStream,
};
use hoseline_aws::iam::{DeleteRole, DeleteRolePolicy, GetRole, ListRoleTags};
use hoseline_aws::lambda::{DeleteFunction, GetFunction};
use hoseline_aws::{Client, Clock, Error, Operation, Sleep, Transport};

use super::destroy::Outcome;
use super::error::DestroyError;
use super::events::{TeardownEvent, TeardownState};
use super::failure::{access_denied, not_found};
use super::progress::Progress;
use super::run::Backoff;
use crate::plan::{Resource, ResourceKind, Step, FIREHOSE_POLICY_NAME, PIPELINE_TAG};
use crate::spec::{Billing, PipelineSpec};

/// How long a delete may take to finish (a stack's bucket and roles, a stream).
pub(crate) const DELETE_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// The wait for one deletion: when it began, and the backoff between looks.
pub(crate) struct DeleteWait {
    start: SystemTime,
    backoff: Backoff,
}

pub(crate) struct Tear<'a, T, S, C, F> {
    pub(crate) client: &'a Client<T, S, C>,
    pub(crate) spec: &'a PipelineSpec,
    pub(crate) progress: &'a mut Progress,
    pub(crate) observer: &'a mut F,
}

/// A failed call as a reason to leave the resource, naming the permission after an AccessDenied.
pub(crate) fn left<O: Operation>(_: &O, error: &Error) -> Outcome {
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
pub(crate) use call_or_leave;

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
    pub(crate) fn ours(&self, step: &Step, tag: Option<&str>) -> Option<Outcome> {
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
        let mut wait = self.delete_wait();
        loop {
            match self.client.send(&describe).await {
                Err(e) if not_found(&e) => return Ok(Outcome::Deleted),
                Err(e) => return Ok(left(&describe, &e)),
                Ok(_) => {}
            }
            if let Some(left) = self
                .wait_again(&mut wait, resource, "being deleted")
                .await?
            {
                return Ok(left);
            }
        }
    }

    pub(crate) fn delete_wait(&self) -> DeleteWait {
        DeleteWait {
            start: self.client.clock().now(),
            backoff: Backoff::new(),
        }
    }

    /// After a look at a deletion not done yet: a reason to leave the resource once the deletion
    /// has taken longer than [`DELETE_TIMEOUT`], else `None` after reporting `what` and sleeping
    /// one backoff step.
    pub(crate) async fn wait_again(
        &mut self,
        wait: &mut DeleteWait,
        resource: &Resource,
        what: impl Into<String>,
    ) -> Result<Option<Outcome>, DestroyError> {
        let waited = self
            .client
            .clock()
            .now()
            .duration_since(wait.start)
            .unwrap_or_default();
        if waited > DELETE_TIMEOUT {
            return Ok(Some(Outcome::Left {
                why: format!("still being deleted after {} s", waited.as_secs()),
            }));
        }
        self.emit(resource, TeardownState::Waiting { what: what.into() })?;
        self.client.sleeper().sleep(wait.backoff.next_delay()).await;
        Ok(None)
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
}
