//! The indent cycle: a pharmacy asks the district store; the district approves in
//! part with a reason, issues first-expiry-first-out onto a voucher, and the
//! pharmacy records what arrived, with damage and shortage. Stock is in transit in
//! between, and nobody below a store issues from it.

use super::helpline::rls_keeps_tenants_apart;
use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

pub const RAISE: &str = "mutation($i: RaiseIndentInput!) { raiseIndent(input: $i) { id number status version fromStoreId toStoreId lines { item { code } requested stockOnHand wastedBeforeUse approved reason } } }";
pub const DECIDE: &str = "mutation($i: DecideIndentInput!) { decideIndent(input: $i) { id status version lines { item { code } requested approved reason } } }";
pub const ISSUE_INDENT: &str = "mutation($id: ID!, $v: Int!) { issueIndent(indentId: $id, expectedVersion: $v) { id status version voucher { itemId batchId batchNo quantity } } }";
pub const RECEIVE_INDENT: &str = "mutation($i: ReceiveIndentInput!) { receiveIndent(input: $i) { id status version voucher { batchNo quantity received damaged short } } }";
const INDENTS: &str =
    "query($s: ID!) { indents(storeId: $s) { number status lines { item { code } approved } } }";

on_both_backends!(an_indent_moves_stock_down_and_records_what_arrived);

