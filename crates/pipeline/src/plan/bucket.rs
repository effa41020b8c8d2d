//! The S3 bucket on the local emulator: made directly (on AWS the stack makes it), tagged, with
//! the console's CORS rule and the lifecycle rule of the spec.

use hoseline_aws::s3::{
    CorsRule, CreateBucket, LifecycleRule, PutBucketCors, PutBucketLifecycleConfiguration,
    PutBucketTagging, Tag,
};

use super::{Builder, Call, Resource, ResourceKind, PIPELINE_TAG};
use crate::cloudformation::{
    CORS_ALLOWED_METHODS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_RULE_ID,
    LIFECYCLE_RULE_ID,
};
use crate::spec::{BucketSpec, PipelineKind};

/// The CORS rule that lets the console's page browse the bucket (list, read, delete objects):
/// the spec's origins, the methods those calls use, any request header, and the response
/// headers the page must read (`ETag`, the request id for error reports).
/// The stack's bucket ([`crate::cloudformation`]) gets the same rule from the same constants.
pub fn console_cors_rule(bucket: &BucketSpec) -> CorsRule {
    CorsRule {
        id: Some(CORS_RULE_ID.to_owned()),
        allowed_origins: bucket.cors_allowed_origins.clone(),
        allowed_methods: CORS_ALLOWED_METHODS.map(str::to_owned).to_vec(),
        allowed_headers: vec!["*".to_owned()],
        expose_headers: CORS_EXPOSED_HEADERS.map(str::to_owned).to_vec(),
        max_age_seconds: Some(CORS_MAX_AGE_SECONDS),
    }
}

pub(super) fn steps(b: &mut Builder<'_>) {
    let spec = b.spec;
    let name = spec.bucket.name.clone();
    let resource = Resource::new(ResourceKind::Bucket, &name);
    let why = match spec.kind {
        PipelineKind::Dynamodb => {
            "Firehose backs failed batches up here; the bridge writes the records it rejects here"
        }
        PipelineKind::S3 => "Firehose delivers the records here (failures under the error prefix)",
    };
    b.push(
        "bucket",
        resource.clone(),
        Call::CreateBucket(CreateBucket {
            bucket: name.clone(),
        }),
        why,
        None,
        b.needs(),
    );
    b.push(
        "bucket.tags",
        resource.clone(),
        Call::PutBucketTagging(PutBucketTagging {
            bucket: name.clone(),
            tags: vec![Tag::new(PIPELINE_TAG, &spec.name)],
        }),
        format!(
            "Marks the bucket as made by pipeline {}: teardown deletes only what carries this tag",
            spec.name
        ),
        Some("bucket"),
        b.needs(),
    );
    if !spec.bucket.cors_allowed_origins.is_empty() {
        b.push(
            "bucket.cors",
            resource.clone(),
            Call::PutBucketCors(PutBucketCors {
                bucket: name.clone(),
                cors_rules: vec![console_cors_rule(&spec.bucket)],
            }),
            format!(
                "Lets the console's page ({}) browse the backups and rejects",
                spec.bucket.cors_allowed_origins.join(", ")
            ),
            Some("bucket"),
            b.needs(),
        );
    }
    if let Some(days) = spec.bucket.expiration_days {
        b.push(
            "bucket.lifecycle",
            resource,
            Call::PutBucketLifecycleConfiguration(PutBucketLifecycleConfiguration {
                bucket: name,
                rules: vec![LifecycleRule {
                    id: Some(LIFECYCLE_RULE_ID.to_owned()),
                    prefix: String::new(),
                    status: "Enabled".to_owned(),
                    expiration_days: Some(days),
                    abort_incomplete_multipart_upload_days: None,
                }],
            }),
            format!("Objects expire after {days} days (bucket.expirationDays), so backups do not pile up"),
            Some("bucket"),
            b.needs(),
        );
    }
}
