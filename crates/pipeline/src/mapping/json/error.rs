//! Why a record's text is not a value DynamoDB can store, with the line and column.

use std::fmt;

use super::{shorten, MAX_DEPTH};

/// Why a text is not a value DynamoDB can store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON: what was expected and what was found.
    Syntax(String),
    /// Lists and maps nested deeper than DynamoDB allows.
    TooDeep,
    /// A number DynamoDB cannot hold: its text (shortened) and the rule.
    Number { text: String, rule: String },
    /// An attribute name that is empty or longer than 64 KB.
    Name(String),
}

/// A parse failure: the kind, the byte offset in the text, and the attribute path it is under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    /// Byte offset of the problem in the parsed text.
    pub offset: usize,
    /// Innermost segment first (filled in while the error unwinds; free when parsing succeeds).
    pub(super) path: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Segment {
    Key(String),
    Index(usize),
}

impl JsonError {
    pub(super) fn new(kind: JsonErrorKind, offset: usize) -> Self {
        Self {
            kind,
            offset,
            path: Vec::new(),
        }
    }

    /// The attribute path, e.g. `prices[2].close`; empty at the top level.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&shorten(key, 64));
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// The rule that was broken, for people, without position or path.
    pub fn rule(&self) -> String {
        match &self.kind {
            JsonErrorKind::Syntax(s) => s.clone(),
            JsonErrorKind::TooDeep => format!(
                "lists and maps are nested more than {MAX_DEPTH} levels deep (DynamoDB's limit)"
            ),
            JsonErrorKind::Number { text, rule } => format!("the number {text} {rule}"),
            JsonErrorKind::Name(rule) => rule.clone(),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if path.is_empty() {
            write!(f, "at byte {}: {}", self.offset, self.rule())
        } else {
            write!(
                f,
                "at byte {} (attribute {path}): {}",
                self.offset,
                self.rule()
            )
        }
    }
}

impl std::error::Error for JsonError {}
