//! Where the pipeline is made: the emulator's endpoint, the bridge URL Firehose delivers to, and
//! the region with its partition.

use super::*;
use crate::spec::Target;

fn with_local(endpoint: &str, bridge_url: &str, region: &str) -> PipelineSpec {
    let mut spec = local();
    spec.target = Target::Local {
        endpoint: endpoint.to_owned(),
        bridge_url: bridge_url.to_owned(),
        region: region.to_owned(),
    };
    spec
}

#[test]
fn the_endpoint_is_a_base_url() {
    for ok in [
        "http://127.0.0.1:4566",
        "https://emulator.example:8443",
        "http://localhost/",
    ] {
        assert_valid(&with_local(ok, "http://127.0.0.1:4599", "us-east-1"));
    }
    for (bad, says) in [
        ("", "is required"),
        ("127.0.0.1:4566", "must start with http:// or https://"),
        ("ftp://127.0.0.1", "must start with http:// or https://"),
        ("http://127.0.0.1:4566/moto", "no path or query"),
        ("http://127.0.0.1:4566?x=1", "no path or query"),
        ("http://:4566", "needs a host"),
        ("http://127.0.0.1:0", "port"),
    ] {
        assert_error(
            &with_local(bad, "http://127.0.0.1:4599", "us-east-1"),
            "target.endpoint",
            says,
        );
    }
}

#[test]
fn the_bridge_url_is_https_or_loopback_http() {
    // Firehose API, HttpEndpointConfiguration.Url: https://.*; the emulator delivers locally.
    for ok in [
        "http://127.0.0.1:4599",
        "http://localhost:4599",
        "http://[::1]:4599",
        "https://bridge.example.com",
    ] {
        assert_valid(&with_local("http://127.0.0.1:4566", ok, "us-east-1"));
    }
    for (bad, says) in [
        (
            "http://192.168.1.5:4599",
            "http:// is only for a bridge on this machine",
        ),
        (
            "http://bridge.example.com",
            "http:// is only for a bridge on this machine",
        ),
        ("https://bridge.example.com/tables/x", "no path or query"),
        ("", "is required"),
    ] {
        assert_error(
            &with_local("http://127.0.0.1:4566", bad, "us-east-1"),
            "target.bridgeUrl",
            says,
        );
    }
}

// A local stream's URL carries the bridge's settings; Firehose takes 1000 characters at most.
#[test]
fn the_local_stream_url_fits_firehoses_1000_characters() {
    let mut spec = local();
    if let Some(b) = spec.bridge.as_mut() {
        b.reject_prefix = "r".repeat(400);
        b.arrival_attribute = Some("a".repeat(200));
    }
    if let Some(t) = spec.table.as_mut() {
        t.ttl_attribute = Some("t".repeat(200));
    }
    let url = crate::plan::local_stream_url(&spec).expect("a local stream URL");
    assert!(url.len() <= 1000, "{}", url.len());
    assert_valid(&spec);
    if let Some(t) = spec.table.as_mut() {
        t.ttl_attribute = Some("t".repeat(255));
    }
    if let Some(b) = spec.bridge.as_mut() {
        b.reject_prefix = "r".repeat(512);
    }
    assert_error(&spec, "target.bridgeUrl", "over Firehose's 1000");
}

#[test]
fn regions_belong_to_a_partition_hoseline_reaches() {
    // botocore partitions.json: aws ^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$, aws-cn ^cn-\w+-\d+$,
    // aws-us-gov ^us-gov-\w+-\d+$; the isolated partitions have other DNS suffixes.
    for ok in [
        "us-east-1",
        "eu-central-2",
        "ap-southeast-7",
        "mx-central-1",
        "il-central-1",
        "cn-northwest-1",
        "us-gov-west-1",
    ] {
        assert_valid(&PipelineSpec::aws_dynamodb("demo", ok));
        assert_valid(&with_local(
            "http://127.0.0.1:4566",
            "http://127.0.0.1:4599",
            ok,
        ));
    }
    for (bad, says) in [
        ("", "is required"),
        ("eu-west", "not a region code"),
        ("EU-WEST-1", "not a region code"),
        (" us-east-1", "spaces"),
        ("xx-east-1", "not in a known AWS partition"),
        (
            "us-iso-east-1",
            "aws-iso partition (endpoints under c2s.ic.gov)",
        ),
        ("us-isob-east-1", "aws-iso-b partition"),
        ("eusc-de-east-1", "aws-eusc partition"),
    ] {
        assert_error(
            &PipelineSpec::aws_dynamodb("demo", bad),
            "target.region",
            says,
        );
        assert_error(
            &with_local("http://127.0.0.1:4566", "http://127.0.0.1:4599", bad),
            "target.region",
            says,
        );
    }
}
