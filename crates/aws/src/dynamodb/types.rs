//! Shapes shared by the DynamoDB operations, named and encoded as in the service model.

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An item, a key, or a page's last evaluated key: attribute name to value.
pub type Item = BTreeMap<String, AttributeValue>;

/// One attribute value, encoded exactly as DynamoDB's JSON does: `{"S":"x"}`, `{"N":"1.50"}`,
/// `{"NULL":true}`, `{"B":"<base64>"}`, `{"L":[..]}`, `{"M":{..}}`, `{"SS":[..]}`...
///
/// Numbers stay the decimal text DynamoDB sent (up to 38 digits of precision), never a float.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttributeValue {
    /// Binary, base64 on the wire.
    #[serde(rename = "B", with = "base64_bytes")]
    B(Vec<u8>),
    #[serde(rename = "BOOL")]
    Bool(bool),
    /// A binary set, each member base64 on the wire.
    #[serde(rename = "BS", with = "base64_list")]
    Bs(Vec<Vec<u8>>),
    #[serde(rename = "L")]
    L(Vec<AttributeValue>),
    #[serde(rename = "M")]
    M(Item),
    /// A number as exact decimal text.
    #[serde(rename = "N")]
    N(String),
    #[serde(rename = "NS")]
    Ns(Vec<String>),
    /// Always `true` on the wire.
    #[serde(rename = "NULL")]
    Null(bool),
    #[serde(rename = "S")]
    S(String),
    #[serde(rename = "SS")]
    Ss(Vec<String>),
}

impl AttributeValue {
    /// A string value.
    pub fn s(value: impl Into<String>) -> Self {
        Self::S(value.into())
    }

    /// A number value from anything that prints as a decimal (`42`, `"1.50"`).
    pub fn n(value: impl ToString) -> Self {
        Self::N(value.to_string())
    }

    pub fn as_s(&self) -> Option<&str> {
        match self {
            Self::S(s) => Some(s),
            _ => None,
        }
    }

    /// The number's decimal text.
    pub fn as_n(&self) -> Option<&str> {
        match self {
            Self::N(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_m(&self) -> Option<&Item> {
        match self {
            Self::M(m) => Some(m),
            _ => None,
        }
    }

    /// The type descriptor DynamoDB uses for it (`S`, `N`, `NULL`...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::B(_) => "B",
            Self::Bool(_) => "BOOL",
            Self::Bs(_) => "BS",
            Self::L(_) => "L",
            Self::M(_) => "M",
            Self::N(_) => "N",
            Self::Ns(_) => "NS",
            Self::Null(_) => "NULL",
            Self::S(_) => "S",
            Self::Ss(_) => "SS",
        }
    }
}

mod base64_bytes {
    use super::*;

    pub(super) fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

mod base64_list {
    use super::*;

    pub(super) fn serialize<S: Serializer>(list: &[Vec<u8>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(list.iter().map(|b| STANDARD.encode(b)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<u8>>, D::Error> {
        Vec::<String>::deserialize(d)?
            .into_iter()
            .map(|t| STANDARD.decode(t).map_err(serde::de::Error::custom))
            .collect()
    }
}

/// Reads an epoch-seconds timestamp sent as a number (AWS) or as text (some emulators); any
/// other shape reads as absent rather than failing the whole response.
pub(crate) fn lenient_epoch<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// `HASH` (partition key) or `RANGE` (sort key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum KeyType {
    Hash,
    Range,
}

/// A key attribute's type: string, number or binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScalarAttributeType {
    S,
    N,
    B,
}

/// One element of a table's primary key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeySchemaElement {
    pub attribute_name: String,
    pub key_type: KeyType,
}

impl KeySchemaElement {
    /// The partition key.
    pub fn hash(name: impl Into<String>) -> Self {
        Self {
            attribute_name: name.into(),
            key_type: KeyType::Hash,
        }
    }

    /// The sort key.
    pub fn range(name: impl Into<String>) -> Self {
        Self {
            attribute_name: name.into(),
            key_type: KeyType::Range,
        }
    }
}

/// The type of a key attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttributeDefinition {
    pub attribute_name: String,
    pub attribute_type: ScalarAttributeType,
}

impl AttributeDefinition {
    pub fn new(name: impl Into<String>, attribute_type: ScalarAttributeType) -> Self {
        Self {
            attribute_name: name.into(),
            attribute_type,
        }
    }
}

/// How a table is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BillingMode {
    /// Capacity units set in advance (and possibly auto scaled).
    Provisioned,
    /// On demand.
    PayPerRequest,
}

/// Read and write capacity units for a PROVISIONED table (each at least 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisionedThroughput {
    pub read_capacity_units: i64,
    pub write_capacity_units: i64,
}

