//! The page's fetch transport in headless Chromium (wasm-bindgen-test), calling the
//! signature-checking test emulator across origins: the test page is served from the runner's
//! own port, the emulator from another, so every call is a real CORS request with a preflight.
//! The endpoint comes in at compile time from HOSELINE_TEST_ENDPOINT (scripts/test.sh sets it).
#![cfg(target_arch = "wasm32")]

use hoseline_aws::dynamodb::ListTables;
use hoseline_aws::firehose::{
    BufferingHints, CreateDeliveryStream, DeleteDeliveryStream, ExtendedS3DestinationConfiguration,
    PutRecordBatch, Record,
};
use hoseline_aws::s3::{CorsRule, CreateBucket, GetObject, ListObjectsV2, PutBucketCors};
use hoseline_aws::sts::GetCallerIdentity;
use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::{ClientConfig, Credentials, Endpoint, NetworkErrorKind, Region, RetryPolicy};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT") {
    Some(e) => e,
    None => "http://127.0.0.1:4577",
};
/// An emulator that answers without any CORS header (an endpoint that does not admit the page).
const NO_CORS_ENDPOINT: &str = match option_env!("HOSELINE_TEST_ENDPOINT_NO_CORS") {
    Some(e) => e,
    None => "http://127.0.0.1:4576",
};
const DEMO_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn client(endpoint: &str, secret: &str) -> BrowserClient {
    BrowserClient::browser(ClientConfig {
        credentials: Credentials::new(DEMO_KEY, secret, None).expect("credentials"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::parse(endpoint).expect("endpoint"),
    })
}

fn unique(prefix: &str) -> String {
    let n = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e6) as u64;
    format!("{prefix}-{n:x}-{r:x}")
}

#[wasm_bindgen_test]
async fn get_caller_identity_from_the_page() {
    let id = client(ENDPOINT, DEMO_SECRET)
        .send(&GetCallerIdentity)
        .await
        .expect("GetCallerIdentity");
    assert_eq!(id.account, "123456789012");
    assert!(id.arn.ends_with(":user/hoseline-demo"), "{}", id.arn);
}

#[wasm_bindgen_test]
async fn list_tables_from_the_page() {
    let out = client(ENDPOINT, DEMO_SECRET)
        .send(&ListTables::default())
        .await
        .expect("ListTables");
    assert!(out.table_names.iter().all(|t| !t.is_empty()));
}

#[wasm_bindgen_test]
async fn a_wrong_secret_is_refused_by_the_emulator() {
    let e = client(ENDPOINT, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY")
        .send(&GetCallerIdentity)
        .await
        .expect_err("a wrong secret must not pass");
    assert_eq!(e.code(), "SignatureDoesNotMatch", "{e}");
    assert_eq!(e.status(), Some(403));
}

#[wasm_bindgen_test]
async fn put_record_batch_to_a_stream_made_for_the_test() {
    let c = client(ENDPOINT, DEMO_SECRET);
    let bucket = unique("hoseline-web");
    c.send(&CreateBucket {
        bucket: bucket.clone(),
    })
    .await
    .expect("CreateBucket");
    // As on AWS, a page reads a bucket only once the bucket's CORS rule admits the page's origin.
    let origin = web_sys::window()
        .expect("window")
        .location()
        .origin()
        .expect("origin");
    c.send(&PutBucketCors {
        bucket: bucket.clone(),
        cors_rules: vec![CorsRule {
            id: Some("hoseline-console".into()),
            allowed_origins: vec![origin],
            allowed_methods: vec![
                "GET".into(),
                "PUT".into(),
                "POST".into(),
                "DELETE".into(),
                "HEAD".into(),
            ],
            allowed_headers: vec!["*".into()],
            expose_headers: vec!["ETag".into(), "x-amz-request-id".into()],
            max_age_seconds: Some(300),
        }],
    })
    .await
    .expect("PutBucketCors");
    let stream = unique("web-stream");
    c.send(&CreateDeliveryStream::to_s3(
        &stream,
        ExtendedS3DestinationConfiguration {
            role_arn: "arn:aws:iam::123456789012:role/hoseline-firehose".into(),
            bucket_arn: format!("arn:aws:s3:::{bucket}"),
            prefix: Some("web/".into()),
            buffering_hints: Some(BufferingHints {
                size_in_mbs: Some(1),
                interval_in_seconds: Some(60),
            }),
            ..Default::default()
        },
    ))
    .await
    .expect("CreateDeliveryStream");

    let records: Vec<Record> = (0..20)
        .map(|i| {
            Record::new(format!("{{\"TICKER_SYMBOL\":\"QXZ\",\"PRICE\":{i}.5}}\n").into_bytes())
        })
        .collect();
    let put = c
        .send(&PutRecordBatch::new(&stream, records))
        .await
        .expect("PutRecordBatch");
    assert_eq!(put.failed_put_count, 0);
    assert_eq!(put.request_responses.len(), 20);

    // The emulator wrote the batch to the bucket; the page reads it back (an existing object:
    // the preflight moto alone refuses).
    let listed = c
        .send(&ListObjectsV2 {
            bucket: bucket.clone(),
            prefix: Some("web/".into()),
            ..Default::default()
        })
        .await
        .expect("ListObjectsV2");
    let key = listed.contents.first().expect("one object").key.clone();
    let object = c
        .send(&GetObject {
            bucket: bucket.clone(),
            key,
        })
        .await
        .expect("GetObject");
    let text = String::from_utf8(object.body).expect("utf-8");
    assert_eq!(text.lines().count(), 20);
    assert!(text.starts_with("{\"TICKER_SYMBOL\":\"QXZ\",\"PRICE\":0.5}"));

    c.send(&DeleteDeliveryStream::new(&stream))
        .await
        .expect("DeleteDeliveryStream");
}

#[wasm_bindgen_test]
async fn an_unreachable_endpoint_is_reported_as_unreachable() {
    let e = client("http://127.0.0.1:9", DEMO_SECRET)
        .with_retry_policy(RetryPolicy::none())
        .send(&GetCallerIdentity)
        .await
        .expect_err("nothing listens on port 9");
    match e {
        hoseline_aws::Error::Network { kind, .. } => {
            assert_eq!(kind, NetworkErrorKind::Unreachable, "{e}")
        }
        other => panic!("expected a network error, got {other}"),
    }
}

#[wasm_bindgen_test]
async fn an_endpoint_without_cors_rules_is_reported_as_cors() {
    let e = client(NO_CORS_ENDPOINT, DEMO_SECRET)
        .with_retry_policy(RetryPolicy::none())
        .send(&GetCallerIdentity)
        .await
        .expect_err("the browser withholds an answer without CORS headers");
    match e {
        hoseline_aws::Error::Network { kind, .. } => {
            assert_eq!(kind, NetworkErrorKind::Cors, "{e}")
        }
        other => panic!("expected a network error, got {other}"),
    }
}
