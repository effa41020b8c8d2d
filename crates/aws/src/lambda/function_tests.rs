use super::super::test_support::*;
use super::super::RUNTIME_PROVIDED_AL2023;
use super::*;

fn bridge() -> CreateFunction {
    CreateFunction {
        function_name: "hoseline-bridge".into(),
        runtime: RUNTIME_PROVIDED_AL2023.into(),
        role: "arn:aws:iam::123456789012:role/hoseline-bridge".into(),
        handler: "bootstrap".into(),
        zip_file: b"PK\x03\x04zip".to_vec(),
        architectures: vec!["arm64".into()],
        memory_size: Some(256),
        timeout: Some(30),
        environment: [("TABLE_NAME", "events"), ("ACCESS_KEY", "very-secret")]
            .into_iter()
            .collect(),
        description: None,
        tags: [("hoseline:pipeline".to_owned(), "demo".to_owned())].into(),
    }
}

#[test]
fn create_function_posts_json_with_a_base64_zip() {
    let op = bridge();
    op.validate().expect("valid");
    let r = op.build(&lambda()).expect("builds");
    assert_eq!(r.method, "POST");
    assert_eq!(
        r.url,
        "https://lambda.us-west-2.amazonaws.com/2015-03-31/functions"
    );
    assert_eq!(r.get_header("content-type"), Some("application/json"));
    assert_eq!(
        json(&r),
        serde_json::json!({
            "FunctionName": "hoseline-bridge",
            "Runtime": "provided.al2023",
            "Role": "arn:aws:iam::123456789012:role/hoseline-bridge",
            "Handler": "bootstrap",
            "Code": {"ZipFile": "UEsDBHppcA=="},
            "Architectures": ["arm64"],
            "MemorySize": 256,
            "Timeout": 30,
            "Environment": {"Variables": {"ACCESS_KEY": "very-secret", "TABLE_NAME": "events"}},
            "Tags": {"hoseline:pipeline": "demo"}
        })
    );
    let shown = format!("{op:?}");
    assert!(!shown.contains("very-secret"), "{shown}");
    assert!(shown.contains("7 bytes"), "{shown}");
}

#[test]
fn create_function_input_is_checked() {
    type Change = Box<dyn Fn(&mut CreateFunction)>;
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|o| o.runtime = "rust".into()), "Runtime"),
        (Box::new(|o| o.role = "hoseline-bridge".into()), "Role"),
        (
            Box::new(|o| o.role = "arn:aws:iam::123456789012:user/u".into()),
            "Role",
        ),
        (Box::new(|o| o.handler = "my handler".into()), "Handler"),
        (Box::new(|o| o.zip_file.clear()), "Code.ZipFile"),
        (
            Box::new(|o| o.architectures = vec!["x86".into()]),
            "Architectures",
        ),
        (Box::new(|o| o.memory_size = Some(64)), "MemorySize"),
        (Box::new(|o| o.timeout = Some(0)), "Timeout"),
        (
            Box::new(|o| {
                o.environment.0.insert("1BAD".into(), "v".into());
            }),
            "Environment.Variables",
        ),
        (
            Box::new(|o| {
                o.environment.0.insert("BIG".into(), "x".repeat(5000));
            }),
            "Environment.Variables",
        ),
        (
            Box::new(|o| {
                o.tags.insert(String::new(), "v".into());
            }),
            "Tags.Key",
        ),
    ];
    for (change, field) in cases {
        let mut op = bridge();
        change(&mut op);
        let e = op.validate().expect_err("refused");
        assert_eq!(e.field(), Some(field), "{e}");
    }
    let mut op = bridge();
    op.memory_size = Some(64);
    assert_eq!(
        op.validate().expect_err("refused").to_string(),
        "MemorySize: must be from 128 to 32768 (it is 64)"
    );
}

