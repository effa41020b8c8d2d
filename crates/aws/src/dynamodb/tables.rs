//! Table operations: ListTables, CreateTable, DescribeTable, DeleteTable, UpdateTimeToLive.

use serde::{Deserialize, Serialize};

use super::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ProvisionedThroughput,
    TableDescription, Tag, TimeToLiveSpecification,
};
use super::{check_table, json_operation};
use crate::{validate, Error, Service};

/// Lists table names, up to `limit` (1-100) a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTables {
    /// The previous page's `LastEvaluatedTableName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_table_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListTablesOutput {
    pub table_names: Vec<String>,
    /// Present when there are more tables: start the next page after it.
    pub last_evaluated_table_name: Option<String>,
}

impl ListTables {
    fn check(&self) -> Result<(), Error> {
        if let Some(start) = &self.exclusive_start_table_name {
            check_table("ExclusiveStartTableName", start)?;
        }
        if let Some(limit) = self.limit {
            validate::range("Limit", limit, 1, 100)?;
        }
        Ok(())
    }
}

json_operation!(
    ListTables,
    ListTablesOutput,
    Service::DynamoDb,
    "ListTables"
);

/// Creates a table with a partition key and an optional sort key (no secondary indexes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateTable {
    pub table_name: String,
    /// Exactly the key attributes, each with its type.
    pub attribute_definitions: Vec<AttributeDefinition>,
    /// The HASH element first, then an optional RANGE element.
    pub key_schema: Vec<KeySchemaElement>,
    /// PROVISIONED when absent (AWS's default), which needs `provisioned_throughput`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode: Option<BillingMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_protection_enabled: Option<bool>,
}

impl CreateTable {
    /// An on-demand (PAY_PER_REQUEST) table keyed by `partition`, and `sort` if given.
    pub fn new(
        table_name: impl Into<String>,
        partition: AttributeDefinition,
        sort: Option<AttributeDefinition>,
    ) -> Self {
        let mut key_schema = vec![KeySchemaElement::hash(partition.attribute_name.clone())];
        let mut attribute_definitions = vec![partition];
        if let Some(sort) = sort {
            key_schema.push(KeySchemaElement::range(sort.attribute_name.clone()));
            attribute_definitions.push(sort);
        }
        Self {
            table_name: table_name.into(),
            attribute_definitions,
            key_schema,
            billing_mode: Some(BillingMode::PayPerRequest),
            provisioned_throughput: None,
            tags: Vec::new(),
            deletion_protection_enabled: None,
        }
    }

    /// Switches to PROVISIONED billing with these capacity units.
    #[must_use]
    pub fn provisioned(mut self, read_capacity_units: i64, write_capacity_units: i64) -> Self {
        self.billing_mode = Some(BillingMode::Provisioned);
        self.provisioned_throughput = Some(ProvisionedThroughput {
            read_capacity_units,
            write_capacity_units,
        });
        self
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        validate::count("KeySchema", &self.key_schema, 1, 2)?;
        if self.key_schema[0].key_type != KeyType::Hash {
            return Err(Error::invalid(
                "KeySchema",
                "the first element must be the HASH key",
            ));
        }
        if self
            .key_schema
            .get(1)
            .is_some_and(|e| e.key_type != KeyType::Range)
        {
            return Err(Error::invalid(
                "KeySchema",
                "the second element must be the RANGE key",
            ));
        }
        for e in &self.key_schema {
            validate::length("KeySchema.AttributeName", &e.attribute_name, 1, 255)?;
        }
        if self.key_schema.len() == 2
            && self.key_schema[0].attribute_name == self.key_schema[1].attribute_name
        {
            return Err(Error::invalid(
                "KeySchema",
                "the HASH and RANGE keys must differ",
            ));
        }
        for d in &self.attribute_definitions {
            validate::length(
                "AttributeDefinitions.AttributeName",
                &d.attribute_name,
                1,
                255,
            )?;
            if !self
                .key_schema
                .iter()
                .any(|e| e.attribute_name == d.attribute_name)
            {
                return Err(Error::invalid(
                    "AttributeDefinitions",
                    format!(
                        "{:?} is not a key attribute (define only key attributes)",
                        d.attribute_name
                    ),
                ));
            }
        }
        for e in &self.key_schema {
            let defined = self
                .attribute_definitions
                .iter()
                .filter(|d| d.attribute_name == e.attribute_name)
                .count();
            if defined != 1 {
                return Err(Error::invalid(
                    "AttributeDefinitions",
                    format!(
                        "must define key attribute {:?} exactly once",
                        e.attribute_name
                    ),
                ));
            }
        }
        match (
            self.billing_mode.unwrap_or(BillingMode::Provisioned),
            &self.provisioned_throughput,
        ) {
            (BillingMode::Provisioned, None) => {
                return Err(Error::invalid(
                    "ProvisionedThroughput",
                    "is required when BillingMode is PROVISIONED",
                ))
            }
            (BillingMode::PayPerRequest, Some(_)) => {
                return Err(Error::invalid(
                    "ProvisionedThroughput",
                    "must be absent when BillingMode is PAY_PER_REQUEST",
                ))
            }
            (_, Some(p)) => {
                validate::range(
                    "ProvisionedThroughput.ReadCapacityUnits",
                    p.read_capacity_units,
                    1,
                    i64::MAX,
                )?;
                validate::range(
                    "ProvisionedThroughput.WriteCapacityUnits",
                    p.write_capacity_units,
                    1,
                    i64::MAX,
                )?;
            }
            _ => {}
        }
        validate::count("Tags", &self.tags, 0, 50)?;
        for t in &self.tags {
            validate::length("Tags.Key", &t.key, 1, 128)?;
            validate::length("Tags.Value", &t.value, 0, 256)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CreateTableOutput {
    pub table_description: Option<TableDescription>,
}

json_operation!(
    CreateTable,
    CreateTableOutput,
    Service::DynamoDb,
    "CreateTable"
);

/// Describes a table: status, key schema, item count, ARN...
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTable {
    /// A name or an ARN.
    pub table_name: String,
}

impl DescribeTable {
    pub fn new(table_name: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeTableOutput {
    pub table: Option<TableDescription>,
}

json_operation!(
    DescribeTable,
    DescribeTableOutput,
    Service::DynamoDb,
    "DescribeTable"
);

/// Deletes a table and all its items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteTable {
    /// A name or an ARN.
    pub table_name: String,
}

impl DeleteTable {
    pub fn new(table_name: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DeleteTableOutput {
    pub table_description: Option<TableDescription>,
}

json_operation!(
    DeleteTable,
    DeleteTableOutput,
    Service::DynamoDb,
    "DeleteTable"
);

/// Turns time to live on (or off) for a table's expiry attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateTimeToLive {
    pub table_name: String,
    pub time_to_live_specification: TimeToLiveSpecification,
}

impl UpdateTimeToLive {
    /// Enables TTL on `attribute` (epoch seconds).
    pub fn enable(table_name: impl Into<String>, attribute: impl Into<String>) -> Self {
        Self {
            table_name: table_name.into(),
            time_to_live_specification: TimeToLiveSpecification {
                enabled: true,
                attribute_name: attribute.into(),
            },
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_table("TableName", &self.table_name)?;
        validate::length(
            "TimeToLiveSpecification.AttributeName",
            &self.time_to_live_specification.attribute_name,
            1,
            255,
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct UpdateTimeToLiveOutput {
    pub time_to_live_specification: Option<TimeToLiveSpecification>,
}

json_operation!(
    UpdateTimeToLive,
    UpdateTimeToLiveOutput,
    Service::DynamoDb,
    "UpdateTimeToLive"
);
