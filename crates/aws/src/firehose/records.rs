//! PutRecordBatch: up to 500 records and 4 MiB a call, each record at most 1,000 KiB.
//!
//! A 200 answer can still carry `FailedPutCount > 0`: resend only the records whose response
//! entry has an `ErrorCode` ([`PutRecordBatchOutput::retry`]).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize, Serializer};

use super::{check_stream_name, json_operation};
use crate::{validate, Error, Service};

/// At most 500 records a call.
pub const MAX_RECORDS: usize = 500;
/// A record's data is at most 1,000 KiB before base64.
pub const MAX_RECORD_BYTES: usize = 1_024_000;
/// At most 4 MiB of record data a call.
pub const MAX_BATCH_BYTES: usize = 4 * 1024 * 1024;

/// One record: raw bytes, base64 on the wire. Empty records are allowed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Record {
    #[serde(serialize_with = "base64_data")]
    pub data: Vec<u8>,
}

impl Record {
    pub fn new(data: impl Into<Vec<u8>>) -> Self {
        Self { data: data.into() }
    }
}

fn base64_data<S: Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&STANDARD.encode(data))
}

/// Sends records to a stream in one call.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRecordBatch {
    pub delivery_stream_name: String,
    pub records: Vec<Record>,
}

impl PutRecordBatch {
    pub fn new(name: impl Into<String>, records: Vec<Record>) -> Self {
        Self {
            delivery_stream_name: name.into(),
            records,
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_stream_name("DeliveryStreamName", &self.delivery_stream_name)?;
        validate::count("Records", &self.records, 1, MAX_RECORDS)?;
        if let Some((i, r)) = self
            .records
            .iter()
            .enumerate()
            .find(|(_, r)| r.data.len() > MAX_RECORD_BYTES)
        {
            return Err(Error::invalid(
                format!("Records[{i}].Data"),
                format!(
                    "must be at most {MAX_RECORD_BYTES} bytes (it has {})",
                    r.data.len()
                ),
            ));
        }
        let total: usize = self.records.iter().map(|r| r.data.len()).sum();
        if total > MAX_BATCH_BYTES {
            return Err(Error::invalid(
                "Records",
                format!(
                    "must hold at most 4 MiB ({MAX_BATCH_BYTES} bytes) in all (they have {total})"
                ),
            ));
        }
        Ok(())
    }
}

/// The answer to a PutRecordBatch; `request_responses[i]` is about `records[i]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutRecordBatchOutput {
    pub failed_put_count: u32,
    pub encrypted: Option<bool>,
    pub request_responses: Vec<PutRecordBatchResponseEntry>,
}

/// A record's id, or why it failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutRecordBatchResponseEntry {
    pub record_id: Option<String>,
    /// E.g. ServiceUnavailableException, InternalFailure.
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

impl PutRecordBatchOutput {
    /// The positions of the records that failed.
    pub fn failed_indices(&self) -> Vec<usize> {
        self.request_responses
            .iter()
            .enumerate()
            .filter(|(_, e)| e.error_code.is_some())
            .map(|(i, _)| i)
            .collect()
    }

    /// The call that resends only the failed records of `sent`, or `None` if none failed.
    pub fn retry(&self, sent: &PutRecordBatch) -> Option<PutRecordBatch> {
        let records: Vec<Record> = self
            .failed_indices()
            .into_iter()
            .filter_map(|i| sent.records.get(i).cloned())
            .collect();
        (!records.is_empty()).then(|| PutRecordBatch {
            delivery_stream_name: sent.delivery_stream_name.clone(),
            records,
        })
    }
}

json_operation!(
    PutRecordBatch,
    PutRecordBatchOutput,
    Service::Firehose,
    "PutRecordBatch"
);
