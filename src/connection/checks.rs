//! The services the console checks, and how a check's result reads to a person: a status line
//! (tone, headline, detail) and, where we can tell, a hint at what to do. Pure: no I/O here.

use hoseline_aws::{Endpoint, Error, NetworkErrorKind, Service};

/// One cheap read call per service the console uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceCheck {
    DynamoDb,
    Firehose,
    Lambda,
    CloudFormation,
    Iam,
}

impl ServiceCheck {
    pub const ALL: [ServiceCheck; 5] = [
        ServiceCheck::DynamoDb,
        ServiceCheck::Firehose,
        ServiceCheck::Lambda,
        ServiceCheck::CloudFormation,
        ServiceCheck::Iam,
    ];

    /// The checks for what the page calls on `endpoint`. On AWS the page never calls IAM, which
    /// answers no page (CORS): CloudFormation makes the roles there, and Lambda runs the
    /// bridge. On the emulator the page makes the roles itself and runs no Lambda or stack.
    pub fn for_endpoint(endpoint: &Endpoint) -> &'static [ServiceCheck] {
        match endpoint {
            Endpoint::Aws => &[
                ServiceCheck::DynamoDb,
                ServiceCheck::Firehose,
                ServiceCheck::Lambda,
                ServiceCheck::CloudFormation,
            ],
            Endpoint::Custom(_) => &[
                ServiceCheck::DynamoDb,
                ServiceCheck::Firehose,
                ServiceCheck::Iam,
            ],
        }
    }

    pub fn service(self) -> Service {
        match self {
            ServiceCheck::DynamoDb => Service::DynamoDb,
            ServiceCheck::Firehose => Service::Firehose,
            ServiceCheck::Lambda => Service::Lambda,
            ServiceCheck::CloudFormation => Service::CloudFormation,
            ServiceCheck::Iam => Service::Iam,
        }
    }

    pub fn title(self) -> &'static str {
        self.service().info().title
    }

    /// The AWS operation the check calls.
    pub fn operation(self) -> &'static str {
        match self {
            ServiceCheck::DynamoDb => "ListTables",
            ServiceCheck::Firehose => "ListDeliveryStreams",
            ServiceCheck::Lambda => "ListFunctions",
            ServiceCheck::CloudFormation => "DescribeStacks",
            ServiceCheck::Iam => "ListRoles",
        }
    }

    /// What the console needs the service for.
    pub fn purpose(self) -> &'static str {
        match self {
            ServiceCheck::DynamoDb => "the table the bridge writes to",
            ServiceCheck::Firehose => "the delivery stream",
            ServiceCheck::Lambda => "the bridge function",
            ServiceCheck::CloudFormation => "stacks for the pipeline",
            ServiceCheck::Iam => "the roles Firehose and the bridge assume",
        }
    }

    /// The value of `data-testid` on the check's row.
    pub fn testid(self) -> &'static str {
        match self {
            ServiceCheck::DynamoDb => "check-dynamodb",
            ServiceCheck::Firehose => "check-firehose",
            ServiceCheck::Lambda => "check-lambda",
            ServiceCheck::CloudFormation => "check-cloudformation",
            ServiceCheck::Iam => "check-iam",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    /// Reachable, but something will get in the way later (no permission, throttled).
    Warning,
    Error,
}

impl Tone {
    /// The CSS class of a status line in this tone.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "status-ok",
            Tone::Warning => "status-warning",
            Tone::Error => "status-error",
        }
    }
}

/// A result as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusLine {
    pub tone: Tone,
    pub headline: String,
    pub detail: String,
    pub hint: Option<String>,
    pub request_id: Option<String>,
}

/// A service check's result.
pub fn describe_check(
    check: ServiceCheck,
    result: &Result<(), Error>,
    endpoint: &Endpoint,
) -> StatusLine {
    match result {
        Ok(()) => StatusLine {
            tone: Tone::Ok,
            headline: "Reachable".into(),
            detail: format!("{} answered.", check.operation()),
            hint: None,
            request_id: None,
        },
        Err(error) if is_access_denied(error) => StatusLine {
            tone: Tone::Warning,
            hint: Some(format!(
                "{} is reachable, but these credentials may not call {}. The console needs it \
                 for {}: grant {} permissions to this user or role.",
                check.title(),
                check.operation(),
                check.purpose(),
                check.service().info().signing_name,
            )),
            ..describe_error(error, endpoint)
        },
        Err(error) => describe_error(error, endpoint),
    }
}

