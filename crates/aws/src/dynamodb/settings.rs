//! A table's settings beside its key schema: time to live (read back), point-in-time recovery
//! (UpdateContinuousBackups, DescribeContinuousBackups) and its tags (ListTagsOfResource), which
//! the pipeline engine reads to adopt a table and to know whether it made it.

use serde::{Deserialize, Serialize};

use super::types::Tag;
use super::{check_table, json_operation};
use crate::{validate, Error, Service};

/// Reads whether time to live is on, and for which attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTimeToLive {
    pub table_name: String,
}

impl DescribeTimeToLive {
    pub fn new(table_name: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)
    }
}

/// `ENABLING`, `DISABLING`, `ENABLED` or `DISABLED`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeToLiveStatus {
    Enabling,
    Disabling,
    Enabled,
    Disabled,
    #[serde(other)]
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TimeToLiveDescription {
    pub time_to_live_status: Option<TimeToLiveStatus>,
    pub attribute_name: Option<String>,
}

impl TimeToLiveDescription {
    /// The attribute TTL reads when it is on (or being turned on).
    pub fn enabled_attribute(&self) -> Option<&str> {
        match self.time_to_live_status {
            Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling) => {
                self.attribute_name.as_deref()
            }
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeTimeToLiveOutput {
    pub time_to_live_description: Option<TimeToLiveDescription>,
}

json_operation!(
    DescribeTimeToLive,
    DescribeTimeToLiveOutput,
    Service::DynamoDb,
    "DescribeTimeToLive"
);

/// Turns point-in-time recovery on or off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateContinuousBackups {
    pub table_name: String,
    pub point_in_time_recovery_specification: PointInTimeRecoverySpecification,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PointInTimeRecoverySpecification {
    pub point_in_time_recovery_enabled: bool,
    /// 1 to 35 days (35 when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_period_in_days: Option<u32>,
}

impl UpdateContinuousBackups {
    /// Point-in-time recovery on (`true`) or off, with the default 35-day period.
    pub fn point_in_time_recovery(table_name: impl Into<String>, enabled: bool) -> Self {
        Self {
            table_name: table_name.into(),
            point_in_time_recovery_specification: PointInTimeRecoverySpecification {
                point_in_time_recovery_enabled: enabled,
                recovery_period_in_days: None,
            },
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        if let Some(days) = self
            .point_in_time_recovery_specification
            .recovery_period_in_days
        {
            validate::range(
                "PointInTimeRecoverySpecification.RecoveryPeriodInDays",
                days,
                1,
                35,
            )?;
        }
        Ok(())
    }
}

/// What UpdateContinuousBackups and DescribeContinuousBackups answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ContinuousBackupsOutput {
    pub continuous_backups_description: Option<ContinuousBackupsDescription>,
}

impl ContinuousBackupsOutput {
    /// Is point-in-time recovery on?
    pub fn point_in_time_recovery_enabled(&self) -> bool {
        self.continuous_backups_description
            .as_ref()
            .and_then(|d| d.point_in_time_recovery_description.as_ref())
            .and_then(|p| p.point_in_time_recovery_status.as_deref())
            == Some("ENABLED")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ContinuousBackupsDescription {
    /// `ENABLED` or `DISABLED`.
    pub continuous_backups_status: Option<String>,
    pub point_in_time_recovery_description: Option<PointInTimeRecoveryDescription>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PointInTimeRecoveryDescription {
    /// `ENABLED` or `DISABLED`.
    pub point_in_time_recovery_status: Option<String>,
    pub recovery_period_in_days: Option<u32>,
}

json_operation!(
    UpdateContinuousBackups,
    ContinuousBackupsOutput,
    Service::DynamoDb,
    "UpdateContinuousBackups"
);

/// Reads a table's backup settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeContinuousBackups {
    pub table_name: String,
}

impl DescribeContinuousBackups {
    pub fn new(table_name: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)
    }
}

json_operation!(
    DescribeContinuousBackups,
    ContinuousBackupsOutput,
    Service::DynamoDb,
    "DescribeContinuousBackups"
);

/// A table's tags, a page at a time (`ResourceArn` is the table's ARN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsOfResource {
    pub resource_arn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl ListTagsOfResource {
    pub fn new(resource_arn: impl Into<String>) -> Self {
        Self {
            resource_arn: resource_arn.into(),
            next_token: None,
        }
    }

    fn check(&self) -> Result<(), Error> {
        validate::length("ResourceArn", &self.resource_arn, 1, 1283)?;
        validate::arn("ResourceArn", &self.resource_arn)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListTagsOfResourceOutput {
    pub tags: Vec<Tag>,
    pub next_token: Option<String>,
}

json_operation!(
    ListTagsOfResource,
    ListTagsOfResourceOutput,
    Service::DynamoDb,
    "ListTagsOfResource"
);

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{ok, sent};
    use super::*;
    use crate::Operation;

    // The request and response examples of the DynamoDB API reference for each operation.
    #[test]
    fn point_in_time_recovery_round_trip() {
        let op = UpdateContinuousBackups::point_in_time_recovery("Music", true);
        let (target, body) = sent(&op);
        assert_eq!(target, "DynamoDB_20120810.UpdateContinuousBackups");
        assert_eq!(
            body,
            json!({"TableName": "Music", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}})
        );
        let out = op
            .parse(ok(json!({"ContinuousBackupsDescription": {
                "ContinuousBackupsStatus": "ENABLED",
                "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "ENABLED",
                    "EarliestRestorableDateTime": 1.5e9, "LatestRestorableDateTime": 1.5e9}}})))
            .expect("decodes");
        assert!(out.point_in_time_recovery_enabled());
        let (target, body) = sent(&DescribeContinuousBackups::new("Music"));
        assert_eq!(target, "DynamoDB_20120810.DescribeContinuousBackups");
        assert_eq!(body, json!({"TableName": "Music"}));
        let off = DescribeContinuousBackups::new("Music")
            .parse(ok(
                json!({"ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED",
                "PointInTimeRecoveryDescription": {"PointInTimeRecoveryStatus": "DISABLED"}}}),
            ))
            .expect("decodes");
        assert!(!off.point_in_time_recovery_enabled());
        let mut bad = op;
        bad.point_in_time_recovery_specification
            .recovery_period_in_days = Some(36);
        assert_eq!(
            Operation::validate(&bad).expect_err("refused").to_string(),
            "PointInTimeRecoverySpecification.RecoveryPeriodInDays: must be from 1 to 35 (it is 36)"
        );
    }

    #[test]
    fn time_to_live_is_read_back() {
        let op = DescribeTimeToLive::new("Music");
        let (target, body) = sent(&op);
        assert_eq!(target, "DynamoDB_20120810.DescribeTimeToLive");
        assert_eq!(body, json!({"TableName": "Music"}));
        let out = op
            .parse(ok(json!({"TimeToLiveDescription": {"TimeToLiveStatus": "ENABLED", "AttributeName": "ExpiresAt"}})))
            .expect("decodes");
        let d = out.time_to_live_description.expect("description");
        assert_eq!(d.enabled_attribute(), Some("ExpiresAt"));
        let off = TimeToLiveDescription {
            time_to_live_status: Some(TimeToLiveStatus::Disabled),
            attribute_name: None,
        };
        assert_eq!(off.enabled_attribute(), None);
    }

    #[test]
    fn tags_are_listed_by_table_arn() {
        let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music";
        let (target, body) = sent(&ListTagsOfResource::new(arn));
        assert_eq!(target, "DynamoDB_20120810.ListTagsOfResource");
        assert_eq!(body, json!({"ResourceArn": arn}));
        let out = ListTagsOfResource::new(arn)
            .parse(ok(
                json!({"Tags": [{"Key": "hoseline:pipeline", "Value": "demo"}]}),
            ))
            .expect("decodes");
        assert_eq!(
            out.tags,
            vec![Tag {
                key: "hoseline:pipeline".into(),
                value: "demo".into()
            }]
        );
        assert_eq!(
            Operation::validate(&ListTagsOfResource::new("Music"))
                .expect_err("refused")
                .field(),
            Some("ResourceArn")
        );
    }
}
