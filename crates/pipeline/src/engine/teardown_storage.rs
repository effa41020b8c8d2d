//! Tearing down what holds data: a bucket (emptied first, a page of 1,000 objects at a time)
//! and the CloudFormation stack, whose bucket is emptied before DeleteStack, then waited on
//! with its events reported.

use std::collections::HashSet;
use std::ops::ControlFlow;

use hoseline_aws::cloudformation::{DeleteStack, DescribeStacks};
use hoseline_aws::s3::{DeleteBucket, DeleteObjects, GetBucketTagging, ListObjectsV2};
use hoseline_aws::{Clock, Sleep, Transport};

use super::destroy::Outcome;
use super::error::DestroyError;
use super::events::{TeardownEvent, TeardownState};
use super::failure::not_found;
use super::progress::Progress;
use super::teardown::{call_or_leave, left, Tear};
use super::wait::{failure_reasons, new_stack_events};
use crate::plan::{output, Resource, ResourceKind, Step, PIPELINE_TAG};

impl<T, S, C, F> Tear<'_, T, S, C, F>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&TeardownEvent, &Progress) -> ControlFlow<()>,
{
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

    pub(crate) async fn bucket(
        &mut self,
        step: &Step,
        name: &str,
    ) -> Result<Outcome, DestroyError> {
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
    pub(crate) async fn stack(&mut self, step: &Step, name: &str) -> Result<Outcome, DestroyError> {
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
        let mut wait = self.delete_wait();
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
            let what = format!("stack is {}", status.unwrap_or_default());
            if let Some(left) = self.wait_again(&mut wait, &step.resource, what).await? {
                return Ok(left);
            }
        }
    }
}
