//! Review's downloads: the whole pipeline as one CloudFormation template, the plan as a bash
//! script of AWS CLI commands, and the spec file (without the bridge's access key).

use leptos::prelude::*;

use crate::components::download::DownloadButton;
use crate::draft::use_draft;
use crate::engine::protocol::ReviewData;

#[component]
pub fn Downloads(data: Signal<Option<ReviewData>>) -> impl IntoView {
    let draft = use_draft();
    let name = move || draft.with_spec(|s| s.name.clone()).unwrap_or_default();
    let file = move |suffix: &'static str| Signal::derive(move || format!("{}{suffix}", name()));
    let template = Signal::derive(move || data.get().map(|d| d.cloudformation));
    let script = Signal::derive(move || data.get().map(|d| d.cli_script));
    let spec = Signal::derive(move || draft.with_spec(|s| s.to_json(false)));
    view! {
        <section class="panel" data-testid="review-downloads">
            <h2>"Downloads"</h2>
            <p class="muted">
                "The same pipeline in other forms: a CloudFormation template to deploy it as one \
                 stack, a bash script of the plan's AWS CLI commands, and the spec file (load it \
                 here or run `hoseline apply` with it). None holds the bridge's access key."
            </p>
            <div class="button-row">
                <DownloadButton label="CloudFormation template" filename=file(".template.json") mime="application/json" text=template testid="download-cloudformation" />
                <DownloadButton label="AWS CLI script" filename=file(".sh") mime="text/x-shellscript" text=script testid="download-cli" />
                <DownloadButton label="Spec JSON" filename=file(".hoseline.json") mime="application/json" text=spec testid="download-spec" />
            </div>
        </section>
    }
}
