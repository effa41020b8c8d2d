//! The calls "Test connection" makes, through the page's fetch transport.

use hoseline_aws::transport::gloo::BrowserClient;
use hoseline_aws::{cloudformation, dynamodb, firehose, iam, lambda, sts};
use hoseline_aws::{ClientConfig, Error, Operation};

use super::checks::ServiceCheck;

/// Who the credentials belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account: String,
    pub arn: String,
}

/// STS GetCallerIdentity: needs no permission, so it tests just the credentials and the endpoint.
pub async fn identity(config: ClientConfig) -> Result<Identity, Error> {
    let out = BrowserClient::browser(config)
        .send(&sts::GetCallerIdentity)
        .await?;
    Ok(Identity {
        account: out.account,
        arn: out.arn,
    })
}

/// Sends `op` and checks only that the service accepted it: the answer's body is not decoded, so
/// the page carries no decoder for outputs it never shows (STS GetCallerIdentity, decoded above,
/// already proved the endpoint speaks AWS).
async fn reach<O: Operation>(client: &BrowserClient, op: &O) -> Result<(), Error> {
    op.validate()?;
    let endpoint = client.endpoint(O::SERVICE);
    let request = op.build(&endpoint)?;
    client.send_request(&endpoint, request).await.map(drop)
}

/// Runs one service check: the smallest page of a list call; only whether it answered matters.
pub async fn check(check: ServiceCheck, config: ClientConfig) -> Result<(), Error> {
    let client = BrowserClient::browser(config);
    match check {
        ServiceCheck::DynamoDb => {
            let op = dynamodb::ListTables {
                limit: Some(1),
                ..Default::default()
            };
            reach(&client, &op).await
        }
        ServiceCheck::Firehose => {
            let op = firehose::ListDeliveryStreams {
                limit: Some(1),
                ..Default::default()
            };
            reach(&client, &op).await
        }
        ServiceCheck::Lambda => {
            let op = lambda::ListFunctions {
                max_items: Some(1),
                ..Default::default()
            };
            reach(&client, &op).await
        }
        ServiceCheck::CloudFormation => {
            let op = cloudformation::DescribeStacks::default();
            reach(&client, &op).await
        }
        ServiceCheck::Iam => {
            let op = iam::ListRoles {
                max_items: Some(1),
                ..Default::default()
            };
            reach(&client, &op).await
        }
    }
}
