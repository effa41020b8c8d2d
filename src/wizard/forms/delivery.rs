//! The Delivery stream step's form: the stream, then how the bridge maps records to items.

use hoseline_pipeline::spec::PipelineKind;
use leptos::prelude::*;

use super::SpecField;
use crate::draft::use_draft;

#[component]
pub fn DeliveryForm() -> impl IntoView {
    let draft = use_draft();
    // A memo: the section is rebuilt only when the kind changes, never while the person types
    // (which would replace the input under the cursor).
    let bridge = Memo::new(move |_| draft.kind() == PipelineKind::Dynamodb);
    view! {
        <div class="panel" data-testid="delivery-form">
            <h2>"Delivery stream"</h2>
            <SpecField path="stream.name" />
            <SpecField path="stream.bufferingSizeMb" />
            <SpecField path="stream.bufferingIntervalSeconds" />
            <SpecField path="stream.retryDurationSeconds" />
            {move || bridge.get().then(|| view! {
                <h2>"From records to items"</h2>
                <p class="panel-lead">
                    "How the bridge turns each JSON record into a DynamoDB item."
                </p>
                <SpecField path="bridge.generateMissingKey" />
                <SpecField path="bridge.ttlDays" />
                <SpecField path="bridge.arrivalAttribute" />
                <SpecField path="bridge.copyCommonAttributes" />
                <SpecField path="bridge.rejectPrefix" />
            })}
        </div>
        // preview: added by the engine worker
    }
}
