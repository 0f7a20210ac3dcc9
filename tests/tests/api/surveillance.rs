//! Disease surveillance: cases raised by notifiable diagnoses and confirmed by
//! positive tests (one case per episode), cases reported from the field, weekly counts
//! kept current in India's weeks, who sees names and small counts, and other tenants.

use super::idempotency::post;
use super::patients::staff_token;
use super::records::{add, added, Clinic};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};
use uuid::Uuid;

on_both_backends!(
    a_notifiable_diagnosis_raises_one_case_and_a_positive_test_confirms_it,
    field_reports_count_in_india_weeks_and_are_checked,
    names_and_small_counts_stay_with_surveillance_officers,
    state_administrators_edit_the_notifiable_conditions,
);

pub(super) const TABLE: &str = "query($u: ID, $f: String!, $t: String!) { weeklyCaseTable(unitId: $u, from: $f, to: $t) { unitName condition cases { shown exact } confirmed { shown exact } deaths { shown } byWeek { week cases { shown } } } }";
const LINES: &str = "query($c: String, $u: ID, $f: String!, $t: String!) { caseLineList(condition: $c, unitId: $u, from: $f, to: $t) { condition level classification name village epiWeek onsetDate patientId } }";
pub(super) const REPORT: &str = "mutation($i: FieldCaseInput!) { reportFieldCase(input: $i) { id condition level classification epiWeek name } }";

/// The ISO week of a date in India, as the API writes it.
fn week(d: chrono::NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}W{}", w.year(), w.week())
}

pub(super) fn this_week() -> String {
    week((Utc::now() + Duration::minutes(330)).date_naive())
}

async fn line_list(app: &TestApp, token: &str, wk: &str) -> Value {
    expect_data(
        &app.gql(Some(token), LINES, json!({ "f": wk, "t": wk }))
            .await,
    )["caseLineList"]
        .clone()
}

/// An account with one role narrowed to a unit, signed in.
pub(super) async fn scoped(
    app: &TestApp,
    admin: &str,
    username: &str,
    role: &str,
    unit: &Value,
) -> String {
    let grant = json!([{ "role": role, "unitId": unit }]);
    expect_data(
        &app.gql(Some(admin), CREATE_USER, new_user(username, grant))
            .await,
    );
    app.token(Some("WB"), username, "a long enough password")
        .await
}

pub(super) async fn officer(
    app: &TestApp,
    admin: &str,
    username: &str,
    unit: Option<&Value>,
) -> String {
    let grant = match unit {
        Some(u) => json!([{ "role": "SURVEILLANCE_OFFICER", "unitId": u }]),
        None => json!([{ "role": "SURVEILLANCE_OFFICER" }]),
    };
    expect_data(
        &app.gql(Some(admin), CREATE_USER, new_user(username, grant))
            .await,
    );
    app.token(Some("WB"), username, "a long enough password")
        .await
}

