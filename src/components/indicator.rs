//! A status as an icon and a word (Cloudscape's StatusIndicator): never colour alone.

use leptos::prelude::*;

/// The six kinds of status a long piece of work or a resource can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indicator {
    Pending,
    InProgress,
    Success,
    Error,
    Warning,
    Stopped,
}

impl Indicator {
    /// Also the value of `data-status`, for tests.
    pub fn name(self) -> &'static str {
        match self {
            Indicator::Pending => "pending",
            Indicator::InProgress => "in-progress",
            Indicator::Success => "success",
            Indicator::Error => "error",
            Indicator::Warning => "warning",
            Indicator::Stopped => "stopped",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Indicator::Pending => "○",
            // Drawn by CSS: a turning ring.
            Indicator::InProgress => "",
            Indicator::Success => "✓",
            Indicator::Error => "✕",
            Indicator::Warning => "!",
            Indicator::Stopped => "■",
        }
    }
}

#[component]
pub fn StatusIndicator(
    kind: Indicator,
    #[prop(into)] label: String,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! {
        <span
            class=format!("indicator indicator-{}", kind.name())
            data-status=kind.name()
            data-testid=testid
        >
            <span class="indicator-icon" aria-hidden="true">{kind.icon()}</span>
            {label}
        </span>
    }
}
