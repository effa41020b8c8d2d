//! The Connection form as plain data: what the person typed, and a pure `validate` that turns it
//! into a [`ClientConfig`] or a message per field. Validation never changes what was typed.

use hoseline_aws::{ClientConfig, Credentials, Endpoint, Error, Region};

/// The local emulator and its demo credentials: the form's starting point.
pub const DEMO_ENDPOINT: &str = "http://127.0.0.1:4566";
pub const DEMO_REGION: &str = "us-east-1";
pub const DEMO_ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DEMO_SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// One input of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Region,
    AccessKeyId,
    SecretAccessKey,
    SessionToken,
    Endpoint,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Region,
        Field::AccessKeyId,
        Field::SecretAccessKey,
        Field::SessionToken,
        Field::Endpoint,
    ];

    /// The field an AWS input error names (`Error::field()`), if it is one of ours.
    pub fn from_error_name(name: &str) -> Option<Field> {
        match name {
            "region" => Some(Field::Region),
            "access key id" => Some(Field::AccessKeyId),
            "secret access key" => Some(Field::SecretAccessKey),
            "session token" => Some(Field::SessionToken),
            "endpoint" => Some(Field::Endpoint),
            _ => None,
        }
    }

    /// The value of `data-testid` on the field's input.
    pub fn testid(self) -> &'static str {
        match self {
            Field::Region => "region",
            Field::AccessKeyId => "access-key-id",
            Field::SecretAccessKey => "secret-access-key",
            Field::SessionToken => "session-token",
            Field::Endpoint => "endpoint",
        }
    }
}

/// A message per field that failed its rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(Field, String)>);

impl FieldErrors {
    pub fn get(&self, field: Field) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Forgets one field's message (the person is editing it).
    pub fn clear(&mut self, field: Field) {
        self.0.retain(|(f, _)| *f != field);
    }

    /// Files `error` under the field it names, or under `fallback` (the field that was checked).
    fn record(&mut self, fallback: Field, error: &Error) {
        let field = error
            .field()
            .and_then(Field::from_error_name)
            .unwrap_or(fallback);
        if self.get(field).is_none() {
            self.0.push((field, message(error)));
        }
    }
}

/// "access key id" + "is required" reads "Access key id is required".
fn message(error: &Error) -> String {
    let text = match error {
        Error::InvalidInput { field, rule } => format!("{field} {rule}"),
        other => other.to_string(),
    };
    // Field names are ASCII; no Unicode case tables needed.
    let mut text = text;
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// What the person typed, exactly as typed. Its `Debug` hides the secret and the session token.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnectionForm {
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    pub endpoint: String,
}

impl Default for ConnectionForm {
    fn default() -> Self {
        Self {
            region: DEMO_REGION.into(),
            access_key_id: DEMO_ACCESS_KEY_ID.into(),
            secret_access_key: DEMO_SECRET_ACCESS_KEY.into(),
            session_token: String::new(),
            endpoint: DEMO_ENDPOINT.into(),
        }
    }
}

/// Like `Credentials`: a log or a panic message never carries the secret or the session token.
impl std::fmt::Debug for ConnectionForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionForm")
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &redacted(&self.secret_access_key))
            .field("session_token", &redacted(&self.session_token))
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

/// "** redacted **" for a value that was typed, "" for an empty one (so Debug still tells them apart).
fn redacted(secret: &str) -> &'static str {
    if secret.is_empty() {
        ""
    } else {
        "** redacted **"
    }
}

