//! Reading specs: every unknown field and wrong type at once, with exact paths; the shape here
//! and the serde types agree.

use serde_json::{json, Value};

use crate::rules::tests::{full_spec_leaves, full_specs};
use crate::spec::{PipelineSpec, SpecProblem};

fn problems(value: Value) -> Vec<(String, String)> {
    PipelineSpec::from_json(&value.to_string())
        .expect_err("bad spec")
        .problems
        .into_iter()
        .map(|SpecProblem { path, message }| (path, message))
        .collect()
}

fn spec_json() -> Value {
    serde_json::from_str(&PipelineSpec::aws_dynamodb("demo", "eu-west-1").to_json(false))
        .expect("json")
}

#[test]
fn the_shape_lists_exactly_the_fields_of_the_serde_types() {
    // Leaves of field_paths(): paths no other path continues.
    let all = PipelineSpec::field_paths();
    let mut leaves: Vec<String> = all
        .iter()
        .filter(|p| {
            !all.iter()
                .any(|q| q.starts_with(&format!("{p}.")) || q.starts_with(&format!("{p}[]")))
        })
        .cloned()
        .collect();
    leaves.sort();
    assert_eq!(leaves, full_spec_leaves());
    for spec in full_specs() {
        assert_eq!(PipelineSpec::from_json(&spec.to_json(true)), Ok(spec));
    }
}

#[test]
fn the_defaults_read_back() {
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
        PipelineSpec::aws_dynamodb("demo", "eu-west-1"),
        PipelineSpec::aws_s3("demo", "eu-west-1"),
    ] {
        assert_eq!(PipelineSpec::from_json(&spec.to_json(false)), Ok(spec));
    }
}

#[test]
fn every_unknown_field_is_reported_with_the_allowed_names() {
    let mut v = spec_json();
    v["nmae"] = json!("x");
    v["table"]["sortkey"] = json!({"name": "b", "type": "S"});
    v["stream"]["bufferSize"] = json!(5);
    v["target"]["endpoint"] = json!("http://127.0.0.1:4566");
    let found = problems(v);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "target.endpoint",
            "table.sortkey",
            "stream.bufferSize",
            "nmae"
        ],
        "{found:#?}"
    );
    let by = |path: &str| &found.iter().find(|(p, _)| p == path).expect(path).1;
    assert!(by("nmae").starts_with("is not a field of the spec; its fields are version, name,"));
    assert!(
        by("nmae").ends_with("(did you mean name?)"),
        "{}",
        by("nmae")
    );
    assert!(by("table.sortkey").contains("(did you mean sortKey?)"));
    assert!(by("stream.bufferSize").contains(
        "its fields are name, bufferingSizeMb, bufferingIntervalSeconds, retryDurationSeconds"
    ));
    // An AWS target has only a region.
    assert_eq!(
        by("target.endpoint"),
        "is not a field of target; its fields are type, region"
    );
}

#[test]
fn every_wrong_type_is_reported() {
    let mut v = spec_json();
    v["kind"] = json!("DynamoDB");
    v["stream"]["bufferingSizeMb"] = json!("5");
    v["stream"]["bufferingIntervalSeconds"] = json!(-1);
    v["table"]["pointInTimeRecovery"] = json!("yes");
    v["table"]["partitionKey"]["type"] = json!("STRING");
    v["bucket"]["corsAllowedOrigins"] = json!(["https://a.example", 5]);
    v["bucket"]["expirationDays"] = json!(1.5);
    v["bridge"]["accessKey"] = json!(123_456_789);
    let found = problems(v);
    let expected = [
        // A secret is never shown, not even when it is of the wrong type.
        ("bridge.accessKey", "must be a string (it is a number)"),
        ("bucket.corsAllowedOrigins[1]", "must be a string (it is 5)"),
        (
            "bucket.expirationDays",
            "must be a whole number from 0 to 4294967295 (it is 1.5)",
        ),
        ("kind", "must be one of dynamodb, s3 (it is \"DynamoDB\")"),
        (
            "stream.bufferingIntervalSeconds",
            "must be a whole number from 0 to 4294967295 (it is -1)",
        ),
        (
            "stream.bufferingSizeMb",
            "must be a whole number from 0 to 4294967295 (it is \"5\")",
        ),
        (
            "table.partitionKey.type",
            "must be one of S, N, B (it is \"STRING\")",
        ),
        (
            "table.pointInTimeRecovery",
            "must be true or false (it is \"yes\")",
        ),
    ];
    let mut sorted = found.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        expected.map(|(p, m)| (p.to_owned(), m.to_owned())),
        "{found:#?}"
    );
}

#[test]
fn missing_fields_and_variants() {
    let mut v = spec_json();
    v["bucket"].as_object_mut().expect("bucket").remove("name");
    v["target"] = json!({"type": "gcp", "region": "x"});
    v["table"]["billing"] = json!({"mode": "provisioned", "readCapacityUnits": 5});
    let found = problems(v);
    assert_eq!(
        found,
        [
            (
                "target.type".to_owned(),
                "must be one of local, aws (it is \"gcp\")".to_owned()
            ),
            (
                "table.billing.writeCapacityUnits".to_owned(),
                "is required".to_owned()
            ),
            ("bucket.name".to_owned(), "is required".to_owned()),
        ]
    );
    let mut v = spec_json();
    v["target"] = json!({"region": "eu-west-1"});
    assert_eq!(
        problems(v),
        [(
            "target.type".to_owned(),
            "is required: one of local, aws".to_owned()
        )]
    );
}

#[test]
fn null_is_leaving_an_option_out_but_not_a_defaulted_field() {
    let mut v = spec_json();
    v["table"]["sortKey"] = Value::Null;
    v["bridge"]["ttlDays"] = Value::Null;
    let spec = PipelineSpec::from_json(&v.to_string()).expect("valid");
    assert!(spec.table.expect("table").sort_key.is_none());
    let mut v = spec_json();
    v["bridge"]["generateMissingKey"] = Value::Null;
    assert_eq!(
        problems(v),
        [(
            "bridge.generateMissingKey".to_owned(),
            "must be true or false (it is null)".to_owned()
        )]
    );
}

#[test]
fn not_json_a_non_object_or_another_version_is_one_problem() {
    let one = |text: &str| PipelineSpec::from_json(text).expect_err("bad").problems;
    let p = one("{\"version\": 1,");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "");
    assert!(p[0].message.starts_with("is not valid JSON"));
    assert_eq!(
        one("[1]")[0].message,
        "must be a JSON object: a pipeline spec with \"version\": 1"
    );
    let mut v = spec_json();
    v["version"] = json!(2);
    v["nmae"] = json!("x");
    let p = one(&v.to_string());
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "version");
    assert!(p[0].message.starts_with("must be 1"));
}
