//! One delivery, end to end: parse, map, write in batches within the time budget (`writes`),
//! save rejects.

mod destination;
mod records;
mod writes;

use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use futures::future::{select, Either};
use hoseline_aws::dynamodb::DescribeTable;
use hoseline_aws::retry::{Jitter, RetryPolicy};
use hoseline_aws::{Client, Clock, Sleep, Transport};
use hoseline_pipeline::mapping::{map_record, KeySchema, RecordContext};

use crate::batches::dedupe;
use crate::protocol::{parse_request, DeliveryRequest, DeliveryResponse};
use crate::rejects::Reject;
use crate::{BridgeConfig, Error};
pub use destination::Destination;
use records::{duplicate_indexes, refused_records};
use writes::Origin;

/// The bridge's own backoff between re-sends of unprocessed or throttled writes.
const BACKOFF: RetryPolicy = RetryPolicy {
    max_attempts: u32::MAX,
    base_delay: Duration::from_millis(100),
    max_delay: Duration::from_secs(5),
};

/// What one delivery did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub records: usize,
    /// Items written (after removing duplicate keys: the later record wins).
    pub items_written: usize,
    /// Items dropped because a later record of the delivery has the same key (DynamoDB compares
    /// numbers by value: `1` and `1.0` are one key).
    pub duplicates: usize,
    /// Records saved to S3 as rejects (those DynamoDB refused included).
    pub rejected: usize,
    /// Records with an item DynamoDB refused (an index key empty or of the wrong type, an item
    /// collection over its limit): found by splitting the batch, saved as rejects.
    pub refused: usize,
}

/// A delivery's answer, with what it did when it got that far.
#[derive(Clone, Debug)]
pub struct Delivery {
    /// The request id (from the body when Firehose sent no header), or empty.
    pub request_id: String,
    pub report: Option<DeliveryReport>,
    pub response: DeliveryResponse,
}

/// When a delivery's work must end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Budget {
    pub(crate) deadline: SystemTime,
    /// How long it was from the start, for messages.
    length: Duration,
    /// Cut short by the caller's own deadline (a Lambda invocation's).
    cut: bool,
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.cut {
            write!(
                f,
                "{:.1} s (all the Lambda invocation had left: raise the function's timeout \
                 above HOSELINE_WRITE_BUDGET_SECONDS)",
                self.length.as_secs_f64()
            )
        } else {
            write!(f, "{} s", self.length.as_secs())
        }
    }
}

/// A table's key, read once with DescribeTable.
struct TableKeys {
    schema: KeySchema,
    names: Vec<String>,
}

/// Receives Firehose deliveries and writes them to DynamoDB.
pub struct Bridge<T, S, C> {
    client: Client<T, S, C>,
    config: BridgeConfig,
    tables: Mutex<HashMap<String, Arc<TableKeys>>>,
    jitter: Jitter,
}

impl<T: Transport, S: Sleep, C: Clock> Bridge<T, S, C> {
    pub fn new(client: Client<T, S, C>, config: BridgeConfig) -> Self {
        let seed = client
            .clock()
            .now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(7, |d| d.as_nanos() as u64);
        Self {
            client,
            config,
            tables: Mutex::default(),
            jitter: Jitter::seeded(seed.rotate_left(17)),
        }
    }

    pub fn config(&self) -> &BridgeConfig {
        &self.config
    }

    pub fn client(&self) -> &Client<T, S, C> {
        &self.client
    }

