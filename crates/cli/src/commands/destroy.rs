//! `hoseline destroy SPEC`: deletes what the pipeline's plan made, in reverse order, and nothing
//! else (a resource without the pipeline's `hoseline:pipeline` tag is left, and said so); the
//! bucket is emptied first. Exit 0 only when every resource is gone.

use std::ops::ControlFlow;
use std::path::PathBuf;

use hoseline_aws::transport::native::NativeClient;
use hoseline_pipeline::engine::{self, Outcome, TeardownEvent};

use crate::config::AwsOptions;
use crate::error::CliError;
use crate::spec_file::{self, SpecArgs};
use crate::state::StateFiles;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct DestroyArgs {
    #[command(flatten)]
    spec: SpecArgs,
    /// Where apply kept the progress record.
    #[arg(long, value_name = "DIR", default_value = ".hoseline")]
    state: PathBuf,
}

pub(crate) async fn run(aws: &AwsOptions, args: &DestroyArgs) -> Result<(), CliError> {
    let loaded = spec_file::load(&args.spec, aws)?;
    let spec = loaded.spec;
    let files = StateFiles::new(&args.state, &spec);
    let config = spec_file::client_config(&spec, aws, |name| std::env::var(name).ok())?;
    let client = NativeClient::native(config)?;
    let mut progress = files.load_progress(&spec)?;
    eprintln!("hoseline destroy: pipeline {}", spec.name);
    let mut save_error = None;
    let mut observer = |event: &TeardownEvent, progress: &engine::Progress| {
        eprintln!("  {event}");
        if let Err(e) = files.save_progress(progress) {
            save_error = Some(e);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    };
    let result = engine::destroy(&client, &spec, &mut progress, &mut observer).await;
    if let Some(e) = save_error {
        return Err(e);
    }
    let destroyed =
        result.map_err(|e| CliError::Incomplete(format!("destroy did not finish: {e}")))?;
    let mut out = String::new();
    for teardown in &destroyed.resources {
        let outcome = match &teardown.outcome {
            Outcome::Deleted => "deleted".to_owned(),
            Outcome::AlreadyGone => "already gone".to_owned(),
            Outcome::Left { why } => format!("LEFT: {why}"),
        };
        out += &format!("{}: {outcome}\n", teardown.resource);
    }
    stdout::print(&out);
    if destroyed.complete() {
        files.forget();
        eprintln!("hoseline destroy: pipeline {} is gone", spec.name);
        Ok(())
    } else {
        files.save_progress(&progress)?;
        Err(CliError::Incomplete(format!(
            "{} resource(s) of pipeline {} were left (see above)",
            destroyed.left().len(),
            spec.name
        )))
    }
}
