//! Reading AWS's errors: which mean "it exists", "it is not there", "you lack a permission"
//! (and which one), and which are a role just made that IAM has not spread yet.

use std::time::Duration;

use hoseline_aws::Error;

use crate::plan::Call;

/// The codes AWS answers a create with when the resource exists.
pub(crate) fn already_exists(error: &Error) -> bool {
    matches!(
        error.code(),
        "ResourceInUseException"
            | "BucketAlreadyOwnedByYou"
            | "EntityAlreadyExists"
            | "ResourceConflictException"
            | "AlreadyExistsException"
    )
}

/// The codes of a describe or delete of something that is not there.
pub(crate) fn not_found(error: &Error) -> bool {
    match error.code() {
        "ResourceNotFoundException" | "NoSuchBucket" | "NoSuchEntity" | "NotFound" => true,
        // CloudFormation: "Stack with id X does not exist".
        "ValidationError" => error.message().contains("does not exist"),
        _ => false,
    }
}

/// A refusal for lack of a permission (not bad credentials, which no policy fixes).
pub(crate) fn access_denied(error: &Error) -> bool {
    matches!(
        error.code(),
        "AccessDenied"
            | "AccessDeniedException"
            | "UnauthorizedOperation"
            | "UnauthorizedException"
            | "AuthorizationError"
            | "AuthorizationErrorException"
    ) || error.message().contains("is not authorized to perform")
}

/// What to add after an AccessDenied: the action (and resource) AWS named when it did, else
/// the call's own action; a call that hands a role to a service also needs `iam:PassRole`.
pub(crate) fn permission_hint(error: &Error, call: &Call) -> String {
    let message = error.message();
    let named = message
        .split_once("is not authorized to perform: ")
        .map(|(_, rest)| {
            let rest = rest.trim_end_matches(['.', ' ']);
            // "... on resource: arn:... because no identity-based policy allows ..."
            let rest = rest.split(" because ").next().unwrap_or(rest);
            rest.replace(" on resource: ", " on ")
        });
    let action = named.unwrap_or_else(|| call.iam_action());
    let pass_role = match call {
        Call::CreateFunction(_) | Call::CreateDeliveryStream(_) => {
            " (and iam:PassRole on the role it is given)"
        }
        Call::CreateStack(_) => " (and the IAM and S3 permissions to make the stack's resources)",
        _ => "",
    };
    format!("the credentials need {action}{pass_role}: add it to their policy, then apply again to resume")
}

/// A refusal that passes on its own, why, and how long it is worth retrying:
/// - a role made moments ago that Firehose or Lambda cannot use yet (IAM is eventually
///   consistent): Firehose's "unable to assume role" / "is not authorized to perform", Lambda's
///   "cannot be assumed by Lambda"; about a minute;
/// - point-in-time recovery asked for a table just made (`ContinuousBackupsUnavailableException`
///   while DynamoDB turns its backups on); a few minutes.
pub(crate) fn passing(error: &Error, call: &Call) -> Option<(&'static str, Duration)> {
    let message = error.message().to_ascii_lowercase();
    let role = (
        "the new role is not usable yet (IAM takes a few seconds to spread it)",
        Duration::from_secs(60),
    );
    match call {
        Call::CreateDeliveryStream(_)
            if error.code() == "InvalidArgumentException"
                && (message.contains("unable to assume role")
                    || message.contains("is not authorized to perform")) =>
        {
            Some(role)
        }
        Call::CreateFunction(_)
            if error.code() == "InvalidParameterValueException"
                && message.contains("cannot be assumed by lambda") =>
        {
            Some(role)
        }
        Call::UpdateContinuousBackups(_)
            if error.code() == "ContinuousBackupsUnavailableException" =>
        {
            Some((
                "DynamoDB is still turning backups on for the new table",
                Duration::from_secs(5 * 60),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoseline_aws::dynamodb::CreateTable;
    use hoseline_aws::s3::{CorsRule, PutBucketCors};

    fn service(code: &str, message: &str) -> Error {
        Error::Service {
            status: 400,
            code: code.into(),
            message: message.into(),
            request_id: Some("R1".into()),
        }
    }

    #[test]
    fn the_hint_names_what_aws_named() {
        let table = Call::CreateTable(CreateTable::new(
            "t",
            hoseline_aws::dynamodb::AttributeDefinition::new(
                "k",
                hoseline_aws::dynamodb::ScalarAttributeType::S,
            ),
            None,
        ));
        // The message shape of DynamoDB's AccessDeniedException.
        let e = service(
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: dynamodb:CreateTable on resource: arn:aws:dynamodb:us-east-1:123456789012:table/t because no identity-based policy allows the dynamodb:CreateTable action",
        );
        assert!(access_denied(&e));
        assert_eq!(
            permission_hint(&e, &table),
            "the credentials need dynamodb:CreateTable on arn:aws:dynamodb:us-east-1:123456789012:table/t: add it to their policy, then apply again to resume"
        );
        // S3 says only "Access Denied": the call's own action, in IAM's spelling.
        let cors = Call::PutBucketCors(PutBucketCors {
            bucket: "b".into(),
            cors_rules: vec![CorsRule::default()],
        });
        let e = service("AccessDenied", "Access Denied");
        assert!(access_denied(&e));
        assert!(permission_hint(&e, &cors).starts_with("the credentials need s3:PutBucketCORS:"));
        assert!(!access_denied(&service("SignatureDoesNotMatch", "bad")));
    }

    #[test]
    fn exists_and_not_found_codes() {
        assert!(already_exists(&service("ResourceInUseException", "x")));
        assert!(already_exists(&service("EntityAlreadyExists", "x")));
        assert!(!already_exists(&service("ValidationException", "x")));
        assert!(not_found(&service("NoSuchEntity", "x")));
        assert!(not_found(&service(
            "ValidationError",
            "Stack with id hoseline-x does not exist"
        )));
        assert!(!not_found(&service(
            "ValidationError",
            "Template format error"
        )));
    }
}
