//! The Connection screen's form (the setup's first step; its title and purpose come from the
//! step): binds the fields, validates on "Test connection", keeps the connection in the context
//! (and in the tab when asked), and shows what the test found.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::form::{ConnectionForm, Field, FieldErrors};
use super::results::TestResults;
use super::storage::{self, Persist};
use super::tester::use_connection_test;
use crate::components::field::TextField;
use crate::context::use_connection;

const ENDPOINT_HINT: &str = "The local emulator by default. Clear it to use real AWS, and then \
     prefer temporary credentials (an access key with a session token).";
const TOKEN_HINT: &str = "Only for temporary credentials (access key ids starting ASIA).";

#[component]
pub fn ConnectionPage() -> impl IntoView {
    let connection = use_connection();
    let initial = connection.config_untracked();
    let remember = RwSignal::new(initial.is_some() && storage::load().is_some());
    let form = RwSignal::new(
        initial
            .as_ref()
            .map(ConnectionForm::from_config)
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(FieldErrors::default());
    let test = use_connection_test();
    let results = NodeRef::<leptos::html::Div>::new();
    // The results come below the form: bring them into view when a test ends.
    Effect::new(move || {
        if test.outcome().is_some() {
            if let Some(results) = results.get_untracked() {
                results.scroll_into_view();
            }
        }
    });

    let field = move |label, field: Field| {
        view! {
            <TextField
                label=label
                testid=field.testid()
                value=Signal::derive(move || form.read().get(field).to_owned())
                on_input=move |value| {
                    form.update(|f| f.set(field, value));
                    errors.update(|e| e.clear(field));
                }
                error=Signal::derive(move || errors.read().get(field).map(str::to_owned))
                secret=matches!(field, Field::SecretAccessKey | Field::SessionToken)
                optional=field == Field::SessionToken
                description=match field {
                    Field::Endpoint => Some(ENDPOINT_HINT),
                    Field::SessionToken => Some(TOKEN_HINT),
                    _ => None,
                }
            />
        }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match form.with_untracked(ConnectionForm::validate) {
            Ok(config) => {
                errors.set(FieldErrors::default());
                storage::apply(storage::plan(Some(&config), remember.get_untracked()));
                connection.set(Some(config.clone()));
                test.start(config);
            }
            Err(found) => errors.set(found),
        }
    };
    let on_remember = move |ev| {
        let on = event_target_checked(&ev);
        remember.set(on);
        storage::apply(storage::plan(connection.config_untracked().as_ref(), on));
    };
    let forget = move |_| {
        connection.set(None);
        storage::apply(Persist::Clear);
        remember.set(false);
        form.update(|f| {
            f.secret_access_key.clear();
            f.session_token.clear();
        });
        errors.set(FieldErrors::default());
        test.reset();
    };

    view! {
        <form class="panel" on:submit=on_submit novalidate=true data-testid="connection-form">
            <h2>"Endpoint and region"</h2>
            {field("Endpoint", Field::Endpoint)}
            {field("Region", Field::Region)}
            <h2>"Credentials"</h2>
            {field("Access key ID", Field::AccessKeyId)}
            {field("Secret access key", Field::SecretAccessKey)}
            {field("Session token", Field::SessionToken)}
            <label class="checkbox">
                <input
                    type="checkbox"
                    data-testid="remember"
                    prop:checked=remember
                    on:change=on_remember
                />
                <span>"Remember in this tab"</span>
            </label>
            <p class="field-hint checkbox-hint">
                "Keeps the credentials in this tab's session storage until the tab is closed. \
                 Otherwise they live in memory only and a reload forgets them."
            </p>
            <div class="actions">
                <button type="button" class="button" data-testid="forget" on:click=forget>
                    "Forget"
                </button>
                <button
                    type="submit"
                    class="button primary"
                    data-testid="test-connection"
                    disabled=move || test.pending()
                >
                    {move || if test.pending() { "Testing…" } else { "Test connection" }}
                </button>
            </div>
        </form>
        <div class="results" data-testid="results" aria-live="polite" node_ref=results>
            {move || {
                test.outcome()
                    .map(|(config, identity)| {
                        view! { <TestResults config=config identity=identity /> }
                    })
            }}
        </div>
    }
}
