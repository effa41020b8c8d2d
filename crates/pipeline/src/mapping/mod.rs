//! From a Firehose record to DynamoDB items: the bridge writes them, the console previews them.
//!
//! A record is UTF-8 JSON: one object, or several separated by newlines (blank lines ignored),
//! each object one item. JSON types become DynamoDB types: string S, number N (the exact decimal
//! text, never through a float), true/false BOOL, null NULL, array L, object M. The table's key
//! attributes must be there by name with the key's type (a binary key as base64 text), unless the
//! options generate missing keys. A record that cannot become items is rejected whole with a
//! [`RecordError`]: its [`RejectCode`] and a message naming the line, the attribute and the rule.

mod key;
mod number;
mod size;
mod time;

pub mod json;

use std::fmt;

use hoseline_aws::dynamodb::{AttributeValue, Item};
use serde::{Deserialize, Serialize};

use crate::Error;

pub use key::{IndexKey, KeyAttribute, KeyKind, KeySchema};
pub use number::canonical as canonical_number;
pub use size::{item_size, MAX_ITEM_BYTES};

/// A TTL attribute: the arrival time plus `days`, in epoch seconds (N), as DynamoDB's TTL reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TtlSetting {
    pub attribute: String,
    pub days: u32,
}

/// What the mapping adds to the record's own attributes. Added attributes never overwrite the
/// record's own: the record wins.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingOptions {
    /// A record without a key attribute gets one derived from the record itself: a hash of its
    /// bytes, its place among identical records of its delivery, and the line. A record sent
    /// again (a Firehose retry, under the same request id or another) rewrites the same item
    /// instead of adding another; see [`RecordContext::duplicate_index`] for identical records.
    pub generate_missing_key: bool,
    /// The item expires `days` after arrival.
    pub ttl: Option<TtlSetting>,
    /// The arrival time as ISO 8601 UTC text (S), e.g. `2026-11-26T14:03:36.123Z`.
    pub arrival_attribute: Option<String>,
    /// Firehose's `X-Amz-Firehose-Common-Attributes`, copied in as S attributes.
    pub copy_common_attributes: bool,
}

impl MappingOptions {
    /// Checks the options against the table's key: added attributes need names, and must not be
    /// key attributes (a key is the record's, or generated).
    pub fn validate(&self, schema: &KeySchema) -> Result<(), Error> {
        let invalid = |message: String| Err(Error::new("InvalidMappingOptions", message));
        let mut added = Vec::new();
        if let Some(ttl) = &self.ttl {
            if ttl.days == 0 {
                return invalid(format!(
                    "TTL attribute {:?}: days must be at least 1",
                    ttl.attribute
                ));
            }
            added.push(("TTL", &ttl.attribute, KeyKind::N));
        }
        if let Some(arrival) = &self.arrival_attribute {
            added.push(("arrival time", arrival, KeyKind::S));
        }
        for (what, name, kind) in &added {
            if name.is_empty() {
                return invalid(format!("the {what} attribute needs a name"));
            }
            if schema.is_key(name) {
                return invalid(format!(
                    "the {what} attribute {name:?} is a key attribute of the table ({schema})"
                ));
            }
            // Every item would be refused: the added value has the other type.
            if let Some(key) = schema.index_key(name).filter(|k| k.attribute.kind != *kind) {
                return invalid(format!(
                    "the {what} attribute {name:?} is a key of index {:?} of type {}, but the \
                     {what} is of type {kind}",
                    key.index, key.attribute.kind
                ));
            }
        }
        if let [(_, a, _), (_, b, _)] = added.as_slice() {
            if a == b {
                return invalid(format!(
                    "the TTL and arrival time attributes are both named {a:?}; they need different names"
                ));
            }
        }
        Ok(())
    }
}

/// What a record's items take from its delivery.
#[derive(Clone, Copy, Debug)]
pub struct RecordContext<'a> {
    /// How many records byte-for-byte identical to this one come before it in its delivery (0 for
    /// the first). Generated keys include it, so identical records of one delivery stay distinct
    /// items, while the same record in another delivery (a retry) gets the same key.
    pub duplicate_index: usize,
    /// Arrival time, milliseconds since the Unix epoch (the request's `timestamp`).
    pub arrival_ms: u64,
    /// Firehose's common attributes, name and value.
    pub common_attributes: &'a [(String, String)],
}

