//! The SigV4 algorithm itself: canonical request, string to sign, signing key, signature.
//!
//! Written here, on `sha2` alone, instead of through aws-sigv4: that crate carries the `http`
//! crate's header tables, `time` and smithy's identity types: 40 KB gzip of the page's first load
//! (measured). It follows aws-sigv4 1.6 (smithy-rs) step for step; the AWS SigV4 test suite
//! (tests/sigv4_vectors.rs) checks it, and tests/sigv4_aws_sdk.rs compares it byte for byte with
//! aws-sigv4 (a dev-dependency only) on every service's options, headers and presigned URLs.

use std::time::{SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use crate::protocol::{encode_component, encode_path};
use crate::Error;

/// Headers a proxy or the platform may change, so never signed (aws-sigv4's default exclusions,
/// the set the Go, Java and JS SDKs share).
const EXCLUDED_HEADERS: &[&str] = &[
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "transfer-encoding",
];

pub(super) const ALGORITHM: &str = "AWS4-HMAC-SHA256";
pub(super) const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// What goes into one signature; `query` holds the presigning parameters (None: headers).
pub(super) struct Input<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub payload_hash: &'a str,
    pub normalize_path: bool,
    pub double_uri_encode: bool,
    pub presign: bool,
    /// Headers the signer adds (x-amz-date, the token, x-amz-content-sha256) or query parameters
    /// (presigning), already in their final form.
    pub extra_headers: &'a [(&'a str, &'a str)],
    pub extra_params: &'a [(&'a str, &'a str)],
    /// A header left out of the signature (the session token, for services that want it so).
    pub unsigned_header: Option<&'a str>,
}

/// The canonical request and the `SignedHeaders` list.
pub(super) fn canonical_request(input: &Input<'_>) -> Result<(String, String), Error> {
    let (path, query) = path_and_query(input.url);
    let path = if input.normalize_path {
        normalize_path(path)
    } else if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    };
    let path = if input.double_uri_encode {
        encode_path(&path)
    } else {
        path
    };

    // Lower-cased names, values trimmed; a name given twice keeps both values, in order.
    let mut headers: Vec<(String, String)> = Vec::with_capacity(input.headers.len() + 4);
    for (name, value) in input.headers {
        let name = name.to_ascii_lowercase();
        check_header(&name, value)?;
        headers.push((name, trim_all(value)));
    }
    for (name, value) in input.extra_headers {
        check_header(name, value)?;
        headers.retain(|(n, _)| n != name);
        headers.push(((*name).to_owned(), (*value).to_owned()));
    }
    // A stable sort keeps each name's values in the order given.
    sort_small(&mut headers, |a, b| a.0 < b.0);

    let mut canonical_headers = String::new();
    let mut signed = String::new();
    let mut i = 0;
    while i < headers.len() {
        let name = headers[i].0.as_str();
        let mut values = vec![headers[i].1.as_str()];
        i += 1;
        while i < headers.len() && headers[i].0 == name {
            values.push(&headers[i].1);
            i += 1;
        }
        let skipped = EXCLUDED_HEADERS.contains(&name)
            || input.unsigned_header == Some(name)
            || (input.presign && (name == "x-amz-user-agent" || name == "x-amz-checksum-mode"));
        if skipped {
            continue;
        }
        canonical_headers.push_str(name);
        canonical_headers.push(':');
        canonical_headers.push_str(&values.join(","));
        canonical_headers.push('\n');
        if !signed.is_empty() {
            signed.push(';');
        }
        signed.push_str(name);
    }

    let mut params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                encode_component(&form_decode(k)),
                encode_component(&form_decode(v)),
            )
        })
        .collect();
    let signed_headers_param = [("X-Amz-SignedHeaders", signed.as_str())];
    let extra = input.extra_params.iter().chain(if input.presign {
        &signed_headers_param[..]
    } else {
        &[]
    });
    for (k, v) in extra {
        params.push((encode_component(k), encode_component(v)));
    }
    sort_small(&mut params, |a, b| a < b);
    let query = params
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");

    let request = format!(
        "{}\n{path}\n{query}\n{canonical_headers}\n{signed}\n{}",
        input.method, input.payload_hash
    );
    Ok((request, signed))
}

