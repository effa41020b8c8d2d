//! Shared by the engine's emulator tests: clients of the test emulators (scripts/emulator.sh
//! start-test), unique pipeline names, and an observer that keeps every event.
#![allow(dead_code, unreachable_pub)]

pub mod scripted;

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::{Credentials, Endpoint};
use hoseline_pipeline::engine::{client_config, Progress, StepEvent};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec, Target};

/// The emulator's demo credentials (AWS's documented example key pair).
pub const DEMO_ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The signature-checking emulator.
pub fn checked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:4577".to_owned())
}

/// The emulator without signature checking (moto's checker refuses Lambda GET and DELETE).
pub fn unchecked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT_UNCHECKED")
        .unwrap_or_else(|_| "http://127.0.0.1:4578".to_owned())
}

fn credentials() -> Credentials {
    Credentials::new(DEMO_ACCESS_KEY_ID, DEMO_SECRET, None).expect("demo credentials")
}

/// A client for the spec's target.
pub fn client(spec: &PipelineSpec) -> NativeClient {
    NativeClient::native(client_config(spec, credentials()).expect("config")).expect("client")
}

/// A client for the spec's region that talks to `endpoint` (an AWS spec run on the emulator).
pub fn client_at(spec: &PipelineSpec, endpoint: &str) -> NativeClient {
    let mut config = client_config(spec, credentials()).expect("config");
    config.endpoint = Endpoint::parse(endpoint).expect("endpoint");
    NativeClient::native(config).expect("client")
}

/// A pipeline name no other test (or earlier run against the same emulator) uses.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}-{:x}{nanos:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A spec's target pointed at the signature-checking emulator, with an access key.
pub fn on_emulator(mut spec: PipelineSpec) -> PipelineSpec {
    if let Target::Local { endpoint, .. } = &mut spec.target {
        *endpoint = checked_endpoint();
    }
    if let Some(bridge) = spec.bridge.as_mut() {
        bridge.access_key = Some(AccessKey::from_random_bytes(&[7; 32]));
    }
    spec
}

/// An observer that keeps every event and the progress as saved after each.
#[derive(Default)]
pub struct Recorder {
    pub events: Vec<StepEvent>,
    pub saved: Option<Progress>,
    /// Stop after the event that ends this step (Done or Adopted).
    pub stop_after: Option<String>,
}

impl Recorder {
    pub fn observe(&mut self, event: &StepEvent, progress: &Progress) -> ControlFlow<()> {
        self.events.push(event.clone());
        self.saved = Some(progress.clone());
        let ended = matches!(
            event.state,
            hoseline_pipeline::engine::StepState::Done { .. }
                | hoseline_pipeline::engine::StepState::Adopted { .. }
        );
        if ended && self.stop_after.as_deref() == Some(event.step_id.as_str()) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// The events as the CLI prints them.
    pub fn lines(&self) -> Vec<String> {
        self.events.iter().map(ToString::to_string).collect()
    }
}