/// Why a record was rejected, as the `errorCode` of its line in the S3 rejects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RejectCode {
    /// The record's bytes are not UTF-8.
    NotUtf8,
    /// Not JSON (a line that does not parse).
    NotJson,
    /// JSON, but a line is not an object.
    NotAnObject,
    /// A key attribute is absent.
    MissingKey,
    /// A key attribute has the wrong type, is empty, too long, or not base64 for a binary key.
    InvalidKey,
    /// A secondary index's key attribute is present but empty or of the wrong type (DynamoDB
    /// refuses the item; without the attribute it would simply stay out of the index).
    InvalidIndexKey,
    /// A number DynamoDB cannot hold (over 38 digits, or out of range).
    InvalidNumber,
    /// An attribute DynamoDB cannot hold: an empty or over-long name, or nesting beyond 32 levels.
    InvalidAttribute,
    /// An item over 400 KB.
    ItemTooLarge,
    /// Zero bytes, or only whitespace.
    Empty,
}

impl RejectCode {
    /// The code as written in reject lines, e.g. `Bridge.NotJson`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NotUtf8 => "Bridge.NotUtf8",
            Self::NotJson => "Bridge.NotJson",
            Self::NotAnObject => "Bridge.NotAnObject",
            Self::MissingKey => "Bridge.MissingKey",
            Self::InvalidKey => "Bridge.InvalidKey",
            Self::InvalidIndexKey => "Bridge.InvalidIndexKey",
            Self::InvalidNumber => "Bridge.InvalidNumber",
            Self::InvalidAttribute => "Bridge.InvalidAttribute",
            Self::ItemTooLarge => "Bridge.ItemTooLarge",
            Self::Empty => "Bridge.Empty",
        }
    }
}

impl fmt::Display for RejectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The verdict on a record that cannot become items: the whole record is rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct RecordError {
    pub code: RejectCode,
    /// For people: the line, the attribute and the rule.
    pub message: String,
}

impl RecordError {
    pub fn new(code: RejectCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// Maps one record (decoded bytes) to its items, one per JSON object, in order.
pub fn map_record(
    data: &[u8],
    schema: &KeySchema,
    options: &MappingOptions,
    ctx: &RecordContext<'_>,
) -> Result<Vec<Item>, RecordError> {
    let empty = || {
        RecordError::new(
            RejectCode::Empty,
            "the record is empty (no JSON object in it)",
        )
    };
    if data.iter().all(|&b| json::is_whitespace(b)) {
        return Err(empty());
    }
    let text = std::str::from_utf8(data).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + data[..at].iter().filter(|&&b| b == b'\n').count();
        RecordError::new(
            RejectCode::NotUtf8,
            format!(
                "line {line}: the record is not UTF-8 text (invalid byte at offset {at}); \
                 records must be JSON encoded as UTF-8"
            ),
        )
    })?;
    let extras = Extras::new(options, ctx);
    let generator = key::Generator::new(data, ctx.duplicate_index);
    let mut parser = json::Parser::new(text);
    if text.starts_with('\u{feff}') {
        parser.skip_bom();
    }
    let mut lines = LineCounter::default();
    let mut items = Vec::new();
    loop {
        let new_line = parser.skip_whitespace();
        if parser.peek().is_none() {
            break;
        }
        let line = lines.line_at(text, parser.position());
        if !items.is_empty() && !new_line {
            return Err(RecordError::new(
                RejectCode::NotJson,
                format!(
                    "line {line}: another value starts on the same line as the object before it; \
                     a record holds one JSON object per line"
                ),
            ));
        }
        let value = parser.value(0).map_err(|e| json_reject(&e, text))?;
        let AttributeValue::M(mut item) = value else {
            return Err(RecordError::new(
                RejectCode::NotAnObject,
                format!(
                    "line {line}: each line of a record must be a JSON object ({{...}}), \
                     this one is {}",
                    json_type(&value)
                ),
            ));
        };
        let generate = options.generate_missing_key.then_some(&generator);
        key::apply(schema, generate, line, &mut item)?;
        extras.add_to(&mut item);
        key::check_index_keys(schema, line, &mut item)?;
        let size = item_size(&item);
        if size > MAX_ITEM_BYTES {
            return Err(RecordError::new(
                RejectCode::ItemTooLarge,
                format!(
                    "line {line}: the item is {size} bytes by DynamoDB's count; an item is at most \
                     400 KB ({MAX_ITEM_BYTES} bytes, attribute names included)"
                ),
            ));
        }
        items.push(item);
    }
    if items.is_empty() {
        return Err(empty());
    }
    Ok(items)
}

