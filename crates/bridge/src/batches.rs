//! How a delivery's items become BatchWriteItem calls: one item per key, then batches of at most
//! 25 puts and about 15 MB (BatchWriteItem's limits are 25 requests and 16 MB).

use std::collections::HashSet;

use hoseline_aws::dynamodb::{item_size, Item, WriteRequest, MAX_BATCH_WRITES};

/// A BatchWriteItem carries at most 16 MB; keep a margin for the request's own JSON.
pub(crate) const MAX_BATCH_BYTES: usize = 15 * 1024 * 1024;

/// Keeps one item per key, the last one (a later record overwrites an earlier one, as separate
/// PutItems would), in their original order. DynamoDB refuses a batch with a key twice.
pub(crate) fn dedupe(items: Vec<Item>, key_names: &[String]) -> Vec<Item> {
    let mut seen = HashSet::new();
    let mut kept: Vec<Item> = items
        .into_iter()
        .rev()
        .filter(|item| {
            let key: Option<Vec<String>> = key_names
                .iter()
                .map(|name| item.get(name).and_then(|v| serde_json::to_string(v).ok()))
                .collect();
            // An item without its key is DynamoDB's to refuse; keep it.
            key.is_none_or(|key| seen.insert(key))
        })
        .collect();
    kept.reverse();
    kept
}

/// Batches of at most 25 puts and about 15 MB.
pub(crate) fn chunks(items: Vec<Item>) -> Vec<Vec<WriteRequest>> {
    let mut batches = Vec::new();
    let mut batch = Vec::new();
    let mut bytes = 0;
    for item in items {
        let size = item_size(&item);
        if !batch.is_empty() && (batch.len() == MAX_BATCH_WRITES || bytes + size > MAX_BATCH_BYTES)
        {
            batches.push(std::mem::take(&mut batch));
            bytes = 0;
        }
        bytes += size;
        batch.push(WriteRequest::put(item));
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
        let items = vec![item("a", 1), item("b", 2), item("a", 3)];
        let kept = dedupe(items, &["pk".to_owned()]);
        assert_eq!(kept, vec![item("b", 2), item("a", 3)]);
    }

    #[test]
    fn batches_hold_at_most_25_items_and_15_mb() {
        let items: Vec<Item> = (0..60).map(|i| item(&format!("k{i}"), i)).collect();
        let sizes: Vec<usize> = chunks(items).iter().map(Vec::len).collect();
        assert_eq!(sizes, vec![25, 25, 10]);

        let big = |i: u32| {
            Item::from([
                ("pk".to_owned(), AttributeValue::s(format!("k{i}"))),
                ("blob".to_owned(), AttributeValue::s("x".repeat(390 * 1024))),
            ])
        };
        let batches = chunks((0..50).map(big).collect());
        assert!(batches.iter().all(|b| b.len() <= 25));
        for b in &batches {
            let bytes: usize = b
                .iter()
                .map(|w| match w {
                    WriteRequest::PutRequest(p) => item_size(&p.item),
                    WriteRequest::DeleteRequest(_) => 0,
                })
                .sum();
            assert!(bytes <= MAX_BATCH_BYTES, "{bytes}");
        }
        assert_eq!(batches.iter().map(Vec::len).sum::<usize>(), 50);
    }
}
