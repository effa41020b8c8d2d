//! Best practices (the original report's "Best practices" and "Challenges"): a spec that ignores
//! one still works, so these are warnings with the reason, never errors.

use serde::Serialize;

use crate::spec::{BackupMode, Billing, Compression, PipelineKind, PipelineSpec, Target};

/// DynamoDB's default per-table quota of read or write capacity units (adjustable).
const TABLE_CAPACITY_QUOTA: u32 = 40_000;
/// Below this interval Firehose delivers many small batches.
const SMALL_INTERVAL_SECONDS: u32 = 60;

/// How much a piece of advice matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Likely to cost money or throttle.
    Warning,
    /// Worth knowing; fine if intended.
    Info,
}

/// One best practice the spec does not follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    /// The field it is about, as in [`crate::spec::SpecProblem::path`].
    pub path: String,
    /// The practice's short title, e.g. "Partition key spread".
    pub practice: &'static str,
    pub severity: Severity,
    /// What happens and what to do instead.
    pub message: String,
}

/// Everything the spec could do better.
pub(super) fn advise(spec: &PipelineSpec) -> Vec<Advice> {
    let mut out = Vec::new();
    let mut add = |path: &str, practice, severity, message: String| {
        out.push(Advice {
            path: path.to_owned(),
            practice,
            severity,
            message,
        });
    };
    let on_aws = matches!(spec.target, Target::Aws { .. });

    if let Some(table) = &spec.table {
        let key = &table.partition_key.name;
        if let Some(word) = super::advice_keys::few_values(key) {
            add(
                "table.partitionKey.name",
                "Partition key spread",
                Severity::Warning,
                format!(
                    "{key:?} looks like it has few distinct values ({word:?}): each DynamoDB \
                     partition takes about 1,000 write and 3,000 read units a second, so writes \
                     that share a few key values throttle while the table has capacity to spare. \
                     Prefer a key with many values (a device, user or ticker id) and keep {key:?} \
                     as an ordinary attribute"
                ),
            );
        }
        if let Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            auto_scaling,
        } = &table.billing
        {
            if auto_scaling.is_none() {
                add(
                    "table.billing.mode",
                    "Auto scaling",
                    Severity::Warning,
                    format!(
                        "provisioned at {write_capacity_units} write units without auto scaling: \
                         when Firehose sends more, writes throttle and batches end up in the S3 \
                         backup instead of the table. Add autoScaling, or bill onDemand"
                    ),
                );
            }
            let max = auto_scaling.as_ref().map(|s| s.max_capacity);
            for (path, units) in [
                (
                    "table.billing.readCapacityUnits",
                    Some(*read_capacity_units),
                ),
                (
                    "table.billing.writeCapacityUnits",
                    Some(*write_capacity_units),
                ),
                ("table.billing.autoScaling.maxCapacity", max),
            ] {
                if let Some(units) = units.filter(|u| *u > TABLE_CAPACITY_QUOTA) {
                    add(
                        path,
                        "Table quota",
                        Severity::Warning,
                        format!(
                            "{units} units is above DynamoDB's default per-table quota of \
                             {TABLE_CAPACITY_QUOTA}: ask for an increase in Service Quotas first"
                        ),
                    );
                }
            }
        }
        match (
            &table.ttl_attribute,
            spec.bridge.as_ref().map(|b| b.ttl_days),
        ) {
            (None, _) => add(
                "table.ttlAttribute",
                "Retention",
                Severity::Warning,
                "items stay in the table forever: DynamoDB storage is billed per GB-month and \
                 seldom the place to keep a stream for long. Set table.ttlAttribute and \
                 bridge.ttlDays"
                    .to_owned(),
            ),
            (Some(attribute), Some(None)) => add(
                "bridge.ttlDays",
                "Retention",
                Severity::Warning,
                format!(
                    "table.ttlAttribute {attribute:?} is set, but nothing fills it: set \
                     bridge.ttlDays so the bridge writes each item's expiry, or items never expire"
                ),
            ),
            _ => {}
        }
    }

    if spec.bucket.expiration_days.is_none() {
        add(
            "bucket.expirationDays",
            "Retention",
            Severity::Warning,
            "objects stay in the bucket forever: set expirationDays for a lifecycle rule that \
             deletes old backups and rejects"
                .to_owned(),
        );
    }
    match (spec.kind, spec.bucket.backup_mode) {
        (PipelineKind::Dynamodb, BackupMode::AllData) => add(
            "bucket.backupMode",
            "Backup",
            Severity::Info,
            "every record is written to S3 as well as to the table: S3 writes and storage double \
             compared with failedDataOnly. Keep it if you need a copy to replay"
                .to_owned(),
        ),
        (PipelineKind::S3, BackupMode::AllData) => add(
            "bucket.backupMode",
            "Backup",
            Severity::Info,
            "has no effect for the s3 kind: Firehose delivers every record to the bucket already"
                .to_owned(),
        ),
        _ => {}
    }
    if spec.kind == PipelineKind::S3
        && spec.bucket.compression == Compression::Uncompressed
        && on_aws
    {
        add(
            "bucket.compression",
            "Compression",
            Severity::Warning,
            "records are stored uncompressed: GZIP makes JSON several times smaller, and S3 \
             bills storage and reads by size"
                .to_owned(),
        );
    }

    let interval = spec.stream.buffering_interval_seconds;
    if on_aws && interval < SMALL_INTERVAL_SECONDS {
        let each = match spec.kind {
            PipelineKind::Dynamodb => "a Lambda invocation",
            PipelineKind::S3 => "an S3 object",
        };
        let when = if interval == 0 {
            "as soon as records arrive".to_owned()
        } else {
            format!("at least every {interval} s")
        };
        add(
            "stream.bufferingIntervalSeconds",
            "Batch size",
            Severity::Warning,
            format!(
                "Firehose delivers {when}, in many small batches, each {each}: fewer, larger \
                 batches cost less per record. {SMALL_INTERVAL_SECONDS} s or more suits most \
                 dashboards"
            ),
        );
    }
    if spec.kind == PipelineKind::Dynamodb && spec.stream.retry_duration_seconds == 0 {
        add(
            "stream.retryDurationSeconds",
            "Retries",
            Severity::Warning,
            "Firehose will not retry the bridge: one throttled write or cold start sends the \
             whole batch to the S3 backup instead of the table"
                .to_owned(),
        );
    }
    out
}
