//! Outbreak investigations: a true signal opens one (once); the place's surveillance
//! officer records the team, actions, samples and results and links cases, against the
//! verification and response clocks, and moves it to closed with a final report. The
//! place's officers and the state cell are e-mailed, screens hear it live, and nobody
//! outside the place works on it.

use super::oxygen_alerts::emails_to;
use super::patients::staff_token;
use super::records::Clinic;
use super::subscriptions::{next_json, subscribed};
use super::surveillance::{officer, scoped, REPORT};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(a_true_signal_is_investigated_to_a_final_report);

const ALERTS: &str = "{ surveillanceAlerts { id condition version } }";
const VERIFY: &str = "mutation($id: ID!, $v: Int!, $n: String!) { verifySurveillanceAlert(id: $id, expectedVersion: $v, trueSignal: true, note: $n) { id status investigationId } }";
const FIELDS: &str = "id status condition unitName version respondedAt verificationClock { minutes targetMinutes running withinTarget } responseClock { running withinTarget } team { name role } actions { on what } samples { id specimen lab sentOn result resultOn } cases { id name } log { kind detail } finalReport closedAt";

fn entry_query() -> String {
    format!("mutation($id: ID!, $i: InvestigationEntryInput!) {{ recordInvestigationEntry(id: $id, input: $i) {{ {FIELDS} }} }}")
}

fn status_query() -> String {
    format!("mutation($id: ID!, $v: Int!, $s: InvestigationStatus!, $n: String!, $r: String) {{ changeInvestigationStatus(id: $id, expectedVersion: $v, status: $s, note: $n, finalReport: $r) {{ {FIELDS} }} }}")
}

