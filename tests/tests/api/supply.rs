//! Stock that is always right: batches received into a store, issued
//! first-expiry-first-out (never expired, held or untested stock), adjustments with
//! a reason, balances that always agree with the ledger, and who may move what.

use super::helpline::rls_keeps_tenants_apart;
use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    stock_goes_first_expiry_first_out_and_never_below_zero,
    only_a_stores_own_staff_move_its_stock,
    the_catalogue_and_stores_are_checked,
    random_movements_keep_ledger_and_balances_in_agreement,
    two_issues_of_the_last_ten_units,
);

fn issue(store: &Value, item: &Value, quantity: i64) -> Value {
    json!({ "i": { "storeId": store["id"], "itemId": item["id"], "quantity": quantity, "destination": "Pulse polio camp, Ward 58" } })
}

async fn stock_goes_first_expiry_first_out_and_never_below_zero(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (k, w, para) = (&d.keeper, &d.warehouse, &d.paracetamol);
    // An expired batch is not taken in.
    let old = expect_error(&app.gql(Some(k), RECEIVE, json!({ "i": { "storeId": w["id"], "itemId": para["id"], "batchNo": "OLD", "expiresOn": days(-1), "quantity": 10 } })).await, "VALIDATION");
    assert_eq!(old["extensions"]["field"], "expiresOn");
    d.receive(&app, k, w, para, "P-LATE", 400, 100).await;
    d.receive(&app, k, w, para, "P-SOON", 20, 30).await;
    // The same batch number again with another expiry date was typed wrong.
    let wrong = expect_error(&app.gql(Some(k), RECEIVE, json!({ "i": { "storeId": w["id"], "itemId": para["id"], "batchNo": "p-soon", "expiresOn": days(60), "quantity": 5 } })).await, "VALIDATION");
    assert_eq!(wrong["extensions"]["field"], "expiresOn");
    // A batch awaiting its quality test is in stock but cannot go out.
    expect_data(&app.gql(Some(k), RECEIVE, json!({ "i": { "storeId": w["id"], "itemId": para["id"], "batchNo": "P-TEST", "expiresOn": days(10), "quantity": 50, "qualityStatus": "PENDING" } })).await);

    let p = d.position(&app, k, w, para).await;
    assert_eq!(
        (p["onHand"].as_i64(), p["usable"].as_i64()),
        (Some(180), Some(130))
    );
    let bands: Vec<(&str, &str)> = p["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["batchNo"].as_str().unwrap(),
                b["expiry"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        bands,
        [("P-TEST", "ALERT"), ("P-SOON", "ALERT"), ("P-LATE", "GOOD")]
    );
    let testing = p["batches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["batchNo"] == "P-TEST")
        .unwrap()
        .clone();
    assert!(testing["blocked"].as_str().unwrap().contains("quality"));

    // 50 go out: the 30 that expire first, then 20 of the later batch.
    let out = expect_data(&app.gql(Some(k), ISSUE, issue(w, para, 50)).await)["issueStock"].clone();
    let taken: Vec<(i64, i64)> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["quantity"].as_i64().unwrap(),
                m["batchBalance"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(taken, [(30, 0), (20, 80)]);
    assert_eq!(
        out[1]["itemBalance"], 130,
        "the 50 awaiting testing are still on hand"
    );

    // More than is usable: refused with the shortfall, and nothing moves.
    let short = expect_error(
        &app.gql(Some(k), ISSUE, issue(w, para, 81)).await,
        "CONFLICT",
    );
    let msg = short["message"].as_str().unwrap();
    assert!(
        msg.contains("81 requested") && msg.contains("80 available") && msg.contains("1 short"),
        "{msg}"
    );
    assert_eq!(d.position(&app, k, w, para).await["usable"], 80);

    // Naming a batch other than the first to expire needs a reason.
    d.receive(&app, k, w, para, "P-MID", 200, 40).await;
    let late = p["batches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["batchNo"] == "P-LATE")
        .unwrap()["batchId"]
        .clone();
    let mut chosen = issue(w, para, 10);
    chosen["i"]["batches"] = json!([{ "batchId": late, "quantity": 10 }]);
    let why = expect_error(&app.gql(Some(k), ISSUE, chosen.clone()).await, "VALIDATION");
    assert_eq!(why["extensions"]["field"], "overrideReason");
    chosen["i"]["overrideReason"] = json!("P-MID is kept for the flood kits");
    let went = expect_data(&app.gql(Some(k), ISSUE, chosen).await)["issueStock"].clone();
    assert_eq!(
        (went[0]["batchId"].clone(), went[0]["batchBalance"].as_i64()),
        (late.clone(), Some(70))
    );
    let mut held = issue(w, para, 5);
    held["i"]["batches"] = json!([{ "batchId": testing["batchId"], "quantity": 5 }]);
    held["i"]["overrideReason"] = json!("urgent");
    expect_error(&app.gql(Some(k), ISSUE, held).await, "VALIDATION");

    // Adjustments go the way their reason says, and need a note.
    let adj = |reason: &str, q: i64, note: &str| json!({ "i": { "storeId": w["id"], "batchId": late, "reason": reason, "quantity": q, "note": note } });
    assert_eq!(
        expect_data(
            &app.gql(
                Some(k),
                ADJUST,
                adj("DAMAGED", 5, "carton crushed in the rain")
            )
            .await
        )["adjustStock"]["batchBalance"],
        65
    );
    assert_eq!(
        expect_data(
            &app.gql(
                Some(k),
                ADJUST,
                adj("FOUND_AT_COUNT", 2, "found behind the rack")
            )
            .await
        )["adjustStock"]["batchBalance"],
        67
    );
    expect_error(
        &app.gql(Some(k), ADJUST, adj("LOST", 68, "theft reported to police"))
            .await,
        "CONFLICT",
    );
    expect_error(
        &app.gql(Some(k), ADJUST, adj("LOST", 1, "")).await,
        "VALIDATION",
    );

    // The stock card tells the story; balances agree with the ledger.
    let card = expect_data(
        &app.gql(Some(k), CARD, json!({ "s": w["id"], "i": para["id"] }))
            .await,
    )["stockCard"]
        .clone();
    let kinds: Vec<&str> = card
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "ADJUSTMENT",
            "ADJUSTMENT",
            "ISSUE",
            "RECEIPT",
            "ISSUE",
            "ISSUE",
            "RECEIPT",
            "RECEIPT",
            "RECEIPT"
        ]
    );
    assert_eq!(card[0]["itemBalance"], 107 + 50);
    let sum: i64 = card
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["quantity"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 157);
    let check = expect_data(&app.gql(Some(k), CHECK, json!({ "s": w["id"] })).await)
        ["storeLedgerCheck"]
        .clone();
    assert_eq!(
        check,
        json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
    );

    // An item with nothing usable is a stock-out.
    d.receive(&app, k, w, &d.gloves, "G-1", 300, 10).await;
    expect_data(&app.gql(Some(k), ISSUE, issue(w, &d.gloves, 10)).await);
    assert_eq!(
        d.position(&app, k, w, &d.gloves).await["status"],
        "STOCK_OUT"
    );

    // Another tenant finds nothing; row-level security agrees.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), STOCK, json!({ "s": w["id"] })).await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), ADJUST, adj("LOST", 1, "not theirs to touch"))
            .await,
        "NOT_FOUND",
    );
    rls_keeps_tenants_apart(
        &app,
        backend,
        &[
            "supply_items",
            "supply_stores",
            "supply_batches",
            "supply_store_items",
            "supply_stock",
            "supply_ledger",
        ],
    )
    .await;
}

async fn only_a_stores_own_staff_move_its_stock(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    d.receive(&app, &d.ddo, &d.district, &d.paracetamol, "D-1", 300, 100)
        .await;
    d.receive(
        &app,
        &d.pharmacist,
        &d.pharmacy,
        &d.paracetamol,
        "F-1",
        300,
        10,
    )
    .await;
    // The pharmacist works the pharmacy, not the district store above it.
    for q in [issue(&d.district, &d.paracetamol, 5)] {
        let e = expect_error(&app.gql(Some(&d.pharmacist), ISSUE, q).await, "FORBIDDEN");
        assert!(e["message"]
            .as_str()
            .unwrap()
            .contains("Kolkata District Drug Store"));
    }
    expect_error(
        &app.gql(Some(&d.pharmacist), STOCK, json!({ "s": d.district["id"] }))
            .await,
        "FORBIDDEN",
    );
    // The district drug officer sees the pharmacy's stock but does not move it.
    assert_eq!(
        d.stock(&app, &d.ddo, &d.pharmacy).await["store"]["worksHere"],
        false
    );
    expect_error(
        &app.gql(Some(&d.ddo), ISSUE, issue(&d.pharmacy, &d.paracetamol, 1))
            .await,
        "FORBIDDEN",
    );
    // Nor does the state's store keeper move a district's stock.
    expect_error(
        &app.gql(
            Some(&d.keeper),
            ISSUE,
            issue(&d.district, &d.paracetamol, 1),
        )
        .await,
        "FORBIDDEN",
    );
    // A doctor, an administrator: no stock moves.
    expect_error(
        &app.gql(
            Some(&d.c.doctor),
            ISSUE,
            issue(&d.pharmacy, &d.paracetamol, 1),
        )
        .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(Some(&d.c.wb), ISSUE, issue(&d.pharmacy, &d.paracetamol, 1))
            .await,
        "FORBIDDEN",
    );
    // Stores listed are those in reach, each saying whether the caller works it.
    let list = expect_data(
        &app.gql(
            Some(&d.pharmacist),
            "{ stores { name worksHere } }",
            json!({}),
        )
        .await,
    )["stores"]
        .clone();
    assert_eq!(
        list,
        json!([{ "name": "Kolkata DH Pharmacy", "worksHere": true }])
    );
    let ddo = expect_data(
        &app.gql(Some(&d.ddo), "{ stores { name worksHere } }", json!({}))
            .await,
    )["stores"]
        .clone();
    assert_eq!(ddo.as_array().unwrap().len(), 2, "{ddo}");
}

async fn the_catalogue_and_stores_are_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let wb = &d.c.wb;
    let dup = expect_error(&app.gql(Some(wb), ITEM, json!({ "i": { "code": "para-500", "name": "Paracetamol again", "packSize": 10, "unitOfIssue": "tablet" } })).await, "CONFLICT");
    assert!(dup["message"].as_str().unwrap().contains("PARA-500"));
    let x = expect_error(&app.gql(Some(wb), ITEM, json!({ "i": { "code": "MORPH-10", "name": "Morphine", "packSize": 10, "unitOfIssue": "ampoule", "schedule": "X", "overTheCounter": true } })).await, "VALIDATION");
    assert_eq!(x["extensions"]["field"], "overTheCounter");
    expect_error(&app.gql(Some(&d.pharmacist), ITEM, json!({ "i": { "code": "ORS", "name": "ORS", "packSize": 1, "unitOfIssue": "sachet" } })).await, "FORBIDDEN");
    // A district store cannot indent from another district store, nor a store from
    // one that does not serve its area.
    let sideways = expect_error(&app.gql(Some(wb), STORE, json!({ "i": { "name": "Murshidabad District Drug Store", "level": "DISTRICT", "unitId": d.c.tree.murshidabad["id"], "parentId": d.district["id"] } })).await, "VALIDATION");
    assert_eq!(sideways["extensions"]["field"], "parentId");
    let away = expect_error(&app.gql(Some(wb), STORE, json!({ "i": { "name": "Lalbag SDH Pharmacy", "level": "FACILITY", "facilityId": d.c.lalbag["id"], "parentId": d.district["id"] } })).await, "VALIDATION");
    assert_eq!(away["extensions"]["field"], "parentId");
    let orphan = expect_error(&app.gql(Some(wb), STORE, json!({ "i": { "name": "Orphan store", "level": "DISTRICT", "unitId": d.c.tree.murshidabad["id"] } })).await, "VALIDATION");
    assert_eq!(orphan["extensions"]["field"], "parentId");
    let bad = expect_error(&app.gql(Some(wb), STORE, json!({ "i": { "name": "Murshidabad DDS", "level": "DISTRICT", "unitId": d.c.tree.murshidabad["id"], "parentId": d.warehouse["id"],
        "settings": { "lookbackDays": 90, "minMonths": 3.0, "maxMonths": 2.0, "overstockMonths": 6.0, "expiryWarnDays": 90, "expiryAlertDays": 30 } } })).await, "VALIDATION");
    assert_eq!(bad["extensions"]["field"], "maxMonths");
    // Another tenant's store or unit is not found.
    let br = app.br_admin().await;
    expect_error(&app.gql(Some(&br), STORE, json!({ "i": { "name": "Patna DDS", "level": "DISTRICT", "unitId": d.c.tree.kolkata["id"], "parentId": d.warehouse["id"] } })).await, "NOT_FOUND");
}

