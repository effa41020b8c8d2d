//! The signer against AWS's own SigV4 test suite (data/sigv4, copied from the suite that
//! aws-c-auth and smithy-rs publish; see data/sigv4/SOURCE.md). Each case gives a raw request,
//! the credentials, region, service and time, and the expected signature. A wrong secret must
//! fail the same vectors. S3's presigning is checked against the S3 API reference's example URL.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use hoseline_aws::credentials::Secret;
use hoseline_aws::signing::{presign_url, sign_with, Scope, SigningOptions};
use hoseline_aws::{Credentials, HttpRequest, ResolvedEndpoint, Service};

/// 2015-08-30T12:36:00Z, the time of every case.
const SUITE_TIME: u64 = 1_440_938_160;

struct Case {
    request: HttpRequest,
    credentials: Credentials,
    region: String,
    service: String,
    options: SigningOptions,
    expected_signature: String,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sigv4")
}

fn load(name: &str) -> Case {
    let dir = cases_dir().join(name);
    let context: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("context.json")).expect("context.json"),
    )
    .expect("json");
    assert_eq!(
        context["timestamp"], "2015-08-30T12:36:00Z",
        "{name}: the suite's time"
    );
    let creds = &context["credentials"];
    let credentials = Credentials {
        access_key_id: creds["access_key_id"].as_str().expect("key id").to_owned(),
        secret_access_key: Secret::new(creds["secret_access_key"].as_str().expect("secret")),
        session_token: creds["token"].as_str().map(Secret::new),
    };
    let options = SigningOptions {
        content_sha256_header: context["sign_body"].as_bool().unwrap_or(false),
        normalize_path: context["normalize"].as_bool().unwrap_or(true),
        double_uri_encode: true,
        sign_session_token: !context["omit_session_token"].as_bool().unwrap_or(false),
    };
    Case {
        request: parse_request(
            &std::fs::read_to_string(dir.join("request.txt")).expect("request.txt"),
        ),
        credentials,
        region: context["region"].as_str().expect("region").to_owned(),
        service: context["service"].as_str().expect("service").to_owned(),
        options,
        expected_signature: std::fs::read_to_string(dir.join("header-signature.txt"))
            .expect("signature")
            .trim()
            .to_owned(),
    }
}

/// `METHOD /path?query HTTP/1.1`, `Name:value` lines, a blank line, the body.
fn parse_request(text: &str) -> HttpRequest {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let start = lines.next().expect("request line");
    let mut parts = start.splitn(3, ' ');
    let method: &'static str = match parts.next().expect("method") {
        "GET" => "GET",
        "POST" => "POST",
        other => panic!("method {other}"),
    };
    let target = parts.next().expect("path");
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (n, v) = l.split_once(':').expect("header line");
            (n.to_owned(), v.to_owned())
        })
        .collect();
    let host = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("host"))
        .map(|(_, v)| v.clone())
        .expect("host");
    HttpRequest {
        method,
        url: format!("https://{host}{target}"),
        headers,
        body: body.as_bytes().to_vec(),
    }
}

fn signature_of(case: &Case, credentials: &Credentials) -> String {
    let mut request = case.request.clone();
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(SUITE_TIME);
    let scope = Scope {
        signing_name: &case.service,
        region: &case.region,
    };
    sign_with(&mut request, scope, case.options, credentials, time).expect("signs");
    let auth = request
        .get_header("authorization")
        .expect("authorization header");
    auth.rsplit("Signature=")
        .next()
        .expect("signature")
        .to_owned()
}

const CASES: &[&str] = &[
    "get-vanilla",
    "get-vanilla-query",
    "get-vanilla-query-order-key-case",
    "get-vanilla-query-order-encoded",
    "get-vanilla-query-unreserved",
    "get-vanilla-empty-query-key",
    "get-vanilla-with-session-token",
    "get-header-value-trim",
    "get-header-value-order",
    "get-header-key-duplicate",
    "get-unreserved",
    "get-slash-normalized",
    "get-slashes-normalized",
    "get-relative-normalized",
    "get-slash-dot-slash-normalized",
    "post-vanilla",
    "post-vanilla-query",
    "post-header-key-case",
    "post-header-key-sort",
    "post-header-value-case",
    "post-x-www-form-urlencoded",
    "post-x-www-form-urlencoded-parameters",
    "post-sts-header-before",
    "post-sts-header-after",
];

