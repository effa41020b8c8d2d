//! Firehose against the local emulator (moto, signature-checking): streams to S3 and to an HTTP
//! endpoint are created, described, fed and deleted. Needs `scripts/emulator.sh start-test`.
//!
//! moto writes one S3 object per PutRecordBatch call (no buffering) and makes streams ACTIVE at
//! once; it POSTs to an HTTP endpoint inside PutRecordBatch, so records are only put to the S3
//! stream here.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::credentials::Secret;
use hoseline_aws::firehose::{
    BufferingHints, CompressionFormat, ContentEncoding, CreateDeliveryStream, DeleteDeliveryStream,
    DeliveryStreamStatus, DeliveryStreamType, DescribeDeliveryStream,
    ExtendedS3DestinationConfiguration, HttpEndpointConfiguration,
    HttpEndpointDestinationConfiguration, HttpEndpointRequestConfiguration,
    HttpEndpointRetryOptions, HttpEndpointS3BackupMode, ListDeliveryStreams, PutRecordBatch,
    Record, S3DestinationConfiguration,
};
use hoseline_aws::s3::{CreateBucket, GetObject, ListObjectsV2};
use hoseline_aws::transport::native::NativeClient;

const ROLE: &str = "arn:aws:iam::123456789012:role/hoseline-firehose";

async fn bucket(client: &NativeClient) -> String {
    let name = common::unique("hoseline-fh");
    client
        .send(&CreateBucket {
            bucket: name.clone(),
        })
        .await
        .expect("CreateBucket");
    name
}

