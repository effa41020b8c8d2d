//! Least privilege, checked: every policy statement of both templates, for both kinds, grants no
//! wildcard action and no wildcard resource.
//!
//! A `*` is allowed only at the end of a resource ARN that already names a bucket, a table or a
//! log group (`bucket/*`, `bucket/prefix*`, `log-group:NAME:*`, `...:log-stream:*`): objects and
//! log streams of resources the pipeline owns. There is no exception in the IAM policies. The
//! only `*` elsewhere is the function URL's resource policy principal (`Principal: "*"`, with
//! `FunctionUrlAuthType NONE` and `InvokedViaFunctionUrl`): AWS requires it for a public URL,
//! and Firehose is authenticated by the access key the bridge checks.

use serde_json::Value;

use super::tests::{every_option, kinds};
use super::{foundation_template, pipeline_template};

/// Every statement in the template's policies: (resource id, statement).
fn statements(template: &Value) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    let resources = template["Resources"].as_object().expect("resources");
    for (id, resource) in resources {
        let props = &resource["Properties"];
        let mut documents = Vec::new();
        match resource["Type"].as_str().unwrap_or_default() {
            "AWS::IAM::Role" => {
                documents.push(&props["AssumeRolePolicyDocument"]);
                for p in props["Policies"].as_array().into_iter().flatten() {
                    documents.push(&p["PolicyDocument"]);
                }
            }
            "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" | "AWS::S3::BucketPolicy" => {
                documents.push(&props["PolicyDocument"]);
            }
            // A resource policy statement of its own.
            "AWS::Lambda::Permission" => found.push((id.clone(), props.clone())),
            _ => {}
        }
        for doc in documents {
            let list = match &doc["Statement"] {
                Value::Array(list) => list.clone(),
                one => vec![one.clone()],
            };
            found.extend(list.into_iter().map(|s| (id.clone(), s)));
        }
    }
    found
}

/// The strings of an Action or Resource entry: a string, a list, or `Fn::Sub` text with the
/// pseudo parameters filled in (so `${AWS::Partition}` does not read as ARN separators).
fn texts(value: &Value) -> Vec<String> {
    match value {
        Value::Null => vec![],
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(texts).collect(),
        Value::Object(o) => match o.get("Fn::Sub") {
            Some(Value::String(s)) => vec![s
                .replace("${AWS::Partition}", "aws")
                .replace("${AWS::Region}", "us-east-1")
                .replace("${AWS::AccountId}", "123456789012")],
            // Ref / GetAtt: a resource's own ARN, never a wildcard.
            _ => vec![],
        },
        other => vec![other.to_string()],
    }
}

/// Why `resource` is too broad, if it is.
fn broad_resource(resource: &str) -> Option<&'static str> {
    let star = resource.find('*')?;
    if star + 1 != resource.len() {
        return Some("a wildcard inside the ARN");
    }
    let parts: Vec<&str> = resource.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", partition, service, region, account, rest]
            if ![partition, service, region, account]
                .iter()
                .any(|p| p.contains('*'))
                && rest.len() > 1 =>
        {
            // The part before the star names a resource: S3's is the bucket itself (`bucket/`),
            // the others' a type and a name (`log-group:NAME:`, `table/NAME/`).
            let named = rest
                .trim_end_matches('*')
                .split([':', '/'])
                .filter(|s| !s.is_empty())
                .count();
            let needed = if *service == "s3" { 1 } else { 2 };
            (named < needed).then_some("a wildcard over every resource of a type")
        }
        _ => Some("a wildcard resource"),
    }
}

fn problems(template: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, statement) in statements(template) {
        for key in ["Action", "NotAction"] {
            for action in texts(&statement[key]) {
                if action.contains('*') {
                    problems.push(format!("{id}: {key} {action:?} is a wildcard"));
                }
            }
        }
        for key in ["Resource", "NotResource"] {
            for resource in texts(&statement[key]) {
                if let Some(why) = broad_resource(&resource) {
                    problems.push(format!("{id}: {key} {resource:?}: {why}"));
                }
            }
        }
    }
    problems
}

#[test]
fn no_policy_of_either_template_grants_a_wildcard() {
    let mut specs = kinds();
    specs.push(every_option());
    for spec in specs {
        for template in [foundation_template(&spec), pipeline_template(&spec)] {
            let found = statements(&template);
            // Firehose's trust and delivery (S3, logs), and the bridge's trust and writes (table,
            // rejects, logs), and the URL's two permissions in the export.
            assert!(found.len() >= 3, "{}: {found:?}", spec.name);
            assert_eq!(problems(&template), Vec::<String>::new(), "{}", spec.name);
        }
    }
}

#[test]
fn the_walk_catches_wildcards() {
    assert_eq!(broad_resource("arn:aws:s3:::bucket/*"), None);
    assert_eq!(broad_resource("arn:aws:s3:::bucket/rejects/*"), None);
    assert_eq!(
        broad_resource("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"),
        None
    );
    assert!(broad_resource("*").is_some());
    assert!(broad_resource("arn:aws:logs:us-east-1:123456789012:*").is_some());
    assert!(broad_resource("arn:aws:s3:::*").is_some());
    assert!(broad_resource("arn:aws:logs:us-east-1:123456789012:log-group:*").is_some());
    assert!(broad_resource("arn:aws:dynamodb:us-east-1:123456789012:table/*").is_some());
    assert!(broad_resource("arn:aws:dynamodb:*:123456789012:table/t").is_some());
    assert!(broad_resource("arn:aws:s3:::b*/x").is_some());

    let spec = every_option();
    let mut template = pipeline_template(&spec);
    let statement = &mut template["Resources"]["BridgeRole"]["Properties"]["Policies"][0]
        ["PolicyDocument"]["Statement"][0];
    statement["Action"] = serde_json::json!(["dynamodb:*"]);
    statement["Resource"] = serde_json::json!("*");
    assert_eq!(problems(&template).len(), 2, "{:?}", problems(&template));
}
