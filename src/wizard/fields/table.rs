//! The DynamoDB table step's fields.

use hoseline_pipeline::mapping::KeyKind;
use hoseline_pipeline::spec::{AutoScaling, Billing, KeySpec, PipelineSpec, TableSpec};

use super::{flag, non_empty, Choice, FieldDef, Input, Write};

const KEY_TYPES: &[Choice] = &[("S", "String"), ("N", "Number"), ("B", "Binary")];
const BILLING: &[Choice] = &[
    ("onDemand", "On demand (pay per request)"),
    ("provisioned", "Provisioned (capacity units)"),
];

/// Provisioned capacity a table starts with when switched from on demand: small, and auto
/// scaled so a burst from Firehose is absorbed rather than throttled.
const START_UNITS: u32 = 5;
const START_SCALING: AutoScaling = AutoScaling {
    min_capacity: 5,
    max_capacity: 100,
    target_utilization: 70,
};

fn has_table(spec: &PipelineSpec) -> bool {
    spec.table.is_some()
}

fn table(spec: &PipelineSpec) -> Option<&TableSpec> {
    spec.table.as_ref()
}

fn table_mut(spec: &mut PipelineSpec) -> Option<&mut TableSpec> {
    spec.table.as_mut()
}

fn key_type(kind: KeyKind) -> String {
    match kind {
        KeyKind::S => "S",
        KeyKind::N => "N",
        KeyKind::B => "B",
    }
    .to_owned()
}

fn parse_key_type(text: &str) -> KeyKind {
    match text {
        "N" => KeyKind::N,
        "B" => KeyKind::B,
        _ => KeyKind::S,
    }
}

fn provisioned(spec: &PipelineSpec) -> bool {
    matches!(
        table(spec).map(|t| &t.billing),
        Some(Billing::Provisioned { .. })
    )
}

fn scaling(spec: &PipelineSpec) -> Option<&AutoScaling> {
    match table(spec).map(|t| &t.billing) {
        Some(Billing::Provisioned { auto_scaling, .. }) => auto_scaling.as_ref(),
        _ => None,
    }
}

fn scaling_mut(spec: &mut PipelineSpec) -> Option<&mut AutoScaling> {
    match table_mut(spec).map(|t| &mut t.billing) {
        Some(Billing::Provisioned { auto_scaling, .. }) => auto_scaling.as_mut(),
        _ => None,
    }
}

/// (read, write) capacity units of a provisioned table.
fn units(spec: &PipelineSpec) -> Option<(u32, u32)> {
    match table(spec).map(|t| &t.billing) {
        Some(Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            ..
        }) => Some((*read_capacity_units, *write_capacity_units)),
        _ => None,
    }
}

fn units_mut(spec: &mut PipelineSpec) -> Option<(&mut u32, &mut u32)> {
    match table_mut(spec).map(|t| &mut t.billing) {
        Some(Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            ..
        }) => Some((read_capacity_units, write_capacity_units)),
        _ => None,
    }
}

