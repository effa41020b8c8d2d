//! The connection every screen uses: the current [`ClientConfig`], held in memory only.

use hoseline_aws::ClientConfig;
use leptos::prelude::*;

/// The credentials, region and endpoint the console signs with; `None` until the person
/// connects (or after "Forget").
#[derive(Clone, Copy, Debug)]
pub struct ConnectionContext(RwSignal<Option<ClientConfig>>);

impl ConnectionContext {
    /// Provides the context to the components below, starting from `initial`.
    pub fn provide(initial: Option<ClientConfig>) -> Self {
        let context = Self(RwSignal::new(initial));
        provide_context(context);
        context
    }

    /// The current connection (tracked).
    pub fn config(&self) -> Option<ClientConfig> {
        self.0.get()
    }

    pub fn config_untracked(&self) -> Option<ClientConfig> {
        self.0.get_untracked()
    }

    pub fn set(&self, config: Option<ClientConfig>) {
        self.0.set(config);
    }
}

/// The connection context; panics if no ancestor provided it (a programming error).
pub fn use_connection() -> ConnectionContext {
    expect_context::<ConnectionContext>()
}
