//! The pipeline's name and kind (on the Connection step, once connected), and how changing
//! either re-derives the settings still at their defaults.

use hoseline_pipeline::spec::{BucketSpec, PipelineKind, PipelineSpec, StreamSpec, Target};

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
/// are dropped, parts it adds come with their defaults. (Field by field rather than through
/// JSON values: serde_json's `Value` round trip of the spec costs the page's first load.)
pub fn rederive(spec: &PipelineSpec, name: &str, kind: PipelineKind) -> PipelineSpec {
    let old = template(spec.kind, &spec.name, &spec.target);
    let new = template(kind, name, &spec.target);
    let (b, ob, nb) = (&spec.bucket, &old.bucket, &new.bucket);
    let (s, os, ns) = (&spec.stream, &old.stream, &new.stream);
    let mut out = new.clone();
    out.bucket = BucketSpec {
        name: keep(&b.name, &ob.name, &nb.name),
        data_prefix: keep(&b.data_prefix, &ob.data_prefix, &nb.data_prefix),
        error_output_prefix: keep(
            &b.error_output_prefix,
            &ob.error_output_prefix,
            &nb.error_output_prefix,
        ),
        backup_mode: keep(&b.backup_mode, &ob.backup_mode, &nb.backup_mode),
        expiration_days: keep(&b.expiration_days, &ob.expiration_days, &nb.expiration_days),
        compression: keep(&b.compression, &ob.compression, &nb.compression),
        cors_allowed_origins: keep(
            &b.cors_allowed_origins,
            &ob.cors_allowed_origins,
            &nb.cors_allowed_origins,
        ),
    };
    out.stream = StreamSpec {
        name: keep(&s.name, &os.name, &ns.name),
        buffering_size_mb: keep(
            &s.buffering_size_mb,
            &os.buffering_size_mb,
            &ns.buffering_size_mb,
        ),
        buffering_interval_seconds: keep(
            &s.buffering_interval_seconds,
            &os.buffering_interval_seconds,
            &ns.buffering_interval_seconds,
        ),
        retry_duration_seconds: keep(
            &s.retry_duration_seconds,
            &os.retry_duration_seconds,
            &ns.retry_duration_seconds,
        ),
    };
    out.iam.firehose_role_name = keep(
        &spec.iam.firehose_role_name,
        &old.iam.firehose_role_name,
        &new.iam.firehose_role_name,
    );
    // Only a Firehose -> DynamoDB pipeline has a table, a bridge and its role.
    if kind == PipelineKind::Dynamodb {
        if let (Some(mut table), Some(old_t), Some(new_t)) =
            (spec.table.clone(), &old.table, &new.table)
        {
            table.name = keep(&table.name, &old_t.name, &new_t.name);
            out.table = Some(table);
        }
        if let (Some(mut bridge), Some(old_b), Some(new_b)) =
            (spec.bridge.clone(), &old.bridge, &new.bridge)
        {
            bridge.function_name = keep(
                &bridge.function_name,
                &old_b.function_name,
                &new_b.function_name,
            );
            bridge.reject_prefix = keep(
                &bridge.reject_prefix,
                &old_b.reject_prefix,
                &new_b.reject_prefix,
            );
            out.bridge = Some(bridge);
        }
        if old.iam.bridge_role_name.is_some() {
            out.iam.bridge_role_name = keep(
                &spec.iam.bridge_role_name,
                &old.iam.bridge_role_name,
                &new.iam.bridge_role_name,
            );
        }
    }
    out
}

/// The new default where the value is still the old default; otherwise the person's value.
fn keep<T: PartialEq + Clone>(mine: &T, old: &T, new: &T) -> T {
    if mine == old { new } else { mine }.clone()
}
