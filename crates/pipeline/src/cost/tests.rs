//! Hand-computed estimates. A month is 2,592,000 s; a GB 1,073,741,824 bytes.

use super::*;
use crate::spec::{AutoScaling, BackupMode, Billing};

const MONTH: f64 = 2_592_000.0;
const GB: f64 = 1_073_741_824.0;

fn close(got: f64, want: f64) {
    assert!(
        (got - want).abs() <= 1e-9 * want.abs().max(1.0),
        "got {got}, want {want}"
    );
}

fn item<'a>(e: &'a CostEstimate, name: &str) -> &'a LineItem {
    e.line_items
        .iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no line item {name:?} in {:?}", e.line_items))
}

fn dynamodb() -> PipelineSpec {
    PipelineSpec::aws_dynamodb("demo", "us-east-1")
}

fn s3() -> PipelineSpec {
    PipelineSpec::aws_s3("demo", "us-east-1")
}

// aws-facts.md (Firehose pricing): 100 records/s of 300 bytes for 30 days bill about 1.24 TB,
// not 72 GB, because each record is rounded up to 5 KB.
#[test]
fn firehose_bills_every_record_as_5_kb() {
    let e = estimate(&s3(), Load::new(100.0, 300));
    let ingestion = item(&e, "Ingestion (Direct PUT)");
    let billed = 259_200_000.0 * 5120.0 / GB;
    close(ingestion.quantity, billed);
    close(billed, 1_235.961_914_062_5);
    assert!((billed / 1000.0 - 1.24).abs() < 0.005, "about 1.24 TB");
    close(ingestion.monthly_usd, billed * 0.029);
    assert_eq!(format!("{:.2}", ingestion.monthly_usd), "35.84");
    // The data itself is 72 GB, and delivering it costs nothing more.
    let delivery = item(&e, "Delivery to S3");
    close(delivery.quantity, 100.0 * 300.0 * MONTH / GB);
    assert_eq!(format!("{:.1}", delivery.quantity), "72.4");
    assert_eq!(delivery.monthly_usd, 0.0);
}

// "A 3 KB record is billed as 5 KB, a 12 KB record as 15 KB" (Firehose pricing page).
#[test]
fn records_round_up_to_multiples_of_5_kb() {
    use super::firehose::billed_record_bytes;
    assert_eq!(billed_record_bytes(0), 5120);
    assert_eq!(billed_record_bytes(3 * 1024), 5120);
    assert_eq!(billed_record_bytes(5120), 5120);
    assert_eq!(billed_record_bytes(5121), 10_240);
    assert_eq!(billed_record_bytes(12 * 1024), 15 * 1024);
}

#[test]
fn packing_17_events_a_record_saves_most_of_firehose() {
    let e = estimate(&s3(), Load::new(100.0, 300));
    let p = e.packing.as_ref().expect("a saving");
    // 17 × 300 + 16 newlines = 5,116 bytes <= 5,120; 18 would be 5,417.
    assert_eq!(
        (p.events_per_record_packed, p.record_bytes_packed),
        (17, 5116)
    );
    close(p.records_per_second_packed, 100.0 / 17.0);
    let packed = 100.0 / 17.0 * MONTH * 5120.0 / GB;
    close(p.billed_gb_packed, packed);
    close(p.monthly_usd_packed, packed * 0.029);
    close(p.monthly_saving_usd, (1_235.961_914_062_5 - packed) * 0.029);
    assert_eq!(format!("{:.2}", p.monthly_saving_usd), "33.73");

    // Already packed 5 to a record (5 × 300 + 4 = 1,504 bytes): still worth packing to 17.
    let mut load = Load::new(20.0, 1504);
    load.events_per_record = 5;
    let p = estimate(&s3(), load).packing.expect("a saving");
    assert_eq!((p.event_bytes, p.events_per_record_now), (300, 5));
    close(p.records_per_second_packed, 100.0 / 17.0);
    // Records over 2.5 KB cannot share a 5 KB unit: nothing to save.
    assert!(estimate(&s3(), Load::new(100.0, 3000)).packing.is_none());
}

