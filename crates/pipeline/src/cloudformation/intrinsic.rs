//! CloudFormation's intrinsic functions, and the bridge from the policy helpers of
//! [`hoseline_aws::iam::policies`] (which take the partition, region and account as text) to a
//! template: pass them the pseudo parameters as `${AWS::...}` and [`substitute`] the result.

use serde_json::{json, Value};

/// `${AWS::Partition}`, `${AWS::Region}`, `${AWS::AccountId}`: stand-ins for the policy helpers.
pub(crate) const PARTITION: &str = "${AWS::Partition}";
pub(crate) const REGION: &str = "${AWS::Region}";
pub(crate) const ACCOUNT_ID: &str = "${AWS::AccountId}";

pub(crate) fn reference(id: &str) -> Value {
    json!({"Ref": id})
}

pub(crate) fn get_att(id: &str, attribute: &str) -> Value {
    json!({"Fn::GetAtt": [id, attribute]})
}

/// `text` as a template value: a plain string, `{"Ref": X}` when it is exactly `${X}`, otherwise
/// `{"Fn::Sub": text}` when it names a variable.
pub(crate) fn sub(text: &str) -> Value {
    match text.strip_prefix("${").and_then(|t| t.strip_suffix('}')) {
        Some(name) if !name.contains(['$', '{', '}']) => reference(name),
        _ if text.contains("${") => json!({"Fn::Sub": text}),
        _ => Value::String(text.to_owned()),
    }
}

/// Every string in `value` through [`sub`]. Only for documents built here from spec values that
/// cannot hold `${` (names and prefixes of AWS's character sets) and the stand-ins above.
pub(crate) fn substitute(value: Value) -> Value {
    match value {
        Value::String(s) => sub(&s),
        Value::Array(items) => Value::Array(items.into_iter().map(substitute).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, substitute(v))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_parameters_become_ref_or_sub() {
        assert_eq!(sub("${AWS::AccountId}"), json!({"Ref": "AWS::AccountId"}));
        assert_eq!(
            sub("arn:${AWS::Partition}:s3:::b/*"),
            json!({"Fn::Sub": "arn:${AWS::Partition}:s3:::b/*"})
        );
        assert_eq!(
            sub("errors/!{firehose:error-output-type}/"),
            json!("errors/!{firehose:error-output-type}/")
        );
        assert_eq!(
            substitute(json!({"A": ["${AWS::Region}", 1, {"B": "x"}]})),
            json!({"A": [{"Ref": "AWS::Region"}, 1, {"B": "x"}]})
        );
    }
}
