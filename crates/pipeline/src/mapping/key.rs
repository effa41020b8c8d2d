//! The table's primary key: read once from DescribeTable, then checked (or generated) on every item.

use std::cell::OnceCell;
use std::fmt::{self, Write as _};

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hoseline_aws::dynamodb::{
    AttributeValue, Item, KeyType, ScalarAttributeType, TableDescription,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::json::shorten;
use super::{json_type, RecordError, RejectCode};
use crate::Error;

/// A key attribute's type: string, number, or binary (base64 text in a record).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyKind {
    S,
    N,
    B,
}

impl KeyKind {
    /// What a record must hold for it, for messages.
    fn expected(self) -> &'static str {
        match self {
            Self::S => "a string",
            Self::N => "a number",
            Self::B => "a base64 string (binary key)",
        }
    }
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::S => "S",
            Self::N => "N",
            Self::B => "B",
        })
    }
}

impl From<ScalarAttributeType> for KeyKind {
    fn from(t: ScalarAttributeType) -> Self {
        match t {
            ScalarAttributeType::S => Self::S,
            ScalarAttributeType::N => Self::N,
            ScalarAttributeType::B => Self::B,
        }
    }
}

/// One key attribute: its name and type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KeyAttribute {
    pub name: String,
    pub kind: KeyKind,
}

impl KeyAttribute {
    pub fn new(name: impl Into<String>, kind: KeyKind) -> Self {
        Self {
            name: name.into(),
            kind,
        }
    }
}

/// A key attribute of a secondary index that is not a key attribute of the table. An item may
/// lack it (the item then stays out of the index), but DynamoDB refuses an item whose value for
/// it is empty or of another type than the table's `AttributeDefinitions` give.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IndexKey {
    pub attribute: KeyAttribute,
    /// The first index (global ones first, in DescribeTable's order) it is a key of.
    pub index: String,
}

/// A table's primary key: a partition key and maybe a sort key; and the other key attributes of
/// its secondary indexes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KeySchema {
    pub partition: KeyAttribute,
    pub sort: Option<KeyAttribute>,
    /// Each attribute once, without the table's own key attributes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index_keys: Vec<IndexKey>,
}

/// A partition key value is 1 to 2048 bytes, a sort key value 1 to 1024 (DynamoDB quotas).
const MAX_PARTITION_BYTES: usize = 2048;
const MAX_SORT_BYTES: usize = 1024;

impl KeySchema {
    /// The key of a table as DescribeTable (or CreateTable) describes it: the HASH and RANGE
    /// elements of `KeySchema`, typed by `AttributeDefinitions`, and the key attributes of its
    /// global and local secondary indexes.
    pub fn from_table(table: &TableDescription) -> Result<KeySchema, Error> {
        let table_name = table.table_name.as_deref().unwrap_or("the table");
        let invalid = |message: String| Error::new("InvalidKeySchema", message);
        let attribute = |name: &str| -> Result<KeyAttribute, Error> {
            let definition = table
                .attribute_definitions
                .iter()
                .find(|d| d.attribute_name == name)
                .ok_or_else(|| {
                    invalid(format!(
                        "{table_name}: key attribute {name:?} has no AttributeDefinitions entry \
                         giving its type"
                    ))
                })?;
            Ok(KeyAttribute::new(name, definition.attribute_type.into()))
        };
        let mut partition = None;
        let mut sort = None;
        for element in &table.key_schema {
            let slot = match element.key_type {
                KeyType::Hash => &mut partition,
                KeyType::Range => &mut sort,
            };
            if slot.is_some() {
                return Err(invalid(format!(
                    "{table_name}: KeySchema has more than one {} element",
                    if element.key_type == KeyType::Hash {
                        "HASH"
                    } else {
                        "RANGE"
                    }
                )));
            }
            *slot = Some(attribute(&element.attribute_name)?);
        }
        let partition = partition.ok_or_else(|| {
            invalid(format!(
                "{table_name}: KeySchema has no HASH (partition key) element; is the table description complete?"
            ))
        })?;
        if sort.as_ref().is_some_and(|s| s.name == partition.name) {
            return Err(invalid(format!(
                "{table_name}: the partition and sort keys are the same attribute {:?}",
                partition.name
            )));
        }
        let mut schema = KeySchema {
            partition,
            sort,
            index_keys: Vec::new(),
        };
        let indexes = table
            .global_secondary_indexes
            .iter()
            .map(|i| (&i.index_name, &i.key_schema))
            .chain(
                table
                    .local_secondary_indexes
                    .iter()
                    .map(|i| (&i.index_name, &i.key_schema)),
            );
        for (index, elements) in indexes {
            for element in elements {
                let name = &element.attribute_name;
                if schema.is_key(name) || schema.index_key(name).is_some() {
                    continue;
                }
                schema.index_keys.push(IndexKey {
                    attribute: attribute(name)?,
                    index: index.clone().unwrap_or_default(),
                });
            }
        }
        Ok(schema)
    }

    /// Whether `name` is one of the table's key attributes.
    pub fn is_key(&self, name: &str) -> bool {
        self.partition.name == name || self.sort.as_ref().is_some_and(|s| s.name == name)
    }

    /// The secondary-index key attribute named `name`, when it is one (and not a table key).
    pub fn index_key(&self, name: &str) -> Option<&IndexKey> {
        self.index_keys.iter().find(|k| k.attribute.name == name)
    }
}

impl fmt::Display for KeySchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.partition.name, self.partition.kind)?;
        if let Some(sort) = &self.sort {
            write!(f, " + {} ({})", sort.name, sort.kind)?;
        }
        Ok(())
    }
}

