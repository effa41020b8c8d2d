//! Plan contents for each kind and target: step order, reasons, request bodies, least-privilege
//! policies, placeholders, the AWS CLI rendering, and no secret anywhere a plan is shown.

use serde_json::{json, Value};

use super::*;
use crate::spec::{AccessKey, AutoScaling, Billing, PipelineSpec};
use hoseline_aws::{Endpoint, Region};

pub(super) const KEY: &str = "s3cret-firehose-key-0123456789";

pub(super) fn with_key(mut spec: PipelineSpec) -> PipelineSpec {
    if let Some(b) = spec.bridge.as_mut() {
        b.access_key = Some(AccessKey::new(KEY));
    }
    spec
}

pub(super) fn learnt() -> Facts {
    let mut facts = Facts {
        account_id: Some("123456789012".into()),
        bridge_zip: Some(vec![0x50, 0x4b, 5, 6, 0, 0]),
        ..Facts::default()
    };
    for (k, v) in [
        (
            output::FIREHOSE_ROLE_ARN,
            "arn:aws:iam::123456789012:role/demo-firehose",
        ),
        (
            output::BRIDGE_ROLE_ARN,
            "arn:aws:iam::123456789012:role/demo-bridge",
        ),
        (
            output::FUNCTION_URL,
            "https://abc.lambda-url.eu-west-1.on.aws/",
        ),
    ] {
        facts.outputs.insert(k.into(), v.into());
    }
    facts
}

fn body(step: &Step, spec: &PipelineSpec) -> String {
    let (endpoint, region) = target_endpoint(spec).expect("endpoint");
    step.show(&endpoint, &region).body
}

pub(super) fn json_body(step: &Step) -> Value {
    let endpoint = Endpoint::Aws.resolve(
        step.call.service(),
        &Region::new("eu-west-1").expect("region"),
    );
    let request = step.call.build(&endpoint).expect("builds");
    serde_json::from_slice(&request.body).expect("json")
}

#[test]
fn each_kind_and_target_has_its_steps_in_order() {
    let ids = |spec: &PipelineSpec| plan(spec, &Facts::default()).ids();
    assert_eq!(
        ids(&PipelineSpec::local_dynamodb("demo")),
        [
            "bucket",
            "bucket.tags",
            "bucket.cors",
            "bucket.lifecycle",
            "table",
            "table.ttl",
            "roles.firehose",
            "roles.firehose.policy",
            "stream"
        ]
    );
    assert_eq!(
        ids(&PipelineSpec::local_s3("demo")),
        [
            "bucket",
            "bucket.tags",
            "bucket.cors",
            "bucket.lifecycle",
            "roles.firehose",
            "roles.firehose.policy",
            "stream"
        ]
    );
    assert_eq!(
        ids(&PipelineSpec::aws_dynamodb("demo", "eu-west-1")),
        [
            "roles.stack",
            "table",
            "table.ttl",
            "bridge.function",
            "bridge.url",
            "bridge.permission.url",
            "bridge.permission.invoke",
            "stream"
        ]
    );
    assert_eq!(
        ids(&PipelineSpec::aws_s3("demo", "eu-west-1")),
        ["roles.stack", "stream"]
    );

    // Provisioned with auto scaling, point-in-time recovery, no TTL, no CORS, no expiry.
    let mut spec = PipelineSpec::local_dynamodb("demo");
    let table = spec.table.as_mut().expect("table");
    table.billing = Billing::Provisioned {
        read_capacity_units: 5,
        write_capacity_units: 10,
        auto_scaling: Some(AutoScaling {
            min_capacity: 5,
            max_capacity: 50,
            target_utilization: 70,
        }),
    };
    table.point_in_time_recovery = true;
    table.ttl_attribute = None;
    spec.bucket.cors_allowed_origins.clear();
    spec.bucket.expiration_days = None;
    assert_eq!(
        ids(&spec),
        [
            "bucket",
            "bucket.tags",
            "table",
            "table.pitr",
            "table.scaling.target",
            "table.scaling.policy",
            "roles.firehose",
            "roles.firehose.policy",
            "stream"
        ]
    );
    let p = plan(&spec, &Facts::default());
    let created = json_body(p.step("table").expect("table"));
    assert_eq!(created["BillingMode"], "PROVISIONED");
    assert_eq!(
        created["ProvisionedThroughput"],
        json!({"ReadCapacityUnits": 5, "WriteCapacityUnits": 10})
    );
    let target = json_body(p.step("table.scaling.target").expect("target"));
    assert_eq!(
        target,
        json!({"ServiceNamespace": "dynamodb", "ResourceId": "table/demo-tickers",
               "ScalableDimension": "dynamodb:table:WriteCapacityUnits", "MinCapacity": 5, "MaxCapacity": 50})
    );
    let policy = json_body(p.step("table.scaling.policy").expect("policy"));
    assert_eq!(
        policy["TargetTrackingScalingPolicyConfiguration"]["TargetValue"],
        70.0
    );
    assert_eq!(
        policy["TargetTrackingScalingPolicyConfiguration"]["PredefinedMetricSpecification"]
            ["PredefinedMetricType"],
        "DynamoDBWriteCapacityUtilization"
    );
}

