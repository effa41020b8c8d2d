//! A notice inside a screen: information or a warning, with an optional link to act on it.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    Info,
    Warning,
    Error,
}

impl AlertKind {
    fn class(self) -> &'static str {
        match self {
            AlertKind::Info => "alert alert-info",
            AlertKind::Warning => "alert alert-warning",
            AlertKind::Error => "alert alert-error",
        }
    }
}

#[component]
pub fn Alert(
    kind: AlertKind,
    #[prop(into)] text: String,
    /// A link to what fixes it: (label, href).
    #[prop(optional)]
    link: Option<(String, String)>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class=kind.class() role=(kind != AlertKind::Info).then_some("alert") data-testid=testid>
            <p class="alert-text">{text}</p>
            {link.map(|(label, href)| view! { <a class="alert-link" href=href>{label}</a> })}
            {children.map(|c| c())}
        </div>
    }
}
