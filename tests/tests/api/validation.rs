//! Validation errors a form can show whole: every problem of a registration at once,
//! each with its field, a stable reason code and its numbers, and messages that name
//! no internal field path.

use super::patients::REGISTER;
use super::records::{add, Clinic};
use arogya_tests::{expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(every_problem_is_reported_at_once_with_its_reason);

async fn every_problem_is_reported_at_once_with_its_reason(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let body = app
        .gql(
            Some(&wb),
            REGISTER,
            json!({ "i": { "givenName": "R4hul", "familyName": "x".repeat(90), "sex": "MALE", "phone": "12345" }, "c": true }),
        )
        .await;
    let e = expect_error(&body, "VALIDATION");
    let problems = e["extensions"]["problems"]
        .as_array()
        .expect("a list of problems")
        .clone();
    let by_field = |f: &str| {
        problems
            .iter()
            .find(|p| p["field"] == f)
            .unwrap_or_else(|| panic!("{f} in {problems:?}"))
            .clone()
    };
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert_eq!(by_field("givenName")["reason"], "LETTERS_ONLY");
    assert_eq!(by_field("familyName")["reason"], "TOO_LONG");
    assert_eq!(by_field("familyName")["params"]["max"], "80");
    assert_eq!(by_field("dateOfBirth")["reason"], "BIRTH_NEEDED");
    assert_eq!(by_field("phone")["reason"], "MOBILE");
    assert_eq!(
        e["extensions"]["field"], "givenName",
        "the first problem's field, as before"
    );

    // One problem: the message is the rule in words, with no field path in it.
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Nila", "9830099998").await;
    let enc = c.encounter(&app, &p).await;
    let rx = add(&app, &c.doctor, &enc, json!({ "prescription": { "items": [{ "drugName": "Paracetamol", "dose": "1", "frequency": "TDS", "durationDays": 0 }] } })).await;
    let e = expect_error(&rx, "VALIDATION");
    assert_eq!(e["extensions"]["field"], "items.0.durationDays");
    assert_eq!(e["message"], "must be 1 to 365 days");
    assert_eq!(e["extensions"]["reason"], "RANGE");
    assert_eq!(
        e["extensions"]["params"],
        json!({ "low": "1", "high": "365" })
    );
}
