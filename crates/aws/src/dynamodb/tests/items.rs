//! Item operations and paged reads, with the API reference examples.

use serde_json::json;

use super::super::*;
use super::{item, ok, sent};
use crate::{HttpResponse, Operation, Service};

// PutItem example "To add an item to a table"; GetItem example "To read an item from a table";
// DeleteItem example "To delete an item".
#[test]
fn put_get_delete_item() {
    let song = item(&[
        ("AlbumTitle", AttributeValue::s("Somewhat Famous")),
        ("Artist", AttributeValue::s("No One You Know")),
        ("SongTitle", AttributeValue::s("Call Me Today")),
    ]);
    let mut op = PutItem::new("Music", song);
    op.return_consumed_capacity = Some(ReturnConsumedCapacity::Total);
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.PutItem");
    assert_eq!(
        body,
        json!({"Item": {"AlbumTitle": {"S": "Somewhat Famous"}, "Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}, "ReturnConsumedCapacity": "TOTAL", "TableName": "Music"})
    );
    let out = op
        .parse(ok(
            json!({"ConsumedCapacity": {"CapacityUnits": 1, "TableName": "Music"}}),
        ))
        .expect("decodes");
    assert_eq!(
        out.consumed_capacity.and_then(|c| c.capacity_units),
        Some(1.0)
    );
    assert_eq!(out.attributes, None);

    let key = item(&[
        ("Artist", AttributeValue::s("Acme Band")),
        ("SongTitle", AttributeValue::s("Happy Day")),
    ]);
    let op = GetItem::new("Music", key.clone());
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.GetItem");
    assert_eq!(
        body,
        json!({"Key": {"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}, "TableName": "Music"})
    );
    let out = op
        .parse(ok(json!({"Item": {"AlbumTitle": {"S": "Songs About Life"}, "Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}})))
        .expect("decodes");
    let found = out.item.expect("item");
    assert_eq!(found["AlbumTitle"].as_s(), Some("Songs About Life"));
    assert_eq!(op.parse(ok(json!({}))).expect("decodes").item, None);

    let op = DeleteItem::new("Music", key);
    let (target, _) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.DeleteItem");
    assert!(op
        .parse(ok(
            json!({"ConsumedCapacity": {"CapacityUnits": 1, "TableName": "Music"}})
        ))
        .is_ok());
}

#[test]
fn item_validation() {
    let e = PutItem::new("Music", Item::new())
        .validate()
        .expect_err("must fail");
    assert_eq!(e.to_string(), "Item: is required (no attributes given)");
    let e = PutItem::new("Music", item(&[("n", AttributeValue::n("x1"))]))
        .validate()
        .expect_err("must fail");
    assert_eq!(e.field(), Some("Item.n"));
    let e = PutItem::new("Music", item(&[("s", AttributeValue::Ss(vec![]))]))
        .validate()
        .expect_err("must fail");
    assert_eq!(e.to_string(), "Item.s: a set cannot be empty");
    let e = PutItem::new(
        "Music",
        item(&[("s", AttributeValue::Ss(vec!["a".into(), "a".into()]))]),
    )
    .validate()
    .expect_err("must fail");
    assert_eq!(e.to_string(), "Item.s: a set cannot hold duplicates");
    let big = item(&[("blob", AttributeValue::B(vec![0; MAX_ITEM_BYTES]))]);
    assert!(PutItem::new("Music", big)
        .validate()
        .expect_err("must fail")
        .to_string()
        .contains("400 KB"));
    let key = item(&[
        ("a", AttributeValue::s("1")),
        ("b", AttributeValue::s("2")),
        ("c", AttributeValue::s("3")),
    ]);
    assert_eq!(
        GetItem::new("Music", key)
            .validate()
            .expect_err("must fail")
            .field(),
        Some("Key")
    );
    let mut op = PutItem::new("Music", item(&[("pk", AttributeValue::s("1"))]));
    op.condition_expression = Some("attribute_not_exists(pk)".into());
    op.expression_attribute_names
        .insert("pk".into(), "pk".into());
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ExpressionAttributeNames")
    );
    op.return_values = Some(ReturnValue::AllNew);
    op.expression_attribute_names.clear();
    assert_eq!(
        op.validate().expect_err("must fail").field(),
        Some("ReturnValues")
    );
}

// BatchWriteItem example "To add multiple items to a table", plus UnprocessedItems.
#[test]
fn batch_write_item_encodes_requests_and_decodes_unprocessed_items() {
    let put = |artist: &str, song: &str| {
        WriteRequest::put(item(&[
            ("Artist", AttributeValue::s(artist)),
            ("SongTitle", AttributeValue::s(song)),
        ]))
    };
    let op = BatchWriteItem::new(
        "Music",
        vec![
            put("No One You Know", "Call Me Today"),
            WriteRequest::delete(item(&[
                ("Artist", AttributeValue::s("Acme Band")),
                ("SongTitle", AttributeValue::s("Happy Day")),
            ])),
        ],
    );
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.BatchWriteItem");
    assert_eq!(
        body,
        json!({"RequestItems": {"Music": [
            {"PutRequest": {"Item": {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}}},
            {"DeleteRequest": {"Key": {"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}}}
        ]}})
    );
    let out = op.parse(ok(json!({}))).expect("decodes");
    assert!(out.unprocessed_items.is_empty());
    assert_eq!(out.retry(), None);
    let out = op
        .parse(ok(json!({"UnprocessedItems": {"Music": [{"PutRequest": {"Item": {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}}}]}})))
        .expect("decodes");
    let retry = out.retry().expect("something to retry");
    assert_eq!(retry.len(), 1);
    assert_eq!(
        retry.request_items["Music"][0],
        put("No One You Know", "Call Me Today")
    );

    let too_many =
        BatchWriteItem::new("Music", (0..26).map(|i| put("a", &i.to_string())).collect());
    assert_eq!(
        too_many.validate().expect_err("must fail").to_string(),
        "RequestItems: must hold 1 to 25 writes in all (it has 26)"
    );
    assert_eq!(
        BatchWriteItem::default()
            .validate()
            .expect_err("must fail")
            .field(),
        Some("RequestItems")
    );
}

// Query example "To query an item"; Scan example "To scan a table", plus paging.
#[test]
fn query_and_scan_page_with_last_evaluated_key() {
    let mut op = Query::new(
        "Music",
        "Artist = :v1",
        item(&[(":v1", AttributeValue::s("No One You Know"))]),
    );
    op.projection_expression = Some("SongTitle".into());
    op.limit = Some(1);
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.Query");
    assert_eq!(
        body,
        json!({"ExpressionAttributeValues": {":v1": {"S": "No One You Know"}}, "KeyConditionExpression": "Artist = :v1", "ProjectionExpression": "SongTitle", "TableName": "Music", "Limit": 1})
    );
    let out = op
        .parse(ok(json!({"ConsumedCapacity": {}, "Count": 1, "Items": [{"SongTitle": {"S": "Call Me Today"}}], "ScannedCount": 1,
            "LastEvaluatedKey": {"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}}})))
        .expect("decodes");
    assert_eq!(out.count, 1);
    let next = op.next_page(&out).expect("a next page");
    let (_, body) = sent(&next);
    assert_eq!(
        body["ExclusiveStartKey"],
        json!({"Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"}})
    );
    let last = op
        .parse(ok(json!({"Count": 0, "Items": [], "ScannedCount": 0})))
        .expect("decodes");
    assert_eq!(op.next_page(&last), None);
    assert_eq!(
        Query::new("Music", " ", Item::new())
            .validate()
            .expect_err("must fail")
            .to_string(),
        "KeyConditionExpression: is required"
    );
    let mut zero = op.clone();
    zero.limit = Some(0);
    assert_eq!(
        zero.validate().expect_err("must fail").field(),
        Some("Limit")
    );

    let mut op = Scan::new("Music");
    op.filter_expression = Some("Artist = :a".into());
    op.projection_expression = Some("#ST, #AT".into());
    op.expression_attribute_names = [("#AT", "AlbumTitle"), ("#ST", "SongTitle")]
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    op.expression_attribute_values = item(&[(":a", AttributeValue::s("No One You Know"))]);
    let (target, body) = sent(&op);
    assert_eq!(target, "DynamoDB_20120810.Scan");
    assert_eq!(
        body,
        json!({"ExpressionAttributeNames": {"#AT": "AlbumTitle", "#ST": "SongTitle"}, "ExpressionAttributeValues": {":a": {"S": "No One You Know"}}, "FilterExpression": "Artist = :a", "ProjectionExpression": "#ST, #AT", "TableName": "Music"})
    );
    let out = op
        .parse(ok(json!({"ConsumedCapacity": {}, "Count": 2, "Items": [{"AlbumTitle": {"S": "Somewhat Famous"}, "SongTitle": {"S": "Call Me Today"}}, {"AlbumTitle": {"S": "Blue Sky Blues"}, "SongTitle": {"S": "Scared of My Shadow"}}], "ScannedCount": 3})))
        .expect("decodes");
    assert_eq!((out.count, out.scanned_count, out.items.len()), (2, 3, 2));
    assert_eq!(op.next_page(&out), None);
    op.segment = Some(4);
    op.total_segments = Some(4);
    assert_eq!(
        op.validate().expect_err("must fail").to_string(),
        "Segment: must be from 0 to 3 (it is 4)"
    );
}

#[test]
fn errors_are_decoded_by_the_protocol() {
    let resp = HttpResponse::new(
        400,
        r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#,
    );
    let e = crate::protocol::decode_error(Service::DynamoDb.protocol(), &resp);
    assert_eq!(e.code(), "ResourceNotFoundException");
    let e = DescribeTable::new("Music")
        .parse(HttpResponse::new(200, "<html>"))
        .expect_err("must fail");
    assert_eq!(e.code(), "DecodeError");
}
