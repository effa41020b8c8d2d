//! The steps that make a resource: create it, or adopt it when it exists and matches the spec
//! (see [`super::adopt`] for what is compared), waiting until it is usable.

use std::collections::BTreeMap;
use std::ops::ControlFlow;

use hoseline_aws::cloudformation::{CreateStack, DescribeStacks};
use hoseline_aws::dynamodb::{CreateTable, ListTagsOfResource, TableStatus};
use hoseline_aws::firehose::{CreateDeliveryStream, ListTagsForDeliveryStream};
use hoseline_aws::iam::{CreateRole, GetRole, ListRoleTags};
use hoseline_aws::lambda::{CreateFunction, GetFunction};
use hoseline_aws::s3::{CreateBucket, GetBucketLocation, GetBucketTagging};
use hoseline_aws::{Clock, Error, Sleep, Transport};

use super::adopt::{self, owner, Owner};
use super::error::{ApplyError, Difference};
use super::events::StepEvent;
use super::failure::{already_exists, not_found};
use super::progress::Progress;
use super::run::{aws_error, Run};
use crate::plan::{output, Fact, Step, PIPELINE_TAG};
use crate::spec::PipelineKind;

/// What a step did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) adopted: bool,
    pub(crate) ours: bool,
    pub(crate) skipped: bool,
    pub(crate) outputs: BTreeMap<String, String>,
    pub(crate) detail: String,
}

impl Outcome {
    pub(crate) fn made(detail: impl Into<String>) -> Self {
        Self {
            ours: true,
            detail: detail.into(),
            ..Self::default()
        }
    }

    pub(crate) fn with(mut self, key: &str, value: impl Into<String>) -> Self {
        self.outputs.insert(key.to_owned(), value.into());
        self
    }
}

/// Adopts when nothing differs (another pipeline's tag counts as a difference).
pub(crate) fn adopt_or_conflict(
    step: &Step,
    mut differences: Vec<Difference>,
    tag: Option<&str>,
    pipeline: &str,
) -> Result<Outcome, ApplyError> {
    let ours = match owner(tag, pipeline) {
        Owner::Ours => true,
        Owner::Nobody => false,
        Owner::Other(d) => {
            differences.push(d);
            false
        }
    };
    if !differences.is_empty() {
        return Err(ApplyError::Conflict {
            step: step.id.to_owned(),
            resource: step.resource.clone(),
            differences,
        });
    }
    let detail = if ours {
        format!(
            "{} exists and matches the spec (made by this pipeline)",
            step.resource
        )
    } else {
        format!(
            "{} exists and matches the spec; it was not made by this pipeline, so teardown will leave it",
            step.resource
        )
    };
    Ok(Outcome {
        adopted: true,
        ours,
        detail,
        ..Outcome::default()
    })
}

/// A tag read that found no tags at all reads as no tag.
fn tag_of(result: Result<Option<String>, Error>, no_tags: &str) -> Result<Option<String>, Error> {
    match result {
        Err(e) if e.code() == no_tags => Ok(None),
        other => other,
    }
}

impl<T, S, C, F> Run<'_, T, S, C, F>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&StepEvent, &Progress) -> ControlFlow<()>,
{
    fn pipeline(&self) -> &str {
        &self.spec.name
    }

    /// S3 answers a second CreateBucket in us-east-1 with 200 (and resets its ACL), so the
    /// bucket is looked for first.
    pub(crate) async fn bucket(
        &mut self,
        step: &Step,
        op: &CreateBucket,
    ) -> Result<Outcome, ApplyError> {
        let locate = GetBucketLocation {
            bucket: op.bucket.clone(),
        };
        let fail = |e| aws_error(step, &step.call, e);
        let found = match self.call(&locate).await {
            Ok(location) => Some(location),
            // Not there, or not readable (then CreateBucket says why): create it.
            Err(_) => match self.call(op).await {
                Ok(_) => None,
                Err(e) if e.code() == "BucketAlreadyOwnedByYou" => {
                    Some(self.call(&locate).await.map_err(fail)?)
                }
                Err(e) if e.code() == "BucketAlreadyExists" => return Err(ApplyError::Aws {
                    step: step.id.to_owned(),
                    operation: "CreateBucket",
                    error: Box::new(e),
                    hint: Some(
                        "bucket names are shared by every AWS account: choose another bucket.name"
                            .to_owned(),
                    ),
                }),
                Err(e) => return Err(fail(e)),
            },
        };
        let outcome = match found {
            None => Outcome::made(format!("bucket {} made", op.bucket)),
            Some(location) => {
                let differences =
                    adopt::bucket_region(location.region(), self.spec.target.region());
                let tags = self
                    .call(&GetBucketTagging {
                        bucket: op.bucket.clone(),
                    })
                    .await
                    .map(|t| t.get(PIPELINE_TAG).map(str::to_owned));
                let tag = tag_of(tags, "NoSuchTagSet").map_err(fail)?;
                adopt_or_conflict(step, differences, tag.as_deref(), self.pipeline())?
            }
        };
        Ok(outcome.with(output::BUCKET_NAME, &op.bucket))
    }

