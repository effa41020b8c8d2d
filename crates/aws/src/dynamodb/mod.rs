//! Amazon DynamoDB (awsJson 1.0, target `DynamoDB_20120810`): the table and item operations the
//! console, the CLI and the bridge use. Inputs and outputs follow botocore's `dynamodb/2012-08-10`
//! model by member name; limits come from the model and the DynamoDB developer guide.

mod items;
mod reads;
mod settings;
mod tables;
mod types;

#[cfg(test)]
mod tests;

pub use items::{
    BatchWriteItem, BatchWriteItemOutput, DeleteItem, DeleteItemOutput, GetItem, GetItemOutput,
    PutItem, PutItemOutput,
};
pub use reads::{Query, QueryOutput, Scan, ScanOutput};
pub use settings::{
    ContinuousBackupsDescription, ContinuousBackupsOutput, DescribeContinuousBackups,
    DescribeTimeToLive, DescribeTimeToLiveOutput, ListTagsOfResource, ListTagsOfResourceOutput,
    PointInTimeRecoveryDescription, PointInTimeRecoverySpecification, TimeToLiveDescription,
    TimeToLiveStatus, UpdateContinuousBackups,
};
pub use tables::{
    CreateTable, CreateTableOutput, DeleteTable, DeleteTableOutput, DescribeTable,
    DescribeTableOutput, ListTables, ListTablesOutput, UpdateTimeToLive, UpdateTimeToLiveOutput,
};
pub use types::{
    AttributeDefinition, AttributeValue, BillingMode, BillingModeSummary, ConsumedCapacity,
    DeleteRequest, GlobalSecondaryIndexDescription, Item, KeySchemaElement, KeyType,
    LocalSecondaryIndexDescription, ProvisionedThroughput, ProvisionedThroughputDescription,
    PutRequest, ReturnConsumedCapacity, ReturnValue, ScalarAttributeType, Select, TableDescription,
    TableStatus, Tag, TimeToLiveSpecification, WriteRequest,
};

pub(crate) use types::lenient_epoch;

use std::collections::BTreeMap;

use crate::{validate, Error};

/// An item is at most 400 KB, attribute names included.
pub const MAX_ITEM_BYTES: usize = 400 * 1024;
/// BatchWriteItem takes at most 25 put or delete requests.
pub const MAX_BATCH_WRITES: usize = 25;

/// A table name (3-255 of `[a-zA-Z0-9_.-]`) or a table ARN (up to 1024 characters).
pub(crate) fn check_table(field: &str, value: &str) -> Result<(), Error> {
    if value.starts_with("arn:") {
        validate::length(field, value, 1, 1024)?;
        return validate::arn(field, value);
    }
    validate::length(field, value, 3, 255)?;
    validate::chars(field, value, "letters, digits, _ - .", validate::name_chars)
}

/// An index name: 3-255 of `[a-zA-Z0-9_.-]`.
pub(crate) fn check_index(field: &str, value: &str) -> Result<(), Error> {
    validate::length(field, value, 3, 255)?;
    validate::chars(field, value, "letters, digits, _ - .", validate::name_chars)
}

/// Every attribute of an item or key: a name, a well-formed value; the whole at most 400 KB.
pub(crate) fn check_item(field: &str, item: &Item, is_key: bool) -> Result<(), Error> {
    if item.is_empty() {
        return Err(Error::invalid(field, "is required (no attributes given)"));
    }
    if is_key && item.len() > 2 {
        return Err(Error::invalid(
            field,
            format!(
                "a key has a partition and at most a sort attribute (it has {})",
                item.len()
            ),
        ));
    }
    for (name, value) in item {
        if name.is_empty() {
            return Err(Error::invalid(field, "attribute names cannot be empty"));
        }
        check_value(&format!("{field}.{name}"), value)?;
    }
    let size = item_size(item);
    if size > MAX_ITEM_BYTES {
        return Err(Error::invalid(
            field,
            format!("must be at most 400 KB (it is about {size} bytes)"),
        ));
    }
    Ok(())
}