#[test]
fn every_step_says_why_in_one_line_and_configures_what_an_earlier_step_made() {
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
        PipelineSpec::aws_dynamodb("demo", "eu-west-1"),
        PipelineSpec::aws_s3("demo", "eu-west-1"),
    ] {
        let p = plan(&spec, &learnt());
        for (i, step) in p.steps.iter().enumerate() {
            assert!(
                step.reason.len() > 20 && !step.reason.contains('\n'),
                "{}: {}",
                step.id,
                step.reason
            );
            if let Some(parent) = step.configures {
                let made = p.steps[..i]
                    .iter()
                    .find(|s| s.id == parent)
                    .expect("parent first");
                assert_eq!(made.resource, step.resource, "{}", step.id);
            }
        }
    }
    let p = plan(&PipelineSpec::local_dynamodb("demo"), &Facts::default());
    assert_eq!(
        p.step("bucket").expect("bucket").reason,
        "Firehose backs failed batches up here; the bridge writes the records it rejects here"
    );
}

#[test]
fn the_s3_kind_writes_under_the_data_prefix() {
    let p = plan(&PipelineSpec::local_s3("demo"), &learnt());
    let stream = json_body(p.step("stream").expect("stream"));
    assert_eq!(
        stream["ExtendedS3DestinationConfiguration"],
        json!({"RoleARN": "arn:aws:iam::123456789012:role/demo-firehose", "BucketARN": "arn:aws:s3:::demo-data",
               "Prefix": "data/", "ErrorOutputPrefix": "errors/!{firehose:error-output-type}/",
               "BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300}, "CompressionFormat": "UNCOMPRESSED"})
    );
}

#[test]
fn the_aws_bridge_is_a_public_url_lambda_with_the_bridges_settings() {
    let spec = with_key(PipelineSpec::aws_dynamodb("demo", "eu-west-1"));
    let p = plan(&spec, &learnt());
    let function = json_body(p.step("bridge.function").expect("function"));
    assert_eq!(function["Runtime"], "provided.al2023");
    assert_eq!(function["Handler"], "bootstrap");
    assert_eq!(function["Architectures"], json!(["x86_64"]));
    assert_eq!(
        function["Role"],
        "arn:aws:iam::123456789012:role/demo-bridge"
    );
    assert_eq!(
        (function["MemorySize"].clone(), function["Timeout"].clone()),
        (json!(256), json!(120))
    );
    assert_eq!(
        function["Environment"]["Variables"],
        json!({"HOSELINE_TABLE": "demo-tickers", "HOSELINE_ACCESS_KEY": "<access key>",
               "HOSELINE_REJECT_BUCKET": "demo-data", "HOSELINE_REJECT_PREFIX": "bridge-rejected/",
               "HOSELINE_GENERATE_KEY": "true", "HOSELINE_TTL_ATTRIBUTE": "EXPIRES_AT", "HOSELINE_TTL_DAYS": "30",
               "HOSELINE_ARRIVAL_ATTRIBUTE": "ARRIVED_AT", "HOSELINE_COPY_COMMON_ATTRIBUTES": "false"})
    );
    assert_eq!(function["Tags"], json!({"hoseline:pipeline": "demo"}));
    assert_eq!(
        json_body(p.step("bridge.url").expect("url")),
        json!({"AuthType": "NONE"})
    );
    assert_eq!(
        json_body(p.step("bridge.permission.url").expect("url permission")),
        json!({"StatementId": "hoseline-url-public", "Action": "lambda:InvokeFunctionUrl", "Principal": "*", "FunctionUrlAuthType": "NONE"})
    );
    assert_eq!(
        json_body(
            p.step("bridge.permission.invoke")
                .expect("invoke permission")
        ),
        json!({"StatementId": "hoseline-url-invoke", "Action": "lambda:InvokeFunction", "Principal": "*", "InvokedViaFunctionUrl": true})
    );
    let stream = json_body(p.step("stream").expect("stream"));
    assert_eq!(
        stream["HttpEndpointDestinationConfiguration"]["EndpointConfiguration"]["Url"],
        "https://abc.lambda-url.eu-west-1.on.aws/"
    );
    let stack = p.step("roles.stack").expect("stack");
    let Call::CreateStack(op) = &stack.call else {
        panic!("{stack:?}")
    };
    assert_eq!(
        (op.stack_name.as_str(), op.capabilities.clone()),
        ("hoseline-demo", vec!["CAPABILITY_NAMED_IAM".to_owned()])
    );
    assert_eq!(
        op.tags,
        vec![("hoseline:pipeline".to_owned(), "demo".to_owned())]
    );
}

/// Every value of `key` (`Action` or `Resource`) in a policy or template, wherever it is; a
/// template's `Fn::Sub` strings count as their text.
fn grants(doc: &Value, key: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map {
                if k == key {
                    let items = match v {
                        Value::Array(a) => a.clone(),
                        other => vec![other.clone()],
                    };
                    for item in items {
                        match item {
                            Value::String(s) => out.push(s),
                            Value::Object(o) => {
                                out.extend(o.values().filter_map(|x| x.as_str().map(str::to_owned)))
                            }
                            _ => {}
                        }
                    }
                } else {
                    grants(v, key, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| grants(x, key, out)),
        _ => {}
    }
}

#[test]
fn policies_are_least_privilege_never_a_star() {
    let mut docs: Vec<Value> = Vec::new();
    for spec in [
        PipelineSpec::local_dynamodb("demo"),
        PipelineSpec::local_s3("demo"),
    ] {
        for step in plan(&spec, &learnt()).steps {
            match &step.call {
                Call::PutRolePolicy(op) => {
                    docs.push(serde_json::from_str(&op.policy_document).expect("json"))
                }
                Call::CreateRole(op) => {
                    let trust: Value =
                        serde_json::from_str(&op.assume_role_policy_document).expect("json");
                    let s = &trust["Statement"][0];
                    assert_eq!(s["Principal"]["Service"], "firehose.amazonaws.com");
                    assert_eq!(
                        s["Condition"]["StringEquals"]["sts:ExternalId"],
                        "123456789012"
                    );
                }
                _ => {}
            }
        }
    }
    for spec in [
        PipelineSpec::aws_dynamodb("demo", "eu-west-1"),
        PipelineSpec::aws_s3("demo", "eu-west-1"),
    ] {
        let Call::CreateStack(op) = &plan(&spec, &learnt()).steps[0].call else {
            panic!()
        };
        let template: Value = serde_json::from_str(&op.template_body).expect("template");
        for resource in template["Resources"]
            .as_object()
            .expect("resources")
            .values()
        {
            if let Some(policies) = resource["Properties"]["Policies"].as_array() {
                docs.extend(policies.iter().map(|p| p["PolicyDocument"].clone()));
            }
        }
    }
    let (mut actions, mut resources) = (Vec::new(), Vec::new());
    for doc in &docs {
        grants(doc, "Action", &mut actions);
        grants(doc, "Resource", &mut resources);
    }
    assert!(
        actions.len() > 10 && resources.len() > 8,
        "{actions:?} {resources:?}"
    );
    for a in &actions {
        assert!(
            a != "*" && !a.ends_with(":*") && a.contains(':'),
            "action {a}"
        );
    }
    for r in &resources {
        assert_ne!(r, "*");
        // Each names the pipeline's bucket, table, stream or function; only the bridge's
        // logs:CreateLogGroup is the account's (as AWSLambdaBasicExecutionRole has it).
        let account_logs = r.ends_with(":logs:${AWS::Region}:${AWS::AccountId}:*");
        assert!(r.contains("demo") || account_logs, "resource {r}");
    }
    assert!(resources.contains(&"arn:aws:s3:::demo-data/*".to_owned()));
}

#[test]
fn unknown_facts_show_as_placeholders_naming_their_step() {
    let spec = PipelineSpec::aws_dynamodb("demo", "eu-west-1");
    let p = plan(&spec, &Facts::default());
    let function = p.step("bridge.function").expect("function");
    assert_eq!(function.missing, vec![Fact::BridgeRoleArn, Fact::BridgeZip]);
    let shown = body(function, &spec);
    assert!(
        shown.contains("\"Role\": \"<bridge role ARN, from step roles.stack>\""),
        "{shown}"
    );
    assert!(
        shown.contains("\"ZipFile\": \"<bridge-lambda.zip, not loaded yet>\""),
        "{shown}"
    );
    let stream = p.step("stream").expect("stream");
    assert_eq!(
        stream.missing,
        vec![Fact::FirehoseRoleArn, Fact::FunctionUrl]
    );
    assert!(body(stream, &spec).contains("\"Url\": \"<function URL, from step bridge.url>\""));
    let local = PipelineSpec::local_s3("demo");
    let role = plan(&local, &Facts::default());
    let role = role.step("roles.firehose").expect("role");
    assert_eq!(role.missing, vec![Fact::AccountId]);
    assert!(body(role, &local)
        .contains("\"sts:ExternalId\": \"<account id, from sts get-caller-identity>\""));

    // With the facts learnt, nothing is missing and the zip shows by its size.
    let p = plan(&spec, &learnt());
    assert!(p.steps.iter().all(|s| s.missing.is_empty()), "{p:?}");
    let shown = body(p.step("bridge.function").expect("function"), &spec);
    assert!(
        shown.contains("\"ZipFile\": \"<bridge-lambda.zip, 6 bytes, base64>\""),
        "{shown}"
    );
}
