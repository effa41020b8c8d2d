//! The exported pipeline: the table, the bridge, the stream.

use serde_json::json;

use super::{every_option, keys, kinds, props};
use crate::cloudformation::{foundation_template, pipeline_template};
use crate::spec::AccessKey;

#[test]
fn the_dynamodb_pipeline_has_the_table_the_bridge_and_the_stream() {
    let t = pipeline_template(&kinds()[0]);
    assert_eq!(
        keys(&t["Resources"]),
        [
            "BridgeFunction",
            "BridgeFunctionInvokePermission",
            "BridgeRole",
            "BridgeUrl",
            "BridgeUrlInvokePermission",
            "Bucket",
            "FirehoseRole",
            "Stream",
            "StreamBackupLogStream",
            "StreamDestinationLogStream",
            "StreamLogGroup",
            "Table"
        ]
    );
    for output in [
        "StreamName",
        "StreamArn",
        "TableName",
        "TableArn",
        "FunctionUrl",
        "BucketName",
    ] {
        assert!(t["Outputs"].get(output).is_some(), "{output}");
    }
    assert_eq!(t["Metadata"]["Hoseline"]["kind"], "dynamodb");
    let table = props(&t, "Table");
    assert_eq!(table["TableName"], "demo-tickers");
    assert_eq!(
        table["KeySchema"],
        json!([{"AttributeName": "TICKER_SYMBOL", "KeyType": "HASH"},
               {"AttributeName": "EVENT_ID", "KeyType": "RANGE"}])
    );
    assert_eq!(
        table["AttributeDefinitions"],
        json!([{"AttributeName": "TICKER_SYMBOL", "AttributeType": "S"},
               {"AttributeName": "EVENT_ID", "AttributeType": "S"}])
    );
    assert_eq!(table["BillingMode"], "PAY_PER_REQUEST");
    assert!(table.get("ProvisionedThroughput").is_none());
    assert_eq!(
        table["TimeToLiveSpecification"],
        json!({"AttributeName": "EXPIRES_AT", "Enabled": true})
    );
    assert_eq!(
        table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"],
        false
    );
    // An export keeps its data when the stack goes.
    for id in ["Table", "Bucket"] {
        assert_eq!(t["Resources"][id]["DeletionPolicy"], "Retain", "{id}");
        assert_eq!(t["Resources"][id]["UpdateReplacePolicy"], "Retain", "{id}");
    }
}

#[test]
fn the_bridge_lambda_runs_the_published_zip_with_the_bridges_settings() {
    let t = pipeline_template(&kinds()[0]);
    let f = props(&t, "BridgeFunction");
    assert_eq!(f["FunctionName"], "demo-bridge");
    assert_eq!(f["Runtime"], "provided.al2023");
    assert_eq!(f["Handler"], "bootstrap");
    assert_eq!(f["Architectures"], json!(["x86_64"]));
    assert_eq!(
        f["Code"],
        json!({"S3Bucket": {"Ref": "BridgeCodeBucket"}, "S3Key": {"Ref": "BridgeCodeKey"}})
    );
    assert_eq!(f["Role"], json!({"Fn::GetAtt": ["BridgeRole", "Arn"]}));
    assert_eq!(
        (f["MemorySize"].as_u64(), f["Timeout"].as_u64()),
        (Some(256), Some(120))
    );
    assert_eq!(
        f["Environment"]["Variables"],
        json!({
            "HOSELINE_TABLE": {"Ref": "Table"},
            "HOSELINE_ACCESS_KEY": {"Ref": "BridgeAccessKey"},
            "HOSELINE_REJECT_BUCKET": {"Ref": "Bucket"},
            "HOSELINE_REJECT_PREFIX": "bridge-rejected/",
            "HOSELINE_GENERATE_KEY": "true",
            "HOSELINE_TTL_ATTRIBUTE": "EXPIRES_AT",
            "HOSELINE_TTL_DAYS": "30",
            "HOSELINE_ARRIVAL_ATTRIBUTE": "ARRIVED_AT",
            "HOSELINE_COPY_COMMON_ATTRIBUTES": "false"
        })
    );
    assert_eq!(
        props(&t, "BridgeUrl"),
        &json!({"TargetFunctionArn": {"Fn::GetAtt": ["BridgeFunction", "Arn"]}, "AuthType": "NONE"})
    );
    assert_eq!(
        props(&t, "BridgeUrlInvokePermission"),
        &json!({"FunctionName": {"Ref": "BridgeFunction"}, "Action": "lambda:InvokeFunctionUrl",
                "Principal": "*", "FunctionUrlAuthType": "NONE"})
    );
    assert_eq!(
        props(&t, "BridgeFunctionInvokePermission"),
        &json!({"FunctionName": {"Ref": "BridgeFunction"}, "Action": "lambda:InvokeFunction",
                "Principal": "*", "InvokedViaFunctionUrl": true})
    );
    let p = &t["Parameters"];
    assert_eq!(
        keys(p),
        ["BridgeAccessKey", "BridgeCodeBucket", "BridgeCodeKey"]
    );
    assert_eq!(p["BridgeAccessKey"]["NoEcho"], true);
    assert_eq!(p["BridgeAccessKey"]["MinLength"], 1);
    assert_eq!(p["BridgeAccessKey"]["MaxLength"], 4096);
    assert_eq!(p["BridgeCodeKey"]["Default"], "bridge/bridge-lambda.zip");
}