/// A small deterministic generator: the same "random" sequence on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// A property test against the real database: random receipts, issues and
/// adjustments (many refused for want of stock) leave every balance equal to the
/// sum of its ledger rows and to a model kept beside them.
async fn random_movements_keep_ledger_and_balances_in_agreement(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (k, w) = (&d.keeper, &d.warehouse);
    let items = [&d.paracetamol, &d.amoxicillin];
    let mut model = std::collections::HashMap::<(usize, usize), i64>::new();
    let mut batch_ids = std::collections::HashMap::<(usize, usize), Value>::new();
    let mut rng = Lcg(20261206);
    let (mut refused, mut done) = (0, 0);
    for _ in 0..70 {
        let i = rng.next(2) as usize;
        let b = rng.next(3) as usize;
        let q = 1 + rng.next(40) as i64;
        match rng.next(3) {
            0 => {
                d.receive(
                    &app,
                    k,
                    w,
                    items[i],
                    &format!("R{i}-{b}"),
                    100 + 50 * b as i64,
                    q,
                )
                .await;
                *model.entry((i, b)).or_default() += q;
            }
            1 => {
                let r = app.gql(Some(k), ISSUE, issue(w, items[i], q)).await;
                if r["errors"].is_array() {
                    assert_eq!(
                        arogya_tests::error_code(&r).as_deref(),
                        Some("CONFLICT"),
                        "{r}"
                    );
                    let total: i64 = (0..3)
                        .map(|b| model.get(&(i, b)).copied().unwrap_or(0))
                        .sum();
                    assert!(total < q, "refused with {total} in stock for {q}");
                    refused += 1;
                } else {
                    // First-expiry-first-out: batch 0 expires first, then 1, then 2.
                    let mut left = q;
                    for b in 0..3 {
                        let have = model.entry((i, b)).or_default();
                        let take = left.min(*have);
                        *have -= take;
                        left -= take;
                    }
                    assert_eq!(left, 0);
                    done += 1;
                }
            }
            _ => {
                let Some(batch) = batch_ids.get(&(i, b)).cloned() else {
                    continue;
                };
                let reason = if rng.next(2) == 0 {
                    "FOUND_AT_COUNT"
                } else {
                    "DAMAGED"
                };
                let r = app.gql(Some(k), ADJUST, json!({ "i": { "storeId": w["id"], "batchId": batch, "reason": reason, "quantity": q, "note": "random check" } })).await;
                let have = model.entry((i, b)).or_default();
                if reason == "FOUND_AT_COUNT" {
                    expect_data(&r);
                    *have += q;
                } else if *have >= q {
                    expect_data(&r);
                    *have -= q;
                } else {
                    expect_error(&r, "CONFLICT");
                    refused += 1;
                }
            }
        }
        // Learn the batch ids as they appear.
        if batch_ids.len() < 6 {
            let s = d.stock(&app, k, w).await;
            for p in s["items"].as_array().unwrap() {
                let i = items
                    .iter()
                    .position(|it| it["id"] == p["item"]["id"])
                    .unwrap();
                for bt in p["batches"].as_array().unwrap() {
                    let b: usize = bt["batchNo"].as_str().unwrap()[3..].parse().unwrap();
                    batch_ids.insert((i, b), bt["batchId"].clone());
                }
            }
        }
    }
    assert!(
        refused > 0 && done > 0,
        "the sequence must try both ({refused} refused, {done} issued)"
    );
    let s = d.stock(&app, k, w).await;
    for (i, item) in items.iter().enumerate() {
        let p = s["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["item"]["id"] == item["id"])
            .unwrap();
        let expected: i64 = (0..3)
            .map(|b| model.get(&(i, b)).copied().unwrap_or(0))
            .sum();
        assert_eq!(p["onHand"].as_i64(), Some(expected), "item {i}");
        for bt in p["batches"].as_array().unwrap() {
            let b: usize = bt["batchNo"].as_str().unwrap()[3..].parse().unwrap();
            assert_eq!(
                bt["quantity"].as_i64(),
                model.get(&(i, b)).copied(),
                "batch {i}-{b}"
            );
        }
        let card = expect_data(
            &app.gql(Some(k), CARD, json!({ "s": w["id"], "i": item["id"] }))
                .await,
        )["stockCard"]
            .clone();
        let sum: i64 = card
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["quantity"].as_i64().unwrap())
            .sum();
        assert_eq!(sum, expected);
    }
    let check = expect_data(&app.gql(Some(k), CHECK, json!({ "s": w["id"] })).await)
        ["storeLedgerCheck"]
        .clone();
    assert_eq!(
        check,
        json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
    );
}

