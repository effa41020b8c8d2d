//! What the step list shows for each step: current, visited, complete, with errors. Pure, so
//! the rules are tested without a page.

use std::collections::BTreeSet;

use hoseline_pipeline::spec::{PipelineKind, PipelineSpec};

use super::fields::step_errors;
use super::step::{steps_for, Step};
use crate::draft::model::RawInputs;

/// What a step's fields say about the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepCheck {
    /// No rules wired for this step yet: a visited step counts as done once the person moves on.
    NotChecked,
    /// Everything the step asks for is there and valid.
    Valid,
    /// Something is still missing (no connection yet), but nothing is wrong.
    Incomplete,
    /// A field breaks a rule: the step shows an error mark.
    Invalid,
}

/// One row of the step list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepState {
    pub step: Step,
    /// The step on screen.
    pub current: bool,
    /// Opened before (or now): the person can reopen it.
    pub visited: bool,
    /// Visited, and its fields are done.
    pub complete: bool,
    /// Visited, and a field breaks a rule.
    pub has_errors: bool,
}

impl StepState {
    /// Whether the step list links to it: only visited steps can be reopened, never a step ahead
    /// of the walk.
    pub fn can_open(&self) -> bool {
        self.visited && !self.current
    }
}

/// The state of each step of `kind`, in order.
pub fn step_states(
    kind: PipelineKind,
    current: Option<Step>,
    visited: &BTreeSet<Step>,
    check: impl Fn(Step) -> StepCheck,
) -> Vec<StepState> {
    steps_for(kind)
        .into_iter()
        .map(|step| {
            let is_current = current == Some(step);
            let was_visited = visited.contains(&step) || is_current;
            let result = check(step);
            StepState {
                step,
                current: is_current,
                visited: was_visited,
                complete: was_visited
                    && match result {
                        StepCheck::Valid => true,
                        StepCheck::NotChecked => !is_current,
                        StepCheck::Incomplete | StepCheck::Invalid => false,
                    },
                has_errors: was_visited && result == StepCheck::Invalid,
            }
        })
        .collect()
}

/// What the draft says about `step` (`spec` is `None` before a draft is started; `raw` is the
/// text typed that the spec could not hold). Connection needs a connection, then a valid
/// pipeline name; every form step is valid when none of its fields that apply breaks a rule
/// of the engine's ([`hoseline_pipeline::rules`], the messages its fields show) or holds a
/// number that does not parse. The step list's marks and Next ([`before_next`]) both follow
/// this one function.
pub fn check_step(
    step: Step,
    spec: Option<&PipelineSpec>,
    raw: &RawInputs,
    connected: bool,
) -> StepCheck {
    if step == Step::Connection && !connected {
        return StepCheck::Incomplete;
    }
    match (step, spec) {
        // Review holds no field of its own: done when every step's fields and the whole spec
        // follow the rules, and only then does Create open.
        (Step::Review, Some(spec)) => {
            let fields_ok = steps_for(spec.kind)
                .into_iter()
                .all(|s| s >= Step::Review || step_errors(s, spec, raw).is_empty());
            if fields_ok && hoseline_pipeline::rules::validate(spec).is_ok() {
                StepCheck::Valid
            } else {
                StepCheck::Invalid
            }
        }
        (Step::Review | Step::Create, _) => StepCheck::NotChecked,
        (Step::Connection, None) => StepCheck::Valid,
        (_, None) => StepCheck::Incomplete,
        (_, Some(spec)) if step_errors(step, spec, raw).is_empty() => StepCheck::Valid,
        _ => StepCheck::Invalid,
    }
}

/// Whether `step` can be shown: visited ones only, so an address typed by hand cannot skip ahead.
pub fn can_show(step: Step, visited: &BTreeSet<Step>) -> bool {
    step == Step::Connection || visited.contains(&step)
}

/// The furthest step opened so far for `kind`: where "Continue the setup" leads.
pub fn furthest_visited(kind: PipelineKind, visited: &BTreeSet<Step>) -> Step {
    steps_for(kind)
        .into_iter()
        .rev()
        .find(|step| visited.contains(step))
        .unwrap_or(Step::Connection)
}

