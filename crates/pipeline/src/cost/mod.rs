//! The monthly cost of a pipeline under a given load (the original report's Appendix B): pure
//! arithmetic over the spec, the load and the us-east-1 prices of [`prices`].
//!
//! A month is 30 days. A GB is 2^30 bytes, as AWS's own Firehose example divides KB by 1,048,576.
//! Each line item shows its quantity, unit, unit price and the inputs behind the quantity;
//! [`CostEstimate`] prints as a table (the CLI) and serialises (the page). The saving from packing
//! several newline-delimited events into one record is its own comparison ([`PackingSaving`]):
//! Firehose bills every record as a multiple of 5 KB, so small records cost far more than their
//! bytes.

mod display;
mod dynamodb;
mod firehose;
mod lambda;
pub mod prices;
mod s3;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::spec::{PipelineKind, PipelineSpec};

pub use display::{packing, quantity, usd};
pub use firehose::PackingSaving;

/// Days in the priced month.
pub const DAYS_PER_MONTH: u32 = 30;
const SECONDS_PER_DAY: f64 = 86_400.0;
/// 2^30 bytes.
const BYTES_PER_GB: f64 = 1_073_741_824.0;

/// What goes into the stream.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Load {
    /// Firehose records a second (PutRecord / PutRecordBatch entries), on average.
    pub records_per_second: f64,
    /// Bytes of one record.
    pub record_bytes: u32,
    /// Newline-delimited events in each record (each becomes its own DynamoDB item); 1 unless
    /// the sender already packs.
    #[serde(default = "one")]
    pub events_per_record: u32,
}

fn one() -> u32 {
    1
}

impl Load {
    /// One event a record.
    pub fn new(records_per_second: f64, record_bytes: u32) -> Self {
        Self {
            records_per_second,
            record_bytes,
            events_per_record: 1,
        }
    }
}

/// The service a line item is billed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Service {
    Firehose,
    DynamoDB,
    S3,
    Lambda,
}

impl Service {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Firehose => "Firehose",
            Self::DynamoDB => "DynamoDB",
            Self::S3 => "S3",
            Self::Lambda => "Lambda",
        }
    }
}

/// One priced quantity: `quantity` of `unit` at `unit_price_usd` each.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    pub service: Service,
    pub name: String,
    pub quantity: f64,
    /// What one unit is: `GB`, `million write request units`, `thousand PUT requests`...
    pub unit: String,
    pub unit_price_usd: f64,
    pub monthly_usd: f64,
    /// How the quantity follows from the load and the spec, and what is assumed.
    pub note: String,
}

impl LineItem {
    fn new(
        service: Service,
        name: &str,
        quantity: f64,
        unit: &str,
        unit_price_usd: f64,
        note: String,
    ) -> Self {
        Self {
            service,
            name: name.to_owned(),
            quantity,
            unit: unit.to_owned(),
            unit_price_usd,
            monthly_usd: quantity * unit_price_usd,
            note,
        }
    }
}

/// A month of the pipeline under a load.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostEstimate {
    pub pipeline: String,
    pub kind: PipelineKind,
    pub load: Load,
    pub days: u32,
    pub priced_region: &'static str,
    pub prices_as_of: &'static str,
    pub price_source: &'static str,
    pub line_items: Vec<LineItem>,
    /// The sum of the line items.
    pub monthly_usd: f64,
    /// What packing events into fewer, fuller records would save on Firehose; `None` when the
    /// records are already as full as 5 KB allows.
    pub packing: Option<PackingSaving>,
    /// What the estimate leaves out or assumes, for the whole.
    pub notes: Vec<String>,
}

/// The load turned into monthly volumes, shared by the line items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Volume {
    pub(crate) records_per_second: f64,
    pub(crate) record_bytes: u32,
    pub(crate) events_per_record: u32,
    /// Bytes of one event within a record (newlines excluded).
    pub(crate) event_bytes: u32,
}

impl Volume {
    pub(crate) const SECONDS: f64 = DAYS_PER_MONTH as f64 * SECONDS_PER_DAY;

    fn new(load: Load, notes: &mut Vec<String>) -> Self {
        let records_per_second =
            if load.records_per_second.is_finite() && load.records_per_second >= 0.0 {
                load.records_per_second
            } else {
                notes.push(format!(
                    "records per second must be a number of at least 0 (it is {}): priced as 0",
                    load.records_per_second
                ));
                0.0
            };
        let events_per_record = load.events_per_record.max(1);
        let newlines = events_per_record - 1;
        let event_bytes = load.record_bytes.saturating_sub(newlines) / events_per_record;
        Self {
            records_per_second,
            record_bytes: load.record_bytes,
            events_per_record,
            event_bytes,
        }
    }

    pub(crate) fn records_per_month(&self) -> f64 {
        self.records_per_second * Self::SECONDS
    }

    pub(crate) fn events_per_second(&self) -> f64 {
        self.records_per_second * f64::from(self.events_per_record)
    }

    pub(crate) fn events_per_month(&self) -> f64 {
        self.events_per_second() * Self::SECONDS
    }

    pub(crate) fn bytes_per_second(&self) -> f64 {
        self.records_per_second * f64::from(self.record_bytes)
    }
}

/// The monthly cost of `spec` under `load`, priced in us-east-1.
pub fn estimate(spec: &PipelineSpec, load: Load) -> CostEstimate {
    let mut notes = Vec::new();
    let volume = Volume::new(load, &mut notes);
    let mut items = firehose::line_items(spec, &volume);
    let deliveries = firehose::deliveries_per_second(spec, &volume);
    if let Some(table) = &spec.table {
        items.extend(dynamodb::line_items(spec, table, &volume));
    }
    items.extend(s3::line_items(spec, &volume, deliveries));
    if let Some(bridge) = &spec.bridge {
        items.extend(lambda::line_items(bridge, &volume, deliveries));
    }
    notes.extend(general_notes(spec, &volume));
    CostEstimate {
        pipeline: spec.name.clone(),
        kind: spec.kind,
        load: Load {
            records_per_second: volume.records_per_second,
            record_bytes: volume.record_bytes,
            events_per_record: volume.events_per_record,
        },
        days: DAYS_PER_MONTH,
        priced_region: prices::PRICED_REGION,
        prices_as_of: prices::PRICES_AS_OF,
        price_source: prices::PRICE_SOURCE,
        monthly_usd: items.iter().map(|i| i.monthly_usd).sum(),
        line_items: items,
        packing: firehose::packing(&volume),
        notes,
    }
}

fn general_notes(spec: &PipelineSpec, volume: &Volume) -> Vec<String> {
    let mut notes = Vec::new();
    let region = spec.target.region();
    if spec.target.is_local() {
        notes.push(format!(
            "The local emulator costs nothing: this prices the same pipeline on AWS in {}.",
            prices::PRICED_REGION
        ));
    } else if region != prices::PRICED_REGION {
        notes.push(format!(
            "Prices are {}'s; {region} may differ.",
            prices::PRICED_REGION
        ));
    }
    if volume.record_bytes > firehose::MAX_RECORD_BYTES {
        notes.push(format!(
            "A record of {} bytes is over Firehose's limit of {} bytes (1,000 KiB): it would be refused.",
            volume.record_bytes,
            firehose::MAX_RECORD_BYTES
        ));
    }
    notes.push(
        "Not priced: data transfer, CloudWatch Logs (delivery errors only), the free tiers, \
         and reads of the table or the bucket."
            .to_owned(),
    );
    notes
}