    pub(crate) async fn table(
        &mut self,
        step: &Step,
        op: &CreateTable,
    ) -> Result<Outcome, ApplyError> {
        let name = &op.table_name;
        match self.call(op).await {
            Ok(out) => {
                let desc = out.table_description.unwrap_or_default();
                let desc = if desc.table_status == Some(TableStatus::Active) {
                    desc
                } else {
                    self.wait_table(step, name).await?
                };
                let mut outcome = Outcome::made(format!("table {name} is ACTIVE"));
                if let Some(arn) = desc.table_arn {
                    outcome = outcome.with(output::TABLE_ARN, arn);
                }
                Ok(outcome)
            }
            Err(e) if already_exists(&e) => {
                let desc = self.wait_table(step, name).await?;
                let differences = match &self.spec.table {
                    Some(wanted) => adopt::table(&desc, wanted),
                    None => Vec::new(),
                };
                let arn = desc.table_arn.clone().unwrap_or_default();
                let tags = self
                    .call(&ListTagsOfResource::new(&arn))
                    .await
                    .map_err(|e| aws_error(step, &step.call, e))?;
                let tag = tags
                    .tags
                    .iter()
                    .find(|t| t.key == PIPELINE_TAG)
                    .map(|t| t.value.as_str());
                Ok(adopt_or_conflict(step, differences, tag, self.pipeline())?
                    .with(output::TABLE_ARN, arn))
            }
            Err(e) => Err(aws_error(step, &step.call, e)),
        }
    }

    pub(crate) async fn role(
        &mut self,
        step: &Step,
        op: &CreateRole,
    ) -> Result<Outcome, ApplyError> {
        let fail = |e| aws_error(step, &step.call, e);
        match self.call(op).await {
            Ok(out) => Ok(Outcome::made(format!("role {} made", op.role_name))
                .with(output::FIREHOSE_ROLE_ARN, out.role.arn)),
            Err(e) if already_exists(&e) => {
                let role = self
                    .call(&GetRole {
                        role_name: op.role_name.clone(),
                    })
                    .await
                    .map_err(fail)?
                    .role;
                let differences = adopt::role_trust(&role, &op.assume_role_policy_document);
                let tags = self
                    .call(&ListRoleTags::new(&op.role_name))
                    .await
                    .map_err(fail)?;
                Ok(
                    adopt_or_conflict(step, differences, tags.get(PIPELINE_TAG), self.pipeline())?
                        .with(output::FIREHOSE_ROLE_ARN, role.arn),
                )
            }
            Err(e) => Err(fail(e)),
        }
    }