fn is_access_denied(error: &Error) -> bool {
    matches!(
        error.code(),
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation"
    )
}

/// Any failed call (the identity check, a service check).
pub fn describe_error(error: &Error, endpoint: &Endpoint) -> StatusLine {
    let (headline, hint) = match error {
        Error::Service { code, .. } => (code.clone(), service_hint(code)),
        Error::Network { kind, .. } => network_line(*kind, endpoint),
        Error::Decode { .. } => (
            "Unexpected response".to_owned(),
            Some(
                "Something answered that does not speak the AWS API: is the endpoint right?"
                    .to_owned(),
            ),
        ),
        Error::Signing(_) => ("Could not sign the request".to_owned(), None),
        Error::InvalidInput { .. } => ("Refused before sending".to_owned(), None),
    };
    StatusLine {
        tone: Tone::Error,
        headline,
        detail: error.message(),
        hint,
        request_id: error.request_id().map(str::to_owned),
    }
}

fn service_hint(code: &str) -> Option<String> {
    let hint = match code {
        "SignatureDoesNotMatch" | "InvalidSignatureException" => {
            "The secret access key does not match this access key id. Check the secret \
             (and the session token, if these are temporary credentials)."
        }
        "InvalidClientTokenId" | "UnrecognizedClientException" | "InvalidAccessKeyId" => {
            "This access key id is unknown here. Check it, and check the endpoint: \
             keys of the emulator do not work on AWS and the other way round."
        }
        "ExpiredToken" | "ExpiredTokenException" | "TokenRefreshRequired" => {
            "These temporary credentials have expired: get a new set and paste all three parts."
        }
        "RequestTimeTooSkewed" | "SignatureExpired" => {
            "This computer's clock is too far from the server's: set the clock right and try again."
        }
        "Throttling" | "ThrottlingException" | "TooManyRequestsException" => {
            "Too many requests right now: wait a moment and test again."
        }
        _ => return None,
    };
    Some(hint.to_owned())
}

