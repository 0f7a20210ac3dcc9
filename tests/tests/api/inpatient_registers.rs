//! The nurses' registers, black-box: the medication round from the stay's active
//! prescriptions (each due dose marked once; a correction keeps the first mark),
//! the intake–output chart and its balance, and handovers signed by two nurses.

use super::inpatient_support::*;
use super::records::{add, added};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::json;

const ROUND: &str = "query($w: ID!, $d: NaiveDate!) { medicationRound(wardId: $w, day: $d) { admission { id name } drugs { prescriptionId itemIndex drug frequency due { dueAt mark { status note } } asNeeded { status } } } }";
const MARK: &str = "mutation($i: DoseMarkInput!) { markDose(input: $i) { id status note dueAt } }";

on_both_backends!(the_medication_round_marks_each_due_dose_once);

async fn the_medication_round_marks_each_due_dose_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Tulsi", "9830020001", &h.beds[0]).await;
    // The doctor prescribes in the inpatient encounter: one fixed-time drug, one as needed.
    let enc = json!({ "id": a["encounterId"] });
    let rx = json!({ "prescription": { "items": [
        { "drugName": "Ceftriaxone", "strength": "1 g", "dose": "1 g", "route": "INTRAVENOUS", "frequency": "BD", "durationDays": 5 },
        { "drugName": "Ondansetron", "strength": "4 mg", "dose": "4 mg", "route": "INTRAVENOUS", "frequency": "SOS" }
    ] } });
    let p = added(&add(&app, &h.c.doctor, &enc, rx).await);
    let tomorrow = (Utc::now() + Duration::minutes(330)).date_naive() + Duration::days(1);
    let round = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            ROUND,
            json!({ "w": h.ward["id"], "d": tomorrow.to_string() }),
        )
        .await,
    )["medicationRound"]
        .clone();
    let bed = round
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["admission"]["id"] == a["id"])
        .unwrap()
        .clone();
    let ceftriaxone = bed["drugs"][0].clone();
    assert_eq!(ceftriaxone["drug"], "Ceftriaxone, 1 g, 1 g");
    let due = ceftriaxone["due"].as_array().unwrap().clone();
    // BD: 08:00 and 20:00 India time (02:30 and 14:30 UTC).
    assert_eq!(due.len(), 2, "{ceftriaxone}");
    assert!(
        due[0]["dueAt"].as_str().unwrap().contains("02:30:00"),
        "{due:?}"
    );
    assert!(
        bed["drugs"][1]["due"].as_array().unwrap().is_empty(),
        "SOS has no fixed times"
    );

    let mark = |due_at: &serde_json::Value, status: &str, note: Option<&str>, correct: bool| {
        json!({ "i": {
        "admissionId": a["id"], "prescriptionId": p["id"], "itemIndex": 0, "dueAt": due_at, "status": status, "note": note, "correct": correct } })
    };
    // Not given needs a reason; a time that is not due is refused.
    let e = app
        .gql(
            Some(&h.c.nurse),
            MARK,
            mark(&due[0]["dueAt"], "HELD", None, false),
        )
        .await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "note"
    );
    let e = app
        .gql(
            Some(&h.c.nurse),
            MARK,
            mark(&json!(Utc::now().to_rfc3339()), "GIVEN", None, false),
        )
        .await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "dueAt"
    );
    // Two nurses mark the same dose at once: one mark.
    let both = futures_util::future::join_all((0..2).map(|_| {
        app.gql(
            Some(&h.c.nurse),
            MARK,
            mark(&due[0]["dueAt"], "GIVEN", None, false),
        )
    }))
    .await;
    assert_eq!(
        both.iter().filter(|b| b["errors"].is_null()).count(),
        1,
        "{both:?}"
    );
    // A correction replaces the mark; the first stays in the record.
    let fixed = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            MARK,
            mark(&due[0]["dueAt"], "REFUSED", Some("patient vomiting"), true),
        )
        .await,
    )["markDose"]
        .clone();
    assert_eq!(fixed["status"], "REFUSED");
    let prn = json!({ "i": { "admissionId": a["id"], "prescriptionId": p["id"], "itemIndex": 1, "status": "GIVEN" } });
    expect_data(&app.gql(Some(&h.c.nurse), MARK, prn).await);
    let round = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            ROUND,
            json!({ "w": h.ward["id"], "d": tomorrow.to_string() }),
        )
        .await,
    )["medicationRound"]
        .clone();
    let bed = round
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["admission"]["id"] == a["id"])
        .unwrap()
        .clone();
    assert_eq!(
        bed["drugs"][0]["due"][0]["mark"],
        json!({ "status": "REFUSED", "note": "patient vomiting" })
    );
    assert!(bed["drugs"][0]["due"][1]["mark"].is_null());
    // The as-needed dose was given today, not tomorrow.
    assert!(bed["drugs"][1]["asNeeded"].as_array().unwrap().is_empty());
    // A doctor of another facility does not mark doses here.
    expect_error(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            MARK,
            mark(&due[1]["dueAt"], "GIVEN", None, false),
        )
        .await,
        "FORBIDDEN",
    );
}

