//! Request encoding and response decoding, with the examples of the DynamoDB API reference
//! (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/, the same examples botocore
//! ships in `dynamodb/2012-08-10/examples-1.json`).

use serde_json::{json, Value};

use super::*;
use crate::{Endpoint, HttpResponse, Operation, Region, ResolvedEndpoint, Service};

mod items;

pub(super) fn endpoint() -> ResolvedEndpoint {
    Endpoint::Aws.resolve(
        Service::DynamoDb,
        &Region::new("us-east-1").expect("region"),
    )
}

/// The X-Amz-Target and the JSON body an operation sends.
pub(super) fn sent<O: Operation>(op: &O) -> (String, Value) {
    op.validate().expect("valid input");
    let r = op.build(&endpoint()).expect("builds");
    assert_eq!(r.method, "POST");
    assert_eq!(r.url, "https://dynamodb.us-east-1.amazonaws.com/");
    assert_eq!(
        r.get_header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    let target = r.get_header("x-amz-target").expect("target").to_owned();
    (target, serde_json::from_slice(&r.body).expect("json body"))
}

pub(super) fn ok(body: Value) -> HttpResponse {
    HttpResponse::new(200, body.to_string())
}

pub(super) fn item(pairs: &[(&str, AttributeValue)]) -> Item {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

#[test]
fn attribute_values_round_trip_in_dynamodb_json() {
    let cases = [
        (AttributeValue::s("x"), json!({"S": "x"})),
        (AttributeValue::n("1.50"), json!({"N": "1.50"})),
        (AttributeValue::Null(true), json!({"NULL": true})),
        (AttributeValue::Bool(true), json!({"BOOL": true})),
        (
            AttributeValue::B(b"this text is base64-encoded".to_vec()),
            json!({"B": "dGhpcyB0ZXh0IGlzIGJhc2U2NC1lbmNvZGVk"}),
        ),
        (
            AttributeValue::Bs(vec![b"a".to_vec(), b"bc".to_vec()]),
            json!({"BS": ["YQ==", "YmM="]}),
        ),
        (
            AttributeValue::Ss(vec!["Giraffe".into(), "Zebra".into()]),
            json!({"SS": ["Giraffe", "Zebra"]}),
        ),
        (
            AttributeValue::Ns(vec!["42.2".into(), "-19".into(), "7.5".into()]),
            json!({"NS": ["42.2", "-19", "7.5"]}),
        ),
        (
            AttributeValue::L(vec![AttributeValue::s("Cookies"), AttributeValue::n(2.75)]),
            json!({"L": [{"S": "Cookies"}, {"N": "2.75"}]}),
        ),
        (
            AttributeValue::M(item(&[
                ("Name", AttributeValue::s("Joe")),
                ("Age", AttributeValue::n(35)),
            ])),
            json!({"M": {"Age": {"N": "35"}, "Name": {"S": "Joe"}}}),
        ),
    ];
    for (value, wire) in cases {
        assert_eq!(
            serde_json::to_value(&value).expect("encodes"),
            wire,
            "{value:?}"
        );
        let back: AttributeValue = serde_json::from_value(wire).expect("decodes");
        assert_eq!(back, value);
    }
}

#[test]
fn numbers_keep_their_exact_decimal_text() {
    let wire = r#"{"N":"12345678901234567890.123456789"}"#;
    let v: AttributeValue = serde_json::from_str(wire).expect("decodes");
    assert_eq!(v.as_n(), Some("12345678901234567890.123456789"));
    assert_eq!(serde_json::to_string(&v).expect("encodes"), wire);
    assert!(check_number("N", "12345678901234567890.123456789").is_ok());
    assert!(check_number("N", "-1.5E+10").is_ok());
    assert!(check_number("N", "0.000000000000000000000000000000000000000000001").is_ok());
    assert!(check_number("N", "1.2.3").is_err());
    assert!(check_number("N", "NaN").is_err());
    assert!(check_number("N", "").is_err());
    let e = check_number("N", &"1".repeat(39)).expect_err("must fail");
    assert!(e.to_string().contains("38 significant digits"), "{e}");
}

#[test]
fn bad_binary_is_a_decode_error() {
    assert!(serde_json::from_str::<AttributeValue>(r#"{"B":"not base64!"}"#).is_err());
    assert!(serde_json::from_str::<AttributeValue>(r#"{"X":"1"}"#).is_err());
}

// CreateTable example "To create a table" (provisioned Music table).
#[test]
fn create_table_encodes_the_key_schema_and_decodes_the_description() {
    let op = CreateTable::new(
        "Music",
        AttributeDefinition::new("Artist", ScalarAttributeType::S),
        Some(AttributeDefinition::new(
            "SongTitle",
            ScalarAttributeType::S,
        )),
    )
    .provisioned(5, 5);
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.CreateTable");
    assert_eq!(
        body,
        json!({
            "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}, {"AttributeName": "SongTitle", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
            "BillingMode": "PROVISIONED",
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
            "TableName": "Music"
        })
    );
    let out = op
        .parse(ok(json!({"TableDescription": {
            "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}, {"AttributeName": "SongTitle", "AttributeType": "S"}],
            "CreationDateTime": 1421866952.062, "ItemCount": 0,
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
            "TableName": "Music", "TableSizeBytes": 0, "TableStatus": "CREATING"}})))
        .expect("decodes");
    let t = out.table_description.expect("description");
    assert_eq!(t.table_status, Some(TableStatus::Creating));
    assert_eq!(
        t.key_schema,
        vec![
            KeySchemaElement::hash("Artist"),
            KeySchemaElement::range("SongTitle")
        ]
    );
    assert_eq!(t.creation_date_time, Some(1421866952.062));
    assert_eq!(t.billing_mode(), BillingMode::Provisioned);
}

#[test]
fn on_demand_tables_send_no_throughput() {
    let op = CreateTable::new(
        "events",
        AttributeDefinition::new("pk", ScalarAttributeType::S),
        None,
    );
    let (_, body) = sent(&op);
    assert_eq!(body["BillingMode"], "PAY_PER_REQUEST");
    assert!(body.get("ProvisionedThroughput").is_none());
    assert!(body.get("Tags").is_none());
}

#[test]
fn create_table_validation_names_field_and_rule() {
    let pk = || AttributeDefinition::new("pk", ScalarAttributeType::S);
    let e = CreateTable::new("ab", pk(), None)
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "TableName: must be 3 to 255 characters long (it has 2)"
    );
    let e = CreateTable::new("my table", pk(), None)
        .validate()
        .expect_err("must fail");
    assert_eq!(e.field(), Some("TableName"));
    let mut op = CreateTable::new("demo", pk(), None);
    op.billing_mode = Some(BillingMode::Provisioned);
    let e = op.validate().expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "ProvisionedThroughput: is required when BillingMode is PROVISIONED"
    );
    let mut op = CreateTable::new("demo", pk(), None).provisioned(5, 5);
    op.billing_mode = Some(BillingMode::PayPerRequest);
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ProvisionedThroughput")
    );
    let e = CreateTable::new("demo", pk(), None)
        .provisioned(0, 5)
        .validate()
        .expect_err("must fail");
    assert_eq!(e.field(), Some("ProvisionedThroughput.ReadCapacityUnits"));
    let mut op = CreateTable::new("demo", pk(), None);
    op.attribute_definitions
        .push(AttributeDefinition::new("other", ScalarAttributeType::N));
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("AttributeDefinitions")
    );
    let mut op = CreateTable::new("demo", pk(), None);
    op.key_schema[0].key_type = KeyType::Range;
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("KeySchema")
    );
    let arn = "arn:aws:dynamodb:us-east-1:123456789012:table/demo";
    assert!(DescribeTable::new(arn).validate().is_ok());
}

// DescribeTable example "To describe a table".
#[test]
fn describe_table_decodes_status_schema_and_counts() {
    let op = DescribeTable::new("Music");
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.DescribeTable");
    assert_eq!(body, json!({"TableName": "Music"}));
    let out = op
        .parse(ok(json!({"Table": {
            "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}, {"AttributeName": "SongTitle", "AttributeType": "S"}],
            "CreationDateTime": "1421866952.062", "ItemCount": 0,
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
            "ProvisionedThroughput": {"NumberOfDecreasesToday": 1, "ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
            "TableArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
            "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST"},
            "TableName": "Music", "TableSizeBytes": 0, "TableStatus": "ACTIVE", "SomethingNew": {"x": 1}}})))
        .expect("decodes");
    let t = out.table.expect("table");
    assert_eq!(t.table_status, Some(TableStatus::Active));
    assert_eq!(t.item_count, Some(0));
    assert_eq!(
        t.table_arn.as_deref(),
        Some("arn:aws:dynamodb:us-east-1:123456789012:table/Music")
    );
    assert_eq!(t.billing_mode(), BillingMode::PayPerRequest);
    assert_eq!(
        t.provisioned_throughput
            .and_then(|p| p.number_of_decreases_today),
        Some(1)
    );
    assert_eq!(t.creation_date_time, Some(1421866952.062));
    let odd: TableDescription =
        serde_json::from_value(json!({"TableStatus": "SOMETHING_NEW"})).expect("decodes");
    assert_eq!(odd.table_status, Some(TableStatus::Unknown));
}

#[test]
fn describe_table_decodes_secondary_indexes() {
    let out = DescribeTable::new("Music")
        .parse(ok(json!({"Table": {
            "AttributeDefinitions": [
                {"AttributeName": "Artist", "AttributeType": "S"},
                {"AttributeName": "SongTitle", "AttributeType": "S"},
                {"AttributeName": "AlbumTitle", "AttributeType": "S"},
                {"AttributeName": "Year", "AttributeType": "N"}],
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
            "GlobalSecondaryIndexes": [{
                "IndexName": "AlbumTitleIndex",
                "KeySchema": [{"AttributeName": "AlbumTitle", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "KEYS_ONLY"},
                "IndexStatus": "CREATING", "Backfilling": true, "IndexSizeBytes": 0, "ItemCount": 0,
                "IndexArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music/index/AlbumTitleIndex"}],
            "LocalSecondaryIndexes": [{
                "IndexName": "YearIndex",
                "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}, {"AttributeName": "Year", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "ALL"}, "IndexSizeBytes": 0, "ItemCount": 0}],
            "TableName": "Music", "TableStatus": "UPDATING"}})))
        .expect("decodes");
    let t = out.table.expect("table");
    let gsi = &t.global_secondary_indexes[0];
    assert_eq!(gsi.index_name.as_deref(), Some("AlbumTitleIndex"));
    assert_eq!(gsi.key_schema, vec![KeySchemaElement::hash("AlbumTitle")]);
    assert_eq!(gsi.index_status.as_deref(), Some("CREATING"));
    assert_eq!(gsi.backfilling, Some(true));
    let lsi = &t.local_secondary_indexes[0];
    assert_eq!(lsi.index_name.as_deref(), Some("YearIndex"));
    assert_eq!(lsi.key_schema[1], KeySchemaElement::range("Year"));
}

// ListTables example "To list tables"; DeleteTable example "To delete a table".
#[test]
fn list_and_delete_tables() {
    let op = ListTables {
        limit: Some(10),
        exclusive_start_table_name: Some("Forum".into()),
    };
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.ListTables");
    assert_eq!(
        body,
        json!({"ExclusiveStartTableName": "Forum", "Limit": 10})
    );
    let out = op
        .parse(ok(
            json!({"TableNames": ["Forum", "ProductCatalog", "Reply", "Thread"]}),
        ))
        .expect("decodes");
    assert_eq!(out.table_names.len(), 4);
    assert_eq!(out.last_evaluated_table_name, None);
    assert_eq!(
        ListTables {
            limit: Some(101),
            ..Default::default()
        }
        .validate()
        .expect_err("must fail")
        .to_string(),
        "Limit: must be from 1 to 100 (it is 101)"
    );
    let (_, body) = sent(&ListTables::default());
    assert_eq!(body, json!({}));

    let op = DeleteTable::new("Music");
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.DeleteTable");
    assert_eq!(body, json!({"TableName": "Music"}));
    let out = op
        .parse(ok(json!({"TableDescription": {"ItemCount": 0, "ProvisionedThroughput": {"NumberOfDecreasesToday": 1, "ReadCapacityUnits": 5, "WriteCapacityUnits": 5}, "TableName": "Music", "TableSizeBytes": 0, "TableStatus": "DELETING"}})))
        .expect("decodes");
    assert_eq!(
        out.table_description.and_then(|t| t.table_status),
        Some(TableStatus::Deleting)
    );
}

#[test]
fn update_time_to_live() {
    let op = UpdateTimeToLive::enable("Music", "expires_at");
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.UpdateTimeToLive");
    assert_eq!(
        body,
        json!({"TableName": "Music", "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "expires_at"}})
    );
    let out = op
        .parse(ok(
            json!({"TimeToLiveSpecification": {"AttributeName": "expires_at", "Enabled": true}}),
        ))
        .expect("decodes");
    assert_eq!(
        out.time_to_live_specification,
        Some(op.time_to_live_specification.clone())
    );
    let e = UpdateTimeToLive::enable("Music", "")
        .validate()
        .expect_err("must fail");
    assert_eq!(
        e.to_string(),
        "TimeToLiveSpecification.AttributeName: is required"
    );
}
