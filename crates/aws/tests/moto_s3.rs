//! S3 against the local emulator (moto, signature-checking), path-style. Needs
//! `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::s3::{
    CorsRule, CreateBucket, DeleteBucket, DeleteObjects, GetBucketCors,
    GetBucketLifecycleConfiguration, GetObject, LifecycleRule, ListObjectsV2, PutBucketCors,
    PutBucketLifecycleConfiguration, PutObject,
};

/// A fresh bucket name: lowercase, digits and dashes, well under 63 characters.
fn bucket() -> String {
    common::unique("hl-s3")
}

#[tokio::test]
async fn bucket_with_cors_and_lifecycle() {
    let client = common::checked();
    let bucket = bucket();
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");

    let rule = CorsRule {
        id: Some("console".into()),
        allowed_origins: vec!["http://127.0.0.1:8080".into()],
        allowed_methods: vec!["GET".into(), "PUT".into(), "DELETE".into()],
        allowed_headers: vec!["*".into()],
        expose_headers: vec!["ETag".into()],
        max_age_seconds: Some(3000),
    };
    client
        .send(&PutBucketCors {
            bucket: bucket.clone(),
            cors_rules: vec![rule.clone()],
        })
        .await
        .expect("PutBucketCors");
    let cors = client
        .send(&GetBucketCors {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketCors");
    assert_eq!(cors.cors_rules.len(), 1, "{cors:?}");
    let got = &cors.cors_rules[0];
    assert_eq!(got.allowed_origins, rule.allowed_origins);
    assert_eq!(got.allowed_methods, rule.allowed_methods);
    assert_eq!(got.expose_headers, rule.expose_headers);
    assert_eq!(got.max_age_seconds, Some(3000));

    let lifecycle = LifecycleRule {
        id: Some("expire-failed".into()),
        prefix: "http-endpoint-failed/".into(),
        status: "Enabled".into(),
        expiration_days: Some(30),
        abort_incomplete_multipart_upload_days: Some(7),
    };
    client
        .send(&PutBucketLifecycleConfiguration {
            bucket: bucket.clone(),
            rules: vec![lifecycle.clone()],
        })
        .await
        .expect("PutBucketLifecycleConfiguration");
    let got = client
        .send(&GetBucketLifecycleConfiguration {
            bucket: bucket.clone(),
        })
        .await
        .expect("GetBucketLifecycleConfiguration");
    assert_eq!(got.rules, vec![lifecycle]);

    client
        .send(&DeleteBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("DeleteBucket");
    let e = client
        .send(&GetBucketCors { bucket })
        .await
        .expect_err("the bucket is gone");
    assert_eq!(e.code(), "NoSuchBucket", "{e}");
}

#[tokio::test]
async fn objects_round_trip_page_and_delete() {
    let client = common::checked();
    let bucket = bucket();
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");

    let keys = [
        "failed/2026/11/26/a b.json",
        "failed/2026/11/26/c+d.json",
        "other/e.json",
    ];
    for (i, key) in keys.iter().enumerate() {
        let put = client
            .send(&PutObject {
                bucket: bucket.clone(),
                key: (*key).into(),
                body: format!("{{\"n\":{i}}}\n").into_bytes(),
                content_type: Some("application/json".into()),
            })
            .await
            .expect("PutObject");
        assert!(put.etag.is_some(), "{put:?}");
    }

    let got = client
        .send(&GetObject {
            bucket: bucket.clone(),
            key: keys[1].into(),
        })
        .await
        .expect("GetObject");
    assert_eq!(got.body, b"{\"n\":1}\n");
    assert_eq!(got.content_type.as_deref(), Some("application/json"));
    assert_eq!(got.content_length, 8);
    assert!(got.etag.is_some());

    // One key a page under the prefix: two pages, joined by the continuation token.
    let first = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("failed/".into()),
            max_keys: Some(1),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2 page 1");
    assert!(first.is_truncated, "{first:?}");
    assert_eq!(first.contents.len(), 1);
    assert_eq!(first.contents[0].key, keys[0]);
    assert_eq!(first.contents[0].size, 8);
    let token = first.next_continuation_token.expect("a continuation token");
    let second = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("failed/".into()),
            max_keys: Some(1),
            continuation_token: Some(token),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2 page 2");
    assert!(!second.is_truncated, "{second:?}");
    assert_eq!(second.contents.len(), 1);
    assert_eq!(second.contents[0].key, keys[1]);

    let rolled = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            delimiter: Some("/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2 with a delimiter");
    let prefixes: Vec<&str> = rolled
        .common_prefixes
        .iter()
        .map(|p| p.prefix.as_str())
        .collect();
    assert_eq!(prefixes, vec!["failed/", "other/"]);

    let deleted = client
        .send(&DeleteObjects {
            bucket: bucket.clone(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            quiet: false,
        })
        .await
        .expect("DeleteObjects");
    assert_eq!(deleted.deleted.len(), 3, "{deleted:?}");
    assert!(deleted.errors.is_empty(), "{deleted:?}");

    let empty = client
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2 after the delete");
    assert!(empty.contents.is_empty(), "{empty:?}");
    assert!(!empty.is_truncated);

    client
        .send(&DeleteBucket { bucket })
        .await
        .expect("DeleteBucket");
}

#[tokio::test]
async fn a_bad_bucket_name_is_refused_before_sending() {
    let e = common::checked()
        .send(&CreateBucket {
            bucket: "Not_A_Bucket".into(),
        })
        .await
        .expect_err("refused");
    assert_eq!(e.code(), "InvalidInput");
    assert_eq!(e.field(), Some("Bucket"));
}

#[tokio::test]
async fn a_missing_object_is_no_such_key() {
    let client = common::checked();
    let bucket = bucket();
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");
    let e = client
        .send(&GetObject {
            bucket: bucket.clone(),
            key: "nope.json".into(),
        })
        .await
        .expect_err("missing");
    assert_eq!(e.code(), "NoSuchKey", "{e}");
    assert_eq!(e.status(), Some(404));
    client
        .send(&DeleteBucket { bucket })
        .await
        .expect("DeleteBucket");
}
