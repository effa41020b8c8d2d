//! DynamoDB: one item per event, its write units, and the table's storage.
//!
//! An item's size is estimated as the event's JSON bytes (an upper bound: DynamoDB counts names
//! and values, not JSON's quotes and braces) plus what the bridge adds: the TTL (a 10-digit number,
//! 6 bytes), the arrival time (24 characters) and a generated key (about 42 characters: the
//! request id, the record index and the line), each with its attribute name.

use super::display::{count, gb};
use super::prices::{
    DYNAMODB_ITEM_OVERHEAD_BYTES, DYNAMODB_PER_MILLION_WRU, DYNAMODB_PER_RCU_HOUR,
    DYNAMODB_PER_WCU_HOUR, DYNAMODB_STORAGE_PER_GB_MONTH,
};
use super::{LineItem, Service, Volume, BYTES_PER_GB, DAYS_PER_MONTH};
use crate::spec::{Billing, PipelineSpec, TableSpec};

const TTL_VALUE_BYTES: u64 = 6;
const ARRIVAL_VALUE_BYTES: u64 = 24;
const GENERATED_KEY_VALUE_BYTES: u64 = 42;
const HOURS_PER_MONTH: f64 = DAYS_PER_MONTH as f64 * 24.0;

/// The estimated item size and how it was reached.
pub(crate) fn item_bytes(spec: &PipelineSpec, table: &TableSpec, v: &Volume) -> (u64, String) {
    let mut bytes = u64::from(v.event_bytes);
    let mut parts = vec![format!("{} bytes of event", v.event_bytes)];
    let mut add = |what: &str, name: &str, value: u64| {
        let n = name.len() as u64 + value;
        bytes += n;
        parts.push(format!("{n} of {what}"));
    };
    if let Some(bridge) = &spec.bridge {
        if let (Some(attribute), Some(_)) = (&table.ttl_attribute, bridge.ttl_days) {
            add("TTL", attribute, TTL_VALUE_BYTES);
        }
        if let Some(attribute) = &bridge.arrival_attribute {
            add("arrival time", attribute, ARRIVAL_VALUE_BYTES);
        }
        if bridge.generate_missing_key {
            let key = table.sort_key.as_ref().unwrap_or(&table.partition_key);
            add(
                "generated key (when a record lacks it)",
                &key.name,
                GENERATED_KEY_VALUE_BYTES,
            );
        }
    }
    (bytes, format!("≈{bytes} bytes: {}", parts.join(" + ")))
}

/// Write units for one item: one per started KB.
fn write_units(item_bytes: u64) -> u64 {
    item_bytes.div_ceil(1024).max(1)
}

pub(super) fn line_items(spec: &PipelineSpec, table: &TableSpec, v: &Volume) -> Vec<LineItem> {
    let (item, how) = item_bytes(spec, table, v);
    let wru = write_units(item);
    let mut items = match &table.billing {
        Billing::OnDemand => {
            let units = v.events_per_month() * wru as f64;
            vec![LineItem::new(
                Service::DynamoDB,
                "Writes (on demand)",
                units / 1e6,
                "million write request units",
                DYNAMODB_PER_MILLION_WRU,
                format!(
                    "{} items × {wru} WRU (one per started KB of an item of {how})",
                    count(v.events_per_month())
                ),
            )]
        }
        Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            auto_scaling,
        } => {
            let needed = v.events_per_second() * wru as f64;
            let (wcu, mut note) = match auto_scaling {
                Some(s) => {
                    let scaled = (needed * 100.0 / f64::from(s.target_utilization.max(1))).ceil();
                    let wcu = scaled.clamp(f64::from(s.min_capacity), f64::from(s.max_capacity));
                    (
                        wcu,
                        format!(
                            "auto scaling's estimate: {} WCU used ({} items/s × {wru} WRU, an item \
                             of {how}) at {}% target utilisation = {} WCU, within {}-{}",
                            count(needed),
                            count(v.events_per_second()),
                            s.target_utilization,
                            count(wcu),
                            s.min_capacity,
                            s.max_capacity
                        ),
                    )
                }
                None => (
                    f64::from(*write_capacity_units),
                    format!(
                        "{write_capacity_units} WCU provisioned; {} WCU used ({} items/s × {wru} \
                         WRU, an item of {how})",
                        count(needed),
                        count(v.events_per_second())
                    ),
                ),
            };
            if needed > wcu {
                note.push_str(
                    "; needs more than this: writes will be throttled and Firehose will retry",
                );
            }
            vec![
                LineItem::new(
                    Service::DynamoDB,
                    "Write capacity (provisioned)",
                    wcu * HOURS_PER_MONTH,
                    "WCU-hours",
                    DYNAMODB_PER_WCU_HOUR,
                    format!("{} WCU × 720 hours; {note}", count(wcu)),
                ),
                LineItem::new(
                    Service::DynamoDB,
                    "Read capacity (provisioned)",
                    f64::from(*read_capacity_units) * HOURS_PER_MONTH,
                    "RCU-hours",
                    DYNAMODB_PER_RCU_HOUR,
                    format!("{read_capacity_units} RCU × 720 hours, used or not"),
                ),
            ]
        }
    };
    items.push(storage(spec, table, v, item));
    items
}

/// Storage grows through the month; a TTL keeps at most `ttl_days` of items.
fn storage(spec: &PipelineSpec, table: &TableSpec, v: &Volume, item: u64) -> LineItem {
    let stored_item = item + DYNAMODB_ITEM_OVERHEAD_BYTES;
    let per_day = v.events_per_second() * 86_400.0 * stored_item as f64 / BYTES_PER_GB;
    let ttl_days = match (
        &table.ttl_attribute,
        spec.bridge.as_ref().and_then(|b| b.ttl_days),
    ) {
        (Some(_), Some(days)) => Some(days),
        _ => None,
    };
    let average = average_stored(per_day, ttl_days);
    let bound = match ttl_days {
        Some(days) => format!(
            "TTL keeps {days} days: {} GB at steady state (TTL deletes within a few days of expiry)",
            gb(per_day * f64::from(days))
        ),
        None => format!(
            "no TTL: it keeps growing by {} GB a month",
            gb(per_day * f64::from(DAYS_PER_MONTH))
        ),
    };
    LineItem::new(
        Service::DynamoDB,
        "Storage",
        average,
        "GB-month",
        DYNAMODB_STORAGE_PER_GB_MONTH,
        format!(
            "the first month's average, growing by {} GB a day ({} items of {stored_item} bytes \
             with DynamoDB's 100-byte overhead); {bound}",
            gb(per_day),
            count(v.events_per_second() * 86_400.0)
        ),
    )
}

/// The average stored over the first month when `per_day` arrives each day and data older than
/// `keep_days` goes: it grows linearly, then stays.
pub(crate) fn average_stored(per_day: f64, keep_days: Option<u32>) -> f64 {
    let month = f64::from(DAYS_PER_MONTH);
    match keep_days {
        Some(days) if f64::from(days) < month => {
            let d = f64::from(days);
            per_day * (d * d / 2.0 + d * (month - d)) / month
        }
        _ => per_day * month / 2.0,
    }
}
