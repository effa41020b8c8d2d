//! The setup's form fields as data: per step, each field's path in the spec (the engine's rule
//! paths, so its constraint text and its errors come from [`hoseline_pipeline::rules`]), its
//! label and description, and how to read it from the spec and write typed text into it. Pure:
//! the views in [`super::forms`] only bind these to inputs.
//!
//! Nothing typed is lost: text the spec cannot hold as typed (a number reading "abc", or "05")
//! stays in the draft's [`RawInputs`] and is shown instead of the spec's value; when it does not
//! parse, the field reports "<Label> must be a whole number" and the spec keeps its last value.

mod access;
mod bucket;
mod delivery;
mod pipeline;
mod table;

#[cfg(test)]
mod tests;

use hoseline_pipeline::rules::{self, Advice, Validation};
use hoseline_pipeline::spec::{PipelineKind, PipelineSpec};

pub use pipeline::rederive;

use super::step::Step;
use crate::draft::model::{Draft, RawInputs};

/// One choice of a select: its value in the spec's JSON and its words for people.
pub type Choice = (&'static str, &'static str);

/// How a field is edited.
#[derive(Clone, Copy, Debug)]
pub enum Input {
    Text,
    /// A password input: what is typed is not shown.
    Secret,
    /// One entry per line.
    Lines,
    /// A whole number; `optional` ones may be left empty (`None` in the spec).
    Number {
        optional: bool,
    },
    Choice(&'static [Choice]),
    /// A checkbox: reads and writes "true" or "false".
    Toggle,
}

/// How typed text reaches the spec.
#[derive(Clone, Copy)]
pub enum Write {
    Spec(fn(&mut PipelineSpec, &str)),
    Number(fn(&mut PipelineSpec, Option<u32>)),
    /// Fields that change more than their own value (the pipeline's name and kind).
    Draft(fn(&mut Draft, &str)),
}

/// One form field.
pub struct FieldDef {
    /// The field's path in the spec's JSON, as the rules name it (`table.partitionKey.name`).
    pub path: &'static str,
    pub label: &'static str,
    /// What the field is for, shown under its label.
    pub description: &'static str,
    pub input: Input,
    /// Whether the field applies to this spec (its kind, target, billing mode...).
    pub shown: fn(&PipelineSpec) -> bool,
    pub read: fn(&PipelineSpec) -> String,
    pub write: Write,
}

impl FieldDef {
    /// The rule in a few words, from the engine (the same entry that checks it).
    pub fn constraint(&self) -> Option<&'static str> {
        rules::constraint(self.path)
    }

    /// `data-testid` of the input: `field-` and the path, dots and brackets as `-`.
    pub fn testid(&self) -> String {
        testid("field", self.path)
    }

    pub fn optional(&self) -> bool {
        matches!(self.input, Input::Number { optional: true }) || OPTIONAL_TEXT.contains(&self.path)
    }
}

/// Text fields that may be left empty (left out of the spec).
const OPTIONAL_TEXT: [&str; 4] = [
    "table.sortKey.name",
    "table.ttlAttribute",
    "bridge.arrivalAttribute",
    "bridge.accessKey",
];

/// `prefix-` and `path` with `.`, `[` and `]` as `-` (`advice-table-partitionKey-name`).
pub fn testid(prefix: &str, path: &str) -> String {
    let mut out = format!("{prefix}-");
    for c in path.chars() {
        match c {
            '.' | '[' => out.push('-'),
            ']' => {}
            c => out.push(c),
        }
    }
    out
}

/// The fields of `step`, in order (empty for Review and Create).
pub fn fields(step: Step) -> &'static [FieldDef] {
    match step {
        Step::Connection => &pipeline::FIELDS,
        Step::Table => &table::FIELDS,
        Step::Bucket => &bucket::FIELDS,
        Step::Access => &access::FIELDS,
        Step::Delivery => &delivery::FIELDS,
        Step::Review | Step::Create => &[],
    }
}

/// The field at `path`, on whichever step has it.
pub fn field(path: &str) -> Option<&'static FieldDef> {
    Step::ALL
        .into_iter()
        .flat_map(fields)
        .find(|f| f.path == path)
}

/// What the field shows: the text typed, when the spec could not hold it as typed, else the
/// spec's value.
pub fn shown_value(def: &FieldDef, spec: &PipelineSpec, raw: &RawInputs) -> String {
    raw.get(def.path)
        .cloned()
        .unwrap_or_else(|| (def.read)(spec))
}

