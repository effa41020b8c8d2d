//! The DynamoDB table step's form.

use leptos::prelude::*;

use super::panel::{FormPanel, Section};

const SECTIONS: &[Section] = &[
    Section::new(
        "Table and keys",
        &[
            "table.name",
            "table.partitionKey.name",
            "table.partitionKey.type",
            "table.sortKey.name",
            "table.sortKey.type",
        ],
    ),
    Section::new(
        "Capacity",
        &[
            "table.billing.mode",
            "table.billing.readCapacityUnits",
            "table.billing.writeCapacityUnits",
            "table.billing.autoScaling",
            "table.billing.autoScaling.minCapacity",
            "table.billing.autoScaling.maxCapacity",
            "table.billing.autoScaling.targetUtilization",
        ],
    ),
    Section::new(
        "Retention and recovery",
        &["table.ttlAttribute", "table.pointInTimeRecovery"],
    ),
];

#[component]
pub fn TableForm() -> impl IntoView {
    view! {
        <FormPanel testid="table-form" sections=SECTIONS />
    }
}
