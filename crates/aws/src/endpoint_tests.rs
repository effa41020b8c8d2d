//! Endpoint parsing and resolution: AWS's own endpoints per partition, custom ones as clients
//! send their host.

use super::*;

fn region(r: &str) -> Region {
    Region::new(r).expect("valid region")
}

#[test]
fn regional_services_resolve_to_their_regional_endpoints() {
    let r = Endpoint::Aws.resolve(Service::DynamoDb, &region("eu-west-1"));
    assert_eq!(r.base_url, "https://dynamodb.eu-west-1.amazonaws.com");
    assert_eq!(r.signing_region, "eu-west-1");
    let r = Endpoint::Aws.resolve(Service::Sts, &region("ap-southeast-2"));
    assert_eq!(r.base_url, "https://sts.ap-southeast-2.amazonaws.com");
    let r = Endpoint::Aws.resolve(Service::ApplicationAutoScaling, &region("us-west-2"));
    assert_eq!(
        r.base_url,
        "https://application-autoscaling.us-west-2.amazonaws.com"
    );
    let r = Endpoint::Aws.resolve(Service::Firehose, &region("cn-north-1"));
    assert_eq!(r.base_url, "https://firehose.cn-north-1.amazonaws.com.cn");
}

#[test]
fn iam_is_global_and_signs_for_us_east_1() {
    let r = Endpoint::Aws.resolve(Service::Iam, &region("eu-central-1"));
    assert_eq!(r.base_url, "https://iam.amazonaws.com");
    assert_eq!(r.signing_region, "us-east-1");
}

// botocore's endpoints.json / IAM endpoint rule set: one IAM endpoint per partition, signed
// for that partition's region.
#[test]
fn iam_has_one_endpoint_per_partition() {
    for (region_code, url, signing_region) in [
        ("us-west-2", "https://iam.amazonaws.com", "us-east-1"),
        (
            "cn-northwest-1",
            "https://iam.cn-north-1.amazonaws.com.cn",
            "cn-north-1",
        ),
        (
            "us-gov-east-1",
            "https://iam.us-gov.amazonaws.com",
            "us-gov-west-1",
        ),
        (
            "us-iso-west-1",
            "https://iam.us-iso-east-1.c2s.ic.gov",
            "us-iso-east-1",
        ),
        (
            "us-isob-east-1",
            "https://iam.us-isob-east-1.sc2s.sgov.gov",
            "us-isob-east-1",
        ),
        (
            "eu-isoe-west-1",
            "https://iam.eu-isoe-west-1.cloud.adc-e.uk",
            "eu-isoe-west-1",
        ),
        (
            "us-isof-east-1",
            "https://iam.us-isof-south-1.csp.hci.ic.gov",
            "us-isof-south-1",
        ),
    ] {
        let r = Endpoint::Aws.resolve(Service::Iam, &region(region_code));
        assert_eq!(r.base_url, url, "{region_code}");
        assert_eq!(r.signing_region, signing_region, "{region_code}");
        // A custom endpoint signs IAM as AWS would.
        let local = Endpoint::parse("http://127.0.0.1:4566").expect("endpoint");
        assert_eq!(
            local
                .resolve(Service::Iam, &region(region_code))
                .signing_region,
            signing_region
        );
    }
}

#[test]
fn regional_services_take_their_partitions_dns_suffix() {
    for (service, region_code, url) in [
        (
            Service::S3,
            "us-iso-east-1",
            "https://s3.us-iso-east-1.c2s.ic.gov",
        ),
        (
            Service::DynamoDb,
            "us-isob-east-1",
            "https://dynamodb.us-isob-east-1.sc2s.sgov.gov",
        ),
        (
            Service::Lambda,
            "cn-north-1",
            "https://lambda.cn-north-1.amazonaws.com.cn",
        ),
        (
            Service::Sts,
            "us-gov-west-1",
            "https://sts.us-gov-west-1.amazonaws.com",
        ),
        (
            Service::Firehose,
            "eu-isoe-west-1",
            "https://firehose.eu-isoe-west-1.cloud.adc-e.uk",
        ),
        (
            Service::CloudFormation,
            "us-isof-south-1",
            "https://cloudformation.us-isof-south-1.csp.hci.ic.gov",
        ),
    ] {
        let r = Endpoint::Aws.resolve(service, &region(region_code));
        assert_eq!(r.base_url, url, "{service:?} in {region_code}");
        assert_eq!(r.signing_region, region_code);
    }
}

