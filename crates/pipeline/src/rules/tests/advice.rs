//! Warnings: each best practice fires when the spec ignores it, and stays quiet otherwise.

use super::*;

/// The practices warned about, as `(path, practice)`.
fn advice(spec: &PipelineSpec) -> Vec<(String, &'static str)> {
    validate(spec)
        .warnings
        .into_iter()
        .map(|a| (a.path, a.practice))
        .collect()
}

fn has(spec: &PipelineSpec, path: &str, practice: &str) -> bool {
    advice(spec)
        .iter()
        .any(|(p, n)| p == path && *n == practice)
}

#[test]
fn the_local_defaults_follow_every_practice() {
    assert_eq!(advice(&local()), []);
    assert_eq!(advice(&PipelineSpec::local_s3("demo")), []);
    assert_eq!(advice(&aws()), []);
}

#[test]
fn a_partition_key_with_few_values_is_flagged_with_the_reason() {
    let mut spec = aws();
    spec.table.as_mut().expect("table").partition_key.name = "SECTOR".into();
    let v = validate(&spec);
    assert!(v.is_ok());
    let w = &v.warnings[0];
    assert_eq!(
        (w.path.as_str(), w.practice),
        ("table.partitionKey.name", "Partition key spread")
    );
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("about 1,000 write"), "{}", w.message);
    for quiet in ["TICKER_SYMBOL", "device_id"] {
        spec.table.as_mut().expect("table").partition_key.name = quiet.into();
        assert!(
            !has(&spec, "table.partitionKey.name", "Partition key spread"),
            "{quiet}"
        );
    }
}

#[test]
fn provisioned_without_auto_scaling_and_above_the_quota() {
    let mut spec = aws();
    spec.table.as_mut().expect("table").billing = Billing::Provisioned {
        read_capacity_units: 5,
        write_capacity_units: 50_000,
        auto_scaling: None,
    };
    assert!(has(&spec, "table.billing.mode", "Auto scaling"));
    assert!(has(
        &spec,
        "table.billing.writeCapacityUnits",
        "Table quota"
    ));
    assert!(!has(
        &spec,
        "table.billing.readCapacityUnits",
        "Table quota"
    ));
    spec.table.as_mut().expect("table").billing = Billing::Provisioned {
        read_capacity_units: 5,
        write_capacity_units: 5,
        auto_scaling: Some(AutoScaling {
            min_capacity: 5,
            max_capacity: 100,
            target_utilization: 70,
        }),
    };
    assert_eq!(advice(&spec), []);
}

#[test]
fn small_batches_on_aws_only() {
    let mut spec = aws();
    spec.stream.buffering_interval_seconds = 0;
    let found = validate(&spec).warnings;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].practice, "Batch size");
    assert!(found[0].message.contains("as soon as records arrive"));
    assert!(found[0].message.contains("a Lambda invocation"));
    spec.stream.buffering_interval_seconds = 30;
    assert!(has(&spec, "stream.bufferingIntervalSeconds", "Batch size"));
    spec.stream.buffering_interval_seconds = 60;
    assert_eq!(advice(&spec), []);
    let mut spec = local();
    spec.stream.buffering_interval_seconds = 0;
    assert_eq!(advice(&spec), []);
}

#[test]
fn uncompressed_s3_delivery_on_aws_costs_more() {
    let mut spec = PipelineSpec::aws_s3("demo", "eu-west-1");
    assert!(has(&spec, "bucket.compression", "Compression"));
    spec.bucket.compression = Compression::Gzip;
    assert_eq!(advice(&spec), []);
}

#[test]
fn retention_without_ttl_or_lifecycle() {
    let mut spec = aws();
    spec.table.as_mut().expect("table").ttl_attribute = None;
    spec.bridge.as_mut().expect("bridge").ttl_days = None;
    assert!(has(&spec, "table.ttlAttribute", "Retention"));

    // The reverse of the bridge.ttlDays error: an attribute that nothing fills.
    let mut spec = aws();
    spec.bridge.as_mut().expect("bridge").ttl_days = None;
    assert!(validate(&spec).is_ok());
    assert!(has(&spec, "bridge.ttlDays", "Retention"));

    let mut spec = PipelineSpec::local_s3("demo");
    spec.bucket.expiration_days = None;
    assert!(has(&spec, "bucket.expirationDays", "Retention"));
}

#[test]
fn backing_up_all_data_is_information() {
    let mut spec = aws();
    spec.bucket.backup_mode = BackupMode::AllData;
    let found = validate(&spec).warnings;
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].practice, found[0].severity),
        ("Backup", Severity::Info)
    );
    assert!(found[0].message.contains("double"));
}

#[test]
fn no_retries_sends_every_failure_to_the_backup() {
    let mut spec = aws();
    spec.stream.retry_duration_seconds = 0;
    assert!(has(&spec, "stream.retryDurationSeconds", "Retries"));
}
