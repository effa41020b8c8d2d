//! One AWS call of a plan: a typed operation of the aws crate, named after the AWS operation.

use hoseline_aws::{
    autoscaling, cloudformation, dynamodb, firehose, iam, lambda, s3, Error, HttpRequest,
    Operation, ResolvedEndpoint, Service,
};

/// The calls a plan makes. Each holds the operation exactly as it is sent, except the bridge's
/// access key, which stays a placeholder until the engine sends the call.
#[derive(Clone, Debug, PartialEq)]
pub enum Call {
    CreateBucket(s3::CreateBucket),
    PutBucketTagging(s3::PutBucketTagging),
    PutBucketCors(s3::PutBucketCors),
    PutBucketLifecycleConfiguration(s3::PutBucketLifecycleConfiguration),
    CreateTable(dynamodb::CreateTable),
    UpdateTimeToLive(dynamodb::UpdateTimeToLive),
    UpdateContinuousBackups(dynamodb::UpdateContinuousBackups),
    RegisterScalableTarget(autoscaling::RegisterScalableTarget),
    PutScalingPolicy(autoscaling::PutScalingPolicy),
    CreateRole(iam::CreateRole),
    PutRolePolicy(iam::PutRolePolicy),
    CreateStack(cloudformation::CreateStack),
    CreateFunction(Box<lambda::CreateFunction>),
    CreateFunctionUrlConfig(lambda::CreateFunctionUrlConfig),
    AddPermission(lambda::AddPermission),
    CreateDeliveryStream(Box<firehose::CreateDeliveryStream>),
}

/// Runs `$body` with `$op` bound to the typed operation, whatever the variant.
macro_rules! with_op {
    ($call:expr, $op:ident => $body:expr) => {
        match $call {
            Call::CreateBucket($op) => $body,
            Call::PutBucketTagging($op) => $body,
            Call::PutBucketCors($op) => $body,
            Call::PutBucketLifecycleConfiguration($op) => $body,
            Call::CreateTable($op) => $body,
            Call::UpdateTimeToLive($op) => $body,
            Call::UpdateContinuousBackups($op) => $body,
            Call::RegisterScalableTarget($op) => $body,
            Call::PutScalingPolicy($op) => $body,
            Call::CreateRole($op) => $body,
            Call::PutRolePolicy($op) => $body,
            Call::CreateStack($op) => $body,
            Call::CreateFunction($op) => {
                let $op = $op.as_ref();
                $body
            }
            Call::CreateFunctionUrlConfig($op) => $body,
            Call::AddPermission($op) => $body,
            Call::CreateDeliveryStream($op) => {
                let $op = $op.as_ref();
                $body
            }
        }
    };
}
pub(crate) use with_op;

fn service_of<O: Operation>(_: &O) -> Service {
    O::SERVICE
}

fn name_of<O: Operation>(_: &O) -> &'static str {
    O::NAME
}

impl Call {
    /// The service that serves the call.
    pub fn service(&self) -> Service {
        with_op!(self, op => service_of(op))
    }

    /// The AWS operation name (`CreateTable`).
    pub fn operation(&self) -> &'static str {
        with_op!(self, op => name_of(op))
    }

    /// The request for a resolved endpoint, as the client would send it before signing.
    pub fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        with_op!(self, op => op.build(endpoint))
    }

    /// The operation's own input checks.
    pub fn validate(&self) -> Result<(), Error> {
        with_op!(self, op => op.validate())
    }

    /// The IAM action the call needs (`s3:PutBucketCORS` for PutBucketCors: S3's action names
    /// differ from its operation names in a few places), for naming a missing permission.
    pub fn iam_action(&self) -> String {
        let operation = self.operation();
        let prefix = match self.service() {
            Service::Sts => "sts",
            Service::DynamoDb => "dynamodb",
            Service::Firehose => "firehose",
            Service::S3 => "s3",
            Service::Iam => "iam",
            Service::Lambda => "lambda",
            Service::CloudFormation => "cloudformation",
            Service::ApplicationAutoScaling => "application-autoscaling",
        };
        let action = match operation {
            "PutBucketCors" => "PutBucketCORS",
            "PutBucketLifecycleConfiguration" => "PutLifecycleConfiguration",
            other => other,
        };
        format!("{prefix}:{action}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_actions_use_iam_names() {
        let cors = Call::PutBucketCors(s3::PutBucketCors {
            bucket: "b".into(),
            cors_rules: vec![],
        });
        assert_eq!(cors.iam_action(), "s3:PutBucketCORS");
        assert_eq!(cors.operation(), "PutBucketCors");
        let table = Call::UpdateTimeToLive(dynamodb::UpdateTimeToLive::enable("t", "e"));
        assert_eq!(table.iam_action(), "dynamodb:UpdateTimeToLive");
        assert_eq!(table.service(), Service::DynamoDb);
    }
}