async fn a_notifiable_diagnosis_raises_one_case_and_a_positive_test_confirms_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.state", None).await;
    let p = c.patient(&app, "Moumita", "9830011111").await;
    let enc = c.encounter(&app, &p).await;
    // A cold is not notifiable; dengue is.
    added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "J06.9", "certainty": "FINAL" } }),
        )
        .await,
    );
    added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let wk = this_week();
    let l = line_list(&app, &cell, &wk).await;
    assert_eq!(l.as_array().unwrap().len(), 1, "{l}");
    assert_eq!(
        (
            l[0]["condition"].as_str(),
            l[0]["level"].as_str(),
            l[0]["classification"].as_str()
        ),
        (Some("DENGUE"), Some("P"), Some("probable"))
    );
    assert_eq!(l[0]["patientId"], p["id"]);

    // A second visit in the same episode, with a finer code: still one case.
    let again = c.encounter(&app, &p).await;
    added(
        &add(
            &app,
            &c.doctor,
            &again,
            json!({ "diagnosis": { "code": "A91", "certainty": "FINAL" } }),
        )
        .await,
    );
    assert_eq!(
        line_list(&app, &cell, &wk).await.as_array().unwrap().len(),
        1,
        "the same episode is the same case"
    );

    // A negative test changes nothing; a positive NS1 confirms the case.
    let order = added(&add(&app, &c.doctor, &again, json!({ "labOrder": { "tests": [{ "name": "Dengue NS1", "loinc": "75377-2" }], "priority": "URGENT", "specimen": "BLOOD" } })).await);
    let result = |value: &str| json!({ "labResult": { "orderId": order["id"], "measurements": [{ "test": "Dengue NS1", "loinc": "75377-2", "value": value, "referenceText": "Negative" }] } });
    added(&add(&app, &c.lab, &again, result("Negative")).await);
    assert_eq!(line_list(&app, &cell, &wk).await[0]["level"], "P");
    added(&add(&app, &c.lab, &again, result("Positive")).await);
    let l = line_list(&app, &cell, &wk).await;
    assert_eq!(
        (l[0]["level"].as_str(), l[0]["classification"].as_str()),
        (Some("L"), Some("confirmed"))
    );

    // The weekly counts followed every step: one case, confirmed, in Kolkata.
    let t = expect_data(
        &app.gql(Some(&cell), TABLE, json!({ "f": wk, "t": wk }))
            .await,
    )["weeklyCaseTable"]
        .clone();
    let rows: Vec<&Value> = t
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["condition"] == "DENGUE")
        .collect();
    assert_eq!(rows.len(), 1, "{t}");
    assert_eq!(rows[0]["unitName"], "Kolkata");
    assert_eq!(
        (
            rows[0]["cases"]["exact"].as_i64(),
            rows[0]["confirmed"]["exact"].as_i64()
        ),
        (Some(1), Some(1))
    );
    // Beneath the API: exactly one case row, and the kept counts equal a recount.
    let tid = app.tenant_id("WB").await;
    let tenant: Uuid = tid.parse().unwrap();
    let n = app.rows_in_tenant_with(&tid, "SELECT COUNT(*) AS n FROM surveillance_cases WHERE tenant_id = $1 AND patient_id IS NOT NULL", vec![tenant.into()]).await;
    assert_eq!(n[0].try_get::<i64>("", "n").unwrap(), 1);
    let kept = app.rows_in_tenant_with(&tid, "SELECT CAST(SUM(cases) AS BIGINT) AS n FROM surveillance_weekly_counts WHERE tenant_id = $1", vec![tenant.into()]).await;
    assert_eq!(kept[0].try_get::<i64>("", "n").unwrap(), 1);
}

