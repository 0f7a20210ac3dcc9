//! Supply reports: stock-outs across a district's stores (nothing usable, whatever is
//! on hand), a store's expiry list, essential medicines' availability per facility,
//! consumption by month, and the same as CSV.

use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

const OUTS: &str =
    "query($u: ID) { stockOutReport(unitId: $u) { storeName item { code } onHand } }";
const EXPIRY: &str = "query($s: ID!) { expiryReport(storeId: $s, days: 60) { item { code } batchNo daysLeft quantity expectedUse } }";
const AVAILABILITY: &str = "query($u: ID) { essentialAvailability(unitId: $u) { storeName essentialItems inStock percentInStock stockOutDaysThisMonth } }";
const TREND: &str = "query($s: ID!) { consumptionTrend(storeId: $s, months: 3) { item { code } months { month quantity } } }";

on_both_backends!(reports_show_stock_outs_expiry_availability_and_use);

async fn reports_show_stock_outs_expiry_availability_and_use(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (ph, store) = (&d.pharmacist, &d.pharmacy);
    d.receive(&app, ph, store, &d.paracetamol, "R-SOON", 20, 30)
        .await;
    d.receive(&app, ph, store, &d.paracetamol, "R-LATE", 400, 100)
        .await;
    d.receive(&app, ph, store, &d.gloves, "R-G", 300, 5).await;
    expect_data(&app.gql(Some(ph), ISSUE, json!({ "i": { "storeId": store["id"], "itemId": d.gloves["id"], "quantity": 5, "destination": "labour room" } })).await);
    // Amoxicillin arrives but waits for its quality test: on hand, not usable.
    expect_data(&app.gql(Some(ph), RECEIVE, json!({ "i": { "storeId": store["id"], "itemId": d.amoxicillin["id"], "batchNo": "R-Q", "expiresOn": days(300), "quantity": 40, "qualityStatus": "PENDING" } })).await);
    expect_data(&app.gql(Some(ph), ISSUE, json!({ "i": { "storeId": store["id"], "itemId": d.paracetamol["id"], "quantity": 12, "destination": "OPD" } })).await);

    let kolkata = &d.c.tree.kolkata["id"];
    let outs = expect_data(&app.gql(Some(&d.ddo), OUTS, json!({ "u": kolkata })).await)
        ["stockOutReport"]
        .clone();
    assert_eq!(
        outs,
        json!([{ "storeName": "Kolkata DH Pharmacy", "item": { "code": "AMOX-500" }, "onHand": 40 },
               { "storeName": "Kolkata DH Pharmacy", "item": { "code": "GLV-M" }, "onHand": 0 }])
    );
    // Released by its test, amoxicillin can be given; held again, it cannot.
    const QUALITY: &str = "mutation($b: ID!, $v: Int!, $h: Boolean!, $q: QualityStatus!) { setBatchQuality(batchId: $b, expectedVersion: $v, onHold: $h, qualityStatus: $q) { version } }";
    let amox = d.position(&app, ph, store, &d.amoxicillin).await["batches"][0]["batchId"].clone();
    let codes = |outs: serde_json::Value| -> Vec<String> {
        outs["stockOutReport"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["item"]["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let v = expect_data(
        &app.gql(
            Some(&d.c.wb),
            QUALITY,
            json!({ "b": amox, "v": 1, "h": false, "q": "PASSED" }),
        )
        .await,
    )["setBatchQuality"]["version"]
        .clone();
    assert_eq!(
        codes(expect_data(
            &app.gql(Some(&d.ddo), OUTS, json!({ "u": kolkata })).await
        )),
        ["GLV-M"]
    );
    expect_data(
        &app.gql(
            Some(&d.c.wb),
            QUALITY,
            json!({ "b": amox, "v": v, "h": true, "q": "PASSED" }),
        )
        .await,
    );
    assert_eq!(
        codes(expect_data(
            &app.gql(Some(&d.ddo), OUTS, json!({ "u": kolkata })).await
        )),
        ["AMOX-500", "GLV-M"]
    );
    // Murshidabad's officer sees none of Kolkata's.
    let murshidabad = user(
        &app,
        &d.c.wb,
        "ddo.msd",
        json!([{ "role": "DISTRICT_DRUG_OFFICER", "unitId": d.c.tree.murshidabad["id"] }]),
    )
    .await;
    assert_eq!(
        expect_data(&app.gql(Some(&murshidabad), OUTS, json!({})).await)["stockOutReport"],
        json!([])
    );

    let expiry = expect_data(&app.gql(Some(ph), EXPIRY, json!({ "s": store["id"] })).await)
        ["expiryReport"]
        .clone();
    assert_eq!(expiry.as_array().unwrap().len(), 1, "{expiry}");
    assert_eq!(
        (
            expiry[0]["batchNo"].as_str(),
            expiry[0]["quantity"].as_i64()
        ),
        (Some("R-SOON"), Some(18))
    );

    let avail = expect_data(
        &app.gql(Some(&d.ddo), AVAILABILITY, json!({ "u": kolkata }))
            .await,
    )["essentialAvailability"]
        .clone();
    assert_eq!(avail[0]["storeName"], "Kolkata DH Pharmacy");
    // Paracetamol and amoxicillin are essential; only paracetamol can be given.
    assert_eq!(
        (
            avail[0]["essentialItems"].as_i64(),
            avail[0]["inStock"].as_i64(),
            avail[0]["percentInStock"].as_f64()
        ),
        (Some(2), Some(1), Some(50.0))
    );
    // Across the state, each pharmacy is counted on its own stock: Lalbag's holds both.
    let lalbag = expect_data(&app.gql(Some(&d.c.wb), STORE, json!({ "i": { "name": "Lalbag SDH Pharmacy", "level": "FACILITY", "facilityId": d.c.lalbag["id"], "parentId": d.warehouse["id"] } })).await)["createStore"].clone();
    let lalbag_keeper = user(
        &app,
        &d.c.wb,
        "keeper.lalbag",
        json!([{ "role": "STORE_KEEPER", "facilityId": d.c.lalbag["id"] }]),
    )
    .await;
    d.receive(
        &app,
        &lalbag_keeper,
        &lalbag,
        &d.paracetamol,
        "L-P",
        300,
        10,
    )
    .await;
    d.receive(
        &app,
        &lalbag_keeper,
        &lalbag,
        &d.amoxicillin,
        "L-A",
        300,
        10,
    )
    .await;
    let state = expect_data(&app.gql(Some(&d.c.wb), AVAILABILITY, json!({})).await)
        ["essentialAvailability"]
        .clone();
    let of = |name: &str| {
        state
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["storeName"] == name)
            .map(|a| a["inStock"].as_i64())
            .unwrap()
    };
    assert_eq!(
        (of("Kolkata DH Pharmacy"), of("Lalbag SDH Pharmacy")),
        (Some(1), Some(2))
    );

    let trend = expect_data(&app.gql(Some(ph), TREND, json!({ "s": store["id"] })).await)
        ["consumptionTrend"]
        .clone();
    let para = trend
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["item"]["code"] == "PARA-500")
        .unwrap()
        .clone();
    assert_eq!(para["months"].as_array().unwrap().len(), 3);
    assert_eq!(para["months"][2]["quantity"], 12, "{para}");

    // Alerts: looking at a store's alerts checks it afresh; a new alert is e-mailed
    // to its pharmacist and the district drug officer; a cleared one closes.
    const ALERTS: &str = "query($s: ID!) { storeAlerts(storeId: $s) { kind message } }";
    let alerts = expect_data(&app.gql(Some(ph), ALERTS, json!({ "s": store["id"] })).await)
        ["storeAlerts"]
        .clone();
    let mut kinds: Vec<&str> = alerts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        ["EXPIRING_SOON", "STOCK_OUT", "STOCK_OUT"],
        "{alerts}"
    );
    let again = expect_data(&app.gql(Some(ph), ALERTS, json!({ "s": store["id"] })).await)
        ["storeAlerts"]
        .clone();
    assert_eq!(
        again.as_array().unwrap().len(),
        3,
        "the same conditions are the same alerts"
    );
    let tenant = app.tenant_id("WB").await;
    let mails = app
        .rows_in_tenant(
            &tenant,
            "SELECT COUNT(*) AS n FROM notification_outbox WHERE subject LIKE $1",
            "Stock alert%",
        )
        .await;
    assert_eq!(
        mails[0].try_get::<i64>("", "n").unwrap(),
        6,
        "three alerts to the pharmacist and the district drug officer"
    );
    d.receive(&app, ph, store, &d.gloves, "R-G2", 300, 50).await;
    let after = expect_data(&app.gql(Some(ph), ALERTS, json!({ "s": store["id"] })).await)
        ["storeAlerts"]
        .clone();
    assert_eq!(
        after.as_array().unwrap().len(),
        2,
        "the gloves' stock-out closed: {after}"
    );
    let district = expect_data(
        &app.gql(
            Some(&d.ddo),
            "query($u: ID) { supplyAlerts(unitId: $u) { storeName kind } }",
            json!({ "u": kolkata }),
        )
        .await,
    )["supplyAlerts"]
        .clone();
    assert_eq!(district.as_array().unwrap().len(), 2);
    assert_eq!(
        expect_data(
            &app.gql(Some(&murshidabad), "{ supplyAlerts { kind } }", json!({}))
                .await
        )["supplyAlerts"],
        json!([])
    );

    // CSV, with the same reach.
    let csv = |path: String, token: Option<String>| {
        let app = &app;
        async move {
            let mut r = app.http.get(app.url(&path));
            if let Some(t) = token {
                r = r.bearer_auth(t);
            }
            let resp = r.send().await.unwrap();
            (resp.status().as_u16(), resp.text().await.unwrap())
        }
    };
    let (status, body) = csv(
        format!(
            "/supply/reports/stock-outs.csv?unit={}",
            kolkata.as_str().unwrap()
        ),
        Some(d.ddo.clone()),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body.lines().count(), 2, "the gloves came back: {body}");
    assert!(body.starts_with("store,item_code,item,on_hand_unusable,out_since\n"));
    let (status, body) = csv(
        "/supply/reports/availability.csv".into(),
        Some(d.ddo.clone()),
    )
    .await;
    assert_eq!(status, 200);
    assert!(body.contains("Kolkata DH Pharmacy,2,1,50.0,"), "{body}");
    let (status, _) = csv("/supply/reports/nonsense.csv".into(), Some(d.ddo.clone())).await;
    assert_eq!(status, 400);
    let (status, _) = csv("/supply/reports/stock-outs.csv".into(), None).await;
    assert_eq!(status, 401);
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), EXPIRY, json!({ "s": store["id"] }))
            .await,
        "NOT_FOUND",
    );
}
