//! The S3 bucket step's form.

use leptos::prelude::*;

use super::panel::{FormPanel, Section};

const SECTIONS: &[Section] = &[
    Section::new("Bucket", &["bucket.name", "bucket.corsAllowedOrigins"]),
    Section::new(
        "Where Firehose writes",
        &[
            "bucket.dataPrefix",
            "bucket.errorOutputPrefix",
            "bucket.backupMode",
            "bucket.compression",
        ],
    ),
    Section::new("Retention", &["bucket.expirationDays"]),
];

#[component]
pub fn BucketForm() -> impl IntoView {
    view! {
        <FormPanel testid="bucket-form" sections=SECTIONS />
    }
}
