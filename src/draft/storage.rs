//! The draft in `localStorage`, so it survives a reload and a closed tab: the spec under
//! [`KEY`] in the spec file format, the walk's progress under [`PROGRESS_KEY`]. It never holds a
//! secret: the bridge's access key is left out ([`PipelineSpec::to_json`] without secrets) and a
//! new one is made when the pipeline is created. A stored draft this build cannot read is dropped
//! with a notice rather than breaking the page.

use std::collections::BTreeSet;

use hoseline_pipeline::spec::{PipelineSpec, SPEC_VERSION};
use serde::{Deserialize, Serialize};

use super::model::{Draft, RawInputs};
use crate::wizard::step::Step;

/// The `localStorage` key of the spec: the spec file format itself, without secrets.
pub const KEY: &str = "hoseline.draft";
/// The `localStorage` key of the walk's progress (steps visited, edits pending).
pub const PROGRESS_KEY: &str = "hoseline.draft.progress";

/// The walk's progress, beside the spec.
#[derive(Default, Serialize, Deserialize)]
struct Progress {
    /// Step slugs (`"table"`); unknown ones (from a later build) are ignored.
    #[serde(default)]
    visited: Vec<String>,
    #[serde(default)]
    edited: bool,
    /// Typed text the spec cannot hold as typed ([`Draft::raw`]); never a secret (only number
    /// and list fields keep text here).
    #[serde(default, skip_serializing_if = "RawInputs::is_empty")]
    raw: RawInputs,
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub draft: Option<Draft>,
    /// Said to the person when a stored draft had to be dropped.
    pub notice: Option<String>,
}

/// The draft as stored: the spec without the bridge's access key, and the progress.
pub fn encode(draft: &Draft) -> (String, String) {
    // to_json(false) is the one place that knows which fields are secret.
    let spec = draft.spec.to_json(false);
    let progress = Progress {
        visited: draft.visited.iter().map(|s| s.slug().to_owned()).collect(),
        edited: draft.edited,
        raw: draft.raw.clone(),
    };
    (
        spec,
        serde_json::to_string_pretty(&progress).unwrap_or_default(),
    )
}

/// A stored draft, or why it cannot be read (in words for the person). Progress that cannot be
/// read is forgotten (the spec is what matters).
pub fn decode(spec: &str, progress: Option<&str>) -> Result<Draft, String> {
    // serde_json directly rather than `PipelineSpec::from_json`: the draft was written by this
    // page, and the field-path tracking of from_json costs the page about 10 KB gzip. When the
    // page loads spec files (which need the paths), switch to from_json so there is one reader.
    let spec: PipelineSpec = serde_json::from_str(spec).map_err(|e| e.to_string())?;
    if spec.version != SPEC_VERSION {
        return Err(format!(
            "spec version {} (this build reads {SPEC_VERSION})",
            spec.version
        ));
    }
    let progress: Progress = progress
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default();
    // Inserted one by one: collecting into a BTreeSet links a sort of its own.
    let mut visited = BTreeSet::new();
    visited.insert(Step::Connection);
    for step in progress
        .visited
        .iter()
        .filter_map(|slug| Step::from_slug(slug))
    {
        visited.insert(step);
    }
    Ok(Draft {
        spec,
        visited,
        edited: progress.edited,
        raw: progress.raw,
        set_aside: None,
    })
}

/// Reads what was stored: nothing, a draft, or a notice that an unreadable one was dropped.
pub fn read(spec: Option<&str>, progress: Option<&str>) -> Loaded {
    match spec.map(|spec| decode(spec, progress)) {
        None => Loaded::default(),
        Some(Ok(draft)) => Loaded {
            draft: Some(draft),
            notice: None,
        },
        Some(Err(why)) => Loaded {
            draft: None,
            notice: Some(format!(
                "The draft saved in this browser could not be read, so it was dropped ({why})."
            )),
        },
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored draft; an unreadable one is removed so the notice is said once.
pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::default();
    };
    let get = |key| storage.get_item(key).ok().flatten();
    let loaded = read(get(KEY).as_deref(), get(PROGRESS_KEY).as_deref());
    if loaded.notice.is_some() {
        let _ = storage.remove_item(KEY);
        let _ = storage.remove_item(PROGRESS_KEY);
    }
    loaded
}

