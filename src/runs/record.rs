//! One pipeline's record in `localStorage` (`hoseline.pipeline.<stream>`): the spec in the spec
//! file format without secrets, the engine's progress record (names and ARNs, never a secret),
//! and how its last run ended.

use hoseline_pipeline::spec::PipelineSpec;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "hoseline.pipeline.";

/// How the last apply or teardown ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RunState {
    /// Running, or stopped by a reload or a closed tab before it ended.
    #[default]
    Creating,
    /// The apply stopped at a failed call.
    Failed,
    /// Every call done: the pipeline exists.
    Complete,
    /// A teardown started and has not finished.
    Deleting,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    pub spec: PipelineSpec,
    /// The engine's progress record (JSON), `None` before the first event.
    pub progress: Option<String>,
    pub state: RunState,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    /// The spec file format without secrets ([`PipelineSpec::to_json`]).
    spec: String,
    #[serde(default)]
    progress: Option<String>,
    #[serde(default)]
    state: RunState,
}

/// The storage key of the pipeline whose stream is `stream`.
pub fn key(stream: &str) -> String {
    format!("{PREFIX}{stream}")
}

pub fn encode(record: &RunRecord) -> String {
    serde_json::to_string_pretty(&Stored {
        spec: record.spec.to_json(false),
        progress: record.progress.clone(),
        state: record.state,
    })
    .unwrap_or_default()
}

/// A stored record; `None` when it cannot be read (a later build's, or damaged).
pub fn decode(text: &str) -> Option<RunRecord> {
    let stored: Stored = serde_json::from_str(text).ok()?;
    Some(RunRecord {
        spec: serde_json::from_str(&stored.spec).ok()?,
        progress: stored.progress,
        state: stored.state,
    })
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load(stream: &str) -> Option<RunRecord> {
    decode(&local_storage()?.get_item(&key(stream)).ok()??)
}

pub fn save(record: &RunRecord) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&key(&record.spec.stream.name), &encode(record));
    }
}

pub fn remove(stream: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(stream));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoseline_pipeline::spec::AccessKey;

    #[test]
    fn a_record_round_trips_without_the_bridge_access_key() {
        let mut spec = PipelineSpec::aws_dynamodb("demo", "eu-west-1");
        if let Some(bridge) = spec.bridge.as_mut() {
            bridge.access_key = Some(AccessKey::new("s3cr3t-bridge-key-value"));
        }
        let record = RunRecord {
            spec: spec.clone(),
            progress: Some("{\"version\":1}".into()),
            state: RunState::Failed,
        };
        let text = encode(&record);
        assert!(!text.contains("s3cr3t"), "{text}");
        let back = decode(&text).expect("readable");
        assert_eq!(back.state, RunState::Failed);
        assert_eq!(back.progress, record.progress);
        assert_eq!(back.spec.stream, spec.stream);
        assert_eq!(back.spec.bridge.and_then(|b| b.access_key), None);
        assert_eq!(key("demo-stream"), "hoseline.pipeline.demo-stream");
        assert_eq!(decode("{nonsense"), None);
    }
}
