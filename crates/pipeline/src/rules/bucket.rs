//! The S3 bucket: its name, lifecycle, and the CORS rule that lets the console browse it. Its
//! prefixes are in `prefixes`.

use super::check::{self, Field};
use super::Rule;
use crate::spec::{PipelineSpec, Target};

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "bucket.name",
        "3-63 characters: a-z 0-9 . -, starting and ending with a letter or digit",
        "S3 guide, General purpose bucket naming rules",
        name,
    ),
    Rule::by_type(
        "bucket.backupMode",
        "failedDataOnly or allData (dynamodb kind)",
        "firehose HttpEndpointS3BackupMode",
    ),
    Rule::new(
        "bucket.expirationDays",
        "At least 1 day; leave out to keep objects",
        "S3 LifecycleExpiration Days (a positive integer)",
        expiration_days,
    ),
    // Firehose takes all five formats for an S3 destination and for an HTTP endpoint's S3
    // backup; only Redshift's intermediate bucket refuses Snappy, Zip and Hadoop-Snappy
    // (firehose CompressionFormat; Firehose guide, Configure settings, "S3 compression").
    Rule::by_type(
        "bucket.compression",
        "UNCOMPRESSED, GZIP, ZIP, Snappy or HADOOP_SNAPPY",
        "firehose CompressionFormat",
    ),
    Rule::new(
        "bucket.corsAllowedOrigins",
        "The console's origins; at least one on AWS",
        "S3 guide, Using cross-origin resource sharing (CORS)",
        cors_origins,
    ),
    Rule::new(
        "bucket.corsAllowedOrigins[]",
        "An origin scheme://host[:port] with no path, or *",
        "S3 CORSRule AllowedOrigin (at most one * wildcard)",
        cors_origin,
    ),
];

fn name(spec: &PipelineSpec, f: &mut Field<'_>) {
    let name = &spec.bucket.name;
    f.check(
        check::aws(hoseline_aws::s3::validate_bucket_name("", name))
            .map_err(|rule| format!("{rule} ({name:?})")),
    );
}

fn expiration_days(spec: &PipelineSpec, f: &mut Field<'_>) {
    if spec.bucket.expiration_days == Some(0) {
        f.fail("must be at least 1 day (it is 0); leave it out to keep the objects");
    }
}

fn cors_origins(spec: &PipelineSpec, f: &mut Field<'_>) {
    if matches!(spec.target, Target::Aws { .. }) && spec.bucket.cors_allowed_origins.is_empty() {
        f.fail(
            "needs at least one origin on AWS, the console's (e.g. https://console.example.com): \
             S3 answers a page's calls only on a bucket whose CORS rule names the page's origin",
        );
    }
}

fn cors_origin(spec: &PipelineSpec, f: &mut Field<'_>) {
    for (i, origin) in spec.bucket.cors_allowed_origins.iter().enumerate() {
        if let Err(message) = origin_rule(origin) {
            f.fail_at(i, message);
        }
    }
}

/// `scheme://host[:port]` as a browser sends it in `Origin`, or `*`. S3 compares origins as
/// text, with at most one `*` wildcard, so a path, a trailing slash or capitals never match.
fn origin_rule(origin: &str) -> Result<(), String> {
    if origin == "*" {
        return Ok(());
    }
    let bad = |why: &str| Err(format!("{why} ({origin:?})"));
    let Some((scheme, authority)) = origin.split_once("://") else {
        return bad("must be an origin such as https://console.example.com, or *");
    };
    if scheme != "http" && scheme != "https" {
        return bad("must start with http:// or https://");
    }
    if authority.contains(['/', '?', '#']) {
        return bad(
            "must not have a path, query or trailing '/': browsers send scheme://host[:port]",
        );
    }
    if origin.matches('*').count() > 1 {
        return bad("may hold at most one * wildcard");
    }
    let (host, port, host_ok) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((host, "")) => (host, None, ipv6(host)),
            Some((host, rest)) => match rest.strip_prefix(':') {
                Some(port) => (host, Some(port), ipv6(host)),
                None => return bad("has text after its [IPv6] host that is not :port"),
            },
            None => return bad("has an unclosed '[' in its host"),
        },
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-*".contains(c));
            (host, port, ok)
        }
    };
    if !host_ok {
        return bad(&format!(
            "needs a host of a-z 0-9 . - (browsers send it in lower case), not {host:?}"
        ));
    }
    if let Some(port) = port {
        if port.parse::<u16>().map_or(true, |p| p == 0) {
            return bad("has a port that is not a number from 1 to 65535");
        }
    }
    Ok(())
}

/// The inside of `[...]`: hex digits and colons, as a browser writes an IPv6 origin.
fn ipv6(host: &str) -> bool {
    host.contains(':')
        && host
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c) || c == ':')
}
