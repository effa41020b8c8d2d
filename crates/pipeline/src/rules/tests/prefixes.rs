//! Prefixes. The Firehose examples are the "Example prefixes" table of the Firehose guide,
//! "Custom prefixes for Amazon S3 objects" (docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html).

use super::*;

fn prefixes(data: &str, error: &str) -> PipelineSpec {
    let mut spec = PipelineSpec::aws_s3("demo", "eu-west-1");
    spec.bucket.data_prefix = data.to_owned();
    spec.bucket.error_output_prefix = error.to_owned();
    spec
}

#[test]
fn the_guides_valid_examples_pass() {
    for (data, error) in [
        ("", "myFirehoseFailures/!{firehose:error-output-type}/"),
        (
            "myFirehose/DeliveredYear=!{timestamp:yyyy}/anyMonth/rand=!{firehose:random-string}",
            "myFirehoseFailures/!{firehose:error-output-type}/!{timestamp:yyyy}/anyMonth/!{timestamp:dd}",
        ),
        (
            "myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
            "myErrorPrefix/!{timestamp:'year='yyyy'/month='MM'/day='dd'/hour='HH}/!{firehose:error-output-type}",
        ),
        // ErrorOutputPrefix unspecified: fine while Prefix has no expressions.
        ("myFirehosePrefix", ""),
    ] {
        assert_valid(&prefixes(data, error));
    }
}

#[test]
fn a_prefix_with_expressions_needs_an_error_output_prefix() {
    // The guide: "Invalid input: ErrorOutputPrefix can't be null when Prefix contains expressions".
    assert_error(
        &prefixes("!{timestamp:yyyy/MM/dd}", ""),
        "bucket.errorOutputPrefix",
        "is required when bucket.dataPrefix uses !{...} expressions",
    );
}

#[test]
fn the_error_output_type_belongs_to_the_error_prefix_only() {
    assert_error(
        &prefixes(
            "data/!{firehose:error-output-type}/",
            "errors/!{firehose:error-output-type}/",
        ),
        "bucket.dataPrefix",
        "only the error output prefix can",
    );
    assert_error(
        &prefixes("data/", "errors/"),
        "bucket.errorOutputPrefix",
        "must contain !{firehose:error-output-type}",
    );
}

#[test]
fn expressions_must_be_well_formed_and_evaluable() {
    let error = "errors/!{firehose:error-output-type}/";
    for (data, says) in [
        ("data/!{timestamp:yyyy/", "unclosed !{"),
        ("data/!{timestamp:}/", "needs a date pattern"),
        (
            "data/!{firehose:uuid}/",
            "only random-string and error-output-type",
        ),
        (
            "data/!{partitionKeyFromQuery:customer_id}/",
            "needs dynamic partitioning",
        ),
        (
            "data/!{partitionKeyFromLambda:id}/",
            "needs dynamic partitioning",
        ),
        ("data/!{date:yyyy}/", "unknown namespace \"date\""),
        ("data/!{timestamp}/", "is not an expression"),
    ] {
        assert_error(&prefixes(data, error), "bucket.dataPrefix", says);
    }
}

#[test]
fn prefix_lengths_and_leading_slash() {
    let error = "errors/!{firehose:error-output-type}/";
    assert_valid(&prefixes(&"d".repeat(512), error));
    assert_error(
        &prefixes(&"d".repeat(513), error),
        "bucket.dataPrefix",
        "at most 512 characters once Firehose evaluates it",
    );
    assert_error(
        &prefixes(&"é".repeat(513), error),
        "bucket.dataPrefix",
        "at most 1024 bytes of UTF-8 (it has 1026)",
    );
    assert_error(
        &prefixes("/data/", error),
        "bucket.dataPrefix",
        "must not start with '/'",
    );
    assert_error(
        &prefixes("data/", "/errors/!{firehose:error-output-type}/"),
        "bucket.errorOutputPrefix",
        "must not start with '/'",
    );
}

#[test]
fn the_reject_prefix_is_plain_text_for_the_bridge() {
    for ok in ["bridge-rejected/", "", "rejects", &"r".repeat(512)] {
        let mut spec = aws();
        spec.bridge.as_mut().expect("bridge").reject_prefix = ok.to_owned();
        assert_valid(&spec);
    }
    for (bad, says) in [
        ("/rejects/", "must not start with '/'"),
        ("rejects/!{timestamp:yyyy}/", "writes the prefix as it is"),
        (" rejects/", "must not start or end with spaces"),
        (&*"r".repeat(513), "at most 512 bytes"),
    ] {
        let mut spec = aws();
        spec.bridge.as_mut().expect("bridge").reject_prefix = bad.to_owned();
        assert_error(&spec, "bridge.rejectPrefix", says);
    }
}
