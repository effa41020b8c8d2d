//! The IAM roles: locally the Firehose role and its policy by IAM's own API; on AWS one
//! CloudFormation stack makes the bucket and the roles (a page cannot call S3 CreateBucket or
//! IAM), from [`crate::cloudformation::foundation_template`].

use hoseline_aws::cloudformation::CreateStack;
use hoseline_aws::iam::policies::{
    firehose_backup_policy, firehose_log_streams_arn, firehose_trust_policy,
};
use hoseline_aws::iam::{CreateRole, PutRolePolicy};

use super::{stack_name, Builder, Call, Fact, Resource, ResourceKind};
use crate::cloudformation::foundation_template;
use crate::spec::PipelineKind;

/// The name of the Firehose role's inline policy.
pub const FIREHOSE_POLICY_NAME: &str = "hoseline-delivery";

pub(super) fn firehose_steps(b: &mut Builder<'_>) {
    let spec = b.spec;
    let role = spec.iam.firehose_role_name.clone();
    let resource = Resource::new(ResourceKind::Role, &role);
    let mut needs = b.needs();
    let account = needs.text(Fact::AccountId);
    b.push(
        "roles.firehose",
        resource.clone(),
        Call::CreateRole(CreateRole {
            role_name: role.clone(),
            assume_role_policy_document: firehose_trust_policy(&account).to_string(),
            description: Some(format!(
                "Firehose delivery of hoseline pipeline {}",
                spec.name
            )),
            path: None,
            tags: b.tag_pairs(),
        }),
        "Firehose assumes this role to write to the bucket; only this account's Firehose may (sts:ExternalId)",
        None,
        needs,
    );
    let mut needs = b.needs();
    let account = needs.text(Fact::AccountId);
    let partition = b.partition();
    let logs = firehose_log_streams_arn(
        &partition,
        spec.target.region(),
        &account,
        &spec.stream.name,
    );
    let document = firehose_backup_policy(&partition, &spec.bucket.name, &logs);
    b.push(
        "roles.firehose.policy",
        resource,
        Call::PutRolePolicy(PutRolePolicy {
            role_name: role,
            policy_name: FIREHOSE_POLICY_NAME.to_owned(),
            policy_document: document.to_string(),
        }),
        format!(
            "Least privilege: the S3 actions Firehose needs on bucket {} and its objects, and logging for stream {}",
            spec.bucket.name, spec.stream.name
        ),
        Some("roles.firehose"),
        needs,
    );
}

pub(super) fn stack_step(b: &mut Builder<'_>) {
    let spec = b.spec;
    let name = stack_name(spec);
    let roles = match (spec.kind, &spec.iam.bridge_role_name) {
        (PipelineKind::Dynamodb, Some(bridge)) => {
            format!("roles {} and {bridge}", spec.iam.firehose_role_name)
        }
        _ => format!("role {}", spec.iam.firehose_role_name),
    };
    b.push(
        "roles.stack",
        Resource::new(ResourceKind::Stack, &name),
        Call::CreateStack(CreateStack {
            stack_name: name,
            template_body: foundation_template(spec).to_string(),
            parameters: Vec::new(),
            capabilities: vec!["CAPABILITY_NAMED_IAM".to_owned()],
            tags: b.tag_pairs(),
        }),
        format!(
            "S3 CreateBucket and IAM do not answer a page: one stack makes bucket {} (with its CORS rule) and the {roles} with their policies",
            spec.bucket.name
        ),
        None,
        b.needs(),
    );
}
