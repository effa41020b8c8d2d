//! Reads of many items: Query (one partition) and Scan (the whole table), both paged.
//!
//! A page holds at most `Limit` evaluated items and at most 1 MB; when more remain the output
//! carries `LastEvaluatedKey`, and the next page starts there ([`Query::next_page`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::types::{ConsumedCapacity, Item, ReturnConsumedCapacity, Select};
use super::{check_expression_maps, check_index, check_item, check_table, json_operation};
use crate::{validate, Error, Service};

/// Items of one partition, in sort key order, matching a key condition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Query {
    pub table_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// E.g. `pk = :pk AND begins_with(sk, :prefix)`.
    pub key_condition_expression: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_names: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_values: Item,
    /// The previous page's `LastEvaluatedKey`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_key: Option<Item>,
    /// Items evaluated per page, at least 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// `false` reads in descending sort key order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_index_forward: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Select>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl Query {
    /// A query of `table` by a key condition and its `:value` placeholders.
    pub fn new(
        table_name: impl Into<String>,
        key_condition_expression: impl Into<String>,
        expression_attribute_values: Item,
    ) -> Self {
        Self {
            table_name: table_name.into(),
            key_condition_expression: key_condition_expression.into(),
            expression_attribute_values,
            ..Self::default()
        }
    }

    /// The query for the page after `previous`, or `None` when it was the last one.
    pub fn next_page(&self, previous: &QueryOutput) -> Option<Self> {
        previous.last_evaluated_key.as_ref().map(|key| Self {
            exclusive_start_key: Some(key.clone()),
            ..self.clone()
        })
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        if let Some(index) = &self.index_name {
            check_index("IndexName", index)?;
        }
        if self.key_condition_expression.trim().is_empty() {
            return Err(Error::invalid("KeyConditionExpression", "is required"));
        }
        check_page(self.limit, self.exclusive_start_key.as_ref())?;
        check_expression_maps(
            &self.expression_attribute_names,
            &self.expression_attribute_values,
        )
    }
}

/// One page of a Query.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct QueryOutput {
    pub items: Vec<Item>,
    /// Items returned (after the filter).
    pub count: i64,
    /// Items evaluated (before the filter).
    pub scanned_count: i64,
    /// Present when more pages remain.
    pub last_evaluated_key: Option<Item>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

json_operation!(Query, QueryOutput, Service::DynamoDb, "Query");

/// Every item of a table (or index), optionally filtered, optionally one parallel segment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Scan {
    pub table_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_names: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_values: Item,
    /// The previous page's `LastEvaluatedKey`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_key: Option<Item>,
    /// Items evaluated per page, at least 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Select>,
    /// Parallel scan: this worker's segment, 0 to TotalSegments - 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<u32>,
    /// Parallel scan: the number of workers, 1 to 1,000,000.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_segments: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl Scan {
    pub fn new(table_name: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
            ..Self::default()
        }
    }

    /// The scan for the page after `previous`, or `None` when it was the last one.
    pub fn next_page(&self, previous: &ScanOutput) -> Option<Self> {
        previous.last_evaluated_key.as_ref().map(|key| Self {
            exclusive_start_key: Some(key.clone()),
            ..self.clone()
        })
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        if let Some(index) = &self.index_name {
            check_index("IndexName", index)?;
        }
        check_page(self.limit, self.exclusive_start_key.as_ref())?;
        match (self.segment, self.total_segments) {
            (None, None) => {}
            (Some(segment), Some(total)) => {
                validate::range("TotalSegments", total, 1, 1_000_000)?;
                validate::range("Segment", segment, 0, total - 1)?;
            }
            _ => {
                return Err(Error::invalid(
                    "Segment",
                    "Segment and TotalSegments go together",
                ))
            }
        }
        check_expression_maps(
            &self.expression_attribute_names,
            &self.expression_attribute_values,
        )
    }
}

/// One page of a Scan.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ScanOutput {
    pub items: Vec<Item>,
    pub count: i64,
    pub scanned_count: i64,
    /// Present when more pages remain.
    pub last_evaluated_key: Option<Item>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

json_operation!(Scan, ScanOutput, Service::DynamoDb, "Scan");

fn check_page(limit: Option<u32>, start: Option<&Item>) -> Result<(), Error> {
    if let Some(limit) = limit {
        validate::range("Limit", limit, 1, i32::MAX as u32)?;
    }
    if let Some(start) = start {
        check_item("ExclusiveStartKey", start, false)?;
    }
    Ok(())
}
