//! Where a command's AWS settings come from: flags first, then the standard AWS variables.

use hoseline_aws::{ClientConfig, Credentials, Endpoint, Error, Region};

/// Flags every command takes.
#[derive(Debug, Default, clap::Args)]
pub(crate) struct AwsOptions {
    /// Send every request to this base URL (the local emulator); default: $AWS_ENDPOINT_URL, else AWS.
    #[arg(long, global = true, value_name = "URL")]
    pub(crate) endpoint: Option<String>,
    /// AWS region; default: $AWS_REGION, else $AWS_DEFAULT_REGION.
    #[arg(long, global = true, value_name = "R")]
    pub(crate) region: Option<String>,
}

/// Resolves the client settings; `env` looks a variable up (the process environment, or a map in tests).
pub(crate) fn resolve(
    options: &AwsOptions,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ClientConfig, Error> {
    let present = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let key_id = present("AWS_ACCESS_KEY_ID").ok_or_else(|| {
        Error::invalid("AWS_ACCESS_KEY_ID", "is not set: export your access key id")
    })?;
    let secret = present("AWS_SECRET_ACCESS_KEY").ok_or_else(|| {
        Error::invalid(
            "AWS_SECRET_ACCESS_KEY",
            "is not set: export your secret access key",
        )
    })?;
    let token = present("AWS_SESSION_TOKEN");
    let credentials = Credentials::new(&key_id, &secret, token.as_deref())
        .map_err(|e| rename(e, "access key id", "AWS_ACCESS_KEY_ID"))?;

    let (region_text, region_source) = match &options.region {
        Some(r) => (r.clone(), "--region"),
        None => match present("AWS_REGION") {
            Some(r) => (r, "AWS_REGION"),
            None => (
                present("AWS_DEFAULT_REGION").ok_or_else(|| {
                    Error::invalid(
                        "AWS_REGION",
                        "is not set: pass --region or export AWS_REGION",
                    )
                })?,
                "AWS_DEFAULT_REGION",
            ),
        },
    };
    let region = Region::new(&region_text).map_err(|e| rename(e, "region", region_source))?;

    let (endpoint_text, endpoint_source) = match &options.endpoint {
        Some(e) => (e.clone(), "--endpoint"),
        None => (
            present("AWS_ENDPOINT_URL").unwrap_or_default(),
            "AWS_ENDPOINT_URL",
        ),
    };
    let endpoint =
        Endpoint::parse(&endpoint_text).map_err(|e| rename(e, "endpoint", endpoint_source))?;
    Ok(ClientConfig {
        credentials,
        region,
        endpoint,
    })
}

/// The same rule, named after the flag or variable the user actually set.
fn rename(error: Error, from: &str, to: &str) -> Error {
    match error {
        Error::InvalidInput { field, rule } if field == from => Error::invalid(to, rule),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    const DEMO: [(&str, &str); 2] = [
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
    ];

    #[test]
    fn variables_give_credentials_region_and_endpoint() {
        let mut vars = DEMO.to_vec();
        vars.extend([
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_SESSION_TOKEN", "tok"),
        ]);
        let c = resolve(&AwsOptions::default(), env(&vars)).expect("resolves");
        assert_eq!(c.region.as_str(), "eu-west-1");
        assert_eq!(c.endpoint, Endpoint::Custom("http://127.0.0.1:4566".into()));
        assert_eq!(
            c.credentials.session_token.as_ref().map(|t| t.expose()),
            Some("tok")
        );
    }

    #[test]
    fn flags_win_over_variables() {
        let mut vars = DEMO.to_vec();
        vars.extend([
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
        ]);
        let options = AwsOptions {
            endpoint: Some(String::new()),
            region: Some("ap-south-1".into()),
        };
        let c = resolve(&options, env(&vars)).expect("resolves");
        assert_eq!(c.region.as_str(), "ap-south-1");
        assert!(c.endpoint.is_aws(), "an empty --endpoint means AWS");
    }

    #[test]
    fn missing_or_bad_settings_name_the_variable_or_flag() {
        let e = resolve(&AwsOptions::default(), env(&[])).unwrap_err();
        assert_eq!(e.field(), Some("AWS_ACCESS_KEY_ID"));
        let e = resolve(&AwsOptions::default(), env(&DEMO)).unwrap_err();
        assert_eq!(e.field(), Some("AWS_REGION"));
        let mut vars = DEMO.to_vec();
        vars.push(("AWS_REGION", "Europe"));
        assert_eq!(
            resolve(&AwsOptions::default(), env(&vars))
                .unwrap_err()
                .field(),
            Some("AWS_REGION")
        );
        let options = AwsOptions {
            endpoint: Some("127.0.0.1:4566".into()),
            region: Some("us-east-1".into()),
        };
        assert_eq!(
            resolve(&options, env(&DEMO)).unwrap_err().field(),
            Some("--endpoint")
        );
        let vars = [
            ("AWS_ACCESS_KEY_ID", "short"),
            ("AWS_SECRET_ACCESS_KEY", "s"),
            ("AWS_REGION", "us-east-1"),
        ];
        assert_eq!(
            resolve(&AwsOptions::default(), env(&vars))
                .unwrap_err()
                .field(),
            Some("AWS_ACCESS_KEY_ID")
        );
    }

    #[test]
    fn the_default_region_variable_is_a_fallback() {
        let mut vars = DEMO.to_vec();
        vars.push(("AWS_DEFAULT_REGION", "us-west-2"));
        assert_eq!(
            resolve(&AwsOptions::default(), env(&vars))
                .expect("resolves")
                .region
                .as_str(),
            "us-west-2"
        );
    }
}
