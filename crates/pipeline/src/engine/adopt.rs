//! Comparing a resource that exists with what the spec asks, before adopting it. Only the
//! settings that decide whether the pipeline works as specified are compared:
//!
//! - bucket: its region (a bucket elsewhere makes Firehose and the bridge fail);
//! - table: partition key and sort key (names and types), billing mode, and the provisioned
//!   read/write capacity unless auto scaling manages it;
//! - Firehose role: the service it trusts and the `sts:ExternalId` condition;
//! - stack: that it completed, and has the outputs later steps need;
//! - function: runtime, handler, execution role, and the table it writes (`HOSELINE_TABLE`);
//! - function URL: its auth type (NONE);
//! - stream: the destination type, the endpoint URL (DynamoDB kind) or prefix (S3 kind), and the
//!   bucket it writes to.
//!
//! Every resource may also carry the `hoseline:pipeline` tag: another pipeline's tag is a
//! conflict (that pipeline owns it); no tag means someone else made it: it is adopted but never
//! tagged or deleted by this pipeline.

use hoseline_aws::dynamodb::{BillingMode, KeyType, TableDescription};
use hoseline_aws::firehose::{CreateDeliveryStream, DeliveryStreamDescription};
use hoseline_aws::iam::Role;
use hoseline_aws::lambda::{CreateFunction, FunctionConfiguration};
use serde_json::Value;

use super::error::Difference;
use crate::mapping::KeyKind;
use crate::plan::{bridge_env, PIPELINE_TAG};
use crate::spec::{Billing, KeySpec, TableSpec};

/// Whose a resource is, by its `hoseline:pipeline` tag.
pub(crate) enum Owner {
    Ours,
    Nobody,
    Other(Difference),
}

pub(crate) fn owner(tag: Option<&str>, pipeline: &str) -> Owner {
    match tag {
        Some(t) if t == pipeline => Owner::Ours,
        Some(other) => Owner::Other(Difference::new(
            format!("tag {PIPELINE_TAG}"),
            format!("{other:?} (another pipeline's)"),
            format!("{pipeline:?}"),
        )),
        None => Owner::Nobody,
    }
}

fn differ(out: &mut Vec<Difference>, setting: &str, existing: String, wanted: String) {
    if existing != wanted {
        out.push(Difference::new(setting, existing, wanted));
    }
}

pub(crate) fn bucket_region(existing: &str, wanted: &str) -> Vec<Difference> {
    let mut d = Vec::new();
    differ(&mut d, "region", existing.to_owned(), wanted.to_owned());
    d
}

fn kind_name(k: KeyKind) -> &'static str {
    match k {
        KeyKind::S => "S",
        KeyKind::N => "N",
        KeyKind::B => "B",
    }
}

fn key_text(table: &TableDescription, key_type: KeyType) -> String {
    let Some(element) = table.key_schema.iter().find(|e| e.key_type == key_type) else {
        return "(none)".to_owned();
    };
    let kind = table
        .attribute_definitions
        .iter()
        .find(|d| d.attribute_name == element.attribute_name)
        .map_or("?", |d| match d.attribute_type {
            hoseline_aws::dynamodb::ScalarAttributeType::S => "S",
            hoseline_aws::dynamodb::ScalarAttributeType::N => "N",
            hoseline_aws::dynamodb::ScalarAttributeType::B => "B",
        });
    format!("{} ({kind})", element.attribute_name)
}

fn spec_key(key: Option<&KeySpec>) -> String {
    key.map_or("(none)".to_owned(), |k| {
        format!("{} ({})", k.name, kind_name(k.key_type))
    })
}

pub(crate) fn table(existing: &TableDescription, wanted: &TableSpec) -> Vec<Difference> {
    let mut d = Vec::new();
    differ(
        &mut d,
        "partition key",
        key_text(existing, KeyType::Hash),
        spec_key(Some(&wanted.partition_key)),
    );
    differ(
        &mut d,
        "sort key",
        key_text(existing, KeyType::Range),
        spec_key(wanted.sort_key.as_ref()),
    );
    let mode = |m: BillingMode| match m {
        BillingMode::PayPerRequest => "on demand (PAY_PER_REQUEST)",
        BillingMode::Provisioned => "provisioned",
    };
    let wanted_mode = match wanted.billing {
        Billing::OnDemand => BillingMode::PayPerRequest,
        Billing::Provisioned { .. } => BillingMode::Provisioned,
    };
    differ(
        &mut d,
        "billing mode",
        mode(existing.billing_mode()).to_owned(),
        mode(wanted_mode).to_owned(),
    );
    if let Billing::Provisioned {
        read_capacity_units,
        write_capacity_units,
        auto_scaling: None,
    } = wanted.billing
    {
        if existing.billing_mode() == BillingMode::Provisioned {
            let t = existing.provisioned_throughput.as_ref();
            let units = |v: Option<i64>| v.map_or("?".to_owned(), |n| n.to_string());
            differ(
                &mut d,
                "read capacity units",
                units(t.and_then(|t| t.read_capacity_units)),
                read_capacity_units.to_string(),
            );
            differ(
                &mut d,
                "write capacity units",
                units(t.and_then(|t| t.write_capacity_units)),
                write_capacity_units.to_string(),
            );
        }
    }
    d
}

