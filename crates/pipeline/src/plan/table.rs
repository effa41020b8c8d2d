//! The DynamoDB table the bridge writes to: made by its own API on both targets, with TTL,
//! point-in-time recovery and auto scaling of its write capacity as the spec asks.

use hoseline_aws::autoscaling::{PutScalingPolicy, RegisterScalableTarget, DYNAMODB_TABLE_WRITE};
use hoseline_aws::dynamodb::{
    AttributeDefinition, CreateTable, ScalarAttributeType, Tag, UpdateContinuousBackups,
    UpdateTimeToLive,
};

use super::{Builder, Call, Resource, ResourceKind, PIPELINE_TAG};
use crate::mapping::KeyKind;
use crate::spec::{Billing, KeySpec, TableSpec};

fn attribute(key: &KeySpec) -> AttributeDefinition {
    let kind = match key.key_type {
        KeyKind::S => ScalarAttributeType::S,
        KeyKind::N => ScalarAttributeType::N,
        KeyKind::B => ScalarAttributeType::B,
    };
    AttributeDefinition::new(&key.name, kind)
}

/// CreateTable for the spec's table, tagged with the pipeline.
pub(crate) fn create_table(table: &TableSpec, pipeline: &str) -> CreateTable {
    let mut op = CreateTable::new(
        &table.name,
        attribute(&table.partition_key),
        table.sort_key.as_ref().map(attribute),
    );
    if let Billing::Provisioned {
        read_capacity_units,
        write_capacity_units,
        ..
    } = table.billing
    {
        op = op.provisioned(
            i64::from(read_capacity_units),
            i64::from(write_capacity_units),
        );
    }
    op.tags = vec![Tag {
        key: PIPELINE_TAG.to_owned(),
        value: pipeline.to_owned(),
    }];
    op
}

/// The policy name of the table's write auto scaling.
pub(crate) fn scaling_policy_name(table: &str) -> String {
    format!("{table}-write-utilization")
}

pub(super) fn steps(b: &mut Builder<'_>) {
    let Some(table) = b.spec.table.as_ref() else {
        return;
    };
    let resource = Resource::new(ResourceKind::Table, &table.name);
    let key = match &table.sort_key {
        Some(sort) => format!("{} + {}", table.partition_key.name, sort.name),
        None => table.partition_key.name.clone(),
    };
    let billing = match &table.billing {
        Billing::OnDemand => "on demand".to_owned(),
        Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            ..
        } => format!("{read_capacity_units} RCU / {write_capacity_units} WCU"),
    };
    b.push(
        "table",
        resource.clone(),
        Call::CreateTable(create_table(table, &b.spec.name)),
        format!("The bridge writes every record here as an item keyed by {key} ({billing})"),
        None,
        b.needs(),
    );
    if let Some(attribute) = &table.ttl_attribute {
        let when = match b.spec.bridge.as_ref().and_then(|br| br.ttl_days) {
            Some(days) => format!(" (the bridge sets it {days} days after arrival)"),
            None => String::new(),
        };
        b.push(
            "table.ttl",
            resource.clone(),
            Call::UpdateTimeToLive(UpdateTimeToLive::enable(&table.name, attribute)),
            format!("DynamoDB deletes items once their {attribute} time has passed{when}"),
            Some("table"),
            b.needs(),
        );
    }
    if table.point_in_time_recovery {
        b.push(
            "table.pitr",
            resource.clone(),
            Call::UpdateContinuousBackups(UpdateContinuousBackups::point_in_time_recovery(
                &table.name,
                true,
            )),
            "Point-in-time recovery: the table can be restored to any second of the last 35 days",
            Some("table"),
            b.needs(),
        );
    }
    if let Billing::Provisioned {
        auto_scaling: Some(scaling),
        ..
    } = &table.billing
    {
        let min = i32::try_from(scaling.min_capacity).unwrap_or(i32::MAX);
        let max = i32::try_from(scaling.max_capacity).unwrap_or(i32::MAX);
        b.push(
            "table.scaling.target",
            resource.clone(),
            Call::RegisterScalableTarget(RegisterScalableTarget::dynamodb_table(
                &table.name,
                DYNAMODB_TABLE_WRITE,
                min,
                max,
            )),
            format!("Write capacity may scale between {min} and {max} units"),
            Some("table"),
            b.needs(),
        );
        b.push(
            "table.scaling.policy",
            resource,
            Call::PutScalingPolicy(PutScalingPolicy::dynamodb_target_tracking(
                scaling_policy_name(&table.name),
                &table.name,
                DYNAMODB_TABLE_WRITE,
                f64::from(scaling.target_utilization),
            )),
            format!(
                "Scales the write capacity to keep it {}% used (target tracking)",
                scaling.target_utilization
            ),
            Some("table"),
            b.needs(),
        );
    }
}
