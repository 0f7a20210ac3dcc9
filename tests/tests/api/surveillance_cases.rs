//! A surveillance officer changes cases: discards one (or takes it back), records a
//! death, links a field case to the registered patient; the weekly counts follow, and
//! nobody else may.

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, this_week, REPORT, TABLE};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(the_officer_discards_cases_records_deaths_and_links_patients);

/// AES cases (exact) and deaths (as shown) in a place this week, for `token`.
async fn aes_totals(app: &TestApp, token: &str, place: &Value, wk: &str) -> (i64, String) {
    let q = json!({ "u": place, "f": wk, "t": wk });
    let t = expect_data(&app.gql(Some(token), TABLE, q).await)["weeklyCaseTable"].clone();
    let aes = t
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["condition"] == "AES")
        .cloned()
        .unwrap_or(json!(null));
    (
        aes["cases"]["exact"].as_i64().unwrap_or(0),
        aes["deaths"]["shown"].as_str().unwrap_or("0").to_owned(),
    )
}

const CHANGE: &str = "mutation($id: ID!, $v: Int!, $i: CaseChangeInput!) { changeSurveillanceCase(id: $id, expectedVersion: $v, input: $i) { classification outcome patientId onsetDate epiWeek version } }";

async fn the_officer_discards_cases_records_deaths_and_links_patients(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let worker = staff_token(&app, &c.wb, "asha.five", "SURVEYOR").await;
    let dso = officer(&app, &c.wb, "dso.m", Some(&c.tree.murshidabad["id"])).await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let report = |name: &str| json!({ "i": { "condition": "AES", "unitId": c.tree.block["id"], "village": "Lalbag ward 9", "name": name, "ageYears": 7, "sex": "male", "symptoms": "fever, fits", "onsetDate": today.to_string() } });
    let a = expect_data(&app.gql(Some(&worker), REPORT, report("Bablu")).await)["reportFieldCase"]
        ["id"]
        .clone();
    let b = expect_data(&app.gql(Some(&worker), REPORT, report("Montu")).await)["reportFieldCase"]
        ["id"]
        .clone();
    let wk = this_week();
    let place = c.tree.murshidabad["id"].clone();
    assert_eq!(
        aes_totals(&app, &dso, &place, &wk).await,
        (2, "0".to_owned())
    );

    // A death, then a case that was not AES after all: the counts follow.
    let died = expect_data(
        &app.gql(
            Some(&dso),
            CHANGE,
            json!({ "id": a, "v": 1, "i": { "outcome": "died" } }),
        )
        .await,
    )["changeSurveillanceCase"]
        .clone();
    assert_eq!(
        (died["outcome"].as_str(), died["version"].as_i64()),
        (Some("died"), Some(2))
    );
    assert_eq!(
        aes_totals(&app, &dso, &place, &wk).await,
        (2, "1".to_owned())
    );
    expect_data(
        &app.gql(
            Some(&dso),
            CHANGE,
            json!({ "id": b, "v": 1, "i": { "discarded": true } }),
        )
        .await,
    );
    assert_eq!(
        aes_totals(&app, &dso, &place, &wk).await,
        (1, "1".to_owned())
    );
    // Taken back, it counts again.
    let back = expect_data(
        &app.gql(
            Some(&dso),
            CHANGE,
            json!({ "id": b, "v": 2, "i": { "discarded": false } }),
        )
        .await,
    )["changeSurveillanceCase"]
        .clone();
    assert_eq!(back["classification"], "suspected");
    assert_eq!(
        aes_totals(&app, &dso, &place, &wk).await,
        (2, "1".to_owned())
    );

    // The field case turns out to be a registered child: linked.
    let p = c.patient(&app, "Bablu", "9830022222").await;
    let linked = expect_data(
        &app.gql(
            Some(&dso),
            CHANGE,
            json!({ "id": a, "v": 2, "i": { "patientId": p["id"] } }),
        )
        .await,
    )["changeSurveillanceCase"]
        .clone();
    assert_eq!(linked["patientId"], p["id"]);

    // Checked: a stale version, an unknown outcome, someone else's patient, the wrong people.
    expect_error(
        &app.gql(
            Some(&dso),
            CHANGE,
            json!({ "id": a, "v": 1, "i": { "outcome": "recovered" } }),
        )
        .await,
        "CONFLICT",
    );
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&dso),
                CHANGE,
                json!({ "id": a, "v": 3, "i": { "outcome": "cured" } })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "outcome"
    );
    let br = app.br_admin().await;
    let theirs = expect_data(&app.gql(Some(&br), "mutation($i: PatientInput!) { registerPatient(input: $i, confirmNotDuplicate: true) { patient { id } } }", json!({ "i": { "givenName": "Sita", "sex": "FEMALE", "ageYears": 30 } })).await)["registerPatient"]["patient"]["id"].clone();
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&dso),
                CHANGE,
                json!({ "id": a, "v": 3, "i": { "patientId": theirs } })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "patientId"
    );
    let admin = scoped(
        &app,
        &c.wb,
        "da.m",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    expect_error(
        &app.gql(
            Some(&admin),
            CHANGE,
            json!({ "id": a, "v": 3, "i": { "outcome": "recovered" } }),
        )
        .await,
        "FORBIDDEN",
    );
    let kolkata = officer(&app, &c.wb, "dso.k", Some(&c.tree.kolkata["id"])).await;
    expect_error(
        &app.gql(
            Some(&kolkata),
            CHANGE,
            json!({ "id": a, "v": 3, "i": { "outcome": "recovered" } }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            CHANGE,
            json!({ "id": a, "v": 3, "i": { "outcome": "recovered" } }),
        )
        .await,
        "NOT_FOUND",
    );
    super::surveillance_rollups::assert_rollups_add_up(&app, "WB").await;
}
