//! The DynamoDB table: its name, key, billing and TTL attribute.

use super::check::{self, Field};
use super::Rule;
use crate::spec::{AutoScaling, Billing, PipelineKind, PipelineSpec, TableSpec};

pub(super) const RULES: &[Rule] = &[
    Rule::new(
        "table",
        "Required for the dynamodb kind; leave out for s3",
        "Hoseline spec",
        presence,
    ),
    Rule::new(
        "table.name",
        "3-255 characters: a-z A-Z 0-9 _ . -",
        "dynamodb TableName (3-255, [a-zA-Z0-9_.-]+)",
        name,
    ),
    Rule::new(
        "table.partitionKey.name",
        "1-255 bytes",
        "dynamodb KeySchemaAttributeName (1-255)",
        partition_key,
    ),
    Rule::by_type(
        "table.partitionKey.type",
        "S (string), N (number) or B (binary)",
        "dynamodb ScalarAttributeType",
    ),
    Rule::new(
        "table.sortKey.name",
        "1-255 bytes, not the partition key's name",
        "dynamodb KeySchemaAttributeName (1-255)",
        sort_key,
    ),
    Rule::by_type(
        "table.sortKey.type",
        "S (string), N (number) or B (binary)",
        "dynamodb ScalarAttributeType",
    ),
    Rule::by_type(
        "table.billing.mode",
        "onDemand (pay per request) or provisioned (capacity units)",
        "dynamodb BillingMode",
    ),
    Rule::new(
        "table.billing.readCapacityUnits",
        "At least 1",
        "dynamodb ProvisionedThroughput.ReadCapacityUnits (PositiveLongObject, min 1)",
        read_capacity,
    ),
    Rule::new(
        "table.billing.writeCapacityUnits",
        "At least 1; with auto scaling, from its minimum to its maximum",
        "dynamodb ProvisionedThroughput.WriteCapacityUnits (PositiveLongObject, min 1)",
        write_capacity,
    ),
    Rule::new(
        "table.billing.autoScaling.minCapacity",
        "At least 1 (write capacity units)",
        "application-autoscaling RegisterScalableTarget MinCapacity; DynamoDB guide, auto scaling",
        min_capacity,
    ),
    Rule::new(
        "table.billing.autoScaling.maxCapacity",
        "At least the minimum capacity",
        "application-autoscaling RegisterScalableTarget MaxCapacity",
        max_capacity,
    ),
    Rule::new(
        "table.billing.autoScaling.targetUtilization",
        "20-90 (percent of the write capacity)",
        "DynamoDB guide, Managing throughput capacity with auto scaling (20-90 percent)",
        target_utilization,
    ),
    Rule::new(
        "table.ttlAttribute",
        "1-255 bytes, not a key attribute",
        "dynamodb TimeToLiveAttributeName (1-255)",
        ttl_attribute,
    ),
    Rule::by_type(
        "table.pointInTimeRecovery",
        "true or false",
        "dynamodb PointInTimeRecoverySpecification",
    ),
];

fn presence(spec: &PipelineSpec, f: &mut Field<'_>) {
    match (spec.kind, &spec.table) {
        (PipelineKind::Dynamodb, None) => {
            f.fail("is required for the dynamodb kind: the table the bridge writes to")
        }
        (PipelineKind::S3, Some(_)) => {
            f.fail("must be left out for the s3 kind: Firehose delivers to the bucket, not a table")
        }
        _ => {}
    }
}

fn with_table(
    spec: &PipelineSpec,
    f: &mut Field<'_>,
    check: impl FnOnce(&TableSpec) -> Result<(), String>,
) {
    if let Some(table) = &spec.table {
        f.check(check(table));
    }
}

fn name(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_table(spec, f, |t| {
        check::chars(
            &t.name,
            3,
            255,
            "a-z A-Z 0-9 _ . -",
            hoseline_aws::validate::name_chars,
        )
    });
}

fn partition_key(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_table(spec, f, |t| check::bytes(&t.partition_key.name, 1, 255));
}

fn sort_key(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_table(spec, f, |t| {
        let Some(sort) = &t.sort_key else {
            return Ok(());
        };
        check::bytes(&sort.name, 1, 255)?;
        if sort.name == t.partition_key.name {
            return Err(format!(
                "must differ from the partition key's name ({:?}): the partition and sort keys \
                 are two attributes",
                sort.name
            ));
        }
        Ok(())
    });
}

/// The provisioned capacity and its auto scaling, when the table is provisioned.
fn provisioned(spec: &PipelineSpec) -> Option<(u32, u32, Option<&AutoScaling>)> {
    match spec.table.as_ref().map(|t| &t.billing) {
        Some(Billing::Provisioned {
            read_capacity_units,
            write_capacity_units,
            auto_scaling,
        }) => Some((
            *read_capacity_units,
            *write_capacity_units,
            auto_scaling.as_ref(),
        )),
        _ => None,
    }
}

fn at_least_one(units: u32) -> Result<(), String> {
    if units == 0 {
        return Err("must be at least 1 capacity unit (it is 0)".to_owned());
    }
    Ok(())
}

fn read_capacity(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Some((read, _, _)) = provisioned(spec) {
        f.check(at_least_one(read));
    }
}

fn write_capacity(spec: &PipelineSpec, f: &mut Field<'_>) {
    let Some((_, write, scaling)) = provisioned(spec) else {
        return;
    };
    f.check(at_least_one(write).and_then(|()| match scaling {
        Some(s)
            if s.min_capacity <= s.max_capacity
                && !(s.min_capacity..=s.max_capacity).contains(&write) =>
        {
            Err(format!(
                "must be within auto scaling's range, {} to {} (it is {write})",
                s.min_capacity, s.max_capacity
            ))
        }
        _ => Ok(()),
    }));
}

fn min_capacity(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Some((_, _, Some(s))) = provisioned(spec) {
        f.check(at_least_one(s.min_capacity));
    }
}

fn max_capacity(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Some((_, _, Some(s))) = provisioned(spec) {
        if s.max_capacity < s.min_capacity {
            f.fail(format!(
                "must be at least the minimum capacity, {} (it is {})",
                s.min_capacity, s.max_capacity
            ));
        }
    }
}

fn target_utilization(spec: &PipelineSpec, f: &mut Field<'_>) {
    if let Some((_, _, Some(s))) = provisioned(spec) {
        f.check(check::range(s.target_utilization, 20, 90, " percent"));
    }
}

fn ttl_attribute(spec: &PipelineSpec, f: &mut Field<'_>) {
    with_table(spec, f, |t| {
        let Some(ttl) = &t.ttl_attribute else {
            return Ok(());
        };
        check::bytes(ttl, 1, 255)?;
        check::no_outer_spaces(ttl)?;
        if is_key(t, ttl) {
            return Err(format!(
                "must not be a key attribute ({ttl:?}): the bridge adds it to each item, and a \
                 key belongs to the record"
            ));
        }
        Ok(())
    });
}

/// Whether `name` is one of the table's key attributes.
pub(super) fn is_key(table: &TableSpec, name: &str) -> bool {
    table.partition_key.name == name || table.sort_key.as_ref().is_some_and(|k| k.name == name)
}
