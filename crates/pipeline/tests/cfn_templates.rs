//! Writes the exported templates for `scripts/checks/cfn-lint.sh`: foundation and pipeline, DynamoDB
//! and S3 kinds, from the `aws_*` default specs, plus the pipeline of a provisioned table with auto
//! scaling, every option on. To `$HOSELINE_CFN_TEMPLATES_DIR`, or `target/cfn-templates/` in the
//! workspace.

use std::path::{Path, PathBuf};

use hoseline_pipeline::cloudformation::{foundation_template, pipeline_template};
use hoseline_pipeline::mapping::KeyKind;
use hoseline_pipeline::spec::{
    AutoScaling, BackupMode, Billing, Compression, KeySpec, PipelineSpec,
};

fn out_dir() -> PathBuf {
    match std::env::var_os("HOSELINE_CFN_TEMPLATES_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/cfn-templates"),
    }
}

#[test]
fn write_the_exported_templates() {
    let dir = out_dir();
    std::fs::create_dir_all(&dir).expect("create the templates' directory");
    let specs = [
        (
            "dynamodb",
            PipelineSpec::aws_dynamodb("hoseline-demo", "us-east-1"),
        ),
        ("s3", PipelineSpec::aws_s3("hoseline-demo", "us-east-1")),
    ];
    for (kind, spec) in &specs {
        for (which, template) in [
            ("foundation", foundation_template(spec)),
            ("pipeline", pipeline_template(spec)),
        ] {
            write(&dir.join(format!("{which}-{kind}.json")), &template);
        }
    }
    write(
        &dir.join("pipeline-dynamodb-provisioned.json"),
        &pipeline_template(&every_option()),
    );
}

/// Provisioned with auto scaling, a numeric key without a sort key, PITR, all data backed up and
/// gzipped, no CORS origin, no expiry, no TTL.
fn every_option() -> PipelineSpec {
    let mut spec = PipelineSpec::aws_dynamodb("hoseline-full", "eu-west-1");
    let table = spec.table.as_mut().expect("table");
    table.partition_key = KeySpec {
        name: "DEVICE".into(),
        key_type: KeyKind::N,
    };
    table.sort_key = None;
    table.ttl_attribute = None;
    table.point_in_time_recovery = true;
    table.billing = Billing::Provisioned {
        read_capacity_units: 5,
        write_capacity_units: 10,
        auto_scaling: Some(AutoScaling {
            min_capacity: 5,
            max_capacity: 200,
            target_utilization: 70,
        }),
    };
    spec.bucket.backup_mode = BackupMode::AllData;
    spec.bucket.compression = Compression::Gzip;
    spec.bucket.cors_allowed_origins.clear();
    spec.bucket.expiration_days = None;
    spec
}

fn write(path: &Path, template: &serde_json::Value) {
    let text = serde_json::to_string_pretty(template).expect("a template serialises");
    std::fs::write(path, text + "\n").expect("write the template");
    let back: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("read it back")).expect("json");
    assert_eq!(&back, template, "{}", path.display());
}