/// Checked when the person presses Next on `step`: `Err` keeps them there and the text shows as
/// the step's error (what is missing, and what to do). `broken` names the fields to change.
pub fn before_next(step: Step, check: StepCheck, broken: &[&str]) -> Result<(), String> {
    match (step, check) {
        (Step::Connection, StepCheck::Incomplete) => Err(
            "Test the connection first: the pipeline is made where the console is connected."
                .to_owned(),
        ),
        (_, StepCheck::Invalid) if broken.is_empty() => {
            Err("Some fields of this step need a change: see the messages above.".to_owned())
        }
        (_, StepCheck::Invalid) => Err(format!(
            "Some fields of this step need a change ({}): see the messages above.",
            broken.join(", ")
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PipelineKind::{Dynamodb, S3};

    fn visited(steps: &[Step]) -> BTreeSet<Step> {
        steps.iter().copied().collect()
    }

    #[test]
    fn visited_steps_can_be_reopened_and_steps_ahead_cannot() {
        let seen = visited(&[Step::Connection, Step::Table, Step::Bucket]);
        let states = step_states(Dynamodb, Some(Step::Table), &seen, |_| {
            StepCheck::NotChecked
        });
        let open: Vec<Step> = states
            .iter()
            .filter(|s| s.can_open())
            .map(|s| s.step)
            .collect();
        assert_eq!(open, [Step::Connection, Step::Bucket]);
        let current: Vec<Step> = states
            .iter()
            .filter(|s| s.current)
            .map(|s| s.step)
            .collect();
        assert_eq!(current, [Step::Table]);
        assert!(states
            .iter()
            .filter(|s| s.step > Step::Bucket)
            .all(|s| !s.visited));
    }

    #[test]
    fn an_unchecked_step_is_done_once_left_and_never_shows_errors() {
        let seen = visited(&[Step::Connection, Step::Table, Step::Bucket]);
        let states = step_states(Dynamodb, Some(Step::Bucket), &seen, |_| {
            StepCheck::NotChecked
        });
        let done: Vec<Step> = states
            .iter()
            .filter(|s| s.complete)
            .map(|s| s.step)
            .collect();
        assert_eq!(done, [Step::Connection, Step::Table]);
        assert!(states.iter().all(|s| !s.has_errors));
    }

    #[test]
    fn checks_decide_done_and_errors_for_visited_steps_only() {
        let seen = visited(&[Step::Connection, Step::Table]);
        let check = |step| match step {
            Step::Connection => StepCheck::Incomplete,
            Step::Table | Step::Access => StepCheck::Invalid,
            _ => StepCheck::Valid,
        };
        let states = step_states(Dynamodb, Some(Step::Table), &seen, check);
        let by_step = |step| {
            states
                .iter()
                .find(|s| s.step == step)
                .copied()
                .expect("row")
        };
        assert!(!by_step(Step::Connection).complete && !by_step(Step::Connection).has_errors);
        assert!(by_step(Step::Table).has_errors && !by_step(Step::Table).complete);
        // Not visited: neither its errors nor its validity show yet.
        assert!(!by_step(Step::Access).has_errors);
        assert!(!by_step(Step::Bucket).complete);
    }

    #[test]
    fn the_list_follows_the_kind() {
        let states = step_states(S3, None, &visited(&[Step::Connection]), |_| {
            StepCheck::NotChecked
        });
        assert!(states.iter().all(|s| s.step != Step::Table));
        assert!(states.iter().all(|s| !s.current));
        assert_eq!(
            furthest_visited(S3, &visited(&[Step::Connection, Step::Table])),
            Step::Connection
        );
        assert_eq!(
            furthest_visited(Dynamodb, &visited(&[Step::Connection, Step::Table])),
            Step::Table
        );
    }

    #[test]
    fn connection_is_done_when_connected() {
        let raw = RawInputs::new();
        assert_eq!(
            check_step(Step::Connection, None, &raw, true),
            StepCheck::Valid
        );
        assert_eq!(
            check_step(Step::Connection, None, &raw, false),
            StepCheck::Incomplete
        );
        assert_eq!(
            check_step(Step::Bucket, None, &raw, true),
            StepCheck::Incomplete
        );
    }

    #[test]
    fn form_steps_follow_the_engines_rules_and_the_typed_numbers() {
        let mut spec = PipelineSpec::local_dynamodb("demo");
        let mut raw = RawInputs::new();
        for step in [
            Step::Connection,
            Step::Table,
            Step::Bucket,
            Step::Access,
            Step::Delivery,
        ] {
            assert_eq!(
                check_step(step, Some(&spec), &raw, true),
                StepCheck::Valid,
                "{step:?}"
            );
        }
        if let Some(table) = spec.table.as_mut() {
            "x".clone_into(&mut table.name);
        }
        assert_eq!(
            check_step(Step::Table, Some(&spec), &raw, true),
            StepCheck::Invalid
        );
        assert_eq!(
            check_step(Step::Bucket, Some(&spec), &raw, true),
            StepCheck::Valid
        );
        raw.insert("stream.bufferingSizeMb".to_owned(), "abc".to_owned());
        assert_eq!(
            check_step(Step::Delivery, Some(&spec), &raw, true),
            StepCheck::Invalid
        );
        "Bad Name".clone_into(&mut spec.name);
        assert_eq!(
            check_step(Step::Connection, Some(&spec), &raw, true),
            StepCheck::Invalid
        );
        let why = before_next(Step::Connection, StepCheck::Invalid, &[]).expect_err("blocked");
        assert!(why.contains("need a change"), "{why}");
    }

    #[test]
    fn next_waits_for_a_connection_and_for_valid_fields() {
        let why = before_next(Step::Connection, StepCheck::Incomplete, &[]).expect_err("blocked");
        assert!(why.contains("Test the connection"), "{why}");
        assert_eq!(before_next(Step::Connection, StepCheck::Valid, &[]), Ok(()));
        assert!(
            before_next(Step::Table, StepCheck::Invalid, &["Table name"])
                .is_err_and(|why| why.contains("(Table name)"))
        );
        assert_eq!(before_next(Step::Table, StepCheck::NotChecked, &[]), Ok(()));
    }

    #[test]
    fn only_visited_steps_show() {
        let seen = visited(&[Step::Connection, Step::Table]);
        assert!(can_show(Step::Table, &seen));
        assert!(!can_show(Step::Review, &seen));
        assert!(can_show(Step::Connection, &BTreeSet::new()));
    }
}