on_both_backends!(intake_output_balances_and_handovers_need_two_nurses);

async fn intake_output_balances_and_handovers_need_two_nurses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Usha", "9830020002", &h.beds[0]).await;
    let add_line = "mutation($a: ID!, $k: FluidKind!, $v: Int!) { addIntakeOutput(admissionId: $a, kind: $k, volumeMl: $v) { id intake volumeMl } }";
    for (k, v) in [("ORAL", 500), ("INTRAVENOUS", 1000), ("URINE", 900)] {
        expect_data(
            &app.gql(
                Some(&h.c.nurse),
                add_line,
                json!({ "a": a["id"], "k": k, "v": v }),
            )
            .await,
        );
    }
    let wrong = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            add_line,
            json!({ "a": a["id"], "k": "DRAIN", "v": 5000 }),
        )
        .await,
    )["addIntakeOutput"]
        .clone();
    let e = app
        .gql(
            Some(&h.c.nurse),
            add_line,
            json!({ "a": a["id"], "k": "URINE", "v": 0 }),
        )
        .await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "volumeMl"
    );
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            "mutation($id: ID!) { intakeOutputEnteredInError(id: $id) }",
            json!({ "id": wrong["id"] }),
        )
        .await,
    );
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let chart = expect_data(&app.gql(Some(&h.c.nurse), "query($a: ID!, $d: NaiveDate!) { intakeOutputChart(admissionId: $a, day: $d) { intakeMl outputMl balanceMl lines { enteredInError } } }", json!({ "a": a["id"], "d": today.to_string() })).await)["intakeOutputChart"].clone();
    assert_eq!(
        (
            chart["intakeMl"].as_i64(),
            chart["outputMl"].as_i64(),
            chart["balanceMl"].as_i64()
        ),
        (Some(1500), Some(900), Some(600)),
        "{chart}"
    );
    assert_eq!(
        chart["lines"].as_array().unwrap().len(),
        4,
        "the struck-out line stays on the chart"
    );

    let write = "mutation($w: ID!, $d: NaiveDate!, $s: NursingShift!, $t: String!) { writeHandover(wardId: $w, day: $d, shift: $s, summary: $t, pendingTasks: \"Blood culture report\") { id incomingBy } }";
    let hv = json!({ "w": h.ward["id"], "d": today.to_string(), "s": "MORNING", "t": "Bed M-1 Usha: stable" });
    let note =
        expect_data(&app.gql(Some(&h.c.nurse), write, hv.clone()).await)["writeHandover"].clone();
    expect_error(&app.gql(Some(&h.c.nurse), write, hv).await, "CONFLICT");
    let receive = "mutation($id: ID!) { receiveHandover(id: $id) { incomingBy incomingAt } }";
    // The nurse who wrote it does not sign for the next shift.
    assert_eq!(
        expect_error(
            &app.gql(Some(&h.c.nurse), receive, json!({ "id": note["id"] }))
                .await,
            "VALIDATION"
        )["extensions"]["field"],
        "id"
    );
    let signed = expect_data(
        &app.gql(Some(&h.c.doctor), receive, json!({ "id": note["id"] }))
            .await,
    )["receiveHandover"]
        .clone();
    assert!(signed["incomingAt"].is_string());
    expect_error(
        &app.gql(Some(&h.c.doctor), receive, json!({ "id": note["id"] }))
            .await,
        "CONFLICT",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            "query($w: ID!, $d: NaiveDate!) { handovers(wardId: $w, from: $d, to: $d) { id } }",
            json!({ "w": h.ward["id"], "d": today.to_string() }),
        )
        .await,
        "NOT_FOUND",
    );
}

on_both_backends!(the_day_register_prints_every_line);