/// Stores `draft`, or removes the stored one for `None`; `false` if the browser refused
/// (storage disabled or full): the draft then lives until the page is closed.
pub fn save(draft: Option<&Draft>) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    match draft {
        Some(draft) => {
            let (spec, progress) = encode(draft);
            storage.set_item(KEY, &spec).is_ok()
                && storage.set_item(PROGRESS_KEY, &progress).is_ok()
        }
        None => storage.remove_item(KEY).is_ok() && storage.remove_item(PROGRESS_KEY).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use hoseline_pipeline::spec::AccessKey;

    use super::*;

    fn draft() -> Draft {
        let mut spec = PipelineSpec::local_dynamodb("orders");
        if let Some(bridge) = spec.bridge.as_mut() {
            bridge.access_key = Some(AccessKey::new("s3cr3t-bridge-key-value"));
        }
        Draft {
            spec,
            visited: BTreeSet::from([Step::Connection, Step::Table, Step::Bucket]),
            edited: true,
            raw: RawInputs::from([("stream.bufferingSizeMb".to_owned(), "abc".to_owned())]),
            set_aside: None,
        }
    }

    #[test]
    fn a_draft_round_trips_without_its_access_key() {
        let original = draft();
        let (spec, progress) = encode(&original);
        for stored in [&spec, &progress] {
            assert!(!stored.contains("s3cr3t-bridge-key-value"), "{stored}");
            assert!(!stored.contains("accessKey"), "{stored}");
        }
        let back = decode(&spec, Some(&progress)).expect("decodes");
        assert_eq!(back.visited, original.visited);
        assert_eq!(back.raw, original.raw, "what was typed survives a reload");
        assert!(back.edited);
        let mut expected = original.spec;
        if let Some(bridge) = expected.bridge.as_mut() {
            bridge.access_key = None;
        }
        assert_eq!(back.spec, expected);
    }

    #[test]
    fn the_stored_spec_is_the_spec_file_format() {
        let (spec, progress) = encode(&draft());
        assert_eq!(
            PipelineSpec::from_json(&spec).expect("a spec file").name,
            "orders"
        );
        let value: serde_json::Value = serde_json::from_str(&progress).expect("json");
        assert_eq!(
            value["visited"],
            serde_json::json!(["connection", "table", "bucket"])
        );
        assert_eq!(value["edited"], true);
    }

    #[test]
    fn nothing_stored_is_no_draft_and_no_notice() {
        assert_eq!(read(None, None), Loaded::default());
        assert_eq!(
            read(None, Some(r#"{"visited":["table"]}"#)),
            Loaded::default()
        );
    }

    #[test]
    fn an_unreadable_draft_is_dropped_with_a_notice_naming_the_problem() {
        let loaded = read(Some("{not json"), None);
        assert_eq!(loaded.draft, None);
        assert!(loaded
            .notice
            .unwrap_or_default()
            .contains("could not be read"));

        let (spec, progress) = encode(&draft());
        let mut value: serde_json::Value = serde_json::from_str(&spec).expect("json");
        value["table"]["partitionKey"]["type"] = "X".into();
        let loaded = read(Some(&value.to_string()), Some(&progress));
        assert_eq!(loaded.draft, None);
        let notice = loaded.notice.unwrap_or_default();
        assert!(notice.contains("unknown variant `X`"), "{notice}");

        let mut value: serde_json::Value = serde_json::from_str(&spec).expect("json");
        value["version"] = 2.into();
        let notice = read(Some(&value.to_string()), None)
            .notice
            .unwrap_or_default();
        assert!(notice.contains("spec version 2"), "{notice}");
    }

    #[test]
    fn unreadable_progress_or_unknown_steps_are_forgotten_not_fatal() {
        let (spec, _) = encode(&draft());
        let back = decode(&spec, Some("garbage")).expect("decodes");
        assert_eq!(back.visited, BTreeSet::from([Step::Connection]));
        assert!(!back.edited);
        let back = decode(&spec, Some(r#"{"visited":["bucket","teleport"]}"#)).expect("decodes");
        assert_eq!(
            back.visited,
            BTreeSet::from([Step::Connection, Step::Bucket])
        );
        assert_eq!(decode(&spec, None).map(|d| d.visited.len()), Ok(1));
    }
}
