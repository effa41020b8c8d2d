//! A step as an AWS CLI command (v1 and v2 syntax). The JSON services take the request body as
//! `--cli-input-json`; S3, IAM, CloudFormation and Lambda take their options, JSON where a
//! structure is expected. A fact not known yet is the shell variable the export script sets
//! (`"${FUNCTION_URL}"`), spliced into the quoted argument.

use serde::Serialize;
use serde_json::{json, Map, Value};

use hoseline_aws::s3::{CorsRule, LifecycleRule};

use super::{Call, Fact, Step, ZIP_FILE_NAME};

/// Characters a shell word may hold unquoted.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_-./:=,@%+".contains(c)
}

fn quote_literal(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else if text.chars().all(is_plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// One shell word for `text`: literal parts quoted, each fact placeholder replaced by its
/// double-quoted shell variable.
pub(super) fn shell_word(text: &str) -> String {
    let placeholders: Vec<(&str, &str)> = Fact::ALL
        .iter()
        .flat_map(|f| {
            [true, false]
                .into_iter()
                .map(move |local| (f.placeholder(local), f.shell_variable()))
        })
        .collect();
    let mut out = String::new();
    let mut rest = text;
    loop {
        let next = placeholders
            .iter()
            .filter_map(|(p, var)| rest.find(p).map(|at| (at, p.len(), *var)))
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, len, var)) => {
                out += &quote_literal(&rest[..at]);
                out += &format!("\"${{{var}}}\"");
                rest = &rest[at + len..];
            }
            None => {
                out += &quote_literal(rest);
                break;
            }
        }
    }
    if out.is_empty() {
        "''".to_owned()
    } else {
        out
    }
}

/// An AWS CLI command: service, command and options in order.
pub(super) struct Command {
    pub(super) service: &'static str,
    pub(super) command: &'static str,
    pub(super) options: Vec<(&'static str, Option<String>)>,
}

impl Command {
    fn new(service: &'static str, command: &'static str) -> Self {
        Self {
            service,
            command,
            options: Vec::new(),
        }
    }

    fn opt(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.options.push((name, Some(value.into())));
        self
    }

    fn opt_some(self, name: &'static str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(v) => self.opt(name, v),
            None => self,
        }
    }

    fn flag(mut self, name: &'static str) -> Self {
        self.options.push((name, None));
        self
    }

    fn json(self, name: &'static str, value: &impl Serialize) -> Self {
        // Plain data always serialises.
        let text = serde_json::to_string(value).unwrap_or_default();
        self.opt(name, text)
    }

    /// The command, one option a line; `extra` options (the script's `--query`) go at the end.
    pub(super) fn render(&self, extra: &[&str]) -> String {
        let mut parts = vec![format!("aws {} {}", self.service, self.command)];
        for (name, value) in &self.options {
            parts.push(match value {
                Some(v) => format!("{name} {}", shell_word(v)),
                None => (*name).to_owned(),
            });
        }
        parts.extend(extra.iter().map(|e| (*e).to_owned()));
        parts.join(" \\\n    ")
    }
}

fn cors_json(rule: &CorsRule) -> Value {
    let mut r = Map::new();
    let mut put = |k: &str, v: &Vec<String>| {
        if !v.is_empty() {
            r.insert(k.to_owned(), json!(v));
        }
    };
    put("AllowedHeaders", &rule.allowed_headers);
    put("AllowedMethods", &rule.allowed_methods);
    put("AllowedOrigins", &rule.allowed_origins);
    put("ExposeHeaders", &rule.expose_headers);
    if let Some(id) = &rule.id {
        r.insert("ID".to_owned(), json!(id));
    }
    if let Some(age) = rule.max_age_seconds {
        r.insert("MaxAgeSeconds".to_owned(), json!(age));
    }
    Value::Object(r)
}

fn lifecycle_json(rule: &LifecycleRule) -> Value {
    let mut r = json!({"Filter": {"Prefix": rule.prefix}, "Status": rule.status});
    if let Some(id) = &rule.id {
        r["ID"] = json!(id);
    }
    if let Some(days) = rule.expiration_days {
        r["Expiration"] = json!({"Days": days});
    }
    if let Some(days) = rule.abort_incomplete_multipart_upload_days {
        r["AbortIncompleteMultipartUpload"] = json!({"DaysAfterInitiation": days});
    }
    r
}

fn key_values(pairs: &[(String, String)]) -> Value {
    pairs
        .iter()
        .map(|(k, v)| json!({"Key": k, "Value": v}))
        .collect()
}

