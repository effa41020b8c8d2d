//! Region codes and their partitions, after botocore's `partitions.json` (each partition's
//! `regionRegex`). Matching the shape rather than a list of regions lets a new region of a known
//! partition through without a new build.

/// A partition this build can reach: its endpoints end in the DNS suffix `hoseline_aws` uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Partition {
    pub(super) id: &'static str,
    pub(super) dns_suffix: &'static str,
    pub(super) reachable: bool,
}

const AWS: Partition = Partition {
    id: "aws",
    dns_suffix: "amazonaws.com",
    reachable: true,
};
const AWS_CN: Partition = Partition {
    id: "aws-cn",
    dns_suffix: "amazonaws.com.cn",
    reachable: true,
};
const AWS_US_GOV: Partition = Partition {
    id: "aws-us-gov",
    dns_suffix: "amazonaws.com",
    reachable: true,
};

/// `regionRegex` `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$` of the `aws` partition.
const AWS_AREAS: &[&str] = &["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"];

/// The isolated and sovereign partitions: their endpoints are not under amazonaws.com, so
/// `hoseline_aws` cannot address them. `(first two labels, partition, DNS suffix)`.
const UNREACHABLE: &[(&str, &str, &str)] = &[
    ("us-iso", "aws-iso", "c2s.ic.gov"),
    ("us-isob", "aws-iso-b", "sc2s.sgov.gov"),
    ("eu-isoe", "aws-iso-e", "cloud.adc-e.uk"),
    ("us-isof", "aws-iso-f", "csp.hci.ic.gov"),
    ("eusc-de", "aws-eusc", "amazonaws.eu"),
];

fn word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// The partition of a region code, by the shape of the code.
pub(super) fn partition(code: &str) -> Option<Partition> {
    let parts: Vec<&str> = code.split('-').collect();
    match parts.as_slice() {
        [area, name, n] if word(name) && digits(n) => {
            if AWS_AREAS.contains(area) {
                Some(AWS)
            } else if *area == "cn" {
                Some(AWS_CN)
            } else {
                None
            }
        }
        [a, b, name, n] if word(name) && digits(n) => {
            if (*a, *b) == ("us", "gov") {
                return Some(AWS_US_GOV);
            }
            let head = format!("{a}-{b}");
            UNREACHABLE
                .iter()
                .find(|(h, _, _)| *h == head)
                .map(|&(_, id, dns_suffix)| Partition {
                    id,
                    dns_suffix,
                    reachable: false,
                })
        }
        _ => None,
    }
}

/// A region code of a partition Hoseline can reach.
pub(super) fn check(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err("is required, e.g. us-east-1".to_owned());
    }
    if code.trim() != code {
        return Err(format!("must not have spaces around it ({code:?})"));
    }
    let shape = || super::check::aws(hoseline_aws::Region::new(code).map(drop));
    match partition(code) {
        Some(p) if p.reachable => shape(),
        Some(p) => Err(format!(
            "{code:?} is in the {} partition (endpoints under {}), which Hoseline cannot reach; \
             use a region of aws, aws-cn or aws-us-gov",
            p.id, p.dns_suffix
        )),
        None => shape().and_then(|()| {
            Err(format!(
                "{code:?} is not in a known AWS partition: regions look like us-east-1, \
                 eu-west-2, ap-southeast-1, cn-north-1 or us-gov-west-1"
            ))
        }),
    }
}