async fn a_true_signal_is_investigated_to_a_final_report(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let dso = officer(&app, &c.wb, "dso.msd", Some(&c.tree.murshidabad["id"])).await;
    let _cell = officer(&app, &c.wb, "idsp.cell", None).await;
    let kolkata = officer(&app, &c.wb, "dso.kol", Some(&c.tree.kolkata["id"])).await;
    let mut ws = subscribed(
        &app,
        &dso,
        "subscription { surveillanceChanged { kind id action } }",
    )
    .await;

    // One case of cholera in a block is an alert, e-mailed to the district's officer and
    // the state cell, not to Kolkata's.
    let worker = staff_token(&app, &c.wb, "asha.inv", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let case = expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "CHOLERA", "unitId": c.tree.block["id"], "village": "Char Lalbag", "name": "Kalu Sk", "ageYears": 34, "sex": "male", "symptoms": "rice-water stools", "onsetDate": today.to_string() } })).await)["reportFieldCase"].clone();
    let alert =
        expect_data(&app.gql(Some(&dso), ALERTS, json!({})).await)["surveillanceAlerts"][0].clone();
    assert_eq!(alert["condition"], "CHOLERA");
    let mut live = vec![];
    while let Some(m) = next_json(&mut ws).await {
        let ch = m["payload"]["data"]["surveillanceChanged"].clone();
        live.push((
            ch["kind"].as_str().unwrap_or("").to_owned(),
            ch["action"].as_str().unwrap_or("").to_owned(),
        ));
        if ch["id"] == alert["id"] {
            break;
        }
    }
    assert!(
        live.contains(&("alert".into(), "raised".into())),
        "{live:?}"
    );
    let block = c.tree.block["name"].as_str().unwrap();
    for to in ["dso.msd@wb.example", "idsp.cell@wb.example"] {
        let subjects = emails_to(&app, to).await;
        assert!(
            subjects.contains(&format!("Surveillance alert: CHOLERA in {block}")),
            "{to}: {subjects:?}"
        );
    }
    assert!(emails_to(&app, "dso.kol@wb.example").await.is_empty());

    // Verified as a true signal: an investigation opens (once, whatever the repeats).
    let v =
        json!({ "id": alert["id"], "v": alert["version"], "n": "ANM confirmed rice-water stools" });
    let verified = expect_data(&app.gql(Some(&dso), VERIFY, v.clone()).await)
        ["verifySurveillanceAlert"]
        .clone();
    let inv_id = verified["investigationId"].clone();
    assert!(inv_id.is_string(), "{verified}");
    expect_error(&app.gql(Some(&dso), VERIFY, v).await, "CONFLICT");
    let one = format!("query($id: ID!) {{ outbreakInvestigation(id: $id) {{ {FIELDS} }} }}");
    let inv = expect_data(&app.gql(Some(&dso), &one, json!({ "id": inv_id })).await)
        ["outbreakInvestigation"]
        .clone();
    assert_eq!(inv["status"], "OPEN");
    assert_eq!(
        inv["verificationClock"]["running"], false,
        "verification stopped the first clock"
    );
    assert_eq!(inv["verificationClock"]["withinTarget"], true);
    assert_eq!(inv["verificationClock"]["targetMinutes"], 1440);
    assert_eq!(
        inv["responseClock"]["running"], true,
        "the response clock runs until the first action"
    );
    let subjects = emails_to(&app, "idsp.cell@wb.example").await;
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("Outbreak investigation opened: CHOLERA")),
        "{subjects:?}"
    );
    let list = expect_data(
        &app.gql(
            Some(&dso),
            "{ outbreakInvestigations { id status } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(list["outbreakInvestigations"].as_array().unwrap().len(), 1);

    // The team, the first action (the response clock stops), a sample and its result.
    let entry = entry_query();
    let add = |i: Value| app.gql(Some(&dso), &entry, json!({ "id": inv_id, "i": i }));
    expect_data(
        &add(json!({ "kind": "TEAM_MEMBER", "text": "Dr. Rahim Sk", "detail": "Epidemiologist" }))
            .await,
    );
    let after = expect_data(&add(json!({ "kind": "ACTION", "on": today, "text": "House-to-house search in Char Lalbag; ORS depot opened" })).await)["recordInvestigationEntry"].clone();
    assert_eq!(after["responseClock"]["running"], false);
    assert!(after["respondedAt"].is_string());
    let with_sample = expect_data(&add(json!({ "kind": "SAMPLE", "on": today, "text": "Stool, 3 rectal swabs", "detail": "NICED Kolkata" })).await)["recordInvestigationEntry"].clone();
    let sample = with_sample["samples"][0]["id"].clone();
    assert!(with_sample["samples"][0]["result"].is_null(), "awaited");
    let with_result = expect_data(&add(json!({ "kind": "SAMPLE_RESULT", "sampleId": sample, "on": today, "result": "POSITIVE", "text": "V. cholerae O1" })).await)["recordInvestigationEntry"].clone();
    assert_eq!(with_result["samples"][0]["result"], "positive");
    // The case, linked once however often it is sent.
    for _ in 0..2 {
        expect_data(&add(json!({ "kind": "CASE_LINK", "caseId": case["id"] })).await);
    }
    let linked = expect_data(&app.gql(Some(&dso), &one, json!({ "id": inv_id })).await)
        ["outbreakInvestigation"]
        .clone();
    assert_eq!(
        linked["cases"],
        json!([{ "id": case["id"], "name": "Kalu Sk" }])
    );
    assert_eq!(
        linked["team"],
        json!([{ "name": "Dr. Rahim Sk", "role": "Epidemiologist" }])
    );

    // Bad entries are refused with the field named.
    let tomorrow = today + chrono::Days::new(1);
    let r = add(json!({ "kind": "ACTION", "on": tomorrow, "text": "fogging" })).await;
    assert_eq!(expect_error(&r, "VALIDATION")["extensions"]["field"], "on");
    let r = add(json!({ "kind": "SAMPLE", "on": today, "text": "Stool" })).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "detail"
    );
    let dengue = expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "DENGUE", "unitId": c.tree.block["id"], "village": "Char Lalbag", "name": "Other", "ageYears": 20, "sex": "female", "symptoms": "fever", "onsetDate": today.to_string() } })).await)["reportFieldCase"].clone();
    let r = add(json!({ "kind": "CASE_LINK", "caseId": dengue["id"] })).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "caseId"
    );
    let r = add(
        json!({ "kind": "SAMPLE_RESULT", "sampleId": inv_id, "on": today, "result": "NEGATIVE" }),
    )
    .await;
    expect_error(&r, "NOT_FOUND");

    // Status: forward only as allowed, at the version read; closing needs the report.
    let change = status_query();
    let status = |v: &Value, s: &str, r: Option<&str>| {
        app.gql(
            Some(&dso),
            &change,
            json!({ "id": inv_id, "v": v, "s": s, "n": "", "r": r }),
        )
    };
    let cur = expect_data(&app.gql(Some(&dso), &one, json!({ "id": inv_id })).await)
        ["outbreakInvestigation"]["version"]
        .clone();
    let r = status(&cur, "CONTAINED", None).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "status"
    );
    let moved = expect_data(&status(&cur, "INVESTIGATING", None).await)
        ["changeInvestigationStatus"]
        .clone();
    assert_eq!(moved["status"], "INVESTIGATING");
    expect_error(&status(&json!(1), "CONTAINED", None).await, "CONFLICT");
    let r = status(&moved["version"], "CLOSED", Some("done")).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "finalReport"
    );
    let report = "One culture-confirmed case of cholera in Char Lalbag; source a contaminated tube well, chlorinated; no further cases in 14 days.";
    let closed = expect_data(&status(&moved["version"], "CLOSED", Some(report)).await)
        ["changeInvestigationStatus"]
        .clone();
    assert_eq!(
        (closed["status"].as_str(), closed["finalReport"].as_str()),
        (Some("CLOSED"), Some(report))
    );
    assert!(closed["closedAt"].is_string());
    let kinds: Vec<&str> = closed["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "team_member",
            "action",
            "sample",
            "sample_result",
            "case_link",
            "status",
            "status"
        ]
    );
    let r = add(json!({ "kind": "ACTION", "on": today, "text": "one more" })).await;
    expect_error(&r, "CONFLICT");
    let subjects = emails_to(&app, "dso.msd@wb.example").await;
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("Outbreak investigation closed: CHOLERA")),
        "{subjects:?}"
    );
    let list = expect_data(
        &app.gql(Some(&dso), "{ outbreakInvestigations { id } }", json!({}))
            .await,
    );
    assert_eq!(
        list["outbreakInvestigations"],
        json!([]),
        "closed ones leave the open list"
    );

    // Others: a district administrator reads but does not work it; Kolkata's officer and
    // another tenant do not find it.
    let da = scoped(
        &app,
        &c.wb,
        "da.inv",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    expect_data(&app.gql(Some(&da), &one, json!({ "id": inv_id })).await);
    let r = app
        .gql(
            Some(&da),
            &status_query(),
            json!({ "id": inv_id, "v": closed["version"], "s": "INVESTIGATING", "n": "" }),
        )
        .await;
    expect_error(&r, "FORBIDDEN");
    expect_error(
        &app.gql(Some(&kolkata), &one, json!({ "id": inv_id })).await,
        "NOT_FOUND",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), &one, json!({ "id": inv_id })).await,
        "NOT_FOUND",
    );

    // Every entry and status change audited.
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let rows = app
        .rows_in_tenant_with(&tid, "SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = $1 AND action = 'surveillance.investigation'", vec![tenant.into()])
        .await;
    assert_eq!(rows[0].try_get::<i64>("", "n").unwrap(), 7);
}
