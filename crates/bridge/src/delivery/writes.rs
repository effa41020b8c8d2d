//! Writing a delivery's items: BatchWriteItem calls of at most 25 items, up to `max_in_flight` at
//! once, each re-sending its unprocessed, throttled or 5xx-failed writes with capped exponential
//! backoff until the deadline.
//!
//! DynamoDB refuses a whole BatchWriteItem for one item it cannot take (a secondary-index key
//! that is empty or of the wrong type, an item collection over its limit), and refuses it again
//! on every retry. So a refused batch is split in halves, and halves again, until the refused
//! items stand alone: the rest is written, and each refused item is reported with DynamoDB's code
//! and message so its record goes to the rejects instead of failing the delivery forever.

use std::collections::VecDeque;
use std::time::SystemTime;

use futures::StreamExt as _;
use hoseline_aws::dynamodb::{BatchWriteItem, Item, WriteRequest};
use hoseline_aws::retry::{classify, ErrorClass};
use hoseline_aws::{Clock, Sleep, Transport};

use super::{Bridge, Budget, BACKOFF};
use crate::batches::chunks;

/// Where an item came from: its record's index in the delivery, and its place in that record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) record: usize,
    pub(crate) item: usize,
}

/// An item DynamoDB refused, with the code and message it gave.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) origin: Origin,
    /// `DynamoDB.ValidationException`, or `Bridge.InvalidItem` for an item the client refused
    /// before sending.
    pub(crate) code: String,
    pub(crate) message: String,
}

/// What writing a delivery's items did.
#[derive(Debug, Default)]
pub(crate) struct WriteOutcome {
    /// Items DynamoDB refused, in the order found.
    pub(crate) refused: Vec<Refusal>,
    /// Why some items are still not written (Firehose should send the batch again).
    pub(crate) failure: Option<String>,
}

/// What one chunk came to: the items refused, and how many writes failed, and why.
struct ChunkOutcome {
    refused: Vec<Refusal>,
    failed: Option<(usize, String)>,
}

/// What one part of a chunk came to.
enum Sent {
    Written,
    /// DynamoDB refused the whole call because of one or more of its items.
    Refused(Vec<(Origin, WriteRequest)>, hoseline_aws::Error),
    /// Still failing when the time ran out, or a permanent error about no item in particular.
    Failed {
        unwritten: usize,
        why: String,
    },
}

/// Errors DynamoDB gives a whole BatchWriteItem because of one of its items, the same on every
/// retry: ValidationException (an index key empty or of another type, an item too large...) and
/// ItemCollectionSizeLimitExceededException (a local-index item collection over 10 GB). Input the
/// client refuses before sending is about an item too.
fn refuses_items(error: &hoseline_aws::Error) -> bool {
    match error {
        hoseline_aws::Error::Service { code, .. } => matches!(
            code.as_str(),
            "ValidationException" | "ItemCollectionSizeLimitExceededException"
        ),
        hoseline_aws::Error::InvalidInput { .. } => true,
        _ => false,
    }
}

impl Refusal {
    fn new(origin: Origin, error: &hoseline_aws::Error) -> Self {
        let (code, message) = match error {
            hoseline_aws::Error::Service { code, message, .. } => {
                (format!("DynamoDB.{code}"), message.clone())
            }
            other => ("Bridge.InvalidItem".to_owned(), other.to_string()),
        };
        Self {
            origin,
            code,
            message,
        }
    }
}

impl<T: Transport, S: Sleep, C: Clock> Bridge<T, S, C> {
    /// Writes every item, up to `max_in_flight` batches at once.
    pub(crate) async fn write_items(
        &self,
        table: &str,
        items: Vec<(Origin, Item)>,
        budget: &Budget,
    ) -> WriteOutcome {
        let deadline = budget.deadline;
        let total = items.len();
        let parts: Vec<ChunkOutcome> = futures::stream::iter(chunks(items))
            .map(|chunk| self.write_chunk(table, chunk, deadline))
            .buffer_unordered(self.config.max_in_flight.max(1))
            .collect()
            .await;
        let mut outcome = WriteOutcome::default();
        let mut failed = 0;
        let mut first_why = None;
        for part in parts {
            outcome.refused.extend(part.refused);
            if let Some((unwritten, why)) = part.failed {
                failed += unwritten;
                first_why.get_or_insert(why);
            }
        }
        outcome.failure = first_why.map(|why| {
            format!("{failed} of {total} items not written to {table} within {budget}: {why}")
        });
        outcome
    }

