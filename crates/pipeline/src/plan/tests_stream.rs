//! The local stream: it delivers to the shared local bridge, its URL naming the pipeline's table,
//! reject bucket and every bridge setting a Lambda would read from its environment.

use serde_json::json;

use super::tests::{json_body, learnt, with_key};
use super::*;
use crate::spec::{PipelineSpec, Target};

#[test]
fn the_local_stream_delivers_to_the_shared_bridge_naming_table_reject_bucket_and_mapping() {
    let spec = with_key(PipelineSpec::local_dynamodb("demo"));
    let p = plan(&spec, &learnt());
    let stream = json_body(p.step("stream").expect("stream"));
    let http = &stream["HttpEndpointDestinationConfiguration"];
    assert_eq!(
        http["EndpointConfiguration"],
        json!({"Url": "http://127.0.0.1:4599/tables/demo-tickers?rejects=demo-data&rejectPrefix=bridge-rejected/\
                        &generateKey=true&ttlAttribute=EXPIRES_AT&ttlDays=30&arrivalAttribute=ARRIVED_AT\
                        &copyCommonAttributes=false",
               "Name": "Hoseline bridge", "AccessKey": "<access key>"})
    );
    assert_eq!(
        http["BufferingHints"],
        json!({"SizeInMBs": 1, "IntervalInSeconds": 60})
    );
    assert_eq!(http["RetryOptions"], json!({"DurationInSeconds": 300}));
    assert_eq!(http["S3BackupMode"], "FailedDataOnly");
    assert_eq!(
        http["S3Configuration"],
        json!({"RoleARN": "arn:aws:iam::123456789012:role/demo-firehose", "BucketARN": "arn:aws:s3:::demo-data",
               "Prefix": "backup/", "ErrorOutputPrefix": "errors/!{firehose:error-output-type}/", "CompressionFormat": "UNCOMPRESSED"})
    );
    assert_eq!(
        stream["Tags"],
        json!([{"Key": "hoseline:pipeline", "Value": "demo"}])
    );
}

// The bridge reads the mapping from the URL as a Lambda reads it from its environment: every
// option the spec sets, false ones and an empty prefix included, values percent-encoded.
#[test]
fn the_local_stream_url_carries_each_mapping_option_percent_encoded() {
    let mut spec = PipelineSpec::local_dynamodb("demo");
    if let Target::Local { bridge_url, .. } = &mut spec.target {
        // A trailing slash on the bridge URL does not double.
        *bridge_url = "http://127.0.0.1:4599/".to_owned();
    }
    if let Some(table) = spec.table.as_mut() {
        table.ttl_attribute = Some("expires at".to_owned());
    }
    if let Some(b) = spec.bridge.as_mut() {
        b.generate_missing_key = false;
        b.ttl_days = Some(7);
        b.arrival_attribute = Some("arrived&at=é".to_owned());
        b.copy_common_attributes = true;
        b.reject_prefix = String::new();
    }
    assert_eq!(
        stream::endpoint_url(&spec, String::new()),
        "http://127.0.0.1:4599/tables/demo-tickers?rejects=demo-data&rejectPrefix=\
         &generateKey=false&ttlAttribute=expires%20at&ttlDays=7\
         &arrivalAttribute=arrived%26at%3D%C3%A9&copyCommonAttributes=true"
    );
    // No TTL days, no TTL; no arrival attribute, none named.
    if let Some(b) = spec.bridge.as_mut() {
        b.ttl_days = None;
        b.arrival_attribute = None;
        b.reject_prefix = "rejected/by bridge/".to_owned();
    }
    assert_eq!(
        stream::endpoint_url(&spec, String::new()),
        "http://127.0.0.1:4599/tables/demo-tickers?rejects=demo-data\
         &rejectPrefix=rejected/by%20bridge/&generateKey=false&copyCommonAttributes=true"
    );
    // On AWS the Lambda reads its environment: the function URL as it is.
    let aws = PipelineSpec::aws_dynamodb("demo", "us-east-1");
    assert_eq!(
        stream::endpoint_url(&aws, "https://x.lambda-url.us-east-1.on.aws/".to_owned()),
        "https://x.lambda-url.us-east-1.on.aws/"
    );
}
