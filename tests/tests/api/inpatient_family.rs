//! The family status page, black-box: a code goes only to the attendants the ward
//! registered; the answer to a request is the same whether or not a patient
//! matched; the status discloses exactly its few fields, once per code; wrong
//! guesses are limited; every view is in the patient's access log.

use super::inpatient_support::*;
use super::onboarding_support::outbox;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const REQUEST: &str = "mutation($t: String!, $l: FamilyLookupInput!) { requestFamilyCode(tenantCode: $t, lookup: $l) { requestId expiresAt } }";
const STATUS: &str = "mutation($t: String!, $r: ID!, $c: String!) { familyStatus(tenantCode: $t, requestId: $r, code: $c) { hospital ward wardPhone category lifeSupport updatedAt discharged outcome } }";
const ATTENDANT_PHONE: &str = "+919830055501";

fn code_in(sms: &str) -> String {
    let at = sms.find("Arogya: ").expect("a code") + 8;
    sms[at..at + 6].to_owned()
}

async fn request(app: &TestApp, lookup: Value) -> Value {
    expect_data(
        &app.gql(None, REQUEST, json!({ "t": "WB", "l": lookup }))
            .await,
    )["requestFamilyCode"]["requestId"]
        .clone()
}

on_both_backends!(a_family_sees_the_condition_after_a_code_sent_to_the_attendant);

async fn a_family_sees_the_condition_after_a_code_sent_to_the_attendant(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (p, a) = h.admit(&app, "Anjali", "9830015001", &h.icu_beds[0]).await;
    let cond = json!({ "i": { "admissionId": a["id"], "category": "CRITICAL", "lifeSupport": "INVASIVE_VENTILATION", "consciousness": "PAIN", "remark": "secret clinical remark" } });
    expect_data(&app.gql(Some(&h.c.nurse), CONDITION, cond).await);

    // An unknown health ID gets the same answer, and sends nothing.
    let before = outbox(&app, "WB", ATTENDANT_PHONE).await.len();
    let nobody = request(&app, json!({ "healthId": "WB-0000-0000-0000" })).await;
    assert!(nobody.is_string());
    assert_eq!(outbox(&app, "WB", ATTENDANT_PHONE).await.len(), before);
    // The patient's own phone number gets nothing: only the attendant does.
    let r = request(&app, json!({ "healthId": p["healthId"] })).await;
    assert!(outbox(&app, "WB", "+919830015001").await.is_empty());
    let sms = outbox(&app, "WB", ATTENDANT_PHONE).await;
    assert_eq!(sms.len(), before + 1);
    let code = code_in(&sms[0]);

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let e = app
        .gql(None, STATUS, json!({ "t": "WB", "r": r, "c": wrong }))
        .await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "code"
    );
    let status = expect_data(
        &app.gql(None, STATUS, json!({ "t": "WB", "r": r, "c": code }))
            .await,
    )["familyStatus"]
        .clone();
    // The type has exactly these fields, and the answer no diagnosis, remark or name.
    let shape = expect_data(
        &app.gql(
            None,
            "{ __type(name: \"FamilyStatus\") { fields { name } } }",
            json!({}),
        )
        .await,
    );
    let mut fields: Vec<String> = shape["__type"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "category",
            "discharged",
            "hospital",
            "lifeSupport",
            "outcome",
            "updatedAt",
            "ward",
            "wardPhone"
        ]
    );
    assert_eq!(
        (
            status["hospital"].as_str(),
            status["ward"].as_str(),
            status["category"].as_str(),
            status["lifeSupport"].as_str()
        ),
        (
            Some("Kolkata DH"),
            Some("ICU"),
            Some("CRITICAL"),
            Some("INVASIVE_VENTILATION")
        )
    );
    let text = status.to_string();
    assert!(
        !text.contains("secret") && !text.contains("Pneumonia") && !text.contains("Anjali"),
        "{text}"
    );
    // A code works once.
    expect_error(
        &app.gql(None, STATUS, json!({ "t": "WB", "r": r, "c": code }))
            .await,
        "VALIDATION",
    );
    // The view is in the patient's access log.
    let log = "query($h: String!) { patientByHealthId(healthId: $h) { recordAccessLog { edges { node { viewed purpose } } } } }";
    let entries = expect_data(
        &app.gql(Some(&h.c.wb), log, json!({ "h": p["healthId"] }))
            .await,
    )["patientByHealthId"]["recordAccessLog"]["edges"]
        .clone();
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["node"]["viewed"] == "family_status"),
        "{entries}"
    );

    // By name and hospital too; after discharge the family sees the outcome only.
    let discharge =
        json!({ "i": { "admissionId": a["id"], "expectedVersion": 2, "outcome": "IMPROVED" } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, discharge).await);
    let r2 = request(&app, json!({ "healthId": p["healthId"] })).await;
    let code2 = code_in(&outbox(&app, "WB", ATTENDANT_PHONE).await[0]);
    let after = expect_data(
        &app.gql(None, STATUS, json!({ "t": "WB", "r": r2, "c": code2 }))
            .await,
    )["familyStatus"]
        .clone();
    assert_eq!(
        (
            after["discharged"].as_bool(),
            after["outcome"].as_str(),
            after["category"].is_null()
        ),
        (Some(true), Some("IMPROVED"), true)
    );
}

