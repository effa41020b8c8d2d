//! Record -> item mapping: JSON types, exact numbers, keys, added attributes, limits, rejects.

use hoseline_aws::dynamodb::{
    AttributeDefinition, AttributeValue as V, Item, KeySchemaElement, ScalarAttributeType,
    TableDescription,
};
use hoseline_pipeline::mapping::{
    item_size, map_record, KeyAttribute, KeyKind, KeySchema, MappingOptions, RecordContext,
    RecordError, RejectCode, TtlSetting, MAX_ITEM_BYTES,
};

const COMMON: &[(String, String)] = &[];

fn ctx() -> RecordContext<'static> {
    RecordContext {
        duplicate_index: 0,
        // 2026-11-26T14:03:36.123Z
        arrival_ms: 1_795_701_816_123,
        common_attributes: COMMON,
    }
}

fn id_schema() -> KeySchema {
    KeySchema {
        partition: KeyAttribute::new("id", KeyKind::S),
        sort: None,
        index_keys: Vec::new(),
    }
}

fn map(data: &str) -> Result<Vec<Item>, RecordError> {
    map_record(
        data.as_bytes(),
        &id_schema(),
        &MappingOptions::default(),
        &ctx(),
    )
}

fn one(data: &str) -> Item {
    let mut items = map(data).expect("the record maps");
    assert_eq!(items.len(), 1);
    items.remove(0)
}

fn reject(data: &str) -> RecordError {
    map(data).expect_err("the record is rejected")
}

