//! The pipeline's name and destination, on the Connection step below the connection form once
//! connected. Connecting starts the draft they edit (the emulator's or the region's defaults);
//! a draft already there (from an earlier visit) shows its name even before connecting.

use leptos::prelude::*;

use super::panel::{FormPanel, Section};
use crate::context::use_connection;
use crate::draft::use_draft;

#[component]
pub fn PipelineForm() -> impl IntoView {
    let connection = use_connection();
    let draft = use_draft();
    // The fields need a draft to edit: started on connecting, as Next would start it.
    Effect::new(move || {
        if let Some(config) = connection.config() {
            if !draft.exists_untracked() {
                draft.start_for_connection(&config);
            }
        }
    });
    let has_draft = Memo::new(move |_| draft.with_spec(|_| ()).is_some());
    move || has_draft.get().then(|| view! { <PipelineFields /> })
}

const SECTIONS: &[Section] = &[Section {
    lead: Some(
        "What you are setting up. The next steps start from defaults that work as they are; \
         change what you like.",
    ),
    ..Section::new("Pipeline", &["name", "kind"])
}];

#[component]
fn PipelineFields() -> impl IntoView {
    view! {
        <FormPanel testid="pipeline-form" sections=SECTIONS />
    }
}
