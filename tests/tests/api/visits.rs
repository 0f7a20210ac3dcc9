//! A visit from start to finish: notes written and read back, an entry marked entered
//! in error with its reason, and the visit finished with its outcome.

use super::records::{add, added, Clinic};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(a_visit_is_finished_with_its_outcome);

async fn a_visit_is_finished_with_its_outcome(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Keya", "9830011112").await;
    let enc = c.encounter(&app, &p).await;
    let note = added(&add(&app, &c.doctor, &enc, json!({ "note": { "category": "PROGRESS", "text": "Chest clear; plan reviewed with the family." } })).await);
    assert_eq!(note["kind"], "NOTE");
    let dx = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "J06.9", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let mark = "mutation($id: ID!, $r: String!) { markEnteredInError(id: $id, expectedVersion: 1, reason: $r) { status enteredInErrorReason } }";
    let short = app
        .gql(Some(&c.doctor), mark, json!({ "id": dx["id"], "r": "no" }))
        .await;
    assert_eq!(
        expect_error(&short, "VALIDATION")["extensions"]["field"],
        "reason"
    );
    let marked = expect_data(
        &app.gql(
            Some(&c.doctor),
            mark,
            json!({ "id": dx["id"], "r": "Entered for the wrong visit" }),
        )
        .await,
    );
    assert_eq!(
        marked["markEnteredInError"]["enteredInErrorReason"],
        "Entered for the wrong visit"
    );

    let finish = "mutation($i: UpdateEncounterInput!) { updateEncounter(input: $i) { status details { ... on EncounterView { end outcome } } } }";
    let done = expect_data(&app.gql(Some(&c.doctor), finish, json!({ "i": { "id": enc["id"], "expectedVersion": 1, "status": "FINISHED", "outcome": "REFERRED" } })).await);
    assert_eq!(done["updateEncounter"]["status"], "FINISHED");
    assert_eq!(done["updateEncounter"]["details"]["outcome"], "REFERRED");
    assert!(done["updateEncounter"]["details"]["end"].is_string());
    // Finished is final: it cannot be finished again with another outcome.
    let again = app.gql(Some(&c.doctor), finish, json!({ "i": { "id": enc["id"], "expectedVersion": 1, "status": "FINISHED", "outcome": "SENT_HOME" } })).await;
    expect_error(&again, "CONFLICT");

    // The note reads back in the timeline, with its text.
    let q = "query($h: String!) { patientByHealthId(healthId: $h) { timeline(first: 20, purpose: \"treatment\") { edges { node { kind status details { ... on NoteView { category text } } } } } } }";
    let t = expect_data(
        &app.gql(Some(&c.doctor), q, json!({ "h": p["healthId"] }))
            .await,
    );
    let edges = t["patientByHealthId"]["timeline"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    let n = edges
        .iter()
        .find(|e| e["node"]["kind"] == "NOTE")
        .expect("the note");
    assert_eq!(
        n["node"]["details"]["text"],
        "Chest clear; plan reviewed with the family."
    );
    assert!(edges
        .iter()
        .any(|e| e["node"]["kind"] == "DIAGNOSIS" && e["node"]["status"] == "ENTERED_IN_ERROR"));
}
