use hoseline_pipeline::rules;
use hoseline_pipeline::spec::{Billing, PipelineKind, PipelineSpec, Target};

use super::*;
use crate::draft::model::Draft;

fn draft() -> Draft {
    Draft::new(PipelineSpec::local_dynamodb("demo"))
}

fn def(path: &str) -> &'static FieldDef {
    field(path).unwrap_or_else(|| panic!("no field {path}"))
}

fn errors(draft: &Draft, path: &str) -> Vec<String> {
    field_errors(def(path), &draft.raw, &rules::validate(&draft.spec))
}

fn type_into(draft: &mut Draft, path: &str, text: &str) {
    apply_input(def(path), draft, text);
}

#[test]
fn every_path_is_a_rule_path_with_its_constraint() {
    for step in Step::ALL {
        for f in fields(step) {
            // The toggle that turns auto scaling on has no rule of its own.
            if f.path == "table.billing.autoScaling" {
                continue;
            }
            assert!(f.constraint().is_some(), "{} has no rule", f.path);
        }
    }
    assert_eq!(
        def("table.partitionKey.name").testid(),
        "field-table-partitionKey-name"
    );
    assert_eq!(
        testid("advice", "bucket.corsAllowedOrigins[1]"),
        "advice-bucket-corsAllowedOrigins-1"
    );
}

#[test]
fn every_field_of_the_spec_is_on_some_form() {
    // Set by the connection, or parts rather than fields.
    let elsewhere = [
        "version",
        "table",
        "bridge",
        "target.type",
        "target.endpoint",
        "target.region",
        "bucket.corsAllowedOrigins[]",
    ];
    for rule in rules::rules().filter(|r| !elsewhere.contains(&r.path)) {
        assert!(
            field(rule.path).is_some(),
            "{} is not on any form",
            rule.path
        );
    }
}

#[test]
fn the_defaults_are_valid_on_every_step_of_both_kinds() {
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
        PipelineSpec::aws_dynamodb("demo", "us-east-1"),
    ] {
        for step in Step::ALL {
            let found = step_errors(step, &spec, &RawInputs::new());
            assert!(found.is_empty(), "{step:?}: {found:?}");
        }
    }
}

#[test]
fn a_bad_table_name_names_the_field_and_the_rule() {
    let mut d = draft();
    type_into(&mut d, "table.name", "a!");
    let found = errors(&d, "table.name");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("Table name must"), "{found:?}");
    assert!(
        found[0].contains("3") && found[0].contains("255"),
        "{found:?}"
    );
    assert_eq!(step_errors(Step::Table, &d.spec, &d.raw).len(), 1);
}

#[test]
fn a_number_that_does_not_parse_is_kept_and_reported() {
    let mut d = draft();
    type_into(&mut d, "stream.bufferingSizeMb", "abc");
    assert_eq!(
        d.spec.stream.buffering_size_mb, 1,
        "the spec keeps its last value"
    );
    assert_eq!(
        shown_value(def("stream.bufferingSizeMb"), &d.spec, &d.raw),
        "abc"
    );
    assert_eq!(
        errors(&d, "stream.bufferingSizeMb"),
        ["Buffer size (MB) must be a whole number"]
    );
    assert!(!step_errors(Step::Delivery, &d.spec, &d.raw).is_empty());

    type_into(&mut d, "stream.bufferingSizeMb", "3");
    assert_eq!(d.spec.stream.buffering_size_mb, 3);
    assert!(d.raw.is_empty());
    // Read back differently ("03" is 3): kept as typed, no error.
    type_into(&mut d, "stream.bufferingSizeMb", "03");
    assert_eq!(
        shown_value(def("stream.bufferingSizeMb"), &d.spec, &d.raw),
        "03"
    );
    assert!(errors(&d, "stream.bufferingSizeMb").is_empty());
}

#[test]
fn an_optional_number_left_empty_is_left_out() {
    let mut d = draft();
    type_into(&mut d, "bucket.expirationDays", "");
    assert_eq!(d.spec.bucket.expiration_days, None);
    assert!(d.raw.is_empty());
    type_into(&mut d, "bucket.expirationDays", "0");
    let found = errors(&d, "bucket.expirationDays");
    assert!(
        found[0].starts_with("Expire objects after (days) must"),
        "{found:?}"
    );
}

#[test]
fn a_rule_broken_by_the_numbers_shows_on_its_field() {
    let mut d = Draft::new(PipelineSpec::aws_dynamodb("demo", "us-east-1"));
    type_into(&mut d, "stream.bufferingSizeMb", "5");
    let found = errors(&d, "stream.bufferingSizeMb");
    assert!(found[0].contains("at most 4"), "{found:?}");
}

