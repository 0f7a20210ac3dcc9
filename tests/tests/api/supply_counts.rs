//! Physical stock counts: a sheet of every batch on the books, counts with reasons
//! for differences, submitted whole, approved by a supervisor who did not count, and
//! the differences posted as adjustments.

use super::helpline::rls_keeps_tenants_apart;
use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const SHEET: &str = "id status version lines { batchId expected counted variance reason }";

on_both_backends!(a_count_is_approved_by_someone_else_and_posts_its_differences);

fn line(sheet: &Value, expected: i64) -> Value {
    sheet["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["expected"] == expected)
        .unwrap()
        .clone()
}

async fn a_count_is_approved_by_someone_else_and_posts_its_differences(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (k, w) = (&d.keeper, &d.warehouse);
    d.receive(&app, k, w, &d.paracetamol, "C-1", 300, 100).await;
    d.receive(&app, k, w, &d.gloves, "C-2", 300, 40).await;
    let start = format!("mutation($s: ID!) {{ startStockCount(storeId: $s, note: \"March verification\") {{ {SHEET} }} }}");
    let record = format!("mutation($c: ID!, $v: Int!, $l: [CountedInput!]!) {{ recordStockCounts(countId: $c, expectedVersion: $v, lines: $l) {{ {SHEET} }} }}");
    let submit = format!("mutation($c: ID!, $v: Int!) {{ submitStockCount(countId: $c, expectedVersion: $v) {{ {SHEET} }} }}");
    let decide = format!("mutation($c: ID!, $v: Int!, $a: Boolean!, $n: String) {{ decideStockCount(countId: $c, expectedVersion: $v, approve: $a, note: $n) {{ {SHEET} }} }}");

    expect_error(
        &app.gql(Some(&d.pharmacist), &start, json!({ "s": w["id"] }))
            .await,
        "FORBIDDEN",
    );
    let sheet = expect_data(&app.gql(Some(k), &start, json!({ "s": w["id"] })).await)
        ["startStockCount"]
        .clone();
    assert_eq!(sheet["lines"].as_array().unwrap().len(), 2);
    expect_error(
        &app.gql(Some(k), &start, json!({ "s": w["id"] })).await,
        "CONFLICT",
    );
    let (para, gloves) = (line(&sheet, 100), line(&sheet, 40));

    // A difference needs its reason; the sheet goes in whole.
    let short = json!([{ "batchId": para["batchId"], "counted": 97 }]);
    let e = expect_error(
        &app.gql(
            Some(k),
            &record,
            json!({ "c": sheet["id"], "v": sheet["version"], "l": short }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "lines.0.reason");
    let short = json!([{ "batchId": para["batchId"], "counted": 97, "reason": "three strips eaten by rats" }]);
    let sheet = expect_data(
        &app.gql(
            Some(k),
            &record,
            json!({ "c": sheet["id"], "v": sheet["version"], "l": short }),
        )
        .await,
    )["recordStockCounts"]
        .clone();
    assert_eq!(line(&sheet, 100)["variance"], -3);
    expect_error(
        &app.gql(
            Some(k),
            &submit,
            json!({ "c": sheet["id"], "v": sheet["version"] }),
        )
        .await,
        "VALIDATION",
    );
    let found = json!([{ "batchId": gloves["batchId"], "counted": 42, "reason": "a carton miscounted at receipt" }]);
    expect_error(
        &app.gql(
            Some(k),
            &record,
            json!({ "c": sheet["id"], "v": 1, "l": found }),
        )
        .await,
        "CONFLICT",
    );
    let sheet = expect_data(
        &app.gql(
            Some(k),
            &record,
            json!({ "c": sheet["id"], "v": sheet["version"], "l": found }),
        )
        .await,
    )["recordStockCounts"]
        .clone();
    let sheet = expect_data(
        &app.gql(
            Some(k),
            &submit,
            json!({ "c": sheet["id"], "v": sheet["version"] }),
        )
        .await,
    )["submitStockCount"]
        .clone();
    assert_eq!(sheet["status"], "SUBMITTED");

    // Stock moves meanwhile; the differences still post as differences.
    expect_data(&app.gql(Some(k), ISSUE, json!({ "i": { "storeId": w["id"], "itemId": d.paracetamol["id"], "quantity": 10, "destination": "school health camp" } })).await);

    // The counter cannot approve; a state supervisor can.
    expect_error(
        &app.gql(
            Some(k),
            &decide,
            json!({ "c": sheet["id"], "v": sheet["version"], "a": true }),
        )
        .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&d.c.wb),
            &decide,
            json!({ "c": sheet["id"], "v": sheet["version"], "a": false }),
        )
        .await,
        "VALIDATION",
    );
    let done = expect_data(
        &app.gql(
            Some(&d.c.wb),
            &decide,
            json!({ "c": sheet["id"], "v": sheet["version"], "a": true }),
        )
        .await,
    )["decideStockCount"]
        .clone();
    assert_eq!(done["status"], "APPROVED");
    assert_eq!(d.position(&app, k, w, &d.paracetamol).await["onHand"], 87);
    assert_eq!(d.position(&app, k, w, &d.gloves).await["onHand"], 42);
    let card = expect_data(
        &app.gql(
            Some(k),
            CARD,
            json!({ "s": w["id"], "i": d.paracetamol["id"] }),
        )
        .await,
    )["stockCard"]
        .clone();
    assert_eq!(
        (
            card[0]["reason"].as_str(),
            card[0]["quantity"].as_i64(),
            card[0]["documentKind"].as_str()
        ),
        (Some("MISSING_AT_COUNT"), Some(-3), Some("count"))
    );
    let check = expect_data(&app.gql(Some(k), CHECK, json!({ "s": w["id"] })).await)
        ["storeLedgerCheck"]
        .clone();
    assert_eq!(
        check,
        json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
    );
    expect_error(
        &app.gql(
            Some(&d.c.wb),
            &decide,
            json!({ "c": sheet["id"], "v": done["version"], "a": true }),
        )
        .await,
        "CONFLICT",
    );

    // A district drug officer who counted the district store cannot approve that count.
    d.receive(&app, &d.ddo, &d.district, &d.paracetamol, "DC-1", 300, 10)
        .await;
    let own = expect_data(
        &app.gql(Some(&d.ddo), &start, json!({ "s": d.district["id"] }))
            .await,
    )["startStockCount"]
        .clone();
    let all = json!([{ "batchId": own["lines"][0]["batchId"], "counted": 10 }]);
    let own = expect_data(
        &app.gql(
            Some(&d.ddo),
            &record,
            json!({ "c": own["id"], "v": own["version"], "l": all }),
        )
        .await,
    )["recordStockCounts"]
        .clone();
    let own = expect_data(
        &app.gql(
            Some(&d.ddo),
            &submit,
            json!({ "c": own["id"], "v": own["version"] }),
        )
        .await,
    )["submitStockCount"]
        .clone();
    expect_error(
        &app.gql(
            Some(&d.ddo),
            &decide,
            json!({ "c": own["id"], "v": own["version"], "a": true }),
        )
        .await,
        "FORBIDDEN",
    );

    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            &decide,
            json!({ "c": own["id"], "v": own["version"], "a": true }),
        )
        .await,
        "NOT_FOUND",
    );
    let list = expect_data(
        &app.gql(
            Some(k),
            "query($s: ID!) { stockCounts(storeId: $s) { status } }",
            json!({ "s": w["id"] }),
        )
        .await,
    )["stockCounts"]
        .clone();
    assert_eq!(list, json!([{ "status": "APPROVED" }]));
    rls_keeps_tenants_apart(&app, backend, &["supply_counts", "supply_count_lines"]).await;
}
