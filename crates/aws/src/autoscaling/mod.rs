//! Application Auto Scaling (awsJson 1.1, target `AnyScaleFrontendService`): auto scaling for a
//! PROVISIONED DynamoDB table is a scalable target per capacity dimension plus a target-tracking
//! policy on it. Shapes follow botocore's `application-autoscaling/2016-02-06` model.

mod targets;

pub use targets::{DeregisterScalableTarget, DeregisterScalableTargetOutput};

use serde::{Deserialize, Serialize};

use crate::protocol::json::json_operation;
use crate::{validate, Error, Service};

/// The model's ServiceNamespace values.
pub const SERVICE_NAMESPACES: &[&str] = &[
    "ecs",
    "elasticmapreduce",
    "ec2",
    "appstream",
    "dynamodb",
    "rds",
    "sagemaker",
    "custom-resource",
    "comprehend",
    "lambda",
    "cassandra",
    "kafka",
    "elasticache",
    "neptune",
    "workspaces",
];

/// The DynamoDB scalable dimensions (the model lists more for other services).
pub const DYNAMODB_TABLE_READ: &str = "dynamodb:table:ReadCapacityUnits";
pub const DYNAMODB_TABLE_WRITE: &str = "dynamodb:table:WriteCapacityUnits";
pub const DYNAMODB_INDEX_READ: &str = "dynamodb:index:ReadCapacityUnits";
pub const DYNAMODB_INDEX_WRITE: &str = "dynamodb:index:WriteCapacityUnits";

/// The predefined DynamoDB metrics.
pub const DYNAMODB_READ_UTILIZATION: &str = "DynamoDBReadCapacityUtilization";
pub const DYNAMODB_WRITE_UTILIZATION: &str = "DynamoDBWriteCapacityUtilization";

/// `service:resource:property`, as the model's ScalableDimension values are.
fn check_dimension(field: &str, value: &str) -> Result<(), Error> {
    let parts: Vec<&str> = value.split(':').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(Error::invalid(
            field,
            format!("{value:?} is not a scalable dimension (like {DYNAMODB_TABLE_WRITE})"),
        ));
    }
    Ok(())
}

fn check_target(namespace: &str, resource_id: &str, dimension: &str) -> Result<(), Error> {
    validate::one_of("ServiceNamespace", namespace, SERVICE_NAMESPACES)?;
    validate::length("ResourceId", resource_id, 1, 1600)?;
    check_dimension("ScalableDimension", dimension)?;
    if !dimension.starts_with(&format!("{namespace}:")) {
        return Err(Error::invalid(
            "ScalableDimension",
            format!("{dimension:?} does not belong to namespace {namespace:?}"),
        ));
    }
    if namespace == "dynamodb" && !(resource_id.starts_with("table/")) {
        return Err(Error::invalid(
            "ResourceId",
            "a DynamoDB resource is table/<name> or table/<name>/index/<index>",
        ));
    }
    Ok(())
}

/// The resource id of a DynamoDB table: `table/<name>`.
pub fn dynamodb_table_resource(table_name: &str) -> String {
    format!("table/{table_name}")
}

/// Registers (or updates) a resource's capacity as scalable between two bounds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegisterScalableTarget {
    pub service_namespace: String,
    /// `table/<name>` for a DynamoDB table.
    pub resource_id: String,
    pub scalable_dimension: String,
    /// Needed when registering a new target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_capacity: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_capacity: Option<i32>,
    /// Usually absent: the service-linked role is used.
    #[serde(rename = "RoleARN", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

