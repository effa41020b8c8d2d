//! Request encoding and response decoding, with the request and response syntax of the Firehose
//! API reference (https://docs.aws.amazon.com/firehose/latest/APIReference/).

use serde_json::{json, Value};

use super::*;
use crate::credentials::Secret;
use crate::{Endpoint, HttpResponse, Operation, Region, ResolvedEndpoint, Service};

const ROLE: &str = "arn:aws:iam::123456789012:role/firehose_delivery_role";
const BUCKET: &str = "arn:aws:s3:::hoseline-demo";

fn endpoint() -> ResolvedEndpoint {
    Endpoint::Aws.resolve(
        Service::Firehose,
        &Region::new("eu-west-1").expect("region"),
    )
}

fn sent<O: Operation>(op: &O) -> (String, Value) {
    op.validate().expect("valid input");
    let r = op.build(&endpoint()).expect("builds");
    assert_eq!(r.url, "https://firehose.eu-west-1.amazonaws.com/");
    assert_eq!(
        r.get_header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    let target = r.get_header("x-amz-target").expect("target").to_owned();
    (target, serde_json::from_slice(&r.body).expect("json body"))
}

fn ok(body: Value) -> HttpResponse {
    HttpResponse::new(200, body.to_string())
}

fn s3() -> ExtendedS3DestinationConfiguration {
    ExtendedS3DestinationConfiguration {
        role_arn: ROLE.into(),
        bucket_arn: BUCKET.into(),
        prefix: Some("events/!{timestamp:yyyy/MM/dd}/".into()),
        error_output_prefix: Some("errors/!{firehose:error-output-type}/".into()),
        buffering_hints: Some(BufferingHints {
            size_in_mbs: Some(5),
            interval_in_seconds: Some(300),
        }),
        compression_format: Some(CompressionFormat::Gzip),
        ..Default::default()
    }
}

fn http() -> HttpEndpointDestinationConfiguration {
    HttpEndpointDestinationConfiguration {
        endpoint_configuration: HttpEndpointConfiguration {
            url: "https://abc.lambda-url.eu-west-1.on.aws/".into(),
            name: Some("bridge".into()),
            access_key: Some(Secret::new("s3cr3t-access-key")),
        },
        buffering_hints: Some(BufferingHints {
            size_in_mbs: Some(1),
            interval_in_seconds: Some(60),
        }),
        cloud_watch_logging_options: None,
        request_configuration: Some(HttpEndpointRequestConfiguration {
            content_encoding: Some(ContentEncoding::Gzip),
            common_attributes: vec![HttpEndpointCommonAttribute {
                attribute_name: "table".into(),
                attribute_value: "events".into(),
            }],
        }),
        role_arn: Some(ROLE.into()),
        retry_options: Some(HttpEndpointRetryOptions {
            duration_in_seconds: Some(3600),
        }),
        s3_backup_mode: Some(HttpEndpointS3BackupMode::FailedDataOnly),
        s3_configuration: S3DestinationConfiguration {
            role_arn: ROLE.into(),
            bucket_arn: BUCKET.into(),
            compression_format: Some(CompressionFormat::Uncompressed),
            ..Default::default()
        },
    }
}

#[test]
fn create_to_s3_encodes_the_extended_s3_configuration() {
    let op = CreateDeliveryStream::to_s3("events-to-s3", s3());
    let (target, body) = sent(&op);
    assert_eq!(target, "Firehose_20150804.CreateDeliveryStream");
    assert_eq!(
        body,
        json!({
            "DeliveryStreamName": "events-to-s3",
            "DeliveryStreamType": "DirectPut",
            "ExtendedS3DestinationConfiguration": {
                "RoleARN": ROLE, "BucketARN": BUCKET,
                "Prefix": "events/!{timestamp:yyyy/MM/dd}/",
                "ErrorOutputPrefix": "errors/!{firehose:error-output-type}/",
                "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300},
                "CompressionFormat": "GZIP"
            }
        })
    );
    let out = op
        .parse(ok(json!({"DeliveryStreamARN": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/events-to-s3"})))
        .expect("decodes");
    assert_eq!(
        out.delivery_stream_arn.as_deref(),
        Some("arn:aws:firehose:eu-west-1:123456789012:deliverystream/events-to-s3")
    );
}

#[test]
fn create_to_http_endpoint_sends_the_access_key_but_never_debugs_it() {
    let op = CreateDeliveryStream::to_http_endpoint("events-to-bridge", http());
    let (_, body) = sent(&op);
    assert_eq!(
        body["HttpEndpointDestinationConfiguration"],
        json!({
            "EndpointConfiguration": {"Url": "https://abc.lambda-url.eu-west-1.on.aws/", "Name": "bridge", "AccessKey": "s3cr3t-access-key"},
            "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 60},
            "RequestConfiguration": {"ContentEncoding": "GZIP", "CommonAttributes": [{"AttributeName": "table", "AttributeValue": "events"}]},
            "RoleARN": ROLE,
            "RetryOptions": {"DurationInSeconds": 3600},
            "S3BackupMode": "FailedDataOnly",
            "S3Configuration": {"RoleARN": ROLE, "BucketARN": BUCKET, "CompressionFormat": "UNCOMPRESSED"}
        })
    );
    let debug = format!("{op:?}");
    assert!(!debug.contains("s3cr3t"), "{debug}");
    assert!(debug.contains("<redacted>"));
}

#[test]
fn create_validation_names_field_and_rule() {
    let e = CreateDeliveryStream::to_s3("bad name", s3())
        .validate()
        .expect_err("must fail");
    assert_eq!(e.field(), Some("DeliveryStreamName"));
    let e = CreateDeliveryStream::to_s3("x".repeat(65), s3())
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "DeliveryStreamName: must be 1 to 64 characters long (it has 65)"
    );
    let mut both = CreateDeliveryStream::to_s3("s", s3());
    both.http_endpoint_destination_configuration = Some(http());
    assert_eq!(
        both.validate().expect_err("must fail").field(),
        Some("destination")
    );
    let mut c = s3();
    c.role_arn = "arn:aws:iam::123:role/x".into();
    assert_eq!(
        CreateDeliveryStream::to_s3("s", c)
            .validate()
            .expect_err("must fail")
            .field(),
        Some("ExtendedS3DestinationConfiguration.RoleARN")
    );
    let mut c = s3();
    c.bucket_arn = "arn:aws:s3:::".into();
    assert_eq!(
        CreateDeliveryStream::to_s3("s", c)
            .validate()
            .expect_err("must fail")
            .field(),
        Some("ExtendedS3DestinationConfiguration.BucketARN")
    );
    let mut c = s3();
    c.error_output_prefix = Some("errors/!{timestamp:yyyy}/".into());
    let e = CreateDeliveryStream::to_s3("s", c)
        .validate()
        .expect_err("must fail");
    assert_eq!(e.to_string(), "ExtendedS3DestinationConfiguration.ErrorOutputPrefix: must contain !{firehose:error-output-type} when it uses expressions");
    let mut c = s3();
    c.error_output_prefix = None;
    assert_eq!(
        CreateDeliveryStream::to_s3("s", c)
            .validate()
            .expect_err("must fail")
            .field(),
        Some("ExtendedS3DestinationConfiguration.ErrorOutputPrefix")
    );
    let mut c = s3();
    c.buffering_hints = Some(BufferingHints {
        size_in_mbs: Some(129),
        interval_in_seconds: None,
    });
    assert_eq!(
        CreateDeliveryStream::to_s3("s", c).validate().expect_err("must fail").to_string(),
        "ExtendedS3DestinationConfiguration.BufferingHints.SizeInMBs: must be from 1 to 128 (it is 129)"
    );
    let mut h = http();
    h.buffering_hints = Some(BufferingHints {
        size_in_mbs: Some(65),
        interval_in_seconds: Some(901),
    });
    assert_eq!(
        CreateDeliveryStream::to_http_endpoint("s", h).validate().expect_err("must fail").to_string(),
        "HttpEndpointDestinationConfiguration.BufferingHints.SizeInMBs: must be from 1 to 64 (it is 65)"
    );
    let mut h = http();
    h.retry_options = Some(HttpEndpointRetryOptions {
        duration_in_seconds: Some(7201),
    });
    assert_eq!(
        CreateDeliveryStream::to_http_endpoint("s", h)
            .validate()
            .expect_err("must fail")
            .field(),
        Some("HttpEndpointDestinationConfiguration.RetryOptions.DurationInSeconds")
    );
    let mut h = http();
    h.endpoint_configuration.url = "http://plain.example".into();
    assert_eq!(
        CreateDeliveryStream::to_http_endpoint("s", h)
            .validate()
            .expect_err("must fail")
            .to_string(),
        "HttpEndpointDestinationConfiguration.EndpointConfiguration.Url: must be an https:// URL \
         (http:// only to a loopback host, for a local emulator)"
    );
    // AWS requires https; plain http only reaches a bridge on this machine (the local emulator).
    for url in [
        "http://127.0.0.1:4599/tables/t",
        "http://localhost:4599/",
        "http://[::1]:4599/tables/t",
        "http://127.0.0.1",
    ] {
        let mut h = http();
        h.endpoint_configuration.url = url.into();
        CreateDeliveryStream::to_http_endpoint("s", h)
            .validate()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }
    for url in [
        "http://127.0.0.1.example.com/",
        "http://localhost.evil:80/",
        "http://[::2]:80/",
        "http://10.0.0.1/",
        "https://",
        "ftp://127.0.0.1/",
    ] {
        let mut h = http();
        h.endpoint_configuration.url = url.into();
        assert!(
            CreateDeliveryStream::to_http_endpoint("s", h)
                .validate()
                .is_err(),
            "{url}"
        );
    }
    let mut h = http();
    h.endpoint_configuration.access_key = Some(Secret::new("k".repeat(4097)));
    assert!(CreateDeliveryStream::to_http_endpoint("s", h)
        .validate()
        .is_err());
    let mut h = http();
    h.request_configuration = Some(HttpEndpointRequestConfiguration {
        content_encoding: None,
        common_attributes: (0..51)
            .map(|i| HttpEndpointCommonAttribute {
                attribute_name: format!("a{i}"),
                attribute_value: String::new(),
            })
            .collect(),
    });
    assert!(CreateDeliveryStream::to_http_endpoint("s", h)
        .validate()
        .is_err());
    let mut kinesis = CreateDeliveryStream::to_s3("s", s3());
    kinesis.delivery_stream_type = Some(DeliveryStreamType::KinesisStreamAsSource);
    assert_eq!(
        kinesis.validate().expect_err("must fail").field(),
        Some("DeliveryStreamType")
    );
}

// DescribeDeliveryStream response syntax, an HTTP endpoint destination with its S3 backup.
#[test]
fn describe_decodes_status_and_destinations() {
    let op = DescribeDeliveryStream::new("events-to-bridge");
    let (target, body) = sent(&op);
    assert_eq!(target, "Firehose_20150804.DescribeDeliveryStream");
    assert_eq!(body, json!({"DeliveryStreamName": "events-to-bridge"}));
    let out = op
        .parse(ok(json!({"DeliveryStreamDescription": {
            "DeliveryStreamName": "events-to-bridge",
            "DeliveryStreamARN": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/events-to-bridge",
            "DeliveryStreamStatus": "ACTIVE", "DeliveryStreamType": "DirectPut", "VersionId": "1",
            "CreateTimestamp": 1700000000.5,
            "DeliveryStreamEncryptionConfiguration": {"Status": "DISABLED"},
            "Destinations": [{
                "DestinationId": "destinationId-000000000001",
                "HttpEndpointDestinationDescription": {
                    "EndpointConfiguration": {"Url": "https://abc.lambda-url.eu-west-1.on.aws/", "Name": "bridge"},
                    "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 60},
                    "RequestConfiguration": {"ContentEncoding": "GZIP"},
                    "RetryOptions": {"DurationInSeconds": 3600},
                    "S3BackupMode": "FailedDataOnly",
                    "S3DestinationDescription": {"RoleARN": ROLE, "BucketARN": BUCKET, "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300},
                        "CompressionFormat": "UNCOMPRESSED", "EncryptionConfiguration": {"NoEncryptionConfig": "NoEncryption"}}
                }
            }],
            "HasMoreDestinations": false}})))
        .expect("decodes");
    let d = out.delivery_stream_description;
    assert_eq!(d.delivery_stream_status, Some(DeliveryStreamStatus::Active));
    assert_eq!(d.delivery_stream_type, Some(DeliveryStreamType::DirectPut));
    assert_eq!(d.create_timestamp, Some(1700000000.5));
    assert_eq!(d.destinations.len(), 1);
    assert_eq!(d.destinations[0].kind(), "HttpEndpoint");
    let h = d.destinations[0]
        .http_endpoint_destination_description
        .clone()
        .expect("http");
    assert_eq!(
        h.endpoint_configuration.and_then(|e| e.url).as_deref(),
        Some("https://abc.lambda-url.eu-west-1.on.aws/")
    );
    assert_eq!(
        h.s3_destination_description
            .and_then(|s| s.bucket_arn)
            .as_deref(),
        Some(BUCKET)
    );
    // Emulators write timestamps as text; that must not fail the response.
    let d: DeliveryStreamDescription = serde_json::from_value(json!({"CreateTimestamp": "2025-11-26T14:10:00+00:00", "DeliveryStreamStatus": "SOMETHING_NEW"})).expect("decodes");
    assert_eq!(
        (d.create_timestamp, d.delivery_stream_status),
        (None, Some(DeliveryStreamStatus::Unknown))
    );
}

#[test]
fn list_and_delete_streams() {
    let op = ListDeliveryStreams {
        limit: Some(10),
        delivery_stream_type: Some(DeliveryStreamType::DirectPut),
        exclusive_start_delivery_stream_name: None,
    };
    let (target, body) = sent(&op);
    assert_eq!(target, "Firehose_20150804.ListDeliveryStreams");
    assert_eq!(
        body,
        json!({"Limit": 10, "DeliveryStreamType": "DirectPut"})
    );
    let out = op
        .parse(ok(
            json!({"DeliveryStreamNames": ["a", "b"], "HasMoreDeliveryStreams": true}),
        ))
        .expect("decodes");
    assert_eq!(out.delivery_stream_names, vec!["a", "b"]);
    assert!(out.has_more_delivery_streams);
    assert_eq!(
        ListDeliveryStreams {
            limit: Some(0),
            ..Default::default()
        }
        .validate()
        .expect_err("must fail")
        .field(),
        Some("Limit")
    );

    let op = DeleteDeliveryStream::new("events-to-s3");
    let (target, body) = sent(&op);
    assert_eq!(target, "Firehose_20150804.DeleteDeliveryStream");
    assert_eq!(body, json!({"DeliveryStreamName": "events-to-s3"}));
    assert_eq!(
        op.parse(HttpResponse::new(200, "")).expect("empty body"),
        DeleteDeliveryStreamOutput {}
    );
}

// PutRecordBatch: base64 data in; FailedPutCount and per-record results out.
#[test]
fn put_record_batch_encodes_base64_and_finds_the_failed_records() {
    let op = PutRecordBatch::new(
        "events",
        vec![
            Record::new(b"{\"a\":1}\n".to_vec()),
            Record::new(Vec::new()),
            Record::new(b"x".to_vec()),
        ],
    );
    let (target, body) = sent(&op);
    assert_eq!(target, "Firehose_20150804.PutRecordBatch");
    assert_eq!(
        body,
        json!({"DeliveryStreamName": "events", "Records": [{"Data": "eyJhIjoxfQo="}, {"Data": ""}, {"Data": "eA=="}]})
    );
    let out = op
        .parse(ok(
            json!({"FailedPutCount": 1, "Encrypted": false, "RequestResponses": [
            {"RecordId": "49543463076548007577105092703039560359975228518395012686"},
            {"ErrorCode": "ServiceUnavailableException", "ErrorMessage": "Slow down."},
            {"RecordId": "49543463076570308322303623326179887152428262250726293588"}]}),
        ))
        .expect("decodes");
    assert_eq!(out.failed_put_count, 1);
    assert_eq!(out.failed_indices(), vec![1]);
    let retry = out.retry(&op).expect("one to resend");
    assert_eq!(retry.records, vec![Record::new(Vec::new())]);
    let all_ok = op.parse(ok(json!({"FailedPutCount": 0, "RequestResponses": [{"RecordId": "1"}, {"RecordId": "2"}, {"RecordId": "3"}]}))).expect("decodes");
    assert_eq!(all_ok.retry(&op), None);
}

#[test]
fn put_record_batch_limits() {
    let e = PutRecordBatch::new("events", vec![])
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "Records: must have 1 to 500 entries (it has 0)"
    );
    let e = PutRecordBatch::new("events", vec![Record::new(b"x".to_vec()); 501])
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "Records: must have 1 to 500 entries (it has 501)"
    );
    let e = PutRecordBatch::new("events", vec![Record::new(vec![0; 1_024_001])])
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "Records[0].Data: must be at most 1024000 bytes (it has 1024001)"
    );
    assert!(
        PutRecordBatch::new("events", vec![Record::new(vec![0; 1_024_000])])
            .validate()
            .is_ok()
    );
    let e = PutRecordBatch::new("events", vec![Record::new(vec![0; 1_000_000]); 5])
        .validate()
        .expect_err("must fail");
    assert_eq!(e.field(), Some("Records"));
    assert!(e.to_string().contains("4 MiB"), "{e}");
}
