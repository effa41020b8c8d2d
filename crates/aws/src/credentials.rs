//! AWS credentials. The secret and the session token never show in Debug or logs, and are
//! zeroed when dropped.

use std::fmt;

use zeroize::Zeroizing;

use crate::Error;

/// A secret string: Debug and Display print `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(Zeroizing::new(value.into()))
    }

    /// The secret itself, for the signer and for storage the user opted into.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: Secret,
    /// Present for temporary credentials (STS, Cognito, SSO).
    pub session_token: Option<Secret>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key)
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

impl Credentials {
    /// Checks the shape of each part, naming the field and the rule; nothing is sent.
    pub fn new(
        access_key_id: &str,
        secret_access_key: &str,
        session_token: Option<&str>,
    ) -> Result<Self, Error> {
        let access_key_id = access_key_id.trim();
        validate_access_key_id(access_key_id)?;
        if secret_access_key.trim().is_empty() {
            return Err(Error::invalid("secret access key", "is required"));
        }
        if secret_access_key.trim() != secret_access_key
            || secret_access_key.chars().any(char::is_whitespace)
        {
            return Err(Error::invalid(
                "secret access key",
                "must not contain spaces",
            ));
        }
        let session_token = session_token.map(str::trim).filter(|t| !t.is_empty());
        Ok(Self {
            access_key_id: access_key_id.to_owned(),
            secret_access_key: Secret::new(secret_access_key),
            session_token: session_token.map(Secret::new),
        })
    }
}

/// IAM's AccessKeyId shape: 16 to 128 word characters (AKIA... for long-term, ASIA... for temporary keys).
pub fn validate_access_key_id(id: &str) -> Result<(), Error> {
    const FIELD: &str = "access key id";
    if id.is_empty() {
        return Err(Error::invalid(FIELD, "is required"));
    }
    if !(16..=128).contains(&id.len()) {
        return Err(Error::invalid(
            FIELD,
            format!("must be 16 to 128 characters long (it has {})", id.len()),
        ));
    }
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Error::invalid(
            FIELD,
            "may contain only letters, digits and _",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret_or_the_token() {
        let c = Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            Some("TOKEN123"),
        )
        .expect("valid");
        let shown = format!("{c:?} {:?}", c.secret_access_key);
        assert!(shown.contains("AKIAIOSFODNN7EXAMPLE"));
        assert!(!shown.contains("wJalr"));
        assert!(!shown.contains("TOKEN123"));
    }

    #[test]
    fn malformed_key_ids_name_the_field_and_the_rule() {
        let e = Credentials::new("", "s", None).unwrap_err();
        assert_eq!(e.field(), Some("access key id"));
        let e = Credentials::new("AKIA", "s", None).unwrap_err();
        assert!(e.to_string().contains("16 to 128"), "{e}");
        let e = Credentials::new("AKIA IOSFODNN7EXAMPLE", "s", None).unwrap_err();
        assert!(e.to_string().contains("letters, digits"), "{e}");
        let e = Credentials::new("AKIAIOSFODNN7EXAMPLE", "", None).unwrap_err();
        assert_eq!(e.field(), Some("secret access key"));
    }

    #[test]
    fn an_empty_session_token_means_none() {
        let c = Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", Some("  ")).expect("valid");
        assert!(c.session_token.is_none());
    }
}
