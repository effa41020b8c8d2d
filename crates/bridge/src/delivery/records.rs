//! A delivery's bookkeeping by record: identical records counted for generated keys, and the
//! items DynamoDB refused traced back to their records.

use std::collections::HashMap;

use hoseline_pipeline::mapping::MappingOptions;

use super::writes::Refusal;

/// One reject line a record with refused items: the first refused item's code and message
/// (naming the item when the record made several), in record order.
pub(super) fn refused_records(
    mut refused: Vec<Refusal>,
    item_counts: &[usize],
) -> Vec<(usize, String, String)> {
    refused.sort_by_key(|r| (r.origin.record, r.origin.item));
    refused.dedup_by_key(|r| r.origin.record);
    refused
        .into_iter()
        .map(|r| {
            let count = item_counts.get(r.origin.record).copied().unwrap_or(1);
            let message = if count > 1 {
                format!(
                    "{} (item {} of the record's {count})",
                    r.message,
                    r.origin.item + 1
                )
            } else {
                r.message
            };
            (r.origin.record, r.code, message)
        })
        .collect()
}

/// For each record, how many identical records come before it in the delivery (generated keys
/// need it; nothing else does, so it is counted only when keys are generated).
pub(super) fn duplicate_indexes(mapping: &MappingOptions, records: &[Vec<u8>]) -> Vec<usize> {
    if !mapping.generate_missing_key {
        return Vec::new();
    }
    let mut seen: HashMap<&[u8], usize> = HashMap::new();
    records
        .iter()
        .map(|data| {
            let count = seen.entry(data.as_slice()).or_insert(0);
            *count += 1;
            *count - 1
        })
        .collect()
}
