//! AWS partitions: groups of regions, each with its own DNS suffix and its own endpoint for a
//! global service. The data is botocore's `data/partitions.json` (region patterns, DNS suffixes)
//! and IAM's endpoint rule set (`data/iam/2010-05-08/endpoint-rule-set-1.json`, non-FIPS,
//! non-dual-stack), which agrees with `data/endpoints.json`.

/// One partition and what differs in it.
#[derive(Debug, PartialEq, Eq)]
pub struct Partition {
    /// The partition's name, as in ARNs: `aws`, `aws-cn`, `aws-us-gov`, ...
    pub name: &'static str,
    /// What the regions' prefix is (`cn-`, `us-gov-`, ...); empty for the commercial partition,
    /// which takes every region that no other one does (botocore's default).
    region_prefix: &'static str,
    /// Regional endpoints are `{service}.{region}.{dns_suffix}`.
    pub dns_suffix: &'static str,
    /// IAM's one endpoint in the partition.
    pub iam_host: &'static str,
    /// The region IAM's requests are signed for.
    pub iam_region: &'static str,
}

const fn partition(
    name: &'static str,
    region_prefix: &'static str,
    dns_suffix: &'static str,
    iam_host: &'static str,
    iam_region: &'static str,
) -> Partition {
    Partition {
        name,
        region_prefix,
        dns_suffix,
        iam_host,
        iam_region,
    }
}

/// The commercial partition.
pub static AWS: Partition = partition("aws", "", "amazonaws.com", "iam.amazonaws.com", "us-east-1");

/// The other partitions, matched by their regions' prefix.
static OTHERS: [Partition; 6] = [
    partition(
        "aws-cn",
        "cn-",
        "amazonaws.com.cn",
        "iam.cn-north-1.amazonaws.com.cn",
        "cn-north-1",
    ),
    partition(
        "aws-us-gov",
        "us-gov-",
        "amazonaws.com",
        "iam.us-gov.amazonaws.com",
        "us-gov-west-1",
    ),
    partition(
        "aws-iso",
        "us-iso-",
        "c2s.ic.gov",
        "iam.us-iso-east-1.c2s.ic.gov",
        "us-iso-east-1",
    ),
    partition(
        "aws-iso-b",
        "us-isob-",
        "sc2s.sgov.gov",
        "iam.us-isob-east-1.sc2s.sgov.gov",
        "us-isob-east-1",
    ),
    partition(
        "aws-iso-e",
        "eu-isoe-",
        "cloud.adc-e.uk",
        "iam.eu-isoe-west-1.cloud.adc-e.uk",
        "eu-isoe-west-1",
    ),
    partition(
        "aws-iso-f",
        "us-isof-",
        "csp.hci.ic.gov",
        "iam.us-isof-south-1.csp.hci.ic.gov",
        "us-isof-south-1",
    ),
];

impl Partition {
    /// The partition a region code belongs to.
    pub fn of(region: &str) -> &'static Partition {
        OTHERS
            .iter()
            .find(|p| region.starts_with(p.region_prefix))
            .unwrap_or(&AWS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_find_their_partition() {
        for (region, name, suffix) in [
            ("us-east-1", "aws", "amazonaws.com"),
            ("eu-central-2", "aws", "amazonaws.com"),
            ("il-central-1", "aws", "amazonaws.com"),
            ("cn-northwest-1", "aws-cn", "amazonaws.com.cn"),
            ("us-gov-east-1", "aws-us-gov", "amazonaws.com"),
            ("us-iso-west-1", "aws-iso", "c2s.ic.gov"),
            ("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov"),
            ("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk"),
            ("us-isof-east-1", "aws-iso-f", "csp.hci.ic.gov"),
        ] {
            let p = Partition::of(region);
            assert_eq!((p.name, p.dns_suffix), (name, suffix), "{region}");
        }
    }
}