async fn an_indent_moves_stock_down_and_records_what_arrived(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (para, amox) = (&d.paracetamol, &d.amoxicillin);
    d.receive(&app, &d.ddo, &d.district, para, "DP-SOON", 45, 60)
        .await;
    d.receive(&app, &d.ddo, &d.district, para, "DP-LATE", 500, 500)
        .await;
    d.receive(&app, &d.ddo, &d.district, amox, "DA-1", 300, 40)
        .await;
    d.receive(&app, &d.pharmacist, &d.pharmacy, para, "FP-1", 200, 15)
        .await;

    // The pharmacy asks; the indent carries its stock at the time.
    let lines = json!([{ "itemId": para["id"], "quantity": 100 }, { "itemId": amox["id"], "quantity": 50 }]);
    let ask = json!({ "i": { "storeId": d.pharmacy["id"], "lines": lines, "note": "monsoon fever season" } });
    expect_error(
        &app.gql(Some(&d.ddo), RAISE, ask.clone()).await,
        "FORBIDDEN",
    );
    let indent =
        expect_data(&app.gql(Some(&d.pharmacist), RAISE, ask).await)["raiseIndent"].clone();
    assert_eq!(
        (indent["status"].as_str(), indent["toStoreId"].clone()),
        (Some("SUBMITTED"), d.district["id"].clone())
    );
    assert!(indent["number"].as_str().unwrap().starts_with("IND-"));
    assert_eq!(indent["lines"][0]["stockOnHand"], 15);
    assert_eq!(
        indent["lines"][0]["wastedBeforeUse"], 0,
        "no use on record, so no waste is claimed"
    );
    let twice = json!({ "i": { "storeId": d.pharmacy["id"], "lines": [{ "itemId": para["id"], "quantity": 1 }, { "itemId": para["id"], "quantity": 2 }] } });
    expect_error(
        &app.gql(Some(&d.pharmacist), RAISE, twice).await,
        "VALIDATION",
    );
    let up = json!({ "i": { "storeId": d.warehouse["id"], "lines": [{ "itemId": para["id"], "quantity": 1 }] } });
    expect_error(&app.gql(Some(&d.keeper), RAISE, up).await, "VALIDATION");

    // The pharmacist cannot approve or issue their own indent from the store above.
    let decide = |v: &serde_json::Value, amox_approved: i64, reason: Option<&str>| {
        json!({ "i": { "indentId": indent["id"], "expectedVersion": v,
        "lines": [{ "itemId": para["id"], "approved": 100 }, { "itemId": amox["id"], "approved": amox_approved, "reason": reason }] } })
    };
    expect_error(
        &app.gql(
            Some(&d.pharmacist),
            DECIDE,
            decide(&indent["version"], 50, None),
        )
        .await,
        "FORBIDDEN",
    );
    let why = expect_error(
        &app.gql(Some(&d.ddo), DECIDE, decide(&indent["version"], 30, None))
            .await,
        "VALIDATION",
    );
    assert_eq!(why["extensions"]["field"], "lines.1.reason");
    let approved = expect_data(
        &app.gql(
            Some(&d.ddo),
            DECIDE,
            decide(
                &indent["version"],
                30,
                Some("district stock is low until the state supply arrives"),
            ),
        )
        .await,
    )["decideIndent"]
        .clone();
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["lines"][1]["approved"], 30);
    expect_error(
        &app.gql(
            Some(&d.ddo),
            DECIDE,
            decide(&approved["version"], 30, Some("again")),
        )
        .await,
        "CONFLICT",
    );

    expect_error(
        &app.gql(
            Some(&d.pharmacist),
            ISSUE_INDENT,
            json!({ "id": indent["id"], "v": approved["version"] }),
        )
        .await,
        "FORBIDDEN",
    );
    let issued = expect_data(
        &app.gql(
            Some(&d.ddo),
            ISSUE_INDENT,
            json!({ "id": indent["id"], "v": approved["version"] }),
        )
        .await,
    )["issueIndent"]
        .clone();
    assert_eq!(issued["status"], "ISSUED");
    let mut voucher: Vec<(String, i64)> = issued["voucher"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["batchNo"].as_str().unwrap().to_owned(),
                v["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    voucher.sort();
    // First-expiry-first-out: all 60 of the batch expiring soon, 40 of the later one.
    assert_eq!(
        voucher,
        [
            ("DA-1".to_owned(), 30),
            ("DP-LATE".to_owned(), 40),
            ("DP-SOON".to_owned(), 60)
        ]
    );
    expect_error(
        &app.gql(
            Some(&d.ddo),
            ISSUE_INDENT,
            json!({ "id": indent["id"], "v": issued["version"] }),
        )
        .await,
        "CONFLICT",
    );

    // In transit: gone from the district, not yet in the pharmacy.
    assert_eq!(
        d.position(&app, &d.ddo, &d.district, para).await["onHand"],
        460
    );
    let p = d.position(&app, &d.pharmacist, &d.pharmacy, para).await;
    assert_eq!(
        (p["onHand"].as_i64(), p["inTransit"].as_i64()),
        (Some(15), Some(100))
    );

    // The pharmacy records what arrived: 5 of the soon batch damaged, 2 short.
    let arrivals: Vec<serde_json::Value> = issued["voucher"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            if v["batchNo"] == "DP-SOON" {
                json!({ "batchId": v["batchId"], "received": 53, "damaged": 5 })
            } else {
                json!({ "batchId": v["batchId"], "received": v["quantity"] })
            }
        })
        .collect();
    let receive = |arrivals: serde_json::Value| json!({ "i": { "indentId": indent["id"], "expectedVersion": issued["version"], "arrivals": arrivals } });
    expect_error(
        &app.gql(Some(&d.ddo), RECEIVE_INDENT, receive(json!(arrivals)))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&d.pharmacist),
            RECEIVE_INDENT,
            receive(json!(arrivals[..1])),
        )
        .await,
        "VALIDATION",
    );
    let received = expect_data(
        &app.gql(
            Some(&d.pharmacist),
            RECEIVE_INDENT,
            receive(json!(arrivals)),
        )
        .await,
    )["receiveIndent"]
        .clone();
    assert_eq!(received["status"], "RECEIVED");
    let soon = received["voucher"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["batchNo"] == "DP-SOON")
        .unwrap()
        .clone();
    assert_eq!(
        (
            soon["received"].as_i64(),
            soon["damaged"].as_i64(),
            soon["short"].as_i64()
        ),
        (Some(53), Some(5), Some(2))
    );
    let p = d.position(&app, &d.pharmacist, &d.pharmacy, para).await;
    assert_eq!(
        (p["onHand"].as_i64(), p["inTransit"].as_i64()),
        (Some(15 + 93), Some(0))
    );
    assert_eq!(
        d.position(&app, &d.pharmacist, &d.pharmacy, amox).await["onHand"],
        30
    );

    // Both stores' stock cards name the indent; both ledgers agree with their balances.
    let card = expect_data(
        &app.gql(
            Some(&d.pharmacist),
            CARD,
            json!({ "s": d.pharmacy["id"], "i": para["id"] }),
        )
        .await,
    )["stockCard"]
        .clone();
    assert_eq!(card[0]["kind"], "TRANSFER_IN");
    assert_eq!(card[0]["documentKind"], "indent");
    for (who, store) in [(&d.pharmacist, &d.pharmacy), (&d.ddo, &d.district)] {
        let check = expect_data(&app.gql(Some(who), CHECK, json!({ "s": store["id"] })).await)
            ["storeLedgerCheck"]
            .clone();
        assert_eq!(
            check,
            json!({ "batchesDisagreeing": 0, "itemsDisagreeing": 0 })
        );
    }
    let list = expect_data(
        &app.gql(Some(&d.ddo), INDENTS, json!({ "s": d.district["id"] }))
            .await,
    )["indents"]
        .clone();
    assert_eq!(list[0]["status"], "RECEIVED");

    // The indent and its voucher print for either store's staff, every line and who
    // did each step; others are refused, other tenants find nothing.
    let path = format!("/supply/indents/{}.pdf", indent["id"].as_str().unwrap());
    let get = |token: String| {
        let req = app.http.get(app.url(&path)).bearer_auth(token);
        async move { req.send().await.unwrap() }
    };
    for token in [&d.pharmacist, &d.ddo] {
        let resp = get(token.clone()).await;
        assert_eq!(resp.status().as_u16(), 200);
        let text = super::cards::pdf_text(&resp.bytes().await.unwrap());
        for expected in [
            indent["number"].as_str().unwrap(),
            "From: Kolkata DH Pharmacy",
            "To: Kolkata District Drug Store",
            "monsoon fever season",
            "Amoxicillin 500 mg (AMOX-500, capsule)",
            "district stock is low until the state supply arrives",
            "DP-SOON",
            "DP-LATE",
            "DA-1",
            "(pharm.kolkata)",
            "(ddo.kolkata)",
            "Status: received",
            "Page 1 of 1",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
    }
    let stranger = user(
        &app,
        &d.c.wb,
        "pharm.lalbag",
        json!([{ "role": "PHARMACIST", "facilityId": d.c.lalbag["id"] }]),
    )
    .await;
    assert_eq!(get(stranger).await.status().as_u16(), 404);
    assert_eq!(get(app.br_admin().await).await.status().as_u16(), 404);

    // A shortfall at the store above refuses the whole issue and names the item.
    let big = json!({ "i": { "storeId": d.pharmacy["id"], "lines": [{ "itemId": amox["id"], "quantity": 20 }] } });
    let second =
        expect_data(&app.gql(Some(&d.pharmacist), RAISE, big).await)["raiseIndent"].clone();
    let ok = json!({ "i": { "indentId": second["id"], "expectedVersion": second["version"], "lines": [{ "itemId": amox["id"], "approved": 20 }] } });
    let approved = expect_data(&app.gql(Some(&d.ddo), DECIDE, ok).await)["decideIndent"].clone();
    let short = expect_error(
        &app.gql(
            Some(&d.ddo),
            ISSUE_INDENT,
            json!({ "id": second["id"], "v": approved["version"] }),
        )
        .await,
        "CONFLICT",
    );
    let msg = short["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Amoxicillin") && msg.contains("20 requested, 10 available"),
        "{msg}"
    );
    assert_eq!(
        d.position(&app, &d.ddo, &d.district, amox).await["onHand"],
        10
    );

    // Another tenant sees no indent.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            "query($id: ID!) { indent(id: $id) { id } }",
            json!({ "id": indent["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    rls_keeps_tenants_apart(
        &app,
        backend,
        &[
            "supply_indents",
            "supply_indent_lines",
            "supply_voucher_lines",
        ],
    )
    .await;
}
