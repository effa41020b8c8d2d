//! The Access step's form: the roles, the bridge and its access key.

use leptos::prelude::*;

use super::panel::{FormPanel, Section};

const SECTIONS: &[Section] = &[
    Section {
        // Not a warning of the engine's: the policies are generated, so this always holds.
        note: Some((
            "advice-least-privilege",
            "Least privilege",
            "The console writes each role's policy from this pipeline's names: only the actions \
             each service needs, on these resources alone, never a wildcard. The Review step \
             shows every policy before anything is made.",
        )),
        ..Section::new("IAM roles", &["iam.firehoseRoleName", "iam.bridgeRoleName"])
    },
    Section {
        dynamodb_only: true,
        ..Section::new(
            "Bridge",
            &[
                "bridge.functionName",
                "bridge.memorySizeMb",
                "bridge.timeoutSeconds",
                "target.bridgeUrl",
                "bridge.accessKey",
            ],
        )
    },
];

#[component]
pub fn AccessForm() -> impl IntoView {
    view! {
        <FormPanel testid="access-form" sections=SECTIONS />
    }
}
