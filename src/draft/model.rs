//! The draft: the pipeline spec being edited, the steps the person has opened, and whether it
//! holds edits not yet made into a pipeline. Pure: [`super::context`] binds it to the page.

use std::collections::{BTreeMap, BTreeSet};

use hoseline_aws::{ClientConfig, Endpoint};
use hoseline_pipeline::spec::{PipelineSpec, Target};

use crate::wizard::step::Step;

/// The pipeline name a new draft starts from; every resource name derives from it.
pub const DEFAULT_NAME: &str = "demo";

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub spec: PipelineSpec,
    /// Steps opened so far; only these can be reopened from the step list.
    pub visited: BTreeSet<Step>,
    /// Changed since it was started (or last made into a pipeline): leaving the page asks first.
    pub edited: bool,
    /// What the person typed where the spec cannot hold it as typed (a number field reading
    /// "abc" or "05"), by field path: shown instead of the spec's value, so no input is lost.
    pub raw: RawInputs,
    /// The Firehose -> DynamoDB parts (table, bridge, bridge role) as they were before the kind
    /// was switched to S3, so switching back restores them. In memory only.
    pub set_aside: Option<Box<PipelineSpec>>,
}

/// Typed text by field path (`stream.bufferingSizeMb`).
pub type RawInputs = BTreeMap<String, String>;

/// The steps a new draft has opened: Connection. (Not `BTreeSet::from`, which links a sort.)
pub fn only_connection() -> BTreeSet<Step> {
    let mut steps = BTreeSet::new();
    steps.insert(Step::Connection);
    steps
}

impl Draft {
    /// A new draft: nothing edited, only Connection visited.
    pub fn new(spec: PipelineSpec) -> Self {
        Self {
            spec,
            visited: only_connection(),
            edited: false,
            raw: RawInputs::new(),
            set_aside: None,
        }
    }

    /// The draft a connection starts: Firehose -> bridge -> DynamoDB, on the emulator when the
    /// endpoint is this machine's, otherwise in the connection's AWS region.
    pub fn for_connection(config: &ClientConfig) -> Self {
        Self::new(initial_spec(config, DEFAULT_NAME))
    }
}

/// `name`'s default spec for the connection's target. On the emulator, the calls go to the
/// connection's endpoint (whatever its port) and are signed for its region.
pub fn initial_spec(config: &ClientConfig, name: &str) -> PipelineSpec {
    let region = config.region.as_str();
    match &config.endpoint {
        Endpoint::Custom(url) if is_loopback_url(url) => {
            let mut spec = PipelineSpec::local_dynamodb(name);
            if let Target::Local {
                endpoint,
                region: local_region,
                ..
            } = &mut spec.target
            {
                endpoint.clone_from(url);
                region.clone_into(local_region);
            }
            spec
        }
        _ => PipelineSpec::aws_dynamodb(name, region),
    }
}

/// Why the draft does not fit the connection (made for the emulator, connected to AWS...), in
/// words for the person; `None` when it fits.
pub fn target_mismatch(spec: &PipelineSpec, config: &ClientConfig) -> Option<String> {
    let connected = match &config.endpoint {
        Endpoint::Aws => format!("AWS ({})", config.region.as_str()),
        Endpoint::Custom(url) => url.clone(),
    };
    let fits = match (&spec.target, &config.endpoint) {
        (Target::Local { endpoint, .. }, Endpoint::Custom(url)) => endpoint == url,
        (Target::Aws { region }, Endpoint::Aws) => region == config.region.as_str(),
        _ => false,
    };
    if fits {
        return None;
    }
    let drafted = match &spec.target {
        Target::Local { endpoint, .. } => format!("the emulator at {endpoint}"),
        Target::Aws { region } => format!("AWS ({region})"),
    };
    Some(format!(
        "This draft was made for {drafted}, but the console is connected to {connected}."
    ))
}

/// `http(s)://` to 127.0.0.0/8, `localhost` or `[::1]`: the local emulator on this machine.
pub fn is_loopback_url(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host
            .strip_prefix("127.")
            .is_some_and(|r| r.split('.').count() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::form::ConnectionForm;

    fn config(endpoint: &str, region: &str) -> ClientConfig {
        ConnectionForm {
            endpoint: endpoint.into(),
            region: region.into(),
            ..ConnectionForm::default()
        }
        .validate()
        .expect("valid")
    }

    #[test]
    fn on_the_emulator_the_draft_targets_its_endpoint_and_region() {
        let draft = Draft::for_connection(&config("http://127.0.0.1:5066", "eu-west-1"));
        assert_eq!(draft.spec.name, "demo");
        assert_eq!(
            draft.spec.table.as_ref().map(|t| t.name.as_str()),
            Some("demo-tickers")
        );
        match &draft.spec.target {
            Target::Local {
                endpoint,
                region,
                bridge_url,
            } => {
                assert_eq!(endpoint, "http://127.0.0.1:5066");
                assert_eq!(region, "eu-west-1");
                assert_eq!(bridge_url, "http://127.0.0.1:4599");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(draft.visited, BTreeSet::from([Step::Connection]));
        assert!(!draft.edited);
    }

    #[test]
    fn on_aws_the_draft_targets_the_connections_region() {
        let draft = Draft::for_connection(&config("", "eu-central-1"));
        assert_eq!(
            draft.spec.target,
            Target::Aws {
                region: "eu-central-1".into()
            }
        );
        assert_eq!(
            draft.spec,
            PipelineSpec::aws_dynamodb("demo", "eu-central-1")
        );
    }

    #[test]
    fn only_this_machine_is_the_emulator() {
        for url in [
            "http://127.0.0.1:4566",
            "http://localhost:4566",
            "http://[::1]:4566",
            "https://127.1.2.3",
        ] {
            assert!(is_loopback_url(url), "{url}");
        }
        for url in [
            "http://10.0.0.5:4566",
            "https://dynamodb.us-east-1.amazonaws.com",
            "http://127.0.0.1.example.com",
            "127.0.0.1:4566",
        ] {
            assert!(!is_loopback_url(url), "{url}");
        }
    }

    #[test]
    fn a_draft_for_another_target_says_which() {
        let local = initial_spec(&config("http://127.0.0.1:4566", "us-east-1"), "demo");
        assert_eq!(
            target_mismatch(&local, &config("http://127.0.0.1:4566", "us-east-1")),
            None
        );
        let text = target_mismatch(&local, &config("", "us-east-1")).expect("mismatch");
        assert!(text.contains("emulator at http://127.0.0.1:4566"), "{text}");
        assert!(text.contains("AWS (us-east-1)"), "{text}");
        let aws = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        assert!(target_mismatch(&aws, &config("", "eu-west-1")).is_some());
        assert_eq!(target_mismatch(&aws, &config("", "us-east-1")), None);
    }
}