/// The services a trust policy's statements let assume the role, and its `sts:ExternalId`s.
fn trust(policy: &Value) -> (Vec<String>, Vec<String>) {
    let statements = match &policy["Statement"] {
        Value::Array(list) => list.clone(),
        single @ Value::Object(_) => vec![single.clone()],
        _ => Vec::new(),
    };
    let strings = |v: &Value| match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    let mut services = Vec::new();
    let mut external = Vec::new();
    for s in statements.iter().filter(|s| s["Effect"] == "Allow") {
        services.extend(strings(&s["Principal"]["Service"]));
        external.extend(strings(&s["Condition"]["StringEquals"]["sts:ExternalId"]));
    }
    (services, external)
}

pub(crate) fn role_trust(existing: &Role, wanted_document: &str) -> Vec<Difference> {
    let wanted: Value = serde_json::from_str(wanted_document).unwrap_or(Value::Null);
    let (want_services, want_external) = trust(&wanted);
    let (services, external) = existing
        .trust_policy()
        .map(|p| trust(&p))
        .unwrap_or_default();
    let show = |v: &[String]| {
        if v.is_empty() {
            "(none)".to_owned()
        } else {
            v.join(", ")
        }
    };
    let mut d = Vec::new();
    if !want_services.iter().all(|s| services.contains(s)) {
        d.push(Difference::new(
            "trusted service",
            show(&services),
            show(&want_services),
        ));
    }
    if !want_external.iter().all(|s| external.contains(s)) {
        d.push(Difference::new(
            "trust condition sts:ExternalId",
            show(&external),
            show(&want_external),
        ));
    }
    d
}

pub(crate) fn function(
    existing: &FunctionConfiguration,
    wanted: &CreateFunction,
) -> Vec<Difference> {
    let mut d = Vec::new();
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    differ(
        &mut d,
        "runtime",
        text(&existing.runtime),
        wanted.runtime.clone(),
    );
    differ(
        &mut d,
        "handler",
        text(&existing.handler),
        wanted.handler.clone(),
    );
    differ(
        &mut d,
        "execution role",
        text(&existing.role),
        wanted.role.clone(),
    );
    let table = |vars: Option<&String>| vars.cloned().unwrap_or_else(|| "(none)".to_owned());
    differ(
        &mut d,
        bridge_env::TABLE,
        table(
            existing
                .environment
                .as_ref()
                .and_then(|e| e.variables.0.get(bridge_env::TABLE)),
        ),
        table(wanted.environment.0.get(bridge_env::TABLE)),
    );
    d
}

pub(crate) fn stream(
    existing: &DeliveryStreamDescription,
    wanted: &CreateDeliveryStream,
) -> Vec<Difference> {
    let mut d = Vec::new();
    let Some(dest) = existing.destinations.first() else {
        d.push(Difference::new("destination", "(none)", "one"));
        return d;
    };
    let text = |v: Option<&String>| v.cloned().unwrap_or_else(|| "(none)".to_owned());
    if let Some(http) = &wanted.http_endpoint_destination_configuration {
        differ(
            &mut d,
            "destination",
            dest.kind().to_owned(),
            "HttpEndpoint".to_owned(),
        );
        if let Some(existing) = &dest.http_endpoint_destination_description {
            let url = existing
                .endpoint_configuration
                .as_ref()
                .and_then(|e| e.url.as_ref());
            differ(
                &mut d,
                "endpoint URL",
                text(url),
                http.endpoint_configuration.url.clone(),
            );
            let bucket = existing
                .s3_destination_description
                .as_ref()
                .and_then(|s| s.bucket_arn.as_ref());
            differ(
                &mut d,
                "backup bucket",
                text(bucket),
                http.s3_configuration.bucket_arn.clone(),
            );
        }
    } else if let Some(s3) = &wanted.extended_s3_destination_configuration {
        differ(
            &mut d,
            "destination",
            dest.kind().to_owned(),
            "ExtendedS3".to_owned(),
        );
        if let Some(existing) = &dest.extended_s3_destination_description {
            differ(
                &mut d,
                "bucket",
                text(existing.bucket_arn.as_ref()),
                s3.bucket_arn.clone(),
            );
            differ(
                &mut d,
                "prefix",
                text(existing.prefix.as_ref()),
                text(s3.prefix.as_ref()),
            );
        }
    }
    d
}
