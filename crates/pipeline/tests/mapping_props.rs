//! Properties of the record parser: it never panics, whatever the bytes, and it agrees with
//! serde_json on everything serde_json writes (numbers compared as text).

use hoseline_aws::dynamodb::{AttributeValue, Item};
use hoseline_pipeline::mapping::json::parse_value;
use hoseline_pipeline::mapping::{
    map_record, KeyAttribute, KeyKind, KeySchema, MappingOptions, RecordContext, TtlSetting,
};
use proptest::prelude::*;
use serde_json::Value;

const CASES: u32 = 10_000;

fn schema() -> KeySchema {
    KeySchema {
        partition: KeyAttribute::new("id", KeyKind::S),
        sort: Some(KeyAttribute::new("n", KeyKind::N)),
        index_keys: Vec::new(),
    }
}

fn options() -> MappingOptions {
    MappingOptions {
        generate_missing_key: true,
        ttl: Some(TtlSetting {
            attribute: "ttl".into(),
            days: 1,
        }),
        arrival_attribute: Some("at".into()),
        copy_common_attributes: true,
    }
}

fn map(data: &[u8]) {
    let common = [("c".to_owned(), "v".to_owned())];
    let ctx = RecordContext {
        duplicate_index: usize::MAX,
        arrival_ms: u64::MAX,
        common_attributes: &common,
    };
    // Either verdict is fine; a panic is not.
    let _ = map_record(data, &schema(), &options(), &ctx);
    let _ = map_record(data, &schema(), &MappingOptions::default(), &ctx);
}

/// What serde_json's value should become.
fn expected(value: &Value) -> AttributeValue {
    match value {
        Value::Null => AttributeValue::Null(true),
        Value::Bool(b) => AttributeValue::Bool(*b),
        Value::Number(n) => AttributeValue::N(n.to_string()),
        Value::String(s) => AttributeValue::S(s.clone()),
        Value::Array(list) => AttributeValue::L(list.iter().map(expected).collect()),
        Value::Object(map) => AttributeValue::M(
            map.iter()
                .map(|(k, v)| (k.clone(), expected(v)))
                .collect::<Item>(),
        ),
    }
}

/// JSON values serde_json can write and DynamoDB can hold: numbers within range, names non-empty,
/// nesting shallow enough to stay cheap.
fn json_value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("DynamoDB's range", |f| {
                *f == 0.0 || (f.is_finite() && (1e-130..1e125).contains(&f.abs()))
            })
            .prop_map(Value::from),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(".{1,6}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Pieces of JSON, whole and broken, for bytes that get past the first character often.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"id\"",
    b"\"n\"",
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud83d",
    b"\n",
    b" ",
    b"-",
    b"0",
    b"9",
    b".",
    b"e",
    b"E+",
    b"true",
    b"nul",
    "é".as_bytes(),
    b"\xff",
    b"\xe2\x82",
    b"\x00",
    b"\x7f",
];

fn jsonish_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..48).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn never_panics_on_arbitrary_bytes(data in prop::collection::vec(any::<u8>(), 0..256)) {
        map(&data);
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = parse_value(text);
        }
    }

    #[test]
    fn never_panics_on_jsonish_bytes(data in jsonish_bytes()) {
        map(&data);
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = parse_value(text);
        }
    }

    #[test]
    fn never_panics_on_damaged_json(value in json_value(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let record = serde_json::json!({"id": "k", "n": 1, "v": value});
        let mut data = serde_json::to_vec(&record).unwrap();
        let at = cut.index(data.len());
        map(&data[..at]);
        data[at] = byte;
        map(&data);
    }

    #[test]
    fn agrees_with_serde_json(value in json_value()) {
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(parse_value(&text).unwrap(), expected(&value));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(parse_value(&pretty).unwrap(), expected(&value));
    }

    #[test]
    fn records_map_to_the_same_item(value in json_value()) {
        let record = serde_json::json!({"id": "k", "n": 1, "v": value});
        let text = serde_json::to_string(&record).unwrap();
        let ctx = RecordContext { duplicate_index: 0, arrival_ms: 0, common_attributes: &[] };
        let items = map_record(text.as_bytes(), &schema(), &MappingOptions::default(), &ctx).unwrap();
        prop_assert_eq!(items.len(), 1);
        prop_assert_eq!(Some(&AttributeValue::M(items[0].clone())), Some(&expected(&record)));
    }
}
