//! What each kind needs, the bucket's CORS origins and compression, and the bridge's key and
//! added attributes.

use super::*;

#[test]
fn each_kind_has_its_parts_and_no_others() {
    let mut spec = aws();
    spec.table = None;
    spec.bridge = None;
    let paths: Vec<String> = errors(&spec).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["table", "bridge"]);

    let mut spec = aws();
    spec.iam.bridge_role_name = None;
    assert_error(
        &spec,
        "iam.bridgeRoleName",
        "required for the dynamodb kind on AWS",
    );
    // Locally the bridge is `hoseline bridge serve`: no Lambda, no execution role.
    let mut spec = local();
    spec.iam.bridge_role_name = None;
    assert_valid(&spec);

    let dynamodb = aws();
    let mut spec = PipelineSpec::aws_s3("demo", "eu-west-1");
    spec.table = dynamodb.table.clone();
    spec.bridge = dynamodb.bridge.clone();
    spec.iam.bridge_role_name = Some("demo-bridge".into());
    let found = errors(&spec);
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["table", "bridge", "iam.bridgeRoleName"],
        "{found:#?}"
    );
    assert!(found
        .iter()
        .all(|(_, m)| m.contains("left out for the s3 kind")));
}

#[test]
fn every_compression_format_is_valid_for_both_kinds() {
    // Firehose guide, "Configure settings": GZIP, Snappy, Zip or Hadoop-compatible Snappy, or
    // none; only a Redshift destination refuses Snappy, Zip and Hadoop-compatible Snappy. The
    // HTTP endpoint's S3 backup takes the same S3DestinationConfiguration.CompressionFormat.
    for compression in [
        Compression::Uncompressed,
        Compression::Gzip,
        Compression::Zip,
        Compression::Snappy,
        Compression::HadoopSnappy,
    ] {
        for mut spec in [aws(), PipelineSpec::aws_s3("demo", "eu-west-1")] {
            spec.bucket.compression = compression;
            assert_valid(&spec);
        }
    }
}

#[test]
fn cors_origins_are_browser_origins() {
    // S3 guide, "Elements of a CORS configuration": AllowedOrigin, at most one * wildcard.
    let with = |origins: &[&str]| {
        let mut spec = aws();
        spec.bucket.cors_allowed_origins = origins.iter().map(|o| (*o).to_owned()).collect();
        spec
    };
    assert_valid(&with(&[
        "https://console.example.com",
        "http://localhost:8080",
        "http://127.0.0.1:8080",
        "http://[::1]:8080",
        "https://*.example.com",
        "*",
    ]));
    for (bad, says) in [
        ("https://console.example.com/", "must not have a path"),
        ("https://console.example.com/app", "must not have a path"),
        ("https://Console.example.com", "lower case"),
        ("ftp://files.example.com", "http:// or https://"),
        ("console.example.com", "must be an origin"),
        ("http://localhost:99999", "port"),
        ("https://*.*.example.com", "at most one * wildcard"),
        ("http://[::1", "unclosed '['"),
    ] {
        assert_error(
            &with(&["https://ok.example", bad]),
            "bucket.corsAllowedOrigins[1]",
            says,
        );
    }
    // On AWS the console browses the bucket only through its CORS rule.
    assert_error(
        &with(&[]),
        "bucket.corsAllowedOrigins",
        "at least one origin on AWS",
    );
    let mut spec = local();
    spec.bucket.cors_allowed_origins.clear();
    assert_valid(&spec);
}

#[test]
fn the_access_key_is_a_header_value_and_never_echoed() {
    // Firehose API, HttpEndpointConfiguration.AccessKey: at most 4096.
    let set = |key: &str| {
        let mut spec = aws();
        spec.bridge.as_mut().expect("bridge").access_key = Some(AccessKey::new(key));
        spec
    };
    assert_valid(&set(&"k".repeat(4096)));
    assert_valid(&set("Ab0-_~!.:/+="));
    assert_error(&set(""), "bridge.accessKey", "must not be empty");
    assert_error(
        &set(&"k".repeat(4097)),
        "bridge.accessKey",
        "at most 4096 bytes",
    );
    let secret = "s3cret with a space";
    let found = errors(&set(secret));
    assert_eq!(found.len(), 1);
    assert!(found[0].1.contains("visible ASCII"), "{found:?}");
    assert!(!found[0].1.contains("s3cret"), "the key must not be echoed");
}

#[test]
fn the_ttl_and_arrival_attributes_are_not_keys_and_not_each_other() {
    let mut spec = aws();
    spec.table.as_mut().expect("table").ttl_attribute = Some("TICKER_SYMBOL".into());
    assert_error(&spec, "table.ttlAttribute", "must not be a key attribute");

    let mut spec = aws();
    spec.table.as_mut().expect("table").ttl_attribute = Some("EXPIRES_AT ".into());
    assert_error(
        &spec,
        "table.ttlAttribute",
        "must not start or end with spaces",
    );

    let mut spec = aws();
    spec.table.as_mut().expect("table").ttl_attribute = None;
    assert_error(&spec, "bridge.ttlDays", "needs table.ttlAttribute");

    let mut spec = aws();
    spec.bridge.as_mut().expect("bridge").arrival_attribute = Some("EVENT_ID".into());
    assert_error(
        &spec,
        "bridge.arrivalAttribute",
        "must not be a key attribute",
    );

    let mut spec = aws();
    spec.bridge.as_mut().expect("bridge").arrival_attribute = Some("EXPIRES_AT".into());
    assert_error(
        &spec,
        "bridge.arrivalAttribute",
        "must differ from table.ttlAttribute",
    );

    let mut spec = aws();
    spec.bridge.as_mut().expect("bridge").arrival_attribute = Some(String::new());
    assert_error(&spec, "bridge.arrivalAttribute", "is required");
}