#[test]
fn advice_shows_where_it_applies() {
    let mut d = draft();
    type_into(&mut d, "table.partitionKey.name", "status");
    let validation = rules::validate(&d.spec);
    let advice = field_advice(def("table.partitionKey.name"), &validation);
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].practice, "Partition key spread");

    type_into(&mut d, "table.billing.mode", "provisioned");
    assert!(matches!(
        d.spec.table.as_ref().map(|t| &t.billing),
        Some(Billing::Provisioned {
            auto_scaling: Some(_),
            ..
        })
    ));
    type_into(&mut d, "table.billing.autoScaling", "false");
    let validation = rules::validate(&d.spec);
    let advice = field_advice(def("table.billing.mode"), &validation);
    assert_eq!(advice[0].practice, "Auto scaling");
}

#[test]
fn the_sort_key_is_optional_and_keeps_its_type() {
    let mut d = draft();
    type_into(&mut d, "table.sortKey.type", "N");
    type_into(&mut d, "table.sortKey.name", "");
    assert!(d.spec.table.as_ref().is_some_and(|t| t.sort_key.is_none()));
    assert!(!(def("table.sortKey.type").shown)(&d.spec));
    type_into(&mut d, "table.sortKey.name", "AT");
    assert_eq!(shown_value(def("table.sortKey.type"), &d.spec, &d.raw), "S");
}

#[test]
fn origins_are_one_per_line_and_a_bad_one_names_its_line() {
    let mut d = draft();
    type_into(
        &mut d,
        "bucket.corsAllowedOrigins",
        "http://127.0.0.1:8080\n",
    );
    assert_eq!(
        d.spec.bucket.cors_allowed_origins,
        ["http://127.0.0.1:8080"]
    );
    // The newline just typed stays, so the next line can be typed.
    assert_eq!(
        d.raw.get("bucket.corsAllowedOrigins").map(String::as_str),
        Some("http://127.0.0.1:8080\n")
    );
    type_into(
        &mut d,
        "bucket.corsAllowedOrigins",
        "http://127.0.0.1:8080\nhttp://x/path",
    );
    let found = errors(&d, "bucket.corsAllowedOrigins");
    assert!(
        found[0].starts_with("Console origins, line 2:"),
        "{found:?}"
    );
}

#[test]
fn renaming_renames_the_resources_still_at_their_defaults() {
    let mut d = draft();
    type_into(&mut d, "stream.name", "my-stream");
    type_into(&mut d, "name", "orders");
    let s = &d.spec;
    assert_eq!(s.name, "orders");
    assert_eq!(
        s.table.as_ref().map(|t| t.name.as_str()),
        Some("orders-tickers")
    );
    assert_eq!(s.bucket.name, "orders-data");
    assert_eq!(s.iam.firehose_role_name, "orders-firehose");
    assert_eq!(
        s.bridge.as_ref().map(|b| b.function_name.as_str()),
        Some("orders-bridge")
    );
    assert_eq!(s.stream.name, "my-stream", "changed by the person: kept");
    assert!(matches!(&s.target, Target::Local { .. }));
}

#[test]
fn switching_to_s3_sets_the_table_aside_and_switching_back_restores_it() {
    let mut d = draft();
    type_into(&mut d, "table.partitionKey.name", "DEVICE_ID");
    type_into(&mut d, "kind", "s3");
    assert_eq!(d.spec.kind, PipelineKind::S3);
    assert!(d.spec.table.is_none() && d.spec.bridge.is_none());
    assert_eq!(d.spec.bucket.data_prefix, "data/");
    assert_eq!(d.spec.stream.buffering_size_mb, 5);
    assert!(
        rules::validate(&d.spec).is_ok(),
        "{:?}",
        rules::validate(&d.spec)
    );

    type_into(&mut d, "name", "orders");
    type_into(&mut d, "kind", "dynamodb");
    let table = d.spec.table.as_ref().expect("table back");
    assert_eq!(table.partition_key.name, "DEVICE_ID");
    assert_eq!(table.name, "orders-tickers");
    assert_eq!(d.spec.stream.buffering_size_mb, 1);
    assert!(rules::validate(&d.spec).is_ok());
}

#[test]
fn advice_names_fields_by_their_labels() {
    assert_eq!(
        for_people("Set table.ttlAttribute and bridge.ttlDays"),
        "Set \"Time to live attribute\" and \"Items expire after (days)\""
    );
    assert_eq!(
        for_people("Add autoScaling, or bill onDemand"),
        "Add auto scaling, or bill on demand"
    );
    let mut spec = PipelineSpec::local_dynamodb("demo");
    spec.bucket.expiration_days = None;
    spec.bucket.backup_mode = hoseline_pipeline::spec::BackupMode::AllData;
    for advice in rules::validate(&spec).warnings {
        let text = for_people(&advice.message);
        assert!(
            !text.contains("expirationDays") && !text.contains("failedDataOnly"),
            "{text}"
        );
    }
}
