//! Tier-2 care, black-box: a helpline doctor's teleconsultation becomes a
//! teleconsultation encounter in the patient's record (through the records rules),
//! and an emergency dispatch suggests the nearest facilities from the registry and
//! moves dispatched → arrived → closed, with other tenants kept out.

use super::facilities::{create_facility, facility};
use super::helpline::{act, agent, data, log_q, rls_keeps_tenants_apart};
use super::records::{clinician, Clinic};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const TELE: &str = "mutation($i: RecordTeleconsultationInput!) { recordTeleconsultation(input: $i) { encounterId ticket { id version patientId encounterId timeline { action note tier } } } }";
const DISPATCH_FIELDS: &str = "id ticketId status version description latitude longitude allowedStatuses arrivedAt closedAt suggestions { facilityId name facilityType distanceKm } destination { facilityId name }";

fn dispatch_q() -> String {
    format!("mutation($i: DispatchEmergencyInput!) {{ dispatchEmergency(input: $i) {{ {DISPATCH_FIELDS} }} }}")
}
fn status_q() -> String {
    format!("mutation($id: ID!, $v: Int!, $s: DispatchStatus!, $n: String) {{ updateDispatchStatus(id: $id, expectedVersion: $v, status: $s, note: $n) {{ {DISPATCH_FIELDS} }} }}")
}

/// Log a call (with the caller's card number, if any), escalate it, and let the
/// helpline doctor take it: a ticket in progress at tier 2.
async fn at_tier_two(
    app: &TestApp,
    operator: &str,
    doctor: &str,
    category: &str,
    health_id: Option<&Value>,
) -> Value {
    let i = json!({ "channel": "PHONE", "callerPhone": "98300 44556", "callerName": "Sabita Das", "language": "bn", "category": category, "notes": "Child with fever and a rash since yesterday", "patientHealthId": health_id });
    let t = data(
        &app.gql(Some(operator), &log_q(), json!({ "i": i })).await,
        "logCall",
    );
    let t = if t["tier"] == 1 {
        let t = data(&act(app, operator, "takeTicket", &t).await, "takeTicket");
        data(
            &act(app, operator, "escalateTicket", &t).await,
            "escalateTicket",
        )
    } else {
        t
    };
    let t = data(&act(app, doctor, "takeTicket", &t).await, "takeTicket");
    assert_eq!(
        (t["status"].as_str(), t["tier"].as_i64()),
        (Some("IN_PROGRESS"), Some(2))
    );
    t
}

fn tele(t: &Value, extra: Value) -> Value {
    let mut i = json!({ "ticketId": t["id"], "expectedVersion": t["version"], "note": "Paracetamol syrup 5 ml four times a day; come to Kolkata DH OPD if the fever lasts beyond 3 days." });
    for (k, v) in extra.as_object().unwrap() {
        i[k] = v.clone();
    }
    json!({ "i": i })
}

on_both_backends!(a_teleconsultation_becomes_an_encounter_in_the_patients_record);

