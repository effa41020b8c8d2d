//! `hoseline plan SPEC`: the AWS calls `apply` would make, in order, each with its reason; with
//! `--requests`, each call's request body as sent and the equivalent AWS CLI command. Nothing is
//! sent. Values only apply can learn (the account id, the function URL) show as placeholders.

use hoseline_pipeline::plan::{self, target_endpoint, Facts};

use crate::config::AwsOptions;
use crate::error::CliError;
use crate::spec_file::{self, SpecArgs};
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct PlanArgs {
    #[command(flatten)]
    spec: SpecArgs,
    /// Also print each call's request (method, URL, body) and its AWS CLI command.
    #[arg(long)]
    requests: bool,
}

pub(crate) fn run(aws: &AwsOptions, args: &PlanArgs) -> Result<(), CliError> {
    let loaded = spec_file::load(&args.spec, aws)?;
    spec_file::print_advice(&loaded.advice);
    let spec = &loaded.spec;
    let planned = plan::plan(spec, &Facts::default());
    let (endpoint, region) = target_endpoint(spec)?;
    let place = match &spec.target {
        hoseline_pipeline::spec::Target::Local { endpoint, .. } => {
            format!("the local emulator at {endpoint}")
        }
        hoseline_pipeline::spec::Target::Aws { region } => format!("AWS, {region}"),
    };
    let mut out = format!(
        "Plan for pipeline {} on {place}: {} calls (nothing is sent by `plan`)\n",
        spec.name,
        planned.steps.len()
    );
    for (i, step) in planned.steps.iter().enumerate() {
        let shown = step.show(&endpoint, &region);
        out += "\n";
        out += &format!(
            "{:>2}. {} {} -> {}\n",
            i + 1,
            shown.service,
            shown.operation,
            step.resource
        );
        out += &format!("    why: {}\n", step.reason);
        if args.requests {
            out += &format!("    {} {}\n", shown.method, shown.url);
            for line in shown.body.lines() {
                out += &format!("    | {line}\n");
            }
            out += &format!(
                "    $ {}\n",
                step.cli(region.as_str()).replace('\n', "\n      ")
            );
        }
    }
    stdout::print(&out);
    Ok(())
}
