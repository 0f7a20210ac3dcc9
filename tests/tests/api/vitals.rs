//! Vitals as a nurse enters them: °F converted to °C, and each flag naming the
//! measurement that is unusual with its value and usual range.

use super::records::{add, added, Clinic};
use arogya_tests::{expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(fahrenheit_is_converted_and_flags_name_their_measurement);

async fn fahrenheit_is_converted_and_flags_name_their_measurement(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Tuhina", "9830055555").await;
    let enc = c.encounter(&app, &p).await;
    let q = "mutation($e: ID!, $x: ClinicalEntryInput!) { addClinicalEntry(encounterId: $e, entry: $x) { details { ... on VitalsView { temperatureC flags { field high value usualLow usualHigh unit message } } } } }";
    let body = app
        .gql(Some(&c.nurse), q, json!({ "e": enc["id"], "x": { "vitals": { "temperatureF": 102.2, "pulsePerMin": 120 } } }))
        .await;
    let v = arogya_tests::expect_data(&body)["addClinicalEntry"]["details"].clone();
    assert_eq!(v["temperatureC"], 39.0, "102.2 °F is kept as 39.0 °C");
    let flags = v["flags"].as_array().unwrap();
    let fields: Vec<&str> = flags.iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["pulsePerMin", "temperatureC"]);
    assert_eq!(flags[0]["high"], true);
    assert_eq!(flags[0]["value"], 120.0);
    assert_eq!(flags[0]["usualHigh"], 100.0);
    assert_eq!(flags[0]["unit"], "/min");
    assert!(flags[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Pulse high"));
    assert!(flags[1]["message"]
        .as_str()
        .unwrap()
        .starts_with("Temperature high"));

    let both = add(
        &app,
        &c.nurse,
        &enc,
        json!({ "vitals": { "temperatureF": 99.0, "temperatureC": 37.2 } }),
    )
    .await;
    assert_eq!(
        expect_error(&both, "VALIDATION")["extensions"]["field"],
        "temperatureF"
    );
    let impossible = add(
        &app,
        &c.nurse,
        &enc,
        json!({ "vitals": { "temperatureF": 37.0 } }),
    )
    .await;
    assert_eq!(
        expect_error(&impossible, "VALIDATION")["extensions"]["field"],
        "temperatureF",
        "37 typed into °F is refused, not stored as 2.8 °C"
    );
    // Two impossible readings are both reported, each with its field and reason.
    let two = add(
        &app,
        &c.nurse,
        &enc,
        json!({ "vitals": { "spo2Percent": 150, "pulsePerMin": 900 } }),
    )
    .await;
    let problems = expect_error(&two, "VALIDATION")["extensions"]["problems"].clone();
    let fields: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["pulsePerMin", "spo2Percent"]);
    assert!(problems
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["reason"] == "IMPOSSIBLE"));
    let empty = add(&app, &c.nurse, &enc, json!({ "vitals": {} })).await;
    assert_eq!(
        expect_error(&empty, "VALIDATION")["extensions"]["field"],
        "vitals"
    );
    added(
        &add(
            &app,
            &c.nurse,
            &enc,
            json!({ "vitals": { "temperatureF": 98.6 } }),
        )
        .await,
    );
}
