//! The S3 bucket step's form.

use leptos::prelude::*;

use super::SpecField;

#[component]
pub fn BucketForm() -> impl IntoView {
    view! {
        <div class="panel" data-testid="bucket-form">
            <h2>"Bucket"</h2>
            <SpecField path="bucket.name" />
            <SpecField path="bucket.corsAllowedOrigins" />
            <h2>"Where Firehose writes"</h2>
            <SpecField path="bucket.dataPrefix" />
            <SpecField path="bucket.errorOutputPrefix" />
            <SpecField path="bucket.backupMode" />
            <SpecField path="bucket.compression" />
            <h2>"Retention"</h2>
            <SpecField path="bucket.expirationDays" />
        </div>
        // preview: added by the engine worker
    }
}