    /// The whole protocol for one POST into `to` (a table, or a [`Destination`]): 200 when every
    /// record was written or saved as a reject; 400/401 for a bad request (never 413, which
    /// Firehose would not retry nor back up); 500 (Firehose retries) when anything failed.
    pub async fn handle<'a>(
        &self,
        to: impl Into<Destination<'a>>,
        headers: &[(String, String)],
        body: &[u8],
    ) -> DeliveryResponse {
        self.handle_delivery(to, headers, body).await.response
    }

    /// [`Bridge::handle`], keeping what the delivery did (for a server's log line).
    pub async fn handle_delivery<'a>(
        &self,
        to: impl Into<Destination<'a>>,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Delivery {
        self.handle_delivery_by(to, headers, body, None).await
    }

    /// [`Bridge::handle_delivery`], answering by `answer_by` at the latest (a Lambda invocation's
    /// deadline less a margin): the write budget is then the shorter of the configured one and
    /// the time left, and what is not written by then is a 500 (Firehose retries).
    pub async fn handle_delivery_by<'a>(
        &self,
        to: impl Into<Destination<'a>>,
        headers: &[(String, String)],
        body: &[u8],
        answer_by: Option<SystemTime>,
    ) -> Delivery {
        let request = match parse_request(headers, body, self.config.access_key.as_ref()) {
            Ok(request) => request,
            Err(e) => {
                let request_id = e.request_id.unwrap_or_default();
                let response =
                    DeliveryResponse::error(e.status, &request_id, self.now_ms(), &e.message);
                return Delivery {
                    request_id,
                    report: None,
                    response,
                };
            }
        };
        let (response, report) = match self.deliver_by(to, &request, answer_by).await {
            Ok(report) => (
                DeliveryResponse::ok(&request.request_id, self.now_ms()),
                Some(report),
            ),
            Err(e) => (
                DeliveryResponse::error(500, &request.request_id, self.now_ms(), &e.to_string()),
                None,
            ),
        };
        Delivery {
            request_id: request.request_id,
            report,
            response,
        }
    }

    /// Maps and writes a parsed delivery. An error means Firehose should send it again.
    ///
    /// The items are written first, then the rejects saved in one object (DynamoDB's refusals are
    /// rejects too). A delivery with rejects and no bucket to save them in (neither its
    /// [`Destination::reject_bucket`] nor `HOSELINE_REJECT_BUCKET`) is an error saying so, its
    /// good items written all the same: writes are idempotent, so Firehose's retries rewrite
    /// them harmlessly, and when it gives up the whole batch is in its own S3 backup.
    pub async fn deliver<'a>(
        &self,
        to: impl Into<Destination<'a>>,
        request: &DeliveryRequest,
    ) -> Result<DeliveryReport, Error> {
        self.deliver_by(to, request, None).await
    }

    /// [`Bridge::deliver`], done by `answer_by` at the latest (see [`Bridge::handle_delivery_by`]).
    pub async fn deliver_by<'a>(
        &self,
        to: impl Into<Destination<'a>>,
        request: &DeliveryRequest,
        answer_by: Option<SystemTime>,
    ) -> Result<DeliveryReport, Error> {
        let Destination {
            table,
            reject_bucket,
            reject_prefix,
            mapping,
        } = to.into();
        let (mapping, mapping_from) = match mapping {
            Some(mapping) => (mapping, " (the mapping options of the delivery's URL)"),
            None => (&self.config.mapping, ""),
        };
        let reject_prefix = reject_prefix.unwrap_or(&self.config.reject_prefix);
        let mut report = DeliveryReport {
            records: request.records.len(),
            ..DeliveryReport::default()
        };
        if request.records.is_empty() {
            return Ok(report);
        }
        // A body without a timestamp (optional in the specification) arrived now.
        let arrival_ms = request.timestamp_ms.unwrap_or_else(|| self.now_ms());
        let budget = self.budget(answer_by);
        let deadline = budget.deadline;
        let keys = self.table_keys(table, deadline).await?;
        // Added attributes must not be key attributes, nor index keys of another type: every item
        // would be refused.
        mapping
            .validate(&keys.schema)
            .map_err(|e| Error::Mapping(format!("table {table}{mapping_from}: {e}")))?;

        let mut items = Vec::new();
        let mut errors = Vec::new();
        // How many items each record made, for the messages of refused ones.
        let mut item_counts = vec![0; request.records.len()];
        let duplicate_indexes = duplicate_indexes(mapping, &request.records);
        for (index, data) in request.records.iter().enumerate() {
            let context = RecordContext {
                duplicate_index: duplicate_indexes.get(index).copied().unwrap_or(0),
                arrival_ms,
                common_attributes: &request.common_attributes,
            };
            match map_record(data, &keys.schema, mapping, &context) {
                Ok(mapped) => {
                    item_counts[index] = mapped.len();
                    items.extend(mapped.into_iter().enumerate().map(|(item, mapped)| {
                        let origin = Origin {
                            record: index,
                            item,
                        };
                        (origin, mapped)
                    }));
                }
                Err(e) => errors.push((index, e.code.as_str().to_owned(), e.message)),
            }
        }
        let (items, duplicates) = dedupe(items, &keys.names);
        report.duplicates = duplicates;
        let to_write = items.len();

        let written = self.write_items(table, items, &budget).await;
        if !written.refused.is_empty() {
            // The table may have changed since its key was read (an index added): read it again
            // next time, so the mapping checks what DynamoDB checks.
            self.forget_table(table);
        }
        report.items_written = to_write - written.refused.len();
        let refused = refused_records(written.refused, &item_counts);
        report.refused = refused.len();
        errors.extend(refused);
        errors.sort_by_key(|(index, _, _)| *index);
        report.rejected = errors.len();
        let rejects: Vec<Reject<'_>> = errors
            .iter()
            .map(|(index, code, message)| Reject {
                index: *index,
                code,
                message,
                data: &request.records[*index],
            })
            .collect();
        // After the writes: DynamoDB's refusals are rejects too, in the delivery's one object.
        let bucket = reject_bucket.or(self.config.reject_bucket.as_deref());
        let saved = self
            .save_rejects(
                bucket,
                reject_prefix,
                request,
                arrival_ms,
                &rejects,
                deadline,
            )
            .await;
        let failures: Vec<String> = [written.failure, saved.err()]
            .into_iter()
            .flatten()
            .collect();
        if failures.is_empty() {
            Ok(report)
        } else {
            Err(Error::Delivery(failures.join("; ")))
        }
    }

    fn now(&self) -> SystemTime {
        self.client.clock().now()
    }

    fn now_ms(&self) -> u64 {
        self.now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    /// The configured write budget from now, cut to `answer_by` when that comes first.
    fn budget(&self, answer_by: Option<SystemTime>) -> Budget {
        let now = self.now();
        let configured = now + self.config.write_budget;
        match answer_by {
            Some(end) if end < configured => Budget {
                deadline: end,
                length: end.duration_since(now).unwrap_or(Duration::ZERO),
                cut: true,
            },
            _ => Budget {
                deadline: configured,
                length: self.config.write_budget,
                cut: false,
            },
        }
    }

    fn forget_table(&self, table: &str) {
        self.tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(table);
    }

    /// The table's key, from the cache or from one DescribeTable.
    async fn table_keys(&self, table: &str, deadline: SystemTime) -> Result<Arc<TableKeys>, Error> {
        let cached = self
            .tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(table)
            .cloned();
        if let Some(keys) = cached {
            return Ok(keys);
        }
        let output = self
            .until(deadline, self.client.send(&DescribeTable::new(table)))
            .await
            .ok_or_else(|| {
                Error::Delivery(format!(
                    "DescribeTable {table} did not answer within the time budget"
                ))
            })?
            .map_err(|e| Error::aws(format!("DescribeTable {table}"), e))?;
        let description = output.table.ok_or_else(|| {
            Error::Mapping(format!("DescribeTable {table} answered without a table"))
        })?;
        let schema = KeySchema::from_table(&description)
            .map_err(|e| Error::Mapping(format!("table {table}: {e}")))?;
        let names = description
            .key_schema
            .iter()
            .map(|k| k.attribute_name.clone())
            .collect();
        let keys = Arc::new(TableKeys { schema, names });
        self.tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(table.to_owned(), Arc::clone(&keys));
        Ok(keys)
    }

    /// Runs `work` until `deadline`; `None` if the deadline came first (the work is dropped).
    /// Work is not even started when no time is left.
    pub(crate) async fn until<F: Future>(
        &self,
        deadline: SystemTime,
        work: F,
    ) -> Option<F::Output> {
        let left = deadline
            .duration_since(self.now())
            .unwrap_or(Duration::ZERO);
        if left.is_zero() {
            return None;
        }
        let work = pin!(work);
        let timer = pin!(self.client.sleeper().sleep(left));
        match select(work, timer).await {
            Either::Left((output, _)) => Some(output),
            Either::Right(_) => None,
        }
    }
}
