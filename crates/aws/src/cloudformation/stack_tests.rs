use super::*;
use crate::{Endpoint, Region};

fn cfn() -> ResolvedEndpoint {
    Endpoint::Aws.resolve(
        Service::CloudFormation,
        &Region::new("us-east-1").expect("region"),
    )
}

fn form(r: &HttpRequest) -> String {
    String::from_utf8(r.body.clone()).expect("utf8")
}

const STACK_ID: &str =
    "arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83";

// The CreateStack example from the CloudFormation API reference.
#[test]
fn create_stack_encodes_parameters_capabilities_and_tags() {
    let op = CreateStack {
        stack_name: "MyStack".into(),
        template_body: "{\"Resources\":{}}".into(),
        parameters: vec![("AvailabilityZone".into(), "us-east-1a".into())],
        capabilities: vec!["CAPABILITY_IAM".into()],
        tags: vec![("app".into(), "hoseline".into())],
    };
    op.validate().expect("valid");
    let r = op.build(&cfn()).expect("builds");
    assert_eq!(r.url, "https://cloudformation.us-east-1.amazonaws.com/");
    assert_eq!(
        form(&r),
        "Action=CreateStack&Version=2010-05-15&StackName=MyStack\
         &TemplateBody=%7B%22Resources%22%3A%7B%7D%7D\
         &Parameters.member.1.ParameterKey=AvailabilityZone&Parameters.member.1.ParameterValue=us-east-1a\
         &Capabilities.member.1=CAPABILITY_IAM&Tags.member.1.Key=app&Tags.member.1.Value=hoseline"
    );
    let body = format!(
        r#"<CreateStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <CreateStackResult>
    <StackId>{STACK_ID}</StackId>
  </CreateStackResult>
</CreateStackResponse>"#
    );
    let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
    assert_eq!(out.stack_id, STACK_ID);
}

#[test]
fn create_stack_input_is_checked() {
    let op = CreateStack {
        stack_name: "MyStack".into(),
        template_body: "{}".into(),
        capabilities: vec!["CAPABILITY_ADMIN".into()],
        ..Default::default()
    };
    assert_eq!(
        op.validate().expect_err("refused").to_string(),
        "Capabilities: must be one of CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND (it is \"CAPABILITY_ADMIN\")"
    );
    let op = CreateStack {
        stack_name: "MyStack".into(),
        ..Default::default()
    };
    assert_eq!(
        op.validate().expect_err("refused").to_string(),
        "TemplateBody: is required"
    );
    let op = CreateStack {
        stack_name: "MyStack".into(),
        template_body: "x".repeat(51_201),
        ..Default::default()
    };
    assert_eq!(
        op.validate().expect_err("refused").field(),
        Some("TemplateBody")
    );
}

// The DescribeStacks example from the CloudFormation API reference.
#[test]
fn describe_stacks_decodes_status_and_outputs() {
    let body = format!(
        r#"<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult>
    <Stacks>
      <member>
        <StackName>MyStack</StackName>
        <StackId>{STACK_ID}</StackId>
        <CreationTime>2010-07-27T22:28:28Z</CreationTime>
        <StackStatus>CREATE_COMPLETE</StackStatus>
        <DisableRollback>false</DisableRollback>
        <Outputs>
          <member>
            <OutputKey>StartPage</OutputKey>
            <OutputValue>http://my-load-balancer.amazonaws.com:80/index.html</OutputValue>
          </member>
        </Outputs>
        <Tags>
          <member><Key>hoseline:pipeline</Key><Value>demo</Value></member>
        </Tags>
      </member>
    </Stacks>
  </DescribeStacksResult>
  <ResponseMetadata>
    <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
  </ResponseMetadata>
</DescribeStacksResponse>"#
    );
    let op = DescribeStacks {
        stack_name: Some("MyStack".into()),
        next_token: None,
    };
    assert_eq!(
        form(&op.build(&cfn()).expect("builds")),
        "Action=DescribeStacks&Version=2010-05-15&StackName=MyStack"
    );
    let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
    let stack = &out.stacks.items[0];
    assert_eq!(stack.stack_status, "CREATE_COMPLETE");
    assert!(stack.succeeded());
    assert_eq!(stack.stack_id.as_deref(), Some(STACK_ID));
    assert_eq!(
        stack.output("StartPage"),
        Some("http://my-load-balancer.amazonaws.com:80/index.html")
    );
    assert_eq!(stack.output("Nope"), None);
    assert_eq!(stack.tag("hoseline:pipeline"), Some("demo"));
    assert_eq!(stack.tag("other"), None);
    assert_eq!(
        DescribeStacks::default()
            .build(&cfn())
            .map(|r| form(&r))
            .expect("builds"),
        "Action=DescribeStacks&Version=2010-05-15"
    );
}

