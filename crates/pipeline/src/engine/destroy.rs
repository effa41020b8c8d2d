//! Teardown: deletes what the plan made, in reverse order, and nothing else. A resource is
//! deleted only when it exists and carries the tag `hoseline:pipeline` = the spec's name, or the
//! progress record says this pipeline made it (not adopted). Each resource ends Deleted,
//! AlreadyGone, or Left with the reason.

use std::ops::ControlFlow;

use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::{Client, Clock, Sleep, Transport};

use super::error::DestroyError;
use super::events::{TeardownEvent, TeardownState};
use super::progress::Progress;
use super::teardown::Tear;
use crate::plan::{plan, Resource};
use crate::spec::PipelineSpec;

/// How a resource ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Deleted,
    AlreadyGone,
    /// Still there: why (not made by this pipeline, or AWS's code and message).
    Left {
        why: String,
    },
}

/// One resource's teardown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Teardown {
    pub resource: Resource,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Destroyed {
    /// In the order they were handled (the plan's, reversed).
    pub resources: Vec<Teardown>,
}

impl Destroyed {
    /// Everything is gone (the CLI exits 0 only then).
    pub fn complete(&self) -> bool {
        self.resources
            .iter()
            .all(|t| !matches!(t.outcome, Outcome::Left { .. }))
    }

    /// The resources left, with why.
    pub fn left(&self) -> Vec<&Teardown> {
        self.resources
            .iter()
            .filter(|t| matches!(t.outcome, Outcome::Left { .. }))
            .collect()
    }
}

/// Deletes the pipeline `spec` describes. The observer sees every event with the progress
/// record as it stands (records of deleted resources are dropped from it); returning
/// `ControlFlow::Break` stops after that event.
pub async fn destroy<T, S, C, F>(
    client: &Client<T, S, C>,
    spec: &PipelineSpec,
    progress: &mut Progress,
    observer: &mut F,
) -> Result<Destroyed, DestroyError>
where
    T: Transport,
    S: Sleep,
    C: Clock,
    F: FnMut(&TeardownEvent, &Progress) -> ControlFlow<()>,
{
    progress
        .claim(spec)
        .map_err(|message| DestroyError::Setup { message })?;
    if client.config().region.as_str() != spec.target.region() {
        return Err(DestroyError::Setup {
            message: format!(
                "the client is for region {}, the spec's target is in {}",
                client.config().region,
                spec.target.region()
            ),
        });
    }
    let who = client
        .send(&GetCallerIdentity)
        .await
        .map_err(|e| DestroyError::Identity(Box::new(e)))?;
    if let Some(known) = &progress.account_id {
        if *known != who.account {
            return Err(DestroyError::Setup {
                message: format!(
                    "the progress record is for account {known}; these credentials are for account {}",
                    who.account
                ),
            });
        }
    }
    let planned = plan(spec, &progress.facts());
    let mut tear = Tear {
        client,
        spec,
        progress,
        observer,
    };
    let mut destroyed = Destroyed::default();
    let makers: Vec<_> = planned
        .steps
        .iter()
        .filter(|s| s.configures.is_none())
        .rev()
        .collect();
    for step in makers {
        let resource = step.resource.clone();
        tear.emit(&resource, TeardownState::Checking)?;
        let outcome = tear.remove(step).await?;
        if !matches!(outcome, Outcome::Left { .. }) {
            // Gone: forget the step and the steps that configured it.
            let ids: Vec<&str> = planned
                .steps
                .iter()
                .filter(|s| s.resource == resource)
                .map(|s| s.id)
                .collect();
            tear.progress
                .steps
                .retain(|id, _| !ids.contains(&id.as_str()));
        }
        let state = match &outcome {
            Outcome::Deleted => TeardownState::Deleted,
            Outcome::AlreadyGone => TeardownState::AlreadyGone,
            Outcome::Left { why } => TeardownState::Left { why: why.clone() },
        };
        tear.emit(&resource, state)?;
        destroyed.resources.push(Teardown { resource, outcome });
    }
    Ok(destroyed)
}