fn check_value(field: &str, value: &AttributeValue) -> Result<(), Error> {
    match value {
        AttributeValue::N(n) => check_number(field, n),
        AttributeValue::Ns(ns) => {
            check_set(field, ns)?;
            ns.iter().try_for_each(|n| check_number(field, n))
        }
        AttributeValue::Ss(ss) => check_set(field, ss),
        AttributeValue::Bs(bs) => check_set(field, bs),
        AttributeValue::Null(false) => Err(Error::invalid(field, "NULL must be true")),
        AttributeValue::L(list) => list
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| check_value(&format!("{field}[{i}]"), v)),
        AttributeValue::M(map) => map
            .iter()
            .try_for_each(|(k, v)| check_value(&format!("{field}.{k}"), v)),
        _ => Ok(()),
    }
}

/// Sets are non-empty and hold no duplicates.
fn check_set<T: Ord>(field: &str, set: &[T]) -> Result<(), Error> {
    if set.is_empty() {
        return Err(Error::invalid(field, "a set cannot be empty"));
    }
    let mut sorted: Vec<&T> = set.iter().collect();
    sorted.sort();
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return Err(Error::invalid(field, "a set cannot hold duplicates"));
    }
    Ok(())
}

/// Decimal text as DynamoDB takes it: optional sign, digits with an optional point, an optional
/// exponent, at most 38 significant digits.
pub(crate) fn check_number(field: &str, text: &str) -> Result<(), Error> {
    let bad = || Error::invalid(field, format!("{text:?} is not a number"));
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
    }
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{int}{frac}");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    if significant_digits(text) > 38 {
        return Err(Error::invalid(
            field,
            format!("{text:?} has more than 38 significant digits"),
        ));
    }
    Ok(())
}

/// The digits of a number's mantissa without leading and trailing zeros (`"001.200e5"` has 2).
pub fn significant_digits(text: &str) -> usize {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mantissa = body.split(['e', 'E']).next().unwrap_or(body);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// An item's size as DynamoDB counts it against the 400 KB limit, from the DynamoDB developer
/// guide's "DynamoDB item sizes and formats": names and strings in UTF-8 bytes; numbers one byte
/// per two significant digits (leading and trailing zeros trimmed, exponent not counted) plus
/// one; binaries in bytes; one byte for booleans and nulls; lists and maps three bytes of
/// overhead plus one byte per element (a map's element names counted).
pub fn item_size(item: &Item) -> usize {
    item.iter().map(|(k, v)| k.len() + value_size(v)).sum()
}

fn value_size(value: &AttributeValue) -> usize {
    let number = |n: &str| significant_digits(n).div_ceil(2) + 1;
    match value {
        AttributeValue::S(s) => s.len(),
        AttributeValue::N(n) => number(n),
        AttributeValue::B(b) => b.len(),
        AttributeValue::Bool(_) | AttributeValue::Null(_) => 1,
        AttributeValue::Ss(ss) => ss.iter().map(String::len).sum(),
        AttributeValue::Ns(ns) => ns.iter().map(|n| number(n)).sum(),
        AttributeValue::Bs(bs) => bs.iter().map(Vec::len).sum(),
        AttributeValue::L(l) => 3 + l.iter().map(|v| 1 + value_size(v)).sum::<usize>(),
        AttributeValue::M(m) => {
            3 + m
                .iter()
                .map(|(k, v)| 1 + k.len() + value_size(v))
                .sum::<usize>()
        }
    }
}

/// `#name` placeholders for ExpressionAttributeNames, `:value` ones for ExpressionAttributeValues.
pub(crate) fn check_expression_maps(
    names: &BTreeMap<String, String>,
    values: &Item,
) -> Result<(), Error> {
    if let Some(bad) = names.keys().find(|k| !k.starts_with('#') || k.len() < 2) {
        return Err(Error::invalid(
            "ExpressionAttributeNames",
            format!("placeholders start with # ({bad:?} does not)"),
        ));
    }
    if let Some(bad) = values.keys().find(|k| !k.starts_with(':') || k.len() < 2) {
        return Err(Error::invalid(
            "ExpressionAttributeValues",
            format!("placeholders start with : ({bad:?} does not)"),
        ));
    }
    values
        .iter()
        .try_for_each(|(k, v)| check_value(&format!("ExpressionAttributeValues.{k}"), v))
}

pub(crate) use crate::protocol::json::json_operation;