    /// One chunk of at most 25 writes, split in halves whenever DynamoDB refuses a part because
    /// of an item in it.
    async fn write_chunk(
        &self,
        table: &str,
        chunk: Vec<(Origin, WriteRequest)>,
        deadline: SystemTime,
    ) -> ChunkOutcome {
        let mut refused = Vec::new();
        // Parts still to send, in their original order (a later write of a key wins).
        let mut parts = VecDeque::from([chunk]);
        while let Some(part) = parts.pop_front() {
            match self.write_batch(table, part, deadline).await {
                Sent::Written => {}
                Sent::Refused(mut part, error) => {
                    if part.len() == 1 {
                        refused.extend(part.first().map(|(o, _)| Refusal::new(*o, &error)));
                    } else {
                        let second = part.split_off(part.len() / 2);
                        parts.push_front(second);
                        parts.push_front(part);
                    }
                }
                Sent::Failed { unwritten, why } => {
                    let rest: usize = parts.iter().map(Vec::len).sum();
                    return ChunkOutcome {
                        refused,
                        failed: Some((unwritten + rest, why)),
                    };
                }
            }
        }
        ChunkOutcome {
            refused,
            failed: None,
        }
    }

    /// One BatchWriteItem, re-sending its unprocessed, throttled or 5xx-failed writes with capped
    /// exponential backoff until the deadline.
    async fn write_batch(
        &self,
        table: &str,
        part: Vec<(Origin, WriteRequest)>,
        deadline: SystemTime,
    ) -> Sent {
        let (mut origins, writes): (Vec<Origin>, Vec<WriteRequest>) = part.into_iter().unzip();
        let mut pending = BatchWriteItem::new(table, writes);
        let mut attempt = 0;
        let mut last_why = String::new();
        loop {
            let why = match self.until(deadline, self.client.send(&pending)).await {
                None if last_why.is_empty() => {
                    return Sent::Failed {
                        unwritten: pending.len(),
                        why: "no answer within the time budget".to_owned(),
                    }
                }
                None => {
                    return Sent::Failed {
                        unwritten: pending.len(),
                        why: last_why,
                    }
                }
                Some(Ok(output)) => match output.retry() {
                    None => return Sent::Written,
                    Some(rest) => {
                        origins = follow(&origins, &pending, &rest);
                        let why =
                            format!("{} writes still unprocessed (UnprocessedItems)", rest.len());
                        pending = rest;
                        why
                    }
                },
                Some(Err(e)) if refuses_items(&e) => {
                    let writes = pending.request_items.into_values().flatten();
                    return Sent::Refused(origins.into_iter().zip(writes).collect(), e);
                }
                Some(Err(e)) => match classify(&e) {
                    ErrorClass::Throttling | ErrorClass::Transient => e.to_string(),
                    _ => {
                        return Sent::Failed {
                            unwritten: pending.len(),
                            why: format!("BatchWriteItem: {e}"),
                        }
                    }
                },
            };
            attempt += 1;
            let delay = BACKOFF.backoff(attempt, self.jitter.next());
            if self.now() + delay >= deadline {
                return Sent::Failed {
                    unwritten: pending.len(),
                    why,
                };
            }
            self.client.sleeper().sleep(delay).await;
            last_why = why;
        }
    }
}

/// The origins of the writes DynamoDB left unprocessed (`rest`), from those of the writes `sent`:
/// it sends the writes back as they were given, so each is matched to an equal one not yet
/// matched (by order when none is equal).
fn follow(origins: &[Origin], sent: &BatchWriteItem, rest: &BatchWriteItem) -> Vec<Origin> {
    let sent: Vec<&WriteRequest> = sent.request_items.values().flatten().collect();
    let mut matched = vec![false; sent.len()];
    let mut out = Vec::new();
    for write in rest.request_items.values().flatten() {
        let equal = (0..sent.len()).find(|&i| !matched[i] && sent[i] == write);
        if let Some(i) = equal.or_else(|| (0..sent.len()).find(|&i| !matched[i])) {
            matched[i] = true;
            out.extend(origins.get(i).copied());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use hoseline_aws::dynamodb::AttributeValue;

    use super::*;

    fn put(pk: &str) -> WriteRequest {
        WriteRequest::put(Item::from([("pk".to_owned(), AttributeValue::s(pk))]))
    }

    fn origin(record: usize) -> Origin {
        Origin { record, item: 0 }
    }

    #[test]
    fn unprocessed_writes_keep_their_records() {
        let sent = BatchWriteItem::new("t", vec![put("a"), put("b"), put("c"), put("d")]);
        let rest = BatchWriteItem::new("t", vec![put("d"), put("b")]);
        let origins = [origin(10), origin(11), origin(12), origin(13)];
        assert_eq!(follow(&origins, &sent, &rest), vec![origin(13), origin(11)]);
    }
}