#[test]
fn on_demand_writes_are_one_unit_per_started_kb_of_item() {
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    let writes = item(&e, "Writes (on demand)");
    // 300 bytes + EXPIRES_AT (10 + 6) + ARRIVED_AT (10 + 24) + EVENT_ID (8 + 42) = 400: 1 WRU.
    assert!(writes.note.contains("≈400 bytes"), "{}", writes.note);
    close(writes.quantity, 259.2);
    close(writes.monthly_usd, 162.0);
    // 1,500 bytes -> 1,600 bytes -> 2 WRU.
    let e = estimate(&dynamodb(), Load::new(100.0, 1500));
    close(item(&e, "Writes (on demand)").monthly_usd, 324.0);
}

fn provisioned(auto_scaling: Option<AutoScaling>) -> PipelineSpec {
    let mut spec = dynamodb();
    if let Some(t) = spec.table.as_mut() {
        t.billing = Billing::Provisioned {
            read_capacity_units: 5,
            write_capacity_units: 10,
            auto_scaling,
        };
    }
    spec
}

#[test]
fn provisioned_capacity_is_priced_by_the_hour() {
    let scaling = AutoScaling {
        min_capacity: 5,
        max_capacity: 500,
        target_utilization: 70,
    };
    let e = estimate(&provisioned(Some(scaling)), Load::new(100.0, 300));
    // 100 WCU used at 70% target: ceil(142.86) = 143 WCU × 720 h.
    let w = item(&e, "Write capacity (provisioned)");
    close(w.quantity, 143.0 * 720.0);
    close(w.monthly_usd, 143.0 * 720.0 * 0.00065);
    assert_eq!(format!("{:.2}", w.monthly_usd), "66.92");
    let r = item(&e, "Read capacity (provisioned)");
    close(r.monthly_usd, 5.0 * 720.0 * 0.00013);
    assert!(e.line_items.iter().all(|i| i.name != "Writes (on demand)"));

    // Without scaling the spec's 10 WCU are billed, and the note warns of throttling.
    let e = estimate(&provisioned(None), Load::new(100.0, 300));
    let w = item(&e, "Write capacity (provisioned)");
    close(w.quantity, 10.0 * 720.0);
    assert!(w.note.contains("throttled"), "{}", w.note);
}

#[test]
fn storage_grows_through_the_month_and_ttl_bounds_it() {
    use super::dynamodb::average_stored;
    close(average_stored(1.0, None), 15.0);
    close(average_stored(1.0, Some(30)), 15.0);
    close(average_stored(1.0, Some(90)), 15.0);
    // 10 days growing (50 GB-days), then 10 GB for 20 days (200): 250 / 30.
    close(average_stored(1.0, Some(10)), 250.0 / 30.0);

    // 8,640,000 items a day of 400 + 100 bytes.
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    let storage = item(&e, "Storage");
    let per_day = 8_640_000.0 * 500.0 / GB;
    close(storage.quantity, per_day * 15.0);
    close(storage.monthly_usd, per_day * 15.0 * 0.25);
}

#[test]
fn s3_objects_follow_the_buffer_and_expire() {
    // 30,000 bytes/s fill 5 MiB every 174.8 s, before the 300 s interval.
    let e = estimate(&s3(), Load::new(100.0, 300));
    let puts = item(&e, "PUT requests (the stream's data)");
    let flushes = 30_000.0 / 5_242_880.0 * MONTH;
    close(puts.quantity, flushes / 1000.0);
    close(puts.monthly_usd, flushes / 1000.0 * 0.005);
    let storage = item(&e, "Storage (the stream's data)");
    close(storage.quantity, 30_000.0 * 86_400.0 / GB * 15.0);
    // 1 record/s of 100 bytes: the 300 s interval flushes first.
    let e = estimate(&s3(), Load::new(1.0, 100));
    close(
        item(&e, "PUT requests (the stream's data)").quantity,
        MONTH / 300.0 / 1000.0,
    );
}

#[test]
fn backups_cost_nothing_until_all_data_is_kept() {
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    let failed = item(&e, "Storage (backup of failed data)");
    assert_eq!((failed.quantity, failed.monthly_usd), (0.0, 0.0));
    let mut spec = dynamodb();
    spec.bucket.backup_mode = BackupMode::AllData;
    let e = estimate(&spec, Load::new(100.0, 300));
    let all = item(&e, "Storage (backup of all data)");
    close(all.quantity, 30_000.0 * 86_400.0 / GB * 15.0);
    // The HTTP buffer (1 MiB / 60 s) flushes every 34.95 s.
    close(
        item(&e, "PUT requests (backup of all data)").quantity,
        30_000.0 / 1_048_576.0 * MONTH / 1000.0,
    );
}

