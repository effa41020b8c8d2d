//! STS against the local emulator (moto, signature-checking). Needs
//! `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::sts::GetCallerIdentity;

#[tokio::test]
async fn get_caller_identity_names_the_emulator_account() {
    let id = common::checked()
        .send(&GetCallerIdentity)
        .await
        .expect("GetCallerIdentity");
    assert_eq!(id.account, common::ACCOUNT_ID);
    assert!(id.arn.starts_with("arn:aws:"), "{}", id.arn);
    assert!(id.arn.contains(common::ACCOUNT_ID), "{}", id.arn);
    assert!(!id.user_id.is_empty());
}

// A wrong secret gets 403 SignatureDoesNotMatch: proof that the emulator checks what we sign.
#[tokio::test]
async fn a_wrong_secret_is_refused_with_signature_does_not_match() {
    let e = common::wrong_secret()
        .send(&GetCallerIdentity)
        .await
        .expect_err("a wrong secret must be refused");
    assert_eq!(e.code(), "SignatureDoesNotMatch", "{e}");
    assert_eq!(e.status(), Some(403), "{e}");
}
