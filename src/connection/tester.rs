//! "Test connection" as a hook: one test at a time, its outcome, and whether it is running.
//!
//! Plain signals and `spawn_local` rather than an `Action`: a Forget (or a newer test) must drop a
//! late answer, which a generation number does, and it keeps the page's wasm smaller.

use hoseline_aws::{ClientConfig, Error};
use leptos::prelude::*;

use super::run::{self, Identity};

/// What a test found: the connection it tested, and who the credentials belong to.
pub type Outcome = (ClientConfig, Result<Identity, Error>);

#[derive(Clone, Copy)]
pub struct UseConnectionTest {
    outcome: RwSignal<Option<Outcome>>,
    pending: RwSignal<bool>,
    generation: StoredValue<u32>,
}

pub fn use_connection_test() -> UseConnectionTest {
    UseConnectionTest {
        outcome: RwSignal::new(None),
        pending: RwSignal::new(false),
        generation: StoredValue::new(0),
    }
}

impl UseConnectionTest {
    /// The latest finished test (tracked).
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.get()
    }

    /// Whether a test is running (tracked).
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    /// Tests `config`: STS GetCallerIdentity; the service checks run where the outcome is shown.
    pub fn start(&self, config: ClientConfig) {
        let this = *self;
        let mine = self.next_generation();
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let identity = run::identity(config.clone()).await;
            // Dropped if a newer test or a Forget came since, or the page is gone.
            if this.generation.try_get_value() == Some(mine) {
                this.outcome.set(Some((config, identity)));
                this.pending.set(false);
            }
        });
    }

    /// Forgets the outcome and any answer still on its way.
    pub fn reset(&self) {
        self.next_generation();
        self.pending.set(false);
        self.outcome.set(None);
    }

    fn next_generation(&self) -> u32 {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.generation.get_value()
    }
}
