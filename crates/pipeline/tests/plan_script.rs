//! The AWS CLI export: a bash script bash accepts, one command per plan step with its reason,
//! the emulator's endpoint for a local spec (unless AWS_ENDPOINT_URL says otherwise), the waits
//! apply makes, and variables for what is learnt as it runs.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use hoseline_pipeline::plan::{cli_script, plan, Facts};
use hoseline_pipeline::spec::{AccessKey, PipelineSpec};

fn bash_accepts(script: &str) {
    let mut child = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("bash -n");
    assert!(
        out.status.success(),
        "bash -n: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_spec_exports_a_script_bash_accepts_with_a_command_per_step() {
    let mut with_key = PipelineSpec::aws_dynamodb("demo", "eu-west-1");
    if let Some(b) = with_key.bridge.as_mut() {
        b.access_key = Some(AccessKey::new("never-written"));
    }
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
        with_key,
        PipelineSpec::aws_s3("demo", "eu-west-1"),
    ] {
        let script = cli_script(&spec);
        bash_accepts(&script);
        assert!(script.starts_with("#!/usr/bin/env bash\n"));
        assert!(script.contains("\nset -euo pipefail\n"));
        assert!(!script.contains("never-written"));
        let region = spec.target.region();
        assert!(script.contains(&format!(
            "export AWS_REGION={region} AWS_DEFAULT_REGION={region}"
        )));
        for step in plan(&spec, &Facts::default()).steps {
            assert!(
                script.contains(&format!("\n# {}: {}\n", step.id, step.reason)),
                "{}",
                step.id
            );
            assert!(script.contains(&step.cli(region)), "{}", step.id);
        }
    }
}

#[test]
fn a_local_script_targets_the_emulator_unless_told_otherwise() {
    let script = cli_script(&PipelineSpec::local_dynamodb("demo"));
    assert!(
        script.contains("export AWS_ENDPOINT_URL=\"${AWS_ENDPOINT_URL:-http://127.0.0.1:4566}\"\n")
    );
    assert!(script
        .contains("ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)\n"));
    assert!(script.contains("FIREHOSE_ROLE_ARN=$(aws iam create-role \\\n"));
    assert!(script.contains("aws dynamodb wait table-exists --table-name demo-tickers\n"));
    assert!(script.contains(
        "status=$(aws firehose describe-delivery-stream --delivery-stream-name demo-stream"
    ));
    // No key in the spec: nothing asks for one.
    assert!(!script.contains("HOSELINE_ACCESS_KEY"));

    let aws = cli_script(&PipelineSpec::aws_dynamodb("demo", "eu-west-1"));
    assert!(!aws.contains("AWS_ENDPOINT_URL"));
    assert!(
        aws.contains("aws cloudformation wait stack-create-complete --stack-name hoseline-demo\n")
    );
    assert!(aws.contains(
        "BRIDGE_ROLE_ARN=$(aws cloudformation describe-stacks --stack-name hoseline-demo \\\n    --query \"Stacks[0].Outputs[?OutputKey=='BridgeRoleArn'].OutputValue\" --output text)"
    ));
    assert!(aws.contains("aws lambda wait function-active-v2 --function-name demo-bridge\n"));
    assert!(aws.contains("FUNCTION_URL=$(aws lambda create-function-url-config \\\n"));
    assert!(aws.contains("[ -f bridge-lambda.zip ] ||"));
}
