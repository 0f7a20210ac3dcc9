//! Referrals between facilities and live changes, black-box: the bed is held until
//! the receiving facility answers; accepting moves the stay there in one step;
//! officials hear of condition changes live, others do not.

use super::inpatient_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(a_referral_holds_the_bed_until_the_receiving_facility_answers);

async fn a_referral_holds_the_bed_until_the_receiving_facility_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    // Lalbag SDH has one ward with one bed.
    let ward = expect_data(&app.gql(Some(&h.c.wb), WARD, json!({ "i": { "facilityId": h.c.lalbag["id"], "name": "General", "department": "MEDICINE" } })).await)["createWard"].clone();
    let lbed = expect_data(
        &app.gql(
            Some(&h.c.wb),
            BEDS,
            json!({ "w": ward["id"], "t": "GENERAL", "l": ["L-1"] }),
        )
        .await,
    )["addBeds"][0]
        .clone();
    let (p, a) = h.admit(&app, "Rekha", "9830019101", &h.beds[0]).await;
    let refer = "mutation($a: ID!, $v: Int!, $to: ID!, $r: String!) { referPatient(admissionId: $a, expectedVersion: $v, toFacilityId: $to, reason: $r) { id status } }";
    let vars =
        json!({ "a": a["id"], "v": a["version"], "to": h.c.lalbag["id"], "r": "Needs dialysis" });
    let r =
        expect_data(&app.gql(Some(&h.c.nurse), refer, vars.clone()).await)["referPatient"].clone();
    assert_eq!(r["status"], "pending");
    expect_error(&app.gql(Some(&h.c.nurse), refer, vars).await, "CONFLICT");
    // The bed stays held meanwhile.
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.ward["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    assert_eq!(board["beds"][0]["state"], "OCCUPIED");
    // Lalbag sees it waiting; Kolkata's nurse cannot answer for Lalbag.
    let pending = expect_data(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            "{ pendingReferrals { referral { id reason } } }",
            json!({}),
        )
        .await,
    )["pendingReferrals"]
        .clone();
    assert_eq!(pending[0]["referral"]["id"], r["id"]);
    let accept = "mutation($r: ID!, $b: ID!, $p: ID!) { acceptReferral(referralId: $r, bedId: $b, admittingProfessionalId: $p) { id facilityName bedLabel patientId status } }";
    let av = json!({ "r": r["id"], "b": lbed["id"], "p": h.c.lalbag_doctor_id });
    expect_error(
        &app.gql(Some(&h.c.nurse), accept, av.clone()).await,
        "FORBIDDEN",
    );
    let there = expect_data(&app.gql(Some(&h.c.lalbag_doctor), accept, av.clone()).await)
        ["acceptReferral"]
        .clone();
    assert_eq!(
        (
            there["facilityName"].as_str(),
            there["bedLabel"].as_str(),
            there["patientId"].clone()
        ),
        (Some("Lalbag SDH"), Some("L-1"), p["id"].clone())
    );
    expect_error(
        &app.gql(Some(&h.c.lalbag_doctor), accept, av).await,
        "CONFLICT",
    );
    // Discharged here as referred; the bed goes for cleaning.
    let here = expect_data(
        &app.gql(
            Some(&h.c.wb),
            "query($id: ID!) { admission(id: $id) { admission { status outcome } } }",
            json!({ "id": a["id"] }),
        )
        .await,
    )["admission"]["admission"]
        .clone();
    assert_eq!(
        here,
        json!({ "status": "DISCHARGED", "outcome": "REFERRED" })
    );
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.ward["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    assert_eq!(board["beds"][0]["state"], "CLEANING");

    // A declined referral leaves the stay as it was.
    let (_, b) = h.admit(&app, "Sima", "9830019102", &h.beds[1]).await;
    let r2 = expect_data(&app.gql(Some(&h.c.nurse), refer, json!({ "a": b["id"], "v": b["version"], "to": h.c.lalbag["id"], "r": "Needs a surgeon" })).await)["referPatient"].clone();
    let decline = "mutation($r: ID!, $n: String!) { declineReferral(referralId: $r, note: $n) { status decisionNote } }";
    let d = expect_data(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            decline,
            json!({ "r": r2["id"], "n": "No surgeon today" }),
        )
        .await,
    )["declineReferral"]
        .clone();
    assert_eq!(d["status"], "declined");
    let still = expect_data(
        &app.gql(
            Some(&h.c.wb),
            "query($id: ID!) { admission(id: $id) { admission { status } } }",
            json!({ "id": b["id"] }),
        )
        .await,
    )["admission"]["admission"]
        .clone();
    assert_eq!(still["status"], "ADMITTED");
}

on_both_backends!(officials_watch_condition_changes_live);

async fn officials_watch_condition_changes_live(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let q = "subscription { admissionsChanged { admissionId action category lifeSupport } }";
    let mut state = super::subscriptions::subscribed(&app, &h.c.wb, q).await;
    let mut elsewhere = super::subscriptions::subscribed(&app, &h.c.lalbag_doctor, q).await;
    let (_, a) = h.admit(&app, "Jaya", "9830018001", &h.icu_beds[0]).await;
    expect_data(
        &app.gql(Some(&h.c.nurse), CONDITION, critical_on_ventilator(&a))
            .await,
    );
    let first = super::subscriptions::next_json(&mut state)
        .await
        .expect("an admission event");
    assert_eq!(
        first["payload"]["data"]["admissionsChanged"]["action"], "admit",
        "{first}"
    );
    let second = super::subscriptions::next_json(&mut state)
        .await
        .expect("a condition event");
    assert_eq!(
        second["payload"]["data"]["admissionsChanged"],
        json!({ "admissionId": a["id"], "action": "condition", "category": "CRITICAL", "lifeSupport": "INVASIVE_VENTILATION" })
    );
    // A doctor of another facility hears nothing of it.
    let quiet = tokio::time::timeout(
        std::time::Duration::from_millis(700),
        super::subscriptions::next_json(&mut elsewhere),
    )
    .await;
    assert!(
        quiet.is_err() || quiet.as_ref().unwrap().is_none(),
        "{quiet:?}"
    );
}
