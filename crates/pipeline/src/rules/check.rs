//! What a rule's check reports through ([`Field`]), and the small checks the rules share.

use crate::spec::SpecProblem;

/// The field a rule checks: problems go to the rule's own path, so the path in a message and the
/// rule whose constraint the page shows are always the same.
pub(crate) struct Field<'a> {
    path: &'static str,
    errors: &'a mut Vec<SpecProblem>,
}

impl<'a> Field<'a> {
    pub(super) fn new(path: &'static str, errors: &'a mut Vec<SpecProblem>) -> Self {
        Self { path, errors }
    }

    /// The field breaks the rule.
    pub(crate) fn fail(&mut self, message: impl Into<String>) {
        self.errors.push(SpecProblem {
            path: self.path.to_owned(),
            message: message.into(),
        });
    }

    /// Entry `index` of a list field (path `a.b[]`) breaks the rule: reported as `a.b[index]`.
    pub(crate) fn fail_at(&mut self, index: usize, message: impl Into<String>) {
        self.errors.push(SpecProblem {
            path: self.path.replacen("[]", &format!("[{index}]"), 1),
            message: message.into(),
        });
    }

    /// Reports the error of a check, if any.
    pub(crate) fn check(&mut self, result: Result<(), String>) {
        if let Err(message) = result {
            self.fail(message);
        }
    }
}

/// The rule an `hoseline_aws` input check states, without its field name (ours is the path).
pub(super) fn aws(result: Result<(), hoseline_aws::Error>) -> Result<(), String> {
    result.map_err(|e| match e {
        hoseline_aws::Error::InvalidInput { rule, .. } => rule,
        other => other.to_string(),
    })
}

/// A text of `min..=max` bytes of UTF-8 (DynamoDB counts attribute names in bytes).
pub(super) fn bytes(value: &str, min: usize, max: usize) -> Result<(), String> {
    let n = value.len();
    if n == 0 && min > 0 {
        return Err("is required".to_owned());
    }
    if n < min || n > max {
        return Err(format!(
            "must be {min} to {max} bytes of UTF-8 (it has {n})"
        ));
    }
    Ok(())
}

/// A text of `min..=max` characters made only of `allowed` ones, described for people.
pub(super) fn chars(
    value: &str,
    min: usize,
    max: usize,
    described: &str,
    allowed: impl Fn(char) -> bool,
) -> Result<(), String> {
    aws(hoseline_aws::validate::length("", value, min, max))?;
    aws(hoseline_aws::validate::chars("", value, described, allowed))
}

/// A number in `min..=max`, with the unit for the message.
pub(super) fn range(value: u32, min: u32, max: u32, unit: &str) -> Result<(), String> {
    if value < min || value > max {
        return Err(format!("must be from {min} to {max}{unit} (it is {value})"));
    }
    Ok(())
}

/// The bridge trims its settings, so a name with spaces around it would not be the same name.
pub(super) fn no_outer_spaces(value: &str) -> Result<(), String> {
    if value.trim() != value {
        return Err(format!(
            "must not start or end with spaces ({value:?}): the bridge trims its settings, so it \
             would write another attribute"
        ));
    }
    Ok(())
}