/// The AWS CLI command of a call; `region` decides CreateBucket's location constraint.
pub(super) fn command(call: &Call, region: &str) -> Command {
    match call {
        Call::CreateBucket(op) => {
            let c = Command::new("s3api", "create-bucket").opt("--bucket", &op.bucket);
            if region == "us-east-1" {
                c
            } else {
                c.opt(
                    "--create-bucket-configuration",
                    format!("LocationConstraint={region}"),
                )
            }
        }
        Call::PutBucketTagging(op) => {
            let tags: Vec<_> = op
                .tags
                .iter()
                .map(|t| json!({"Key": t.key, "Value": t.value}))
                .collect();
            Command::new("s3api", "put-bucket-tagging")
                .opt("--bucket", &op.bucket)
                .json("--tagging", &json!({ "TagSet": tags }))
        }
        Call::PutBucketCors(op) => {
            let rules: Vec<_> = op.cors_rules.iter().map(cors_json).collect();
            Command::new("s3api", "put-bucket-cors")
                .opt("--bucket", &op.bucket)
                .json("--cors-configuration", &json!({ "CORSRules": rules }))
        }
        Call::PutBucketLifecycleConfiguration(op) => {
            let rules: Vec<_> = op.rules.iter().map(lifecycle_json).collect();
            Command::new("s3api", "put-bucket-lifecycle-configuration")
                .opt("--bucket", &op.bucket)
                .json("--lifecycle-configuration", &json!({ "Rules": rules }))
        }
        Call::CreateTable(op) => input_json("dynamodb", "create-table", op),
        Call::UpdateTimeToLive(op) => input_json("dynamodb", "update-time-to-live", op),
        Call::UpdateContinuousBackups(op) => {
            input_json("dynamodb", "update-continuous-backups", op)
        }
        Call::RegisterScalableTarget(op) => {
            input_json("application-autoscaling", "register-scalable-target", op)
        }
        Call::PutScalingPolicy(op) => {
            input_json("application-autoscaling", "put-scaling-policy", op)
        }
        Call::CreateDeliveryStream(op) => {
            input_json("firehose", "create-delivery-stream", op.as_ref())
        }
        Call::CreateRole(op) => {
            let c = Command::new("iam", "create-role")
                .opt("--role-name", &op.role_name)
                .opt(
                    "--assume-role-policy-document",
                    &op.assume_role_policy_document,
                )
                .opt_some("--description", op.description.as_deref())
                .opt_some("--path", op.path.as_deref());
            if op.tags.is_empty() {
                c
            } else {
                c.json("--tags", &key_values(&op.tags))
            }
        }
        Call::PutRolePolicy(op) => Command::new("iam", "put-role-policy")
            .opt("--role-name", &op.role_name)
            .opt("--policy-name", &op.policy_name)
            .opt("--policy-document", &op.policy_document),
        Call::CreateStack(op) => {
            let mut c = Command::new("cloudformation", "create-stack")
                .opt("--stack-name", &op.stack_name)
                .opt("--template-body", &op.template_body);
            if !op.parameters.is_empty() {
                let params: Vec<_> = op
                    .parameters
                    .iter()
                    .map(|(k, v)| json!({"ParameterKey": k, "ParameterValue": v}))
                    .collect();
                c = c.json("--parameters", &params);
            }
            if !op.capabilities.is_empty() {
                c = c.opt("--capabilities", op.capabilities.join(" "));
            }
            if op.tags.is_empty() {
                c
            } else {
                c.json("--tags", &key_values(&op.tags))
            }
        }
        Call::CreateFunction(op) => {
            let mut c = Command::new("lambda", "create-function")
                .opt("--function-name", &op.function_name)
                .opt("--runtime", &op.runtime)
                .opt("--role", &op.role)
                .opt("--handler", &op.handler)
                .opt("--zip-file", format!("fileb://{ZIP_FILE_NAME}"));
            if !op.architectures.is_empty() {
                c = c.opt("--architectures", op.architectures.join(" "));
            }
            c = c
                .opt_some("--memory-size", op.memory_size.map(|m| m.to_string()))
                .opt_some("--timeout", op.timeout.map(|t| t.to_string()));
            if !op.environment.0.is_empty() {
                c = c.json("--environment", &json!({ "Variables": op.environment }));
            }
            c = c.opt_some("--description", op.description.as_deref());
            if op.tags.is_empty() {
                c
            } else {
                c.json("--tags", &op.tags)
            }
        }
        Call::CreateFunctionUrlConfig(op) => Command::new("lambda", "create-function-url-config")
            .opt("--function-name", &op.function_name)
            .opt("--auth-type", &op.auth_type),
        Call::AddPermission(op) => {
            let c = Command::new("lambda", "add-permission")
                .opt("--function-name", &op.function_name)
                .opt("--statement-id", &op.statement_id)
                .opt("--action", &op.action)
                .opt("--principal", &op.principal)
                .opt_some(
                    "--function-url-auth-type",
                    op.function_url_auth_type.as_deref(),
                )
                .opt_some("--source-arn", op.source_arn.as_deref());
            match op.invoked_via_function_url {
                Some(true) => c.flag("--invoked-via-function-url"),
                Some(false) => c.flag("--no-invoked-via-function-url"),
                None => c,
            }
        }
    }
}

fn input_json(service: &'static str, command: &'static str, op: &impl Serialize) -> Command {
    Command::new(service, command).json("--cli-input-json", op)
}

impl Step {
    /// The equivalent AWS CLI command. Facts not known yet are shell variables
    /// ([`Fact::shell_variable`]) that [`super::cli_script`] sets; the bridge Lambda's code is
    /// read from `bridge-lambda.zip` in the current directory.
    pub fn cli(&self, region: &str) -> String {
        command(&self.call, region).render(&[])
    }
}
