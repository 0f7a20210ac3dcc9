//! Surveillance alerts: the rules fire once in their quiet days, the place's officer
//! verifies each, and nobody outside the place's reach or tenant sees them.

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, REPORT};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::json;

on_both_backends!(alerts_fire_once_and_the_district_officer_verifies_them);

const ALERTS: &str = "query($o: Boolean) { surveillanceAlerts(openOnly: $o) { id condition rule unitName village cases line status version explanation } }";
const VERIFY: &str = "mutation($id: ID!, $v: Int!, $t: Boolean!, $n: String!) { verifySurveillanceAlert(id: $id, expectedVersion: $v, trueSignal: $t, note: $n) { status version } }";

async fn alerts_fire_once_and_the_district_officer_verifies_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let worker = staff_token(&app, &c.wb, "asha.four", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let report = |condition: &str, days_ago: i64, name: &str| json!({ "i": { "condition": condition, "unitId": c.tree.block["id"], "village": "Jiaganj ward 4", "name": name, "ageYears": 30, "sex": "male", "symptoms": "fever", "onsetDate": (today - Duration::days(days_ago)).to_string() } });
    let dso = officer(
        &app,
        &c.wb,
        "dso.murshidabad",
        Some(&c.tree.murshidabad["id"]),
    )
    .await;
    let list = |token: String, open: bool| {
        let app = &app;
        async move {
            expect_data(&app.gql(Some(&token), ALERTS, json!({ "o": open })).await)
                ["surveillanceAlerts"]
                .clone()
        }
    };
    // Four dengue cases in the ward: no cluster yet. The fifth within 14 days makes one.
    for (i, d) in [12, 9, 6, 3].iter().enumerate() {
        expect_data(
            &app.gql(
                Some(&worker),
                REPORT,
                report("DENGUE", *d, &format!("Case {i}")),
            )
            .await,
        );
    }
    assert_eq!(list(dso.clone(), true).await, json!([]));
    expect_data(
        &app.gql(Some(&worker), REPORT, report("DENGUE", 1, "Case 5"))
            .await,
    );
    let open = list(dso.clone(), true).await;
    assert_eq!(open.as_array().unwrap().len(), 1, "{open}");
    assert_eq!(
        (
            open[0]["rule"].as_str(),
            open[0]["village"].as_str(),
            open[0]["cases"].as_i64()
        ),
        (
            Some("cluster-5-in-14-days"),
            Some("Jiaganj ward 4"),
            Some(5)
        )
    );
    assert_eq!(open[0]["unitName"], "Murshidabad-Jiaganj");
    // A sixth case within the quiet days raises nothing new; a single cholera case alerts.
    expect_data(
        &app.gql(Some(&worker), REPORT, report("DENGUE", 0, "Case 6"))
            .await,
    );
    expect_data(
        &app.gql(Some(&worker), REPORT, report("CHOLERA", 0, "Case 7"))
            .await,
    );
    let open = list(dso.clone(), true).await;
    let rules: Vec<(&str, &str)> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["condition"].as_str().unwrap(),
                a["rule"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        vec![
            ("CHOLERA", "fixed-1-block"),
            ("DENGUE", "cluster-5-in-14-days")
        ]
    );

    // Verification: by the place's officer, with a note; once.
    let cluster = open
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["condition"] == "DENGUE")
        .unwrap()
        .clone();
    let district_admin = scoped(
        &app,
        &c.wb,
        "da.murshid",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    assert_eq!(
        list(district_admin.clone(), true)
            .await
            .as_array()
            .unwrap()
            .len(),
        2,
        "administrators see the queue"
    );
    expect_error(
        &app.gql(
            Some(&district_admin),
            VERIFY,
            json!({ "id": cluster["id"], "v": 1, "t": true, "n": "Checked with the ANM" }),
        )
        .await,
        "FORBIDDEN",
    );
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&dso),
                VERIFY,
                json!({ "id": cluster["id"], "v": 1, "t": true, "n": "ok" })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "note"
    );
    let v = expect_data(&app.gql(Some(&dso), VERIFY, json!({ "id": cluster["id"], "v": 1, "t": true, "n": "Six febrile cases confirmed by the ANM's visit" })).await)["verifySurveillanceAlert"].clone();
    assert_eq!(v, json!({ "status": "true_signal", "version": 2 }));
    expect_error(
        &app.gql(
            Some(&dso),
            VERIFY,
            json!({ "id": cluster["id"], "v": 1, "t": false, "n": "Another look at it" }),
        )
        .await,
        "CONFLICT",
    );
    assert_eq!(list(dso.clone(), true).await.as_array().unwrap().len(), 1);
    assert_eq!(list(dso.clone(), false).await.as_array().unwrap().len(), 2);
    // Another district's officer and another tenant see none of it.
    let kolkata = officer(&app, &c.wb, "dso.kol", Some(&c.tree.kolkata["id"])).await;
    assert_eq!(list(kolkata.clone(), false).await, json!([]));
    expect_error(
        &app.gql(
            Some(&kolkata),
            VERIFY,
            json!({ "id": cluster["id"], "v": 2, "t": false, "n": "Not ours to judge" }),
        )
        .await,
        "NOT_FOUND",
    );
    let br = app.br_admin().await;
    assert_eq!(list(br.clone(), false).await, json!([]));
    expect_error(
        &app.gql(
            Some(&br),
            VERIFY,
            json!({ "id": cluster["id"], "v": 2, "t": false, "n": "Not ours to judge" }),
        )
        .await,
        "NOT_FOUND",
    );
    // The weekly table colours the district's cells by their alerts: dengue an outbreak
    // (a true signal), cholera still to verify; Kolkata has none.
    let week = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        format!("{}W{}", d.iso_week().year(), d.iso_week().week())
    };
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let table = expect_data(
        &app.gql(
            Some(&dso),
            "query($f: String!, $t: String!) { weeklyCaseTable(from: $f, to: $t) { unitName condition alert } }",
            json!({ "f": week(today - Duration::days(21)), "t": week(today) }),
        )
        .await,
    )["weeklyCaseTable"]
        .clone();
    let murshidabad = c.tree.murshidabad["name"].clone();
    let alert_of = |condition: &str| {
        table
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["condition"] == condition && c["unitName"] == murshidabad)
            .map(|c| c["alert"].clone())
    };
    assert_eq!(alert_of("DENGUE"), Some(json!("true_signal")), "{table}");
    assert_eq!(alert_of("CHOLERA"), Some(json!("open")), "{table}");
    assert!(
        table
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["unitName"] != murshidabad)
            .all(|c| c["alert"].is_null()),
        "{table}"
    );
}
