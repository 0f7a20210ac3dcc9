//! Corrections in the records move the cases they gave evidence to: a lab result
//! entered in error takes a confirmed case back to probable (the diagnosis still holds);
//! a diagnosis corrected to another disease discards its case, and the counts follow;
//! corrected back, it raises a case again.

use super::records::{add, added, Clinic};
use super::surveillance::{officer, this_week, TABLE};
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(corrections_move_their_cases);

const CASES: &str = "query($f: String!, $t: String!) { caseLineList(condition: \"DENGUE\", from: $f, to: $t) { id level classification } }";
const CORRECT: &str = "mutation($id: ID!, $v: Int!, $x: ClinicalEntryInput!, $r: String) { correctClinicalEntry(id: $id, expectedVersion: $v, entry: $x, reason: $r) { id version } }";
const MARK: &str = "mutation($id: ID!, $v: Int!, $r: String!) { markEnteredInError(id: $id, expectedVersion: $v, reason: $r) { status version } }";

async fn cases(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let wk = this_week();
    expect_data(
        &app.gql(Some(token), CASES, json!({ "f": wk, "t": wk }))
            .await,
    )["caseLineList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["level"].as_str().unwrap().to_owned(),
                c["classification"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn dengue_counted(app: &TestApp, token: &str) -> i64 {
    let wk = this_week();
    let t = expect_data(
        &app.gql(Some(token), TABLE, json!({ "f": wk, "t": wk }))
            .await,
    )["weeklyCaseTable"]
        .clone();
    t.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["condition"] == "DENGUE")
        .map(|r| r["cases"]["exact"].as_i64().unwrap_or(0))
        .sum()
}

async fn corrections_move_their_cases(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.corr", None).await;
    let p = c.patient(&app, "Tapas", "9830022222").await;
    let enc = c.encounter(&app, &p).await;
    let diagnosis = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let order = added(&add(&app, &c.doctor, &enc, json!({ "labOrder": { "tests": [{ "name": "Dengue NS1", "loinc": "75377-2" }], "priority": "URGENT", "specimen": "BLOOD" } })).await);
    let result = added(&add(&app, &c.lab, &enc, json!({ "labResult": { "orderId": order["id"], "measurements": [{ "test": "Dengue NS1", "loinc": "75377-2", "value": "Positive", "referenceText": "Negative" }] } })).await);
    assert_eq!(cases(&app, &cell).await, [("L".into(), "confirmed".into())]);

    // The positive result was another patient's: entered in error. The diagnosis still
    // names dengue: the case goes back to probable, still counted once.
    let r = app.gql(Some(&c.lab), MARK, json!({ "id": result["id"], "v": result["version"], "r": "result of another patient's sample" })).await;
    expect_data(&r);
    assert_eq!(cases(&app, &cell).await, [("P".into(), "probable".into())]);
    assert_eq!(dengue_counted(&app, &cell).await, 1);

    // The diagnosis corrected to a cold: nothing names dengue now; the case is
    // discarded and leaves the counts.
    let cold = json!({ "diagnosis": { "code": "J06.9", "certainty": "FINAL" } });
    let v = expect_data(&app.gql(Some(&c.doctor), CORRECT, json!({ "id": diagnosis["id"], "v": diagnosis["version"], "x": cold, "r": "NS1 was not his" })).await)["correctClinicalEntry"].clone();
    assert_eq!(cases(&app, &cell).await, [("P".into(), "discarded".into())]);
    assert_eq!(dengue_counted(&app, &cell).await, 0);

    // Corrected back to dengue: a case again (a new one; the discarded one stays).
    let back = json!({ "diagnosis": { "code": "A90", "certainty": "FINAL" } });
    expect_data(&app.gql(Some(&c.doctor), CORRECT, json!({ "id": diagnosis["id"], "v": v["version"], "x": back, "r": "clinically dengue after all" })).await);
    let mut now: Vec<(String, String)> = cases(&app, &cell).await;
    now.sort();
    assert_eq!(
        now,
        [
            ("P".to_owned(), "discarded".to_owned()),
            ("P".to_owned(), "probable".to_owned())
        ]
    );
    assert_eq!(dengue_counted(&app, &cell).await, 1);
    // One condition's curve reads that condition only; an unknown one is not found.
    let curve = "query($c: String!, $f: String!, $t: String!) { weeklyCaseTable(condition: $c, from: $f, to: $t) { condition cases { exact } } }";
    let wk = this_week();
    let d = expect_data(
        &app.gql(
            Some(&cell),
            curve,
            json!({ "c": "DENGUE", "f": wk, "t": wk }),
        )
        .await,
    )["weeklyCaseTable"]
        .clone();
    assert!(
        d.as_array()
            .unwrap()
            .iter()
            .all(|r| r["condition"] == "DENGUE")
            && !d.as_array().unwrap().is_empty(),
        "{d}"
    );
    let none = expect_data(
        &app.gql(
            Some(&cell),
            curve,
            json!({ "c": "CHOLERA", "f": wk, "t": wk }),
        )
        .await,
    )["weeklyCaseTable"]
        .clone();
    assert_eq!(none, json!([]));
    arogya_tests::expect_error(
        &app.gql(Some(&cell), curve, json!({ "c": "NOPE", "f": wk, "t": wk }))
            .await,
        "NOT_FOUND",
    );
    // Each move audited with its reason.
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let rows = app
        .rows_in_tenant_with(&tid, "SELECT detail FROM audit_events WHERE tenant_id = $1 AND action = 'surveillance.case' ORDER BY created_at", vec![tenant.into()])
        .await;
    let whys: Vec<String> = rows
        .iter()
        .filter_map(|r| r.try_get::<Value>("", "detail").ok())
        .filter_map(|d| d["why"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        whys,
        [
            "the entry it came from was entered in error",
            "the entry it came from was corrected"
        ]
    );
    super::surveillance_rollups::assert_rollups_add_up(&app, "WB").await;
}