#[test]
fn the_bridge_runs_once_per_delivery() {
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    let deliveries = 30_000.0 / 1_048_576.0 * MONTH;
    let requests = item(&e, "Requests (the bridge)");
    close(requests.quantity, deliveries / 1e6);
    close(requests.monthly_usd, deliveries / 1e6 * 0.20);
    // 3,496 items: 140 batches, 35 rounds of 4 × 15 ms + 10 ms + 31.6 ms of mapping at 256 MB.
    let bridge = dynamodb().bridge.expect("bridge");
    let cpu: f64 = 3496.0 * 1000.0 / 765_000.0 / (256.0 / 1769.0);
    close(
        super::lambda::duration_ms(&bridge, 3496.0),
        (535.0 + cpu).ceil(),
    );
    let compute = item(&e, "Compute (the bridge)");
    close(compute.quantity, deliveries * 0.567 * 0.25);
    close(
        compute.monthly_usd,
        deliveries * 0.567 * 0.25 * 0.000_016_666_7,
    );
    // An HTTP request carries at most 10,000 records: 10,000 records/s means 1 delivery/s.
    let e = estimate(&dynamodb(), Load::new(10_000.0, 10));
    close(item(&e, "Requests (the bridge)").quantity, MONTH / 1e6);
}

#[test]
fn the_total_is_the_sum_and_nothing_is_priced_without_load() {
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    close(
        e.monthly_usd,
        e.line_items.iter().map(|i| i.monthly_usd).sum(),
    );
    let idle = estimate(&dynamodb(), Load::new(0.0, 300));
    assert_eq!(idle.monthly_usd, 0.0);
    assert!(idle.packing.is_none());
    let bad = estimate(&dynamodb(), Load::new(f64::NAN, 300));
    assert_eq!(bad.monthly_usd, 0.0);
    assert!(
        bad.notes.iter().any(|n| n.contains("priced as 0")),
        "{:?}",
        bad.notes
    );
}

#[test]
fn notes_say_where_the_prices_apply() {
    let local = estimate(&PipelineSpec::local_s3("demo"), Load::new(1.0, 100));
    assert!(local
        .notes
        .iter()
        .any(|n| n.contains("local emulator costs nothing")));
    let eu = estimate(
        &PipelineSpec::aws_s3("demo", "eu-west-1"),
        Load::new(1.0, 100),
    );
    assert!(eu.notes.iter().any(|n| n.contains("eu-west-1 may differ")));
    let big = estimate(&s3(), Load::new(1.0, 2_000_000));
    assert!(big
        .notes
        .iter()
        .any(|n| n.contains("over Firehose's limit")));
}

#[test]
fn it_prints_as_a_table_and_serialises_for_the_page() {
    let e = estimate(&dynamodb(), Load::new(100.0, 300));
    let text = e.to_string();
    for want in [
        "Firehose -> bridge -> DynamoDB",
        "Ingestion (Direct PUT)",
        "1,235.96 GB",
        "$35.84",
        "259.2 million write request units",
        "$162.00",
        "Total a month: $",
        "[1] 259,200,000 records × 300 bytes billed as 5 KB each",
        "Packing: at 1 event a record Firehose bills 1,235.96 GB ($35.84 a month); at 17 events",
        "$33.73 less a month",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let json = serde_json::to_value(&e).expect("serialises");
    assert_eq!(json["kind"], "dynamodb");
    assert_eq!(json["load"]["recordsPerSecond"], 100.0);
    assert_eq!(json["lineItems"][0]["service"], "Firehose");
    assert_eq!(json["lineItems"][0]["unitPriceUsd"], 0.029);
    assert_eq!(json["packing"]["eventsPerRecordPacked"], 17);
    assert_eq!(json["pricedRegion"], "us-east-1");
    let back: Load =
        serde_json::from_value(serde_json::json!({"recordsPerSecond": 5, "recordBytes": 10}))
            .expect("a load from the page");
    assert_eq!(back, Load::new(5.0, 10));
}