async fn the_day_register_prints_every_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Kamala", "9830020101", &h.beds[0]).await;
    h.admit(&app, "Lata", "9830020102", &h.beds[1]).await;
    let out = json!({ "i": { "admissionId": a["id"], "expectedVersion": a["version"], "outcome": "IMPROVED" } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, out).await);
    let path = format!("/ward-registers/{}.pdf", h.ward["id"].as_str().unwrap());
    let resp = app
        .http
        .get(app.url(&path))
        .bearer_auth(&h.c.nurse)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let bytes = resp.bytes().await.unwrap();
    let text = super::cards::pdf_text(&bytes);
    for expected in [
        "Female Medical",
        "Kamala Mondal",
        "Lata Mondal",
        "discharged: improved",
        "Opening 0 · admitted 2",
        "closing 1",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // Other facilities' staff and other tenants do not print it.
    let resp = app
        .http
        .get(app.url(&path))
        .bearer_auth(&h.c.lalbag_doctor)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    let br = app.br_admin().await;
    let resp = app
        .http
        .get(app.url(&path))
        .bearer_auth(&br)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 404);
}

on_both_backends!(the_duty_list_shows_what_is_overdue_by_the_tenants_rule);

async fn the_duty_list_shows_what_is_overdue_by_the_tenants_rule(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let duty = "query($w: ID!) { dutyList(wardId: $w) { overdueObservations { id } lateDeathEntries { id } dischargeSummariesPending { id } } }";
    let ids = |v: &serde_json::Value, k: &str| {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].clone())
            .collect::<Vec<_>>()
    };
    // Admitted four hours ago, nothing recorded: not overdue under the CPMS rule (once a day).
    let p = h.c.patient(&app, "Malati", "9830020201").await;
    let mut i = h.admission(&p, &h.beds[0]);
    i["i"]["admittedAt"] = json!((Utc::now() - Duration::hours(4)).to_rfc3339());
    let a = expect_data(&app.gql(Some(&h.c.nurse), ADMIT, i).await)["admitPatient"].clone();
    let list = expect_data(
        &app.gql(Some(&h.c.nurse), duty, json!({ "w": h.ward["id"] }))
            .await,
    )["dutyList"]
        .clone();
    assert!(ids(&list, "overdueObservations").is_empty(), "{list}");
    // The state asks for hourly entries: now it is overdue. Only the state sets rules.
    let set = "mutation { setInpatientSettings(criticalCarePerDay: 24, criticalPerDay: 24, othersPerDay: 24, deathEntryHours: 2) { othersPerDay version } }";
    expect_error(
        &app.gql(Some(&h.c.nurse), set, json!({})).await,
        "FORBIDDEN",
    );
    assert_eq!(
        expect_data(&app.gql(Some(&h.c.wb), set, json!({})).await)["setInpatientSettings"]
            ["version"],
        1
    );
    let bad = "mutation { setInpatientSettings(criticalCarePerDay: 0, criticalPerDay: 2, othersPerDay: 1, deathEntryHours: 2) { version } }";
    assert_eq!(
        expect_error(&app.gql(Some(&h.c.wb), bad, json!({})).await, "VALIDATION")["extensions"]
            ["field"],
        "criticalCarePerDay"
    );
    let list = expect_data(
        &app.gql(Some(&h.c.nurse), duty, json!({ "w": h.ward["id"] }))
            .await,
    )["dutyList"]
        .clone();
    assert_eq!(ids(&list, "overdueObservations"), vec![a["id"].clone()]);

    // A death entered three hours late is flagged; its discharge summary is pending until written.
    let died = json!({ "i": { "admissionId": a["id"], "expectedVersion": a["version"], "outcome": "DIED", "timeOfDeath": (Utc::now() - Duration::hours(3)).to_rfc3339() } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, died).await);
    let list = expect_data(
        &app.gql(Some(&h.c.nurse), duty, json!({ "w": h.ward["id"] }))
            .await,
    )["dutyList"]
        .clone();
    assert_eq!(ids(&list, "lateDeathEntries"), vec![a["id"].clone()]);
    assert_eq!(
        ids(&list, "dischargeSummariesPending"),
        vec![a["id"].clone()]
    );
    assert!(ids(&list, "overdueObservations").is_empty());
    let summary = json!({ "dischargeSummary": { "diagnosisCodes": ["A91"], "treatmentGiven": "IV fluids, ventilation", "conditionAtDischarge": "Died" } });
    added(
        &add(
            &app,
            &h.c.doctor,
            &json!({ "id": a["encounterId"] }),
            summary,
        )
        .await,
    );
    let list = expect_data(
        &app.gql(Some(&h.c.nurse), duty, json!({ "w": h.ward["id"] }))
            .await,
    )["dutyList"]
        .clone();
    assert!(ids(&list, "dischargeSummariesPending").is_empty(), "{list}");
}