#[test]
fn every_vector_signs_as_aws_expects() {
    let mut failures = Vec::new();
    for name in CASES {
        let case = load(name);
        let got = signature_of(&case, &case.credentials);
        if got != case.expected_signature {
            failures.push(format!(
                "{name}: got {got}, expected {}",
                case.expected_signature
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "signatures differ:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_wrong_secret_fails_every_vector() {
    for name in CASES {
        let case = load(name);
        let mut wrong = case.credentials.clone();
        wrong.secret_access_key = Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYWRONGKEY");
        assert_ne!(
            signature_of(&case, &wrong),
            case.expected_signature,
            "{name} signed alike with a wrong secret"
        );
    }
}

#[test]
fn the_session_token_is_sent_and_signed_unless_the_case_omits_it() {
    for (name, signed) in [
        ("post-sts-header-before", true),
        ("post-sts-header-after", false),
    ] {
        let case = load(name);
        let mut request = case.request.clone();
        request
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("x-amz-security-token"));
        let time = SystemTime::UNIX_EPOCH + Duration::from_secs(SUITE_TIME);
        let scope = Scope {
            signing_name: &case.service,
            region: &case.region,
        };
        sign_with(&mut request, scope, case.options, &case.credentials, time).expect("signs");
        assert!(
            request.get_header("x-amz-security-token").is_some(),
            "{name}: token header"
        );
        let auth = request.get_header("authorization").expect("auth");
        assert_eq!(
            auth.contains("x-amz-security-token"),
            signed,
            "{name}: {auth}"
        );
        assert_eq!(
            auth.rsplit("Signature=").next(),
            Some(case.expected_signature.as_str()),
            "{name}"
        );
    }
}

#[test]
fn every_required_case_is_present() {
    for required in [
        "get-vanilla",
        "get-vanilla-query-order-key-case",
        "get-header-value-trim",
        "post-vanilla",
        "post-x-www-form-urlencoded",
        "post-sts-header-before",
    ] {
        assert!(CASES.contains(&required));
        assert!(cases_dir()
            .join(required)
            .join("header-signature.txt")
            .exists());
    }
}

/// The presigned URL of "Authenticating Requests: Using Query Parameters (AWS Signature Version
/// 4)" in the S3 API reference: GET examplebucket/test.txt on 2013-05-24, valid 86,400 s. S3's
/// query-string signing hashes the literal `UNSIGNED-PAYLOAD`, not the empty body; moto checks no
/// S3 signature, so only this vector catches a wrong payload hash.
#[test]
fn an_s3_presigned_url_matches_the_documented_example() {
    let credentials = Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        None,
    )
    .expect("credentials");
    let endpoint = ResolvedEndpoint {
        service: Service::S3,
        base_url: "https://s3.amazonaws.com".into(),
        signing_region: "us-east-1".into(),
        path_style: false,
    };
    let request = HttpRequest::new("GET", "https://examplebucket.s3.amazonaws.com/test.txt");
    // 2013-05-24T00:00:00Z
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_369_353_600);
    let url = presign_url(
        &request,
        &endpoint,
        &credentials,
        time,
        Duration::from_secs(86_400),
    )
    .expect("presigns");
    assert_eq!(
        url,
        "https://examplebucket.s3.amazonaws.com/test.txt\
         ?X-Amz-Algorithm=AWS4-HMAC-SHA256\
         &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
         &X-Amz-Date=20130524T000000Z\
         &X-Amz-Expires=86400\
         &X-Amz-SignedHeaders=host\
         &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
    );
}
