//! A step's form as data: titled sections of field paths, drawn by one component. (One loop
//! rather than a `view!` per field keeps the page's first load small.)

use hoseline_pipeline::rules::Severity;
use hoseline_pipeline::spec::PipelineKind;
use leptos::prelude::*;

use super::SpecField;
use crate::components::advice::AdviceNote;
use crate::draft::use_draft;

/// One titled part of a form.
pub struct Section {
    pub title: &'static str,
    /// A sentence under the title.
    pub lead: Option<&'static str>,
    /// A practice that always holds here, shown as information: (its `data-testid`, title, why).
    pub note: Option<(&'static str, &'static str, &'static str)>,
    /// Field paths, in order; each shows while it applies to the draft.
    pub fields: &'static [&'static str],
    /// Only a Firehose -> DynamoDB pipeline has it (the bridge's parts).
    pub dynamodb_only: bool,
}

impl Section {
    pub const fn new(title: &'static str, fields: &'static [&'static str]) -> Self {
        Self {
            title,
            lead: None,
            note: None,
            fields,
            dynamodb_only: false,
        }
    }
}

/// A panel with `sections`.
#[component]
pub fn FormPanel(testid: &'static str, sections: &'static [Section]) -> impl IntoView {
    let draft = use_draft();
    // A memo: a section is rebuilt only when the kind changes, never while the person types
    // (which would replace the input under the cursor).
    let dynamodb = Memo::new(move |_| draft.kind() == PipelineKind::Dynamodb);
    let parts = sections
        .iter()
        .map(|s| {
            if s.dynamodb_only {
                (move || dynamodb.get().then(|| section(s))).into_any()
            } else {
                section(s).into_any()
            }
        })
        .collect_view();
    view! { <div class="panel" data-testid=testid>{parts}</div> }
}

fn section(s: &'static Section) -> impl IntoView {
    view! {
        <h2>{s.title}</h2>
        {s.lead.map(|text| view! { <p class="panel-lead">{text}</p> })}
        {s.note.map(|(testid, practice, text)| view! {
            <AdviceNote severity=Severity::Info practice=practice message=text testid=testid />
        })}
        {s.fields.iter().map(|path| view! { <SpecField path=path /> }).collect_view()}
    }
}