/// Takes what the person typed into `def`: writes the spec when it can, and keeps the text in
/// `raw` whenever the spec's value would read differently (so nothing typed is lost).
pub fn apply_input(def: &FieldDef, draft: &mut Draft, text: &str) {
    match def.write {
        Write::Spec(write) => write(&mut draft.spec, text),
        Write::Draft(write) => write(draft, text),
        Write::Number(write) => {
            if let Ok(value) = parse_number(def, text) {
                write(&mut draft.spec, value);
            }
        }
    }
    if (def.read)(&draft.spec) == text {
        draft.raw.remove(def.path);
    } else {
        draft.raw.insert(def.path.to_owned(), text.to_owned());
    }
}

/// A whole number, or `None` for an optional field left empty; the error names no field.
fn parse_number(def: &FieldDef, text: &str) -> Result<Option<u32>, &'static str> {
    let text = text.trim();
    match def.input {
        Input::Number { optional: true } if text.is_empty() => Ok(None),
        _ => text
            .parse::<u32>()
            .map(Some)
            .map_err(|_| "must be a whole number"),
    }
}

/// The field's messages: the number it could not read, else every rule it breaks, each as
/// "<Label> <rule>".
pub fn field_errors(def: &FieldDef, raw: &RawInputs, validation: &Validation) -> Vec<String> {
    if let (Input::Number { .. }, Some(text)) = (def.input, raw.get(def.path)) {
        if let Err(rule) = parse_number(def, text) {
            return vec![format!("{} {rule}", def.label)];
        }
    }
    validation
        .errors
        .iter()
        .filter(|p| is_at(def.path, &p.path))
        .map(|p| match p.path.strip_prefix(def.path) {
            Some(index) if index.starts_with('[') => {
                let line = index
                    .trim_matches(['[', ']'])
                    .parse::<usize>()
                    .map_or(1, |i| i + 1);
                format!("{}, line {line}: {}", def.label, for_people(&p.message))
            }
            _ => format!("{} {}", def.label, for_people(&p.message)),
        })
        .collect()
}

/// The best practices the spec does not follow at this field.
pub fn field_advice<'a>(def: &FieldDef, validation: &'a Validation) -> Vec<&'a Advice> {
    validation
        .warnings
        .iter()
        .filter(|a| a.path == def.path)
        .collect()
}

/// The engine's advice names fields as spec files do (`table.ttlAttribute`, `onDemand`); on a
/// form they are the fields' labels and plain words.
pub fn for_people(message: &str) -> String {
    const WORDS: [(&str, &str); 4] = [
        ("autoScaling", "auto scaling"),
        ("onDemand", "on demand"),
        ("failedDataOnly", "failed data only"),
        ("expirationDays", "\"Expire objects after (days)\""),
    ];
    let mut paths: Vec<&FieldDef> = Step::ALL.into_iter().flat_map(fields).collect();
    // The longest first, so no path is replaced inside a longer one.
    paths.sort_by_key(|f| std::cmp::Reverse(f.path.len()));
    let mut out = message.to_owned();
    for f in paths.iter().filter(|f| f.path.contains('.')) {
        out = out.replace(f.path, &format!("\"{}\"", f.label));
    }
    for (word, plain) in WORDS {
        out = out.replace(word, plain);
    }
    out
}

/// Whether a problem at `found` belongs to the field at `path` (itself or one of its entries).
fn is_at(path: &str, found: &str) -> bool {
    found
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
}

/// Every message of `step`'s fields that apply to `spec`, with the field's path: what keeps
/// the step from being done.
pub fn step_errors(
    step: Step,
    spec: &PipelineSpec,
    raw: &RawInputs,
) -> Vec<(&'static str, String)> {
    let validation = rules::validate(spec);
    fields(step)
        .iter()
        .filter(|f| (f.shown)(spec))
        .flat_map(|f| {
            field_errors(f, raw, &validation)
                .into_iter()
                .map(move |m| (f.path, m))
        })
        .collect()
}

/// The labels of the fields that keep `step` from being done, each once, in order.
pub fn step_labels(step: Step, spec: &PipelineSpec, raw: &RawInputs) -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = Vec::new();
    for (path, _) in step_errors(step, spec, raw) {
        if let Some(f) = field(path).filter(|f| !labels.contains(&f.label)) {
            labels.push(f.label);
        }
    }
    labels
}

/// Shown for every spec.
fn always(_: &PipelineSpec) -> bool {
    true
}

fn dynamodb(spec: &PipelineSpec) -> bool {
    spec.kind == PipelineKind::Dynamodb
}

/// "true" or "false", as a toggle reads.
fn flag(on: bool) -> String {
    on.to_string()
}

/// `None` for empty text: an optional field left out of the spec.
fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}
