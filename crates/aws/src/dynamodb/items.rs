//! Item operations: PutItem, GetItem, DeleteItem, BatchWriteItem.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::types::{ConsumedCapacity, Item, ReturnConsumedCapacity, ReturnValue, WriteRequest};
use super::{check_expression_maps, check_item, check_table, json_operation, MAX_BATCH_WRITES};
use crate::{validate, Error, Service};

/// Writes one item, replacing any item with the same key (unless the condition fails).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutItem {
    pub table_name: String,
    pub item: Item,
    /// E.g. `attribute_not_exists(pk)` to refuse overwriting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_names: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_values: Item,
    /// NONE or ALL_OLD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values: Option<ReturnValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl PutItem {
    pub fn new(table_name: impl Into<String>, item: Item) -> Self {
        Self {
            table_name: table_name.into(),
            item,
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        check_item("Item", &self.item, false)?;
        if let Some(rv) = self.return_values {
            if !matches!(rv, ReturnValue::None | ReturnValue::AllOld) {
                return Err(Error::invalid(
                    "ReturnValues",
                    "must be NONE or ALL_OLD for PutItem",
                ));
            }
        }
        check_expression_maps(
            &self.expression_attribute_names,
            &self.expression_attribute_values,
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutItemOutput {
    /// The old item, when ReturnValues was ALL_OLD and one existed.
    pub attributes: Option<Item>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

json_operation!(PutItem, PutItemOutput, Service::DynamoDb, "PutItem");

/// Reads one item by its full primary key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetItem {
    pub table_name: String,
    pub key: Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_names: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl GetItem {
    pub fn new(table_name: impl Into<String>, key: Item) -> Self {
        Self {
            table_name: table_name.into(),
            key,
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        check_item("Key", &self.key, true)?;
        check_expression_maps(&self.expression_attribute_names, &Item::new())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GetItemOutput {
    /// Absent when no item has that key.
    pub item: Option<Item>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

json_operation!(GetItem, GetItemOutput, Service::DynamoDb, "GetItem");

/// Deletes one item by its full primary key (deleting a missing item succeeds).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteItem {
    pub table_name: String,
    pub key: Item,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_names: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expression_attribute_values: Item,
    /// NONE or ALL_OLD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values: Option<ReturnValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl DeleteItem {
    pub fn new(table_name: impl Into<String>, key: Item) -> Self {
        Self {
            table_name: table_name.into(),
            key,
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        check_item("Key", &self.key, true)?;
        if let Some(rv) = self.return_values {
            if !matches!(rv, ReturnValue::None | ReturnValue::AllOld) {
                return Err(Error::invalid(
                    "ReturnValues",
                    "must be NONE or ALL_OLD for DeleteItem",
                ));
            }
        }
        check_expression_maps(
            &self.expression_attribute_names,
            &self.expression_attribute_values,
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DeleteItemOutput {
    /// The deleted item, when ReturnValues was ALL_OLD.
    pub attributes: Option<Item>,
    pub consumed_capacity: Option<ConsumedCapacity>,
}

json_operation!(
    DeleteItem,
    DeleteItemOutput,
    Service::DynamoDb,
    "DeleteItem"
);

/// Up to 25 puts and deletes over one or more tables. Writes DynamoDB could not do now come back
/// in `UnprocessedItems`: send those again, with backoff.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchWriteItem {
    /// Table name (or ARN) to its writes.
    pub request_items: BTreeMap<String, Vec<WriteRequest>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

impl BatchWriteItem {
    /// Writes to one table.
    pub fn new(table_name: impl Into<String>, writes: Vec<WriteRequest>) -> Self {
        Self {
            request_items: BTreeMap::from([(table_name.into(), writes)]),
            return_consumed_capacity: None,
        }
    }

    /// The writes, all tables together.
    pub fn len(&self) -> usize {
        self.request_items.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<(), Error> {
        if self.request_items.is_empty() {
            return Err(Error::invalid(
                "RequestItems",
                "is required (no table given)",
            ));
        }
        let total = self.len();
        if total == 0 || total > MAX_BATCH_WRITES {
            return Err(Error::invalid(
                "RequestItems",
                format!("must hold 1 to {MAX_BATCH_WRITES} writes in all (it has {total})"),
            ));
        }
        for (table, writes) in &self.request_items {
            check_table("RequestItems", table)?;
            validate::count(
                &format!("RequestItems.{table}"),
                writes,
                1,
                MAX_BATCH_WRITES,
            )?;
            for (i, w) in writes.iter().enumerate() {
                match w {
                    WriteRequest::PutRequest(p) => check_item(
                        &format!("RequestItems.{table}[{i}].PutRequest.Item"),
                        &p.item,
                        false,
                    )?,
                    WriteRequest::DeleteRequest(d) => check_item(
                        &format!("RequestItems.{table}[{i}].DeleteRequest.Key"),
                        &d.key,
                        true,
                    )?,
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct BatchWriteItemOutput {
    /// The writes not done: send them again in a new BatchWriteItem.
    pub unprocessed_items: BTreeMap<String, Vec<WriteRequest>>,
    pub consumed_capacity: Vec<ConsumedCapacity>,
}

impl BatchWriteItemOutput {
    /// The retry of what was not processed, or `None` when everything was written.
    pub fn retry(&self) -> Option<BatchWriteItem> {
        let unprocessed: BTreeMap<_, _> = self
            .unprocessed_items
            .iter()
            .filter(|(_, w)| !w.is_empty())
            .map(|(t, w)| (t.clone(), w.clone()))
            .collect();
        (!unprocessed.is_empty()).then_some(BatchWriteItem {
            request_items: unprocessed,
            return_consumed_capacity: None,
        })
    }
}

json_operation!(
    BatchWriteItem,
    BatchWriteItemOutput,
    Service::DynamoDb,
    "BatchWriteItem"
);
