//! The calls "Test connection" makes, asked of the engine worker (the page links no AWS client).

use hoseline_aws::{ClientConfig, Error};
use serde_json::Value;

use super::checks::ServiceCheck;
use crate::engine::ask::ask;
use crate::engine::aws_wire::{unreadable, AwsCall};

/// Who the credentials belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account: String,
    pub arn: String,
}

/// STS GetCallerIdentity: needs no permission, so it tests just the credentials and the endpoint.
pub async fn identity(config: ClientConfig) -> Result<Identity, Error> {
    let answer = ask(&config, AwsCall::Identity).await?;
    read_identity(&answer).ok_or_else(|| unreadable(&answer))
}

/// The worker's `{account, arn}`.
fn read_identity(answer: &Value) -> Option<Identity> {
    let text = |key: &str| answer.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(Identity {
        account: text("account")?,
        arn: text("arn")?,
    })
}

/// Runs one service check: the smallest page of a list call; only whether it answered matters.
pub async fn check(check: ServiceCheck, config: ClientConfig) -> Result<(), Error> {
    let call = AwsCall::Check {
        service: check.testid().to_owned(),
    };
    ask(&config, call).await.map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_reads_and_a_partial_one_does_not() {
        let answer =
            serde_json::json!({ "account": "123456789012", "arn": "arn:aws:iam::1:user/a" });
        assert_eq!(
            read_identity(&answer),
            Some(Identity {
                account: "123456789012".into(),
                arn: "arn:aws:iam::1:user/a".into(),
            })
        );
        assert_eq!(read_identity(&serde_json::json!({ "account": "1" })), None);
    }
}