impl RegisterScalableTarget {
    /// A DynamoDB table dimension ([`DYNAMODB_TABLE_READ`] or [`DYNAMODB_TABLE_WRITE`]) scaled
    /// between `min` and `max` capacity units.
    pub fn dynamodb_table(table_name: &str, dimension: &str, min: i32, max: i32) -> Self {
        Self {
            service_namespace: "dynamodb".into(),
            resource_id: dynamodb_table_resource(table_name),
            scalable_dimension: dimension.into(),
            min_capacity: Some(min),
            max_capacity: Some(max),
            role_arn: None,
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_target(
            &self.service_namespace,
            &self.resource_id,
            &self.scalable_dimension,
        )?;
        if let Some(min) = self.min_capacity {
            validate::range("MinCapacity", min, 0, i32::MAX)?;
        }
        if let (Some(min), Some(max)) = (self.min_capacity, self.max_capacity) {
            if max < min {
                return Err(Error::invalid(
                    "MaxCapacity",
                    format!("must be at least MinCapacity ({max} < {min})"),
                ));
            }
            if self.service_namespace == "dynamodb" && min < 1 {
                return Err(Error::invalid(
                    "MinCapacity",
                    "must be at least 1 for DynamoDB",
                ));
            }
        }
        if let Some(role) = &self.role_arn {
            validate::length("RoleARN", role, 1, 1600)?;
            validate::arn("RoleARN", role)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RegisterScalableTargetOutput {
    #[serde(rename = "ScalableTargetARN")]
    pub scalable_target_arn: Option<String>,
}

json_operation!(
    RegisterScalableTarget,
    RegisterScalableTargetOutput,
    Service::ApplicationAutoScaling,
    "RegisterScalableTarget"
);

/// A predefined metric to track, e.g. [`DYNAMODB_WRITE_UTILIZATION`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PredefinedMetricSpecification {
    pub predefined_metric_type: String,
    /// Only for ALB request counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_label: Option<String>,
}

/// Keep a metric near `target_value` (a percentage for utilization metrics).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TargetTrackingScalingPolicyConfiguration {
    pub target_value: f64,
    pub predefined_metric_specification: PredefinedMetricSpecification,
    /// Seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_out_cooldown: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_in_cooldown: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_scale_in: Option<bool>,
}

/// Creates or updates a scaling policy on a registered target. Only target tracking is offered
/// here (the only policy type DynamoDB supports).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutScalingPolicy {
    pub policy_name: String,
    pub service_namespace: String,
    pub resource_id: String,
    pub scalable_dimension: String,
    /// `TargetTrackingScaling`.
    pub policy_type: String,
    pub target_tracking_scaling_policy_configuration: TargetTrackingScalingPolicyConfiguration,
}

impl PutScalingPolicy {
    /// Target tracking of a DynamoDB table's utilization: `dimension` is [`DYNAMODB_TABLE_READ`]
    /// or [`DYNAMODB_TABLE_WRITE`], and the metric is chosen to match; `target_percent` 20-90.
    pub fn dynamodb_target_tracking(
        policy_name: impl Into<String>,
        table_name: &str,
        dimension: &str,
        target_percent: f64,
    ) -> Self {
        let metric = if dimension.ends_with("ReadCapacityUnits") {
            DYNAMODB_READ_UTILIZATION
        } else {
            DYNAMODB_WRITE_UTILIZATION
        };
        Self {
            policy_name: policy_name.into(),
            service_namespace: "dynamodb".into(),
            resource_id: dynamodb_table_resource(table_name),
            scalable_dimension: dimension.into(),
            policy_type: "TargetTrackingScaling".into(),
            target_tracking_scaling_policy_configuration:
                TargetTrackingScalingPolicyConfiguration {
                    target_value: target_percent,
                    predefined_metric_specification: PredefinedMetricSpecification {
                        predefined_metric_type: metric.into(),
                        resource_label: None,
                    },
                    scale_out_cooldown: None,
                    scale_in_cooldown: None,
                    disable_scale_in: None,
                },
        }
    }

    fn check(&self) -> Result<(), Error> {
        validate::length("PolicyName", &self.policy_name, 1, 256)?;
        validate::chars(
            "PolicyName",
            &self.policy_name,
            "printable characters",
            |c| !c.is_control(),
        )?;
        check_target(
            &self.service_namespace,
            &self.resource_id,
            &self.scalable_dimension,
        )?;
        validate::one_of("PolicyType", &self.policy_type, &["TargetTrackingScaling"])?;
        let c = &self.target_tracking_scaling_policy_configuration;
        let metric = &c.predefined_metric_specification.predefined_metric_type;
        validate::length(
            "PredefinedMetricSpecification.PredefinedMetricType",
            metric,
            1,
            255,
        )?;
        if self.service_namespace == "dynamodb" {
            validate::one_of(
                "PredefinedMetricSpecification.PredefinedMetricType",
                metric,
                &[DYNAMODB_READ_UTILIZATION, DYNAMODB_WRITE_UTILIZATION],
            )?;
            // DynamoDB auto scaling takes a target utilization of 20 to 90 percent.
            validate::range("TargetValue", c.target_value, 20.0, 90.0)?;
        } else if !c.target_value.is_finite() || c.target_value <= 0.0 {
            return Err(Error::invalid("TargetValue", "must be a positive number"));
        }
        validate::opt_length(
            "PredefinedMetricSpecification.ResourceLabel",
            c.predefined_metric_specification.resource_label.as_deref(),
            1,
            1023,
        )?;
        for (field, v) in [
            ("ScaleOutCooldown", c.scale_out_cooldown),
            ("ScaleInCooldown", c.scale_in_cooldown),
        ] {
            if let Some(v) = v {
                validate::range(field, v, 0, i32::MAX)?;
            }
        }
        Ok(())
    }
}

/// A CloudWatch alarm the policy created.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Alarm {
    pub alarm_name: String,
    #[serde(rename = "AlarmARN")]
    pub alarm_arn: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutScalingPolicyOutput {
    #[serde(rename = "PolicyARN")]
    pub policy_arn: String,
    pub alarms: Vec<Alarm>,
}

json_operation!(
    PutScalingPolicy,
    PutScalingPolicyOutput,
    Service::ApplicationAutoScaling,
    "PutScalingPolicy"
);

#[cfg(test)]
mod tests;
