//! Inpatient care as FHIR R4, black-box: the admission's Encounter carries its beds
//! (Locations with their operational status) and discharge disposition; condition
//! entries are Observations; a day's capacity is a SANER-shaped MeasureReport; all
//! valid under the validators the other FHIR tests use.

use super::fhir::{get, resources, validate};
use super::inpatient_support::*;
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(a_stay_is_an_encounter_with_beds_and_observations);

async fn a_stay_is_an_encounter_with_beds_and_observations(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (p, a) = h.admit(&app, "Parbati", "9830019001", &h.beds[0]).await;
    let moved = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            TRANSFER,
            json!({ "a": a["id"], "v": a["version"], "b": h.icu_beds[1]["id"] }),
        )
        .await,
    )["transferPatient"]
        .clone();
    let cond = json!({ "i": { "admissionId": a["id"], "category": "CRITICAL", "lifeSupport": "INVASIVE_VENTILATION", "consciousness": "PAIN",
        "observations": { "respiratoryRate": 26, "spo2": 90, "systolicBp": 88, "diastolicBp": 50, "pulse": 132, "temperatureC": 39.4 } } });
    let c =
        expect_data(&app.gql(Some(&h.c.nurse), CONDITION, cond).await)["recordCondition"].clone();
    let _ = moved;

    let (status, _, bundle) = get(
        &app,
        &format!("/fhir/R4/Patient/{}/$everything", p["id"].as_str().unwrap()),
        Some(&h.c.doctor),
    )
    .await;
    assert_eq!(status, 200, "{bundle}");
    let enc = resources(&bundle, "Encounter")
        .into_iter()
        .find(|e| e["id"] == a["encounterId"])
        .expect("the inpatient encounter")
        .clone();
    assert_eq!(enc["class"]["code"], "IMP", "{enc}");
    let beds: Vec<&Value> = enc["location"]
        .as_array()
        .expect("the beds of the stay")
        .iter()
        .collect();
    assert_eq!(beds.len(), 2, "{enc}");
    assert_eq!(
        (beds[0]["status"].as_str(), beds[1]["status"].as_str()),
        (Some("completed"), Some("active"))
    );
    assert_eq!(
        beds[1]["location"]["reference"],
        format!("Location/{}", h.icu_beds[1]["id"].as_str().unwrap())
    );
    let locations = resources(&bundle, "Location");
    let icu = locations
        .iter()
        .find(|l| l["id"] == h.icu_beds[1]["id"])
        .expect("the ICU bed as a Location");
    assert_eq!(icu["operationalStatus"]["code"], "O");
    assert_eq!(icu["physicalType"]["coding"][0]["code"], "bd");
    let first = locations
        .iter()
        .find(|l| l["id"] == h.beds[0]["id"])
        .expect("the first bed");
    assert_eq!(
        first["operationalStatus"]["code"], "H",
        "left for cleaning: {first}"
    );
    assert!(locations
        .iter()
        .any(|l| l["id"] == h.icu["id"] && l["physicalType"]["coding"][0]["code"] == "wa"));
    let obs = resources(&bundle, "Observation")
        .into_iter()
        .find(|o| o["id"] == c["id"])
        .expect("the condition as an Observation")
        .clone();
    assert_eq!(obs["valueCodeableConcept"]["coding"][0]["code"], "critical");
    // The observations are also the patient's vital signs, in the inpatient encounter.
    let in_stay = |code: &str| {
        resources(&bundle, "Observation")
            .into_iter()
            .find(|o| {
                o["code"]["coding"][0]["code"] == code
                    && o["encounter"]["reference"]
                        == format!("Encounter/{}", a["encounterId"].as_str().unwrap())
            })
            .unwrap_or_else(|| panic!("vital sign {code} in the stay: {bundle}"))
            .clone()
    };
    assert_eq!(in_stay("8867-4")["valueQuantity"]["value"], 132.0);
    let bp = in_stay("85354-9");
    let parts: Vec<f64> = bp["component"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["valueQuantity"]["value"].as_f64().unwrap())
        .collect();
    assert_eq!(parts, [88.0, 50.0], "{bp}");
    assert!(
        obs["component"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["valueInteger"] == 19),
        "{obs}"
    );

    // After a death the encounter says where the patient went.
    let died = json!({ "i": { "admissionId": a["id"], "expectedVersion": 3, "outcome": "DIED", "timeOfDeath": Utc::now().to_rfc3339() } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, died).await);
    let (_, _, after) = get(
        &app,
        &format!("/fhir/R4/Patient/{}/$everything", p["id"].as_str().unwrap()),
        Some(&h.c.doctor),
    )
    .await;
    let enc = resources(&after, "Encounter")
        .into_iter()
        .find(|e| e["id"] == a["encounterId"])
        .unwrap()
        .clone();
    assert_eq!(enc["status"], "finished");
    assert_eq!(
        enc["hospitalization"]["dischargeDisposition"]["coding"][0]["code"],
        "exp"
    );

    // Today's capacity, counted now, as a SANER-shaped MeasureReport.
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    expect_data(
        &app.gql(
            Some(&h.c.wb),
            "mutation($d: NaiveDate!) { recountCensus(day: $d) }",
            json!({ "d": today.to_string() }),
        )
        .await,
    );
    let (status, _, report) = get(
        &app,
        &format!(
            "/fhir/R4/MeasureReport?facility={}&date={today}",
            h.c.kolkata["id"].as_str().unwrap()
        ),
        Some(&h.c.wb),
    )
    .await;
    assert_eq!(status, 200, "{report}");
    let m = resources(&report, "MeasureReport")[0].clone();
    let score = |code: &str| {
        m["group"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["code"]["coding"][0]["code"] == code)
            .unwrap()["measureScore"]["value"]
            .as_i64()
    };
    assert_eq!(
        (score("numTotBeds"), score("numVent"), score("numVentUse")),
        (Some(6), Some(2), Some(0)),
        "{m}"
    );
    // Other staff of other facilities do not read it.
    let (status, _, _) = get(
        &app,
        &format!(
            "/fhir/R4/MeasureReport?facility={}&date={today}",
            h.c.kolkata["id"].as_str().unwrap()
        ),
        Some(&h.c.lalbag_doctor),
    )
    .await;
    assert_eq!(status, 403);
    validate(&[&after, &report]);
}