/// A stable insertion sort. A request has a handful of headers and query parameters, and each
/// std sort instantiated for a type costs the page about 4 KB of wasm (measured).
fn sort_small<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The signature of a canonical request for a credential scope at `date_time`.
pub(super) fn signature(
    canonical_request: &str,
    secret: &str,
    date_time: &str,
    region: &str,
    service: &str,
) -> String {
    let date = &date_time[..8];
    let string_to_sign = format!(
        "{ALGORITHM}\n{date_time}\n{date}/{region}/{service}/aws4_request\n{}",
        sha256_hex(canonical_request.as_bytes())
    );
    let key = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    let key = hmac(&key, region.as_bytes());
    let key = hmac(&key, service.as_bytes());
    let key = hmac(&key, b"aws4_request");
    hex::encode(hmac(&key, string_to_sign.as_bytes()))
}

pub(super) fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// HMAC-SHA256 (RFC 2104).
fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(data)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// `YYYYMMDDTHHMMSSZ`, UTC.
pub(super) fn format_date_time(time: SystemTime) -> Result<String, Error> {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| Error::Signing("the signing time is before 1970".into()))?
        .as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    Ok(format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    ))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The URL's path (without scheme and authority) and query (without `?`; no fragment).
fn path_and_query(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let after_authority = rest.find(['/', '?']).map_or("", |i| &rest[i..]);
    after_authority
        .split_once('?')
        .unwrap_or((after_authority, ""))
}

/// RFC 3986 5.2.4 (remove dot segments), also merging repeated slashes, as aws-sigv4 does.
fn normalize_path(path: &str) -> String {
    if path.is_empty() {
        return "/".to_owned();
    }
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    if !(path.contains('.') || path.contains("//")) {
        return path;
    }
    let mut segments: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let mut out = format!("/{}", segments.join("/"));
    let ends_with_slash = ["/", "/.", "/./", "/..", "/../"]
        .iter()
        .any(|s| path.ends_with(s));
    if ends_with_slash && !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// A form-encoded query component decoded (`+` a space; bytes that are not UTF-8 replaced).
fn form_decode(value: &str) -> String {
    percent_encoding::percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// Trims spaces and merges runs of spaces (only spaces, as S3 does).
fn trim_all(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.trim_matches(' ').chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// The rules the `http` crate applies to header names (RFC 9110 tokens) and values (visible
/// ASCII, spaces and tabs), so a request that could not be sent is not signed.
fn check_header(name: &str, value: &str) -> Result<(), Error> {
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        return Err(Error::Signing(format!("invalid header name {name:?}")));
    }
    if !value.bytes().all(|b| b == b'\t' || (32..127).contains(&b)) {
        return Err(Error::Signing(format!("invalid value for header {name}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn dates_format_in_utc() {
        for (secs, text) in [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (1_369_353_600, "20130524T000000Z"),
            (951_782_400, "20000229T000000Z"),
            (4_102_444_799, "20991231T235959Z"),
        ] {
            let time = UNIX_EPOCH + Duration::from_secs(secs);
            assert_eq!(format_date_time(time).expect("formats"), text);
        }
    }

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2 and 6 (a key longer than the block).
        assert_eq!(
            hex::encode(hmac(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex::encode(hmac(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn paths_normalize_like_aws_sigv4() {
        for (path, normal) in [
            ("", "/"),
            ("/", "/"),
            ("/a//b", "/a/b"),
            ("/a/./b/../c", "/a/c"),
            ("/../x", "/x"),
            ("/foo/bar/.", "/foo/bar/"),
            ("/a/", "/a/"),
        ] {
            assert_eq!(normalize_path(path), normal, "{path}");
        }
        assert_eq!(path_and_query("http://h:1/p?q=1#f"), ("/p", "q=1"));
        assert_eq!(path_and_query("https://h?x"), ("", "x"));
        assert_eq!(trim_all("  a   b  c "), "a b c");
    }

    #[test]
    fn the_small_sort_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }
}
