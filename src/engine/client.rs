//! The page's side: sends [`Request`]s to the engine worker and hands each [`Reply`] to the
//! callback of its job. The worker (`hoseline-engine_loader.js`, built by Trunk beside the
//! page) starts on the first request, so the first load does not carry the engine; requests
//! made before it says Ready wait in a queue.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::protocol::{decode_reply, encode, Failure, Reply, Request};

/// The worker's loader script, relative to the page (Trunk's `data-loader-shim`).
pub const WORKER_SCRIPT: &str = "./hoseline-engine_loader.js";

/// Where requests go: the worker, or (browser tests) the page's own thread.
pub trait EngineHost {
    /// Sends one encoded request; replies come back through [`deliver`].
    fn send(&self, request: String);
}

type Callback = Rc<dyn Fn(Reply)>;

#[derive(Default)]
struct Engine {
    host: Option<Rc<dyn EngineHost>>,
    jobs: BTreeMap<u32, Callback>,
    next_id: u32,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::default());
}

/// Makes `host` take every request from now on (the browser tests' in-page engine).
pub fn use_host(host: Rc<dyn EngineHost>) {
    ENGINE.with(|e| e.borrow_mut().host = Some(host));
}

/// Starts a job: `make` builds the request from its id; `on_reply` sees each of its replies.
/// Returns the id (for [`stop`]).
pub fn start(make: impl FnOnce(u32) -> Request, on_reply: impl Fn(Reply) + 'static) -> u32 {
    let (id, host) = ENGINE.with(|e| {
        let mut engine = e.borrow_mut();
        engine.next_id += 1;
        let id = engine.next_id;
        engine.jobs.insert(id, Rc::new(on_reply));
        let host = engine
            .host
            .get_or_insert_with(|| Rc::new(WorkerHost::new()) as Rc<dyn EngineHost>)
            .clone();
        (id, host)
    });
    host.send(encode(&make(id)));
    id
}

/// Asks the run `id` to stop after its current event.
pub fn stop(id: u32) {
    let host = ENGINE.with(|e| e.borrow().host.clone());
    if let Some(host) = host {
        host.send(encode(&Request::Stop { id }));
    }
}

/// Forgets job `id`: its later replies are dropped (a screen that went away).
pub fn forget(id: u32) {
    ENGINE.with(|e| e.borrow_mut().jobs.remove(&id));
}

/// Hands one reply (JSON text) to its job's callback.
pub fn deliver(text: &str) {
    match decode_reply(text) {
        Ok(reply) => dispatch(reply),
        Err(message) => leptos::logging::error!("{message}"),
    }
}

fn dispatch(reply: Reply) {
    let Some(id) = reply.id() else { return };
    let callback = ENGINE.with(|e| {
        let mut engine = e.borrow_mut();
        if reply.ends_job() {
            engine.jobs.remove(&id)
        } else {
            engine.jobs.get(&id).cloned()
        }
    });
    // Called outside the borrow: the callback may start another job.
    if let Some(callback) = callback {
        callback(reply);
    }
}

/// Fails every open job with `failure` (the worker could not load).
fn fail_all(failure: &Failure) {
    let jobs = ENGINE.with(|e| std::mem::take(&mut e.borrow_mut().jobs));
    for (id, callback) in jobs {
        callback(Reply::Failed {
            id,
            failure: failure.clone(),
        });
    }
}

/// The Web Worker, with the requests sent before it was ready.
struct WorkerHost {
    worker: Result<Worker, String>,
    state: Rc<RefCell<Queue>>,
}

#[derive(Default)]
struct Queue {
    ready: bool,
    waiting: Vec<String>,
}

impl WorkerHost {
    fn new() -> Self {
        let state = Rc::new(RefCell::new(Queue::default()));
        let worker = Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"));
        if let Ok(worker) = &worker {
            let on_message = {
                let (state, worker) = (state.clone(), worker.clone());
                Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                    let text = event.data().as_string().unwrap_or_default();
                    match decode_reply(&text) {
                        Ok(Reply::Ready) => {
                            let waiting = {
                                let mut queue = state.borrow_mut();
                                queue.ready = true;
                                std::mem::take(&mut queue.waiting)
                            };
                            for request in waiting {
                                let _ = worker.post_message(&JsValue::from_str(&request));
                            }
                        }
                        Ok(reply) => dispatch(reply),
                        Err(message) => leptos::logging::error!("{message}"),
                    }
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                fail_all(&unavailable(&event.message()));
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
        }
        Self { worker, state }
    }
}

impl EngineHost for WorkerHost {
    fn send(&self, request: String) {
        match &self.worker {
            Err(why) => fail_all(&unavailable(why)),
            Ok(worker) => {
                let mut queue = self.state.borrow_mut();
                if queue.ready {
                    let _ = worker.post_message(&JsValue::from_str(&request));
                } else {
                    queue.waiting.push(request);
                }
            }
        }
    }
}

fn unavailable(why: &str) -> Failure {
    Failure {
        code: "EngineUnavailable".into(),
        message: format!("the console's engine ({WORKER_SCRIPT}) could not start: {why}"),
        request_id: None,
        hint: Some(
            "Reload the page; if it persists, check that the site's files are all published \
             (hoseline-engine_loader.js, hoseline-engine.js, hoseline-engine_bg.wasm)."
                .into(),
        ),
        step: None,
    }
}

/// The engine in the page's own thread, for the browser tests (`wasm-bindgen-test` serves no
/// worker script). Requests and replies still travel as JSON, as they do to the worker.
pub struct InPageHost {
    stops: super::worker::Stops,
    /// Milliseconds an apply waits before it starts (a slow network, for tests that stop it).
    apply_delay_ms: u32,
}

impl InPageHost {
    pub fn new() -> Self {
        Self {
            stops: Default::default(),
            apply_delay_ms: 0,
        }
    }

    /// An engine whose applies start `ms` milliseconds late, so a test can stop one before it
    /// has made anything, as deterministically as a person on a slow link could.
    pub fn with_apply_delay(ms: u32) -> Self {
        Self {
            apply_delay_ms: ms,
            ..Self::new()
        }
    }
}

impl Default for InPageHost {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineHost for InPageHost {
    fn send(&self, request: String) {
        let post: Rc<dyn Fn(Reply)> = Rc::new(|reply: Reply| deliver(&encode(&reply)));
        match super::protocol::decode_request(&request) {
            Ok(request) => {
                let delay = match request {
                    super::protocol::Request::Apply(_) => self.apply_delay_ms,
                    _ => 0,
                };
                let stops = self.stops.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if delay > 0 {
                        gloo_timers::future::TimeoutFuture::new(delay).await;
                    }
                    super::worker::handle(request, stops, post).await;
                });
            }
            Err(message) => leptos::logging::error!("{message}"),
        }
    }
}