/// Checks the item's key attributes, decoding binary keys and generating missing ones with
/// `generate` if given.
pub(crate) fn apply(
    schema: &KeySchema,
    generate: Option<&Generator<'_>>,
    line: usize,
    item: &mut Item,
) -> Result<(), RecordError> {
    let keys = std::iter::once((&schema.partition, "partition", MAX_PARTITION_BYTES))
        .chain(schema.sort.as_ref().map(|s| (s, "sort", MAX_SORT_BYTES)));
    for (attr, role, max_bytes) in keys {
        let fail = |code, rule: String| RecordError {
            code,
            message: format!("line {line}: the {role} key {:?} {rule}", attr.name),
        };
        let Some(value) = item.get_mut(&attr.name) else {
            let Some(generator) = generate else {
                return Err(fail(
                    RejectCode::MissingKey,
                    format!("is missing; every item needs the table's key ({schema})"),
                ));
            };
            item.insert(attr.name.clone(), generator.value(attr.kind, line));
            continue;
        };
        let bytes = match (attr.kind, &*value) {
            (KeyKind::S, AttributeValue::S(s)) => s.len(),
            (KeyKind::N, AttributeValue::N(_)) => continue,
            (KeyKind::B, AttributeValue::S(text)) => match STANDARD.decode(text) {
                Ok(bytes) => {
                    let len = bytes.len();
                    *value = AttributeValue::B(bytes);
                    len
                }
                Err(e) => {
                    return Err(fail(
                        RejectCode::InvalidKey,
                        format!(
                            "must be base64 text (binary key), but {} is not: {e}",
                            shorten(&format!("{text:?}"), 40)
                        ),
                    ))
                }
            },
            (kind, other) => {
                return Err(fail(
                    RejectCode::InvalidKey,
                    format!(
                        "must be {} (key type {kind}), found {}",
                        kind.expected(),
                        json_type(other)
                    ),
                ))
            }
        };
        if bytes == 0 {
            return Err(fail(RejectCode::InvalidKey, "cannot be empty".to_owned()));
        }
        if bytes > max_bytes {
            return Err(fail(
                RejectCode::InvalidKey,
                format!("is {bytes} bytes; a {role} key value is at most {max_bytes} bytes"),
            ));
        }
    }
    Ok(())
}

/// Checks the item's values for secondary-index key attributes, decoding binary ones: an absent
/// one is fine, an empty one or one of another type is rejected, as DynamoDB would refuse it.
pub(crate) fn check_index_keys(
    schema: &KeySchema,
    line: usize,
    item: &mut Item,
) -> Result<(), RecordError> {
    for key in &schema.index_keys {
        let attr = &key.attribute;
        let Some(value) = item.get_mut(&attr.name) else {
            continue;
        };
        let fail = |rule: String| {
            RecordError::new(
                RejectCode::InvalidIndexKey,
                format!(
                    "line {line}: the attribute {:?}, a key of index {:?}, {rule}; DynamoDB \
                     refuses such an item (without the attribute, an item simply stays out of \
                     the index)",
                    attr.name, key.index
                ),
            )
        };
        let empty = match (attr.kind, &*value) {
            (KeyKind::S, AttributeValue::S(s)) => s.is_empty(),
            (KeyKind::N, AttributeValue::N(_)) => false,
            (KeyKind::B, AttributeValue::B(b)) => b.is_empty(),
            (KeyKind::B, AttributeValue::S(text)) => match STANDARD.decode(text) {
                Ok(bytes) => {
                    let empty = bytes.is_empty();
                    *value = AttributeValue::B(bytes);
                    empty
                }
                Err(e) => {
                    return Err(fail(format!(
                        "must be base64 text (binary key), but {} is not: {e}",
                        shorten(&format!("{text:?}"), 40)
                    )))
                }
            },
            (kind, other) => {
                return Err(fail(format!(
                    "must be {} (key type {kind}), found {}",
                    kind.expected(),
                    json_type(other)
                )))
            }
        };
        if empty {
            return Err(fail("cannot be empty".to_owned()));
        }
    }
    Ok(())
}

/// Keys for the items of a record that has none, derived from the record itself so that the same
/// record sent again (a Firehose retry, whatever its request id) rewrites the same item:
/// `{hash}:{duplicate_index}:{line}`, where `hash` is the first 128 bits of the SHA-256 of the
/// record's bytes in hex, `duplicate_index` counts the identical records before it in its
/// delivery, and `line` is the item's line in the record. The text itself is the key for S, its
/// bytes for B, and for N the first 126 bits of its SHA-256 (at most 38 digits, as DynamoDB
/// allows). Stable across runs, platforms and versions: changing it would duplicate items on retry.
pub(crate) struct Generator<'a> {
    data: &'a [u8],
    duplicate_index: usize,
    /// Hashed once per record, and only when a key is missing.
    hash: OnceCell<String>,
}

impl<'a> Generator<'a> {
    pub(crate) fn new(data: &'a [u8], duplicate_index: usize) -> Self {
        Self {
            data,
            duplicate_index,
            hash: OnceCell::new(),
        }
    }

    fn text(&self, line: usize) -> String {
        let hash = self
            .hash
            .get_or_init(|| hex(&Sha256::digest(self.data)[..16]));
        format!("{hash}:{}:{line}", self.duplicate_index)
    }

    fn value(&self, kind: KeyKind, line: usize) -> AttributeValue {
        let text = self.text(line);
        match kind {
            KeyKind::S => AttributeValue::S(text),
            KeyKind::B => AttributeValue::B(text.into_bytes()),
            KeyKind::N => {
                let digest = Sha256::digest(text.as_bytes());
                let mut first = [0u8; 16];
                first.copy_from_slice(&digest[..16]);
                AttributeValue::N((u128::from_be_bytes(first) >> 2).to_string())
            }
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}
