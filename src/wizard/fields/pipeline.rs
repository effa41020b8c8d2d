//! The pipeline's name and kind (on the Connection step, once connected), and how changing
//! either re-derives the settings still at their defaults.

use hoseline_pipeline::spec::{PipelineKind, PipelineSpec, Target};
use serde_json::Value;

use super::{always, Choice, FieldDef, Input, Write};
use crate::draft::model::Draft;

const KINDS: &[Choice] = &[
    (
        "dynamodb",
        "Firehose to DynamoDB (through the bridge), with S3 backup",
    ),
    ("s3", "Firehose to S3"),
];

pub(super) static FIELDS: [FieldDef; 2] = [
    FieldDef {
        path: "name",
        label: "Pipeline name",
        description: "Every resource's default name derives from it (demo-tickers, \
                      demo-stream...); renaming renames those you have not changed.",
        input: Input::Text,
        shown: always,
        read: |s| s.name.clone(),
        write: Write::Draft(|d, v| d.spec = rederive(&d.spec, v, d.spec.kind)),
    },
    FieldDef {
        path: "kind",
        label: "Destination",
        description: "DynamoDB: records become items in a table, through Hoseline's bridge, \
                      and S3 keeps what fails. S3: records are stored as objects in the bucket.",
        input: Input::Choice(KINDS),
        shown: always,
        read: |s| {
            match s.kind {
                PipelineKind::Dynamodb => "dynamodb",
                PipelineKind::S3 => "s3",
            }
            .to_owned()
        },
        write: Write::Draft(switch_kind),
    },
];

/// Switches the kind. The table, bridge and bridge role an S3 pipeline has no use for are set
/// aside, and come back (renamed if the pipeline was) when switching back.
fn switch_kind(draft: &mut Draft, text: &str) {
    let kind = if text == "s3" {
        PipelineKind::S3
    } else {
        PipelineKind::Dynamodb
    };
    if kind == draft.spec.kind {
        return;
    }
    let mut next = rederive(&draft.spec, &draft.spec.name, kind);
    match kind {
        PipelineKind::S3 => draft.set_aside = Some(Box::new(draft.spec.clone())),
        PipelineKind::Dynamodb => {
            if let Some(old) = draft.set_aside.take() {
                let old = rederive(&old, &next.name, PipelineKind::Dynamodb);
                next.table = old.table;
                next.bridge = old.bridge;
                next.iam.bridge_role_name = old.iam.bridge_role_name;
            }
        }
    }
    draft.spec = next;
}

/// The default spec of `kind` named `name`, on `target`.
fn template(kind: PipelineKind, name: &str, target: &Target) -> PipelineSpec {
    let mut spec = match kind {
        PipelineKind::Dynamodb => PipelineSpec::local_dynamodb(name),
        PipelineKind::S3 => PipelineSpec::local_s3(name),
    };
    spec.target = target.clone();
    spec
}

/// `spec` renamed to `name` as a pipeline of `kind`: each setting still equal to the old name's
/// and kind's default takes the new one's (`demo-tickers` becomes `orders-tickers`, a 1 MB
/// bridge buffer becomes S3's 5 MB); what the person changed stays. Parts the new kind lacks
/// are dropped, parts it adds come with their defaults.
pub fn rederive(spec: &PipelineSpec, name: &str, kind: PipelineKind) -> PipelineSpec {
    let old = template(spec.kind, &spec.name, &spec.target);
    let new = template(kind, name, &spec.target);
    let values = (
        serde_json::to_value(spec),
        serde_json::to_value(&old),
        serde_json::to_value(&new),
    );
    let (Ok(mut current), Ok(old), Ok(new)) = values else {
        return spec.clone();
    };
    merge(&mut current, &old, &new);
    serde_json::from_value(current).unwrap_or_else(|_| spec.clone())
}

fn merge(current: &mut Value, old: &Value, new: &Value) {
    match (current, new) {
        (Value::Object(here), Value::Object(wanted)) => {
            for (key, value) in wanted {
                let before = old.get(key);
                match here.get_mut(key) {
                    Some(mine) => merge(mine, before.unwrap_or(&Value::Null), value),
                    // Only a part the old kind lacked: one the person removed stays removed.
                    None if before.is_none() => {
                        here.insert(key.clone(), value.clone());
                    }
                    None => {}
                }
            }
            here.retain(|key, _| wanted.get(key).is_some() || old.get(key).is_none());
        }
        (mine, wanted) => {
            if mine == old {
                *mine = wanted.clone();
            }
        }
    }
}