    pub(crate) async fn stack(
        &mut self,
        step: &Step,
        op: &CreateStack,
    ) -> Result<Outcome, ApplyError> {
        let name = &op.stack_name;
        let (stack, existed) = match self.call(op).await {
            Ok(_) => (self.wait_stack(step, name).await?, false),
            Err(e) if already_exists(&e) => {
                let found = self
                    .call(&DescribeStacks {
                        stack_name: Some(name.clone()),
                        next_token: None,
                    })
                    .await
                    .map_err(|e| aws_error(step, &step.call, e))?
                    .stacks
                    .items
                    .into_iter()
                    .next();
                let stack = match found {
                    Some(s) if s.in_progress() => self.wait_stack(step, name).await?,
                    Some(s) => s,
                    None => return Err(aws_error(step, &step.call, e)),
                };
                if !stack.succeeded() {
                    return Err(ApplyError::Failed {
                        step: step.id.to_owned(),
                        message: format!(
                            "stack {name} exists and is {}: delete it (teardown) and apply again",
                            stack.stack_status
                        ),
                    });
                }
                (stack, true)
            }
            Err(e) => return Err(aws_error(step, &step.call, e)),
        };
        let mut needed = vec![output::FIREHOSE_ROLE_ARN];
        if self.spec.kind == PipelineKind::Dynamodb {
            needed.push(output::BRIDGE_ROLE_ARN);
        }
        let differences: Vec<Difference> = needed
            .into_iter()
            .filter(|k| stack.output(k).is_none())
            .map(|k| Difference::new(format!("stack output {k}"), "(none)", "an ARN"))
            .collect();
        let mut outcome = if existed {
            adopt_or_conflict(step, differences, stack.tag(PIPELINE_TAG), self.pipeline())?
        } else if differences.is_empty() {
            Outcome::made(format!("stack {name} is {}", stack.stack_status))
        } else {
            return Err(ApplyError::Conflict {
                step: step.id.to_owned(),
                resource: step.resource.clone(),
                differences,
            });
        };
        for o in &stack.outputs.items {
            outcome = outcome.with(&o.output_key, o.output_value.clone());
        }
        if let Some(id) = &stack.stack_id {
            outcome = outcome.with(output::STACK_ID, id.clone());
        }
        Ok(outcome)
    }

    /// `op` carries the access key (put in by the caller). Without the zip (a later run) the
    /// function can only be adopted.
    pub(crate) async fn function(
        &mut self,
        step: &Step,
        op: &CreateFunction,
    ) -> Result<Outcome, ApplyError> {
        let name = &op.function_name;
        let fail = |e| aws_error(step, &step.call, e);
        let found = if op.zip_file.is_empty() {
            match self
                .call(&GetFunction {
                    function_name: name.clone(),
                })
                .await
            {
                Ok(found) => found,
                Err(e) if not_found(&e) => {
                    return Err(ApplyError::MissingFact {
                        step: step.id.to_owned(),
                        fact: Fact::BridgeZip,
                    })
                }
                Err(e) => return Err(fail(e)),
            }
        } else {
            match self.send_retrying(step, op).await? {
                Ok(config) => {
                    let config = if config.state.as_deref() == Some("Active") {
                        config
                    } else {
                        self.wait_function(step, name).await?
                    };
                    return Ok(Outcome::made(format!("function {name} is Active"))
                        .with(output::FUNCTION_ARN, config.function_arn));
                }
                Err(e) if already_exists(&e) => self
                    .call(&GetFunction {
                        function_name: name.clone(),
                    })
                    .await
                    .map_err(fail)?,
                Err(e) => return Err(fail(e)),
            }
        };
        let differences = adopt::function(&found.configuration, op);
        let tag = found
            .tags
            .as_ref()
            .and_then(|t| t.get(PIPELINE_TAG))
            .map(String::as_str);
        let outcome = adopt_or_conflict(step, differences, tag, self.pipeline())?;
        if found.configuration.state.as_deref() == Some("Pending") {
            self.wait_function(step, name).await?;
        }
        Ok(outcome.with(output::FUNCTION_ARN, found.configuration.function_arn))
    }

    /// `op` carries the access key (put in by the caller).
    pub(crate) async fn stream(
        &mut self,
        step: &Step,
        op: &CreateDeliveryStream,
    ) -> Result<Outcome, ApplyError> {
        let name = &op.delivery_stream_name;
        let fail = |e| aws_error(step, &step.call, e);
        match self.send_retrying(step, op).await? {
            Ok(_) => {
                let desc = self.wait_stream(step, name).await?;
                Ok(Outcome::made(format!("stream {name} is ACTIVE"))
                    .with(output::STREAM_ARN, desc.delivery_stream_arn))
            }
            Err(e) if already_exists(&e) => {
                let desc = self.wait_stream(step, name).await?;
                let differences = adopt::stream(&desc, op);
                let tags = self
                    .call(&ListTagsForDeliveryStream::new(name))
                    .await
                    .map_err(fail)?;
                Ok(
                    adopt_or_conflict(step, differences, tags.get(PIPELINE_TAG), self.pipeline())?
                        .with(output::STREAM_ARN, desc.delivery_stream_arn),
                )
            }
            Err(e) => Err(fail(e)),
        }
    }
}