#[tokio::test]
async fn an_s3_stream_takes_records_and_writes_them_to_the_bucket() {
    let client = common::checked();
    let bucket = bucket(&client).await;
    let stream = common::unique("fh-s3");
    let created = client
        .send(&CreateDeliveryStream::to_s3(
            &stream,
            ExtendedS3DestinationConfiguration {
                role_arn: ROLE.into(),
                bucket_arn: format!("arn:aws:s3:::{bucket}"),
                prefix: Some("events/".into()),
                error_output_prefix: Some("errors/".into()),
                buffering_hints: Some(BufferingHints {
                    size_in_mbs: Some(1),
                    interval_in_seconds: Some(60),
                }),
                compression_format: Some(CompressionFormat::Uncompressed),
                ..Default::default()
            },
        ))
        .await
        .expect("CreateDeliveryStream");
    let arn = created.delivery_stream_arn.expect("DeliveryStreamARN");
    assert!(arn.ends_with(&format!(":deliverystream/{stream}")), "{arn}");

    let d = client
        .send(&DescribeDeliveryStream::new(&stream))
        .await
        .expect("DescribeDeliveryStream")
        .delivery_stream_description;
    assert_eq!(d.delivery_stream_name, stream);
    assert_eq!(d.delivery_stream_arn, arn);
    assert_eq!(d.delivery_stream_status, Some(DeliveryStreamStatus::Active));
    assert_eq!(d.delivery_stream_type, Some(DeliveryStreamType::DirectPut));
    let dest = d.destinations.first().expect("a destination");
    assert_eq!(dest.kind(), "ExtendedS3");
    let s3 = dest
        .extended_s3_destination_description
        .as_ref()
        .expect("ExtendedS3DestinationDescription");
    assert_eq!(
        s3.bucket_arn.as_deref(),
        Some(format!("arn:aws:s3:::{bucket}").as_str())
    );
    assert_eq!(s3.prefix.as_deref(), Some("events/"));

    let listed = client
        .send(&ListDeliveryStreams {
            limit: Some(10_000),
            ..Default::default()
        })
        .await
        .expect("ListDeliveryStreams");
    assert!(listed.delivery_stream_names.contains(&stream));

    let records = vec![
        Record::new(b"{\"n\":1}\n".to_vec()),
        Record::new(b"{\"n\":2}\n".to_vec()),
        Record::new(b"{\"n\":3}\n".to_vec()),
    ];
    let put = client
        .send(&PutRecordBatch::new(&stream, records))
        .await
        .expect("PutRecordBatch");
    assert_eq!(put.failed_put_count, 0);
    assert_eq!(put.request_responses.len(), 3);
    assert!(put.request_responses.iter().all(|r| r
        .record_id
        .as_deref()
        .is_some_and(|id| !id.is_empty())
        && r.error_code.is_none()));

    // moto writes the batch as one object under the prefix, records concatenated.
    let objects = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("events/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    assert_eq!(objects.contents.len(), 1, "{objects:?}");
    let body = client
        .send(&GetObject {
            bucket: bucket.clone(),
            key: objects.contents[0].key.clone(),
        })
        .await
        .expect("GetObject");
    assert_eq!(body.body, b"{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");

    client
        .send(&DeleteDeliveryStream::new(&stream))
        .await
        .expect("DeleteDeliveryStream");
    let e = client
        .send(&DescribeDeliveryStream::new(&stream))
        .await
        .expect_err("the stream is gone");
    assert_eq!(e.code(), "ResourceNotFoundException", "{e}");
}

#[tokio::test]
async fn an_http_endpoint_stream_is_described_with_its_backup_bucket() {
    let client = common::checked();
    let bucket = bucket(&client).await;
    let stream = common::unique("fh-http");
    let url = "https://bridge.example.com/firehose";
    client
        .send(&CreateDeliveryStream::to_http_endpoint(
            &stream,
            HttpEndpointDestinationConfiguration {
                endpoint_configuration: HttpEndpointConfiguration {
                    url: url.into(),
                    name: Some("bridge".into()),
                    access_key: Some(Secret::new("test-access-key")),
                },
                buffering_hints: Some(BufferingHints {
                    size_in_mbs: Some(1),
                    interval_in_seconds: Some(60),
                }),
                cloud_watch_logging_options: None,
                request_configuration: Some(HttpEndpointRequestConfiguration {
                    content_encoding: Some(ContentEncoding::Gzip),
                    common_attributes: Vec::new(),
                }),
                role_arn: Some(ROLE.into()),
                retry_options: Some(HttpEndpointRetryOptions {
                    duration_in_seconds: Some(300),
                }),
                s3_backup_mode: Some(HttpEndpointS3BackupMode::FailedDataOnly),
                s3_configuration: S3DestinationConfiguration {
                    role_arn: ROLE.into(),
                    bucket_arn: format!("arn:aws:s3:::{bucket}"),
                    error_output_prefix: Some("http-endpoint-failed/".into()),
                    ..Default::default()
                },
            },
        ))
        .await
        .expect("CreateDeliveryStream");

    let d = client
        .send(&DescribeDeliveryStream::new(&stream))
        .await
        .expect("DescribeDeliveryStream")
        .delivery_stream_description;
    assert_eq!(d.delivery_stream_status, Some(DeliveryStreamStatus::Active));
    let dest = d.destinations.first().expect("a destination");
    assert_eq!(dest.kind(), "HttpEndpoint");
    let http = dest
        .http_endpoint_destination_description
        .as_ref()
        .expect("HttpEndpointDestinationDescription");
    let endpoint = http
        .endpoint_configuration
        .as_ref()
        .expect("EndpointConfiguration");
    assert_eq!(endpoint.url.as_deref(), Some(url));
    assert_eq!(endpoint.name.as_deref(), Some("bridge"));
    assert_eq!(
        http.request_configuration
            .as_ref()
            .and_then(|r| r.content_encoding),
        Some(ContentEncoding::Gzip)
    );
    assert_eq!(
        http.s3_backup_mode,
        Some(HttpEndpointS3BackupMode::FailedDataOnly)
    );
    let backup = http
        .s3_destination_description
        .as_ref()
        .expect("S3DestinationDescription");
    assert_eq!(
        backup.bucket_arn.as_deref(),
        Some(format!("arn:aws:s3:::{bucket}").as_str())
    );

    client
        .send(&DeleteDeliveryStream::new(&stream))
        .await
        .expect("DeleteDeliveryStream");
}
