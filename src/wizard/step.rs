//! The guided setup's steps, in order, with what each is for. Pure: no page here.
//!
//! A Firehose -> DynamoDB pipeline walks every step; a Firehose -> S3 pipeline skips Table (its
//! records land in the bucket, and it has no bridge).

use hoseline_pipeline::spec::PipelineKind;

/// One step of the guided setup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Connection,
    Table,
    Bucket,
    Access,
    Delivery,
    Review,
    Create,
}

impl Step {
    /// Every step, in the order of a Firehose -> DynamoDB pipeline.
    pub const ALL: [Step; 7] = [
        Step::Connection,
        Step::Table,
        Step::Bucket,
        Step::Access,
        Step::Delivery,
        Step::Review,
        Step::Create,
    ];

    /// The step's name in its route (`#/setup/<slug>`) and in the stored draft.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Connection => "connection",
            Step::Table => "table",
            Step::Bucket => "bucket",
            Step::Access => "access",
            Step::Delivery => "delivery",
            Step::Review => "review",
            Step::Create => "create",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.slug() == slug)
    }

    /// The step's title, in the step list and at the top of its screen.
    pub fn title(self) -> &'static str {
        match self {
            Step::Connection => "Connection",
            Step::Table => "DynamoDB table",
            Step::Bucket => "S3 bucket",
            Step::Access => "Access",
            Step::Delivery => "Delivery stream",
            Step::Review => "Review",
            Step::Create => "Create",
        }
    }

    /// What the step is for, in two sentences, for a pipeline of `kind`.
    pub fn purpose(self, kind: PipelineKind) -> &'static str {
        use PipelineKind::{Dynamodb, S3};
        match (self, kind) {
            (Step::Connection, _) => {
                "Connect the console to AWS or to the local emulator. Every request is signed in \
                 this page with these credentials; they are sent nowhere else."
            }
            (Step::Table, _) => {
                "The DynamoDB table is where every record lands as an item, found by the key \
                 attributes you choose here. A partition key with many distinct values spreads \
                 the writes, and on-demand billing or auto scaling absorbs bursts."
            }
            (Step::Bucket, Dynamodb) => {
                "The S3 bucket keeps what Firehose could not deliver to the bridge and the records \
                 the bridge could not turn into items, so nothing is lost silently. A lifecycle \
                 rule expires old backups so the bucket does not grow forever."
            }
            (Step::Bucket, S3) => {
                "The S3 bucket is the destination: Firehose writes each buffered batch of records \
                 as one object under the data prefix. What it fails to write goes under the error \
                 prefix, and a lifecycle rule expires old objects."
            }
            (Step::Access, Dynamodb) => {
                "Firehose assumes an IAM role to back batches up to the bucket, and on AWS the \
                 bridge Lambda has its own role to write to the table. Each policy names only \
                 these resources and actions (least privilege), and Firehose proves itself to the \
                 bridge with a secret access key."
            }
            (Step::Access, S3) => {
                "Firehose assumes an IAM role to write to the bucket. Its policy names only this \
                 bucket and the S3 actions delivery needs (least privilege), never a wildcard."
            }
            (Step::Delivery, Dynamodb) => {
                "The Firehose delivery stream takes your records (PutRecordBatch) and delivers them \
                 in buffered batches to the bridge's HTTP endpoint, which writes them to the table. \
                 Buffering trades latency for fewer, larger deliveries, and the retry duration is \
                 how long Firehose keeps trying before it backs a batch up to S3."
            }
            (Step::Delivery, S3) => {
                "The Firehose delivery stream takes your records (PutRecordBatch) and writes them \
                 to the bucket in buffered batches. A larger buffer means fewer, larger objects; a \
                 shorter interval means fresher data."
            }
            (Step::Review, _) => {
                "Check the whole plan before anything is made: every AWS call in order with its \
                 reason, the cost estimate and any warnings. Edit a section to go back to its \
                 step; nothing is created until you choose Create."
            }
            (Step::Create, _) => {
                "The console makes the plan's calls one by one and shows each one's progress, \
                 with the AWS error code and message if one fails. A failed call can be retried, \
                 and a reload resumes where it stopped."
            }
        }
    }

    /// Whether a pipeline of `kind` has this step.
    pub fn applies_to(self, kind: PipelineKind) -> bool {
        !(self == Step::Table && kind == PipelineKind::S3)
    }
}

/// The steps of a pipeline of `kind`, in order.
pub fn steps_for(kind: PipelineKind) -> Vec<Step> {
    Step::ALL
        .into_iter()
        .filter(|step| step.applies_to(kind))
        .collect()
}

/// The step after `step` for `kind` (`None` after Create).
pub fn next(kind: PipelineKind, step: Step) -> Option<Step> {
    let steps = steps_for(kind);
    let at = steps.iter().position(|s| *s >= step)?;
    let at = if steps[at] == step { at + 1 } else { at };
    steps.get(at).copied()
}

/// The step before `step` for `kind` (`None` before Connection).
pub fn previous(kind: PipelineKind, step: Step) -> Option<Step> {
    steps_for(kind).into_iter().rev().find(|s| *s < step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PipelineKind::{Dynamodb, S3};

    #[test]
    fn a_dynamodb_pipeline_walks_every_step_and_an_s3_one_skips_the_table() {
        assert_eq!(steps_for(Dynamodb), Step::ALL.to_vec());
        let s3 = steps_for(S3);
        assert!(!s3.contains(&Step::Table));
        assert_eq!(s3.len(), 6);
        assert_eq!(next(S3, Step::Connection), Some(Step::Bucket));
        assert_eq!(previous(S3, Step::Bucket), Some(Step::Connection));
        assert_eq!(next(Dynamodb, Step::Connection), Some(Step::Table));
        assert_eq!(previous(Dynamodb, Step::Bucket), Some(Step::Table));
    }

    #[test]
    fn the_ends_have_no_neighbour_beyond_them() {
        assert_eq!(previous(Dynamodb, Step::Connection), None);
        assert_eq!(next(Dynamodb, Step::Create), None);
        assert_eq!(next(Dynamodb, Step::Review), Some(Step::Create));
        // A step the kind skips still has neighbours (an S3 draft opened on #/setup/table).
        assert_eq!(next(S3, Step::Table), Some(Step::Bucket));
        assert_eq!(previous(S3, Step::Table), Some(Step::Connection));
    }

    #[test]
    fn slugs_round_trip_and_are_distinct() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::from_slug("Table"), None);
        assert_eq!(Step::from_slug(""), None);
    }

    #[test]
    fn every_purpose_is_two_sentences_and_an_s3_one_never_mentions_the_bridge() {
        for kind in [Dynamodb, S3] {
            for step in steps_for(kind) {
                let text = step.purpose(kind);
                let sentences = text.matches(". ").count() + usize::from(text.ends_with('.'));
                assert_eq!(sentences, 2, "{step:?} {kind:?}: {text}");
                if kind == S3 {
                    assert!(!text.contains("bridge"), "{step:?}: {text}");
                }
            }
        }
    }
}