#[test]
fn the_template_never_holds_the_access_key() {
    let mut spec = kinds().remove(0);
    if let Some(b) = spec.bridge.as_mut() {
        b.access_key = Some(AccessKey::new("s3cr3t-firehose-key"));
    }
    for t in [foundation_template(&spec), pipeline_template(&spec)] {
        assert!(!t.to_string().contains("s3cr3t-firehose-key"));
    }
}

#[test]
fn the_dynamodb_stream_delivers_gzipped_to_the_function_url_and_backs_up() {
    let t = pipeline_template(&kinds()[0]);
    let s = props(&t, "Stream");
    assert_eq!(s["DeliveryStreamName"], "demo-stream");
    assert_eq!(s["DeliveryStreamType"], "DirectPut");
    let h = &s["HttpEndpointDestinationConfiguration"];
    assert_eq!(
        h["EndpointConfiguration"]["Url"],
        json!({"Fn::GetAtt": ["BridgeUrl", "FunctionUrl"]})
    );
    assert_eq!(
        h["EndpointConfiguration"]["AccessKey"],
        json!({"Ref": "BridgeAccessKey"})
    );
    assert_eq!(
        h["RequestConfiguration"],
        json!({"ContentEncoding": "GZIP"})
    );
    assert_eq!(
        h["BufferingHints"],
        json!({"SizeInMBs": 1, "IntervalInSeconds": 60})
    );
    assert_eq!(h["RetryOptions"], json!({"DurationInSeconds": 300}));
    assert_eq!(h["S3BackupMode"], "FailedDataOnly");
    assert_eq!(h["RoleARN"], json!({"Fn::GetAtt": ["FirehoseRole", "Arn"]}));
    let backup = &h["S3Configuration"];
    assert_eq!(
        backup["BucketARN"],
        json!({"Fn::GetAtt": ["Bucket", "Arn"]})
    );
    assert_eq!(backup["Prefix"], "backup/");
    assert_eq!(
        backup["ErrorOutputPrefix"],
        "errors/!{firehose:error-output-type}/"
    );
    assert_eq!(backup["CompressionFormat"], "UNCOMPRESSED");
    assert_eq!(
        backup["CloudWatchLoggingOptions"]["LogStreamName"],
        json!({"Ref": "StreamBackupLogStream"})
    );
    assert_eq!(
        h["CloudWatchLoggingOptions"],
        json!({"Enabled": true, "LogGroupName": {"Ref": "StreamLogGroup"},
               "LogStreamName": {"Ref": "StreamDestinationLogStream"}})
    );
    assert_eq!(
        props(&t, "StreamLogGroup")["LogGroupName"],
        "/aws/kinesisfirehose/demo-stream"
    );
    assert_eq!(
        t["Resources"]["Stream"]["DependsOn"],
        json!([
            "BridgeUrlInvokePermission",
            "BridgeFunctionInvokePermission"
        ])
    );
    let all = pipeline_template(&every_option());
    let h = &props(&all, "Stream")["HttpEndpointDestinationConfiguration"];
    assert_eq!(h["S3BackupMode"], "AllData");
    assert_eq!(h["S3Configuration"]["CompressionFormat"], "GZIP");
}

