//! The DynamoDB table step's form.

use leptos::prelude::*;

use super::SpecField;

#[component]
pub fn TableForm() -> impl IntoView {
    view! {
        <div class="panel" data-testid="table-form">
            <h2>"Table and keys"</h2>
            <SpecField path="table.name" />
            <SpecField path="table.partitionKey.name" />
            <SpecField path="table.partitionKey.type" />
            <SpecField path="table.sortKey.name" />
            <SpecField path="table.sortKey.type" />
            <h2>"Capacity"</h2>
            <SpecField path="table.billing.mode" />
            <SpecField path="table.billing.readCapacityUnits" />
            <SpecField path="table.billing.writeCapacityUnits" />
            <SpecField path="table.billing.autoScaling" />
            <SpecField path="table.billing.autoScaling.minCapacity" />
            <SpecField path="table.billing.autoScaling.maxCapacity" />
            <SpecField path="table.billing.autoScaling.targetUtilization" />
            <h2>"Retention and recovery"</h2>
            <SpecField path="table.ttlAttribute" />
            <SpecField path="table.pointInTimeRecovery" />
        </div>
        // preview: added by the engine worker
    }
}
