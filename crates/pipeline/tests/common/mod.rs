//! Shared by the engine's emulator tests: clients of the test emulators (scripts/emulator.sh
//! start-test) for a spec, unique pipeline names (both from `hoseline_aws::test_support`), and
//! an observer that keeps every event.
#![allow(dead_code, unreachable_pub)]

pub mod scripted;

use std::ops::ControlFlow;

use hoseline_aws::test_support::demo_credentials;
use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::Endpoint;
use hoseline_pipeline::engine::{
    apply, client_config, destroy, Applied, Outcome, Progress, StepEvent,
};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec, Target};

// Each test binary uses its own part.
#[allow(unused_imports)]
pub use hoseline_aws::test_support::{checked_endpoint, unchecked_endpoint, unique};

/// A client for the spec's target.
pub fn client(spec: &PipelineSpec) -> NativeClient {
    NativeClient::native(client_config(spec, demo_credentials()).expect("config")).expect("client")
}

/// A client for the spec's region that talks to `endpoint` (an AWS spec run on the emulator).
pub fn client_at(spec: &PipelineSpec, endpoint: &str) -> NativeClient {
    let mut config = client_config(spec, demo_credentials()).expect("config");
    config.endpoint = Endpoint::parse(endpoint).expect("endpoint");
    NativeClient::native(config).expect("client")
}

/// Applies `spec` (with the bridge's `zip`, if any), failing with every event it reported.
pub async fn apply_recorded(
    client: &NativeClient,
    spec: &PipelineSpec,
    zip: Option<&[u8]>,
    progress: &mut Progress,
) -> (Applied, Recorder) {
    let mut rec = Recorder::default();
    let applied = apply(client, spec, zip, progress, &mut |e, p| rec.observe(e, p))
        .await
        .unwrap_or_else(|e| panic!("apply failed: {e}\n{}", rec.lines().join("\n")));
    (applied, rec)
}

/// Destroys `spec`, and checks that every resource was deleted.
pub async fn destroy_all(client: &NativeClient, spec: &PipelineSpec, progress: &mut Progress) {
    let mut lines = Vec::new();
    let destroyed = destroy(client, spec, progress, &mut |e, _| {
        lines.push(e.to_string());
        ControlFlow::Continue(())
    })
    .await
    .expect("destroy");
    assert!(destroyed.complete(), "{}", lines.join("\n"));
    assert!(
        destroyed
            .resources
            .iter()
            .all(|t| t.outcome == Outcome::Deleted),
        "{destroyed:?}"
    );
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