#[test]
fn the_s3_pipeline_is_the_stream_into_the_bucket() {
    let t = pipeline_template(&kinds()[1]);
    assert_eq!(
        keys(&t["Resources"]),
        [
            "Bucket",
            "FirehoseRole",
            "Stream",
            "StreamDestinationLogStream",
            "StreamLogGroup"
        ]
    );
    assert!(t.get("Parameters").is_none());
    assert_eq!(
        keys(&t["Outputs"]),
        [
            "BucketArn",
            "BucketName",
            "FirehoseRoleArn",
            "StreamArn",
            "StreamName"
        ]
    );
    let s = props(&t, "Stream");
    assert!(s.get("HttpEndpointDestinationConfiguration").is_none());
    assert!(t["Resources"]["Stream"].get("DependsOn").is_none());
    assert_eq!(
        s["ExtendedS3DestinationConfiguration"],
        json!({
            "BucketARN": {"Fn::GetAtt": ["Bucket", "Arn"]},
            "RoleARN": {"Fn::GetAtt": ["FirehoseRole", "Arn"]},
            "Prefix": "data/",
            "ErrorOutputPrefix": "errors/!{firehose:error-output-type}/",
            "CompressionFormat": "UNCOMPRESSED",
            "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300},
            "CloudWatchLoggingOptions": {"Enabled": true, "LogGroupName": {"Ref": "StreamLogGroup"},
                                         "LogStreamName": {"Ref": "StreamDestinationLogStream"}}
        })
    );
}

#[test]
fn provisioned_tables_scale_writes_through_the_service_linked_role() {
    let t = pipeline_template(&every_option());
    let table = props(&t, "Table");
    assert_eq!(table["BillingMode"], "PROVISIONED");
    assert_eq!(
        table["ProvisionedThroughput"],
        json!({"ReadCapacityUnits": 5, "WriteCapacityUnits": 10})
    );
    assert_eq!(
        table["KeySchema"],
        json!([{"AttributeName": "DEVICE", "KeyType": "HASH"}])
    );
    assert_eq!(table["AttributeDefinitions"][0]["AttributeType"], "N");
    assert!(table.get("TimeToLiveSpecification").is_none());
    let target = props(&t, "TableWriteScalableTarget");
    assert_eq!(target["ServiceNamespace"], "dynamodb");
    assert_eq!(
        target["ScalableDimension"],
        "dynamodb:table:WriteCapacityUnits"
    );
    assert_eq!(target["ResourceId"], json!({"Fn::Sub": "table/${Table}"}));
    assert_eq!(
        (
            target["MinCapacity"].as_u64(),
            target["MaxCapacity"].as_u64()
        ),
        (Some(5), Some(200))
    );
    assert!(target.get("RoleARN").is_none(), "the service-linked role");
    let policy = props(&t, "TableWriteScalingPolicy");
    assert_eq!(policy["PolicyType"], "TargetTrackingScaling");
    assert_eq!(
        policy["ScalingTargetId"],
        json!({"Ref": "TableWriteScalableTarget"})
    );
    assert_eq!(
        policy["TargetTrackingScalingPolicyConfiguration"],
        json!({"TargetValue": 70.0, "PredefinedMetricSpecification":
               {"PredefinedMetricType": "DynamoDBWriteCapacityUtilization"}})
    );
    // On demand: no scaling resources.
    let on_demand = pipeline_template(&kinds()[0]);
    assert!(on_demand["Resources"]
        .get("TableWriteScalableTarget")
        .is_none());
}
