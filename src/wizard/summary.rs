//! What the draft holds for each step, as label/value rows: for Review's sections (each with an
//! Edit link back to its step). Pure.

use hoseline_pipeline::mapping::KeyKind;
use hoseline_pipeline::spec::{
    BackupMode, Billing, Compression, KeySpec, PipelineKind, PipelineSpec, Target,
};

use super::step::Step;

/// One row: a label and its value, both for people.
pub type Row = (&'static str, String);

/// The rows of `step` for `spec`; empty for steps that hold no fields (Review, Create).
pub fn rows(step: Step, spec: &PipelineSpec) -> Vec<Row> {
    match step {
        Step::Connection => target_rows(spec),
        Step::Table => table_rows(spec),
        Step::Bucket => bucket_rows(spec),
        Step::Access => access_rows(spec),
        Step::Delivery => delivery_rows(spec),
        Step::Review | Step::Create => Vec::new(),
    }
}

fn target_rows(spec: &PipelineSpec) -> Vec<Row> {
    let mut rows = vec![("Pipeline name", spec.name.clone())];
    match &spec.target {
        Target::Local {
            endpoint,
            bridge_url,
            region,
        } => {
            rows.push(("Made on", format!("the local emulator at {endpoint}")));
            rows.push(("Region", region.clone()));
            if spec.kind == PipelineKind::Dynamodb {
                rows.push(("Bridge", format!("{bridge_url} (hoseline bridge serve)")));
            }
        }
        Target::Aws { region } => {
            rows.push(("Made on", "AWS".to_owned()));
            rows.push(("Region", region.clone()));
        }
    }
    rows
}

fn key(key: &KeySpec) -> String {
    let kind = match key.key_type {
        KeyKind::S => "String",
        KeyKind::N => "Number",
        KeyKind::B => "Binary",
    };
    format!("{} ({kind})", key.name)
}

fn table_rows(spec: &PipelineSpec) -> Vec<Row> {
    let Some(table) = &spec.table else {
        return Vec::new();
    };
    let billing = match &table.billing {
        Billing::OnDemand => "On demand (pay per request)".to_owned(),
        Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            auto_scaling,
        } => {
            let mut text = format!(
                "Provisioned: {read_capacity_units} read, {write_capacity_units} write capacity units"
            );
            if let Some(a) = auto_scaling {
                text.push_str(&format!(
                    "; writes scale {}-{} at {}% utilisation",
                    a.min_capacity, a.max_capacity, a.target_utilization
                ));
            }
            text
        }
    };
    vec![
        ("Table name", table.name.clone()),
        ("Partition key", key(&table.partition_key)),
        (
            "Sort key",
            table
                .sort_key
                .as_ref()
                .map_or_else(|| "None".to_owned(), key),
        ),
        ("Billing", billing),
        (
            "Time to live",
            table
                .ttl_attribute
                .as_ref()
                .map_or_else(|| "Off".to_owned(), |a| format!("Attribute {a}")),
        ),
        (
            "Point-in-time recovery",
            on_off(table.point_in_time_recovery),
        ),
    ]
}

fn on_off(on: bool) -> String {
    if on { "On" } else { "Off" }.to_owned()
}

fn bucket_rows(spec: &PipelineSpec) -> Vec<Row> {
    let b = &spec.bucket;
    let prefix_label = match spec.kind {
        PipelineKind::S3 => "Data prefix",
        PipelineKind::Dynamodb => "Backup prefix",
    };
    let mut rows = vec![
        ("Bucket name", b.name.clone()),
        (prefix_label, b.data_prefix.clone()),
        ("Error output prefix", b.error_output_prefix.clone()),
    ];
    if spec.kind == PipelineKind::Dynamodb {
        let mode = match b.backup_mode {
            BackupMode::FailedDataOnly => "Failed data only",
            BackupMode::AllData => "All data",
        };
        rows.push(("S3 backup", mode.to_owned()));
    }
    rows.push((
        "Expiration",
        b.expiration_days
            .map_or_else(|| "Never".to_owned(), |d| format!("After {d} days")),
    ));
    let compression = match b.compression {
        Compression::Uncompressed => "None",
        Compression::Gzip => "GZIP",
        Compression::Zip => "ZIP",
        Compression::Snappy => "Snappy",
        Compression::HadoopSnappy => "Hadoop-compatible Snappy",
    };
    rows.push(("Compression", compression.to_owned()));
    rows
}

