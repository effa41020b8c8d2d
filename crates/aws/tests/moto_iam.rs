//! IAM against the local emulator (moto, signature-checking; IAM signs for us-east-1). Needs
//! `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::iam::policies::{
    firehose_backup_policy, firehose_log_streams_arn, firehose_trust_policy, lambda_trust_policy,
    BridgePolicy,
};
use hoseline_aws::iam::{
    CreateRole, DeleteRole, DeleteRolePolicy, GetRole, ListRoles, PutRolePolicy,
};

#[tokio::test]
async fn firehose_role_lifecycle() {
    let client = common::checked();
    let name = common::unique("hl-firehose");
    let trust = firehose_trust_policy(common::ACCOUNT_ID);
    let created = client
        .send(&CreateRole {
            role_name: name.clone(),
            assume_role_policy_document: trust.to_string(),
            description: Some("Firehose delivery to the bridge".into()),
            path: Some("/hoseline/".into()),
            tags: Vec::new(),
        })
        .await
        .expect("CreateRole");
    let role = created.role;
    assert_eq!(role.role_name, name);
    assert_eq!(
        role.arn,
        format!("arn:aws:iam::{}:role/hoseline/{name}", common::ACCOUNT_ID)
    );
    assert!(!role.role_id.is_empty());
    assert!(!role.create_date.is_empty());

    let got = client
        .send(&GetRole {
            role_name: name.clone(),
        })
        .await
        .expect("GetRole")
        .role;
    assert_eq!(got.arn, role.arn);
    assert_eq!(got.role_id, role.role_id);
    assert_eq!(got.trust_policy(), Some(trust));
    assert_eq!(
        got.description.as_deref(),
        Some("Firehose delivery to the bridge")
    );

    let logs = firehose_log_streams_arn("aws", "us-east-1", common::ACCOUNT_ID, "hose");
    client
        .send(&PutRolePolicy {
            role_name: name.clone(),
            policy_name: "s3-backup".into(),
            policy_document: firehose_backup_policy("aws", "backup", &logs).to_string(),
        })
        .await
        .expect("PutRolePolicy");

    // A role with an inline policy cannot be deleted: proof the policy is there.
    let e = client
        .send(&DeleteRole {
            role_name: name.clone(),
        })
        .await
        .expect_err("DeleteRole with a policy attached");
    assert_eq!(e.code(), "DeleteConflict", "{e}");

    client
        .send(&DeleteRolePolicy {
            role_name: name.clone(),
            policy_name: "s3-backup".into(),
        })
        .await
        .expect("DeleteRolePolicy");
    client
        .send(&DeleteRole {
            role_name: name.clone(),
        })
        .await
        .expect("DeleteRole");
    let e = client
        .send(&GetRole { role_name: name })
        .await
        .expect_err("the role is gone");
    assert_eq!(e.code(), "NoSuchEntity", "{e}");
    assert_eq!(e.status(), Some(404));
}

#[tokio::test]
async fn bridge_role_and_list_roles() {
    let client = common::checked();
    let name = common::unique("hl-bridge");
    client
        .send(&CreateRole {
            role_name: name.clone(),
            assume_role_policy_document: lambda_trust_policy().to_string(),
            ..Default::default()
        })
        .await
        .expect("CreateRole");
    let policy = BridgePolicy {
        partition: "aws",
        region: "us-east-1",
        account_id: common::ACCOUNT_ID,
        table_arn: "arn:aws:dynamodb:us-east-1:123456789012:table/events",
        bucket: "backup",
        reject_prefix: "rejected/",
        function_name: "hoseline-bridge",
    };
    client
        .send(&PutRolePolicy {
            role_name: name.clone(),
            policy_name: "bridge".into(),
            policy_document: policy.document().to_string(),
        })
        .await
        .expect("PutRolePolicy");

    // The console's reachability check: one role a page.
    let page = client
        .send(&ListRoles {
            max_items: Some(1),
            ..Default::default()
        })
        .await
        .expect("ListRoles");
    assert_eq!(page.roles.items.len(), 1, "{page:?}");

    client
        .send(&DeleteRolePolicy {
            role_name: name.clone(),
            policy_name: "bridge".into(),
        })
        .await
        .expect("DeleteRolePolicy");
    client
        .send(&DeleteRole { role_name: name })
        .await
        .expect("DeleteRole");
}

#[tokio::test]
async fn a_bad_role_name_is_refused_before_sending() {
    let e = common::checked()
        .send(&GetRole {
            role_name: "has space".into(),
        })
        .await
        .expect_err("refused");
    assert_eq!(e.code(), "InvalidInput");
    assert_eq!(e.field(), Some("RoleName"));
}
