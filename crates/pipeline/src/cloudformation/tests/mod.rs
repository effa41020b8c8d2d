//! The templates' structure, for both kinds: the foundation, and what every template shares
//! ([`pipeline`]: the whole pipeline's resources).

mod pipeline;

use serde_json::{json, Value};

use super::*;
use crate::mapping::KeyKind;
use crate::spec::{AutoScaling, BackupMode, Billing, Compression, KeySpec};

/// The two kinds' default AWS specs.
pub(super) fn kinds() -> Vec<PipelineSpec> {
    vec![
        PipelineSpec::aws_dynamodb("demo", "us-east-1"),
        PipelineSpec::aws_s3("demo", "us-east-1"),
    ]
}

/// Provisioned with auto scaling, a numeric key, PITR, all data backed up, gzipped, no CORS
/// origin, no expiry, no TTL.
pub(super) fn every_option() -> PipelineSpec {
    let mut spec = PipelineSpec::aws_dynamodb("full", "eu-west-1");
    if let Some(table) = spec.table.as_mut() {
        table.partition_key = KeySpec {
            name: "DEVICE".into(),
            key_type: KeyKind::N,
        };
        table.sort_key = None;
        table.ttl_attribute = None;
        table.point_in_time_recovery = true;
        table.billing = Billing::Provisioned {
            read_capacity_units: 5,
            write_capacity_units: 10,
            auto_scaling: Some(AutoScaling {
                min_capacity: 5,
                max_capacity: 200,
                target_utilization: 70,
            }),
        };
    }
    spec.bucket.backup_mode = BackupMode::AllData;
    spec.bucket.compression = Compression::Gzip;
    spec.bucket.cors_allowed_origins.clear();
    spec.bucket.expiration_days = None;
    spec
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn props<'a>(t: &'a Value, id: &str) -> &'a Value {
    &t["Resources"][id]["Properties"]
}

fn statements<'a>(t: &'a Value, role: &str) -> &'a Value {
    &props(t, role)["Policies"][0]["PolicyDocument"]["Statement"]
}

#[test]
fn the_foundation_is_the_bucket_the_roles_and_the_stream_log_group() {
    let [dynamodb, s3] = [0, 1].map(|i| foundation_template(&kinds()[i]));
    assert_eq!(
        keys(&dynamodb["Resources"]),
        [
            "BridgeRole",
            "Bucket",
            "FirehoseRole",
            "StreamBackupLogStream",
            "StreamDestinationLogStream",
            "StreamLogGroup"
        ]
    );
    assert_eq!(
        keys(&dynamodb["Outputs"]),
        [
            "BridgeRoleArn",
            "BucketArn",
            "BucketName",
            "FirehoseRoleArn"
        ]
    );
    assert_eq!(
        keys(&s3["Resources"]),
        [
            "Bucket",
            "FirehoseRole",
            "StreamDestinationLogStream",
            "StreamLogGroup"
        ]
    );
    assert_eq!(
        keys(&s3["Outputs"]),
        ["BucketArn", "BucketName", "FirehoseRoleArn"]
    );
    for t in [&dynamodb, &s3] {
        assert_eq!(t["AWSTemplateFormatVersion"], "2010-09-09");
        assert!(t.get("Parameters").is_none());
        assert_eq!(t["Metadata"]["Hoseline"]["pipeline"], "demo");
        assert_eq!(t["Metadata"]["Hoseline"]["template"], "foundation");
        assert!(t["Description"]
            .as_str()
            .is_some_and(|d| d.contains("demo")));
        assert_eq!(
            t["Outputs"]["BucketName"]["Value"],
            json!({"Ref": "Bucket"})
        );
        // The plan's teardown empties the bucket and deletes it with the stack.
        assert_eq!(t["Resources"]["Bucket"]["DeletionPolicy"], "Delete");
    }
}

