//! An item's size as DynamoDB counts it against the 400 KB limit.
//!
//! From the DynamoDB developer guide, "DynamoDB item sizes and formats"
//! (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
//! an item is the sum of its attribute names and values; strings are their UTF-8 bytes; numbers
//! are about one byte per two significant digits plus one (leading and trailing zeros trimmed);
//! binaries their raw bytes; null and Boolean 1 byte; a list or map 3 bytes of overhead plus its
//! elements (a map's element names included), and 1 byte for each element.

/// The item's size in bytes by DynamoDB's rules: one implementation, in the AWS layer, shared by
/// PutItem's validation, the mapping and the console's preview.
pub use hoseline_aws::dynamodb::item_size;
/// An item is at most 400 KB, attribute names included.
pub use hoseline_aws::dynamodb::MAX_ITEM_BYTES;

#[cfg(test)]
mod tests {
    use super::*;
    use hoseline_aws::dynamodb::{AttributeValue, Item};

    fn item(pairs: &[(&str, AttributeValue)]) -> Item {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    #[test]
    fn sizes_by_type() {
        assert_eq!(
            item_size(&item(&[("ab", AttributeValue::s("héllo"))])),
            2 + 6
        );
        // 8451 -> 4 significant digits -> 2 + 1 bytes.
        assert_eq!(
            item_size(&item(&[("p", AttributeValue::n("84.51"))])),
            1 + 3
        );
        // Leading and trailing zeros do not count: 1.2 -> 2 digits -> 2 bytes.
        assert_eq!(
            item_size(&item(&[("p", AttributeValue::n("001.200"))])),
            1 + 2
        );
        assert_eq!(item_size(&item(&[("z", AttributeValue::n("0"))])), 1 + 1);
        assert_eq!(
            item_size(&item(&[("b", AttributeValue::B(vec![0; 10]))])),
            1 + 10
        );
        assert_eq!(
            item_size(&item(&[("t", AttributeValue::Bool(true))])),
            1 + 1
        );
        assert_eq!(
            item_size(&item(&[("n", AttributeValue::Null(true))])),
            1 + 1
        );
        assert_eq!(item_size(&item(&[("l", AttributeValue::L(vec![]))])), 1 + 3);
        let list = AttributeValue::L(vec![AttributeValue::s("ab"), AttributeValue::Bool(false)]);
        assert_eq!(item_size(&item(&[("l", list)])), 1 + 3 + (1 + 2) + (1 + 1));
        let map = AttributeValue::M(item(&[("k", AttributeValue::s("v"))]));
        assert_eq!(item_size(&item(&[("m", map)])), 1 + 3 + (1 + 1 + 1));
    }
}
