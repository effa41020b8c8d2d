//! Lambda: the bridge is invoked once per Firehose delivery; each invocation writes its items in
//! BatchWriteItem calls of 25, four at a time.
//!
//! The duration is an estimate, and says so: a fixed start (decoding, the response), about 15 ms
//! per round of concurrent BatchWriteItem calls in the same region, and the mapping's CPU time
//! (the bridge benchmark's 765,000 records/s on one core, scaled to the memory's CPU share: Lambda
//! gives one vCPU at 1,769 MB).

use super::display::count;
use super::prices::{LAMBDA_PER_GB_SECOND_X86, LAMBDA_PER_MILLION_REQUESTS};
use super::{LineItem, Service, Volume};
use crate::spec::BridgeSpec;

const START_MS: f64 = 10.0;
const BATCH_ROUND_MS: f64 = 15.0;
const ITEMS_PER_BATCH: f64 = 25.0;
/// The bridge's default `HOSELINE_MAX_IN_FLIGHT`.
const BATCHES_IN_FLIGHT: f64 = 4.0;
const BENCH_RECORDS_PER_SECOND: f64 = 765_000.0;
const MB_PER_VCPU: f64 = 1_769.0;

/// Estimated milliseconds for one invocation carrying `items`, billed to the next millisecond and
/// at most the function's timeout.
pub(crate) fn duration_ms(bridge: &BridgeSpec, items: f64) -> f64 {
    let rounds = (items / ITEMS_PER_BATCH).ceil() / BATCHES_IN_FLIGHT;
    let cpu_share = (f64::from(bridge.memory_size_mb) / MB_PER_VCPU).min(1.0);
    let cpu_ms = items * 1000.0 / BENCH_RECORDS_PER_SECOND / cpu_share;
    let ms = START_MS + rounds.ceil() * BATCH_ROUND_MS + cpu_ms;
    ms.ceil().min(f64::from(bridge.timeout_seconds) * 1000.0)
}

pub(super) fn line_items(bridge: &BridgeSpec, v: &Volume, deliveries: f64) -> Vec<LineItem> {
    let requests = deliveries * Volume::SECONDS;
    let items = if deliveries > 0.0 {
        (v.events_per_second() / deliveries).ceil()
    } else {
        0.0
    };
    let ms = if requests > 0.0 {
        duration_ms(bridge, items)
    } else {
        0.0
    };
    let memory_gb = f64::from(bridge.memory_size_mb) / 1024.0;
    vec![
        LineItem::new(
            Service::Lambda,
            "Requests (the bridge)",
            requests / 1e6,
            "million requests",
            LAMBDA_PER_MILLION_REQUESTS,
            format!("one per Firehose delivery: {} a month", count(requests)),
        ),
        LineItem::new(
            Service::Lambda,
            "Compute (the bridge)",
            requests * ms / 1000.0 * memory_gb,
            "GB-seconds",
            LAMBDA_PER_GB_SECOND_X86,
            format!(
                "{} invocations × ≈{} ms (an estimate for {} items: BatchWriteItem rounds of \
                 {BATCHES_IN_FLIGHT} × 25 items at ≈{BATCH_ROUND_MS} ms, plus decoding) × {} GB",
                count(requests),
                count(ms),
                count(items),
                memory_gb
            ),
        ),
    ]
}