#[test]
fn the_bucket_is_private_encrypted_browsable_and_expires() {
    let spec = &kinds()[0];
    let t = foundation_template(spec);
    let b = props(&t, "Bucket");
    assert_eq!(b["BucketName"], "demo-data");
    assert_eq!(
        b["CorsConfiguration"]["CorsRules"],
        json!([{
            "Id": "hoseline-console",
            "AllowedOrigins": ["http://127.0.0.1:8080", "http://localhost:8080"],
            "AllowedMethods": ["GET", "PUT", "POST", "DELETE", "HEAD"],
            "AllowedHeaders": ["*"],
            "ExposedHeaders": ["ETag", "x-amz-request-id", "x-amz-version-id"],
            "MaxAge": 3000
        }])
    );
    assert_eq!(
        b["LifecycleConfiguration"]["Rules"],
        json!([{"Id": "hoseline-expiry", "Status": "Enabled", "ExpirationInDays": 30}])
    );
    assert_eq!(
        b["PublicAccessBlockConfiguration"],
        json!({"BlockPublicAcls": true, "BlockPublicPolicy": true,
               "IgnorePublicAcls": true, "RestrictPublicBuckets": true})
    );
    assert_eq!(
        b["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
            ["ServerSideEncryptionByDefault"]["SSEAlgorithm"],
        "AES256"
    );
    // No origin, no CORS rule (S3 refuses an empty one); no expiry, no lifecycle rule.
    let bare = foundation_template(&every_option());
    let b = props(&bare, "Bucket");
    assert!(b.get("CorsConfiguration").is_none() && b.get("LifecycleConfiguration").is_none());
}

#[test]
fn the_roles_are_named_trusted_and_scoped_by_the_spec() {
    let t = foundation_template(&kinds()[0]);
    let firehose = props(&t, "FirehoseRole");
    assert_eq!(firehose["RoleName"], "demo-firehose");
    let trust = &firehose["AssumeRolePolicyDocument"]["Statement"][0];
    assert_eq!(trust["Principal"]["Service"], "firehose.amazonaws.com");
    assert_eq!(
        trust["Condition"]["StringEquals"]["sts:ExternalId"],
        json!({"Ref": "AWS::AccountId"})
    );
    let st = statements(&t, "FirehoseRole");
    assert_eq!(
        st[0]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:s3:::demo-data"},
               {"Fn::Sub": "arn:${AWS::Partition}:s3:::demo-data/*"}])
    );
    assert_eq!(st[1]["Action"], json!(["logs:PutLogEvents"]));
    assert_eq!(
        st[1]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/kinesisfirehose/demo-stream:log-stream:*"}])
    );

    let bridge = props(&t, "BridgeRole");
    assert_eq!(bridge["RoleName"], "demo-bridge");
    assert_eq!(
        bridge["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"],
        "lambda.amazonaws.com"
    );
    let st = statements(&t, "BridgeRole");
    assert_eq!(
        st[0]["Action"],
        json!([
            "dynamodb:BatchWriteItem",
            "dynamodb:DescribeTable",
            "dynamodb:PutItem"
        ])
    );
    assert_eq!(
        st[0]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/demo-tickers"}])
    );
    assert_eq!(
        st[1]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:s3:::demo-data/bridge-rejected/*"}])
    );
    assert_eq!(
        st[2]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/demo-bridge:*"}])
    );
}

/// Types whose CloudFormation resource takes no tags.
const UNTAGGABLE: [&str; 4] = [
    "AWS::Lambda::Url",
    "AWS::Lambda::Permission",
    "AWS::Logs::LogStream",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
];

#[test]
fn every_taggable_resource_names_its_pipeline() {
    let mut specs = kinds();
    specs.push(every_option());
    for spec in &specs {
        for t in [foundation_template(spec), pipeline_template(spec)] {
            for (id, r) in t["Resources"].as_object().expect("resources") {
                let kind = r["Type"].as_str().unwrap_or_default();
                if UNTAGGABLE.contains(&kind) {
                    continue;
                }
                assert_eq!(
                    r["Properties"]["Tags"],
                    json!([{"Key": "hoseline:pipeline", "Value": spec.name}]),
                    "{id} ({kind})"
                );
            }
        }
    }
}

/// Every `Ref`, `Fn::GetAtt` and `${X}` in `v`.
fn references(v: &Value, found: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get("Ref") {
                found.push(r.clone());
            }
            if let Some(Value::Array(a)) = o.get("Fn::GetAtt") {
                found.extend(a.first().and_then(Value::as_str).map(str::to_owned));
            }
            if let Some(Value::String(s)) = o.get("Fn::Sub") {
                for part in s.split("${").skip(1) {
                    found.extend(part.split('}').next().map(str::to_owned));
                }
            }
            o.values().for_each(|x| references(x, found));
        }
        Value::Array(a) => a.iter().for_each(|x| references(x, found)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves() {
    let mut specs = kinds();
    specs.push(every_option());
    for spec in &specs {
        for t in [foundation_template(spec), pipeline_template(spec)] {
            let mut found = Vec::new();
            references(&t, &mut found);
            assert!(!found.is_empty());
            for name in found {
                let known = name.starts_with("AWS::")
                    || t["Resources"].get(&name).is_some()
                    || t["Parameters"].get(&name).is_some();
                assert!(known, "{}: {name} is not defined", spec.name);
            }
            for dep in t["Resources"]["Stream"]["DependsOn"]
                .as_array()
                .into_iter()
                .flatten()
            {
                assert!(t["Resources"]
                    .get(dep.as_str().unwrap_or_default())
                    .is_some());
            }
        }
    }
}
