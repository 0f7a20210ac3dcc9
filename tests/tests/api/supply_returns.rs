//! Returns up the chain: out of the returning store and into the store above in one
//! go, never consumption, only by the returning store's staff, and usable stock only
//! as usable stock (expired stock goes back as expired).

use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, sql_uuid, Backend, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

on_both_backends!(stock_goes_back_to_the_store_above);

const RETURN: &str = "mutation($i: ReturnStockInput!) { returnStock(input: $i) { toStoreId out { batchBalance itemBalance } into { batchBalance itemBalance } } }";

fn give_back(store: &Value, batch: &Value, quantity: i64, reason: &str) -> Value {
    json!({ "i": { "storeId": store["id"], "batchId": batch, "quantity": quantity, "reason": reason, "note": "  " } })
}

async fn card(app: &TestApp, token: &str, store: &Value, item: &Value) -> Vec<Value> {
    expect_data(
        &app.gql(
            Some(token),
            CARD,
            json!({ "s": store["id"], "i": item["id"] }),
        )
        .await,
    )["stockCard"]
        .as_array()
        .unwrap()
        .clone()
}

async fn stock_goes_back_to_the_store_above(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (ph, pharmacy, para) = (&d.pharmacist, &d.pharmacy, &d.paracetamol);
    d.receive(&app, ph, pharmacy, para, "R-1", 200, 50).await;
    let batch = d.position(&app, ph, pharmacy, para).await["batches"][0]["batchId"].clone();

    let r = expect_data(
        &app.gql(Some(ph), RETURN, give_back(pharmacy, &batch, 20, "EXCESS"))
            .await,
    )["returnStock"]
        .clone();
    assert_eq!(r["toStoreId"], d.district["id"]);
    assert_eq!(r["out"]["batchBalance"], 30);
    assert_eq!(r["into"]["batchBalance"], 20);
    let mine = card(&app, ph, pharmacy, para).await;
    assert_eq!(mine[0]["kind"], "RETURN");
    assert_eq!(mine[0]["quantity"], -20);
    let theirs = card(&app, &d.ddo, &d.district, para).await;
    assert_eq!(theirs[0]["kind"], "RETURN");
    assert_eq!(theirs[0]["quantity"], 20);
    assert_eq!(
        theirs[0]["note"],
        "returned by Kolkata DH Pharmacy (excess)"
    );
    // The district can issue what came back; a return is not consumption.
    assert_eq!(
        d.position(&app, &d.ddo, &d.district, para).await["usable"],
        20
    );
    let amc = d.position(&app, ph, pharmacy, para).await["amc"]
        .as_f64()
        .unwrap_or(0.0);
    assert_eq!(amc, 0.0, "a return is not consumption");

    // More than the store holds: refused, nothing moves.
    let short = expect_error(
        &app.gql(Some(ph), RETURN, give_back(pharmacy, &batch, 40, "EXCESS"))
            .await,
        "CONFLICT",
    );
    assert!(
        short["message"].as_str().unwrap().contains("30 available"),
        "{short}"
    );
    // Expired means expired.
    let not_yet = expect_error(
        &app.gql(Some(ph), RETURN, give_back(pharmacy, &batch, 5, "EXPIRED"))
            .await,
        "VALIDATION",
    );
    assert_eq!(not_yet["extensions"]["field"], "reason");
    // Only the returning store's staff return its stock; the warehouse has no store above.
    expect_error(
        &app.gql(
            Some(&d.ddo),
            RETURN,
            give_back(pharmacy, &batch, 5, "EXCESS"),
        )
        .await,
        "FORBIDDEN",
    );
    let top = d
        .receive(&app, &d.keeper, &d.warehouse, para, "W-1", 300, 10)
        .await;
    assert!(top["batchBalance"].is_number());
    let wb = d.position(&app, &d.keeper, &d.warehouse, para).await["batches"][0]["batchId"].clone();
    let none_above = expect_error(
        &app.gql(
            Some(&d.keeper),
            RETURN,
            give_back(&d.warehouse, &wb, 5, "EXCESS"),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(none_above["extensions"]["field"], "storeId");
    // Another tenant's store and batch are simply not found.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), RETURN, give_back(pharmacy, &batch, 5, "EXCESS"))
            .await,
        "NOT_FOUND",
    );

    // Time passes: the batch expires on the pharmacy's shelf. It cannot go back as
    // excess, only as expired, and arrives blocked.
    let tenant = app.tenant_id("WB").await;
    let set_tenant = match backend {
        Backend::Postgres => format!("SELECT set_config('app.tenant_id', '{tenant}', false);"),
        Backend::Sqlite => String::new(),
    };
    let batch_id = sql_uuid(backend, batch.as_str().unwrap());
    app.owner_db()
        .await
        .execute_unprepared(&format!(
            "{set_tenant} UPDATE supply_batches SET expires_on = '{}' WHERE id = {batch_id}",
            days(-2)
        ))
        .await
        .expect("ageing the batch beneath the API");
    let stale = expect_error(
        &app.gql(Some(ph), RETURN, give_back(pharmacy, &batch, 5, "EXCESS"))
            .await,
        "VALIDATION",
    );
    assert!(
        stale["message"].as_str().unwrap().contains("expired"),
        "{stale}"
    );
    let r = expect_data(
        &app.gql(Some(ph), RETURN, give_back(pharmacy, &batch, 30, "EXPIRED"))
            .await,
    )["returnStock"]
        .clone();
    assert_eq!(r["out"]["itemBalance"], 0);
    assert_eq!(r["into"]["batchBalance"], 50);
    let district = d.position(&app, &d.ddo, &d.district, para).await;
    assert_eq!(district["onHand"], 50);
    assert_eq!(district["usable"], 0);
    assert_eq!(district["batches"][0]["blocked"], "expired");
    for (t, s) in [(ph, pharmacy), (&d.ddo, &d.district)] {
        let c = expect_data(&app.gql(Some(t), CHECK, json!({ "s": s["id"] })).await);
        assert_eq!(
            c["storeLedgerCheck"],
            json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
        );
    }
}
