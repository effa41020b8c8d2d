//! How a delivery's items become BatchWriteItem calls: one item per key, then batches of at most
//! 25 puts and about 15 MB (BatchWriteItem's limits are 25 requests and 16 MB).

use std::collections::HashSet;

use hoseline_aws::dynamodb::{item_size, AttributeValue, Item, WriteRequest, MAX_BATCH_WRITES};
use hoseline_pipeline::mapping::canonical_number;

/// A BatchWriteItem carries at most 16 MB; keep a margin for the request's own JSON.
pub(crate) const MAX_BATCH_BYTES: usize = 15 * 1024 * 1024;

/// One key attribute's value as DynamoDB compares keys: strings and binaries byte for byte,
/// numbers by value (`1`, `1.0` and `1e0` are one key).
#[derive(PartialEq, Eq, Hash)]
enum KeyValue<'a> {
    S(&'a str),
    N(String),
    B(&'a [u8]),
    /// Not a key type: DynamoDB refuses the item; compared as written.
    Other(String),
}

impl<'a> KeyValue<'a> {
    fn of(value: &'a AttributeValue) -> Self {
        match value {
            AttributeValue::S(s) => Self::S(s),
            AttributeValue::N(n) => Self::N(canonical_number(n)),
            AttributeValue::B(b) => Self::B(b),
            other => Self::Other(serde_json::to_string(other).unwrap_or_default()),
        }
    }
}

/// Keeps one item per key, the last one (a later record overwrites an earlier one, as separate
/// PutItems would), in their original order, and counts the items dropped. DynamoDB refuses a
/// batch with a key twice, comparing numbers by value. Each item travels with its origin `O`.
pub(crate) fn dedupe<O>(items: Vec<(O, Item)>, key_names: &[String]) -> (Vec<(O, Item)>, usize) {
    // Whether each item is the last of its key, found from the end.
    let mut last = vec![true; items.len()];
    let mut seen = HashSet::new();
    for (i, (_, item)) in items.iter().enumerate().rev() {
        let key: Option<Vec<KeyValue<'_>>> = key_names
            .iter()
            .map(|name| item.get(name).map(KeyValue::of))
            .collect();
        // An item without its key is DynamoDB's to refuse; keep it.
        last[i] = key.is_none_or(|key| seen.insert(key));
    }
    drop(seen);
    let duplicates = last.iter().filter(|l| !**l).count();
    let kept = items
        .into_iter()
        .zip(last)
        .filter_map(|(item, last)| last.then_some(item))
        .collect();
    (kept, duplicates)
}

/// Batches of at most 25 puts and about 15 MB, each put with its item's origin `O`.
pub(crate) fn chunks<O>(items: Vec<(O, Item)>) -> Vec<Vec<(O, WriteRequest)>> {
    let mut batches = Vec::new();
    let mut batch = Vec::new();
    let mut bytes = 0;
    for (origin, item) in items {
        let size = item_size(&item);
        if !batch.is_empty() && (batch.len() == MAX_BATCH_WRITES || bytes + size > MAX_BATCH_BYTES)
        {
            batches.push(std::mem::take(&mut batch));
            bytes = 0;
        }
        bytes += size;
        batch.push((origin, WriteRequest::put(item)));
    }
    if !batch.is_empty() {
        batches.push(batch);
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoseline_aws::dynamodb::AttributeValue;

    fn item(pk: &str, v: u32) -> Item {
        Item::from([
            ("pk".to_owned(), AttributeValue::s(pk)),
            ("v".to_owned(), AttributeValue::n(v)),
        ])
    }

    #[test]
    fn the_later_record_wins_a_duplicate_key() {
        let items = vec![(0, item("a", 1)), (1, item("b", 2)), (2, item("a", 3))];
        let (kept, duplicates) = dedupe(items, &["pk".to_owned()]);
        assert_eq!(kept, vec![(1, item("b", 2)), (2, item("a", 3))]);
        assert_eq!(duplicates, 1);
    }

    #[test]
    fn number_keys_are_compared_by_value_as_dynamodb_does() {
        let numbered = |pk: &str, sk: &str, v: u32| {
            Item::from([
                ("pk".to_owned(), AttributeValue::N(pk.to_owned())),
                ("sk".to_owned(), AttributeValue::N(sk.to_owned())),
                ("v".to_owned(), AttributeValue::n(v)),
            ])
        };
        let keys = ["pk".to_owned(), "sk".to_owned()];
        let items = vec![
            ((), numbered("1", "100", 1)),
            ((), numbered("1.0", "1e2", 2)),
            ((), numbered("2", "100", 3)),
            ((), numbered("10e-1", "100.00", 4)),
            ((), numbered("1", "-100", 5)),
        ];
        let (kept, duplicates) = dedupe(items, &keys);
        let kept: Vec<Item> = kept.into_iter().map(|(_, i)| i).collect();
        assert_eq!(
            kept,
            vec![
                numbered("2", "100", 3),
                numbered("10e-1", "100.00", 4),
                numbered("1", "-100", 5)
            ]
        );
        assert_eq!(duplicates, 2);
        // A string key stays text: "1" and "1.0" are two strings.
        let (kept, duplicates) = dedupe(
            vec![((), item("1", 1)), ((), item("1.0", 2))],
            &["pk".to_owned()],
        );
        assert_eq!(kept.len(), 2);
        assert_eq!(duplicates, 0);
    }

    #[test]
    fn batches_hold_at_most_25_items_and_15_mb() {
        let items: Vec<((), Item)> = (0..60).map(|i| ((), item(&format!("k{i}"), i))).collect();
        let sizes: Vec<usize> = chunks(items).iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![25, 25, 10]);

        let big = |i: u32| {
            Item::from([
                ("pk".to_owned(), AttributeValue::s(format!("k{i}"))),
                ("blob".to_owned(), AttributeValue::s("x".repeat(390 * 1024))),
            ])
        };
        let batches = chunks((0..50).map(|i| ((), big(i))).collect());
        assert!(batches.iter().all(|b| b.len() <= 25));
        for b in &batches {
            let bytes: usize = b
                .iter()
                .map(|(_, w)| match w {
                    WriteRequest::PutRequest(p) => item_size(&p.item),
                    WriteRequest::DeleteRequest(_) => 0,
                })
                .sum();
            assert!(bytes <= MAX_BATCH_BYTES, "{bytes}");
        }
        assert_eq!(batches.iter().map(Vec::len).sum::<usize>(), 50);
    }
}