async fn field_reports_count_in_india_weeks_and_are_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.cell", None).await;
    let worker = staff_token(&app, &c.wb, "asha.one", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    // The last Sunday and the Monday before it lie in different weeks.
    let sunday = today - Duration::days(today.weekday().num_days_from_sunday() as i64);
    let monday = sunday - Duration::days(6);
    let report = |onset: chrono::NaiveDate, name: &str| json!({ "i": { "condition": "dengue", "unitId": c.tree.block["id"], "village": "Jiaganj ward 4", "name": name, "ageYears": 27, "sex": "female", "symptoms": "fever, rash, pain behind the eyes", "onsetDate": onset.to_string() } });
    let a = expect_data(
        &app.gql(Some(&worker), REPORT, report(sunday, "Rekha Bibi"))
            .await,
    )["reportFieldCase"]
        .clone();
    assert_eq!(
        (
            a["level"].as_str(),
            a["classification"].as_str(),
            a["condition"].as_str()
        ),
        (Some("S"), Some("suspected"), Some("DENGUE"))
    );
    assert_eq!(a["epiWeek"], week(sunday));
    let b = expect_data(
        &app.gql(
            Some(&worker),
            REPORT,
            report(sunday + Duration::days(1), "Salma Khatun"),
        )
        .await,
    )["reportFieldCase"]
        .clone();
    assert_ne!(
        a["epiWeek"], b["epiWeek"],
        "Sunday and the next Monday are different weeks"
    );
    expect_data(
        &app.gql(Some(&worker), REPORT, report(monday, "Jahanara"))
            .await,
    );
    let t = expect_data(&app.gql(Some(&cell), TABLE, json!({ "u": c.tree.murshidabad["id"], "f": week(monday), "t": week(sunday + Duration::days(1)) })).await)["weeklyCaseTable"].clone();
    assert_eq!(t[0]["unitName"], "Lalbag");
    let by_week: Vec<(String, String)> = t[0]["byWeek"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["week"].as_str().unwrap().to_owned(),
                w["cases"]["shown"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        by_week,
        vec![
            (week(monday), "2".to_owned()),
            (week(sunday + Duration::days(1)), "1".to_owned())
        ]
    );

    // Checked at the edge: a future onset, an unknown disease, a bad week; and who may report.
    let e = expect_error(
        &app.gql(
            Some(&worker),
            REPORT,
            report(today + Duration::days(2), "X"),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "onset");
    let mut unknown = report(today, "Y");
    unknown["i"]["condition"] = json!("SMALLPOX");
    assert_eq!(
        expect_error(&app.gql(Some(&worker), REPORT, unknown).await, "VALIDATION")["extensions"]
            ["field"],
        "condition"
    );
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&cell),
                TABLE,
                json!({ "f": "2026-49", "t": "2026W49" })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "from"
    );
    expect_error(
        &app.gql(Some(&c.lab), REPORT, report(today, "Z")).await,
        "FORBIDDEN",
    );

    // A report made offline carries the phone's id: sent again with its key it is
    // answered the same; sent again as new it is refused.
    let id = Uuid::now_v7().to_string();
    let mut offline = report(today, "Nasima");
    offline["i"]["id"] = json!(id);
    let (_, _, first) = post(&app, &worker, Some("case-1"), REPORT, offline.clone()).await;
    assert_eq!(expect_data(&first)["reportFieldCase"]["id"], id.as_str());
    let (_, replayed, again) = post(&app, &worker, Some("case-1"), REPORT, offline.clone()).await;
    assert!(replayed);
    assert_eq!(again, first);
    expect_error(&app.gql(Some(&worker), REPORT, offline).await, "CONFLICT");
}

