//! Input checks shared by the operations, each naming the field and the rule, so bad input is
//! refused before any request is sent. The limits come from botocore's service models.

use crate::Error;

/// A required string of `min..=max` characters.
pub fn length(field: &str, value: &str, min: usize, max: usize) -> Result<(), Error> {
    let n = value.chars().count();
    if n == 0 && min > 0 {
        return Err(Error::invalid(field, "is required"));
    }
    if n < min || n > max {
        return Err(Error::invalid(
            field,
            format!("must be {min} to {max} characters long (it has {n})"),
        ));
    }
    Ok(())
}

/// An optional string: checked only when present.
pub fn opt_length(field: &str, value: Option<&str>, min: usize, max: usize) -> Result<(), Error> {
    value.map_or(Ok(()), |v| length(field, v, min, max))
}

/// Every character satisfies `allowed`; `described` says which ones, for the message.
pub fn chars(
    field: &str,
    value: &str,
    described: &str,
    allowed: impl Fn(char) -> bool,
) -> Result<(), Error> {
    match value.chars().find(|c| !allowed(*c)) {
        Some(bad) => Err(Error::invalid(
            field,
            format!("may contain only {described} ({bad:?} is not allowed)"),
        )),
        None => Ok(()),
    }
}

/// A number in `min..=max`.
pub fn range<N: PartialOrd + std::fmt::Display>(
    field: &str,
    value: N,
    min: N,
    max: N,
) -> Result<(), Error> {
    if value < min || value > max {
        return Err(Error::invalid(
            field,
            format!("must be from {min} to {max} (it is {value})"),
        ));
    }
    Ok(())
}

/// A list of `min..=max` entries.
pub fn count<T>(field: &str, items: &[T], min: usize, max: usize) -> Result<(), Error> {
    let n = items.len();
    if n < min || n > max {
        return Err(Error::invalid(
            field,
            format!("must have {min} to {max} entries (it has {n})"),
        ));
    }
    Ok(())
}

/// One of the listed values.
pub fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<(), Error> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("must be one of {} (it is {value:?})", allowed.join(", ")),
        ))
    }
}

/// An ARN: `arn:partition:service:region:account:resource`.
pub fn arn(field: &str, value: &str) -> Result<(), Error> {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    if parts.len() < 6
        || parts[0] != "arn"
        || parts[1].is_empty()
        || parts[2].is_empty()
        || parts[5].is_empty()
    {
        return Err(Error::invalid(
            field,
            format!("{value:?} is not an ARN (arn:aws:service:region:account:resource)"),
        ));
    }
    Ok(())
}

/// DynamoDB table and index names; Firehose stream names use the same characters.
pub fn name_chars(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_and_the_rule() {
        let e = length("TableName", "ab", 3, 255).unwrap_err();
        assert_eq!(
            e.to_string(),
            "TableName: must be 3 to 255 characters long (it has 2)"
        );
        let e = chars("TableName", "a b", "letters, digits, _ - .", name_chars).unwrap_err();
        assert_eq!(
            e.to_string(),
            "TableName: may contain only letters, digits, _ - . (' ' is not allowed)"
        );
        assert_eq!(
            range("Limit", 0, 1, 100).unwrap_err().field(),
            Some("Limit")
        );
        assert!(count("Records", &[1, 2], 1, 500).is_ok());
        assert!(arn("RoleARN", "arn:aws:iam::123456789012:role/x").is_ok());
        assert!(arn("RoleARN", "role/x").is_err());
        assert!(one_of(
            "BillingMode",
            "PROVISIONED",
            &["PROVISIONED", "PAY_PER_REQUEST"]
        )
        .is_ok());
    }
}
