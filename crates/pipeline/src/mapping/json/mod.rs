//! A small JSON parser (RFC 8259) that builds DynamoDB attribute values directly.
//!
//! Why not serde_json: a number must keep the exact decimal text it was written with (DynamoDB
//! holds 38 digits, an f64 about 17), and serde_json's `arbitrary_precision` feature would change
//! serde_json for every crate of the workspace. Parsing straight into [`AttributeValue`] also
//! checks DynamoDB's own rules on the way: numbers it can hold, non-empty attribute names, and
//! nesting at most 32 levels, which also bounds the recursion on hostile input.

use hoseline_aws::dynamodb::{AttributeValue, Item};

use super::number;

/// DynamoDB nests at most 32 levels, counting a top-level attribute as level 1 (a record's own
/// object is the item, so it can hold 31 levels of lists and maps). This bounds recursion too.
pub const MAX_DEPTH: usize = 32;
/// DynamoDB attribute names are at most 64 KB.
const MAX_NAME_BYTES: usize = 65_535;

mod error;

use error::Segment;
pub use error::{JsonError, JsonErrorKind};

/// Parses one JSON value that makes up the whole text (surrounding whitespace allowed).
pub fn parse_value(text: &str) -> Result<AttributeValue, JsonError> {
    let mut parser = Parser::new(text);
    let value = parser.value(0)?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(value),
        Some(_) => Err(parser.unexpected("the end of the text after the value")),
    }
}

