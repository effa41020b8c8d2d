//! The key Firehose sends with every delivery and the bridge checks: a secret, so its `Debug`
//! never shows it, and it is made from a CSPRNG's bytes (the page's `crypto.getRandomValues`, the
//! CLI's OS generator: the caller brings them, this crate does no I/O).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// Bytes of randomness in a generated key (256 bits).
pub const ACCESS_KEY_RANDOM_BYTES: usize = 32;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccessKey(String);

impl AccessKey {
    /// A key from `ACCESS_KEY_RANDOM_BYTES` random bytes: 43 characters of base64url.
    pub fn from_random_bytes(bytes: &[u8; ACCESS_KEY_RANDOM_BYTES]) -> Self {
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    /// A key given by the person (checked by [`crate::rules`]: 1-4096 bytes, Firehose's limit).
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key itself, for the Lambda's environment and the stream's configuration only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessKey(** redacted **)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_is_43_url_safe_characters_and_never_printed() {
        let key = AccessKey::from_random_bytes(&[0xfb; ACCESS_KEY_RANDOM_BYTES]);
        assert_eq!(key.expose().len(), 43);
        assert!(key
            .expose()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert!(!format!("{key:?}").contains(key.expose()));
        assert_eq!(
            serde_json::to_string(&key).expect("json"),
            format!("\"{}\"", key.expose())
        );
    }
}
