//! Request encoding and response/error decoding per AWS protocol.
//!
//! - awsJson 1.0 / 1.1 ([`json`]): DynamoDB, Firehose, Application Auto Scaling.
//! - awsQuery ([`query`]): IAM, STS, CloudFormation; form-encoded requests, XML responses.
//! - restXml ([`rest_xml`]): S3.
//! - restJson1 ([`rest_json`]): Lambda.
//!
//! [`decode_error`] turns any non-2xx response into an [`crate::Error`], whatever shape the body
//! has (moto answers JSON services with XML errors when it checks signatures).

mod errors;
pub mod json;
pub mod query;
pub mod rest_json;
pub mod rest_xml;
pub mod xml;

pub use errors::decode_error;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// As [`COMPONENT`], keeping `/` (S3 object keys in a path).
const PATH: &AsciiSet = &COMPONENT.remove(b'/');

/// Percent-encodes a query value or a single path segment.
pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Percent-encodes a path, keeping its slashes.
pub fn encode_path(value: &str) -> String {
    utf8_percent_encode(value, PATH).to_string()
}

/// Decodes a form-encoded component (`+` is a space, `%XX` a byte), as S3's `encoding-type=url`
/// answers names; None when the bytes are not UTF-8.
pub fn decode_form_component(value: &str) -> Option<String> {
    let spaced = value.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// `a=1&b=2`, each key and value percent-encoded, in the given order.
pub fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_keep_only_unreserved_characters() {
        assert_eq!(encode_component("a b/c+d~e"), "a%20b%2Fc%2Bd~e");
        assert_eq!(encode_path("2026/11/26/x y.json"), "2026/11/26/x%20y.json");
        assert_eq!(
            encode_query(&[
                ("Action".into(), "GetCallerIdentity".into()),
                ("k".into(), "a&b".into())
            ]),
            "Action=GetCallerIdentity&k=a%26b"
        );
        assert_eq!(
            decode_form_component("a+b%2Bc%2F%25%C3%A9").as_deref(),
            Some("a b+c/%é")
        );
        assert_eq!(decode_form_component("%FF"), None);
        // A `%` without two hex digits stays as it is (as Python's unquote_plus leaves it).
        assert_eq!(decode_form_component("100%").as_deref(), Some("100%"));
    }
}
