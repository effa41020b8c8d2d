//! No panic on arbitrary input: the request parser over random bytes, near-valid JSON and random
//! headers, 10,000 cases each run. An error is always 400, 401 or 413.

#![cfg(not(target_arch = "wasm32"))]

use hoseline_aws::credentials::Secret;
use hoseline_bridge::{parse_request, DeliveryResponse};
use proptest::prelude::*;

fn check(headers: &[(String, String)], body: &[u8], key: Option<&Secret>) {
    match parse_request(headers, body, key) {
        Ok(r) => {
            assert!(r.records.len() <= 10_000);
            assert!(!r.request_id.is_empty());
        }
        Err(e) => {
            assert!(matches!(e.status, 400 | 401 | 413), "{e:?}");
            let response = DeliveryResponse::error(e.status, "", 0, &e.message);
            assert!(serde_json::from_str::<serde_json::Value>(&response.body).is_ok());
        }
    }
}

fn header_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("X-Amz-Firehose-Request-Id".to_owned()),
        Just("X-Amz-Firehose-Access-Key".to_owned()),
        Just("X-Amz-Firehose-Protocol-Version".to_owned()),
        Just("X-Amz-Firehose-Common-Attributes".to_owned()),
        Just("Content-Encoding".to_owned()),
        "[A-Za-z-]{1,20}",
    ];
    let value = prop_oneof![
        Just("gzip".to_owned()),
        Just("1.0".to_owned()),
        Just("k".to_owned()),
        Just("r1".to_owned()),
        Just(r#"{"commonAttributes":{"a":"b","n":1}}"#.to_owned()),
        ".{0,40}",
    ];
    proptest::collection::vec((name, value), 0..6)
}

/// Bodies close to a delivery: fields present or not, good and bad base64, odd timestamps.
fn body_strategy() -> impl Strategy<Value = Vec<u8>> {
    let data = prop_oneof![
        Just("aGVsbG8=".to_owned()),
        Just(String::new()),
        "[A-Za-z0-9+/=*]{0,24}",
    ];
    let timestamp = prop_oneof![
        Just("1578090901599".to_owned()),
        Just("1578090901".to_owned()),
        Just("-5".to_owned()),
        Just("1e400".to_owned()),
        Just("1.5".to_owned()),
        Just("\"x\"".to_owned()),
        Just("null".to_owned()),
    ];
    let id = prop_oneof![Just("r1".to_owned()), Just(String::new()), "[ -~]{0,12}"];
    (
        id,
        timestamp,
        proptest::collection::vec(data, 0..5),
        any::<bool>(),
    )
        .prop_map(|(id, ts, records, truncate)| {
            let records: Vec<String> = records
                .iter()
                .map(|d| format!(r#"{{"data":"{d}"}}"#))
                .collect();
            let text = format!(
                r#"{{"requestId":{},"timestamp":{ts},"records":[{}]}}"#,
                serde_json::Value::String(id),
                records.join(",")
            );
            let mut bytes = text.into_bytes();
            if truncate {
                bytes.truncate(bytes.len() / 2);
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn random_bytes_never_panic(headers in header_strategy(), body in proptest::collection::vec(any::<u8>(), 0..256)) {
        check(&headers, &body, None);
        check(&headers, &body, Some(&Secret::new("k")));
    }

    #[test]
    fn near_valid_deliveries_never_panic(headers in header_strategy(), body in body_strategy()) {
        check(&headers, &body, None);
        check(&headers, &body, Some(&Secret::new("k")));
    }
}
