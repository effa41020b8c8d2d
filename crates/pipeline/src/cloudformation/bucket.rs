//! The S3 bucket: Firehose's destination (S3 kind) or backups (DynamoDB kind), and the bridge's
//! rejected records. Private (every Block Public Access setting on), encrypted with SSE-S3, with a
//! CORS rule that lets the console browse it and a lifecycle rule that expires old objects.

use serde_json::{json, Value};

use super::intrinsic::{get_att, reference};
use super::logical_id::BUCKET;
use super::Template;
use crate::spec::{BucketSpec, PipelineSpec};

/// The id of the console's CORS rule and of the expiry rule (the local plan uses the same).
pub const CORS_RULE_ID: &str = "hoseline-console";
pub const LIFECYCLE_RULE_ID: &str = "hoseline-expiry";

/// How long a browser may cache the CORS preflight answer, seconds.
pub const CORS_MAX_AGE_SECONDS: u32 = 3000;

/// The methods the console uses on the bucket: browse, download, upload, delete.
pub const CORS_ALLOWED_METHODS: [&str; 5] = ["GET", "PUT", "POST", "DELETE", "HEAD"];

/// The response headers the console reads: the object's ETag, S3's request id for error
/// messages, and the version id.
pub const CORS_EXPOSED_HEADERS: [&str; 3] = ["ETag", "x-amz-request-id", "x-amz-version-id"];

pub(super) fn add(t: &mut Template, spec: &PipelineSpec) {
    let bucket = &spec.bucket;
    let mut properties = json!({
        "BucketName": bucket.name,
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": true,
            "BlockPublicPolicy": true,
            "IgnorePublicAcls": true,
            "RestrictPublicBuckets": true
        },
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]
        },
        "Tags": t.tags()
    });
    if let Some(cors) = cors_configuration(bucket) {
        properties["CorsConfiguration"] = cors;
    }
    if let Some(days) = bucket.expiration_days {
        properties["LifecycleConfiguration"] = json!({
            "Rules": [{"Id": LIFECYCLE_RULE_ID, "Status": "Enabled", "ExpirationInDays": days}]
        });
    }
    t.data_resource(
        BUCKET,
        json!({"Type": "AWS::S3::Bucket", "Properties": properties}),
    );
    t.output("BucketName", "The S3 bucket", reference(BUCKET));
    t.output("BucketArn", "The S3 bucket's ARN", get_att(BUCKET, "Arn"));
}

/// The CORS rule for the console's origins; none when no origin is given (S3 refuses a rule
/// without an origin).
fn cors_configuration(bucket: &BucketSpec) -> Option<Value> {
    if bucket.cors_allowed_origins.is_empty() {
        return None;
    }
    Some(json!({
        "CorsRules": [{
            "Id": CORS_RULE_ID,
            "AllowedOrigins": bucket.cors_allowed_origins,
            "AllowedMethods": CORS_ALLOWED_METHODS,
            "AllowedHeaders": ["*"],
            "ExposedHeaders": CORS_EXPOSED_HEADERS,
            "MaxAge": CORS_MAX_AGE_SECONDS
        }]
    }))
}