/// The value of attribute `v` of a one-item record `{"id":"k","v":<json>}`.
fn value_of(json: &str) -> V {
    one(&format!(r#"{{"id":"k","v":{json}}}"#))["v"].clone()
}

fn n(text: &str) -> V {
    V::N(text.to_owned())
}

#[test]
fn every_json_type() {
    let item = one(
        r#"{"id":"a","s":"text","n":-0.05,"t":true,"f":false,"z":null,"l":[1,"x",[]],"m":{"k":{"deep":1}}}"#,
    );
    assert_eq!(item["id"], V::s("a"));
    assert_eq!(item["s"], V::s("text"));
    assert_eq!(item["n"], n("-0.05"));
    assert_eq!(item["t"], V::Bool(true));
    assert_eq!(item["f"], V::Bool(false));
    assert_eq!(item["z"], V::Null(true));
    assert_eq!(item["l"], V::L(vec![n("1"), V::s("x"), V::L(vec![])]));
    let deep = Item::from([("deep".to_owned(), n("1"))]);
    let m = Item::from([("k".to_owned(), V::M(deep))]);
    assert_eq!(item["m"], V::M(m));
    assert_eq!(item.len(), 8);
}

#[test]
fn the_demo_record() {
    let item = one(
        r#"{"TICKER_SYMBOL":"QXZ","SECTOR":"HEALTHCARE","CHANGE":-0.05,"PRICE":84.51,"id":"r1"}"#,
    );
    assert_eq!(item["PRICE"], n("84.51"));
    assert_eq!(item["CHANGE"], n("-0.05"));
    assert_eq!(item["TICKER_SYMBOL"], V::s("QXZ"));
}

#[test]
fn numbers_keep_their_exact_text() {
    for text in [
        "12345678901234567890.123456789012345678",
        "1e-130",
        "-0.0",
        "1E+125",
        "0",
        "-0",
        "1.50",
        "2.5E-3",
        "9007199254740993",
        "99999999999999999999999999999999999999",
        "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125",
        "0.000000000000000000000000000000000000000001",
        "0e999999",
    ] {
        assert_eq!(value_of(text), n(text), "{text}");
    }
}

#[test]
fn numbers_dynamodb_cannot_hold_are_rejected_with_their_path() {
    for (json, rule) in [
        ("1E+126", "too large"),
        ("-1e200", "too large"),
        ("1e-131", "too close to zero"),
        ("0.9e-130", "too close to zero"),
        ("1e99999999999999999999", "too large"),
        (
            "123456789012345678901234567890123456789",
            "39 significant digits",
        ),
        (
            "1.23456789012345678901234567890123456789",
            "39 significant digits",
        ),
    ] {
        let e = reject(&format!(r#"{{"id":"k","a":{{"b":[0,{json}]}}}}"#));
        assert_eq!(e.code, RejectCode::InvalidNumber, "{json}");
        assert!(
            e.message
                .starts_with("line 1: attribute a.b[1]: the number "),
            "{}",
            e.message
        );
        assert!(e.message.contains(rule), "{json}: {}", e.message);
        assert_eq!(e.code.as_str(), "Bridge.InvalidNumber");
    }
}

#[test]
fn strings_and_unicode_escapes() {
    assert_eq!(
        value_of(r#""a\"b\\c\/d\b\f\n\r\t""#),
        V::s("a\"b\\c/d\u{8}\u{c}\n\r\t")
    );
    assert_eq!(value_of(r#""\u00e9\u4e2d\u0000""#), V::s("é中\0"));
    // A surrogate pair is one character outside the BMP; upper- and lower-case hex both work.
    assert_eq!(value_of(r#""\ud83d\uDE00!""#), V::s("😀!"));
    assert_eq!(value_of(r#""raw é 😀 中""#), V::s("raw é 😀 中"));
    assert_eq!(value_of(r#""""#), V::s(""));
}

#[test]
fn bad_strings_are_not_json() {
    for (json, says) in [
        (r#""\ud83d""#, "surrogate pair"),
        (r#""\ud83d\u0041""#, "low surrogate"),
        (r#""\ude00""#, "without its high half"),
        (r#""\u12""#, "four hex digits"),
        (r#""\x41""#, "\\x is not a JSON escape"),
        ("\"tab\there\"", "must be escaped"),
        (r#""open"#, "not closed"),
    ] {
        let e = reject(&format!(r#"{{"id":"k","v":{json}}}"#));
        assert_eq!(e.code, RejectCode::NotJson, "{json}");
        assert!(e.message.contains(says), "{json}: {}", e.message);
    }
}

#[test]
fn nesting_up_to_dynamodbs_limit() {
    // The record's object is the item; DynamoDB takes 31 levels of lists and maps in an attribute.
    let deep = |levels: usize| {
        format!(
            r#"{{"id":"k","v":{}1{}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    let mut value = one(&deep(31))["v"].clone();
    for _ in 0..30 {
        let V::L(mut inner) = value else {
            panic!("not a list")
        };
        value = inner.remove(0);
    }
    assert_eq!(value, V::L(vec![n("1")]));
    let e = reject(&deep(32));
    assert_eq!(e.code, RejectCode::InvalidAttribute);
    assert!(
        e.message.contains("nested more than 32 levels"),
        "{}",
        e.message
    );
    // Hostile depth is refused without recursing into it.
    let e = reject(&deep(100_000));
    assert_eq!(e.code, RejectCode::InvalidAttribute);
    let objects = format!(
        r#"{{"id":"k","v":{}{}}}"#,
        r#"{"a":"#.repeat(40),
        "}".repeat(40)
    );
    let e = reject(&objects);
    assert_eq!(e.code, RejectCode::InvalidAttribute);
    assert!(
        e.message.starts_with("line 1: attribute v.a.a."),
        "{}",
        e.message
    );
}

#[test]
fn malformed_json_names_line_column_and_rule() {
    for (data, code, message) in [
        ("{", RejectCode::NotJson, "line 1, column 2: not valid JSON: expected an attribute name in double quotes, found the end of the text"),
        (r#"{"id":"k",}"#, RejectCode::NotJson, "line 1, column 11: not valid JSON: expected an attribute name in double quotes, found '}'"),
        (r#"{"id":"k" "x":1}"#, RejectCode::NotJson, "line 1, column 11: not valid JSON: expected ',' or '}' after an attribute, found '\"'"),
        (r#"{"id":"k","x":[1 2]}"#, RejectCode::NotJson, "line 1, column 18: not valid JSON: expected ',' or ']' after a list element, found '2' (in attribute x)"),
        (r#"{"id":"k","x":tru}"#, RejectCode::NotJson, "line 1, column 15: not valid JSON: expected a value (true, false, null, a number, a string, [ or {), found 't' (in attribute x)"),
        (r#"{"id":"k","x":NaN}"#, RejectCode::NotJson, "line 1, column 15: not valid JSON: expected a value, found 'N' (in attribute x)"),
        (r#"{"id":"k","x":01}"#, RejectCode::NotJson, "line 1, column 15: not valid JSON: numbers cannot have leading zeros (in attribute x)"),
        (r#"{"id":"k","x":1.}"#, RejectCode::NotJson, "line 1, column 17: not valid JSON: expected a digit after the decimal point, found '}' (in attribute x)"),
        (r#"{"id":"k","x":1e}"#, RejectCode::NotJson, "line 1, column 17: not valid JSON: expected a digit in the exponent, found '}' (in attribute x)"),
        (r#"{"id":"k","x":-}"#, RejectCode::NotJson, "line 1, column 16: not valid JSON: expected a digit, found '}' (in attribute x)"),
        ("{'id':'k'}", RejectCode::NotJson, "line 1, column 2: not valid JSON: expected an attribute name in double quotes, found '''"),
        (r#"{"id":"k"} trailing"#, RejectCode::NotJson, "line 1: another value starts on the same line as the object before it; a record holds one JSON object per line"),
        (r#"{"id":"é","x":ü}"#, RejectCode::NotJson, "line 1, column 15: not valid JSON: expected a value, found 'ü' (in attribute x)"),
        ("hello", RejectCode::NotJson, "line 1, column 1: not valid JSON: expected a value, found 'h'"),
        ("[1,2]", RejectCode::NotAnObject, "line 1: each line of a record must be a JSON object ({...}), this one is an array"),
        ("\"text\"", RejectCode::NotAnObject, "line 1: each line of a record must be a JSON object ({...}), this one is a string"),
        ("42", RejectCode::NotAnObject, "line 1: each line of a record must be a JSON object ({...}), this one is a number"),
        (r#"{"id":"k","":1}"#, RejectCode::InvalidAttribute, "line 1: attribute names cannot be empty"),
        (r#"{"id":"k","m":{"":1}}"#, RejectCode::InvalidAttribute, "line 1: attribute m: attribute names cannot be empty"),
    ] {
        let e = reject(data);
        assert_eq!((e.code, e.message.as_str()), (code, message), "{data}");
    }
}

#[test]
fn not_utf8_and_empty_records() {
    let e = map_record(
        b"{\"id\":\"k\"}\n{\"id\":\"\xff\"}",
        &id_schema(),
        &MappingOptions::default(),
        &ctx(),
    )
    .unwrap_err();
    assert_eq!(e.code, RejectCode::NotUtf8);
    assert_eq!(e.code.as_str(), "Bridge.NotUtf8");
    assert!(
        e.message
            .starts_with("line 2: the record is not UTF-8 text (invalid byte at offset 18)"),
        "{}",
        e.message
    );
    for empty in ["", " ", "\n\n", " \t\r\n ", "\u{feff}"] {
        let e = reject(empty);
        assert_eq!(e.code, RejectCode::Empty, "{empty:?}");
        assert_eq!(e.code.as_str(), "Bridge.Empty");
    }
    // A byte order mark before the object is allowed.
    assert_eq!(one("\u{feff}{\"id\":\"k\"}")["id"], V::s("k"));
}

#[test]
fn newline_delimited_records() {
    let items = map("{\"id\":\"a\",\"n\":1}\n\n  \r\n{\"id\":\"b\"}\r\n{\"id\":\"c\"}\n").unwrap();
    let ids: Vec<_> = items.iter().map(|i| i["id"].clone()).collect();
    assert_eq!(ids, [V::s("a"), V::s("b"), V::s("c")]);
    // An object may span lines (pretty-printed).
    let items = map("{\n  \"id\": \"a\",\n  \"n\": 1\n}\n{\"id\":\"b\"}").unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["n"], n("1"));
    // One bad line rejects the whole record, naming that line.
    let e = reject("{\"id\":\"a\"}\n\n{\"id\":\"b\",}\n{\"id\":\"c\"}");
    assert_eq!(e.code, RejectCode::NotJson);
    assert!(
        e.message.starts_with("line 3, column 11: "),
        "{}",
        e.message
    );
    let e = reject("{\"id\":\"a\"}\n{\"x\":1}");
    assert_eq!(e.code, RejectCode::MissingKey);
    assert!(e.message.starts_with("line 2: "), "{}", e.message);
    let e = reject("{\"id\":\"a\"}\n[]");
    assert_eq!(e.code, RejectCode::NotAnObject);
    assert!(e.message.starts_with("line 2: "), "{}", e.message);
    let e = reject("{\"id\":\"a\"}\n{\"id\":\"b\",\"v\":1e999}");
    assert_eq!(e.code, RejectCode::InvalidNumber);
    assert!(
        e.message.starts_with("line 2: attribute v: "),
        "{}",
        e.message
    );
}

#[test]
fn duplicate_names_keep_the_last() {
    assert_eq!(one(r#"{"id":"k","a":1,"a":2}"#)["a"], n("2"));
}

fn composite(pk: KeyKind, sk: KeyKind) -> KeySchema {
    KeySchema {
        partition: KeyAttribute::new("pk", pk),
        sort: Some(KeyAttribute::new("sk", sk)),
        index_keys: Vec::new(),
    }
}

fn map_with(
    data: &str,
    schema: &KeySchema,
    options: &MappingOptions,
) -> Result<Vec<Item>, RecordError> {
    map_record(data.as_bytes(), schema, options, &ctx())
}

#[test]
fn key_attributes_by_name_and_type() {
    let options = MappingOptions::default();
    let schema = composite(KeyKind::N, KeyKind::B);
    let items = map_with(r#"{"pk":12.5,"sk":"AAEC/w==","x":"y"}"#, &schema, &options).unwrap();
    assert_eq!(items[0]["pk"], n("12.5"));
    assert_eq!(items[0]["sk"], V::B(vec![0, 1, 2, 255]));
    assert_eq!(items[0]["x"], V::s("y"));
}

#[test]
fn missing_key_is_rejected() {
    let e = reject(r#"{"ID":"k"}"#);
    assert_eq!(e.code, RejectCode::MissingKey);
    assert_eq!(e.code.as_str(), "Bridge.MissingKey");
    assert_eq!(
        e.message,
        "line 1: the partition key \"id\" is missing; every item needs the table's key (id (S))"
    );
    let schema = composite(KeyKind::S, KeyKind::N);
    let e = map_with(r#"{"pk":"a"}"#, &schema, &MappingOptions::default()).unwrap_err();
    assert_eq!(e.code, RejectCode::MissingKey);
    assert_eq!(e.message, "line 1: the sort key \"sk\" is missing; every item needs the table's key (pk (S) + sk (N))");
}

#[test]
fn wrong_key_type_is_rejected() {
    let schema = composite(KeyKind::S, KeyKind::N);
    let options = MappingOptions::default();
    for (data, message) in [
        (
            r#"{"pk":1,"sk":1}"#,
            "line 1: the partition key \"pk\" must be a string (key type S), found a number",
        ),
        (
            r#"{"pk":"a","sk":"1"}"#,
            "line 1: the sort key \"sk\" must be a number (key type N), found a string",
        ),
        (
            r#"{"pk":null,"sk":1}"#,
            "line 1: the partition key \"pk\" must be a string (key type S), found null",
        ),
        (
            r#"{"pk":"","sk":1}"#,
            "line 1: the partition key \"pk\" cannot be empty",
        ),
        (
            r#"{"pk":{"a":1},"sk":1}"#,
            "line 1: the partition key \"pk\" must be a string (key type S), found an object",
        ),
    ] {
        let e = map_with(data, &schema, &options).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (RejectCode::InvalidKey, message),
            "{data}"
        );
    }
    let long = "x".repeat(2049);
    let e = map_with(&format!(r#"{{"pk":"{long}","sk":1}}"#), &schema, &options).unwrap_err();
    assert_eq!(e.message, "line 1: the partition key \"pk\" is 2049 bytes; a partition key value is at most 2048 bytes");
    let binary = composite(KeyKind::B, KeyKind::S);
    let e = map_with(r#"{"pk":"not base64!","sk":"a"}"#, &binary, &options).unwrap_err();
    assert_eq!(e.code, RejectCode::InvalidKey);
    assert!(
        e.message
            .starts_with("line 1: the partition key \"pk\" must be base64 text (binary key)"),
        "{}",
        e.message
    );
    let e = map_with(r#"{"pk":"","sk":"a"}"#, &binary, &options).unwrap_err();
    assert_eq!(
        e.message,
        "line 1: the partition key \"pk\" cannot be empty"
    );
    let sort_too_long = format!(r#"{{"pk":"AA==","sk":"{}"}}"#, "y".repeat(1025));
    let e = map_with(&sort_too_long, &binary, &options).unwrap_err();
    assert_eq!(
        e.message,
        "line 1: the sort key \"sk\" is 1025 bytes; a sort key value is at most 1024 bytes"
    );
}

/// The record of the generated-key tests and the first 128 bits of its SHA-256, in hex.
const TWO_LINES: &str = "{\"a\":1}\n{\"a\":2}";
const TWO_LINES_HASH: &str = "35a4bed300476fba01ebdfc26d809fe0";

#[test]
fn generated_keys_come_from_the_record_itself() {
    let options = MappingOptions {
        generate_missing_key: true,
        ..MappingOptions::default()
    };
    let items = map_record(TWO_LINES.as_bytes(), &id_schema(), &options, &ctx()).unwrap();
    // Fixed values: the key must never change between versions, or retries would duplicate items.
    assert_eq!(items[0]["id"], V::s(format!("{TWO_LINES_HASH}:0:1")));
    assert_eq!(items[1]["id"], V::s(format!("{TWO_LINES_HASH}:0:2")));
    // The same bytes, whatever else differs (arrival, attributes): the same keys.
    let later = RecordContext {
        arrival_ms: 1_900_000_000_000,
        ..ctx()
    };
    assert_eq!(
        map_record(TWO_LINES.as_bytes(), &id_schema(), &options, &later).unwrap()[0]["id"],
        items[0]["id"]
    );
    // The second identical record of a delivery: other keys.
    let second = RecordContext {
        duplicate_index: 1,
        ..ctx()
    };
    let items = map_record(TWO_LINES.as_bytes(), &id_schema(), &options, &second).unwrap();
    assert_eq!(items[0]["id"], V::s(format!("{TWO_LINES_HASH}:1:1")));
    // Another record: another hash.
    let other = map_record(b"{\"a\":1}", &id_schema(), &options, &ctx()).unwrap();
    assert!(!other[0]["id"].as_s().unwrap().starts_with(TWO_LINES_HASH));

    // A present key is kept.
    let items = map_record(br#"{"id":"mine"}"#, &id_schema(), &options, &ctx()).unwrap();
    assert_eq!(items[0]["id"], V::s("mine"));

    // Numeric keys: 126 bits of the SHA-256 of the same text, at most 38 digits.
    let numeric = composite(KeyKind::N, KeyKind::N);
    let first = map_record(TWO_LINES.as_bytes(), &numeric, &options, &ctx()).unwrap();
    assert_eq!(first[0]["pk"], n("51832800494505863480566916962692936326"));
    assert_eq!(first[1]["pk"], n("5367469128611700851994822172277743915"));
    assert_eq!(first[0]["pk"], first[0]["sk"]);
    let again = map_record(TWO_LINES.as_bytes(), &numeric, &options, &second).unwrap();
    assert_eq!(again[0]["pk"], n("57123888411499321461108145465164813113"));

    // Only the missing one of a composite key is generated; binary keys get the text's bytes.
    let schema = composite(KeyKind::S, KeyKind::B);
    let items = map_record(TWO_LINES.as_bytes(), &schema, &options, &ctx()).unwrap();
    assert_eq!(items[0]["pk"], V::s(format!("{TWO_LINES_HASH}:0:1")));
    assert_eq!(
        items[0]["sk"],
        V::B(format!("{TWO_LINES_HASH}:0:1").into_bytes())
    );
    let items = map_record(br#"{"pk":"p"}"#, &schema, &options, &ctx()).unwrap();
    assert_eq!(items[0]["pk"], V::s("p"));
    let V::B(sk) = &items[0]["sk"] else {
        panic!("not B")
    };
    assert!(sk.ends_with(b":0:1") && sk.len() == 36, "{sk:?}");
    // Wrong types are still rejected, generated keys or not.
    let e = map_record(br#"{"id":5}"#, &id_schema(), &options, &ctx()).unwrap_err();
    assert_eq!(e.code, RejectCode::InvalidKey);
}

#[test]
fn ttl_arrival_and_common_attributes() {
    let common = vec![
        ("source".to_owned(), "demo".to_owned()),
        ("note".to_owned(), "from firehose".to_owned()),
    ];
    let options = MappingOptions {
        generate_missing_key: false,
        ttl: Some(TtlSetting {
            attribute: "expires".to_owned(),
            days: 30,
        }),
        arrival_attribute: Some("arrived".to_owned()),
        copy_common_attributes: true,
    };
    let ctx = RecordContext {
        common_attributes: &common,
        ..ctx()
    };
    let items = map_record(br#"{"id":"k","note":"mine"}"#, &id_schema(), &options, &ctx).unwrap();
    let item = &items[0];
    // 1795701816 s + 30 days.
    assert_eq!(
        item["expires"],
        n(&(1_795_701_816u64 + 30 * 86_400).to_string())
    );
    assert_eq!(item["arrived"], V::s("2026-11-26T14:03:36.123Z"));
    assert_eq!(item["source"], V::s("demo"));
    // The record's own attribute wins over a common attribute.
    assert_eq!(item["note"], V::s("mine"));
    // And over the TTL and arrival attributes.
    let items = map_record(
        br#"{"id":"k","expires":1,"arrived":"then"}"#,
        &id_schema(),
        &options,
        &ctx,
    )
    .unwrap();
    assert_eq!(items[0]["expires"], n("1"));
    assert_eq!(items[0]["arrived"], V::s("then"));
    // Without the options, nothing is added.
    let plain = map_record(
        br#"{"id":"k"}"#,
        &id_schema(),
        &MappingOptions::default(),
        &ctx,
    )
    .unwrap();
    assert_eq!(plain[0].len(), 1);
}

#[test]
fn options_are_checked_against_the_key() {
    let schema = composite(KeyKind::S, KeyKind::S);
    let ttl = |attribute: &str, days| {
        Some(TtlSetting {
            attribute: attribute.to_owned(),
            days,
        })
    };
    assert!(MappingOptions {
        ttl: ttl("expires", 7),
        arrival_attribute: Some("at".into()),
        ..Default::default()
    }
    .validate(&schema)
    .is_ok());
    for (options, says) in [
        (
            MappingOptions {
                ttl: ttl("expires", 0),
                ..Default::default()
            },
            "days must be at least 1",
        ),
        (
            MappingOptions {
                ttl: ttl("", 1),
                ..Default::default()
            },
            "the TTL attribute needs a name",
        ),
        (
            MappingOptions {
                ttl: ttl("sk", 1),
                ..Default::default()
            },
            "is a key attribute",
        ),
        (
            MappingOptions {
                arrival_attribute: Some("pk".into()),
                ..Default::default()
            },
            "is a key attribute",
        ),
        (
            MappingOptions {
                ttl: ttl("t", 1),
                arrival_attribute: Some("t".into()),
                ..Default::default()
            },
            "need different names",
        ),
    ] {
        let e = options.validate(&schema).unwrap_err();
        assert_eq!(e.code, "InvalidMappingOptions");
        assert!(e.message.contains(says), "{}", e.message);
    }
}

#[test]
fn the_400_kb_limit() {
    // {"id":"k","blob":"x..."}: "id" 2 + "k" 1 + "blob" 4 + the string.
    let record = |len: usize| format!(r#"{{"id":"k","blob":"{}"}}"#, "x".repeat(len));
    let just_under = one(&record(MAX_ITEM_BYTES - 7));
    assert_eq!(item_size(&just_under), MAX_ITEM_BYTES);
    let e = reject(&record(MAX_ITEM_BYTES - 6));
    assert_eq!(e.code, RejectCode::ItemTooLarge);
    assert_eq!(e.code.as_str(), "Bridge.ItemTooLarge");
    assert_eq!(e.message, "line 1: the item is 409601 bytes by DynamoDB's count; an item is at most 400 KB (409600 bytes, attribute names included)");
    // Added attributes count too.
    let options = MappingOptions {
        arrival_attribute: Some("at".to_owned()),
        ..MappingOptions::default()
    };
    let e = map_record(
        record(MAX_ITEM_BYTES - 7).as_bytes(),
        &id_schema(),
        &options,
        &ctx(),
    )
    .unwrap_err();
    assert_eq!(e.code, RejectCode::ItemTooLarge);
}

#[test]
fn key_schema_from_describe_table() {
    let table = TableDescription {
        table_name: Some("events".into()),
        key_schema: vec![
            KeySchemaElement::range("at"),
            KeySchemaElement::hash("device"),
        ],
        attribute_definitions: vec![
            AttributeDefinition::new("device", ScalarAttributeType::S),
            AttributeDefinition::new("at", ScalarAttributeType::N),
            AttributeDefinition::new("gsi", ScalarAttributeType::B),
        ],
        ..TableDescription::default()
    };
    let schema = KeySchema::from_table(&table).unwrap();
    assert_eq!(schema.partition, KeyAttribute::new("device", KeyKind::S));
    assert_eq!(schema.sort, Some(KeyAttribute::new("at", KeyKind::N)));
    assert_eq!(schema.to_string(), "device (S) + at (N)");

    // The same from DescribeTable's JSON.
    let json = r#"{"TableName":"t","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
        "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"B"}]}"#;
    let table: TableDescription = serde_json::from_str(json).unwrap();
    let schema = KeySchema::from_table(&table).unwrap();
    assert_eq!(schema.partition, KeyAttribute::new("id", KeyKind::B));
    assert_eq!(schema.sort, None);

    let broken = |key_schema, definitions| TableDescription {
        table_name: Some("t".into()),
        key_schema,
        attribute_definitions: definitions,
        ..TableDescription::default()
    };
    let s = |name: &str| AttributeDefinition::new(name, ScalarAttributeType::S);
    for (table, says) in [
        (broken(vec![], vec![]), "no HASH"),
        (
            broken(vec![KeySchemaElement::hash("id")], vec![s("other")]),
            "\"id\" has no AttributeDefinitions entry",
        ),
        (
            broken(
                vec![KeySchemaElement::hash("a"), KeySchemaElement::hash("b")],
                vec![s("a"), s("b")],
            ),
            "more than one HASH",
        ),
        (
            broken(
                vec![KeySchemaElement::hash("a"), KeySchemaElement::range("a")],
                vec![s("a")],
            ),
            "the same attribute",
        ),
    ] {
        let e = KeySchema::from_table(&table).unwrap_err();
        assert_eq!(e.code, "InvalidKeySchema");
        assert!(e.message.contains(says), "{}", e.message);
        // The crate's error is shareable across threads.
        let _: Box<dyn std::error::Error + Send + Sync> = Box::new(e);
    }
}

#[test]
fn reject_codes_as_written_in_s3() {
    let all = [
        (RejectCode::NotUtf8, "Bridge.NotUtf8"),
        (RejectCode::NotJson, "Bridge.NotJson"),
        (RejectCode::NotAnObject, "Bridge.NotAnObject"),
        (RejectCode::MissingKey, "Bridge.MissingKey"),
        (RejectCode::InvalidKey, "Bridge.InvalidKey"),
        (RejectCode::InvalidNumber, "Bridge.InvalidNumber"),
        (RejectCode::InvalidAttribute, "Bridge.InvalidAttribute"),
        (RejectCode::ItemTooLarge, "Bridge.ItemTooLarge"),
        (RejectCode::Empty, "Bridge.Empty"),
    ];
    for (code, text) in all {
        assert_eq!(code.as_str(), text);
        assert_eq!(code.to_string(), text);
    }
    let e = RecordError::new(RejectCode::Empty, "nothing");
    assert_eq!(e.to_string(), "Bridge.Empty: nothing");
}
