//! Validation as a whole: the defaults pass, every field has a rule with constraint text, every
//! problem is reported in one pass with its exact path. The files beside this one test each
//! concern's rules with valid and invalid values from the AWS documentation.

mod advice;
mod kinds;
mod names;
mod numbers;
mod prefixes;
mod target;

use super::*;
use crate::mapping::KeyKind;
use crate::spec::{
    AccessKey, AutoScaling, BackupMode, Billing, Compression, KeySpec, PipelineSpec,
    ACCESS_KEY_RANDOM_BYTES,
};

/// Specs with every optional field set, one per target type (their JSON names every field).
pub(crate) fn full_specs() -> Vec<PipelineSpec> {
    let mut aws = PipelineSpec::aws_dynamodb("demo", "eu-west-1");
    let mut local = PipelineSpec::local_dynamodb("demo");
    for spec in [&mut aws, &mut local] {
        let table = spec.table.as_mut().expect("table");
        table.billing = Billing::Provisioned {
            read_capacity_units: 5,
            write_capacity_units: 10,
            auto_scaling: Some(AutoScaling {
                min_capacity: 5,
                max_capacity: 100,
                target_utilization: 70,
            }),
        };
        table.point_in_time_recovery = true;
        spec.bucket.backup_mode = BackupMode::AllData;
        spec.bucket.compression = Compression::Gzip;
        let bridge = spec.bridge.as_mut().expect("bridge");
        bridge.access_key = Some(AccessKey::from_random_bytes(&[7; ACCESS_KEY_RANDOM_BYTES]));
        bridge.copy_common_attributes = true;
    }
    vec![aws, local]
}

pub(super) fn aws() -> PipelineSpec {
    PipelineSpec::aws_dynamodb("demo", "eu-west-1")
}

pub(super) fn local() -> PipelineSpec {
    PipelineSpec::local_dynamodb("demo")
}

/// Each error as `(path, message)`.
pub(super) fn errors(spec: &PipelineSpec) -> Vec<(String, String)> {
    validate(spec)
        .errors
        .into_iter()
        .map(|p| (p.path, p.message))
        .collect()
}

#[track_caller]
pub(super) fn assert_valid(spec: &PipelineSpec) {
    assert_eq!(errors(spec), Vec::<(String, String)>::new());
}

/// The spec breaks exactly one rule, at `path`, and the message says `says`.
#[track_caller]
pub(super) fn assert_error(spec: &PipelineSpec, path: &str, says: &str) {
    let found = errors(spec);
    assert!(
        found.len() == 1 && found[0].0 == path && found[0].1.contains(says),
        "expected one error at {path} saying {says:?}, got {found:#?}"
    );
}

/// `a.b[3]` and `a.b[]` both to `a.b[]`, for comparing with rule paths.
fn leaves_of(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves_of(v, &join(k), out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                leaves_of(v, &format!("{path}[]"), out);
            }
        }
        _ => {
            if !out.contains(&path.to_owned()) {
                out.push(path.to_owned());
            }
        }
    }
}

/// Every leaf path in the JSON of the full specs.
pub(crate) fn full_spec_leaves() -> Vec<String> {
    let mut leaves = Vec::new();
    for spec in full_specs() {
        let json: serde_json::Value = serde_json::from_str(&spec.to_json(true)).expect("spec JSON");
        leaves_of(&json, "", &mut leaves);
    }
    leaves.sort();
    leaves
}

#[test]
fn the_default_specs_validate_without_errors() {
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
        PipelineSpec::aws_dynamodb("demo", "eu-west-1"),
        PipelineSpec::aws_s3("demo", "eu-west-1"),
    ] {
        let v = validate(&spec);
        assert!(
            v.is_ok(),
            "{:?} {}: {:#?}",
            spec.kind,
            spec.target.region(),
            v.errors
        );
    }
    for spec in full_specs() {
        assert_valid(&spec);
    }
}

#[test]
fn every_field_of_a_full_spec_has_a_rule_with_constraint_text() {
    let leaves = full_spec_leaves();
    assert!(leaves.len() > 40, "{leaves:?}");
    for path in &leaves {
        let text = constraint(path).unwrap_or_else(|| panic!("no rule for {path}"));
        assert!(text.len() > 3, "{path}: {text:?}");
    }
    // And no rule names a field the spec does not have (a typo would show no text anywhere).
    let known = PipelineSpec::field_paths();
    for rule in rules() {
        assert!(
            known.iter().any(|p| p == rule.path),
            "rule for unknown {}",
            rule.path
        );
        assert!(!rule.source.is_empty(), "{}", rule.path);
    }
    let mut seen: Vec<&str> = rules().map(|r| r.path).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), rules().count(), "one rule per path");
}

#[test]
fn constraint_text_is_found_for_a_list_entry_and_matches_the_check() {
    assert_eq!(
        constraint("bucket.corsAllowedOrigins[1]"),
        constraint("bucket.corsAllowedOrigins[]")
    );
    assert_eq!(
        constraint("table.name"),
        Some("3-255 characters: a-z A-Z 0-9 _ . -")
    );
    assert_eq!(constraint("table.nope"), None);
    // The error of a broken rule lands on the same path the constraint is looked up by.
    let mut spec = aws();
    spec.bucket.cors_allowed_origins = vec!["https://ok.example".into(), "ftp://x".into()];
    let v = validate(&spec);
    assert_eq!(v.errors.len(), 1, "{:?}", v.errors);
    assert_eq!(v.errors[0].path, "bucket.corsAllowedOrigins[1]");
    assert!(rule(&v.errors[0].path).is_some());
    assert_eq!(v.errors_at("bucket.corsAllowedOrigins[1]").count(), 1);
    assert!(rule("kind").is_some_and(Rule::enforced_by_type));
    assert!(!rule("table.name").is_some_and(Rule::enforced_by_type));
}

#[test]
fn every_problem_is_reported_in_one_pass_with_its_path() {
    let mut spec = aws();
    spec.name = "Demo".into();
    spec.stream.buffering_size_mb = 5;
    spec.stream.buffering_interval_seconds = 901;
    let table = spec.table.as_mut().expect("table");
    table.name = "ab".into();
    table.sort_key = Some(KeySpec {
        name: "TICKER_SYMBOL".into(),
        key_type: KeyKind::N,
    });
    spec.bucket.name = "My_Bucket".into();
    spec.bucket.cors_allowed_origins =
        vec!["https://a.example".into(), "https://b.example/".into()];
    spec.bridge.as_mut().expect("bridge").timeout_seconds = 60;
    spec.iam.firehose_role_name = "role with spaces".into();

    let paths: Vec<String> = errors(&spec).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "name",
            "table.name",
            "table.sortKey.name",
            "bucket.name",
            "bucket.corsAllowedOrigins[1]",
            "stream.bufferingSizeMb",
            "stream.bufferingIntervalSeconds",
            "bridge.timeoutSeconds",
            "iam.firehoseRoleName",
        ]
    );
    let err = validate(&spec).into_result().expect_err("invalid");
    assert_eq!(err.problems.len(), 9);
    assert!(
        err.to_string().starts_with(
            "name: may contain only a-z, 0-9 and '-' ('D' is not allowed); table.name:"
        ),
        "{err}"
    );
}

#[test]
fn into_result_hands_back_the_warnings_when_valid() {
    let mut spec = aws();
    spec.bucket.expiration_days = None;
    let warnings = validate(&spec).into_result().expect("valid");
    assert!(warnings.iter().any(|w| w.path == "bucket.expirationDays"));
}