fn network_line(kind: NetworkErrorKind, endpoint: &Endpoint) -> (String, Option<String>) {
    let hint = match (kind, endpoint) {
        (NetworkErrorKind::Cors, Endpoint::Custom(_)) => "The endpoint answered, but the browser \
             withheld the answer: its CORS rules must allow this page's origin and the \
             Authorization and X-Amz-* headers."
            .to_owned(),
        (NetworkErrorKind::Cors, Endpoint::Aws) => "AWS answered, but the browser withheld the \
             answer. S3 and some other services need CORS rules that allow this page's origin."
            .to_owned(),
        (NetworkErrorKind::Unreachable, Endpoint::Custom(_)) => {
            "Is the emulator running (start it \
             with scripts/run.sh)? Is the port right? Are you offline?"
                .to_owned()
        }
        (NetworkErrorKind::Unreachable, Endpoint::Aws) => "Could not reach AWS. Are you offline, \
             or does a proxy or firewall block amazonaws.com?"
            .to_owned(),
        (NetworkErrorKind::Timeout, _) => {
            "No answer in time: the endpoint may be overloaded, or a \
             firewall may drop the requests."
                .to_owned()
        }
        (NetworkErrorKind::Other, _) => "The browser could not send the request.".to_owned(),
    };
    let headline = match kind {
        NetworkErrorKind::Cors => "Blocked by CORS",
        NetworkErrorKind::Unreachable => "Endpoint unreachable",
        NetworkErrorKind::Timeout => "Timed out",
        NetworkErrorKind::Other => "Network error",
    };
    (headline.to_owned(), Some(hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emulator() -> Endpoint {
        Endpoint::Custom("http://127.0.0.1:4566".into())
    }

    fn service_error(code: &str) -> Error {
        Error::Service {
            status: 403,
            code: code.into(),
            message: "The request signature we calculated does not match".into(),
            request_id: Some("REQ-1".into()),
        }
    }

    #[test]
    fn a_success_reads_reachable() {
        let line = describe_check(ServiceCheck::DynamoDb, &Ok(()), &emulator());
        assert_eq!(line.tone, Tone::Ok);
        assert_eq!(line.headline, "Reachable");
        assert!(line.detail.contains("ListTables"));
    }

    #[test]
    fn a_service_error_shows_code_message_request_id_and_hint() {
        let line = describe_check(
            ServiceCheck::Firehose,
            &Err(service_error("SignatureDoesNotMatch")),
            &emulator(),
        );
        assert_eq!(line.tone, Tone::Error);
        assert_eq!(line.headline, "SignatureDoesNotMatch");
        assert!(line.detail.contains("signature we calculated"));
        assert_eq!(line.request_id.as_deref(), Some("REQ-1"));
        assert!(line.hint.unwrap_or_default().contains("secret access key"));
    }

    #[test]
    fn an_unknown_code_keeps_what_aws_said_without_guessing() {
        let line = describe_error(&service_error("SomethingNew"), &Endpoint::Aws);
        assert_eq!(line.headline, "SomethingNew");
        assert_eq!(line.hint, None);
    }

    #[test]
    fn on_aws_the_check_leaves_iam_out_and_on_the_emulator_lambda_and_stacks() {
        let aws = ServiceCheck::for_endpoint(&Endpoint::Aws);
        assert!(!aws.contains(&ServiceCheck::Iam));
        assert!(aws.contains(&ServiceCheck::CloudFormation) && aws.contains(&ServiceCheck::Lambda));
        let local = ServiceCheck::for_endpoint(&emulator());
        assert!(local.contains(&ServiceCheck::Iam));
        assert!(
            !local.contains(&ServiceCheck::Lambda)
                && !local.contains(&ServiceCheck::CloudFormation)
        );
    }

    #[test]
    fn access_denied_is_a_warning_naming_the_service_and_operation() {
        let line = describe_check(
            ServiceCheck::Iam,
            &Err(service_error("AccessDenied")),
            &Endpoint::Aws,
        );
        assert_eq!(line.tone, Tone::Warning);
        let hint = line.hint.unwrap_or_default();
        assert!(hint.contains("ListRoles") && hint.contains("IAM"), "{hint}");
    }

    #[test]
    fn cors_and_unreachable_read_differently() {
        let cors = Error::network(NetworkErrorKind::Cors, "withheld");
        let line = describe_error(&cors, &emulator());
        assert_eq!(line.headline, "Blocked by CORS");
        assert!(line.hint.unwrap_or_default().contains("CORS rules"));
        let line = describe_error(&cors, &Endpoint::Aws);
        assert!(line.hint.unwrap_or_default().contains("S3"));

        let down = Error::network(NetworkErrorKind::Unreachable, "nothing answered");
        let line = describe_error(&down, &emulator());
        assert_eq!(line.headline, "Endpoint unreachable");
        let hint = line.hint.unwrap_or_default();
        assert!(
            hint.contains("scripts/run.sh") && hint.contains("port") && hint.contains("offline"),
            "{hint}"
        );
        let line = describe_error(&down, &Endpoint::Aws);
        assert!(!line.hint.unwrap_or_default().contains("emulator"));
    }

    #[test]
    fn a_timeout_and_an_undecodable_answer_say_so() {
        let line = describe_error(
            &Error::network(NetworkErrorKind::Timeout, "slow"),
            &emulator(),
        );
        assert_eq!(line.headline, "Timed out");
        let e = Error::decode(
            "STS response",
            "expected XML",
            200,
            b"<html>hello</html>",
            None,
        );
        let line = describe_error(&e, &emulator());
        assert_eq!(line.headline, "Unexpected response");
        assert!(line.detail.contains("<html>hello"));
    }

    #[test]
    fn every_check_has_its_own_row_id_and_operation() {
        let ids: std::collections::HashSet<_> =
            ServiceCheck::ALL.iter().map(|c| c.testid()).collect();
        assert_eq!(ids.len(), ServiceCheck::ALL.len());
        assert_eq!(ServiceCheck::CloudFormation.operation(), "DescribeStacks");
    }
}
