//! `hoseline cost SPEC --records-per-second N --record-bytes B`: what the pipeline would cost a
//! month on AWS under that load (Firehose's 5 KB rounding, DynamoDB writes and storage, S3,
//! Lambda), with the saving from packing several events into each record.

use hoseline_pipeline::cost::{self, Load};

use crate::config::AwsOptions;
use crate::error::CliError;
use crate::spec_file::{self, SpecArgs};
use crate::stdout;

#[derive(Debug, clap::Args)]
pub(crate) struct CostArgs {
    #[command(flatten)]
    spec: SpecArgs,
    /// Records put into the stream a second, on average.
    #[arg(long, value_name = "N")]
    records_per_second: f64,
    /// Bytes of one record.
    #[arg(long, value_name = "B")]
    record_bytes: u32,
    /// Newline-delimited events in each record (each becomes an item), if the sender packs them.
    #[arg(long, value_name = "K", default_value_t = 1)]
    events_per_record: u32,
    /// Print the estimate as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(aws: &AwsOptions, args: &CostArgs) -> Result<(), CliError> {
    if !(args.records_per_second.is_finite() && args.records_per_second > 0.0) {
        return Err(CliError::usage(
            "--records-per-second",
            format!("must be a number above 0, not {}", args.records_per_second),
        ));
    }
    if args.record_bytes == 0 || args.record_bytes > 1_024_000 {
        return Err(CliError::usage(
            "--record-bytes",
            format!(
                "must be 1 to 1,024,000 (Firehose's record limit), not {}",
                args.record_bytes
            ),
        ));
    }
    if args.events_per_record == 0 {
        return Err(CliError::usage("--events-per-record", "must be at least 1"));
    }
    let loaded = spec_file::load(&args.spec, aws)?;
    let load = Load {
        records_per_second: args.records_per_second,
        record_bytes: args.record_bytes,
        events_per_record: args.events_per_record,
    };
    let estimate = cost::estimate(&loaded.spec, load);
    if args.json {
        let json = serde_json::to_string_pretty(&estimate).map_err(|e| {
            CliError::Incomplete(format!("the estimate cannot be written as JSON: {e}"))
        })?;
        stdout::print(&(json + "\n"));
    } else {
        stdout::print(&estimate.to_string());
    }
    Ok(())
}
