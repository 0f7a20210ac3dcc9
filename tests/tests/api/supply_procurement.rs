//! Procurement against budget: an order commits money, accepted goods spend it, an
//! order beyond the balance is refused unless a state administrator overrides it
//! with a reason; goods arrive in part (some rejected) and then in full, into stock.

use super::helpline::rls_keeps_tenants_apart;
use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::Datelike;
use serde_json::{json, Value};

const HEAD: &str = "mutation($i: BudgetHeadInput!) { addBudgetHead(input: $i) { id code financialYear allocationPaise committedPaise spentPaise balancePaise utilisationPercent } }";
const HEADS: &str = "{ budgetHeads { code allocationPaise committedPaise spentPaise balancePaise utilisationPercent } }";
const ORDER: &str = "mutation($i: PurchaseOrderInput!) { placePurchaseOrder(input: $i) { id number status totalPaise overrideReason version lines { outstanding } } }";
const RECEIVE: &str = "mutation($o: ID!, $v: Int!, $l: [GoodsInInput!]!) { receivePurchaseOrder(orderId: $o, expectedVersion: $v, lines: $l) { status version leadTimeDays lines { accepted rejected outstanding } receipts { accepted rejected reason } } }";

on_both_backends!(orders_commit_and_spend_the_budget_and_never_overspend_silently);

fn this_year() -> String {
    let d = india_today();
    let y = if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    };
    format!("{y}-{:02}", (y + 1) % 100)
}

fn order(d: &Depots, head: &Value, quantity: i64, reason: Option<&str>) -> Value {
    json!({ "i": { "storeId": d.warehouse["id"], "budgetHeadId": head["id"], "supplier": "Hindustan Antibiotics Ltd", "expectedOn": days(30),
        "lines": [{ "itemId": d.amoxicillin["id"], "quantity": quantity, "unitPricePaise": 200 }], "overrideReason": reason } })
}