on_both_backends!(guesses_and_requests_are_limited_and_removed_attendants_get_nothing);

async fn guesses_and_requests_are_limited_and_removed_attendants_get_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (p, a) = h.admit(&app, "Bela", "9830016001", &h.beds[0]).await;
    // By name at the hospital, as a family member would type it.
    let by_name = json!({ "nameAtHospital": { "name": "  bela   MONDAL ", "facilityId": h.c.kolkata["id"] } });
    let r = request(&app, by_name).await;
    let code = code_in(&outbox(&app, "WB", ATTENDANT_PHONE).await[0]);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    // Five wrong guesses spend the request: the right code no longer works.
    for _ in 0..5 {
        let e = app
            .gql(None, STATUS, json!({ "t": "WB", "r": r, "c": wrong }))
            .await;
        assert!(e["errors"].is_array(), "{e}");
    }
    let e = app
        .gql(None, STATUS, json!({ "t": "WB", "r": r, "c": code }))
        .await;
    assert!(
        e["data"].is_null() || e["data"]["familyStatus"].is_null(),
        "{e}"
    );

    // The ward removes the attendant: no further code goes anywhere.
    let q = "query($id: ID!) { admission(id: $id) { attendants { id phone verified removed } } }";
    let people = expect_data(&app.gql(Some(&h.c.nurse), q, json!({ "id": a["id"] })).await)
        ["admission"]["attendants"]
        .clone();
    let remove = "mutation($a: ID!) { removeAttendant(attendantId: $a) }";
    expect_data(
        &app.gql(Some(&h.c.nurse), remove, json!({ "a": people[0]["id"] }))
            .await,
    );
    let before = outbox(&app, "WB", ATTENDANT_PHONE).await.len();
    request(&app, json!({ "healthId": p["healthId"] })).await;
    assert_eq!(outbox(&app, "WB", ATTENDANT_PHONE).await.len(), before);

    // A new attendant proves their number on the spot.
    let add = "mutation($a: ID!, $i: AttendantInput!) { addAttendant(admissionId: $a, input: $i) { id verified } }";
    let son = expect_data(&app.gql(Some(&h.c.nurse), add, json!({ "a": a["id"], "i": { "name": "Bapi Mondal", "relationship": "son", "phone": "9830055502" } })).await)["addAttendant"].clone();
    assert_eq!(son["verified"], false);
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            "mutation($a: ID!) { sendAttendantCode(attendantId: $a) }",
            json!({ "a": son["id"] }),
        )
        .await,
    );
    let sms = outbox(&app, "WB", "+919830055502").await;
    let verify = "mutation($a: ID!, $c: String!) { verifyAttendant(attendantId: $a, code: $c) { verified } }";
    let code = code_in(&sms[0]);
    let ok = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            verify,
            json!({ "a": son["id"], "c": code }),
        )
        .await,
    )["verifyAttendant"]
        .clone();
    assert_eq!(ok["verified"], true);

    // Requests per client address are limited.
    let mut limited = false;
    for _ in 0..12 {
        let b = app
            .gql(
                None,
                REQUEST,
                json!({ "t": "WB", "l": { "healthId": p["healthId"] } }),
            )
            .await;
        if b["errors"][0]["extensions"]["code"] == "RATE_LIMITED" {
            limited = true;
            break;
        }
    }
    assert!(limited, "requests from one address are limited");
}
