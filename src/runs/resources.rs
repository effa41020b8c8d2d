//! The teardown's model: each resource with its state as the engine's replies arrive. Pure.

use crate::engine::protocol::{Failure, Reply, ResourceStatus};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceRow {
    /// `DynamoDB table demo-tickers`.
    pub resource: String,
    pub status: ResourceStatus,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeardownPhase {
    Running,
    /// Everything the pipeline made is gone.
    Complete,
    /// Some resources are left (each says why).
    Incomplete,
    Failed(Failure),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeardownRun {
    pub rows: Vec<ResourceRow>,
    pub phase: TeardownPhase,
}

impl Default for TeardownRun {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            phase: TeardownPhase::Running,
        }
    }
}

impl TeardownRun {
    pub fn on_reply(&mut self, reply: &Reply) {
        match reply {
            Reply::Resource { event, .. } => {
                match self.rows.iter_mut().find(|r| r.resource == event.resource) {
                    Some(row) => {
                        row.status = event.status;
                        row.detail.clone_from(&event.detail);
                    }
                    None => self.rows.push(ResourceRow {
                        resource: event.resource.clone(),
                        status: event.status,
                        detail: event.detail.clone(),
                    }),
                }
            }
            Reply::Destroyed { left, .. } => {
                self.phase = if left.is_empty() {
                    TeardownPhase::Complete
                } else {
                    TeardownPhase::Incomplete
                };
            }
            Reply::Failed { failure, .. } => self.phase = TeardownPhase::Failed(failure.clone()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::protocol::ResourceEvent;

    fn event(resource: &str, status: ResourceStatus, detail: &str) -> Reply {
        Reply::Resource {
            id: 2,
            event: ResourceEvent {
                resource: resource.into(),
                status,
                detail: detail.into(),
            },
            progress: String::new(),
        }
    }

    #[test]
    fn each_resource_keeps_one_row_with_its_latest_state() {
        let mut run = TeardownRun::default();
        run.on_reply(&event("S3 bucket b", ResourceStatus::Running, "emptying"));
        run.on_reply(&event("S3 bucket b", ResourceStatus::Deleted, "deleted"));
        run.on_reply(&event("IAM role r", ResourceStatus::Left, "LEFT: not ours"));
        assert_eq!(run.rows.len(), 2);
        assert_eq!(run.rows[0].status, ResourceStatus::Deleted);
        run.on_reply(&Reply::Destroyed {
            id: 2,
            deleted: vec!["S3 bucket b".into()],
            gone: vec![],
            left: vec![("IAM role r".into(), "not ours".into())],
        });
        assert_eq!(run.phase, TeardownPhase::Incomplete);
    }
}