async fn a_teleconsultation_becomes_an_encounter_in_the_patients_record(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let clinic = Clinic::new(&app).await;
    let wb = &clinic.wb;
    let (operator, _) = agent(&app, wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (hd, hd_professional) = clinician(
        &app,
        wb,
        &clinic.kolkata,
        ("Dr. Tara Bose", "DOCTOR", "WBMC-7001"),
        ("hd.bose", "HELPLINE_DOCTOR"),
        true,
    )
    .await;
    let patient = clinic.patient(&app, "Mitali", "98300 11111").await;

    let t = at_tier_two(
        &app,
        &operator,
        &hd,
        "TELECONSULTATION",
        Some(&patient["healthId"]),
    )
    .await;
    // Operators do not record consultations.
    expect_error(
        &app.gql(Some(&operator), TELE, tele(&t, json!({}))).await,
        "FORBIDDEN",
    );
    // A stale version is a conflict.
    let mut stale = tele(&t, json!({}));
    stale["i"]["expectedVersion"] = json!(t["version"].as_i64().unwrap() - 1);
    expect_error(&app.gql(Some(&hd), TELE, stale).await, "CONFLICT");

    let done = data(
        &app.gql(
            Some(&hd),
            TELE,
            tele(&t, json!({ "reason": "Fever with rash in a child" })),
        )
        .await,
        "recordTeleconsultation",
    );
    let encounter = done["encounterId"].clone();
    assert!(encounter.is_string(), "{done}");
    assert_eq!(done["ticket"]["encounterId"], encounter);
    let last = done["ticket"]["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["action"], "teleconsultation");
    // The ticket names the encounter; the clinical note stays in the record.
    assert_eq!(
        last["note"],
        format!("encounter {}", encounter.as_str().unwrap())
    );

    // The Kolkata DH doctor sees it in the patient's record: a finished
    // teleconsultation, attended by the helpline doctor, with the note inside.
    let q = "query($h: String!) { patientByHealthId(healthId: $h) { timeline(first: 20, purpose: \"treatment\") { edges { node { id kind status facility { name } details { ... on EncounterView { kind reason attendingProfessionalId end } } entries { kind author { id } details { ... on NoteView { category text } } } } } } } }";
    let tl = expect_data(
        &app.gql(Some(&clinic.doctor), q, json!({ "h": patient["healthId"] }))
            .await,
    );
    let edges = tl["patientByHealthId"]["timeline"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    let enc = edges
        .iter()
        .map(|e| &e["node"])
        .find(|n| n["id"] == encounter)
        .unwrap_or_else(|| panic!("encounter in the timeline: {tl}"));
    assert_eq!(enc["kind"], "ENCOUNTER");
    assert_eq!(enc["status"], "FINISHED");
    assert_eq!(enc["facility"]["name"], "Kolkata DH");
    assert_eq!(enc["details"]["kind"], "TELECONSULTATION");
    assert_eq!(enc["details"]["reason"], "Fever with rash in a child");
    assert_eq!(enc["details"]["attendingProfessionalId"], hd_professional);
    assert!(enc["details"]["end"].is_string());
    let note = &enc["entries"][0];
    assert_eq!(note["kind"], "NOTE");
    assert_eq!(note["author"]["id"], hd_professional);
    assert_eq!(note["details"]["category"], "CONSULTATION");
    assert!(note["details"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Paracetamol syrup"));

    // One teleconsultation per ticket: corrections go through the record.
    let again = tele(&t, json!({}));
    let mut again = again;
    again["i"]["expectedVersion"] = done["ticket"]["version"].clone();
    expect_error(&app.gql(Some(&hd), TELE, again).await, "VALIDATION");

    // A caller identified during the call: the doctor names the card and the
    // encounter goes into that patient's record.
    let walk_in = clinic.patient(&app, "Shibani", "98300 22222").await;
    let t2 = at_tier_two(&app, &operator, &hd, "TELECONSULTATION", None).await;
    let done2 = data(
        &app.gql(
            Some(&hd),
            TELE,
            tele(&t2, json!({ "patientHealthId": walk_in["healthId"] })),
        )
        .await,
        "recordTeleconsultation",
    );
    assert!(done2["encounterId"].is_string());
    assert_eq!(done2["ticket"]["patientId"], walk_in["id"]);

    // An unknown caller: the note stays in the ticket's timeline, no record is touched.
    let t3 = at_tier_two(&app, &operator, &hd, "TELECONSULTATION", None).await;
    let done3 = data(
        &app.gql(Some(&hd), TELE, tele(&t3, json!({}))).await,
        "recordTeleconsultation",
    );
    assert!(done3["encounterId"].is_null());
    let last = done3["ticket"]["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["action"], "teleconsultation");
    assert!(last["note"]
        .as_str()
        .unwrap()
        .starts_with("Paracetamol syrup"));

    // The records' rules hold: an unverified helpline doctor, one who is a nurse in the
    // registry, and one with no professional behind the account are all refused.
    let (unverified, _) = clinician(
        &app,
        wb,
        &clinic.kolkata,
        ("Dr. New Voice", "DOCTOR", "WBMC-7002"),
        ("hd.new", "HELPLINE_DOCTOR"),
        false,
    )
    .await;
    let (nurse_line, _) = clinician(
        &app,
        wb,
        &clinic.kolkata,
        ("Sister Ila Roy", "NURSE", "WBNC-7003"),
        ("hd.ila", "HELPLINE_DOCTOR"),
        true,
    )
    .await;
    let (unlinked, _) = agent(&app, wb, "hd.plain", "HELPLINE_DOCTOR").await;
    for who in [&unverified, &nurse_line, &unlinked] {
        let t = at_tier_two(
            &app,
            &operator,
            who,
            "TELECONSULTATION",
            Some(&patient["healthId"]),
        )
        .await;
        expect_error(
            &app.gql(Some(who), TELE, tele(&t, json!({}))).await,
            "FORBIDDEN",
        );
        let after = expect_data(
            &app.gql(
                Some(who),
                "query($id: ID!) { ticket(id: $id) { encounterId version } }",
                json!({ "id": t["id"] }),
            )
            .await,
        );
        assert!(
            after["ticket"]["encounterId"].is_null(),
            "nothing half-written"
        );
        assert_eq!(after["ticket"]["version"], t["version"]);
    }
    // Only the teleconsultations that were allowed reached the records.
    let wb_id = app.tenant_id("WB").await;
    let encounters = app
        .rows_in_tenant(
            &wb_id,
            "SELECT id FROM clinical_entries WHERE kind = $1",
            "encounter",
        )
        .await;
    assert_eq!(encounters.len(), 2);
    // Each was audited as a record write and as a ticket step.
    let audited = |rows: Vec<sea_orm::QueryResult>| -> Vec<String> {
        rows.iter()
            .map(|r| r.try_get::<String>("", "action").unwrap())
            .collect()
    };
    let ticket_steps = audited(
        app.rows_in_tenant(
            &wb_id,
            "SELECT action FROM audit_events WHERE entity_type = $1",
            "helpline_ticket",
        )
        .await,
    );
    assert_eq!(
        ticket_steps
            .iter()
            .filter(|a| *a == "ticket.teleconsultation")
            .count(),
        3
    );
    let record_writes = audited(
        app.rows_in_tenant(
            &wb_id,
            "SELECT action FROM audit_events WHERE entity_type = $1",
            "clinical_entry",
        )
        .await,
    );
    assert_eq!(
        record_writes.len(),
        4,
        "two encounters and two notes: {record_writes:?}"
    );
}

/// Facilities around Esplanade, Kolkata (22.5646 N, 88.3521 E).
async fn facilities_around(app: &TestApp, wb: &str, unit: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for (name, kind, lat, lon, status) in [
        (
            "Medical College Kolkata",
            "MEDICAL_COLLEGE_HOSPITAL",
            22.5735,
            88.3622,
            "OPERATIONAL",
        ), // ~1.4 km
        (
            "Esplanade Sub-centre",
            "SUB_CENTRE_HWC",
            22.5650,
            88.3525,
            "OPERATIONAL",
        ), // cannot receive
        (
            "Closed Nursing Home",
            "NURSING_HOME",
            22.5660,
            88.3530,
            "CLOSED",
        ), // not operating
        (
            "Howrah DH",
            "DISTRICT_HOSPITAL",
            22.5839,
            88.3100,
            "OPERATIONAL",
        ), // ~4.8 km
        ("Salt Lake PHC", "PHC", 22.5800, 88.4200, "OPERATIONAL"), // ~7.2 km
        (
            "Behala SGH",
            "STATE_GENERAL_HOSPITAL",
            22.4980,
            88.3100,
            "OPERATIONAL",
        ), // ~8.6 km
        (
            "Barasat DH",
            "DISTRICT_HOSPITAL",
            22.7200,
            88.4800,
            "OPERATIONAL",
        ), // ~21.5 km
        (
            "Siliguri DH",
            "DISTRICT_HOSPITAL",
            26.7100,
            88.4300,
            "OPERATIONAL",
        ), // ~460 km
    ] {
        let mut f = facility(name, kind, &unit["id"]);
        f["latitude"] = json!(lat);
        f["longitude"] = json!(lon);
        f["operationalStatus"] = json!(status);
        out.push(create_facility(app, wb, f).await);
    }
    out
}

on_both_backends!(an_emergency_dispatch_suggests_the_nearest_facilities_and_moves_forward);

async fn an_emergency_dispatch_suggests_the_nearest_facilities_and_moves_forward(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let tree = super::units::build_tree(&app, &wb).await;
    facilities_around(&app, &wb, &tree.kolkata).await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (doctor, _) = agent(&app, &wb, "hd.sen", "HELPLINE_DOCTOR").await;
    // An emergency goes straight to tier 2.
    let t = at_tier_two(&app, &operator, &doctor, "EMERGENCY", None).await;
    let input = |t: &Value| json!({ "i": { "ticketId": t["id"], "expectedVersion": t["version"], "latitude": 22.5646, "longitude": 88.3521, "description": "Outside Metro cinema, Esplanade", "note": "ambulance WB-108-17" } });

    expect_error(
        &app.gql(Some(&operator), &dispatch_q(), input(&t)).await,
        "FORBIDDEN",
    );
    let mut far = input(&t);
    far["i"]["latitude"] = json!(51.5);
    expect_error(
        &app.gql(Some(&doctor), &dispatch_q(), far).await,
        "VALIDATION",
    );

    let d = data(
        &app.gql(Some(&doctor), &dispatch_q(), input(&t)).await,
        "dispatchEmergency",
    );
    assert_eq!(d["status"], "DISPATCHED");
    assert_eq!(d["allowedStatuses"], json!(["ARRIVED", "CLOSED"]));
    let names: Vec<&str> = d["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    // The five nearest that receive emergencies, nearest first: no sub-centre, nothing
    // closed, and Siliguri far beyond.
    assert_eq!(
        names,
        [
            "Medical College Kolkata",
            "Howrah DH",
            "Salt Lake PHC",
            "Behala SGH",
            "Barasat DH"
        ]
    );
    let km: Vec<f64> = d["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["distanceKm"].as_f64().unwrap())
        .collect();
    assert!(km.windows(2).all(|w| w[0] <= w[1]), "{km:?}");
    assert!((1.0..2.0).contains(&km[0]), "{km:?}");
    assert_eq!(d["destination"]["name"], "Medical College Kolkata");

    // Help arrives, then the dispatch closes; nothing goes back.
    let stale = json!({ "id": d["id"], "v": 0, "s": "ARRIVED" });
    expect_error(
        &app.gql(Some(&doctor), &status_q(), stale).await,
        "CONFLICT",
    );
    let arrived = data(
        &app.gql(
            Some(&doctor),
            &status_q(),
            json!({ "id": d["id"], "v": d["version"], "s": "ARRIVED", "n": "patient picked up" }),
        )
        .await,
        "updateDispatchStatus",
    );
    assert_eq!(arrived["status"], "ARRIVED");
    assert!(arrived["arrivedAt"].is_string());
    let back = expect_error(
        &app.gql(
            Some(&doctor),
            &status_q(),
            json!({ "id": d["id"], "v": arrived["version"], "s": "DISPATCHED" }),
        )
        .await,
        "VALIDATION",
    );
    assert!(
        back["message"]
            .as_str()
            .unwrap()
            .contains("allowed now: closed"),
        "{back}"
    );

    let open = "{ emergencyDispatches { id status } }";
    let listed = expect_data(&app.gql(Some(&operator), open, json!({})).await);
    assert_eq!(listed["emergencyDispatches"][0]["id"], d["id"]);

    let closed = data(
        &app.gql(
            Some(&doctor),
            &status_q(),
            json!({ "id": d["id"], "v": arrived["version"], "s": "CLOSED" }),
        )
        .await,
        "updateDispatchStatus",
    );
    assert!(closed["closedAt"].is_string());
    assert_eq!(closed["allowedStatuses"], json!([]));
    let listed = expect_data(&app.gql(Some(&operator), open, json!({})).await);
    assert_eq!(
        listed["emergencyDispatches"],
        json!([]),
        "closed ones leave the default list"
    );
    let all = expect_data(
        &app.gql(
            Some(&operator),
            "{ emergencyDispatches(statuses: [CLOSED]) { id } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(all["emergencyDispatches"][0]["id"], d["id"]);

    // The ticket keeps the dispatch and every step in its timeline.
    let q =
        "query($id: ID!) { ticket(id: $id) { dispatches { id status } timeline { action note } } }";
    let got = expect_data(&app.gql(Some(&operator), q, json!({ "id": t["id"] })).await);
    assert_eq!(got["ticket"]["dispatches"][0]["status"], "CLOSED");
    let actions: Vec<&str> = got["ticket"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.ends_with(&["dispatch", "dispatch_arrived", "dispatch_closed"]),
        "{actions:?}"
    );
    let notes = got["ticket"]["timeline"].to_string();
    assert!(notes.contains("ambulance WB-108-17") && notes.contains("patient picked up"));

    // Any agent may look up nearby facilities before sending help.
    let near = expect_data(
        &app.gql(
            Some(&operator),
            "{ nearestEmergencyFacilities(latitude: 22.72, longitude: 88.48) { name distanceKm } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(near["nearestEmergencyFacilities"][0]["name"], "Barasat DH");

    // Another tenant sees none of it.
    let br = app.br_admin().await;
    let (br_doctor, _) = agent_in(&app, &br, "br.hd", "HELPLINE_DOCTOR").await;
    let theirs = expect_data(&app.gql(Some(&br_doctor), "{ emergencyDispatches(statuses: [DISPATCHED, ARRIVED, CLOSED]) { id } nearestEmergencyFacilities(latitude: 22.5646, longitude: 88.3521) { name } }", json!({})).await);
    assert_eq!(theirs["emergencyDispatches"], json!([]));
    assert_eq!(theirs["nearestEmergencyFacilities"], json!([]));
    expect_error(
        &app.gql(
            Some(&br_doctor),
            &status_q(),
            json!({ "id": d["id"], "v": closed["version"], "s": "CLOSED" }),
        )
        .await,
        "NOT_FOUND",
    );
    rls_keeps_tenants_apart(&app, backend, &["emergency_dispatches"]).await;
}

/// A helpline agent of Bihar.
async fn agent_in(app: &TestApp, admin: &str, username: &str, role: &str) -> (String, Value) {
    let u = expect_data(
        &app.gql(
            Some(admin),
            super::users::CREATE_USER,
            super::users::new_user(username, json!([{ "role": role }])),
        )
        .await,
    )["createUser"]
        .clone();
    (
        app.token(Some("BR"), username, "a long enough password")
            .await,
        u["id"].clone(),
    )
}
