//! Showing a plan: request bodies as sent, AWS CLI commands, and never the access key.

use serde_json::Value;

use super::tests::{json_body, learnt, with_key, KEY};
use super::*;
use crate::spec::PipelineSpec;

#[test]
fn no_shown_plan_holds_the_access_key() {
    for spec in [
        with_key(PipelineSpec::local_dynamodb("demo")),
        with_key(PipelineSpec::aws_dynamodb("demo", "eu-west-1")),
    ] {
        for facts in [Facts::default(), learnt()] {
            let p = plan(&spec, &facts);
            let (endpoint, region) = target_endpoint(&spec).expect("endpoint");
            for step in &p.steps {
                let shown = step.show(&endpoint, &region);
                for text in [
                    shown.body,
                    step.cli(spec.target.region()),
                    format!("{step:?}"),
                    step.reason.clone(),
                ] {
                    assert!(!text.contains(KEY), "{}: {text}", step.id);
                }
            }
        }
        assert!(!cli_script(&spec).contains(KEY));
    }
}

#[test]
fn shown_calls_name_service_operation_method_and_url() {
    let spec = PipelineSpec::local_dynamodb("demo");
    let p = plan(&spec, &learnt());
    let (endpoint, region) = target_endpoint(&spec).expect("endpoint");
    let cors = p
        .step("bucket.cors")
        .expect("cors")
        .show(&endpoint, &region);
    assert_eq!(
        (cors.service, cors.operation, cors.method),
        ("S3", "PutBucketCors", "PUT")
    );
    assert_eq!(cors.url, "http://127.0.0.1:4566/demo-data?cors");
    assert!(cors.body.starts_with("<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><CORSRule><ID>hoseline-console</ID>"));
    assert!(cors.body.contains("<AllowedOrigin>http://127.0.0.1:8080</AllowedOrigin><AllowedOrigin>http://localhost:8080</AllowedOrigin>"));
    let bucket = p.step("bucket").expect("bucket").show(&endpoint, &region);
    assert_eq!(bucket.body, "(no body)");
    let role = p
        .step("roles.firehose.policy")
        .expect("policy")
        .show(&endpoint, &region);
    assert_eq!(role.service, "IAM");
    assert!(role.body.starts_with("Action=PutRolePolicy\nVersion=2010-05-08\nRoleName=demo-firehose\nPolicyName=hoseline-delivery\nPolicyDocument={\n  \"Statement\""), "{}", role.body);
}

#[test]
fn cli_commands_are_the_aws_cli_equivalents() {
    let spec = with_key(PipelineSpec::aws_dynamodb("demo", "eu-west-1"));
    let p = plan(&spec, &Facts::default());
    let table = p.step("table").expect("table");
    let cli = table.cli("eu-west-1");
    let arg = cli
        .split("--cli-input-json '")
        .nth(1)
        .and_then(|a| a.strip_suffix('\''))
        .expect("json arg");
    assert_eq!(
        serde_json::from_str::<Value>(arg).expect("json"),
        json_body(table)
    );
    assert!(
        cli.starts_with("aws dynamodb create-table \\\n    --cli-input-json '"),
        "{cli}"
    );
    let invoke = p
        .step("bridge.permission.invoke")
        .expect("invoke")
        .cli("eu-west-1");
    assert_eq!(
        invoke,
        "aws lambda add-permission \\\n    --function-name demo-bridge \\\n    --statement-id hoseline-url-invoke \\\n    --action lambda:InvokeFunction \\\n    --principal '*' \\\n    --invoked-via-function-url"
    );
    let function = p
        .step("bridge.function")
        .expect("function")
        .cli("eu-west-1");
    assert!(
        function.contains("--role \"${BRIDGE_ROLE_ARN}\""),
        "{function}"
    );
    assert!(
        function.contains("--zip-file fileb://bridge-lambda.zip"),
        "{function}"
    );
    assert!(
        function.contains("\"HOSELINE_ACCESS_KEY\":\"'\"${HOSELINE_ACCESS_KEY}\"'\""),
        "{function}"
    );
    let stream = p.step("stream").expect("stream").cli("eu-west-1");
    assert!(
        stream.contains("\"Url\":\"'\"${FUNCTION_URL}\"'\""),
        "{stream}"
    );
    // S3 outside us-east-1 names the region, as CreateBucket needs.
    let local = PipelineSpec::local_s3("demo");
    let bucket = plan(&local, &Facts::default());
    assert_eq!(bucket.steps[0].cli("eu-west-1"), "aws s3api create-bucket \\\n    --bucket demo-data \\\n    --create-bucket-configuration LocationConstraint=eu-west-1");
    assert_eq!(
        bucket.steps[0].cli("us-east-1"),
        "aws s3api create-bucket \\\n    --bucket demo-data"
    );
    assert_eq!(cli::shell_word("it's"), r"'it'\''s'");
    assert_eq!(cli::shell_word(""), "''");
}
