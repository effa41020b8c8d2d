//! `hoseline`: the native face of the same engine as the console.
//!
//! Conventions every command follows: credentials, region and endpoint come from the standard AWS
//! environment variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
//! `AWS_REGION`, `AWS_ENDPOINT_URL`); `--endpoint URL` and `--region R` override them. A pipeline
//! command reads its region and (local) emulator from the spec, which `--endpoint` and
//! `--bridge-url` override. Progress goes to stderr, results to stdout. Errors go to stderr with
//! the AWS code and message; the exit status is 2 for bad input (nothing was sent), 1 for a failed
//! request or an unfinished apply or destroy, 0 for success.

mod commands;
mod config;
mod error;
mod spec_file;
mod state;
mod stdout;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::CliError;

#[derive(Debug, Parser)]
#[command(
    name = "hoseline",
    version,
    about = "Firehose -> bridge -> DynamoDB pipelines, from the command line"
)]
struct Cli {
    #[command(flatten)]
    aws: config::AwsOptions,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show the account and identity the credentials belong to (STS GetCallerIdentity).
    Whoami(commands::whoami::WhoamiArgs),
    /// The bridge (Firehose HTTP endpoint -> DynamoDB) as a local server.
    Bridge(commands::bridge::BridgeArgs),
    /// Print the AWS calls that make a spec's pipeline, with the reason for each (nothing is sent).
    Plan(commands::plan::PlanArgs),
    /// Make a spec's pipeline (resumable; adopts what exists and matches).
    Apply(commands::apply::ApplyArgs),
    /// Delete what a spec's pipeline made (and nothing else).
    Destroy(commands::destroy::DestroyArgs),
    /// Export a spec's pipeline as a CloudFormation template, an AWS CLI script or the spec.
    Export(commands::export::ExportArgs),
    /// Estimate a spec's monthly cost on AWS under a load.
    Cost(commands::cost::CostArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.report());
            ExitCode::from(error.exit_status())
        }
    }
}

async fn run(cli: Cli) -> Result<(), CliError> {
    let aws = &cli.aws;
    let from_env = |name: &str| std::env::var(name).ok();
    match &cli.command {
        Command::Whoami(args) => {
            commands::whoami::run(config::resolve(aws, from_env)?, args).await?;
        }
        Command::Bridge(args) => {
            commands::bridge::run(config::resolve(aws, from_env)?, args).await?;
        }
        Command::Plan(args) => commands::plan::run(aws, args)?,
        Command::Apply(args) => commands::apply::run(aws, args).await?,
        Command::Destroy(args) => commands::destroy::run(aws, args).await?,
        Command::Export(args) => commands::export::run(aws, args)?,
        Command::Cost(args) => commands::cost::run(aws, args)?,
    }
    Ok(())
}
