//! Secondary-index keys: read from DescribeTable, and checked on every item as DynamoDB checks
//! them (an absent one is fine; an empty one or one of another type is refused).

use hoseline_aws::dynamodb::{
    AttributeDefinition, AttributeValue as V, GlobalSecondaryIndexDescription, Item,
    KeySchemaElement, LocalSecondaryIndexDescription, ScalarAttributeType, TableDescription,
};
use hoseline_pipeline::mapping::{
    map_record, IndexKey, KeyAttribute, KeyKind, KeySchema, MappingOptions, RecordContext,
    RecordError, RejectCode, TtlSetting,
};

fn ctx() -> RecordContext<'static> {
    RecordContext {
        duplicate_index: 0,
        arrival_ms: 1_795_701_816_123,
        common_attributes: &[],
    }
}

fn map_with(
    data: &str,
    schema: &KeySchema,
    options: &MappingOptions,
) -> Result<Vec<Item>, RecordError> {
    map_record(data.as_bytes(), schema, options, &ctx())
}

/// A table keyed by `pk` (S) + `sk` (N), with a GSI on `customer` (S) + `at` (N) and an LSI on
/// `pk` + `blob` (B), as DescribeTable describes it.
fn indexed_table() -> TableDescription {
    let def = AttributeDefinition::new;
    TableDescription {
        table_name: Some("orders".into()),
        key_schema: vec![KeySchemaElement::hash("pk"), KeySchemaElement::range("sk")],
        attribute_definitions: vec![
            def("pk", ScalarAttributeType::S),
            def("sk", ScalarAttributeType::N),
            def("customer", ScalarAttributeType::S),
            def("at", ScalarAttributeType::N),
            def("blob", ScalarAttributeType::B),
        ],
        global_secondary_indexes: vec![GlobalSecondaryIndexDescription {
            index_name: Some("by-customer".into()),
            key_schema: vec![
                KeySchemaElement::hash("customer"),
                KeySchemaElement::range("at"),
            ],
            ..GlobalSecondaryIndexDescription::default()
        }],
        local_secondary_indexes: vec![LocalSecondaryIndexDescription {
            index_name: Some("by-blob".into()),
            key_schema: vec![
                KeySchemaElement::hash("pk"),
                KeySchemaElement::range("blob"),
            ],
            ..LocalSecondaryIndexDescription::default()
        }],
        ..TableDescription::default()
    }
}

#[test]
fn index_keys_come_from_describe_table() {
    let schema = KeySchema::from_table(&indexed_table()).unwrap();
    assert_eq!(schema.to_string(), "pk (S) + sk (N)");
    assert_eq!(
        schema.index_keys,
        vec![
            IndexKey {
                attribute: KeyAttribute::new("customer", KeyKind::S),
                index: "by-customer".into()
            },
            IndexKey {
                attribute: KeyAttribute::new("at", KeyKind::N),
                index: "by-customer".into()
            },
            IndexKey {
                attribute: KeyAttribute::new("blob", KeyKind::B),
                index: "by-blob".into()
            },
        ],
        "the table's own key attributes are checked as table keys"
    );
}

#[test]
fn index_keys_that_dynamodb_would_refuse_are_rejected() {
    let schema = KeySchema::from_table(&indexed_table()).unwrap();
    let options = MappingOptions::default();
    // Absent index keys are fine: the item stays out of the index.
    let items = map_with(r#"{"pk":"a","sk":1}"#, &schema, &options).unwrap();
    assert_eq!(items[0].len(), 2);
    let items = map_with(
        r#"{"pk":"a","sk":1,"customer":"c-1","at":17,"blob":"AAEC"}"#,
        &schema,
        &options,
    )
    .unwrap();
    assert_eq!(
        items[0]["blob"],
        V::B(vec![0, 1, 2]),
        "a binary index key is base64 text"
    );
    for (data, message) in [
        (
            r#"{"pk":"a","sk":1,"customer":""}"#,
            "line 1: the attribute \"customer\", a key of index \"by-customer\", cannot be empty",
        ),
        (
            r#"{"pk":"a","sk":1,"customer":7}"#,
            "line 1: the attribute \"customer\", a key of index \"by-customer\", must be a string (key type S), found a number",
        ),
        (
            r#"{"pk":"a","sk":1,"at":"soon"}"#,
            "line 1: the attribute \"at\", a key of index \"by-customer\", must be a number (key type N), found a string",
        ),
        (
            r#"{"pk":"a","sk":1,"at":null}"#,
            "line 1: the attribute \"at\", a key of index \"by-customer\", must be a number (key type N), found null",
        ),
        (
            r#"{"pk":"a","sk":1,"blob":""}"#,
            "line 1: the attribute \"blob\", a key of index \"by-blob\", cannot be empty",
        ),
    ] {
        let e = map_with(data, &schema, &options).unwrap_err();
        assert_eq!(e.code, RejectCode::InvalidIndexKey, "{data}");
        assert_eq!(e.code.as_str(), "Bridge.InvalidIndexKey");
        assert!(e.message.starts_with(message), "{data}: {}", e.message);
        assert!(e.message.contains("stays out of the index"), "{}", e.message);
    }
    let e = map_with(
        r#"{"pk":"a","sk":1,"blob":"not base64!"}"#,
        &schema,
        &options,
    )
    .unwrap_err();
    assert_eq!(e.code, RejectCode::InvalidIndexKey);
    assert!(e.message.contains("base64"), "{}", e.message);

    // An attribute the options add is checked too: a common attribute is a string.
    let common = vec![("customer".to_owned(), String::new())];
    let ctx = RecordContext {
        common_attributes: &common,
        ..ctx()
    };
    let copy = MappingOptions {
        copy_common_attributes: true,
        ..MappingOptions::default()
    };
    let e = map_record(br#"{"pk":"a","sk":1}"#, &schema, &copy, &ctx).unwrap_err();
    assert_eq!(e.code, RejectCode::InvalidIndexKey);
}

#[test]
fn an_added_attribute_of_the_wrong_type_for_an_index_is_refused_up_front() {
    let schema = KeySchema::from_table(&indexed_table()).unwrap();
    let arrival_as_number_key = MappingOptions {
        arrival_attribute: Some("at".into()),
        ..MappingOptions::default()
    };
    let e = arrival_as_number_key.validate(&schema).unwrap_err();
    assert_eq!(e.code, "InvalidMappingOptions");
    assert!(e.message.contains("index \"by-customer\""), "{}", e.message);
    let ttl_as_string_key = MappingOptions {
        ttl: Some(TtlSetting {
            attribute: "customer".into(),
            days: 3,
        }),
        ..MappingOptions::default()
    };
    assert!(ttl_as_string_key.validate(&schema).is_err());
    // The right types are fine: the TTL is a number, the arrival time a string.
    let fine = MappingOptions {
        ttl: Some(TtlSetting {
            attribute: "at".into(),
            days: 3,
        }),
        arrival_attribute: Some("customer".into()),
        ..MappingOptions::default()
    };
    assert_eq!(fine.validate(&schema), Ok(()));
}
