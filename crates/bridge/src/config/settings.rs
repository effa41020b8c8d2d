//! The settings a delivery's URL may give the local server as well as the environment gives them
//! to the bridge: the reject prefix and the mapping options. One parser reads both, under the
//! names of each ([`ENV`], [`QUERY`]), so a value is checked by the same rule wherever it comes
//! from, and an error names the variable or the query parameter it was read from.

use hoseline_pipeline::bridge_env;
use hoseline_pipeline::mapping::{MappingOptions, TtlSetting};

use super::DEFAULT_REJECT_PREFIX;
use crate::Error;

/// What each setting is called where it is read from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Names {
    pub(crate) reject_prefix: &'static str,
    pub(crate) generate_key: &'static str,
    pub(crate) ttl_attribute: &'static str,
    pub(crate) ttl_days: &'static str,
    pub(crate) arrival_attribute: &'static str,
    pub(crate) copy_common_attributes: &'static str,
}

/// The environment variables (the Lambda's, and the local server's defaults).
pub(crate) const ENV: Names = Names {
    reject_prefix: bridge_env::REJECT_PREFIX,
    generate_key: bridge_env::GENERATE_KEY,
    ttl_attribute: bridge_env::TTL_ATTRIBUTE,
    ttl_days: bridge_env::TTL_DAYS,
    arrival_attribute: bridge_env::ARRIVAL_ATTRIBUTE,
    copy_common_attributes: bridge_env::COPY_COMMON_ATTRIBUTES,
};

/// The local server's query parameters, as the pipeline plan writes a local stream's URL.
pub(crate) const QUERY: Names = Names {
    reject_prefix: bridge_env::QUERY_REJECT_PREFIX,
    generate_key: bridge_env::QUERY_GENERATE_KEY,
    ttl_attribute: bridge_env::QUERY_TTL_ATTRIBUTE,
    ttl_days: bridge_env::QUERY_TTL_DAYS,
    arrival_attribute: bridge_env::QUERY_ARRIVAL_ATTRIBUTE,
    copy_common_attributes: bridge_env::QUERY_COPY_COMMON_ATTRIBUTES,
};

/// The mapping options, each read through `get` under its name in `names`: `None` is unset
/// (callers pass no blank value), and an unset option is off. A TTL needs both its attribute and
/// its days (1 to 36500); flags are `true` or `false` (any case); attribute names are at most 255
/// bytes; values are trimmed of surrounding whitespace.
pub(crate) fn mapping_options(
    names: &Names,
    get: impl Fn(&str) -> Option<String>,
) -> Result<MappingOptions, Error> {
    let ttl = match (get(names.ttl_attribute), get(names.ttl_days)) {
        (None, None) => None,
        (Some(attribute), Some(days)) => Some(TtlSetting {
            attribute: attribute_name(names.ttl_attribute, attribute)?,
            days: number::<u32>(names.ttl_days, &days, 1, 36_500)?,
        }),
        (Some(_), None) => {
            return Err(Error::config(
                names.ttl_days,
                format!("is required when {} is set", names.ttl_attribute),
            ))
        }
        (None, Some(_)) => {
            return Err(Error::config(
                names.ttl_attribute,
                format!("is required when {} is set", names.ttl_days),
            ))
        }
    };
    Ok(MappingOptions {
        generate_missing_key: flag(names.generate_key, get(names.generate_key))?,
        ttl,
        arrival_attribute: get(names.arrival_attribute)
            .map(|a| attribute_name(names.arrival_attribute, a))
            .transpose()?,
        copy_common_attributes: flag(
            names.copy_common_attributes,
            get(names.copy_common_attributes),
        )?,
    })
}

/// The prefix as given (empty allowed: objects at the bucket's root), trimmed, ending with `/` so
/// the date folders follow it; unset is `bridge-rejected/`.
pub(crate) fn reject_prefix(name: &str, value: Option<String>) -> Result<String, Error> {
    let Some(prefix) = value else {
        return Ok(DEFAULT_REJECT_PREFIX.to_owned());
    };
    let prefix = prefix.trim();
    if prefix.starts_with('/') || prefix.len() > 512 {
        return Err(Error::config(
            name,
            "must not start with '/' and must be at most 512 characters",
        ));
    }
    Ok(if prefix.is_empty() || prefix.ends_with('/') {
        prefix.to_owned()
    } else {
        format!("{prefix}/")
    })
}

fn attribute_name(name: &str, value: String) -> Result<String, Error> {
    let value = value.trim().to_owned();
    if value.len() > 255 {
        return Err(Error::config(
            name,
            "must be an attribute name of at most 255 bytes",
        ));
    }
    Ok(value)
}

fn flag(name: &str, value: Option<String>) -> Result<bool, Error> {
    match value.as_deref().map(str::trim) {
        None => Ok(false),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
        Some(v) => Err(Error::config(
            name,
            format!("must be true or false (it is {v:?})"),
        )),
    }
}

pub(crate) fn number<N>(name: &str, value: &str, min: N, max: N) -> Result<N, Error>
where
    N: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    match value.trim().parse::<N>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(Error::config(
            name,
            format!("must be a whole number from {min} to {max} (it is {value:?})"),
        )),
    }
}