#[test]
fn a_failed_stack_keeps_its_reason() {
    let body = r#"<DescribeStacksResponse><DescribeStacksResult><Stacks><member>
<StackName>s</StackName><StackStatus>ROLLBACK_COMPLETE</StackStatus>
<StackStatusReason>The following resource(s) failed to create: [Bucket].</StackStatusReason>
</member></Stacks></DescribeStacksResult></DescribeStacksResponse>"#;
    let out = DescribeStacks::default()
        .parse(HttpResponse::new(200, body))
        .expect("decodes");
    let s = &out.stacks.items[0];
    assert!(!s.succeeded() && !s.in_progress());
    assert_eq!(
        s.stack_status_reason.as_deref(),
        Some("The following resource(s) failed to create: [Bucket].")
    );
    assert!(s.outputs.items.is_empty());
}

// The DescribeStackEvents example from the CloudFormation API reference.
#[test]
fn describe_stack_events_decodes_events() {
    let body = format!(
        r#"<DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStackEventsResult>
    <StackEvents>
      <member>
        <EventId>Event-1-Id</EventId>
        <StackId>{STACK_ID}</StackId>
        <StackName>MyStack</StackName>
        <LogicalResourceId>MyStack</LogicalResourceId>
        <PhysicalResourceId>MyStack_One</PhysicalResourceId>
        <ResourceType>AWS::CloudFormation::Stack</ResourceType>
        <Timestamp>2010-07-27T22:26:28Z</Timestamp>
        <ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
        <ResourceStatusReason>User initiated</ResourceStatusReason>
      </member>
      <member>
        <EventId>Event-2-Id</EventId>
        <StackId>{STACK_ID}</StackId>
        <StackName>MyStack</StackName>
        <LogicalResourceId>MyDBInstance</LogicalResourceId>
        <PhysicalResourceId>MyStack_DB1</PhysicalResourceId>
        <ResourceType>AWS::SecurityGroup</ResourceType>
        <Timestamp>2010-07-27T22:27:28Z</Timestamp>
        <ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
        <ResourceProperties>{{"GroupDescription":...}}</ResourceProperties>
      </member>
    </StackEvents>
  </DescribeStackEventsResult>
</DescribeStackEventsResponse>"#
    );
    let op = DescribeStackEvents {
        stack_name: "MyStack".into(),
        next_token: None,
    };
    let out = op.parse(HttpResponse::new(200, body)).expect("decodes");
    let events = &out.stack_events.items;
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[0].resource_status_reason.as_deref(),
        Some("User initiated")
    );
    assert_eq!(
        events[1].resource_type.as_deref(),
        Some("AWS::SecurityGroup")
    );
    assert_eq!(events[1].timestamp, "2010-07-27T22:27:28Z");
}

#[test]
fn delete_stack_takes_a_name_or_an_id() {
    let op = DeleteStack {
        stack_name: STACK_ID.into(),
    };
    op.validate().expect("an id is valid");
    assert_eq!(
        form(&op.build(&cfn()).expect("builds")),
        format!(
            "Action=DeleteStack&Version=2010-05-15&StackName={}",
            crate::protocol::encode_component(STACK_ID)
        )
    );
    let body = r#"<DeleteStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <ResponseMetadata><RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId></ResponseMetadata>
</DeleteStackResponse>"#;
    op.parse(HttpResponse::new(200, body)).expect("decodes");
    let e = DeleteStack {
        stack_name: "9lives".into(),
    }
    .validate()
    .expect_err("refused");
    assert_eq!(e.to_string(), "StackName: must start with a letter");
}
