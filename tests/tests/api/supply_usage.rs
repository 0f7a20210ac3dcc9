//! The running totals planning reads (migration 38): what every movement writes on its
//! ledger row and on the store's row for the item is what the migration computes from
//! the rows for a database that had none, so AMC and days out of stock come out the
//! same either way.

use super::supply_support::*;
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{json, Value};

on_both_backends!(the_backfill_gives_the_totals_movements_wrote);

type LedgerTotals = Vec<(uuid::Uuid, i64, i64)>;
type ItemTotals = Vec<(uuid::Uuid, uuid::Uuid, i64, i64, Option<i64>, Option<i64>)>;

/// Rows of `sql` (its `$1` the tenant's id) as the table owner inside the tenant.
async fn rows(app: &TestApp, tenant: &str, sql: &str) -> Vec<sea_orm::QueryResult> {
    let id = uuid::Uuid::parse_str(tenant).expect("a tenant id");
    app.rows_in_tenant_with(tenant, sql, vec![id.into()]).await
}

async fn totals(app: &TestApp, tenant: &str) -> (LedgerTotals, ItemTotals) {
    let ledger = rows(
        app,
        tenant,
        "SELECT id, consumed_total, out_ms_total FROM supply_ledger WHERE tenant_id = $1 ORDER BY id",
    )
    .await
    .iter()
    .map(|r| {
        (
            r.try_get("", "id").unwrap(),
            r.try_get("", "consumed_total").unwrap(),
            r.try_get("", "out_ms_total").unwrap(),
        )
    })
    .collect();
    let ms = |v: Option<DateTime<Utc>>| v.map(|t| t.timestamp_millis());
    let mut items: ItemTotals = rows(
        app,
        tenant,
        "SELECT store_id, item_id, consumed_total, out_ms_total, first_move_at, last_move_at
         FROM supply_store_items WHERE tenant_id = $1",
    )
    .await
    .iter()
    .map(|r| {
        (
            r.try_get("", "store_id").unwrap(),
            r.try_get("", "item_id").unwrap(),
            r.try_get("", "consumed_total").unwrap(),
            r.try_get("", "out_ms_total").unwrap(),
            ms(r.try_get("", "first_move_at").unwrap()),
            ms(r.try_get("", "last_move_at").unwrap()),
        )
    })
    .collect();
    items.sort();
    (ledger, items)
}

async fn issue(app: &TestApp, token: &str, store: &Value, item: &Value, quantity: i64) {
    expect_data(&app.gql(Some(token), ISSUE, json!({ "i": {
        "storeId": store["id"], "itemId": item["id"], "quantity": quantity, "destination": "Block camp" } })).await);
}

async fn the_backfill_gives_the_totals_movements_wrote(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (ph, pharmacy, para, amox) = (&d.pharmacist, &d.pharmacy, &d.paracetamol, &d.amoxicillin);
    d.receive(&app, ph, pharmacy, para, "U-1", 200, 100).await;
    issue(&app, ph, pharmacy, para, 30).await;
    issue(&app, ph, pharmacy, para, 70).await;
    // Out of stock for a while, then stocked again.
    tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    d.receive(&app, ph, pharmacy, para, "U-2", 300, 40).await;
    issue(&app, ph, pharmacy, para, 5).await;
    d.receive(&app, ph, pharmacy, amox, "U-3", 200, 20).await;

    let tenant = app.tenant_id("WB").await;
    let written = totals(&app, &tenant).await;
    let para_row = *written
        .1
        .iter()
        .find(|r| r.1.to_string() == para["id"].as_str().unwrap())
        .expect("the pharmacy's paracetamol row");
    assert_eq!(para_row.2, 105, "30 + 70 + 5 consumed");
    assert!(
        para_row.3 >= 60,
        "out of stock at least 60 ms: {para_row:?}"
    );
    let position = d.position(&app, ph, pharmacy, para).await;
    assert_eq!(position["onHand"], 35, "{position}");

    // A database from before migration 38: no totals and no record of the migration.
    let mut app = app;
    app.stop().await;
    let db = app.owner_db().await;
    let b = match backend {
        Backend::Postgres => DbBackend::Postgres,
        Backend::Sqlite => DbBackend::Sqlite,
    };
    for sql in [
        "ALTER TABLE supply_ledger DROP COLUMN consumed_total",
        "ALTER TABLE supply_ledger DROP COLUMN out_ms_total",
        "ALTER TABLE supply_store_items DROP COLUMN consumed_total",
        "ALTER TABLE supply_store_items DROP COLUMN out_ms_total",
        "ALTER TABLE supply_store_items DROP COLUMN first_move_at",
        "ALTER TABLE supply_store_items DROP COLUMN last_move_at",
        "DELETE FROM seaql_migrations WHERE version = 'm20261207_000038_usage_marks'",
    ] {
        db.execute_raw(Statement::from_string(b, sql))
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    db.close().await.ok();
    let (config, dir, pg) = (app.config.clone(), app.dir.clone(), app.pg_db.clone());
    // The old handle must not remove the folder the new server keeps using.
    std::mem::forget(app);
    let app = TestApp::spawn_with(backend, config, dir, pg).await;

    assert_eq!(totals(&app, &tenant).await, written);
    let ph = app
        .token(Some("WB"), "pharm.kolkata", "a long enough password")
        .await;
    assert_eq!(d.position(&app, &ph, pharmacy, para).await, position);
}