/// The attributes the options add, computed once per record.
struct Extras<'a> {
    ttl: Option<(&'a str, String)>,
    arrival: Option<(&'a str, String)>,
    common: &'a [(String, String)],
}

impl<'a> Extras<'a> {
    fn new(options: &'a MappingOptions, ctx: &RecordContext<'a>) -> Self {
        let ttl = options.ttl.as_ref().map(|ttl| {
            let expires = ctx.arrival_ms / 1000 + u64::from(ttl.days) * 86_400;
            (ttl.attribute.as_str(), expires.to_string())
        });
        let arrival = options
            .arrival_attribute
            .as_deref()
            .map(|name| (name, time::iso8601_utc(ctx.arrival_ms)));
        let common = if options.copy_common_attributes {
            ctx.common_attributes
        } else {
            &[]
        };
        Self {
            ttl,
            arrival,
            common,
        }
    }

    /// Adds what the record does not already have (the record wins; nameless ones are skipped).
    fn add_to(&self, item: &mut Item) {
        let mut add = |name: &str, value: AttributeValue| {
            if !name.is_empty() && !item.contains_key(name) {
                item.insert(name.to_owned(), value);
            }
        };
        if let Some((name, expires)) = &self.ttl {
            add(name, AttributeValue::N(expires.clone()));
        }
        if let Some((name, at)) = &self.arrival {
            add(name, AttributeValue::S(at.clone()));
        }
        for (name, value) in self.common {
            add(name, AttributeValue::S(value.clone()));
        }
    }
}

/// Line numbers of increasing offsets, counting each newline once.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        if let Some(part) = text.as_bytes().get(self.offset..offset) {
            self.newlines += part.iter().filter(|&&b| b == b'\n').count();
            self.offset = offset;
        }
        self.newlines + 1
    }
}

/// A parse failure as a reject: its code, and a message with line, column and attribute.
fn json_reject(e: &json::JsonError, text: &str) -> RecordError {
    let before = text.as_bytes().get(..e.offset).unwrap_or(text.as_bytes());
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + text
        .get(line_start..e.offset)
        .map_or(e.offset - line_start, |s| s.chars().count());
    let path = e.path();
    let rule = e.rule();
    let (code, message) = match &e.kind {
        json::JsonErrorKind::Syntax(_) => {
            let inside = if path.is_empty() {
                String::new()
            } else {
                format!(" (in attribute {path})")
            };
            (
                RejectCode::NotJson,
                format!("line {line}, column {column}: not valid JSON: {rule}{inside}"),
            )
        }
        json::JsonErrorKind::Number { .. } => (RejectCode::InvalidNumber, rule),
        json::JsonErrorKind::TooDeep | json::JsonErrorKind::Name(_) => {
            (RejectCode::InvalidAttribute, rule)
        }
    };
    let message = match code {
        RejectCode::NotJson => message,
        _ if path.is_empty() => format!("line {line}: {message}"),
        _ => format!("line {line}: attribute {path}: {message}"),
    };
    RecordError::new(code, message)
}

/// A value's JSON type, for messages.
pub(crate) fn json_type(value: &AttributeValue) -> &'static str {
    match value {
        AttributeValue::S(_) => "a string",
        AttributeValue::N(_) => "a number",
        AttributeValue::Bool(_) => "a boolean",
        AttributeValue::Null(_) => "null",
        AttributeValue::L(_) => "an array",
        AttributeValue::M(_) => "an object",
        _ => "a value of another type",
    }
}
