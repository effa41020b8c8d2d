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
#[path = "endpoint_tests.rs"]
mod tests;
