//! The draft every setup step edits, shared through the context. Each change is saved to
//! `localStorage` at once (no secret in it); while it holds edits, leaving the page asks first.

use std::collections::BTreeSet;

use hoseline_aws::ClientConfig;
use hoseline_pipeline::spec::{PipelineKind, PipelineSpec};
use leptos::prelude::*;

use super::model::Draft;
use super::storage::{self, Loaded};
use crate::wizard::step::Step;

/// The draft spec being edited (`None` before the first is started), and a notice for the
/// person (a stored draft that had to be dropped).
#[derive(Clone, Copy, Debug)]
pub struct DraftContext {
    draft: RwSignal<Option<Draft>>,
    notice: RwSignal<Option<String>>,
}

impl DraftContext {
    /// Provides the context, starting from what storage held, and asks before the page is left
    /// while the draft holds edits.
    pub fn provide(loaded: Loaded) -> Self {
        let context = Self {
            draft: RwSignal::new(loaded.draft),
            notice: RwSignal::new(loaded.notice),
        };
        let handle = window_event_listener(leptos::ev::beforeunload, move |event| {
            if context.has_unsaved_edits_untracked() {
                // The browser shows its own "Leave site?" question; the text is not shown.
                event.prevent_default();
                event.set_return_value("unsaved");
            }
        });
        on_cleanup(move || handle.remove());
        provide_context(context);
        context
    }

    /// The whole draft (tracked).
    pub fn draft(&self) -> Option<Draft> {
        self.draft.get()
    }

    /// The spec being edited (tracked).
    pub fn spec(&self) -> Option<PipelineSpec> {
        self.draft.with(|d| d.as_ref().map(|d| d.spec.clone()))
    }

    pub fn spec_untracked(&self) -> Option<PipelineSpec> {
        self.draft
            .with_untracked(|d| d.as_ref().map(|d| d.spec.clone()))
    }

    /// Reads the spec without cloning it (tracked).
    pub fn with_spec<R>(&self, f: impl FnOnce(&PipelineSpec) -> R) -> Option<R> {
        self.draft.with(|d| d.as_ref().map(|d| f(&d.spec)))
    }

    /// Reads the whole draft without cloning it (tracked).
    pub fn with_draft<R>(&self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.draft.with(|d| d.as_ref().map(f))
    }

    pub fn with_draft_untracked<R>(&self, f: impl FnOnce(&Draft) -> R) -> Option<R> {
        self.draft.with_untracked(|d| d.as_ref().map(f))
    }

    /// The draft's kind, Firehose -> DynamoDB before there is one (tracked).
    pub fn kind(&self) -> PipelineKind {
        self.with_spec(|s| s.kind).unwrap_or(PipelineKind::Dynamodb)
    }

    /// The steps opened so far; Connection before there is a draft (tracked).
    pub fn visited(&self) -> BTreeSet<Step> {
        self.draft
            .with(|d| d.as_ref().map(|d| d.visited.clone()))
            .unwrap_or_else(super::model::only_connection)
    }

    pub fn visited_untracked(&self) -> BTreeSet<Step> {
        self.draft
            .with_untracked(|d| d.as_ref().map(|d| d.visited.clone()))
            .unwrap_or_else(super::model::only_connection)
    }

    /// Whether the draft holds edits not yet made into a pipeline (tracked).
    pub fn has_unsaved_edits(&self) -> bool {
        self.draft.with(|d| d.as_ref().is_some_and(|d| d.edited))
    }

    pub fn has_unsaved_edits_untracked(&self) -> bool {
        self.draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.edited))
    }

    pub fn exists_untracked(&self) -> bool {
        self.draft.with_untracked(Option::is_some)
    }

    /// Changes the spec: a step's form writes its fields here. Marks the draft edited.
    pub fn update(&self, f: impl FnOnce(&mut PipelineSpec)) {
        self.change(|draft| {
            f(&mut draft.spec);
            draft.edited = true;
        });
    }

    /// Changes the draft as a form field does: the spec and what was typed beside it
    /// ([`Draft::raw`]). Marks the draft edited.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        self.change(|draft| {
            f(draft);
            draft.edited = true;
        });
    }

    /// Marks `step` opened, so the step list lets the person come back to it.
    pub fn visit(&self, step: Step) {
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| !d.visited.contains(&step)))
        {
            self.change(|draft| {
                draft.visited.insert(step);
            });
        }
    }

    /// Starts a new draft, replacing the current one (the caller asks first when it holds edits).
    pub fn start(&self, spec: PipelineSpec) {
        self.replace(Some(Draft::new(spec)));
    }

    /// Starts from a spec file: every step up to Review opened, so its fields' errors show where
    /// they belong and any step can be reopened.
    pub fn load(&self, spec: PipelineSpec) {
        let mut draft = Draft::new(spec);
        draft.visited.extend(
            crate::wizard::step::steps_for(draft.spec.kind)
                .into_iter()
                .filter(|s| *s != Step::Create),
        );
        draft.edited = true;
        self.replace(Some(draft));
    }

    /// Starts the default draft for `config` (the emulator, or AWS in its region).
    pub fn start_for_connection(&self, config: &ClientConfig) {
        self.replace(Some(Draft::for_connection(config)));
    }

    /// The edits were made into a pipeline (or exported): leaving no longer asks.
    pub fn mark_saved(&self) {
        self.change(|draft| draft.edited = false);
    }

    /// Drops the draft, here and in storage.
    pub fn discard(&self) {
        self.replace(None);
    }

    /// A message for the person about the draft (tracked).
    pub fn notice(&self) -> Option<String> {
        self.notice.get()
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    fn change(&self, f: impl FnOnce(&mut Draft)) {
        let mut changed = false;
        self.draft.update(|d| {
            if let Some(draft) = d.as_mut() {
                f(draft);
                changed = true;
            }
        });
        if changed {
            self.draft.with_untracked(|d| storage::save(d.as_ref()));
        }
    }

    fn replace(&self, draft: Option<Draft>) {
        storage::save(draft.as_ref());
        self.draft.set(draft);
    }
}

/// The draft context; panics if the shell did not provide it (a programming error).
pub fn use_draft() -> DraftContext {
    expect_context::<DraftContext>()
}
