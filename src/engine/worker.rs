//! The engine's side of the conversation: one [`Request`] in, its [`Reply`]s out. The worker
//! binary (`src/bin/hoseline-engine.rs`) runs [`start`]; the browser tests run [`handle`] in the
//! page's own thread through [`super::client::InPageHost`].

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::Credentials;
use hoseline_pipeline::engine::client_config;
use hoseline_pipeline::plan::ZIP_FILE_NAME;
use hoseline_pipeline::spec::{PipelineKind, PipelineSpec, Target};

use super::protocol::{Failure, Reply, Request, Run, WireError};
use super::reads;
use super::{jobs, runner};

/// The runs asked to stop, by id.
pub type Stops = Rc<RefCell<BTreeSet<u32>>>;

/// Where the bridge Lambda's code is published with the site (`scripts/size-report.sh` puts it
/// there), relative to the page and the worker.
pub const BRIDGE_ZIP_PATH: &str = "bridge/bridge-lambda.zip";

/// Answers one request; every reply goes through `post`.
pub async fn handle(request: Request, stops: Stops, post: Rc<dyn Fn(Reply)>) {
    match request {
        Request::Preview { id, spec } => post(Reply::Preview {
            id,
            calls: jobs::planned_calls(&spec),
        }),
        Request::Review { id, spec, load } => post(Reply::Review {
            id,
            review: Box::new(jobs::review(&spec, load)),
        }),
        Request::ParseSpec { id, text } => post(match jobs::parse_spec(&text) {
            Ok(spec) => Reply::Parsed {
                id,
                spec: Some(spec.to_json(true)),
                problems: Vec::new(),
            },
            Err(problems) => Reply::Parsed {
                id,
                spec: None,
                problems,
            },
        }),
        Request::Aws {
            id,
            connection,
            call,
        } => {
            let result = reads::answer(&connection, call).await;
            post(Reply::Aws {
                id,
                result: result.map_err(|e| WireError::from(&e)),
            });
        }
        Request::Stop { id } => {
            stops.borrow_mut().insert(id);
        }
        Request::Apply(run) => {
            let id = run.id;
            let Some(client) = client_for(&run, &*post) else {
                return;
            };
            let zip = if needs_bridge_zip(&run.spec) {
                fetch_bridge_zip().await
            } else {
                None
            };
            let stop = stop_asked(&stops, id);
            runner::apply(
                &client,
                id,
                &run.spec,
                run.progress.as_deref(),
                zip.as_deref(),
                &stop,
                &*post,
            )
            .await;
            stops.borrow_mut().remove(&id);
        }
        Request::Destroy(run) => {
            let id = run.id;
            let Some(client) = client_for(&run, &*post) else {
                return;
            };
            let stop = stop_asked(&stops, id);
            runner::destroy(
                &client,
                id,
                &run.spec,
                run.progress.as_deref(),
                &stop,
                &*post,
            )
            .await;
            stops.borrow_mut().remove(&id);
        }
    }
}

fn stop_asked(stops: &Stops, id: u32) -> impl Fn() -> bool {
    let stops = stops.clone();
    move || stops.borrow().contains(&id)
}

/// The client for the spec's target, signed with the run's credentials.
fn client_for(run: &Run, post: &dyn Fn(Reply)) -> Option<BrowserClient> {
    let c = &run.credentials;
    let config = Credentials::new(
        &c.access_key_id,
        &c.secret_access_key,
        c.session_token.as_deref(),
    )
    .and_then(|credentials| client_config(&run.spec, credentials));
    match config {
        Ok(config) => Some(BrowserClient::browser(config)),
        Err(e) => {
            post(Reply::Failed {
                id: run.id,
                failure: Failure {
                    code: e.code().to_owned(),
                    message: e.message().to_owned(),
                    request_id: None,
                    hint: None,
                    step: None,
                },
            });
            None
        }
    }
}

/// On AWS a DynamoDB pipeline's bridge runs as a Lambda, made from the zip published with the
/// site.
fn needs_bridge_zip(spec: &PipelineSpec) -> bool {
    spec.kind == PipelineKind::Dynamodb && matches!(spec.target, Target::Aws { .. })
}

/// The bridge's zip from the site, or `None` (apply then fails at the function's step with
/// "needs the bridge's zip", unless the function exists already).
async fn fetch_bridge_zip() -> Option<Vec<u8>> {
    let response = gloo_net::http::Request::get(BRIDGE_ZIP_PATH)
        .send()
        .await
        .ok()?;
    if !response.ok() {
        leptos::logging::warn!(
            "{ZIP_FILE_NAME}: {} {} at {BRIDGE_ZIP_PATH}",
            response.status(),
            response.status_text()
        );
        return None;
    }
    response.binary().await.ok()
}

/// The worker's main: takes requests from `onmessage`, posts replies, says Ready once loaded.
pub fn start() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post: Rc<dyn Fn(Reply)> = {
        let scope = scope.clone();
        Rc::new(move |reply: Reply| {
            let text = super::protocol::encode(&reply);
            if let Err(e) = scope.post_message(&JsValue::from_str(&text)) {
                leptos::logging::error!("engine worker: postMessage failed: {e:?}");
            }
        })
    };
    let stops = Stops::default();
    let on_message = {
        let post = post.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            match super::protocol::decode_request(&text) {
                Ok(request) => {
                    wasm_bindgen_futures::spawn_local(handle(request, stops.clone(), post.clone()))
                }
                Err(message) => post(Reply::Failed {
                    id: 0,
                    failure: Failure {
                        code: "BadRequest".into(),
                        message,
                        request_id: None,
                        hint: None,
                        step: None,
                    },
                }),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(Reply::Ready);
}
