//! `hoseline export SPEC --format cloudformation|cli|spec`: the same pipeline as a CloudFormation
//! template, an AWS CLI script (one `aws` command per plan step), or the spec itself. The bridge's
//! access key is left out unless `--with-secrets`.

use std::path::PathBuf;

use hoseline_pipeline::cloudformation;
use hoseline_pipeline::plan;
use hoseline_pipeline::spec::PipelineSpec;

use crate::config::AwsOptions;
use crate::error::CliError;
use crate::spec_file::{self, SpecArgs};
use crate::stdout;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The whole pipeline as a CloudFormation template (JSON); the bridge's code and access key
    /// are stack parameters.
    Cloudformation,
    /// A bash script of AWS CLI commands, one per plan step; it honours AWS_ENDPOINT_URL.
    Cli,
    /// The spec, validated and normalised (defaults filled in).
    Spec,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    spec: SpecArgs,
    #[arg(long, value_enum)]
    format: Format,
    /// Keep the bridge's access key in the output (cli and spec formats).
    #[arg(long)]
    with_secrets: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(crate) fn run(aws: &AwsOptions, args: &ExportArgs) -> Result<(), CliError> {
    let loaded = spec_file::load(&args.spec, aws)?;
    spec_file::print_advice(&loaded.advice);
    let spec = &loaded.spec;
    let text = match args.format {
        Format::Cloudformation => {
            if args.with_secrets {
                return Err(CliError::usage(
                    "--with-secrets",
                    "does not apply to a CloudFormation template: the access key is its NoEcho parameter BridgeAccessKey",
                ));
            }
            pretty(&cloudformation::pipeline_template(spec))?
        }
        Format::Cli => cli_script(spec, args.with_secrets),
        Format::Spec => spec.to_json(args.with_secrets) + "\n",
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).map_err(|e| {
            CliError::usage(
                format!("--output {}", path.display()),
                format!("cannot be written: {e}"),
            )
        })?,
        None => stdout::print(&text),
    }
    Ok(())
}

/// The script reads the bridge's access key from `HOSELINE_ACCESS_KEY`; with `--with-secrets` the
/// spec's key becomes that variable's default.
fn cli_script(spec: &PipelineSpec, with_secrets: bool) -> String {
    let script = plan::cli_script(spec);
    let key = spec
        .bridge
        .as_ref()
        .and_then(|b| b.access_key.as_ref())
        .filter(|_| with_secrets);
    match key {
        Some(key) => script.replacen(
            "set -euo pipefail\n",
            &format!(
                "set -euo pipefail\n# The bridge's access key (exported with --with-secrets).\n: \"${{HOSELINE_ACCESS_KEY:={}}}\"\nexport HOSELINE_ACCESS_KEY\n",
                shell_quote(key.expose())
            ),
            1,
        ),
        None => script,
    }
}

/// `'...'` with embedded quotes escaped, for a POSIX shell.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

fn pretty(value: &serde_json::Value) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|t| t + "\n")
        .map_err(|e| CliError::Incomplete(format!("the template cannot be written as JSON: {e}")))
}