/// The last ten units asked for twice at the same moment: one issue gets them, the
/// other is told what is short. Several rounds, so a race would show.
async fn two_issues_of_the_last_ten_units(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (k, w, item) = (&d.keeper, &d.warehouse, &d.amoxicillin);
    for round in 0..5 {
        d.receive(&app, k, w, item, &format!("LAST-{round}"), 200, 10)
            .await;
        let (a, b) = tokio::join!(
            app.gql(Some(k), ISSUE, issue(w, item, 10)),
            app.gql(Some(k), ISSUE, issue(w, item, 10)),
        );
        let ok = [&a, &b].iter().filter(|r| r["errors"].is_null()).count();
        assert_eq!(ok, 1, "round {round}: {a} {b}");
        let failed = if a["errors"].is_null() { &b } else { &a };
        let e = expect_error(failed, "CONFLICT");
        let msg = e["message"].as_str().unwrap();
        assert!(msg.contains("10 requested, 0 available, 10 short"), "{msg}");
        assert_eq!(d.position(&app, k, w, item).await["onHand"], 0);
    }
    let check = expect_data(&app.gql(Some(k), CHECK, json!({ "s": w["id"] })).await)
        ["storeLedgerCheck"]
        .clone();
    assert_eq!(
        check,
        json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
    );
}
