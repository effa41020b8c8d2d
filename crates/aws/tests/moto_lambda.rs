//! Lambda against the local emulators. Needs `scripts/emulator.sh start-test`.
//!
//! POSTs (CreateFunction, CreateFunctionUrlConfig, AddPermission) go to the signature-checking
//! emulator. moto's signature checker wrongly rejects correctly signed Lambda GET and DELETE
//! requests (GetFunction, ListFunctions, DeleteFunction answer SignatureDoesNotMatch there, even
//! from boto3; see toolchain.md), so those run against the unchecked emulator, which keeps its
//! own state: that test creates its own role and function there.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use hoseline_aws::iam::policies::lambda_trust_policy;
use hoseline_aws::iam::CreateRole;
use hoseline_aws::lambda::{
    AddPermission, Cors, CreateFunction, CreateFunctionUrlConfig, DeleteFunction, GetFunction,
    ListFunctions, Variables, RUNTIME_PROVIDED_AL2023,
};
use hoseline_aws::transport::native::NativeClient;

/// CRC-32 (IEEE), as zip wants it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip holding one stored (uncompressed) executable file.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
    let dos_date: u16 = (1 << 5) | 1; // 1980-01-01
    let mut z = Vec::new();
    z.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    for v in [10u16, 0, 0, 0, dos_date] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&name_len.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);

    let central_offset = z.len() as u32;
    z.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    // Made by Unix (3) zip 3.0; needs 1.0; no flags; stored; time 0; date.
    for v in [0x031eu16, 10, 0, 0, 0, dos_date] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    // Name length, extra, comment, disk, internal attributes.
    for v in [name_len, 0, 0, 0, 0] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&(0o100_755u32 << 16).to_le_bytes());
    z.extend_from_slice(&0u32.to_le_bytes());
    z.extend_from_slice(name.as_bytes());
    let central_size = z.len() as u32 - central_offset;

    z.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, 1, 1] {
        z.extend_from_slice(&v.to_le_bytes());
    }
    z.extend_from_slice(&central_size.to_le_bytes());
    z.extend_from_slice(&central_offset.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

/// A role on `client`'s emulator (moto's CreateFunction checks the role exists).
async fn role(client: &NativeClient) -> String {
    client
        .send(&CreateRole {
            role_name: common::unique("hl-lambda"),
            assume_role_policy_document: lambda_trust_policy().to_string(),
            ..Default::default()
        })
        .await
        .expect("CreateRole")
        .role
        .arn
}

fn bridge(name: &str, role: String) -> CreateFunction {
    CreateFunction {
        function_name: name.into(),
        runtime: RUNTIME_PROVIDED_AL2023.into(),
        role,
        handler: "bootstrap".into(),
        zip_file: stored_zip("bootstrap", b"#!/bin/sh\necho bridge\n"),
        architectures: vec!["arm64".into()],
        memory_size: Some(256),
        timeout: Some(30),
        environment: [("TABLE_NAME", "events"), ("ACCESS_KEY", "not-for-logs")]
            .into_iter()
            .collect::<Variables>(),
        description: Some("Hoseline bridge".into()),
        tags: Default::default(),
    }
}

#[test]
fn the_zip_writer_matches_known_crcs() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    let z = stored_zip("bootstrap", b"x");
    assert!(z.starts_with(b"PK\x03\x04"));
    assert_eq!(&z[z.len() - 22..z.len() - 18], b"PK\x05\x06");
}