async fn orders_commit_and_spend_the_budget_and_never_overspend_silently(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (wb, k) = (&d.c.wb, &d.keeper);
    let fy = this_year();
    let head_input = json!({ "i": { "code": "NHM-DRUGS", "name": "NHM Free Drugs Service Initiative", "financialYear": fy, "allocationPaise": 500_000 } });
    expect_error(
        &app.gql(Some(k), HEAD, head_input.clone()).await,
        "FORBIDDEN",
    );
    let head =
        expect_data(&app.gql(Some(wb), HEAD, head_input.clone()).await)["addBudgetHead"].clone();
    assert_eq!(head["balancePaise"], 500_000);
    expect_error(&app.gql(Some(wb), HEAD, head_input).await, "CONFLICT");
    let bad = expect_error(&app.gql(Some(wb), HEAD, json!({ "i": { "code": "X", "name": "Bad year", "financialYear": "2026-28", "allocationPaise": 1 } })).await, "VALIDATION");
    assert_eq!(bad["extensions"]["field"], "financialYear");

    // 1,000 capsules at ₹2: ₹2,000 committed of ₹5,000.
    let first = expect_data(&app.gql(Some(k), ORDER, order(&d, &head, 1000, None)).await)
        ["placePurchaseOrder"]
        .clone();
    assert_eq!(
        (first["status"].as_str(), first["totalPaise"].as_i64()),
        (Some("OPEN"), Some(200_000))
    );
    let heads = expect_data(&app.gql(Some(k), HEADS, json!({})).await)["budgetHeads"].clone();
    assert_eq!(
        (
            heads[0]["committedPaise"].as_i64(),
            heads[0]["balancePaise"].as_i64()
        ),
        (Some(200_000), Some(300_000))
    );

    // ₹4,000 more would overspend by ₹1,000: refused, saying so; only a state
    // administrator overrides, with a reason.
    let over = expect_error(
        &app.gql(Some(k), ORDER, order(&d, &head, 2000, None)).await,
        "CONFLICT",
    );
    let msg = over["message"].as_str().unwrap();
    assert!(
        msg.contains("exceeds the balance of NHM-DRUGS") && msg.contains("₹1,000.00"),
        "{msg}"
    );
    expect_error(
        &app.gql(
            Some(k),
            ORDER,
            order(&d, &head, 2000, Some("dengue outbreak in Kolkata")),
        )
        .await,
        "FORBIDDEN",
    );
    let forced = expect_data(
        &app.gql(
            Some(wb),
            ORDER,
            order(&d, &head, 2000, Some("dengue outbreak in Kolkata")),
        )
        .await,
    )["placePurchaseOrder"]
        .clone();
    assert_eq!(forced["overrideReason"], "dengue outbreak in Kolkata");
    let heads = expect_data(&app.gql(Some(wb), HEADS, json!({})).await)["budgetHeads"].clone();
    assert_eq!(heads[0]["balancePaise"], -100_000);
    assert_eq!(heads[0]["utilisationPercent"], 120.0);

    // Goods arrive in part: 600 accepted, 100 rejected (with a reason).
    let amox = &d.amoxicillin["id"];
    let part = json!([{ "itemId": amox, "batchNo": "HAL-2207", "expiresOn": days(700), "accepted": 600, "rejected": 100 }]);
    let e = expect_error(
        &app.gql(
            Some(k),
            RECEIVE,
            json!({ "o": first["id"], "v": first["version"], "l": part }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "lines.0.reason");
    let part = json!([{ "itemId": amox, "batchNo": "HAL-2207", "expiresOn": days(700), "accepted": 600, "rejected": 100, "reason": "cartons wet, strips discoloured" }]);
    let got = expect_data(
        &app.gql(
            Some(k),
            RECEIVE,
            json!({ "o": first["id"], "v": first["version"], "l": part }),
        )
        .await,
    )["receivePurchaseOrder"]
        .clone();
    assert_eq!(
        (
            got["status"].as_str(),
            got["lines"][0]["outstanding"].as_i64(),
            got["leadTimeDays"].as_i64()
        ),
        (Some("PARTLY_RECEIVED"), Some(300), Some(0))
    );
    assert_eq!(
        d.position(&app, k, &d.warehouse, &d.amoxicillin).await["onHand"],
        600
    );
    let too_many =
        json!([{ "itemId": amox, "batchNo": "HAL-2208", "expiresOn": days(700), "accepted": 301 }]);
    expect_error(
        &app.gql(
            Some(k),
            RECEIVE,
            json!({ "o": first["id"], "v": got["version"], "l": too_many }),
        )
        .await,
        "VALIDATION",
    );
    let rest =
        json!([{ "itemId": amox, "batchNo": "HAL-2208", "expiresOn": days(700), "accepted": 300 }]);
    let done = expect_data(
        &app.gql(
            Some(k),
            RECEIVE,
            json!({ "o": first["id"], "v": got["version"], "l": rest }),
        )
        .await,
    )["receivePurchaseOrder"]
        .clone();
    assert_eq!(done["status"], "RECEIVED");
    expect_error(
        &app.gql(
            Some(k),
            RECEIVE,
            json!({ "o": first["id"], "v": done["version"], "l": rest }),
        )
        .await,
        "CONFLICT",
    );
    // Spent: 900 accepted × ₹2; the 100 rejected are neither spent nor committed.
    let heads = expect_data(&app.gql(Some(k), HEADS, json!({})).await)["budgetHeads"].clone();
    assert_eq!(
        (
            heads[0]["spentPaise"].as_i64(),
            heads[0]["committedPaise"].as_i64()
        ),
        (Some(180_000), Some(400_000))
    );
    let card = expect_data(
        &app.gql(Some(k), CARD, json!({ "s": d.warehouse["id"], "i": amox }))
            .await,
    )["stockCard"]
        .clone();
    assert_eq!(card[0]["documentKind"], "purchase_order");

    // A pharmacy does not buy from suppliers; another tenant finds nothing.
    let mut at_pharmacy = order(&d, &head, 1, None);
    at_pharmacy["i"]["storeId"] = d.pharmacy["id"].clone();
    expect_error(
        &app.gql(Some(&d.pharmacist), ORDER, at_pharmacy).await,
        "VALIDATION",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), ORDER, order(&d, &head, 1, None)).await,
        "NOT_FOUND",
    );
    rls_keeps_tenants_apart(
        &app,
        backend,
        &[
            "supply_budget_heads",
            "supply_purchase_orders",
            "supply_order_lines",
            "supply_order_receipts",
        ],
    )
    .await;
}
