//! The policy documents the pipeline needs, least privilege, as JSON values: serialize them
//! with `to_string()` into [`super::CreateRole`] / [`super::PutRolePolicy`].
//!
//! - Firehose's role: trusted by `firehose.amazonaws.com` with `sts:ExternalId` = the account id;
//!   allowed the S3 backup actions on the bucket and `bucket/*`, and `logs:PutLogEvents`.
//! - The bridge Lambda's execution role: trusted by `lambda.amazonaws.com`; allowed
//!   `dynamodb:BatchWriteItem`, `dynamodb:PutItem` and `dynamodb:DescribeTable` on the table only,
//!   `s3:PutObject` under the reject prefix only, and the basic logging permissions for its own log
//!   group only.

use serde_json::{json, Value};

/// The policy language version every document uses.
pub const VERSION: &str = "2012-10-17";

/// The ARN partition of a region: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`...
pub fn partition(region: &str) -> &'static str {
    crate::Partition::of(region).name
}

/// `arn:aws:s3:::bucket`.
pub fn s3_bucket_arn(partition: &str, bucket: &str) -> String {
    format!("arn:{partition}:s3:::{bucket}")
}

/// `arn:aws:dynamodb:REGION:ACCOUNT:table/NAME`: the table, not its indexes or streams.
pub fn dynamodb_table_arn(partition: &str, region: &str, account_id: &str, table: &str) -> String {
    format!("arn:{partition}:dynamodb:{region}:{account_id}:table/{table}")
}

/// Firehose's log group ARN for a delivery stream (`/aws/kinesisfirehose/<stream>`), any stream in it.
pub fn firehose_log_streams_arn(
    partition: &str,
    region: &str,
    account_id: &str,
    stream: &str,
) -> String {
    format!("arn:{partition}:logs:{region}:{account_id}:log-group:/aws/kinesisfirehose/{stream}:log-stream:*")
}

/// The trust policy that lets Firehose assume a role, for this account only.
pub fn firehose_trust_policy(account_id: &str) -> Value {
    json!({
        "Version": VERSION,
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "firehose.amazonaws.com"},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"sts:ExternalId": account_id}}
        }]
    })
}

/// What Firehose needs to back records up to `bucket` and log its delivery errors.
pub fn firehose_backup_policy(partition: &str, bucket: &str, log_streams_arn: &str) -> Value {
    let bucket_arn = s3_bucket_arn(partition, bucket);
    json!({
        "Version": VERSION,
        "Statement": [
            {
                "Effect": "Allow",
                "Action": [
                    "s3:AbortMultipartUpload",
                    "s3:GetBucketLocation",
                    "s3:GetObject",
                    "s3:ListBucket",
                    "s3:ListBucketMultipartUploads",
                    "s3:PutObject"
                ],
                "Resource": [bucket_arn.clone(), format!("{bucket_arn}/*")]
            },
            {
                "Effect": "Allow",
                "Action": ["logs:PutLogEvents"],
                "Resource": [log_streams_arn]
            }
        ]
    })
}

/// The trust policy of a Lambda execution role.
pub fn lambda_trust_policy() -> Value {
    json!({
        "Version": VERSION,
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole"
        }]
    })
}

/// Where the bridge Lambda writes, for its execution role's policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BridgePolicy<'a> {
    pub partition: &'a str,
    pub region: &'a str,
    pub account_id: &'a str,
    /// The DynamoDB table's ARN.
    pub table_arn: &'a str,
    /// The bucket rejected records go to, and their key prefix (`rejected/`).
    pub bucket: &'a str,
    pub reject_prefix: &'a str,
    /// The function's name: its log group is `/aws/lambda/<name>`.
    pub function_name: &'a str,
}

