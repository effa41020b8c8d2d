//! "Remember in this tab": the connection as JSON in `sessionStorage`, only when the person opts
//! in. The tab forgets it when closed; nothing else ever holds the secret.

use hoseline_aws::ClientConfig;
use serde::{Deserialize, Serialize};

use super::form::ConnectionForm;

/// The `sessionStorage` key.
pub const KEY: &str = "hoseline.connection";

#[derive(Serialize, Deserialize)]
struct Stored {
    region: String,
    access_key_id: String,
    secret_access_key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    session_token: String,
    /// Empty for AWS.
    endpoint: String,
}

/// What to do with the tab's storage. `Save` holds the JSON with the secret in it, so its `Debug`
/// shows only its length.
#[derive(PartialEq, Eq)]
pub enum Persist {
    Save(String),
    Clear,
}

impl std::fmt::Debug for Persist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Persist::Save(json) => write!(f, "Save(** {} bytes redacted **)", json.len()),
            Persist::Clear => f.write_str("Clear"),
        }
    }
}

/// Saves the connection only if the person opted in; otherwise makes sure nothing is stored.
pub fn plan(config: Option<&ClientConfig>, remember: bool) -> Persist {
    match config {
        Some(config) if remember => Persist::Save(encode(config)),
        _ => Persist::Clear,
    }
}

fn encode(config: &ClientConfig) -> String {
    let form = ConnectionForm::from_config(config);
    let stored = Stored {
        region: form.region,
        access_key_id: form.access_key_id,
        secret_access_key: form.secret_access_key,
        session_token: form.session_token,
        endpoint: form.endpoint,
    };
    // A struct of strings always serialises.
    serde_json::to_string_pretty(&stored).unwrap_or_default()
}

/// A stored connection, checked by the same rules as typed input; anything else is ignored.
pub fn decode(json: &str) -> Option<ClientConfig> {
    let stored: Stored = serde_json::from_str(json).ok()?;
    ConnectionForm {
        region: stored.region,
        access_key_id: stored.access_key_id,
        secret_access_key: stored.secret_access_key,
        session_token: stored.session_token,
        endpoint: stored.endpoint,
    }
    .validate()
    .ok()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The connection remembered in this tab, if any.
pub fn load() -> Option<ClientConfig> {
    decode(&session_storage()?.get_item(KEY).ok()??)
}

/// Carries out a [`Persist`]; `false` if the browser refused (storage disabled or full).
pub fn apply(persist: Persist) -> bool {
    let Some(storage) = session_storage() else {
        return false;
    };
    match persist {
        Persist::Save(json) => storage.set_item(KEY, &json).is_ok(),
        Persist::Clear => storage.remove_item(KEY).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(token: &str, endpoint: &str) -> ClientConfig {
        ConnectionForm {
            session_token: token.into(),
            endpoint: endpoint.into(),
            ..ConnectionForm::default()
        }
        .validate()
        .expect("valid")
    }

    #[test]
    fn nothing_is_stored_unless_the_person_opts_in() {
        assert_eq!(plan(Some(&config("", "")), false), Persist::Clear);
        assert_eq!(plan(None, true), Persist::Clear);
    }

    #[test]
    fn an_opted_in_connection_round_trips_with_its_secrets() {
        for (token, endpoint) in [("", "http://127.0.0.1:4566"), ("TOKEN", "")] {
            let original = config(token, endpoint);
            let Persist::Save(json) = plan(Some(&original), true) else {
                panic!("should save");
            };
            assert!(json.contains(original.credentials.secret_access_key.expose()));
            assert_eq!(json.contains("TOKEN"), !token.is_empty());
            assert_eq!(decode(&json), Some(original));
        }
    }

    #[test]
    fn garbage_or_invalid_storage_is_ignored() {
        assert_eq!(decode("not json"), None);
        assert_eq!(decode("{}"), None);
        let bad_region = r#"{"region":"x","access_key_id":"AKIAIOSFODNN7EXAMPLE",
            "secret_access_key":"s","endpoint":""}"#;
        assert_eq!(decode(bad_region), None);
    }

    #[test]
    fn debug_of_a_save_never_shows_the_secret() {
        let persist = plan(Some(&config("FQoGZXIvYXdzEXAMPLETOKEN", "")), true);
        let printed = format!("{persist:?}");
        assert!(matches!(persist, Persist::Save(_)));
        assert!(!printed.contains("wJalrXUtnFEMI"), "{printed}");
        assert!(!printed.contains("FQoGZXIvYXdzEXAMPLETOKEN"), "{printed}");
        assert_eq!(format!("{:?}", Persist::Clear), "Clear");
    }
}