// The FunctionConfiguration example of the Lambda API reference (CreateFunction's response).
#[test]
fn decodes_the_function_configuration() {
    let body = r#"{
    "FunctionName": "my-function",
    "FunctionArn": "arn:aws:lambda:us-west-2:123456789012:function:my-function",
    "Runtime": "nodejs12.x",
    "Role": "arn:aws:iam::123456789012:role/lambda-role",
    "Handler": "index.handler",
    "CodeSize": 308,
    "Description": "",
    "Timeout": 3,
    "MemorySize": 128,
    "LastModified": "2019-08-14T22:26:11.234+0000",
    "CodeSha256": "PFn4S+er27qk+UuZSTKEQfNKG/XNn7QJs90mJgq6oH8=",
    "Version": "$LATEST",
    "Environment": {"Variables": {"PREFIX": "inventory"}},
    "TracingConfig": {"Mode": "PassThrough"},
    "RevisionId": "b75dcd81-xmpl-48a8-a75a-93ba8b5b9727",
    "State": "Active",
    "LastUpdateStatus": "Successful"
}"#;
    let out = bridge()
        .parse(HttpResponse::new(201, body))
        .expect("decodes");
    assert_eq!(
        out.function_arn,
        "arn:aws:lambda:us-west-2:123456789012:function:my-function"
    );
    assert_eq!(out.code_size, Some(308));
    assert_eq!(out.state.as_deref(), Some("Active"));
    assert_eq!(out.version.as_deref(), Some("$LATEST"));
    let env = out.environment.expect("environment");
    assert_eq!(env.variables.0["PREFIX"], "inventory");
}

// GetFunction's example in the Lambda API reference wraps the same configuration.
#[test]
fn get_function_reads_configuration_and_code() {
    let op = GetFunction {
        function_name: "my-function".into(),
    };
    let r = op.build(&lambda()).expect("builds");
    assert_eq!(
        (r.method, r.url.as_str()),
        (
            "GET",
            "https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/my-function"
        )
    );
    assert!(r.body.is_empty());
    let body = r#"{"Configuration":{"FunctionName":"my-function","FunctionArn":"arn:aws:lambda:us-west-2:123456789012:function:my-function","Runtime":"provided.al2023","State":"Active"},
"Code":{"RepositoryType":"S3","Location":"https://awslambda-us-west-2-tasks.s3.us-west-2.amazonaws.com/snapshots/123456789012/my-function-e7d9d1ed"},
"Tags":{"DEPARTMENT":"Assets"}}"#;
    let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
    assert_eq!(out.configuration.function_name, "my-function");
    assert_eq!(
        out.code.and_then(|c| c.repository_type).as_deref(),
        Some("S3")
    );
    assert_eq!(out.tags.expect("tags")["DEPARTMENT"], "Assets");
}

#[test]
fn delete_and_list() {
    let r = DeleteFunction {
        function_name: "my-function".into(),
    }
    .build(&lambda())
    .expect("builds");
    assert_eq!(r.method, "DELETE");
    assert!(r.url.ends_with("/2015-03-31/functions/my-function"));
    let op = ListFunctions {
        max_items: Some(1),
        marker: None,
    };
    let r = op.build(&lambda()).expect("builds");
    assert_eq!(
        r.url,
        "https://lambda.us-west-2.amazonaws.com/2015-03-31/functions?MaxItems=1"
    );
    let out = op
        .parse(HttpResponse::new(
            200,
            r#"{"Functions":[{"FunctionName":"a","FunctionArn":"arn:aws:lambda:us-west-2:123456789012:function:a"}],"NextMarker":"m1"}"#,
        ))
        .expect("decodes");
    assert_eq!(out.functions.len(), 1);
    assert_eq!(out.next_marker.as_deref(), Some("m1"));
    assert_eq!(
        ListFunctions {
            max_items: Some(0),
            marker: None
        }
        .validate()
        .expect_err("refused")
        .field(),
        Some("MaxItems")
    );
}
