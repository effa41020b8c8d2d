//! A best practice the draft does not follow, shown inline where it applies: the practice's
//! title and what happens, as information or a warning (never colour alone: the icon and the
//! word say which).

use hoseline_pipeline::rules::Severity;
use leptos::prelude::*;

#[component]
pub fn AdviceNote(
    severity: Severity,
    /// The practice's short title, e.g. "Partition key spread".
    practice: &'static str,
    #[prop(into)] message: String,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let (class, word) = match severity {
        Severity::Warning => ("advice advice-warning", "Best practice"),
        Severity::Info => ("advice advice-info", "Good to know"),
    };
    let mut message = message;
    if !message.ends_with('.') {
        message.push('.');
    }
    view! {
        <div class=class data-testid=testid>
            <p class="advice-title">
                <span class="advice-icon" aria-hidden="true"></span>
                <span class="advice-word">{word}": "</span>
                {practice}
            </p>
            <p class="advice-text">{capitalised(&message)}</p>
        </div>
    }
}

/// The engine's messages start in lower case (they follow a field's name in the CLI).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| {
            std::iter::once(first.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}
