//! Firehose: ingestion billed per record rounded up to 5 KB, delivery at no extra charge, how
//! often the buffer flushes (the bridge's invocations, S3's PUTs), and the saving from packing.

use serde::Serialize;

use super::display::{count, gb};
use super::prices::{
    FIREHOSE_DELIVERY_PER_GB, FIREHOSE_FIRST_TIER_GB, FIREHOSE_INGESTION_PER_GB,
    FIREHOSE_RECORD_ROUNDING_BYTES,
};
use super::{LineItem, Service, Volume, BYTES_PER_GB};
use crate::spec::{PipelineKind, PipelineSpec};

/// A record is at most 1,000 KiB before base64.
pub(super) const MAX_RECORD_BYTES: u32 = 1_024_000;
/// An HTTP endpoint request carries at most 10,000 records.
const MAX_RECORDS_PER_REQUEST: f64 = 10_000.0;
const MIB: f64 = 1_048_576.0;

/// The bytes Firehose bills for one record: a multiple of 5 KB, at least one.
pub(crate) fn billed_record_bytes(record_bytes: u32) -> u64 {
    u64::from(record_bytes)
        .div_ceil(FIREHOSE_RECORD_ROUNDING_BYTES)
        .max(1)
        * FIREHOSE_RECORD_ROUNDING_BYTES
}

/// GB billed in a month for `records_per_month` records of `record_bytes`.
fn billed_gb(records_per_month: f64, record_bytes: u32) -> f64 {
    records_per_month * billed_record_bytes(record_bytes) as f64 / BYTES_PER_GB
}

pub(super) fn line_items(spec: &PipelineSpec, v: &Volume) -> Vec<LineItem> {
    let billed = billed_gb(v.records_per_month(), v.record_bytes);
    let raw = v.bytes_per_second() * Volume::SECONDS / BYTES_PER_GB;
    let mut note = format!(
        "{} records × {} bytes billed as {} KB each (every record rounds up to 5 KB) = {} GB; \
         the data itself is {} GB",
        count(v.records_per_month()),
        count(f64::from(v.record_bytes)),
        billed_record_bytes(v.record_bytes) / 1024,
        gb(billed),
        gb(raw),
    );
    if billed > FIREHOSE_FIRST_TIER_GB {
        note.push_str("; beyond 500 TB a month lower tiers apply, this prices all at the first");
    }
    let destination = match spec.kind {
        PipelineKind::Dynamodb => "Delivery to the HTTP endpoint (the bridge)",
        PipelineKind::S3 => "Delivery to S3",
    };
    vec![
        LineItem::new(
            Service::Firehose,
            "Ingestion (Direct PUT)",
            billed,
            "GB",
            FIREHOSE_INGESTION_PER_GB,
            note,
        ),
        LineItem::new(
            Service::Firehose,
            destination,
            raw,
            "GB",
            FIREHOSE_DELIVERY_PER_GB,
            "no Firehose charge beyond ingestion without optional features (format conversion, \
             dynamic partitioning, VPC delivery), per the Firehose pricing page; data transfer \
             may apply"
                .to_owned(),
        ),
    ]
}

/// How often the stream's buffer flushes: when it holds the buffering size or when the interval
/// passes, whichever is first (an interval of 0 counted as a second); for the HTTP endpoint also
/// every 10,000 records. Never more often than records arrive.
pub(crate) fn deliveries_per_second(spec: &PipelineSpec, v: &Volume) -> f64 {
    if v.records_per_second <= 0.0 {
        return 0.0;
    }
    let by_size = v.bytes_per_second() / (f64::from(spec.stream.buffering_size_mb.max(1)) * MIB);
    let by_time = 1.0 / f64::from(spec.stream.buffering_interval_seconds.max(1));
    let mut rate = by_size.max(by_time);
    if spec.kind == PipelineKind::Dynamodb {
        rate = rate.max(v.records_per_second / MAX_RECORDS_PER_REQUEST);
    }
    rate.min(v.records_per_second)
}

/// Firehose ingestion with the events as they are sent, and packed as tightly as 5 KB records
/// allow (newline-delimited: the bridge makes one item of each line).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackingSaving {
    pub event_bytes: u32,
    pub events_per_record_now: u32,
    pub events_per_record_packed: u32,
    pub record_bytes_now: u32,
    pub record_bytes_packed: u32,
    pub records_per_second_now: f64,
    pub records_per_second_packed: f64,
    pub billed_gb_now: f64,
    pub billed_gb_packed: f64,
    pub monthly_usd_now: f64,
    pub monthly_usd_packed: f64,
    pub monthly_saving_usd: f64,
    pub note: String,
}

pub(super) fn packing(v: &Volume) -> Option<PackingSaving> {
    let e = v.event_bytes;
    if e == 0 || v.records_per_second <= 0.0 {
        return None;
    }
    // N events and N - 1 newlines within one 5 KB unit.
    let rounding = FIREHOSE_RECORD_ROUNDING_BYTES as u32;
    let packed = (rounding + 1) / (e + 1);
    if packed <= v.events_per_record {
        return None;
    }
    let packed_bytes = packed * e + packed - 1;
    let records_packed = v.events_per_second() / f64::from(packed);
    let billed_now = billed_gb(v.records_per_month(), v.record_bytes);
    let billed_packed = billed_gb(records_packed * Volume::SECONDS, packed_bytes);
    let (usd_now, usd_packed) = (
        billed_now * FIREHOSE_INGESTION_PER_GB,
        billed_packed * FIREHOSE_INGESTION_PER_GB,
    );
    Some(PackingSaving {
        event_bytes: e,
        events_per_record_now: v.events_per_record,
        events_per_record_packed: packed,
        record_bytes_now: v.record_bytes,
        record_bytes_packed: packed_bytes,
        records_per_second_now: v.records_per_second,
        records_per_second_packed: records_packed,
        billed_gb_now: billed_now,
        billed_gb_packed: billed_packed,
        monthly_usd_now: usd_now,
        monthly_usd_packed: usd_packed,
        monthly_saving_usd: usd_now - usd_packed,
        note: format!(
            "{packed} events of {e} bytes per record, newline-delimited ({packed_bytes} bytes, \
             within one 5 KB unit): the bridge still writes one item per event, so DynamoDB \
             costs do not change"
        ),
    })
}