async fn names_and_small_counts_stay_with_surveillance_officers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let worker = staff_token(&app, &c.wb, "asha.two", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    for name in ["Rina", "Tara", "Mina"] {
        expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "MEASLES", "unitId": c.tree.block["id"], "village": "Lalbag ward 2", "name": name, "ageYears": 6, "sex": "female", "symptoms": "fever, rash, red eyes", "onsetDate": today.to_string() } })).await);
    }
    let wk = this_week();
    let murshidabad_officer = officer(
        &app,
        &c.wb,
        "dso.murshidabad",
        Some(&c.tree.murshidabad["id"]),
    )
    .await;
    let kolkata_officer = officer(&app, &c.wb, "dso.kolkata", Some(&c.tree.kolkata["id"])).await;
    let district_admin = scoped(
        &app,
        &c.wb,
        "da.murshidabad",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    let table = |token: String, unit: Value| {
        let q = json!({ "u": unit, "f": wk, "t": wk });
        let app = &app;
        async move { app.gql(Some(&token), TABLE, q).await }
    };
    // The district's own officer sees three, exactly, and the names.
    let own = expect_data(
        &table(
            murshidabad_officer.clone(),
            c.tree.murshidabad["id"].clone(),
        )
        .await,
    )["weeklyCaseTable"]
        .clone();
    assert_eq!(own[0]["cases"], json!({ "shown": "3", "exact": 3 }));
    let names = expect_data(
        &app.gql(
            Some(&murshidabad_officer),
            LINES,
            json!({ "c": "MEASLES", "f": wk, "t": wk }),
        )
        .await,
    )["caseLineList"]
        .clone();
    assert_eq!(names.as_array().unwrap().len(), 3);
    assert!(names.to_string().contains("Rina"));
    // The district administrator sees "<5" and no names.
    let admin = expect_data(&table(district_admin.clone(), c.tree.murshidabad["id"].clone()).await)
        ["weeklyCaseTable"]
        .clone();
    assert_eq!(admin[0]["cases"], json!({ "shown": "<5", "exact": null }));
    assert_eq!(admin[0]["byWeek"][0]["cases"]["shown"], "<5");
    expect_error(
        &app.gql(Some(&district_admin), LINES, json!({ "f": wk, "t": wk }))
            .await,
        "FORBIDDEN",
    );
    // Another district's officer finds Murshidabad's units not found, and no names of it.
    expect_error(
        &table(kolkata_officer.clone(), c.tree.murshidabad["id"].clone()).await,
        "NOT_FOUND",
    );
    let theirs = expect_data(
        &app.gql(Some(&kolkata_officer), LINES, json!({ "f": wk, "t": wk }))
            .await,
    )["caseLineList"]
        .clone();
    assert_eq!(theirs, json!([]));
    // Nobody else sees surveillance at all; another tenant finds nothing of West Bengal's.
    expect_error(
        &app.gql(Some(&worker), TABLE, json!({ "f": wk, "t": wk }))
            .await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    expect_error(
        &table(br.clone(), c.tree.murshidabad["id"].clone()).await,
        "NOT_FOUND",
    );
    let br_all = expect_data(&app.gql(Some(&br), TABLE, json!({ "f": wk, "t": wk })).await)
        ["weeklyCaseTable"]
        .clone();
    assert_eq!(br_all, json!([]));
}

async fn state_administrators_edit_the_notifiable_conditions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let list = expect_data(
        &app.gql(
            Some(&wb),
            "{ notifiableConditions { id code icd10 loinc episodeDays version } }",
            json!({}),
        )
        .await,
    )["notifiableConditions"]
        .clone();
    assert_eq!(list.as_array().unwrap().len(), 15, "IDSP's list");
    let dengue = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "DENGUE")
        .unwrap()
        .clone();
    assert_eq!(dengue["loinc"], json!(["75377-2", "29663-2"]));
    let update = "mutation($id: ID!, $v: Int!, $i: NotifiableConditionInput!) { updateNotifiableCondition(id: $id, expectedVersion: $v, input: $i) { episodeDays version icd10 } }";
    let input = |code: &str, days: i32, loinc: &str| json!({ "code": code, "name": "Dengue", "icd10": ["A90", "A91", "A97"], "loinc": [loinc], "syndromic": "Fever of 2 to 7 days", "presumptive": "Diagnosed by a clinician", "confirmed": "NS1 or IgM positive", "episodeDays": days, "active": true });
    let saved = expect_data(
        &app.gql(
            Some(&wb),
            update,
            json!({ "id": dengue["id"], "v": 1, "i": input("DENGUE", 28, "75377-2") }),
        )
        .await,
    )["updateNotifiableCondition"]
        .clone();
    assert_eq!(
        (saved["episodeDays"].as_i64(), saved["version"].as_i64()),
        (Some(28), Some(2))
    );
    // A stale version, a changed code, a mistyped LOINC, and someone without the right.
    expect_error(
        &app.gql(
            Some(&wb),
            update,
            json!({ "id": dengue["id"], "v": 1, "i": input("DENGUE", 21, "75377-2") }),
        )
        .await,
        "CONFLICT",
    );
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&wb),
                update,
                json!({ "id": dengue["id"], "v": 2, "i": input("DENGUE2", 21, "75377-2") })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "code"
    );
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&wb),
                update,
                json!({ "id": dengue["id"], "v": 2, "i": input("DENGUE", 21, "75377-5") })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "loinc[0]"
    );
    let surveyor = staff_token(&app, &wb, "asha.three", "SURVEYOR").await;
    expect_error(
        &app.gql(
            Some(&surveyor),
            update,
            json!({ "id": dengue["id"], "v": 2, "i": input("DENGUE", 21, "75377-2") }),
        )
        .await,
        "FORBIDDEN",
    );
    // Bihar's list is its own: West Bengal's condition is not found there.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            update,
            json!({ "id": dengue["id"], "v": 2, "i": input("DENGUE", 21, "75377-2") }),
        )
        .await,
        "NOT_FOUND",
    );
}
