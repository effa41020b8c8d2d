//! The IAM roles: Firehose's, and the bridge Lambda's execution role on AWS.

use super::check::{self, Field};
use super::Rule;
use crate::spec::{PipelineKind, PipelineSpec, Target};

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "iam.firehoseRoleName",
        "1-64 characters: a-z A-Z 0-9 _+=,.@-",
        "iam roleNameType (1-64, [\\w+=,.@-]+)",
        firehose_role,
    ),
    Rule::new(
        "iam.bridgeRoleName",
        "1-64 characters: a-z A-Z 0-9 _+=,.@-; required for dynamodb on AWS; not the Firehose role",
        "iam roleNameType (1-64, [\\w+=,.@-]+); role names are unique regardless of case",
        bridge_role,
    ),
];

fn role_name(name: &str) -> Result<(), String> {
    check::aws(hoseline_aws::iam::validate_role_name("", name))
        .map_err(|rule| format!("{rule} ({name:?})"))
}

fn firehose_role(spec: &PipelineSpec, f: &mut Field<'_>) {
    f.check(role_name(&spec.iam.firehose_role_name));
}

fn bridge_role(spec: &PipelineSpec, f: &mut Field<'_>) {
    let on_aws = matches!(spec.target, Target::Aws { .. });
    let result = match (&spec.iam.bridge_role_name, spec.kind) {
        (None, PipelineKind::Dynamodb) if on_aws => Err(
            "is required for the dynamodb kind on AWS: the bridge Lambda's execution role"
                .to_owned(),
        ),
        (None, _) => Ok(()),
        (Some(_), PipelineKind::S3) => {
            Err("must be left out for the s3 kind: it has no bridge Lambda".to_owned())
        }
        (Some(name), PipelineKind::Dynamodb) => role_name(name).and_then(|()| {
            // IAM refuses a second role whose name differs only in case.
            if name.eq_ignore_ascii_case(&spec.iam.firehose_role_name) {
                Err(format!(
                    "must differ from iam.firehoseRoleName ({name:?}): each role gets only the \
                     permissions its service needs"
                ))
            } else {
                Ok(())
            }
        }),
    };
    f.check(result);
}
