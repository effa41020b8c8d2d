//! "Start a new draft": a fresh draft for the connection (none when not connected), then the
//! setup's first step. Over a draft with edits it asks first (Cloudscape's wizard does the same
//! on Cancel).

use leptos::prelude::*;

use super::state::furthest_visited;
use super::step::Step;
use crate::components::confirm::Confirm;
use crate::context::use_connection;
use crate::draft::use_draft;
use crate::route::Route;
use crate::router::use_router;

#[component]
pub fn NewDraftButton(
    label: &'static str,
    testid: &'static str,
    #[prop(optional)] primary: bool,
    /// Keeping the draft continues it at its furthest step (from outside the setup).
    #[prop(optional)]
    resume: bool,
) -> impl IntoView {
    let draft = use_draft();
    let router = use_router();
    let connection = use_connection();
    let asking = RwSignal::new(false);
    let start = move || {
        asking.set(false);
        match connection.config_untracked() {
            Some(config) => draft.start_for_connection(&config),
            None => draft.discard(),
        }
        router.navigate(Route::Step(Step::Connection));
    };
    let keep = move || {
        asking.set(false);
        if resume {
            let step = furthest_visited(draft.kind(), &draft.visited());
            router.navigate(Route::Step(step));
        }
    };
    let click = move |_| {
        if draft.has_unsaved_edits_untracked() {
            asking.set(true);
        } else {
            start();
        }
    };
    view! {
        <button type="button" class=if primary { "button primary" } else { "button" } data-testid=testid on:click=click>
            {label}
        </button>
        {move || asking.get().then(|| view! {
            <div class="confirm-wrap">
                <Confirm
                    message="The draft has edits that were not made into a pipeline yet. Discard them and start a new draft?"
                    confirm="Discard them and start a new draft"
                    cancel=if resume { "Continue the draft" } else { "Keep the draft" }
                    on_confirm=move |()| start()
                    on_cancel=move |()| keep()
                />
            </div>
        })}
    }
}