impl ConnectionForm {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Region => &self.region,
            Field::AccessKeyId => &self.access_key_id,
            Field::SecretAccessKey => &self.secret_access_key,
            Field::SessionToken => &self.session_token,
            Field::Endpoint => &self.endpoint,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Region => self.region = value,
            Field::AccessKeyId => self.access_key_id = value,
            Field::SecretAccessKey => self.secret_access_key = value,
            Field::SessionToken => self.session_token = value,
            Field::Endpoint => self.endpoint = value,
        }
    }

    /// The form as it was before: the same connection, shown again (restored from the tab).
    pub fn from_config(config: &ClientConfig) -> Self {
        let credentials = &config.credentials;
        Self {
            region: config.region.as_str().to_owned(),
            access_key_id: credentials.access_key_id.clone(),
            secret_access_key: credentials.secret_access_key.expose().to_owned(),
            session_token: credentials
                .session_token
                .as_ref()
                .map(|t| t.expose().to_owned())
                .unwrap_or_default(),
            endpoint: match &config.endpoint {
                Endpoint::Aws => String::new(),
                Endpoint::Custom(url) => url.clone(),
            },
        }
    }

    /// Checks every field (not just the first bad one) and builds the client configuration.
    pub fn validate(&self) -> Result<ClientConfig, FieldErrors> {
        let mut errors = FieldErrors::default();
        let region = Region::new(&self.region).map_err(|e| errors.record(Field::Region, &e));
        let endpoint =
            Endpoint::parse(&self.endpoint).map_err(|e| errors.record(Field::Endpoint, &e));
        let token = Some(self.session_token.as_str());
        let credentials = Credentials::new(&self.access_key_id, &self.secret_access_key, token)
            .map_err(|e| {
                errors.record(Field::AccessKeyId, &e);
                // Credentials::new stops at the key id; check the secret on its own too, so a
                // person sees every message at once.
                if e.field() == Some("access key id") {
                    if let Err(e) =
                        Credentials::new(DEMO_ACCESS_KEY_ID, &self.secret_access_key, None)
                    {
                        errors.record(Field::SecretAccessKey, &e);
                    }
                }
            });
        match (region, endpoint, credentials) {
            (Ok(region), Ok(endpoint), Ok(credentials)) => Ok(ClientConfig {
                credentials,
                region,
                endpoint,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(field: Field, value: &str) -> ConnectionForm {
        let mut form = ConnectionForm::default();
        form.set(field, value.into());
        form
    }

    /// The only message is on `field`, and it names `rule`.
    fn assert_only_error(form: &ConnectionForm, field: Field, rule: &str) {
        let before = form.clone();
        let errors = form.validate().expect_err("should be refused");
        assert_eq!(*form, before, "validation changed what was typed");
        assert_eq!(errors.len(), 1, "{errors:?}");
        let message = errors
            .get(field)
            .unwrap_or_else(|| panic!("no message on {field:?}: {errors:?}"));
        assert!(message.contains(rule), "{field:?}: {message}");
    }

    #[test]
    fn the_defaults_are_the_local_emulator_and_valid() {
        let config = ConnectionForm::default()
            .validate()
            .expect("defaults are valid");
        assert_eq!(config.endpoint, Endpoint::Custom(DEMO_ENDPOINT.into()));
        assert_eq!(config.region.as_str(), "us-east-1");
        assert_eq!(config.credentials.access_key_id, DEMO_ACCESS_KEY_ID);
        assert!(config.credentials.session_token.is_none());
    }

    #[test]
    fn an_empty_endpoint_means_aws() {
        let config = with(Field::Endpoint, "  ").validate().expect("valid");
        assert_eq!(config.endpoint, Endpoint::Aws);
    }

    #[test]
    fn each_bad_input_gets_a_message_on_its_own_field() {
        assert_only_error(
            &with(Field::AccessKeyId, ""),
            Field::AccessKeyId,
            "Access key id is required",
        );
        assert_only_error(
            &with(Field::AccessKeyId, "AKIA"),
            Field::AccessKeyId,
            "16 to 128",
        );
        assert_only_error(
            &with(Field::AccessKeyId, "AKIA-IOSFODNN7EXAMPLE"),
            Field::AccessKeyId,
            "letters, digits",
        );
        assert_only_error(
            &with(Field::SecretAccessKey, ""),
            Field::SecretAccessKey,
            "is required",
        );
        assert_only_error(
            &with(Field::SecretAccessKey, "a b"),
            Field::SecretAccessKey,
            "spaces",
        );
        assert_only_error(
            &with(Field::Region, ""),
            Field::Region,
            "Region is required",
        );
        assert_only_error(
            &with(Field::Region, "useast1"),
            Field::Region,
            "not a region code",
        );
        assert_only_error(
            &with(Field::Endpoint, "127.0.0.1:4566"),
            Field::Endpoint,
            "http://",
        );
        assert_only_error(
            &with(Field::Endpoint, "http://h:99999"),
            Field::Endpoint,
            "port",
        );
        assert_only_error(
            &with(Field::Endpoint, "http://h:4566/x"),
            Field::Endpoint,
            "no path",
        );
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let form = ConnectionForm {
            region: "nowhere".into(),
            access_key_id: String::new(),
            secret_access_key: String::new(),
            session_token: String::new(),
            endpoint: "ftp://x".into(),
        };
        let errors = form.validate().expect_err("refused");
        for field in [
            Field::Region,
            Field::AccessKeyId,
            Field::SecretAccessKey,
            Field::Endpoint,
        ] {
            assert!(errors.get(field).is_some(), "{field:?}: {errors:?}");
        }
        assert!(errors.get(Field::SessionToken).is_none());
    }

    #[test]
    fn a_session_token_is_optional_and_kept_when_given() {
        let config = with(Field::SessionToken, "FwoGZXIvYXdzE")
            .validate()
            .expect("valid");
        let token = config.credentials.session_token.expect("token kept");
        assert_eq!(token.expose(), "FwoGZXIvYXdzE");
    }

    #[test]
    fn a_config_shows_again_as_the_form_it_came_from() {
        let form = ConnectionForm {
            endpoint: String::new(),
            session_token: "TOKEN".into(),
            ..ConnectionForm::default()
        };
        let config = form.validate().expect("valid");
        assert_eq!(ConnectionForm::from_config(&config), form);
    }

    #[test]
    fn clearing_a_message_leaves_the_others() {
        let mut errors = ConnectionForm {
            region: String::new(),
            access_key_id: String::new(),
            ..ConnectionForm::default()
        }
        .validate()
        .expect_err("refused");
        errors.clear(Field::Region);
        assert!(errors.get(Field::Region).is_none());
        assert!(errors.get(Field::AccessKeyId).is_some());
    }

    #[test]
    fn debug_never_shows_the_secret_or_the_session_token() {
        let form = ConnectionForm {
            session_token: "FQoGZXIvYXdzEXAMPLETOKEN".into(),
            ..ConnectionForm::default()
        };
        let printed = format!("{form:?}");
        assert!(!printed.contains(DEMO_SECRET_ACCESS_KEY), "{printed}");
        assert!(!printed.contains("FQoGZXIvYXdzEXAMPLETOKEN"), "{printed}");
        assert!(
            printed.contains(DEMO_ACCESS_KEY_ID),
            "the key id is not secret: {printed}"
        );
        assert!(printed.contains("redacted"), "{printed}");
    }
}
