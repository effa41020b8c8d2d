//! "Start from a spec file": a spec JSON (from `hoseline`, a download, a colleague) read by the
//! engine's own reader. A readable one replaces the draft, and its rule errors show on the
//! fields they belong to; an unreadable one changes nothing and lists each problem by field,
//! linked to the step that holds it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::confirm::Confirm;
use crate::draft::use_draft;
use crate::engine::client;
use crate::engine::protocol::{FieldProblem, Reply, Request};
use crate::route::Route;
use crate::wizard::paths::step_of_path;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Loaded(String),
    Refused(String, Vec<FieldProblem>),
}

#[component]
pub fn SpecLoader() -> impl IntoView {
    let draft = use_draft();
    let outcome = RwSignal::new(None::<Outcome>);
    let pending = RwSignal::new(None::<web_sys::File>);
    let read = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => text.as_string().unwrap_or_default(),
                Err(_) => String::new(),
            };
            client::start(
                move |id| Request::ParseSpec { id, text },
                move |reply| match reply {
                    Reply::Parsed {
                        spec: Some(spec), ..
                    } => match serde_json::from_str(&spec) {
                        // The engine's reader checked the file; the page reads its output.
                        Ok(spec) => {
                            draft.load(spec);
                            outcome.set(Some(Outcome::Loaded(name.clone())));
                        }
                        Err(e) => outcome.set(Some(Outcome::Refused(
                            name.clone(),
                            vec![FieldProblem {
                                path: String::new(),
                                message: e.to_string(),
                            }],
                        ))),
                    },
                    Reply::Parsed { problems, .. } => {
                        outcome.set(Some(Outcome::Refused(name.clone(), problems)));
                    }
                    Reply::Failed { failure, .. } => outcome.set(Some(Outcome::Refused(
                        name.clone(),
                        vec![FieldProblem {
                            path: String::new(),
                            message: format!("{}: {}", failure.code, failure.message),
                        }],
                    ))),
                    _ => {}
                },
            );
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(input) = input {
            input.set_value("");
        }
        if draft.has_unsaved_edits_untracked() {
            pending.set(Some(file));
        } else {
            read(file);
        }
    };
    view! {
        <section class="panel" data-testid="spec-loader">
            <h2>"Start from a spec file"</h2>
            <p class="muted">"Load a pipeline spec JSON (from a download here, or the hoseline CLI's examples) to start from it: it replaces this draft."</p>
            <input type="file" accept="application/json,.json" data-testid="spec-file" on:change=on_change />
            {move || pending.get().map(|file| view! {
                <Confirm
                    message="Replace this draft with the file? The edits you made will be lost."
                    confirm="Replace the draft"
                    cancel="Keep editing"
                    on_confirm=move |()| { pending.set(None); read(file.clone()); }
                    on_cancel=move |()| pending.set(None)
                />
            })}
            {move || outcome.get().map(|o| match o {
                Outcome::Loaded(name) => view! {
                    <p class="status-ok" data-testid="spec-loaded">{format!("Loaded {name}. Each step shows what the rules say about its fields.")}</p>
                }.into_any(),
                Outcome::Refused(name, problems) => view! {
                    <div class="alert alert-error" data-testid="spec-refused">
                        <p class="alert-text">{format!("{name} was not loaded; the draft is unchanged:")}</p>
                        <ul>{problems.into_iter().map(|p| {
                            let step = step_of_path(&p.path);
                            let field = if p.path.is_empty() { "the file".to_owned() } else { p.path.clone() };
                            view! { <li><code>{field}</code>" "{p.message}" "<a href=Route::Step(step).href()>{step.title()}</a></li> }
                        }).collect_view()}</ul>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}
