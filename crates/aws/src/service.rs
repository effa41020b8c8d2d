//! The services the console uses, described once as data: how each is reached, spoken to and signed.

/// The wire protocol of a service, as its Smithy model names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    AwsJson1_0,
    AwsJson1_1,
    AwsQuery,
    RestXml,
    RestJson1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    Sts,
    DynamoDb,
    Firehose,
    S3,
    Iam,
    Lambda,
    CloudFormation,
    ApplicationAutoScaling,
}

/// Everything that differs between services, written once.
#[derive(Debug)]
pub struct ServiceInfo {
    /// The name people know it by.
    pub title: &'static str,
    /// SigV4 service name in the credential scope.
    pub signing_name: &'static str,
    /// The host prefix of its AWS endpoint.
    pub endpoint_prefix: &'static str,
    pub protocol: Protocol,
    /// awsJson: the `X-Amz-Target` prefix; awsQuery: the API `Version`.
    pub api_target: &'static str,
    /// A global service has one endpoint per partition, signed for one region of it (IAM; see
    /// [`crate::Partition`]).
    pub global: bool,
    /// S3 signs `x-amz-content-sha256`, without double URI encoding or path normalisation.
    pub s3_style_signing: bool,
}

impl Service {
    pub const ALL: [Service; 8] = [
        Service::Sts,
        Service::DynamoDb,
        Service::Firehose,
        Service::S3,
        Service::Iam,
        Service::Lambda,
        Service::CloudFormation,
        Service::ApplicationAutoScaling,
    ];

    pub const fn info(self) -> &'static ServiceInfo {
        match self {
            Service::Sts => &STS,
            Service::DynamoDb => &DYNAMODB,
            Service::Firehose => &FIREHOSE,
            Service::S3 => &S3,
            Service::Iam => &IAM,
            Service::Lambda => &LAMBDA,
            Service::CloudFormation => &CLOUDFORMATION,
            Service::ApplicationAutoScaling => &AUTOSCALING,
        }
    }

    pub const fn protocol(self) -> Protocol {
        self.info().protocol
    }
}

const fn info(
    title: &'static str,
    signing_name: &'static str,
    protocol: Protocol,
    api_target: &'static str,
) -> ServiceInfo {
    ServiceInfo {
        title,
        signing_name,
        endpoint_prefix: signing_name,
        protocol,
        api_target,
        global: false,
        s3_style_signing: false,
    }
}

static STS: ServiceInfo = info("STS", "sts", Protocol::AwsQuery, "2011-06-15");
static DYNAMODB: ServiceInfo = info(
    "DynamoDB",
    "dynamodb",
    Protocol::AwsJson1_0,
    "DynamoDB_20120810",
);
static FIREHOSE: ServiceInfo = info(
    "Firehose",
    "firehose",
    Protocol::AwsJson1_1,
    "Firehose_20150804",
);
static S3: ServiceInfo = ServiceInfo {
    s3_style_signing: true,
    ..info("S3", "s3", Protocol::RestXml, "2006-03-01")
};
static IAM: ServiceInfo = ServiceInfo {
    global: true,
    ..info("IAM", "iam", Protocol::AwsQuery, "2010-05-08")
};
static LAMBDA: ServiceInfo = info("Lambda", "lambda", Protocol::RestJson1, "2015-03-31");
static CLOUDFORMATION: ServiceInfo = info(
    "CloudFormation",
    "cloudformation",
    Protocol::AwsQuery,
    "2010-05-15",
);
static AUTOSCALING: ServiceInfo = ServiceInfo {
    endpoint_prefix: "application-autoscaling",
    ..info(
        "Application Auto Scaling",
        "application-autoscaling",
        Protocol::AwsJson1_1,
        "AnyScaleFrontendService",
    )
};
