//! The Delivery stream step's form: the stream, then how the bridge maps records to items.

use leptos::prelude::*;

use super::panel::{FormPanel, Section};

const SECTIONS: &[Section] = &[
    Section::new(
        "Delivery stream",
        &[
            "stream.name",
            "stream.bufferingSizeMb",
            "stream.bufferingIntervalSeconds",
            "stream.retryDurationSeconds",
        ],
    ),
    Section {
        lead: Some("How the bridge turns each JSON record into a DynamoDB item."),
        dynamodb_only: true,
        ..Section::new(
            "From records to items",
            &[
                "bridge.generateMissingKey",
                "bridge.ttlDays",
                "bridge.arrivalAttribute",
                "bridge.copyCommonAttributes",
                "bridge.rejectPrefix",
            ],
        )
    },
];

#[component]
pub fn DeliveryForm() -> impl IntoView {
    view! {
        <FormPanel testid="delivery-form" sections=SECTIONS />
    }
}