fn access_rows(spec: &PipelineSpec) -> Vec<Row> {
    let mut rows = vec![("Firehose role", spec.iam.firehose_role_name.clone())];
    if let Some(bridge) = &spec.bridge {
        if !spec.target.is_local() {
            if let Some(role) = &spec.iam.bridge_role_name {
                rows.push(("Bridge role", role.clone()));
            }
        }
        let key = if bridge.access_key.is_some() {
            "Set (kept out of the saved draft)"
        } else {
            "Generated when the pipeline is created"
        };
        rows.push(("Bridge access key", key.to_owned()));
    }
    rows
}

fn delivery_rows(spec: &PipelineSpec) -> Vec<Row> {
    let s = &spec.stream;
    let mut rows = vec![
        ("Stream name", s.name.clone()),
        (
            "Buffering",
            format!(
                "{} MB or {} seconds, whichever comes first",
                s.buffering_size_mb, s.buffering_interval_seconds
            ),
        ),
    ];
    match (&spec.kind, &spec.target, &spec.table) {
        (PipelineKind::Dynamodb, Target::Local { bridge_url, .. }, Some(table)) => {
            rows.push(("Delivers to", format!("{bridge_url}/tables/{}", table.name)));
        }
        (PipelineKind::Dynamodb, _, _) => {
            let function = spec
                .bridge
                .as_ref()
                .map_or("", |b| b.function_name.as_str());
            rows.push((
                "Delivers to",
                format!("the function URL of Lambda {function}"),
            ));
        }
        (PipelineKind::S3, _, _) => {
            rows.push((
                "Delivers to",
                format!("s3://{}/{}", spec.bucket.name, spec.bucket.data_prefix),
            ));
        }
    }
    if spec.kind == PipelineKind::Dynamodb {
        rows.push((
            "Retry duration",
            format!("{} seconds", s.retry_duration_seconds),
        ));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(rows: &[Row], label: &str) -> String {
        rows.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {label} in {rows:?}"))
    }

    #[test]
    fn the_local_default_reads_as_a_newcomer_expects() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let table = rows(Step::Table, &spec);
        assert_eq!(value(&table, "Table name"), "demo-tickers");
        assert_eq!(value(&table, "Partition key"), "TICKER_SYMBOL (String)");
        assert_eq!(value(&table, "Billing"), "On demand (pay per request)");
        let delivery = rows(Step::Delivery, &spec);
        assert_eq!(
            value(&delivery, "Delivers to"),
            "http://127.0.0.1:4599/tables/demo-tickers"
        );
        assert_eq!(
            value(&rows(Step::Bucket, &spec), "S3 backup"),
            "Failed data only"
        );
        let access = rows(Step::Access, &spec);
        assert_eq!(
            value(&access, "Bridge access key"),
            "Generated when the pipeline is created"
        );
        assert!(
            access.iter().all(|(l, _)| *l != "Bridge role"),
            "no Lambda locally"
        );
    }

    #[test]
    fn an_s3_pipeline_has_no_table_bridge_or_retry_rows() {
        let spec = PipelineSpec::aws_s3("logs", "eu-west-1");
        assert!(rows(Step::Table, &spec).is_empty());
        let delivery = rows(Step::Delivery, &spec);
        assert_eq!(value(&delivery, "Delivers to"), "s3://logs-data/data/");
        assert!(delivery.iter().all(|(l, _)| *l != "Retry duration"));
        assert_eq!(value(&rows(Step::Bucket, &spec), "Data prefix"), "data/");
        assert_eq!(value(&rows(Step::Connection, &spec), "Region"), "eu-west-1");
    }

    #[test]
    fn on_aws_the_bridge_is_a_lambda_with_its_own_role() {
        let spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        assert_eq!(
            value(&rows(Step::Delivery, &spec), "Delivers to"),
            "the function URL of Lambda demo-bridge"
        );
        assert_eq!(
            value(&rows(Step::Access, &spec), "Bridge role"),
            "demo-bridge"
        );
    }

    #[test]
    fn provisioned_billing_names_its_capacity_and_scaling() {
        let mut spec = PipelineSpec::local_dynamodb("demo");
        if let Some(table) = spec.table.as_mut() {
            table.billing = Billing::Provisioned {
                read_capacity_units: 5,
                write_capacity_units: 10,
                auto_scaling: Some(hoseline_pipeline::spec::AutoScaling {
                    min_capacity: 5,
                    max_capacity: 100,
                    target_utilization: 70,
                }),
            };
        }
        let billing = value(&rows(Step::Table, &spec), "Billing");
        assert!(
            billing.contains("10 write") && billing.contains("5-100 at 70%"),
            "{billing}"
        );
    }
}
