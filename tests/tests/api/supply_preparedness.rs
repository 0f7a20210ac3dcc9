//! Preparedness: a monsoon kit says what each type of facility should hold; the
//! report shows who falls short and by how much, counting a facility's pharmacy and
//! ward stores together and only stock that can be issued.

use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

const KIT: &str = "mutation($i: BufferKitInput!) { defineBufferKit(input: $i) { id name lines { facilityType item { code } quantity } } }";
const READY: &str = "query($k: ID!, $u: ID) { preparedness(kitId: $k, unitId: $u) { kitName facilities ready readiness { facilityName ready lines { item { code } required available short } } } }";

on_both_backends!(a_monsoon_kit_shows_who_falls_short);

async fn a_monsoon_kit_shows_who_falls_short(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let wb = &d.c.wb;
    let kit = json!({ "i": { "name": "Monsoon kit", "note": "June to September", "lines": [
        { "facilityType": "DISTRICT_HOSPITAL", "itemId": d.paracetamol["id"], "quantity": 500 },
        { "facilityType": "DISTRICT_HOSPITAL", "itemId": d.amoxicillin["id"], "quantity": 100 },
        { "facilityType": "SUB_DIVISIONAL_HOSPITAL", "itemId": d.paracetamol["id"], "quantity": 200 } ] } });
    expect_error(
        &app.gql(Some(&d.pharmacist), KIT, kit.clone()).await,
        "FORBIDDEN",
    );
    let k = expect_data(&app.gql(Some(wb), KIT, kit.clone()).await)["defineBufferKit"].clone();
    assert_eq!(k["lines"].as_array().unwrap().len(), 3);
    expect_error(&app.gql(Some(wb), KIT, kit).await, "CONFLICT");
    let twice = json!({ "i": { "name": "Storm kit", "lines": [
        { "facilityType": "DISTRICT_HOSPITAL", "itemId": d.paracetamol["id"], "quantity": 5 },
        { "facilityType": "DISTRICT_HOSPITAL", "itemId": d.paracetamol["id"], "quantity": 6 } ] } });
    expect_error(&app.gql(Some(wb), KIT, twice).await, "VALIDATION");

    // Kolkata DH: 450 paracetamol usable (its pharmacy and a ward store), amoxicillin
    // only in a batch awaiting its quality test.
    let ward = expect_data(&app.gql(Some(wb), STORE, json!({ "i": { "name": "Kolkata DH Female Medical store", "level": "WARD", "facilityId": d.c.kolkata["id"], "parentId": d.pharmacy["id"] } })).await)["createStore"].clone();
    d.receive(
        &app,
        &d.pharmacist,
        &d.pharmacy,
        &d.paracetamol,
        "K-1",
        300,
        400,
    )
    .await;
    d.receive(&app, &d.pharmacist, &ward, &d.paracetamol, "K-2", 300, 50)
        .await;
    expect_data(&app.gql(Some(&d.pharmacist), RECEIVE, json!({ "i": { "storeId": d.pharmacy["id"], "itemId": d.amoxicillin["id"], "batchNo": "K-Q", "expiresOn": days(300), "quantity": 200, "qualityStatus": "PENDING" } })).await);
    let report = expect_data(
        &app.gql(
            Some(&d.ddo),
            READY,
            json!({ "k": k["id"], "u": d.c.tree.kolkata["id"] }),
        )
        .await,
    )["preparedness"]
        .clone();
    assert_eq!(
        (report["facilities"].as_i64(), report["ready"].as_i64()),
        (Some(1), Some(0))
    );
    let lines = report["readiness"][0]["lines"].clone();
    let short: Vec<(i64, i64)> = lines
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["available"].as_i64().unwrap(),
                l["short"].as_i64().unwrap(),
            )
        })
        .collect();
    let mut short = short;
    short.sort();
    assert_eq!(short, [(0, 100), (450, 50)]);

    // Stocked up, it is ready.
    d.receive(
        &app,
        &d.pharmacist,
        &d.pharmacy,
        &d.paracetamol,
        "K-3",
        300,
        50,
    )
    .await;
    d.receive(
        &app,
        &d.pharmacist,
        &d.pharmacy,
        &d.amoxicillin,
        "K-4",
        300,
        100,
    )
    .await;
    let report = expect_data(&app.gql(Some(wb), READY, json!({ "k": k["id"] })).await)
        ["preparedness"]
        .clone();
    assert_eq!(report["ready"], 1, "{report}");
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), READY, json!({ "k": k["id"] })).await,
        "NOT_FOUND",
    );
}
