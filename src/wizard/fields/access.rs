//! The Access step's fields: the IAM roles, the bridge Lambda, the bridge's access key, and
//! the local bridge's address.

use hoseline_pipeline::spec::{AccessKey, BridgeSpec, PipelineKind, PipelineSpec, Target};

use super::{dynamodb, non_empty, FieldDef, Input, Write};

/// The bridge runs as a Lambda: a Firehose -> DynamoDB pipeline on AWS.
fn lambda(spec: &PipelineSpec) -> bool {
    spec.kind == PipelineKind::Dynamodb && !spec.target.is_local()
}

/// The bridge is the shared local server: a Firehose -> DynamoDB pipeline on the emulator.
fn local_bridge(spec: &PipelineSpec) -> bool {
    spec.kind == PipelineKind::Dynamodb && spec.target.is_local()
}

fn bridge(spec: &PipelineSpec) -> Option<&BridgeSpec> {
    spec.bridge.as_ref()
}

fn number(spec: &PipelineSpec, f: fn(&BridgeSpec) -> u32) -> String {
    bridge(spec).map(|b| f(b).to_string()).unwrap_or_default()
}

pub(super) static FIELDS: [FieldDef; 7] = [
    FieldDef {
        path: "iam.firehoseRoleName",
        label: "Firehose role name",
        description: "The IAM role Firehose assumes to write to the bucket. Its policy allows \
                      only the S3 actions delivery needs, on this bucket alone (least privilege).",
        input: Input::Text,
        shown: |_| true,
        read: |s| s.iam.firehose_role_name.clone(),
        write: Write::Spec(|s, v| v.clone_into(&mut s.iam.firehose_role_name)),
    },
    FieldDef {
        path: "iam.bridgeRoleName",
        label: "Bridge role name",
        description: "The bridge Lambda's execution role: DescribeTable and BatchWriteItem on \
                      this table, PutObject under the reject prefix, and its own logs; nothing \
                      else (least privilege).",
        input: Input::Text,
        shown: lambda,
        read: |s| s.iam.bridge_role_name.clone().unwrap_or_default(),
        write: Write::Spec(|s, v| s.iam.bridge_role_name = non_empty(v)),
    },
    FieldDef {
        path: "bridge.functionName",
        label: "Bridge function name",
        description: "The Lambda function that turns each Firehose batch into DynamoDB items, \
                      behind a function URL Firehose posts to.",
        input: Input::Text,
        shown: lambda,
        read: |s| {
            bridge(s)
                .map(|b| b.function_name.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                v.clone_into(&mut b.function_name);
            }
        }),
    },
    FieldDef {
        path: "bridge.memorySizeMb",
        label: "Bridge memory (MB)",
        description: "Lambda gives CPU in proportion to memory; 256 MB maps a 4 MB batch \
                      comfortably.",
        input: Input::Number { optional: false },
        shown: lambda,
        read: |s| number(s, |b| b.memory_size_mb),
        write: Write::Number(|s, v| {
            if let (Some(b), Some(v)) = (s.bridge.as_mut(), v) {
                b.memory_size_mb = v;
            }
        }),
    },
    FieldDef {
        path: "bridge.timeoutSeconds",
        label: "Bridge timeout (seconds)",
        description: "How long one delivery may run. It must cover the bridge's 90 s write \
                      budget; Firehose waits up to 3 minutes for an answer.",
        input: Input::Number { optional: false },
        shown: lambda,
        read: |s| number(s, |b| b.timeout_seconds),
        write: Write::Number(|s, v| {
            if let (Some(b), Some(v)) = (s.bridge.as_mut(), v) {
                b.timeout_seconds = v;
            }
        }),
    },
    FieldDef {
        path: "bridge.accessKey",
        label: "Bridge access key",
        description: "The secret Firehose sends with every delivery and the bridge checks. \
                      Leave empty and a random 256-bit key is made when you choose Create. It is \
                      never saved in this browser's storage: a key typed here lasts until the \
                      page is closed.",
        input: Input::Secret,
        shown: dynamodb,
        read: |s| {
            bridge(s)
                .and_then(|b| b.access_key.as_ref())
                .map(|k| k.expose().to_owned())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                b.access_key = non_empty(v).map(AccessKey::new);
            }
        }),
    },
    FieldDef {
        path: "target.bridgeUrl",
        label: "Local bridge URL",
        description: "Where `hoseline bridge serve` listens (scripts/run.sh starts it). The \
                      stream posts to it with the table, bucket and mapping options in the URL.",
        input: Input::Text,
        shown: local_bridge,
        read: |s| match &s.target {
            Target::Local { bridge_url, .. } => bridge_url.clone(),
            Target::Aws { .. } => String::new(),
        },
        write: Write::Spec(|s, v| {
            if let Target::Local { bridge_url, .. } = &mut s.target {
                v.clone_into(bridge_url);
            }
        }),
    },
];
