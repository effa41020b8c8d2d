//! A read that follows its inputs: loading, then the answer or the AWS error. A newer read (the
//! inputs changed, Retry) drops the answer of an older one still on its way.
//!
//! Plain signals and `spawn_local`, like the connection test: no Suspense machinery in the page.

use std::future::Future;

use hoseline_aws::Error;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Error),
}

pub struct UseLoad<T: Send + Sync + 'static> {
    state: RwSignal<Load<T>>,
    again: RwSignal<u32>,
}

// By hand: a derive would ask `T: Copy`, but only the signals are copied.
impl<T: Send + Sync + 'static> Clone for UseLoad<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for UseLoad<T> {}

impl<T: Clone + Send + Sync + 'static> UseLoad<T> {
    /// The read's state (tracked).
    pub fn get(&self) -> Load<T> {
        self.state.get()
    }

    pub fn get_untracked(&self) -> Load<T> {
        self.state.get_untracked()
    }

    /// Reads again with the same inputs (Retry, Refresh).
    pub fn reload(&self) {
        self.again.update(|n| *n = n.wrapping_add(1));
    }
}

/// Runs `fetch(key())` now and again whenever `key()` changes (compared by value).
pub fn use_load<K, T, Fut>(
    key: impl Fn() -> K + Send + Sync + 'static,
    fetch: impl Fn(K) -> Fut + 'static,
) -> UseLoad<T>
where
    K: Clone + PartialEq + Send + Sync + 'static,
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, Error>> + 'static,
{
    let state = RwSignal::new(Load::Loading);
    let again = RwSignal::new(0u32);
    let generation = StoredValue::new(0u32);
    let key = Memo::new(move |_| key());
    Effect::new(move || {
        let input = key.get();
        again.track();
        generation.update_value(|g| *g = g.wrapping_add(1));
        let mine = generation.get_value();
        state.set(Load::Loading);
        let answer = fetch(input);
        leptos::task::spawn_local(async move {
            let result = answer.await;
            // Dropped if a newer read started, or the screen is gone.
            if generation.try_get_value() == Some(mine) {
                state.try_set(match result {
                    Ok(value) => Load::Ready(value),
                    Err(error) => Load::Failed(error),
                });
            }
        });
    });
    UseLoad { state, again }
}
