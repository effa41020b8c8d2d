//! S3: what Firehose writes to the bucket (the S3 kind's data, or the DynamoDB kind's backups),
//! one object per buffer flush, kept until the lifecycle rule expires it.

use super::display::{count, gb};
use super::dynamodb::average_stored;
use super::prices::{S3_PER_THOUSAND_PUTS, S3_STORAGE_PER_GB_MONTH};
use super::{LineItem, Service, Volume, BYTES_PER_GB, DAYS_PER_MONTH};
use crate::spec::{BackupMode, Compression, PipelineKind, PipelineSpec};

pub(super) fn line_items(spec: &PipelineSpec, v: &Volume, deliveries: f64) -> Vec<LineItem> {
    let (what, stored) = match (spec.kind, spec.bucket.backup_mode) {
        (PipelineKind::S3, _) => ("the stream's data", true),
        (PipelineKind::Dynamodb, BackupMode::AllData) => ("backup of all data", true),
        (PipelineKind::Dynamodb, BackupMode::FailedDataOnly) => ("backup of failed data", false),
    };
    if !stored {
        let note = "only batches the bridge could not take within the retry duration, and the \
                    records it rejects: about nothing while the bridge is healthy"
            .to_owned();
        return vec![
            LineItem::new(
                Service::S3,
                "Storage (backup of failed data)",
                0.0,
                "GB-month",
                S3_STORAGE_PER_GB_MONTH,
                note.clone(),
            ),
            LineItem::new(
                Service::S3,
                "PUT requests (backup of failed data)",
                0.0,
                "thousand PUT requests",
                S3_PER_THOUSAND_PUTS,
                note,
            ),
        ];
    }
    let per_day = v.bytes_per_second() * 86_400.0 / BYTES_PER_GB;
    let expiry = spec.bucket.expiration_days;
    let bound = match expiry {
        Some(days) => format!(
            "objects expire after {days} days: {} GB at steady state",
            gb(per_day * f64::from(days))
        ),
        None => format!(
            "no expiry: it keeps growing by {} GB a month",
            gb(per_day * f64::from(DAYS_PER_MONTH))
        ),
    };
    let compressed = if spec.bucket.compression == Compression::Uncompressed {
        ""
    } else {
        " before compression (JSON often shrinks several times; not assumed here)"
    };
    let puts = deliveries * Volume::SECONDS;
    vec![
        LineItem::new(
            Service::S3,
            &format!("Storage ({what})"),
            average_stored(per_day, expiry),
            "GB-month",
            S3_STORAGE_PER_GB_MONTH,
            format!(
                "the first month's average, growing by {} GB a day{compressed}; {bound}",
                gb(per_day)
            ),
        ),
        LineItem::new(
            Service::S3,
            &format!("PUT requests ({what})"),
            puts / 1000.0,
            "thousand PUT requests",
            S3_PER_THOUSAND_PUTS,
            format!(
                "one object per buffer flush ({} MB or {} s): {} flushes",
                spec.stream.buffering_size_mb,
                spec.stream.buffering_interval_seconds,
                count(puts)
            ),
        ),
    ]
}
