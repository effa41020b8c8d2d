//! The Access step's form: the roles, the bridge and its access key.

use hoseline_pipeline::rules::Severity;
use hoseline_pipeline::spec::PipelineKind;
use leptos::prelude::*;

use super::SpecField;
use crate::components::advice::AdviceNote;
use crate::draft::use_draft;

#[component]
pub fn AccessForm() -> impl IntoView {
    let draft = use_draft();
    // A memo: the section is rebuilt only when the kind changes, never while the person types
    // (which would replace the input under the cursor).
    let bridge = Memo::new(move |_| draft.kind() == PipelineKind::Dynamodb);
    view! {
        <div class="panel" data-testid="access-form">
            <h2>"IAM roles"</h2>
            // Not a warning of the engine's: the policies are generated, so this always holds.
            <AdviceNote
                severity=Severity::Info
                practice="Least privilege"
                message="The console writes each role's policy from this pipeline's names: only \
                         the actions each service needs, on these resources alone, never a \
                         wildcard. The Review step shows every policy before anything is made."
                testid="advice-least-privilege"
            />
            <SpecField path="iam.firehoseRoleName" />
            <SpecField path="iam.bridgeRoleName" />
            {move || bridge.get().then(|| view! {
                <h2>"Bridge"</h2>
                <SpecField path="bridge.functionName" />
                <SpecField path="bridge.memorySizeMb" />
                <SpecField path="bridge.timeoutSeconds" />
                <SpecField path="target.bridgeUrl" />
                <SpecField path="bridge.accessKey" />
            })}
        </div>
        // preview: added by the engine worker
    }
}