/// JSON's insignificant whitespace.
pub(crate) fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A cursor over the text. Every index it slices at is at an ASCII byte or the end, so always on
/// a character boundary.
pub(crate) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// Steps over a UTF-8 byte order mark at the start.
    pub(crate) fn skip_bom(&mut self) {
        if self.pos == 0 && self.text.starts_with('\u{feff}') {
            self.pos = '\u{feff}'.len_utf8();
        }
    }

    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    #[inline]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips whitespace; says whether it crossed a line break.
    #[inline]
    pub(crate) fn skip_whitespace(&mut self) -> bool {
        let mut newline = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            if !is_whitespace(b) {
                break;
            }
            newline |= b == b'\n';
            self.pos += 1;
        }
        newline
    }

    fn syntax(&self, offset: usize, message: impl Into<String>) -> JsonError {
        JsonError::new(JsonErrorKind::Syntax(message.into()), offset)
    }

    /// "expected X, found Y" at the current position.
    pub(crate) fn unexpected(&self, expected: &str) -> JsonError {
        self.syntax(
            self.pos,
            format!("expected {expected}, found {}", self.found()),
        )
    }

    /// What stands at the current position, for messages.
    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the text".to_owned(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            Some(c) => format!("'{c}'"),
        }
    }

    /// One value; `depth` is the number of lists and maps around it.
    pub(crate) fn value(&mut self, depth: usize) -> Result<AttributeValue, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1).map(AttributeValue::M),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(AttributeValue::S),
            Some(b't') => self.literal("true", AttributeValue::Bool(true)),
            Some(b'f') => self.literal("false", AttributeValue::Bool(false)),
            Some(b'n') => self.literal("null", AttributeValue::Null(true)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn literal(&mut self, word: &str, value: AttributeValue) -> Result<AttributeValue, JsonError> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(value)
        } else {
            Err(self.unexpected("a value (true, false, null, a number, a string, [ or {)"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Item, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::new(JsonErrorKind::TooDeep, self.pos));
        }
        self.pos += 1; // {
        let mut map = Item::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(map);
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("an attribute name in double quotes"));
            }
            let name_at = self.pos;
            let name = self.string()?;
            if name.is_empty() {
                let rule = "attribute names cannot be empty".to_owned();
                return Err(JsonError::new(JsonErrorKind::Name(rule), name_at));
            }
            if name.len() > MAX_NAME_BYTES {
                let rule = format!(
                    "the attribute name {} is {} bytes; DynamoDB allows at most 64 KB",
                    shorten(&name, 40),
                    name.len()
                );
                return Err(JsonError::new(JsonErrorKind::Name(rule), name_at));
            }
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.unexpected("':' after the attribute name"));
            }
            self.pos += 1;
            match self.value(depth) {
                Ok(value) => {
                    // Duplicate names: the last one wins, as in JSON.parse and serde_json.
                    map.insert(name, value);
                }
                Err(mut e) => {
                    e.path.push(Segment::Key(name));
                    return Err(e);
                }
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(map);
                }
                _ => return Err(self.unexpected("',' or '}' after an attribute")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<AttributeValue, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::new(JsonErrorKind::TooDeep, self.pos));
        }
        self.pos += 1; // [
        let mut list = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(AttributeValue::L(list));
        }
        loop {
            match self.value(depth) {
                Ok(value) => list.push(value),
                Err(mut e) => {
                    e.path.push(Segment::Index(list.len()));
                    return Err(e);
                }
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(AttributeValue::L(list));
                }
                _ => return Err(self.unexpected("',' or ']' after a list element")),
            }
        }
    }

    /// A string at `"`: a run without escapes is copied in one go.
    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        self.skip_plain();
        let mut out = match self.peek() {
            Some(b'"') => {
                let s = self.text[start..self.pos].to_owned();
                self.pos += 1;
                return Ok(s);
            }
            Some(b'\\') => {
                let mut out = String::with_capacity(self.pos - start + 16);
                out.push_str(&self.text[start..self.pos]);
                out
            }
            Some(_) => return Err(self.control_in_string()),
            None => return Err(self.syntax(open, "a string is not closed")),
        };
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b) if b < 0x20 => return Err(self.control_in_string()),
                Some(_) => {
                    let run = self.pos;
                    self.skip_plain();
                    out.push_str(&self.text[run..self.pos]);
                }
                None => return Err(self.syntax(open, "a string is not closed")),
            }
        }
    }

    /// Advances over characters that need no attention: not `"`, `\` or a control character.
    #[inline]
    fn skip_plain(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
    }

    fn control_in_string(&self) -> JsonError {
        self.syntax(
            self.pos,
            format!(
                "{} inside a string must be escaped (\\n, \\t, \\u00XX...)",
                self.found()
            ),
        )
    }

    /// An escape at `\`.
    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let at = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.syntax(at, "a string is not closed"));
        };
        self.pos += 1;
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape(at)?,
            _ => {
                let shown = if c.is_ascii_graphic() {
                    format!("\\{}", c as char)
                } else {
                    "a backslash followed by that character".to_owned()
                };
                return Err(self.syntax(
                    at,
                    format!("{shown} is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"),
                ));
            }
        };
        out.push(ch);
        Ok(())
    }

    /// The rest of `\uXXXX` (after the `u`), joining a UTF-16 surrogate pair.
    fn unicode_escape(&mut self, at: usize) -> Result<char, JsonError> {
        let high = self.hex4(at)?;
        let code = match high {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.syntax(
                        at,
                        format!("\\u{high:04X} is half of a surrogate pair; the low half (\\uDC00-\\uDFFF) must follow"),
                    ));
                }
                self.pos += 2;
                let low = self.hex4(at)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.syntax(
                        at,
                        format!("\\u{high:04X} must be followed by a low surrogate (\\uDC00-\\uDFFF), not \\u{low:04X}"),
                    ));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.syntax(
                    at,
                    format!(
                        "\\u{high:04X} is the low half of a surrogate pair without its high half"
                    ),
                ));
            }
            _ => high,
        };
        char::from_u32(code).ok_or_else(|| self.syntax(at, "not a Unicode character"))
    }

    fn hex4(&mut self, at: usize) -> Result<u32, JsonError> {
        let mut code = 0u32;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.syntax(at, "\\u must be followed by four hex digits"));
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as its text.
    fn number(&mut self) -> Result<AttributeValue, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.syntax(start, "numbers cannot have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit after the decimal point"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit in the exponent"));
            }
            self.digits();
        }
        let text = &self.text[start..self.pos];
        match number::check(text) {
            Ok(()) => Ok(AttributeValue::N(text.to_owned())),
            Err(problem) => Err(JsonError::new(
                JsonErrorKind::Number {
                    text: shorten(text, 60),
                    rule: problem.rule(),
                },
                start,
            )),
        }
    }

    #[inline]
    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut (messages stay short).
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}
