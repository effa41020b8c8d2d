//! The export "cli" format: a bash script of the plan's AWS CLI commands, one per step with its
//! reason as a comment, the waits apply makes, and shell variables for what is learnt on the way
//! (the account id, the roles' ARNs, the function URL). It honours `AWS_ENDPOINT_URL`; a local
//! spec sets it to the spec's emulator when it is not set. No secret is written into it: the
//! bridge's access key is read from `HOSELINE_ACCESS_KEY`.

use super::cli::{command, shell_word};
use super::{output, plan, stack_name, Call, Fact, Facts, Step, ZIP_FILE_NAME};
use crate::spec::{PipelineKind, PipelineSpec, Target};

/// The script for `spec`. Every fact apply learns is learnt again by the script when it runs, so
/// the script builds the pipeline in whichever account and emulator it is run against.
pub fn cli_script(spec: &PipelineSpec) -> String {
    let steps = plan(spec, &Facts::default()).steps;
    let region = spec.target.region();
    let mut s = String::new();
    s += "#!/usr/bin/env bash\n";
    let kind = match spec.kind {
        PipelineKind::Dynamodb => "Firehose -> bridge -> DynamoDB",
        PipelineKind::S3 => "Firehose -> S3",
    };
    let place = match &spec.target {
        Target::Local { .. } => "the local emulator".to_owned(),
        Target::Aws { region } => format!("AWS ({region})"),
    };
    s += &format!("# Hoseline pipeline {}: {kind} on {place}.\n", spec.name);
    s += "# The AWS CLI calls `hoseline apply` makes, one per plan step, in the same order.\n";
    s += "# Needs the AWS CLI (v1 or v2) and credentials in the usual environment variables.\n";
    s += "set -euo pipefail\n\n";
    if let Target::Local { endpoint, .. } = &spec.target {
        s += "# The emulator, unless AWS_ENDPOINT_URL names another.\n";
        s += &format!("export AWS_ENDPOINT_URL=\"${{AWS_ENDPOINT_URL:-{endpoint}}}\"\n");
    }
    s += &format!("export AWS_REGION={region} AWS_DEFAULT_REGION={region}\n");
    let needs = |fact: Fact| steps.iter().any(|st| step_mentions(st, fact));
    if needs(Fact::AccessKey) {
        s += &format!(
            ": \"${{{}:?set it to the key Firehose sends the bridge, bridge.accessKey in the spec}}\"\n",
            Fact::AccessKey.shell_variable()
        );
    }
    if steps
        .iter()
        .any(|st| matches!(st.call, Call::CreateFunction(_)))
    {
        s += &format!(
            "[ -f {ZIP_FILE_NAME} ] || {{ echo \"{ZIP_FILE_NAME} not found: run this beside it\" >&2; exit 1; }}\n"
        );
    }
    if needs(Fact::AccountId) {
        s += "\n# The account the Firehose role trusts (sts:ExternalId) and its ARNs name.\n";
        s += &format!(
            "{}=$(aws sts get-caller-identity --query Account --output text)\n",
            Fact::AccountId.shell_variable()
        );
    }
    for step in &steps {
        s += &format!("\n# {}: {}\n", step.id, step.reason);
        s += &format!(
            "echo {} >&2\n",
            shell_word(&format!("step {}: {}", step.id, step.call.operation()))
        );
        s += &step_commands(spec, step);
    }
    s += &format!(
        "\necho {} >&2\n",
        shell_word(&format!("pipeline {} is ready", spec.name))
    );
    s
}

/// Does the step's call text carry the fact's placeholder?
fn step_mentions(step: &Step, fact: Fact) -> bool {
    let text = command(&step.call, "").render(&[]);
    text.contains(&format!("${{{}}}", fact.shell_variable()))
}

/// The step's command, with what it learns and what it waits for.
fn step_commands(spec: &PipelineSpec, step: &Step) -> String {
    let region = spec.target.region();
    let cmd = command(&step.call, region);
    match &step.call {
        Call::CreateRole(_) if step.id == "roles.firehose" => format!(
            "{var}=$({})\necho \"  role ARN: ${{{var}}}\" >&2\n",
            cmd.render(&["--query Role.Arn", "--output text"]),
            var = Fact::FirehoseRoleArn.shell_variable(),
        ),
        Call::CreateTable(op) => format!(
            "{} >/dev/null\naws dynamodb wait table-exists --table-name {}\n",
            cmd.render(&[]),
            shell_word(&op.table_name)
        ),
        Call::CreateStack(op) => {
            let name = shell_word(&op.stack_name);
            let mut out = format!(
                "{} >/dev/null\naws cloudformation wait stack-create-complete --stack-name {name}\n",
                cmd.render(&[])
            );
            let mut outputs = vec![(Fact::FirehoseRoleArn, output::FIREHOSE_ROLE_ARN)];
            if spec.kind == PipelineKind::Dynamodb {
                outputs.push((Fact::BridgeRoleArn, output::BRIDGE_ROLE_ARN));
            }
            for (fact, key) in outputs {
                out += &format!(
                    "{}=$(aws cloudformation describe-stacks --stack-name {name} \\\n    --query \"Stacks[0].Outputs[?OutputKey=='{key}'].OutputValue\" --output text)\n",
                    fact.shell_variable()
                );
            }
            debug_assert_eq!(op.stack_name, stack_name(spec));
            out
        }
        Call::CreateFunction(op) => format!(
            "{} >/dev/null\naws lambda wait function-active-v2 --function-name {}\n",
            cmd.render(&[]),
            shell_word(&op.function_name)
        ),
        Call::CreateFunctionUrlConfig(_) => format!(
            "{}=$({})\necho \"  function URL: ${{{}}}\" >&2\n",
            Fact::FunctionUrl.shell_variable(),
            cmd.render(&["--query FunctionUrl", "--output text"]),
            Fact::FunctionUrl.shell_variable()
        ),
        Call::CreateDeliveryStream(op) => {
            let name = shell_word(&op.delivery_stream_name);
            format!(
                "{} >/dev/null\n\
                 # Firehose's control plane takes about 5 requests a second: poll gently.\n\
                 while :; do\n  \
                 status=$(aws firehose describe-delivery-stream --delivery-stream-name {name} \\\n    \
                 --query DeliveryStreamDescription.DeliveryStreamStatus --output text)\n  \
                 case \"$status\" in\n    \
                 ACTIVE) break ;;\n    \
                 CREATING) sleep 5 ;;\n    \
                 *) echo \"stream {}: $status\" >&2; exit 1 ;;\n  \
                 esac\n\
                 done\n",
                cmd.render(&[]),
                op.delivery_stream_name
            )
        }
        _ => format!("{} >/dev/null\n", cmd.render(&[])),
    }
}