/// The capacity a table has now.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ProvisionedThroughputDescription {
    pub read_capacity_units: Option<i64>,
    pub write_capacity_units: Option<i64>,
    pub number_of_decreases_today: Option<i64>,
    #[serde(deserialize_with = "lenient_epoch")]
    pub last_increase_date_time: Option<f64>,
    #[serde(deserialize_with = "lenient_epoch")]
    pub last_decrease_date_time: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct BillingModeSummary {
    pub billing_mode: Option<BillingMode>,
}

/// A table's lifecycle state. New tables go CREATING -> ACTIVE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TableStatus {
    Creating,
    Updating,
    Deleting,
    Active,
    InaccessibleEncryptionCredentials,
    Archiving,
    Archived,
    ReplicationNotAuthorized,
    /// A status this crate does not know yet.
    #[serde(other)]
    Unknown,
}

/// What CreateTable, DescribeTable and DeleteTable say about a table.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TableDescription {
    pub table_name: Option<String>,
    pub table_arn: Option<String>,
    pub table_id: Option<String>,
    pub table_status: Option<TableStatus>,
    pub key_schema: Vec<KeySchemaElement>,
    pub attribute_definitions: Vec<AttributeDefinition>,
    /// Seconds since the epoch.
    #[serde(deserialize_with = "lenient_epoch")]
    pub creation_date_time: Option<f64>,
    /// Updated by DynamoDB about every six hours.
    pub item_count: Option<i64>,
    pub table_size_bytes: Option<i64>,
    pub provisioned_throughput: Option<ProvisionedThroughputDescription>,
    pub billing_mode_summary: Option<BillingModeSummary>,
    pub deletion_protection_enabled: Option<bool>,
    pub latest_stream_arn: Option<String>,
    /// Their key attributes are typed by `attribute_definitions` too: a write whose value for one
    /// of them is empty or of another type is refused.
    pub global_secondary_indexes: Vec<GlobalSecondaryIndexDescription>,
    pub local_secondary_indexes: Vec<LocalSecondaryIndexDescription>,
}

/// A global secondary index, as DescribeTable describes it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GlobalSecondaryIndexDescription {
    pub index_name: Option<String>,
    pub key_schema: Vec<KeySchemaElement>,
    /// `CREATING`, `UPDATING`, `DELETING` or `ACTIVE`.
    pub index_status: Option<String>,
    /// Whether DynamoDB is still filling a new index from the table.
    pub backfilling: Option<bool>,
    pub item_count: Option<i64>,
}

/// A local secondary index, as DescribeTable describes it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct LocalSecondaryIndexDescription {
    pub index_name: Option<String>,
    pub key_schema: Vec<KeySchemaElement>,
    pub item_count: Option<i64>,
}

impl TableDescription {
    /// The billing mode; a table with no summary is PROVISIONED.
    pub fn billing_mode(&self) -> BillingMode {
        self.billing_mode_summary
            .as_ref()
            .and_then(|s| s.billing_mode)
            .unwrap_or(BillingMode::Provisioned)
    }
}

/// A table tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// Turns TTL on or off for one attribute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TimeToLiveSpecification {
    pub enabled: bool,
    pub attribute_name: String,
}

/// One write of a BatchWriteItem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WriteRequest {
    PutRequest(PutRequest),
    DeleteRequest(DeleteRequest),
}

impl WriteRequest {
    pub fn put(item: Item) -> Self {
        Self::PutRequest(PutRequest { item })
    }

    pub fn delete(key: Item) -> Self {
        Self::DeleteRequest(DeleteRequest { key })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRequest {
    pub item: Item,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteRequest {
    pub key: Item,
}

/// Capacity a call consumed (when asked with ReturnConsumedCapacity).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConsumedCapacity {
    pub table_name: Option<String>,
    pub capacity_units: Option<f64>,
    pub read_capacity_units: Option<f64>,
    pub write_capacity_units: Option<f64>,
}

/// Whether to report consumed capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ReturnConsumedCapacity {
    Indexes,
    Total,
    None,
}

/// Which attributes PutItem / DeleteItem return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReturnValue {
    None,
    AllOld,
    UpdatedOld,
    AllNew,
    UpdatedNew,
}

/// What a Query or Scan returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Select {
    AllAttributes,
    AllProjectedAttributes,
    SpecificAttributes,
    Count,
}
