//! A patient's day chart as a PDF, black-box on both backends: the observation chart
//! with NEWS2, the medication administration record naming who marked each dose and
//! the intake–output chart with its balance, every line printed; only those who see
//! the facility print it.

use super::inpatient_support::*;
use super::records::{add, added};
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::json;

on_both_backends!(the_patient_chart_prints_observations_doses_and_fluids);

async fn the_patient_chart_prints_observations_doses_and_fluids(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Jharna", "9830024001", &h.beds[0]).await;
    let cond = json!({ "i": { "admissionId": a["id"], "category": "CRITICAL", "lifeSupport": "INVASIVE_VENTILATION", "consciousness": "PAIN", "remark": "sedated",
        "observations": { "respiratoryRate": 26, "spo2": 90, "systolicBp": 88, "diastolicBp": 50, "pulse": 132, "temperatureC": 39.4 } } });
    expect_data(&app.gql(Some(&h.c.nurse), CONDITION, cond).await);
    let enc = json!({ "id": a["encounterId"] });
    let rx = json!({ "prescription": { "items": [
        { "drugName": "Ondansetron", "strength": "4 mg", "dose": "4 mg", "route": "INTRAVENOUS", "frequency": "SOS" }
    ] } });
    let p = added(&add(&app, &h.c.doctor, &enc, rx).await);
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    // An as-needed dose given now (fixed times may all be past late in the day).
    let mark = json!({ "i": { "admissionId": a["id"], "prescriptionId": p["id"], "itemIndex": 0, "dueAt": null, "status": "GIVEN", "note": "nausea", "correct": false } });
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            "mutation($i: DoseMarkInput!) { markDose(input: $i) { id } }",
            mark,
        )
        .await,
    );
    let line = "mutation($a: ID!, $k: FluidKind!, $v: Int!) { addIntakeOutput(admissionId: $a, kind: $k, volumeMl: $v) { id } }";
    for (k, v) in [("ORAL", 700), ("URINE", 450)] {
        expect_data(
            &app.gql(
                Some(&h.c.nurse),
                line,
                json!({ "a": a["id"], "k": k, "v": v }),
            )
            .await,
        );
    }

    let path = format!(
        "/patient-charts/{}.pdf?day={today}",
        a["id"].as_str().unwrap()
    );
    let get = |token: String| {
        let req = app.http.get(app.url(&path)).bearer_auth(token);
        async move { req.send().await.unwrap() }
    };
    let resp = get(h.c.nurse.clone()).await;
    assert_eq!(resp.status().as_u16(), 200);
    let text = super::cards::pdf_text(&resp.bytes().await.unwrap());
    for expected in [
        "Female Medical",
        "bed M-1",
        "Jharna Mondal",
        "Observation chart (1)",
        "RR 26",
        "BP 88/50",
        "NEWS2 19 (high)",
        "sedated",
        "Medication administration record (1 drugs)",
        "Ondansetron",
        "given",
        "nausea",
        "nurse.das",
        "Intake–output (2)",
        "net +250 ml",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // Staff of other facilities and other tenants do not print it.
    assert_eq!(get(h.c.lalbag_doctor.clone()).await.status().as_u16(), 403);
    assert_eq!(get(app.br_admin().await).await.status().as_u16(), 404);
}
