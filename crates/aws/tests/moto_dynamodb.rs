//! DynamoDB against the local emulator (moto, signature-checking): every typed operation runs and
//! its effect is read back. Needs `scripts/emulator.sh start-test`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use hoseline_aws::dynamodb::{
    AttributeDefinition, AttributeValue, BatchWriteItem, BillingMode, CreateTable, DeleteItem,
    DeleteTable, DescribeTable, GetItem, Item, KeySchemaElement, ListTables, PutItem, Query,
    ScalarAttributeType, Scan, TableStatus, UpdateTimeToLive, WriteRequest,
};
use hoseline_aws::transport::native::NativeClient;

fn item(pairs: Vec<(&str, AttributeValue)>) -> Item {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn key(pk: &str, sk: u32) -> Item {
    item(vec![
        ("pk", AttributeValue::s(pk)),
        ("sk", AttributeValue::n(sk)),
    ])
}

/// An on-demand table keyed by pk (S) and sk (N).
async fn create_table(client: &NativeClient, prefix: &str) -> String {
    let name = common::unique(prefix);
    let op = CreateTable::new(
        &name,
        AttributeDefinition::new("pk", ScalarAttributeType::S),
        Some(AttributeDefinition::new("sk", ScalarAttributeType::N)),
    );
    let out = client.send(&op).await.expect("CreateTable");
    let created = out.table_description.expect("TableDescription");
    assert_eq!(created.table_name.as_deref(), Some(name.as_str()));
    name
}

#[tokio::test]
async fn table_lifecycle_and_single_items() {
    let client = common::checked();
    let table = create_table(&client, "ddb-items").await;

    let t = client
        .send(&DescribeTable::new(&table))
        .await
        .expect("DescribeTable")
        .table
        .expect("Table");
    assert_eq!(t.table_status, Some(TableStatus::Active));
    assert_eq!(
        t.key_schema,
        vec![KeySchemaElement::hash("pk"), KeySchemaElement::range("sk")]
    );
    assert_eq!(t.billing_mode(), BillingMode::PayPerRequest);
    let arn = t.table_arn.expect("TableArn");
    assert!(arn.ends_with(&format!(":table/{table}")), "{arn}");
    assert!(arn.contains(common::ACCOUNT_ID), "{arn}");

    // ListTables, paged two names at a time, finds it.
    let mut names = Vec::new();
    let mut page = ListTables {
        limit: Some(2),
        ..Default::default()
    };
    loop {
        let out = client.send(&page).await.expect("ListTables");
        assert!(out.table_names.len() <= 2);
        names.extend(out.table_names);
        match out.last_evaluated_table_name {
            Some(last) => page.exclusive_start_table_name = Some(last),
            None => break,
        }
    }
    assert!(names.contains(&table), "{table} not in {names:?}");

    let ttl = client
        .send(&UpdateTimeToLive::enable(&table, "expires_at"))
        .await
        .expect("UpdateTimeToLive");
    let spec = ttl
        .time_to_live_specification
        .expect("TimeToLiveSpecification");
    assert!(spec.enabled);
    assert_eq!(spec.attribute_name, "expires_at");

    // Every attribute type goes in and comes back the same, numbers to the last digit.
    let mut every_type = key("p1", 1);
    every_type.extend(item(vec![
        ("s", AttributeValue::s("héllo")),
        ("n", AttributeValue::n("12345678901234567890.123456789")),
        ("b", AttributeValue::B(vec![0, 1, 2, 254, 255])),
        ("bool", AttributeValue::Bool(true)),
        ("null", AttributeValue::Null(true)),
        ("ss", AttributeValue::Ss(vec!["a".into(), "b".into()])),
        ("ns", AttributeValue::Ns(vec!["1".into(), "2.5".into()])),
        ("bs", AttributeValue::Bs(vec![vec![1], vec![2, 3]])),
        (
            "l",
            AttributeValue::L(vec![AttributeValue::s("x"), AttributeValue::n(7)]),
        ),
        (
            "m",
            AttributeValue::M(item(vec![("inner", AttributeValue::Bool(false))])),
        ),
    ]));
    client
        .send(&PutItem::new(&table, every_type.clone()))
        .await
        .expect("PutItem");
    let got = client
        .send(&GetItem::new(&table, key("p1", 1)))
        .await
        .expect("GetItem")
        .item
        .expect("the item is there");
    // Sets are unordered: compare them as sets, everything else exactly.
    for (name, value) in &every_type {
        let back = &got[name];
        match (value, back) {
            (AttributeValue::Ss(a), AttributeValue::Ss(b))
            | (AttributeValue::Ns(a), AttributeValue::Ns(b)) => {
                assert_eq!(
                    a.iter().collect::<BTreeSet<_>>(),
                    b.iter().collect::<BTreeSet<_>>(),
                    "{name}"
                )
            }
            (AttributeValue::Bs(a), AttributeValue::Bs(b)) => {
                assert_eq!(
                    a.iter().collect::<BTreeSet<_>>(),
                    b.iter().collect::<BTreeSet<_>>(),
                    "{name}"
                )
            }
            _ => assert_eq!(value, back, "{name}"),
        }
    }
    assert_eq!(got.len(), every_type.len());

    // A conditional put that must not overwrite is refused by the service.
    let mut again = PutItem::new(&table, key("p1", 1));
    again.condition_expression = Some("attribute_not_exists(pk)".into());
    let e = client.send(&again).await.expect_err("the item exists");
    assert_eq!(e.code(), "ConditionalCheckFailedException", "{e}");

    client
        .send(&DeleteItem::new(&table, key("p1", 1)))
        .await
        .expect("DeleteItem");
    let gone = client
        .send(&GetItem::new(&table, key("p1", 1)))
        .await
        .expect("GetItem");
    assert_eq!(gone.item, None);

    let deleted = client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
    assert_eq!(
        deleted.table_description.and_then(|t| t.table_name),
        Some(table.clone())
    );
    let e = client
        .send(&DescribeTable::new(&table))
        .await
        .expect_err("the table is gone");
    assert_eq!(e.code(), "ResourceNotFoundException", "{e}");
}

#[tokio::test]
async fn batch_writes_then_query_and_scan_page_through_them() {
    let client = common::checked();
    let table = create_table(&client, "ddb-batch").await;

    let writes: Vec<WriteRequest> = (0..25)
        .map(|i| {
            let mut it = key("batch", i);
            it.insert("payload".into(), AttributeValue::s(format!("event {i}")));
            WriteRequest::put(it)
        })
        .collect();
    let mut batch = Some(BatchWriteItem::new(&table, writes));
    let mut rounds = 0;
    while let Some(op) = batch {
        rounds += 1;
        assert!(rounds <= 5, "UnprocessedItems never emptied");
        batch = client.send(&op).await.expect("BatchWriteItem").retry();
    }
    // A second partition, with a delete in the same batch.
    let out = client
        .send(&BatchWriteItem::new(
            &table,
            vec![
                WriteRequest::put(key("other", 1)),
                WriteRequest::put(key("other", 2)),
            ],
        ))
        .await
        .expect("BatchWriteItem");
    assert!(out.unprocessed_items.is_empty());
    client
        .send(&BatchWriteItem::new(
            &table,
            vec![WriteRequest::delete(key("other", 2))],
        ))
        .await
        .expect("BatchWriteItem delete");

    // Query one partition, 10 a page, in sort key order.
    let query = {
        let mut q = Query::new(
            &table,
            "#pk = :pk",
            item(vec![(":pk", AttributeValue::s("batch"))]),
        );
        q.expression_attribute_names
            .insert("#pk".into(), "pk".into());
        q.limit = Some(10);
        q
    };
    let mut seen = Vec::new();
    let mut pages = 0;
    let mut next = Some(query.clone());
    while let Some(q) = next {
        let out = client.send(&q).await.expect("Query");
        pages += 1;
        assert!(out.items.len() <= 10);
        seen.extend(out.items.iter().map(|i| i["sk"].as_n().map(str::to_owned)));
        next = q.next_page(&out);
        assert!(pages <= 5, "Query paging does not end");
    }
    let expected: Vec<Option<String>> = (0..25).map(|i| Some(i.to_string())).collect();
    assert_eq!(seen, expected);
    assert!(
        pages >= 3,
        "25 items at 10 a page take at least 3 pages, got {pages}"
    );

    // Scan the whole table, 7 a page: both partitions.
    let scan = Scan {
        limit: Some(7),
        ..Scan::new(&table)
    };
    let mut count = 0;
    let mut pages = 0;
    let mut next = Some(scan);
    while let Some(s) = next {
        let out = client.send(&s).await.expect("Scan");
        pages += 1;
        count += out.items.len();
        next = s.next_page(&out);
        assert!(pages <= 10, "Scan paging does not end");
    }
    assert_eq!(count, 26);
    assert!(
        pages >= 4,
        "26 items at 7 a page take at least 4 pages, got {pages}"
    );

    client
        .send(&DeleteTable::new(&table))
        .await
        .expect("DeleteTable");
}

// Input the model refuses never reaches the emulator.
#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let e = common::checked()
        .send(&DescribeTable::new("ab"))
        .await
        .expect_err("too short");
    assert_eq!(e.code(), "InvalidInput");
    assert_eq!(
        e.to_string(),
        "TableName: must be 3 to 255 characters long (it has 2)"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused_with_signature_does_not_match() {
    let e = common::wrong_secret()
        .send(&ListTables::default())
        .await
        .expect_err("a wrong secret must be refused");
    assert_eq!(e.code(), "SignatureDoesNotMatch", "{e}");
    assert_eq!(e.status(), Some(403), "{e}");
}
