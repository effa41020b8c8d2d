//! The left-hand list of the console's steps. Only Connection exists so far; the others are
//! listed so a person sees where the setup leads.

use leptos::prelude::*;

/// The setup steps, in order; `true` where the screen exists.
const STEPS: [(&str, bool); 8] = [
    ("Connection", true),
    ("S3 bucket", false),
    ("DynamoDB table", false),
    ("IAM roles", false),
    ("Bridge", false),
    ("Delivery stream", false),
    ("Send data", false),
    ("Browse", false),
];

#[component]
pub fn StepList() -> impl IntoView {
    let items = STEPS
        .iter()
        .enumerate()
        .map(|(i, &(name, available))| {
            // Connection, the first step, is the only screen so far.
            let current = i == 0;
            view! {
                <li
                    class="step"
                    class:active=current
                    class:unavailable=!available
                    aria-current=current.then_some("step")
                    aria-disabled=(!available).then_some("true")
                >
                    <span class="step-number">{i + 1}</span>
                    <span class="step-name">{name}</span>
                    {(!available)
                        .then(|| view! { <span class="step-soon">"Not yet available"</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steps" aria-label="Setup steps">
            <h2 class="steps-title">"Pipeline setup"</h2>
            <ol>{items}</ol>
        </nav>
    }
}