fn number(value: Option<u32>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub(super) static FIELDS: [FieldDef; 14] = [
    FieldDef {
        path: "table.name",
        label: "Table name",
        description: "The DynamoDB table every record lands in, as one item.",
        input: Input::Text,
        shown: has_table,
        read: |s| table(s).map(|t| t.name.clone()).unwrap_or_default(),
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                v.clone_into(&mut t.name);
            }
        }),
    },
    FieldDef {
        path: "table.partitionKey.name",
        label: "Partition key",
        description: "The attribute DynamoDB spreads items over its partitions by. Records carry \
                      it by this name; pick one with many distinct values (a device, user or \
                      ticker id).",
        input: Input::Text,
        shown: has_table,
        read: |s| {
            table(s)
                .map(|t| t.partition_key.name.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                v.clone_into(&mut t.partition_key.name);
            }
        }),
    },
    FieldDef {
        path: "table.partitionKey.type",
        label: "Partition key type",
        description: "The DynamoDB type of the partition key's values.",
        input: Input::Choice(KEY_TYPES),
        shown: has_table,
        read: |s| {
            table(s)
                .map(|t| key_type(t.partition_key.key_type))
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                t.partition_key.key_type = parse_key_type(v);
            }
        }),
    },
    FieldDef {
        path: "table.sortKey.name",
        label: "Sort key",
        description: "Orders the items that share a partition key value. With a generated key \
                      (Delivery step) every record becomes its own item. Leave empty for a \
                      partition key alone.",
        input: Input::Text,
        shown: has_table,
        read: |s| {
            table(s)
                .and_then(|t| t.sort_key.as_ref())
                .map(|k| k.name.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                let kind = t.sort_key.as_ref().map_or(KeyKind::S, |k| k.key_type);
                t.sort_key = non_empty(v).map(|name| KeySpec {
                    name,
                    key_type: kind,
                });
            }
        }),
    },
    FieldDef {
        path: "table.sortKey.type",
        label: "Sort key type",
        description: "The DynamoDB type of the sort key's values.",
        input: Input::Choice(KEY_TYPES),
        shown: |s| table(s).is_some_and(|t| t.sort_key.is_some()),
        read: |s| {
            table(s)
                .and_then(|t| t.sort_key.as_ref())
                .map(|k| key_type(k.key_type))
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(k) = table_mut(s).and_then(|t| t.sort_key.as_mut()) {
                k.key_type = parse_key_type(v);
            }
        }),
    },
    FieldDef {
        path: "table.billing.mode",
        label: "Capacity mode",
        description: "On demand bills each write and absorbs bursts without planning. \
                      Provisioned reserves capacity units per second: cheaper when steady, \
                      throttled above them unless auto scaling raises them.",
        input: Input::Choice(BILLING),
        shown: has_table,
        read: |s| {
            if provisioned(s) {
                "provisioned"
            } else {
                "onDemand"
            }
            .to_owned()
        },
        write: Write::Spec(|s, v| {
            let want = v == "provisioned";
            let now = provisioned(s);
            if let Some(t) = table_mut(s).filter(|_| want != now) {
                t.billing = if want {
                    Billing::Provisioned {
                        read_capacity_units: START_UNITS,
                        write_capacity_units: START_UNITS,
                        auto_scaling: Some(START_SCALING),
                    }
                } else {
                    Billing::OnDemand
                };
            }
        }),
    },
    FieldDef {
        path: "table.billing.readCapacityUnits",
        label: "Read capacity units",
        description: "Strongly consistent reads of up to 4 KB per second; the console's item \
                      browser and your readers use them.",
        input: Input::Number { optional: false },
        shown: provisioned,
        read: |s| number(units(s).map(|u| u.0)),
        write: Write::Number(|s, v| {
            if let (Some((read, _)), Some(v)) = (units_mut(s), v) {
                *read = v;
            }
        }),
    },
    FieldDef {
        path: "table.billing.writeCapacityUnits",
        label: "Write capacity units",
        description: "Writes of up to 1 KB per second: the bridge's BatchWriteItem calls use \
                      them. Where auto scaling starts.",
        input: Input::Number { optional: false },
        shown: provisioned,
        read: |s| number(units(s).map(|u| u.1)),
        write: Write::Number(|s, v| {
            if let (Some((_, write)), Some(v)) = (units_mut(s), v) {
                *write = v;
            }
        }),
    },
    FieldDef {
        path: "table.billing.autoScaling",
        label: "Auto scale the write capacity",
        description: "Application Auto Scaling raises the write capacity when Firehose sends \
                      more and lowers it after, so bursts are not throttled into the S3 backup.",
        input: Input::Toggle,
        shown: provisioned,
        read: |s| flag(scaling(s).is_some()),
        write: Write::Spec(|s, v| {
            if let Some(Billing::Provisioned { auto_scaling, .. }) =
                table_mut(s).map(|t| &mut t.billing)
            {
                *auto_scaling = (v == "true").then_some(START_SCALING);
            }
        }),
    },
    FieldDef {
        path: "table.billing.autoScaling.minCapacity",
        label: "Minimum write capacity",
        description: "Auto scaling never goes below this many write capacity units.",
        input: Input::Number { optional: false },
        shown: |s| scaling(s).is_some(),
        read: |s| number(scaling(s).map(|a| a.min_capacity)),
        write: Write::Number(|s, v| {
            if let (Some(a), Some(v)) = (scaling_mut(s), v) {
                a.min_capacity = v;
            }
        }),
    },
    FieldDef {
        path: "table.billing.autoScaling.maxCapacity",
        label: "Maximum write capacity",
        description: "Auto scaling never goes above this many: the most a burst can cost.",
        input: Input::Number { optional: false },
        shown: |s| scaling(s).is_some(),
        read: |s| number(scaling(s).map(|a| a.max_capacity)),
        write: Write::Number(|s, v| {
            if let (Some(a), Some(v)) = (scaling_mut(s), v) {
                a.max_capacity = v;
            }
        }),
    },
    FieldDef {
        path: "table.billing.autoScaling.targetUtilization",
        label: "Target utilization",
        description: "The share of the write capacity auto scaling keeps in use, in percent: \
                      lower leaves more headroom for bursts.",
        input: Input::Number { optional: false },
        shown: |s| scaling(s).is_some(),
        read: |s| number(scaling(s).map(|a| a.target_utilization)),
        write: Write::Number(|s, v| {
            if let (Some(a), Some(v)) = (scaling_mut(s), v) {
                a.target_utilization = v;
            }
        }),
    },
    FieldDef {
        path: "table.ttlAttribute",
        label: "Time to live attribute",
        description: "DynamoDB deletes an item, at no cost, once the time in this attribute \
                      (epoch seconds) has passed; the bridge fills it (Delivery step). Leave \
                      empty to keep items forever.",
        input: Input::Text,
        shown: has_table,
        read: |s| {
            table(s)
                .and_then(|t| t.ttl_attribute.clone())
                .unwrap_or_default()
        },
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                t.ttl_attribute = non_empty(v);
            }
        }),
    },
    FieldDef {
        path: "table.pointInTimeRecovery",
        label: "Point-in-time recovery",
        description: "Continuous backups: restore the table to any second of the last 35 days. \
                      Billed per GB-month of table size.",
        input: Input::Toggle,
        shown: has_table,
        read: |s| flag(table(s).is_some_and(|t| t.point_in_time_recovery)),
        write: Write::Spec(|s, v| {
            if let Some(t) = table_mut(s) {
                t.point_in_time_recovery = v == "true";
            }
        }),
    },
];
