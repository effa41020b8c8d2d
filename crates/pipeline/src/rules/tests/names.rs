//! Names: the pipeline's, the table's and its keys', the stream's, the bucket's, the Lambda's and
//! the roles', each with valid and invalid examples from the AWS pages that define them.

use super::*;

#[test]
fn pipeline_names_are_lowercase_and_start_with_a_letter() {
    // CloudFormation, CreateStack: StackName [a-zA-Z][-a-zA-Z0-9]*; ours is hoseline-<name>.
    for ok in ["demo", "a", "orders-2026", &"a".repeat(40)] {
        let mut spec = aws();
        spec.name = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        ("", "is required"),
        (&*"a".repeat(41), "1 to 40 characters"),
        ("Demo", "'D' is not allowed"),
        ("demo_x", "'_' is not allowed"),
        ("1demo", "must start with a letter"),
        ("-demo", "must start with a letter"),
    ] {
        let mut spec = aws();
        spec.name = bad.to_owned();
        assert_error(&spec, "name", says);
    }
}

#[test]
fn table_names_follow_dynamodb_naming_rules() {
    // DynamoDB guide, "Supported data types and naming rules": table names 3-255 characters of
    // a-z, A-Z, 0-9, _ (underscore), - (dash), . (dot).
    for ok in ["Music", "my-table.v1_2", &"t".repeat(255)] {
        let mut spec = aws();
        spec.table.as_mut().expect("table").name = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        ("ab", "3 to 255 characters long (it has 2)"),
        (&*"t".repeat(256), "(it has 256)"),
        ("my table", "' ' is not allowed"),
        ("tab/le", "'/' is not allowed"),
    ] {
        let mut spec = aws();
        spec.table.as_mut().expect("table").name = bad.to_owned();
        assert_error(&spec, "table.name", says);
    }
}

#[test]
fn key_names_are_1_to_255_bytes_and_distinct() {
    // DynamoDB guide, quotas, "Attribute names": key attribute names 1-255 bytes (UTF-8).
    let mut spec = aws();
    spec.table.as_mut().expect("table").partition_key.name = "é".repeat(127);
    assert_valid(&spec);
    spec.table.as_mut().expect("table").partition_key.name = "é".repeat(128);
    assert_error(
        &spec,
        "table.partitionKey.name",
        "1 to 255 bytes of UTF-8 (it has 256)",
    );

    let mut spec = aws();
    spec.table.as_mut().expect("table").partition_key.name = String::new();
    assert_error(&spec, "table.partitionKey.name", "is required");

    let mut spec = aws();
    let table = spec.table.as_mut().expect("table");
    table.sort_key.as_mut().expect("sort key").name = table.partition_key.name.clone();
    assert_error(
        &spec,
        "table.sortKey.name",
        "must differ from the partition key",
    );
}

#[test]
fn stream_names_follow_firehose_rules() {
    // Firehose API, CreateDeliveryStream: DeliveryStreamName 1-64, [a-zA-Z0-9_.-]+.
    for ok in ["my-stream_1.0", &"s".repeat(64)] {
        let mut spec = aws();
        spec.stream.name = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        (&*"s".repeat(65), "1 to 64 characters"),
        ("my stream", "' ' is not allowed"),
        ("", "is required"),
    ] {
        let mut spec = aws();
        spec.stream.name = bad.to_owned();
        assert_error(&spec, "stream.name", says);
    }
}

#[test]
fn bucket_names_follow_s3_naming_rules() {
    // S3 guide, "General purpose bucket naming rules", its examples.
    for ok in [
        "docexamplebucket1",
        "log-delivery-march-2020",
        "my-hosted-content",
    ] {
        let mut spec = aws();
        spec.bucket.name = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        ("doc_example_bucket", "'_' is not allowed"),
        ("DocExampleBucket", "'D' is not allowed"),
        (
            "doc-example-bucket-",
            "start and end with a lowercase letter or a digit",
        ),
        ("192.168.5.4", "IP address"),
        ("xn--bucket", "\"xn--\""),
        ("my-bucket--ol-s3", "\"--ol-s3\""),
        ("ab", "3 to 63 characters"),
    ] {
        let mut spec = aws();
        spec.bucket.name = bad.to_owned();
        assert_error(&spec, "bucket.name", says);
    }
}

#[test]
fn function_names_follow_lambda_rules() {
    // Lambda API, CreateFunction: a function name is 1-64 letters, digits, hyphens, underscores.
    for ok in ["my-function", "my_function_2", &"f".repeat(64)] {
        let mut spec = aws();
        spec.bridge.as_mut().expect("bridge").function_name = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        ("my.function", "'.' is not allowed"),
        (&*"f".repeat(65), "1 to 64 characters"),
        ("", "is required"),
    ] {
        let mut spec = aws();
        spec.bridge.as_mut().expect("bridge").function_name = bad.to_owned();
        assert_error(&spec, "bridge.functionName", says);
    }
}

#[test]
fn role_names_follow_iam_rules_and_are_distinct() {
    // IAM API, CreateRole: RoleName 1-64 of [\w+=,.@-]; names are unique regardless of case.
    let mut spec = aws();
    spec.iam.firehose_role_name = "app+role=1,x.y@z_w-1".to_owned();
    assert_valid(&spec);
    for (bad, says) in [
        ("bad/role", "'/' is not allowed"),
        (&*"r".repeat(65), "1 to 64"),
    ] {
        let mut spec = aws();
        spec.iam.firehose_role_name = bad.to_owned();
        assert_error(&spec, "iam.firehoseRoleName", says);
    }
    let mut spec = aws();
    spec.iam.bridge_role_name = Some("DEMO-FIREHOSE".to_owned());
    assert_error(
        &spec,
        "iam.bridgeRoleName",
        "must differ from iam.firehoseRoleName",
    );
}
