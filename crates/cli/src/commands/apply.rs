//! `hoseline apply SPEC`: makes the pipeline, one plan step at a time, printing each step's state
//! on stderr. Resumable: the progress record is saved after every event (`--state DIR`), so a
//! run stopped by a failure or Ctrl-C continues where it stopped; applying a complete pipeline
//! again adopts every resource and changes nothing. Exit 0 only when the pipeline is complete.

use std::ops::ControlFlow;
use std::path::PathBuf;

use hoseline_aws::transport::native::NativeClient;
use hoseline_pipeline::engine::{self, ApplyError, StepEvent, StepState};
use hoseline_pipeline::plan::ZIP_FILE_NAME;
use hoseline_pipeline::spec::Target;

use crate::config::AwsOptions;
use crate::error::CliError;
use crate::spec_file::{self, SpecArgs};
use crate::state::StateFiles;
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct ApplyArgs {
    #[command(flatten)]
    spec: SpecArgs,
    /// Where the progress record (and a generated access key) are kept.
    #[arg(long, value_name = "DIR", default_value = ".hoseline")]
    state: PathBuf,
    /// The bridge Lambda's code (AWS, DynamoDB kind): the zip scripts/build-bridge.sh makes.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "dist/bridge/bridge-lambda.zip"
    )]
    bridge_zip: PathBuf,
}

pub(crate) async fn run(aws: &AwsOptions, args: &ApplyArgs) -> Result<(), CliError> {
    let loaded = spec_file::load(&args.spec, aws)?;
    spec_file::print_advice(&loaded.advice);
    let mut spec = loaded.spec;
    let files = StateFiles::new(&args.state, &spec);
    let needs_lambda = matches!(spec.target, Target::Aws { .. }) && spec.bridge.is_some();
    if needs_lambda {
        if let Some(bridge) = spec.bridge.as_mut().filter(|b| b.access_key.is_none()) {
            let (key, new) = files.access_key()?;
            if new {
                eprintln!(
                    "hoseline: generated the bridge's access key (Firehose sends it, the bridge checks it); kept in {}",
                    files.access_key_path().display()
                );
            }
            bridge.access_key = Some(key);
        }
    }
    let zip = if needs_lambda {
        match std::fs::read(&args.bridge_zip) {
            Ok(bytes) => Some(bytes),
            // Not needed when the function already exists (adopted or made by an earlier run).
            Err(e) => {
                eprintln!(
                    "hoseline: note: --bridge-zip {} cannot be read ({e}); fine if the function exists already (build {ZIP_FILE_NAME} with scripts/build-bridge.sh)",
                    args.bridge_zip.display()
                );
                None
            }
        }
    } else {
        None
    };
    let config = spec_file::client_config(&spec, aws, |name| std::env::var(name).ok())?;
    let client = NativeClient::native(config)?;
    let mut progress = files.load_progress(&spec)?;
    let resumed = progress.steps.len();
    eprintln!(
        "hoseline apply: pipeline {} on {}{}",
        spec.name,
        match &spec.target {
            Target::Local { endpoint, .. } => format!("the emulator at {endpoint}"),
            Target::Aws { region } => format!("AWS {region}"),
        },
        if resumed > 0 {
            format!(
                ", resuming from {} ({resumed} steps done)",
                files.progress.display()
            )
        } else {
            String::new()
        }
    );
    let mut save_error = None;
    let mut observer = |event: &StepEvent, progress: &engine::Progress| {
        if !matches!(event.state, StepState::Pending) {
            eprintln!("  {event}");
        }
        if let Err(e) = files.save_progress(progress) {
            save_error = Some(e);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    };
    let result = engine::apply(&client, &spec, zip.as_deref(), &mut progress, &mut observer).await;
    if let Some(e) = save_error {
        return Err(e);
    }
    files.save_progress(&progress)?;
    match result {
        Ok(applied) => {
            eprintln!(
                "hoseline apply: pipeline {} is complete: {} made, {} adopted, {} done before",
                spec.name,
                applied.made.len(),
                applied.adopted.len(),
                applied.resumed.len()
            );
            let outputs: String = applied
                .outputs
                .iter()
                .map(|(name, value)| format!("{name}: {value}\n"))
                .collect();
            stdout::print(&outputs);
            Ok(())
        }
        Err(error) => Err(incomplete(&error, &files)),
    }
}

fn incomplete(error: &ApplyError, files: &StateFiles) -> CliError {
    let resume = format!(
        "the progress so far is in {}: run the same command again to resume",
        files.progress.display()
    );
    CliError::Incomplete(format!("apply did not finish: {error}\n{resume}"))
}
