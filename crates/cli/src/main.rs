//! `hoseline`: the native face of the same engine as the console.
//!
//! Conventions every command follows: credentials, region and endpoint come from the standard AWS
//! environment variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
//! `AWS_REGION`, `AWS_ENDPOINT_URL`); `--endpoint URL` and `--region R` override them. Errors go
//! to stderr with the AWS code and message; the exit status is 2 for bad input (nothing was
//! sent), 1 for a failed request, 0 for success.

mod commands;
mod config;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hoseline_aws::Error;

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
    let result = runtime.block_on(async {
        let config = config::resolve(&cli.aws, |name| std::env::var(name).ok())?;
        match cli.command {
            Command::Whoami(args) => commands::whoami::run(config, &args).await,
            Command::Bridge(args) => commands::bridge::run(config, &args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", report(&error));
            ExitCode::from(exit_status(&error))
        }
    }
}

/// One line for stderr: the AWS code and message, the request id when there is one.
fn report(error: &Error) -> String {
    match error {
        Error::InvalidInput { .. } | Error::Network { .. } => format!("error: {error}"),
        Error::Service { status, .. } => format!("error: {error} [HTTP {status}]"),
        _ => format!("error: {}: {error}", error.code()),
    }
}

fn exit_status(error: &Error) -> u8 {
    match error {
        Error::InvalidInput { .. } => 2,
        _ => 1,
    }
}