impl BridgePolicy<'_> {
    /// The execution role's inline policy document.
    pub fn document(&self) -> Value {
        let Self {
            partition,
            region,
            account_id,
            ..
        } = *self;
        let log_group = format!(
            "arn:{partition}:logs:{region}:{account_id}:log-group:/aws/lambda/{}",
            self.function_name
        );
        json!({
            "Version": VERSION,
            "Statement": [
                {
                    "Sid": "WriteItems",
                    "Effect": "Allow",
                    // DescribeTable: the bridge reads the table's key once before writing.
                    "Action": [
                        "dynamodb:BatchWriteItem",
                        "dynamodb:DescribeTable",
                        "dynamodb:PutItem"
                    ],
                    "Resource": [self.table_arn]
                },
                {
                    "Sid": "WriteRejects",
                    "Effect": "Allow",
                    "Action": ["s3:PutObject"],
                    "Resource": [format!("{}/{}*", s3_bucket_arn(partition, self.bucket), self.reject_prefix)]
                },
                {
                    // The function's own log group only. IAM matches every logs action but the
                    // tagging ones against the group's ARN with a trailing `:*` (CloudWatch Logs
                    // guide, "Overview of managing access permissions"), CreateLogGroup included,
                    // so nothing account-wide is needed.
                    "Sid": "WriteLogs",
                    "Effect": "Allow",
                    "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                    "Resource": [format!("{log_group}:*")]
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_follow_the_region() {
        assert_eq!(partition("eu-west-1"), "aws");
        assert_eq!(partition("cn-north-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
        assert_eq!(partition("us-isob-east-1"), "aws-iso-b");
    }

    // The trust policy of "Grant Firehose access to an Amazon S3 destination" (Firehose guide).
    #[test]
    fn firehose_trust_is_limited_to_the_account() {
        let doc = firehose_trust_policy("123456789012");
        let s = &doc["Statement"][0];
        assert_eq!(s["Principal"]["Service"], "firehose.amazonaws.com");
        assert_eq!(s["Action"], "sts:AssumeRole");
        assert_eq!(
            s["Condition"]["StringEquals"]["sts:ExternalId"],
            "123456789012"
        );
        assert_eq!(doc["Version"], "2012-10-17");
    }

    #[test]
    fn firehose_backup_is_the_bucket_and_its_objects_only() {
        let logs = firehose_log_streams_arn("aws", "us-east-1", "123456789012", "hose");
        assert_eq!(
            logs,
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/hose:log-stream:*"
        );
        let doc = firehose_backup_policy("aws", "backup", &logs);
        let s3 = &doc["Statement"][0];
        assert_eq!(
            s3["Resource"],
            json!(["arn:aws:s3:::backup", "arn:aws:s3:::backup/*"])
        );
        assert_eq!(s3["Action"].as_array().map(Vec::len), Some(6));
        assert_eq!(doc["Statement"][1]["Action"], json!(["logs:PutLogEvents"]));
        assert_eq!(doc["Statement"][1]["Resource"], json!([logs]));
        // Nothing is granted on every resource.
        assert!(!doc.to_string().contains("\"*\""));
    }

    #[test]
    fn the_bridge_writes_only_its_table_its_rejects_and_its_logs() {
        assert_eq!(
            lambda_trust_policy()["Statement"][0]["Principal"]["Service"],
            "lambda.amazonaws.com"
        );
        let table_arn = dynamodb_table_arn("aws", "eu-west-1", "123456789012", "events");
        assert_eq!(
            table_arn,
            "arn:aws:dynamodb:eu-west-1:123456789012:table/events"
        );
        let doc = BridgePolicy {
            partition: "aws",
            region: "eu-west-1",
            account_id: "123456789012",
            table_arn: &table_arn,
            bucket: "backup",
            reject_prefix: "rejected/",
            function_name: "hoseline-bridge",
        }
        .document();
        let st = doc["Statement"].as_array().expect("statements");
        // The bridge reads the table's key once with DescribeTable (crates/bridge delivery.rs).
        assert_eq!(
            st[0]["Action"],
            json!([
                "dynamodb:BatchWriteItem",
                "dynamodb:DescribeTable",
                "dynamodb:PutItem"
            ])
        );
        assert_eq!(
            st[0]["Resource"],
            json!(["arn:aws:dynamodb:eu-west-1:123456789012:table/events"])
        );
        assert_eq!(st[1]["Action"], json!(["s3:PutObject"]));
        assert_eq!(st[1]["Resource"], json!(["arn:aws:s3:::backup/rejected/*"]));
        // Its own log group only, CreateLogGroup included: IAM matches log-group actions against
        // the `log-group:NAME:*` form of the ARN (CloudWatch Logs guide, "Overview of managing
        // access permissions to your CloudWatch Logs resources").
        assert_eq!(st.len(), 3);
        assert_eq!(
            st[2]["Action"],
            json!([
                "logs:CreateLogGroup",
                "logs:CreateLogStream",
                "logs:PutLogEvents"
            ])
        );
        assert_eq!(
            st[2]["Resource"],
            json!(["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/hoseline-bridge:*"])
        );
        assert!(!doc.to_string().contains("\"*\""));
        // Nothing account-wide (the Lambda console's `arn:aws:logs:REGION:ACCOUNT:*`).
        assert!(!doc.to_string().contains("123456789012:*"));
        assert!(super::super::validate_policy_document("PolicyDocument", &doc.to_string()).is_ok());
    }
}
