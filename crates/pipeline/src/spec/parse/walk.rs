//! Reading a JSON document against the spec's [`Shape`]: every unknown field, missing field and
//! value of the wrong type, each with its path; and every path the shape knows.

use serde_json::Value;

use super::shape::{Member, Shape};
use super::SpecProblem;

/// Every path the shape knows: objects, lists and values; `[]` for a list's entries.
pub(super) fn paths(shape: &Shape, path: &str, out: &mut Vec<String>) {
    match shape {
        Shape::List(item) => {
            let item_path = format!("{path}[]");
            out.push(item_path.clone());
            paths(item, &item_path, out);
        }
        Shape::Object(members) => members_paths(members, path, out),
        Shape::Tagged { tag, variants } => {
            out.push(join(path, tag));
            for (_, members) in *variants {
                members_paths(members, path, out);
            }
        }
        Shape::Str | Shape::Secret | Shape::U32 | Shape::Bool | Shape::Choice(_) => {}
    }
}

fn members_paths(members: &[Member], path: &str, out: &mut Vec<String>) {
    for m in members {
        let p = join(path, m.name);
        if !out.contains(&p) {
            out.push(p.clone());
        }
        paths(&m.shape, &p, out);
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Every field of `value` that is unknown, missing or of the wrong type.
pub(super) fn check(shape: &Shape, value: &Value, path: &str, out: &mut Vec<SpecProblem>) {
    let mut fail = |message: String| {
        out.push(SpecProblem {
            path: path.to_owned(),
            message,
        })
    };
    match shape {
        Shape::Str if !value.is_string() => fail(format!("must be a string ({})", describe(value))),
        Shape::Secret if !value.is_string() => {
            fail(format!("must be a string (it is {})", kind(value)))
        }
        Shape::U32 if value.as_u64().is_none_or(|n| n > u64::from(u32::MAX)) => fail(format!(
            "must be a whole number from 0 to {} ({})",
            u32::MAX,
            describe(value)
        )),
        Shape::Bool if !value.is_boolean() => {
            fail(format!("must be true or false ({})", describe(value)))
        }
        Shape::Choice(names) => {
            if !value.as_str().is_some_and(|s| names.contains(&s)) {
                fail(format!(
                    "must be one of {} ({})",
                    names.join(", "),
                    describe(value)
                ));
            }
        }
        Shape::List(item) => match value.as_array() {
            Some(items) => {
                for (i, v) in items.iter().enumerate() {
                    check(item, v, &format!("{path}[{i}]"), out);
                }
            }
            None => fail(format!("must be a list ({})", describe(value))),
        },
        Shape::Object(members) => match value.as_object() {
            Some(map) => check_members(members, None, map, path, out),
            None => fail(format!("must be an object ({})", describe(value))),
        },
        Shape::Tagged { tag, variants } => {
            let Some(map) = value.as_object() else {
                return fail(format!("must be an object ({})", describe(value)));
            };
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            let tag_path = join(path, tag);
            let chosen = map.get(*tag).and_then(Value::as_str);
            match variants.iter().find(|(n, _)| Some(*n) == chosen) {
                Some((_, members)) => check_members(members, Some(tag), map, path, out),
                None => out.push(SpecProblem {
                    path: tag_path,
                    message: match map.get(*tag) {
                        None => format!("is required: one of {}", names.join(", ")),
                        Some(v) => format!("must be one of {} ({})", names.join(", "), describe(v)),
                    },
                }),
            }
        }
        Shape::Str | Shape::Secret | Shape::U32 | Shape::Bool => {}
    }
}

fn check_members(
    members: &[Member],
    tag: Option<&str>,
    map: &serde_json::Map<String, Value>,
    path: &str,
    out: &mut Vec<SpecProblem>,
) {
    // In the spec's field order, so problems read top to bottom; unknown fields last.
    for m in members {
        match map.get(m.name) {
            Some(v) if v.is_null() && m.nullable => {}
            Some(v) => check(&m.shape, v, &join(path, m.name), out),
            None if m.required => out.push(SpecProblem {
                path: join(path, m.name),
                message: "is required".to_owned(),
            }),
            None => {}
        }
    }
    for key in map.keys() {
        if Some(key.as_str()) != tag && !members.iter().any(|m| m.name == key) {
            out.push(SpecProblem {
                path: join(path, key),
                message: unknown(key, members, tag, path),
            });
        }
    }
}

fn unknown(key: &str, members: &[Member], tag: Option<&str>, path: &str) -> String {
    let names: Vec<&str> = tag
        .into_iter()
        .chain(members.iter().map(|m| m.name))
        .collect();
    let owner = if path.is_empty() { "the spec" } else { path };
    let mut message = format!(
        "is not a field of {owner}; its fields are {}",
        names.join(", ")
    );
    if let Some(near) = names.iter().find(|n| close(key, n)) {
        message.push_str(&format!(" (did you mean {near}?)"));
    }
    message
}

/// Same name but for case, or at most two edits apart.
fn close(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 4 {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()] <= 2
}

/// A value's JSON type, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value for a message: the value itself when it is a short scalar, else its JSON type.
fn describe(value: &Value) -> String {
    let text = value.to_string();
    let scalar = !value.is_array() && !value.is_object();
    if scalar && text.chars().count() <= 40 {
        format!("it is {text}")
    } else {
        format!("it is {}", kind(value))
    }
}