#[tokio::test]
async fn function_url_and_permissions() {
    let client = common::checked();
    let role = role(&client).await;
    let name = common::unique("hl-bridge");
    let op = bridge(&name, role.clone());
    assert!(!format!("{op:?}").contains("not-for-logs"));
    let created = client.send(&op).await.expect("CreateFunction");
    assert_eq!(created.function_name, name);
    assert!(
        created.function_arn.ends_with(&format!(":function:{name}")),
        "{created:?}"
    );
    assert_eq!(created.runtime.as_deref(), Some("provided.al2023"));
    assert_eq!(created.role.as_deref(), Some(role.as_str()));
    assert_eq!(created.handler.as_deref(), Some("bootstrap"));
    assert_eq!(created.memory_size, Some(256));
    assert_eq!(created.timeout, Some(30));
    let env = created.environment.expect("environment");
    assert_eq!(env.variables.0["TABLE_NAME"], "events");

    let url = client
        .send(&CreateFunctionUrlConfig {
            function_name: name.clone(),
            auth_type: "NONE".into(),
            cors: Some(Cors {
                allow_origins: vec!["*".into()],
                allow_methods: vec!["POST".into()],
                ..Default::default()
            }),
        })
        .await
        .expect("CreateFunctionUrlConfig");
    assert!(url.function_url.starts_with("https://"), "{url:?}");
    assert!(url.function_url.contains(".lambda-url."), "{url:?}");
    assert_eq!(url.auth_type, "NONE");

    // A public URL needs both statements (aws-facts.md).
    let invoke_url = client
        .send(&AddPermission {
            function_name: name.clone(),
            statement_id: "FunctionURLAllowPublicAccess".into(),
            action: "lambda:InvokeFunctionUrl".into(),
            principal: "*".into(),
            function_url_auth_type: Some("NONE".into()),
            ..Default::default()
        })
        .await
        .expect("AddPermission InvokeFunctionUrl");
    let statement = invoke_url.statement_json().expect("a JSON statement");
    assert_eq!(
        statement["Sid"], "FunctionURLAllowPublicAccess",
        "{statement}"
    );
    assert_eq!(
        statement["Action"], "lambda:InvokeFunctionUrl",
        "{statement}"
    );
    let invoke = client
        .send(&AddPermission {
            function_name: name.clone(),
            statement_id: "FunctionURLInvokeAllowPublicAccess".into(),
            action: "lambda:InvokeFunction".into(),
            principal: "*".into(),
            invoked_via_function_url: Some(true),
            ..Default::default()
        })
        .await
        .expect("AddPermission InvokeFunction");
    assert_eq!(
        invoke.statement_json().expect("a JSON statement")["Sid"],
        "FunctionURLInvokeAllowPublicAccess"
    );
}

// GET and DELETE on the unchecked emulator: moto's checker rejects them even when correctly signed.
#[tokio::test]
async fn get_list_and_delete_function() {
    let client = common::unchecked();
    let role = role(&client).await;
    let name = common::unique("hl-bridge");
    client
        .send(&bridge(&name, role))
        .await
        .expect("CreateFunction");

    let got = client
        .send(&GetFunction {
            function_name: name.clone(),
        })
        .await
        .expect("GetFunction");
    assert_eq!(got.configuration.function_name, name);
    assert_eq!(got.configuration.architectures, vec!["arm64"]);
    assert!(got.configuration.code_size.unwrap_or(0) > 0, "{got:?}");

    // Page through every function (the emulator keeps those of earlier runs).
    let mut marker = None;
    let mut found = false;
    for _ in 0..100 {
        let page = client
            .send(&ListFunctions {
                max_items: Some(50),
                marker: marker.take(),
            })
            .await
            .expect("ListFunctions");
        found |= page.functions.iter().any(|f| f.function_name == name);
        marker = page.next_marker;
        if found || marker.is_none() {
            break;
        }
    }
    assert!(found, "ListFunctions never listed {name}");

    client
        .send(&DeleteFunction {
            function_name: name.clone(),
        })
        .await
        .expect("DeleteFunction");
    let e = client
        .send(&GetFunction {
            function_name: name,
        })
        .await
        .expect_err("the function is gone");
    assert_eq!(e.code(), "ResourceNotFoundException", "{e}");
    assert_eq!(e.status(), Some(404));
}
