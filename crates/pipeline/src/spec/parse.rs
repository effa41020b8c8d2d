//! Reading a spec from JSON: a document that is not JSON, has an unknown field, a value of the
//! wrong type or another version becomes [`SpecError`], one [`SpecProblem`] per problem, each
//! naming the field by its path (`table.partitionKey.type`) and the rule. Every unknown field and
//! every value of the wrong type is reported at once (the document is walked against the spec's
//! shape first); a document that is not JSON, or of another version, is one problem.

mod shape;
#[cfg(test)]
mod tests;
mod walk;

use serde::Serialize;

use super::{PipelineSpec, SPEC_VERSION};

/// One thing wrong with a spec: where, and which rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecProblem {
    /// The field's path in the JSON, dot-separated camelCase (`stream.bufferingSizeMb`); empty for
    /// the document as a whole.
    pub path: String,
    /// What is wrong, for people: the rule and, where it helps, the value.
    pub message: String,
}

impl std::fmt::Display for SpecProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A spec that cannot be read or breaks a rule.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct SpecError {
    pub problems: Vec<SpecProblem>,
}

impl SpecError {
    pub fn one(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            problems: vec![SpecProblem {
                path: path.into(),
                message: message.into(),
            }],
        }
    }
}

impl PipelineSpec {
    /// Reads a spec document. Only its shape is checked here; [`crate::rules::validate`] checks
    /// the values.
    pub fn from_json(text: &str) -> Result<Self, SpecError> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| SpecError::one("", format!("is not valid JSON: {e}")))?;
        if !value.is_object() {
            return Err(SpecError::one(
                "",
                "must be a JSON object: a pipeline spec with \"version\": 1",
            ));
        }
        match value.get("version") {
            Some(v) if v.as_u64() == Some(u64::from(SPEC_VERSION)) => {}
            Some(v) => {
                return Err(SpecError::one(
                    "version",
                    format!("must be {SPEC_VERSION} (this build reads spec version {SPEC_VERSION}), not {v}"),
                ))
            }
            None => {
                return Err(SpecError::one(
                    "version",
                    format!("is required: {SPEC_VERSION}"),
                ))
            }
        }
        let mut problems = Vec::new();
        walk::check(&shape::SPEC, &value, "", &mut problems);
        if !problems.is_empty() {
            return Err(SpecError { problems });
        }
        // The shape walk found nothing; serde still has the last word.
        serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            SpecError::one(path, e.into_inner().to_string())
        })
    }

    /// Every field path of a spec's JSON, as problems and rules name them (`table.name`;
    /// `bucket.corsAllowedOrigins[]` for any entry of a list), objects and lists included.
    pub fn field_paths() -> Vec<String> {
        let mut paths = Vec::new();
        walk::paths(&shape::SPEC, "", &mut paths);
        paths
    }

    /// The spec as pretty JSON. The bridge's access key is left out unless `with_secrets`.
    pub fn to_json(&self, with_secrets: bool) -> String {
        let mut spec = self.clone();
        if !with_secrets {
            if let Some(bridge) = spec.bridge.as_mut() {
                bridge.access_key = None;
            }
        }
        // Plain data with string keys always serialises.
        serde_json::to_string_pretty(&spec).unwrap_or_default()
    }
}
