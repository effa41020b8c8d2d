//! The hash router: the current [`Route`] as a signal fed by the window's `hashchange`.
//!
//! Hand-written rather than leptos_router: a hash and a match is all a static page needs, and
//! leptos_router would add about 50 KB gzip to the first load (reference/toolchain.md).

use leptos::prelude::*;

use crate::route::Route;

/// The screen shown; provided once by the shell.
#[derive(Clone, Copy, Debug)]
pub struct RouterContext(RwSignal<Route>);

impl RouterContext {
    /// Reads the route from the location's hash and follows it on every `hashchange` (a link, the
    /// Back button, an edited address), until the owner is dropped.
    pub fn provide() -> Self {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            let next = Route::parse(&current_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        });
        on_cleanup(move || handle.remove());
        let context = Self(route);
        provide_context(context);
        context
    }

    /// The current route (tracked).
    pub fn route(&self) -> Route {
        self.0.get()
    }

    /// Shows `route` now and puts it in the address bar (a new history entry, so Back returns).
    pub fn navigate(&self, route: Route) {
        let href = route.href();
        if self.0.get_untracked() != route {
            self.0.set(route);
        }
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            if location.hash().ok().as_deref() != Some(href.as_str()) {
                // Fires hashchange, which finds the route already shown.
                let _ = location.set_hash(&href);
            }
        }
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The router; panics if the shell did not provide it (a programming error).
pub fn use_router() -> RouterContext {
    expect_context::<RouterContext>()
}
