//! An in-page question before something is thrown away (a draft with edits): the safe choice
//! first, the destructive one named for what it does.

use leptos::prelude::*;

#[component]
pub fn Confirm(
    #[prop(into)] message: String,
    /// The destructive choice ("Discard the draft").
    confirm: &'static str,
    /// The safe choice ("Keep editing").
    cancel: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="alert alert-warning confirm" role="alertdialog" aria-live="assertive" data-testid="confirm">
            <p class="alert-text">{message}</p>
            <div class="confirm-actions">
                <button type="button" class="button" data-testid="confirm-cancel" on:click=move |_| on_cancel.run(())>
                    {cancel}
                </button>
                <button type="button" class="button danger" data-testid="confirm-ok" on:click=move |_| on_confirm.run(())>
                    {confirm}
                </button>
            </div>
        </div>
    }
}
