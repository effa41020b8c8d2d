//! The S3 bucket step's fields.

use hoseline_pipeline::spec::{BackupMode, Compression};

use super::{always, dynamodb, Choice, FieldDef, Input, Write};

const BACKUP: &[Choice] = &[
    ("failedDataOnly", "Failed data only"),
    ("allData", "All data"),
];
const COMPRESSION: &[Choice] = &[
    ("UNCOMPRESSED", "None"),
    ("GZIP", "GZIP"),
    ("ZIP", "ZIP"),
    ("Snappy", "Snappy"),
    ("HADOOP_SNAPPY", "Hadoop-compatible Snappy"),
];

fn compression_name(c: Compression) -> &'static str {
    match c {
        Compression::Uncompressed => "UNCOMPRESSED",
        Compression::Gzip => "GZIP",
        Compression::Zip => "ZIP",
        Compression::Snappy => "Snappy",
        Compression::HadoopSnappy => "HADOOP_SNAPPY",
    }
}

fn parse_compression(text: &str) -> Compression {
    match text {
        "GZIP" => Compression::Gzip,
        "ZIP" => Compression::Zip,
        "Snappy" => Compression::Snappy,
        "HADOOP_SNAPPY" => Compression::HadoopSnappy,
        _ => Compression::Uncompressed,
    }
}

pub(super) static FIELDS: [FieldDef; 7] = [
    FieldDef {
        path: "bucket.name",
        label: "Bucket name",
        description: "Bucket names are global across every AWS account: on AWS pick one nobody \
                      has taken, for example with your account or team in it.",
        input: Input::Text,
        shown: always,
        read: |s| s.bucket.name.clone(),
        write: Write::Spec(|s, v| v.clone_into(&mut s.bucket.name)),
    },
    FieldDef {
        path: "bucket.dataPrefix",
        label: "Data prefix",
        description: "Where in the bucket Firehose writes: the records (Firehose to S3) or its \
                      backups (Firehose to DynamoDB). Firehose adds YYYY/MM/DD/HH/ after it.",
        input: Input::Text,
        shown: always,
        read: |s| s.bucket.data_prefix.clone(),
        write: Write::Spec(|s, v| v.clone_into(&mut s.bucket.data_prefix)),
    },
    FieldDef {
        path: "bucket.errorOutputPrefix",
        label: "Error output prefix",
        description: "Where Firehose writes what it failed to deliver, by error type, so failed \
                      records are never mixed with good ones.",
        input: Input::Text,
        shown: always,
        read: |s| s.bucket.error_output_prefix.clone(),
        write: Write::Spec(|s, v| v.clone_into(&mut s.bucket.error_output_prefix)),
    },
    FieldDef {
        path: "bucket.backupMode",
        label: "S3 backup",
        description: "Failed data only backs up the batches the bridge did not accept in time \
                      (nothing is lost); all data also keeps a copy of every record to replay.",
        input: Input::Choice(BACKUP),
        shown: dynamodb,
        read: |s| {
            match s.bucket.backup_mode {
                BackupMode::FailedDataOnly => "failedDataOnly",
                BackupMode::AllData => "allData",
            }
            .to_owned()
        },
        write: Write::Spec(|s, v| {
            s.bucket.backup_mode = if v == "allData" {
                BackupMode::AllData
            } else {
                BackupMode::FailedDataOnly
            };
        }),
    },
    FieldDef {
        path: "bucket.expirationDays",
        label: "Expire objects after (days)",
        description: "A lifecycle rule deletes objects this many days after they are written. \
                      Leave empty to keep them forever.",
        input: Input::Number { optional: true },
        shown: always,
        read: |s| {
            s.bucket
                .expiration_days
                .map(|d| d.to_string())
                .unwrap_or_default()
        },
        write: Write::Number(|s, v| s.bucket.expiration_days = v),
    },
    FieldDef {
        path: "bucket.compression",
        label: "Compression",
        description: "How Firehose compresses the objects it writes. GZIP makes JSON several \
                      times smaller; S3 bills storage and reads by size.",
        input: Input::Choice(COMPRESSION),
        shown: always,
        read: |s| compression_name(s.bucket.compression).to_owned(),
        write: Write::Spec(|s, v| s.bucket.compression = parse_compression(v)),
    },
    FieldDef {
        path: "bucket.corsAllowedOrigins",
        label: "Console origins",
        description: "One per line: the addresses of the pages allowed to read the bucket \
                      (this console's), so you can browse backups and rejects from here.",
        input: Input::Lines,
        shown: always,
        read: |s| s.bucket.cors_allowed_origins.join("\n"),
        write: Write::Spec(|s, v| {
            s.bucket.cors_allowed_origins = lines(v);
        }),
    },
];

/// The non-empty lines, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
