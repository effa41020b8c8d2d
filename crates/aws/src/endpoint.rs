//! Where a request goes: AWS's own endpoint for (service, region), or one custom endpoint for
//! every service (the local emulator).

use std::fmt;

use crate::{Error, Partition, Service};

/// An AWS region code such as `us-east-1`, `eu-central-2`, `us-gov-west-1` or `cn-north-1`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Region(String);

impl Region {
    pub fn new(code: &str) -> Result<Self, Error> {
        const FIELD: &str = "region";
        let code = code.trim();
        if code.is_empty() {
            return Err(Error::invalid(FIELD, "is required"));
        }
        let parts: Vec<&str> = code.split('-').collect();
        let shaped = parts.len() >= 3
            && parts[0].len() == 2
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
            && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit())
            && !parts[parts.len() - 1].is_empty();
        if !shaped {
            return Err(Error::invalid(
                FIELD,
                format!("{code:?} is not a region code; it looks like us-east-1 or eu-west-2"),
            ));
        }
        Ok(Self(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The partition the region belongs to (`aws`, `aws-cn`, `aws-us-gov`, the ISO ones).
    pub fn partition(&self) -> &'static Partition {
        Partition::of(&self.0)
    }

    /// The DNS suffix of the region's partition.
    pub fn dns_suffix(&self) -> &'static str {
        self.partition().dns_suffix
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// AWS itself, or one custom base URL that serves every service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Aws,
    /// `scheme://host[:port]`, with no path, query or trailing slash; lowercase, and without the
    /// scheme's default port, as a client sends it in `Host`.
    Custom(String),
}

impl Endpoint {
    /// An empty text means AWS; otherwise an `http://` or `https://` base URL.
    pub fn parse(text: &str) -> Result<Self, Error> {
        const FIELD: &str = "endpoint";
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::Aws);
        }
        let Some((scheme, rest)) = text.split_once("://") else {
            return Err(Error::invalid(
                FIELD,
                "must start with http:// or https:// (leave it empty for AWS)",
            ));
        };
        // Written as clients send it (see `HttpRequest::host_header`): lowercase, as reqwest and
        // browsers normalise a URL, and without the scheme's default port.
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(Error::invalid(
                FIELD,
                format!("scheme {scheme:?} is not http or https"),
            ));
        }
        let rest = rest.trim_end_matches('/');
        if rest.contains(['/', '?', '#']) {
            return Err(Error::invalid(
                FIELD,
                "must be a base URL with no path or query, like http://127.0.0.1:4566",
            ));
        }
        let (host, port) = split_host_port(rest)?;
        if host.is_empty() || host.contains(char::is_whitespace) || host.contains('@') {
            return Err(Error::invalid(FIELD, "needs a host name or address"));
        }
        let host = host.to_ascii_lowercase();
        let default_port = if scheme == "http" { 80 } else { 443 };
        match port.map(|p| (p, p.parse::<u16>())) {
            Some((port, Err(_) | Ok(0))) => Err(Error::invalid(
                FIELD,
                format!("port {port:?} is not a number from 1 to 65535"),
            )),
            Some((_, Ok(p))) if p != default_port => {
                Ok(Self::Custom(format!("{scheme}://{host}:{p}")))
            }
            _ => Ok(Self::Custom(format!("{scheme}://{host}"))),
        }
    }

    pub fn is_aws(&self) -> bool {
        matches!(self, Self::Aws)
    }

    /// The base URL and signing region for a service: `{service}.{region}.{partition's DNS
    /// suffix}`, or for a global service (IAM) its partition's one endpoint and region. A custom
    /// endpoint is signed for the same region AWS would be.
    pub fn resolve(&self, service: Service, region: &Region) -> ResolvedEndpoint {
        let info = service.info();
        let partition = region.partition();
        let (host, signing_region) = if info.global {
            (partition.iam_host.to_owned(), partition.iam_region)
        } else {
            (
                format!("{}.{region}.{}", info.endpoint_prefix, partition.dns_suffix),
                region.as_str(),
            )
        };
        let base_url = match self {
            Self::Custom(url) => url.clone(),
            Self::Aws => format!("https://{host}"),
        };
        ResolvedEndpoint {
            service,
            base_url,
            signing_region: signing_region.to_owned(),
            path_style: !self.is_aws(),
        }
    }
}

/// `host[:port]` -> (host, port). An IPv6 literal keeps its brackets (`[::1]`, `[::1]:4566`): it
/// is the host a client sends and the one signed.
fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), Error> {
    const FIELD: &str = "endpoint";
    if authority.starts_with('[') {
        let Some(close) = authority.find(']') else {
            return Err(Error::invalid(FIELD, "an IPv6 address needs its closing ]"));
        };
        let (host, after) = authority.split_at(close + 1);
        if host[1..host.len() - 1]
            .parse::<std::net::Ipv6Addr>()
            .is_err()
        {
            return Err(Error::invalid(
                FIELD,
                format!("{host} is not an IPv6 address"),
            ));
        }
        return match after.strip_prefix(':') {
            Some(port) => Ok((host, Some(port))),
            None if after.is_empty() => Ok((host, None)),
            None => Err(Error::invalid(
                FIELD,
                format!("{after:?} after {host} is not a :port"),
            )),
        };
    }
    match authority.split_once(':') {
        Some((_, rest)) if rest.contains(':') => Err(Error::invalid(
            FIELD,
            "an IPv6 address goes in brackets, like http://[::1]:4566",
        )),
        Some((host, port)) => Ok((host, Some(port))),
        None => Ok((authority, None)),
    }
}

/// A service's endpoint for one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedEndpoint {
    pub service: Service,
    /// `scheme://host[:port]`, no trailing slash.
    pub base_url: String,
    pub signing_region: String,
    /// S3 addressing: `base/bucket/key` (custom endpoints) rather than `bucket.base/key`.
    pub path_style: bool,
}

impl ResolvedEndpoint {
    /// `base_url` + a path that starts with `/`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base_url, path_and_query)
    }
}

#[cfg(test)]
mod tests {
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
            let creds = crate::Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", None)
                .expect("credentials");
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
        let time =
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
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
}