#[test]
fn a_custom_endpoint_serves_every_service_path_style() {
    let e = Endpoint::parse("http://127.0.0.1:4566/").expect("valid");
    for s in Service::ALL {
        let r = e.resolve(s, &region("eu-west-1"));
        assert_eq!(r.base_url, "http://127.0.0.1:4566");
        assert!(r.path_style);
    }
    assert_eq!(
        e.resolve(Service::Iam, &region("eu-west-1")).signing_region,
        "us-east-1"
    );
}

#[test]
fn empty_endpoint_means_aws_and_bad_ones_name_the_rule() {
    assert_eq!(Endpoint::parse("  ").expect("empty is AWS"), Endpoint::Aws);
    for bad in [
        "localhost:4566",
        "ftp://x",
        "http://",
        "http://h:99999",
        "http://h:4566/path",
    ] {
        let e = Endpoint::parse(bad).unwrap_err();
        assert_eq!(e.field(), Some("endpoint"), "{bad}: {e}");
    }
    assert!(Endpoint::parse("https://[::1]:4566").is_ok());
}

#[test]
fn an_ipv6_literal_is_its_bracketed_host_with_or_without_a_port() {
    for (text, base, host) in [
        ("http://[::1]", "http://[::1]", "[::1]"),
        ("http://[::1]/", "http://[::1]", "[::1]"),
        ("http://[::1]:4566", "http://[::1]:4566", "[::1]:4566"),
        (
            "https://[2001:db8::7]",
            "https://[2001:db8::7]",
            "[2001:db8::7]",
        ),
    ] {
        let e = Endpoint::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let r = e.resolve(Service::Sts, &region("us-east-1"));
        assert_eq!(r.base_url, base, "{text}");
        let mut request = crate::HttpRequest::new("POST", r.url("/"));
        let creds =
            crate::Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", None).expect("credentials");
        let time =
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        crate::signing::sign_request(&mut request, &r, &creds, time).expect("signs");
        assert_eq!(request.get_header("host"), Some(host), "{text}");
    }
    for bad in [
        "http://[::1",
        "http://[::1]x",
        "http://[::1]:",
        "http://::1",
        "http://[nope]",
    ] {
        let e = Endpoint::parse(bad).unwrap_err();
        assert_eq!(e.field(), Some("endpoint"), "{bad}: {e}");
    }
}

/// The signed `host` of a request to `service` through `endpoint`.
fn signed_host(endpoint: &Endpoint, service: Service) -> String {
    let r = endpoint.resolve(service, &region("us-east-1"));
    let mut request = crate::HttpRequest::new("POST", r.url("/"));
    let creds =
        crate::Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", None).expect("credentials");
    let time = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    crate::signing::sign_request(&mut request, &r, &creds, time).expect("signs");
    request.get_header("host").expect("host").to_owned()
}

// Clients send no default port and a lowercase host (browsers, reqwest; botocore's signer
// drops the default port too): the endpoint is written that way, so the URL and the signed
// host agree with the Host header that goes out.
#[test]
fn a_default_port_and_the_host_case_are_written_as_clients_send_them() {
    for (text, base, host) in [
        ("http://127.0.0.1:80", "http://127.0.0.1", "127.0.0.1"),
        ("http://localhost:80/", "http://localhost", "localhost"),
        (
            "https://s3.example.com:443",
            "https://s3.example.com",
            "s3.example.com",
        ),
        ("https://[::1]:443", "https://[::1]", "[::1]"),
        // Not the scheme's default: kept.
        (
            "http://example.com:443",
            "http://example.com:443",
            "example.com:443",
        ),
        (
            "https://example.com:80",
            "https://example.com:80",
            "example.com:80",
        ),
        (
            "HTTP://LocalHost:4566",
            "http://localhost:4566",
            "localhost:4566",
        ),
        (
            "https://[2001:DB8::7]",
            "https://[2001:db8::7]",
            "[2001:db8::7]",
        ),
    ] {
        let e = Endpoint::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(e, Endpoint::Custom(base.into()), "{text}");
        assert_eq!(signed_host(&e, Service::S3), host, "{text}");
        assert_eq!(signed_host(&e, Service::Sts), host, "{text}");
    }
}

#[test]
fn region_codes_are_checked() {
    for good in [
        "us-east-1",
        "us-gov-west-1",
        "cn-north-1",
        "eu-central-2",
        "ap-southeast-4",
    ] {
        assert!(Region::new(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "useast1",
        "US-EAST-1",
        "us-east",
        "us-east-x",
        "u-east-1",
    ] {
        let e = Region::new(bad).unwrap_err();
        assert_eq!(e.field(), Some("region"), "{bad}");
    }
}
