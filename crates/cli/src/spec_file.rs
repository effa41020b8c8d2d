//! The spec file a pipeline command works on: read, overridden by `--endpoint` and `--bridge-url`
//! (so one local spec serves any port), validated before anything is sent, and the client
//! settings it implies.

use std::path::PathBuf;

use hoseline_aws::{ClientConfig, Credentials, Endpoint, Region};
use hoseline_pipeline::rules::{self, Advice};
use hoseline_pipeline::spec::{PipelineSpec, SpecError, Target};

use crate::config::AwsOptions;
use crate::error::CliError;

/// The emulator's demo key pair (`scripts/run.sh` plants it): a local spec's default credentials.
const DEMO_ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
const DEMO_SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The spec argument and the override every pipeline command takes.
#[derive(Debug, clap::Args)]
pub(crate) struct SpecArgs {
    /// The pipeline spec, a JSON file with "version": 1 (see examples/).
    #[arg(value_name = "SPEC")]
    pub(crate) spec: PathBuf,
    /// A local spec's bridge URL (target.bridgeUrl), e.g. http://127.0.0.1:4599.
    #[arg(long, value_name = "URL")]
    pub(crate) bridge_url: Option<String>,
}

/// A spec that passed every rule, with the best-practice advice it got.
pub(crate) struct LoadedSpec {
    pub(crate) spec: PipelineSpec,
    pub(crate) advice: Vec<Advice>,
}

/// Reads and validates the spec. `--endpoint` replaces a local spec's `target.endpoint` and
/// `--bridge-url` its `target.bridgeUrl`; both are refused for an AWS spec's target (whose
/// `--endpoint` only redirects the client, see [`client_config`]).
pub(crate) fn load(args: &SpecArgs, aws: &AwsOptions) -> Result<LoadedSpec, CliError> {
    let file = args.spec.display().to_string();
    let text = std::fs::read_to_string(&args.spec).map_err(|e| {
        CliError::usage(format!("spec file {file}"), format!("cannot be read: {e}"))
    })?;
    let spec_error = |error: SpecError| CliError::Spec {
        file: file.clone(),
        error,
    };
    let mut spec = PipelineSpec::from_json(&text).map_err(spec_error)?;
    match &mut spec.target {
        Target::Local {
            endpoint,
            bridge_url,
            ..
        } => {
            if let Some(url) = &aws.endpoint {
                url.trim().clone_into(endpoint);
            }
            if let Some(url) = &args.bridge_url {
                url.trim().clone_into(bridge_url);
            }
        }
        Target::Aws { .. } => {
            if args.bridge_url.is_some() {
                return Err(CliError::usage(
                    "--bridge-url",
                    "is for a local spec (target.type \"local\"): on AWS the stream delivers to the bridge Lambda's function URL",
                ));
            }
        }
    }
    let validation = rules::validate(&spec);
    let advice = validation.into_result().map_err(spec_error)?;
    Ok(LoadedSpec { spec, advice })
}

/// Who signs and where requests go for `spec`: credentials from the standard AWS variables (a
/// local spec falls back to the emulator's demo keys, and says so), the spec's region, and for a
/// local spec its emulator; for an AWS spec AWS itself, unless `--endpoint` or `AWS_ENDPOINT_URL`
/// redirect it (a test against an emulator).
pub(crate) fn client_config(
    spec: &PipelineSpec,
    aws: &AwsOptions,
    env: impl Fn(&str) -> Option<String>,
) -> Result<ClientConfig, CliError> {
    let present = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    if let Some(region) = &aws.region {
        if region.trim() != spec.target.region() {
            return Err(CliError::usage(
                "--region",
                format!(
                    "{region:?} differs from the spec's target.region {:?}: a pipeline lives in one region",
                    spec.target.region()
                ),
            ));
        }
    }
    let credentials = match (
        present("AWS_ACCESS_KEY_ID"),
        present("AWS_SECRET_ACCESS_KEY"),
    ) {
        (Some(id), Some(secret)) => {
            Credentials::new(&id, &secret, present("AWS_SESSION_TOKEN").as_deref())?
        }
        (None, None) if spec.target.is_local() => {
            eprintln!(
                "hoseline: no AWS_ACCESS_KEY_ID in the environment: using the local emulator's demo key {DEMO_ACCESS_KEY_ID}"
            );
            Credentials::new(DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, None)?
        }
        (None, _) => {
            return Err(CliError::usage(
                "AWS_ACCESS_KEY_ID",
                "is not set: export your access key id and secret access key",
            ))
        }
        (Some(_), None) => {
            return Err(CliError::usage(
                "AWS_SECRET_ACCESS_KEY",
                "is not set: export your secret access key",
            ))
        }
    };
    let region = Region::new(spec.target.region())?;
    let endpoint = match &spec.target {
        Target::Local { endpoint, .. } => Endpoint::parse(endpoint)?,
        Target::Aws { .. } => match aws.endpoint.clone().or_else(|| present("AWS_ENDPOINT_URL")) {
            Some(url) => Endpoint::parse(&url)?,
            None => Endpoint::Aws,
        },
    };
    Ok(ClientConfig {
        credentials,
        region,
        endpoint,
    })
}

/// The advice lines a command prints on stderr before it works.
pub(crate) fn print_advice(advice: &[Advice]) {
    for a in advice {
        eprintln!("advice: {} ({}): {}", a.path, a.practice, a.message);
    }
}
