//! The Delivery stream step's fields: the stream, and how the bridge maps its records.

use hoseline_pipeline::spec::{BridgeSpec, PipelineSpec};

use super::{always, dynamodb, flag, non_empty, FieldDef, Input, Write};

fn bridge(spec: &PipelineSpec) -> Option<&BridgeSpec> {
    spec.bridge.as_ref()
}

fn has_bridge(spec: &PipelineSpec) -> bool {
    spec.bridge.is_some()
}

pub(super) static FIELDS: [FieldDef; 9] = [
    FieldDef {
        path: "stream.name",
        label: "Delivery stream name",
        description: "The Firehose delivery stream your producers send records to \
                      (PutRecordBatch).",
        input: Input::Text,
        shown: always,
        read: |s| s.stream.name.clone(),
        write: Write::Spec(|s, v| v.clone_into(&mut s.stream.name)),
    },
    FieldDef {
        path: "stream.bufferingSizeMb",
        label: "Buffer size (MB)",
        description: "Firehose delivers a batch once this much has arrived, or when the \
                      interval below ends, whichever comes first.",
        input: Input::Number { optional: false },
        shown: always,
        read: |s| s.stream.buffering_size_mb.to_string(),
        write: Write::Number(|s, v| {
            if let Some(v) = v {
                s.stream.buffering_size_mb = v;
            }
        }),
    },
    FieldDef {
        path: "stream.bufferingIntervalSeconds",
        label: "Buffer interval (seconds)",
        description: "The longest a record waits in the buffer: shorter means fresher data, \
                      longer means fewer, larger deliveries.",
        input: Input::Number { optional: false },
        shown: always,
        read: |s| s.stream.buffering_interval_seconds.to_string(),
        write: Write::Number(|s, v| {
            if let Some(v) = v {
                s.stream.buffering_interval_seconds = v;
            }
        }),
    },
    FieldDef {
        path: "stream.retryDurationSeconds",
        label: "Retry duration (seconds)",
        description: "How long Firehose keeps retrying a batch the bridge did not accept \
                      before it backs the batch up to S3.",
        input: Input::Number { optional: false },
        shown: dynamodb,
        read: |s| s.stream.retry_duration_seconds.to_string(),
        write: Write::Number(|s, v| {
            if let Some(v) = v {
                s.stream.retry_duration_seconds = v;
            }
        }),
    },
    FieldDef {
        path: "bridge.generateMissingKey",
        label: "Generate a key for records without one",
        description: "A record missing the key attributes gets a key made from its own bytes, \
                      so a retried batch rewrites the same items instead of adding copies. Off: \
                      such records are rejected to S3.",
        input: Input::Toggle,
        shown: has_bridge,
        read: |s| flag(bridge(s).is_some_and(|b| b.generate_missing_key)),
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                b.generate_missing_key = v == "true";
            }
        }),
    },
    FieldDef {
        path: "bridge.ttlDays",
        label: "Items expire after (days)",
        description: "The bridge writes each item's expiry, this many days after it arrives, \
                      into the table's time to live attribute. Leave empty to keep items.",
        input: Input::Number { optional: true },
        shown: has_bridge,
        read: |s| {
            bridge(s)
                .and_then(|b| b.ttl_days)
                .map(|d| d.to_string())
                .unwrap_or_default()
        },
        write: Write::Number(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                b.ttl_days = v;
            }
        }),
    },
    FieldDef {
        path: "bridge.arrivalAttribute",
        label: "Arrival time attribute",
        description: "An attribute the bridge adds to each item with the time it arrived \
                      (ISO 8601, UTC). Leave empty for none.",
        input: Input::Text,
        shown: has_bridge,
        read: |s| {
            bridge(s)
                .and_then(|b| b.arrival_attribute.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                b.arrival_attribute = non_empty(v);
            }
        }),
    },
    FieldDef {
        path: "bridge.copyCommonAttributes",
        label: "Copy Firehose's common attributes",
        description: "Adds the attributes Firehose sends with each delivery to every item.",
        input: Input::Toggle,
        shown: has_bridge,
        read: |s| flag(bridge(s).is_some_and(|b| b.copy_common_attributes)),
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                b.copy_common_attributes = v == "true";
            }
        }),
    },
    FieldDef {
        path: "bridge.rejectPrefix",
        label: "Reject prefix",
        description: "Where in the bucket the bridge writes records it cannot turn into items \
                      (not JSON, a key of the wrong type), under YYYY/MM/DD/HH/.",
        input: Input::Text,
        shown: has_bridge,
        read: |s| {
            bridge(s)
                .map(|b| b.reject_prefix.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(b) = s.bridge.as_mut() {
                v.clone_into(&mut b.reject_prefix);
            }
        }),
    },
];
