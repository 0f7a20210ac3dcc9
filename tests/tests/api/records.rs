//! Health records: validation per kind, treating roles and facilities, versions and
//! entered-in-error, conflicts, the access log and break-glass, the timeline, merges,
//! and isolation between tenants.

use super::facilities::{create_facility, facility, statements};
use super::patients::register;
use super::units::{build_tree, Tree};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

pub const ENTRY: &str = "orderId id kind status version occurredAt encounterId enteredInErrorReason author { name } facility { name } details { __typename ... on EncounterView { kind end attendingProfessionalId } ... on VitalsView { spo2Percent bmi flags { field message } } ... on DiagnosisView { code description certainty } ... on PrescriptionView { items { drugName dose route form } followUpOn } ... on LabOrderView { tests { name loinc } priority } ... on LabResultView { measurements { test value abnormal } } ... on NoteView { text } ... on DischargeSummaryView { diagnoses { code } followUpOn } }";

fn start_q() -> String {
    format!("mutation($i: StartEncounterInput!) {{ startEncounter(input: $i) {{ {ENTRY} }} }}")
}
pub fn add_q() -> String {
    format!("mutation($e: ID!, $x: ClinicalEntryInput!, $at: DateTime) {{ addClinicalEntry(encounterId: $e, entry: $x, occurredAt: $at) {{ {ENTRY} }} }}")
}
fn correct_q() -> String {
    format!("mutation($id: ID!, $v: Int!, $x: ClinicalEntryInput!, $r: String) {{ correctClinicalEntry(id: $id, expectedVersion: $v, entry: $x, reason: $r) {{ {ENTRY} history {{ version status changeReason details {{ ... on DiagnosisView {{ certainty }} }} }} }} }}")
}
const MARK: &str = "mutation($id: ID!, $v: Int!, $r: String!) { markEnteredInError(id: $id, expectedVersion: $v, reason: $r) { status version enteredInErrorReason history { version status changeReason } } }";
const UPDATE_ENC: &str = "mutation($i: UpdateEncounterInput!) { updateEncounter(input: $i) { status version details { ... on EncounterView { end } } } }";
pub const TIMELINE: &str = "query($h: String!, $f: TimelineFilter, $first: Int, $after: String, $bg: String) { patientByHealthId(healthId: $h) { timeline(first: $first, after: $after, filter: $f, purpose: \"treatment\", breakGlassReason: $bg) { pageInfo { hasNextPage endCursor } edges { node { id kind occurredAt details { __typename } } } } } }";

/// Two facilities with staff: doctor, nurse, lab technician and an unverified doctor
/// at Kolkata DH; a doctor at Lalbag SDH (another district).
pub struct Clinic {
    pub wb: String,
    pub tree: Tree,
    pub kolkata: Value,
    pub lalbag: Value,
    pub doctor: String,
    pub doctor_id: Value,
    pub nurse: String,
    pub lab: String,
    pub pending_doctor: String,
    pub lalbag_doctor: String,
    pub lalbag_doctor_id: Value,
}

/// A professional posted at `facility`, with an account holding `role`; verified
/// unless `verified` is false. Returns (token, professional id).
pub async fn clinician(
    app: &TestApp,
    wb: &str,
    facility: &Value,
    (name, kind, number): (&str, &str, &str),
    (username, role): (&str, &str),
    verified: bool,
) -> (String, Value) {
    let create =
        "mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id version } }";
    let p = json!({ "name": name, "kind": kind, "registrations": [{ "council": "West Bengal Medical Council", "number": number, "registeredOn": "2010-07-01" }] });
    let posting = json!({ "facilityId": facility["id"], "designation": "Medical Officer", "department": "Medicine", "from": "2024-01-01" });
    let created = expect_data(
        &app.gql(
            Some(wb),
            create,
            json!({ "i": { "professional": p, "posting": posting } }),
        )
        .await,
    )["createProfessional"]
        .clone();
    let mut version = created["version"].as_i64().unwrap();
    if verified {
        let verify = "mutation($id: ID!, $v: Int!) { verifyProfessional(id: $id, expectedVersion: $v) { version } }";
        version = expect_data(
            &app.gql(
                Some(wb),
                verify,
                json!({ "id": created["id"], "v": version }),
            )
            .await,
        )["verifyProfessional"]["version"]
            .as_i64()
            .unwrap();
    }
    let user = expect_data(
        &app.gql(
            Some(wb),
            CREATE_USER,
            new_user(username, json!([{ "role": role }])),
        )
        .await,
    )["createUser"]
        .clone();
    let link = "mutation($id: ID!, $v: Int!, $u: ID) { linkProfessionalUser(id: $id, expectedVersion: $v, userId: $u) { id } }";
    expect_data(
        &app.gql(
            Some(wb),
            link,
            json!({ "id": created["id"], "v": version, "u": user["id"] }),
        )
        .await,
    );
    let token = app
        .token(Some("WB"), username, "a long enough password")
        .await;
    (token, created["id"].clone())
}

impl Clinic {
    pub async fn new(app: &TestApp) -> Self {
        let wb = app.wb_admin().await;
        let tree = build_tree(app, &wb).await;
        let kolkata = create_facility(
            app,
            &wb,
            facility("Kolkata DH", "DISTRICT_HOSPITAL", &tree.kolkata["id"]),
        )
        .await;
        let lalbag = create_facility(
            app,
            &wb,
            facility("Lalbag SDH", "SUB_DIVISIONAL_HOSPITAL", &tree.lalbag["id"]),
        )
        .await;
        let (doctor, doctor_id) = clinician(
            app,
            &wb,
            &kolkata,
            ("Dr. Ananya Sen", "DOCTOR", "WBMC-1001"),
            ("dr.sen", "DOCTOR"),
            true,
        )
        .await;
        let (nurse, _) = clinician(
            app,
            &wb,
            &kolkata,
            ("Sister Mary Das", "NURSE", "WBNC-2002"),
            ("nurse.das", "NURSE"),
            true,
        )
        .await;
        let (lab, _) = clinician(
            app,
            &wb,
            &kolkata,
            ("Rahul Pal", "LAB_TECHNICIAN", "WBPC-3003"),
            ("lab.pal", "LAB_TECHNICIAN"),
            true,
        )
        .await;
        let (pending_doctor, _) = clinician(
            app,
            &wb,
            &kolkata,
            ("Dr. New Joiner", "DOCTOR", "WBMC-4004"),
            ("dr.new", "DOCTOR"),
            false,
        )
        .await;
        let (lalbag_doctor, lalbag_doctor_id) = clinician(
            app,
            &wb,
            &lalbag,
            ("Dr. Bimal Roy", "DOCTOR", "WBMC-5005"),
            ("dr.roy", "DOCTOR"),
            true,
        )
        .await;
        Self {
            wb,
            tree,
            kolkata,
            lalbag,
            doctor,
            doctor_id,
            nurse,
            lab,
            pending_doctor,
            lalbag_doctor,
            lalbag_doctor_id,
        }
    }

    pub async fn patient(&self, app: &TestApp, given: &str, phone: &str) -> Value {
        register(
            app,
            &self.wb,
            json!({ "givenName": given, "familyName": "Mondal", "sex": "FEMALE", "ageYears": 34, "phone": phone }),
            true,
        )
        .await["patient"]
            .clone()
    }

    /// An outpatient encounter at Kolkata DH, opened by the nurse for the doctor.
    pub async fn encounter(&self, app: &TestApp, patient: &Value) -> Value {
        let body = app
            .gql(
                Some(&self.nurse),
                &start_q(),
                json!({ "i": { "patientId": patient["id"], "facilityId": self.kolkata["id"], "kind": "OUTPATIENT", "department": "Medicine", "reason": "Fever for three days", "attendingProfessionalId": self.doctor_id } }),
            )
            .await;
        expect_data(&body)["startEncounter"].clone()
    }
}

pub async fn add(app: &TestApp, token: &str, encounter: &Value, entry: Value) -> Value {
    app.gql(
        Some(token),
        &add_q(),
        json!({ "e": encounter["id"], "x": entry }),
    )
    .await
}

pub fn added(body: &Value) -> Value {
    expect_data(body)["addClinicalEntry"].clone()
}

fn field_of(body: &Value) -> Value {
    expect_error(body, "VALIDATION")["extensions"]["field"].clone()
}

on_both_backends!(
    entries_are_validated_and_written_only_by_treating_roles,
    corrections_keep_every_version_and_conflicts_are_refused,
    reads_are_logged_and_break_glass_is_flagged_for_review,
    timeline_orders_filters_pages_and_follows_merges,
    records_of_other_tenants_are_not_found,
);

async fn entries_are_validated_and_written_only_by_treating_roles(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Rupa", "9830011111").await;

    // Encounters: only at the caller's own facility, only by verified professionals.
    let at_lalbag = json!({ "i": { "patientId": p["id"], "facilityId": c.lalbag["id"], "kind": "OUTPATIENT" } });
    expect_error(
        &app.gql(Some(&c.doctor), &start_q(), at_lalbag).await,
        "FORBIDDEN",
    );
    let own = json!({ "i": { "patientId": p["id"], "facilityId": c.kolkata["id"], "kind": "OUTPATIENT" } });
    let body = app
        .gql(Some(&c.pending_doctor), &start_q(), own.clone())
        .await;
    assert!(
        expect_error(&body, "FORBIDDEN")["message"]
            .as_str()
            .unwrap()
            .contains("verified"),
        "{body}"
    );
    expect_error(
        &app.gql(Some(&c.wb), &start_q(), own.clone()).await,
        "FORBIDDEN",
    );
    let future = json!({ "i": { "patientId": p["id"], "facilityId": c.kolkata["id"], "kind": "OUTPATIENT", "start": "2099-01-01T00:00:00Z" } });
    assert_eq!(
        field_of(&app.gql(Some(&c.doctor), &start_q(), future).await),
        "start"
    );
    let attending_elsewhere = json!({ "i": { "patientId": p["id"], "facilityId": c.kolkata["id"], "kind": "OUTPATIENT", "attendingProfessionalId": c.lalbag_doctor_id } });
    assert_eq!(
        field_of(
            &app.gql(Some(&c.nurse), &start_q(), attending_elsewhere)
                .await
        ),
        "attendingProfessionalId"
    );
    let enc = c.encounter(&app, &p).await;
    assert_eq!(enc["status"], "IN_PROGRESS");
    assert_eq!(enc["details"]["attendingProfessionalId"], c.doctor_id);
    assert_eq!(enc["author"]["name"], "Sister Mary Das");
    assert_eq!(enc["facility"]["name"], "Kolkata DH");

    // Vitals: impossible values refused, unusual ones kept with a flag.
    let body = add(
        &app,
        &c.nurse,
        &enc,
        json!({ "vitals": { "spo2Percent": 101 } }),
    )
    .await;
    assert_eq!(field_of(&body), "spo2Percent");
    let body = add(
        &app,
        &c.nurse,
        &enc,
        json!({ "vitals": { "systolicMmHg": 120 } }),
    )
    .await;
    assert_eq!(field_of(&body), "diastolicMmHg");
    let vitals = added(&add(&app, &c.nurse, &enc, json!({ "vitals": { "systolicMmHg": 150, "diastolicMmHg": 95, "spo2Percent": 88, "temperatureC": 38.9, "weightKg": 60.0, "heightCm": 158.0 } })).await);
    assert_eq!(vitals["details"]["spo2Percent"], 88);
    assert_eq!(vitals["details"]["bmi"], 24.0);
    let flagged: Vec<&str> = vitals["details"]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        flagged,
        [
            "systolicMmHg",
            "diastolicMmHg",
            "temperatureC",
            "spo2Percent"
        ]
    );

    // Diagnoses: doctors only, ICD-10 codes checked against the table.
    let dx = json!({ "diagnosis": { "code": "a90", "certainty": "PROVISIONAL" } });
    expect_error(&add(&app, &c.nurse, &enc, dx.clone()).await, "FORBIDDEN");
    let bad = json!({ "diagnosis": { "code": "E11.99", "certainty": "FINAL" } });
    assert_eq!(field_of(&add(&app, &c.doctor, &enc, bad).await), "code");
    let diagnosis = added(&add(&app, &c.doctor, &enc, dx).await);
    assert_eq!(diagnosis["details"]["code"], "A90");
    assert_eq!(
        diagnosis["details"]["description"],
        "Dengue fever [classical dengue]"
    );

    // Prescriptions: doctors only; each item checked, named by its index.
    let rx = json!({ "prescription": { "items": [
        { "drugName": "Paracetamol", "strength": "500 mg", "dose": "1 tablet", "frequency": "1-1-1", "durationDays": 5 },
        { "drugName": "ORS", "dose": " ", "frequency": "after each stool" } ] } });
    assert_eq!(
        field_of(&add(&app, &c.doctor, &enc, rx).await),
        "items.1.dose"
    );
    let rx = json!({ "prescription": { "items": [{ "drugName": "Paracetamol", "strength": "500 mg", "dose": "1 tablet", "frequency": "1-1-1", "durationDays": 5, "instructions": "after food" }], "advice": "Plenty of fluids" } });
    expect_error(&add(&app, &c.nurse, &enc, rx.clone()).await, "FORBIDDEN");
    let prescription = added(&add(&app, &c.doctor, &enc, rx).await);
    assert_eq!(prescription["details"]["items"][0]["route"], "ORAL");

    // Lab: doctors order, lab technicians report; LOINC check digits; computed flags.
    let order = json!({ "labOrder": { "tests": [{ "name": "Haemoglobin", "loinc": "718-7" }, { "name": "Platelet count" }], "priority": "URGENT", "specimen": "BLOOD" } });
    let order = added(&add(&app, &c.doctor, &enc, order).await);
    assert_eq!(order["details"]["priority"], "URGENT");
    let result = |loinc: &str| {
        json!({ "labResult": { "orderId": order["id"], "measurements": [
        { "test": "Haemoglobin", "loinc": loinc, "value": "9.5", "unit": "g/dL", "referenceLow": 12.0, "referenceHigh": 15.5 },
        { "test": "Platelet count", "value": "90000", "unit": "/µL", "referenceLow": 150000, "referenceHigh": 450000 },
        { "test": "Dengue NS1", "value": "Positive", "referenceText": "Negative" } ] } })
    };
    expect_error(
        &add(&app, &c.doctor, &enc, result("718-7")).await,
        "FORBIDDEN",
    );
    assert_eq!(
        field_of(&add(&app, &c.lab, &enc, result("718-8")).await),
        "measurements.0.loinc"
    );
    let lab = added(&add(&app, &c.lab, &enc, result("718-7")).await);
    let flags: Vec<&Value> = lab["details"]["measurements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["abnormal"])
        .collect();
    assert_eq!(flags, [&json!("LOW"), &json!("LOW"), &Value::Null]);
    assert_eq!(
        lab["orderId"], order["id"],
        "a result names the order it reports"
    );
    assert_eq!(order["orderId"], Value::Null, "an order reports on nothing");
    let orphan = json!({ "labResult": { "orderId": diagnosis["id"], "measurements": [{ "test": "Hb", "value": "12" }] } });
    assert_eq!(field_of(&add(&app, &c.lab, &enc, orphan).await), "orderId");
    let results = "query($id: ID!) { clinicalEntry(id: $id) { results { id } } }";
    let body = app
        .gql(Some(&c.doctor), results, json!({ "id": order["id"] }))
        .await;
    assert_eq!(
        expect_data(&body)["clinicalEntry"]["results"][0]["id"],
        lab["id"]
    );

    // Notes by nurses and doctors; discharge summaries by doctors, checked.
    let note = added(
        &add(
            &app,
            &c.nurse,
            &enc,
            json!({ "note": { "category": "NURSING", "text": "Tepid sponging given." } }),
        )
        .await,
    );
    assert_eq!(note["kind"], "NOTE");
    let past = json!({ "dischargeSummary": { "diagnosisCodes": ["A90"], "treatmentGiven": "IV fluids", "followUpOn": "2020-01-01" } });
    assert_eq!(
        field_of(&add(&app, &c.doctor, &enc, past).await),
        "followUpOn"
    );
    let bad_code = json!({ "dischargeSummary": { "diagnosisCodes": ["A90", "Q99.99"], "treatmentGiven": "IV fluids" } });
    assert_eq!(
        field_of(&add(&app, &c.doctor, &enc, bad_code).await),
        "diagnosisCodes.1"
    );
    let summary = json!({ "dischargeSummary": { "diagnosisCodes": ["A90"], "treatmentGiven": "IV fluids, paracetamol", "advice": "Review platelets", "followUpOn": "2099-01-10" } });
    expect_error(
        &add(&app, &c.nurse, &enc, summary.clone()).await,
        "FORBIDDEN",
    );
    let summary = added(&add(&app, &c.doctor, &enc, summary).await);
    assert_eq!(summary["details"]["diagnoses"][0]["code"], "A90");

    // A finished encounter still takes late results; a cancelled one takes nothing.
    let finish = json!({ "i": { "id": enc["id"], "expectedVersion": 1, "status": "FINISHED" } });
    let finished =
        expect_data(&app.gql(Some(&c.doctor), UPDATE_ENC, finish).await)["updateEncounter"].clone();
    assert_eq!(finished["status"], "FINISHED");
    assert!(finished["details"]["end"].is_string());
    added(&add(&app, &c.lab, &enc, result("718-7")).await);
    let reopen = json!({ "i": { "id": enc["id"], "expectedVersion": 2, "status": "IN_PROGRESS" } });
    assert_eq!(
        field_of(&app.gql(Some(&c.doctor), UPDATE_ENC, reopen).await),
        "status"
    );
    let other = c.encounter(&app, &p).await;
    let cancel = json!({ "i": { "id": other["id"], "expectedVersion": 1, "status": "CANCELLED" } });
    expect_data(&app.gql(Some(&c.nurse), UPDATE_ENC, cancel).await);
    let note = json!({ "note": { "category": "NURSING", "text": "late" } });
    assert_eq!(
        field_of(&add(&app, &c.nurse, &other, note).await),
        "encounterId"
    );

    // Every write is in the audit trail.
    let audit = "{ auditEvents(filter: { action: \"record.create\" }, first: 100) { edges { node { entityId } } } }";
    let created = expect_data(&app.gql(Some(&c.wb), audit, json!({})).await)["auditEvents"]
        ["edges"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(created, 10, "2 encounters and 8 entries");
}

async fn corrections_keep_every_version_and_conflicts_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Mita", "9830022222").await;
    let enc = c.encounter(&app, &p).await;
    let dx = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let final_dx =
        json!({ "diagnosis": { "code": "A90", "certainty": "FINAL", "note": "NS1 positive" } });
    let v2 = expect_data(
        &app.gql(
            Some(&c.doctor),
            &correct_q(),
            json!({ "id": dx["id"], "v": 1, "x": final_dx, "r": "NS1 came back positive" }),
        )
        .await,
    )["correctClinicalEntry"]
        .clone();
    assert_eq!(v2["version"], 2);
    assert_eq!(v2["details"]["certainty"], "FINAL");
    let history: Vec<(i64, &str)> = v2["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["version"].as_i64().unwrap(),
                h["details"]["certainty"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(history, [(1, "PROVISIONAL"), (2, "FINAL")]);
    assert_eq!(v2["history"][1]["changeReason"], "NS1 came back positive");

    // The second of two concurrent edits loses, and nothing of it is written.
    let stale = app
        .gql(
            Some(&c.doctor),
            &correct_q(),
            json!({ "id": dx["id"], "v": 1, "x": { "diagnosis": { "code": "A91", "certainty": "FINAL" } } }),
        )
        .await;
    expect_error(&stale, "CONFLICT");
    // A correction keeps the kind of the entry; nurses cannot correct diagnoses.
    let as_note =
        json!({ "id": dx["id"], "v": 2, "x": { "note": { "category": "OTHER", "text": "x" } } });
    assert_eq!(
        field_of(&app.gql(Some(&c.doctor), &correct_q(), as_note).await),
        "entry"
    );
    let by_nurse = json!({ "id": dx["id"], "v": 2, "x": final_dx });
    expect_error(
        &app.gql(Some(&c.nurse), &correct_q(), by_nurse).await,
        "FORBIDDEN",
    );

    // Deleting is replaced by entered-in-error, with a reason; the entry stays readable.
    let short = app
        .gql(
            Some(&c.doctor),
            MARK,
            json!({ "id": dx["id"], "v": 2, "r": "oops" }),
        )
        .await;
    assert_eq!(field_of(&short), "reason");
    let marked = expect_data(
        &app.gql(
            Some(&c.doctor),
            MARK,
            json!({ "id": dx["id"], "v": 2, "r": "Recorded for the wrong patient" }),
        )
        .await,
    )["markEnteredInError"]
        .clone();
    assert_eq!(marked["status"], "ENTERED_IN_ERROR");
    assert_eq!(marked["version"], 3);
    assert_eq!(
        marked["enteredInErrorReason"],
        "Recorded for the wrong patient"
    );
    let statuses: Vec<&str> = marked["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ACTIVE", "ACTIVE", "ENTERED_IN_ERROR"]);
    let again = app
        .gql(
            Some(&c.doctor),
            MARK,
            json!({ "id": dx["id"], "v": 3, "r": "Recorded twice over" }),
        )
        .await;
    assert_eq!(field_of(&again), "id");
    let fix = json!({ "id": dx["id"], "v": 3, "x": final_dx });
    assert_eq!(
        field_of(&app.gql(Some(&c.doctor), &correct_q(), fix).await),
        "id"
    );
    let body = app
        .gql(
            Some(&c.doctor),
            "query($id: ID!) { clinicalEntry(id: $id) { status history { version } } }",
            json!({ "id": dx["id"] }),
        )
        .await;
    assert_eq!(
        expect_data(&body)["clinicalEntry"]["history"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    for action in ["record.correct", "record.entered_in_error"] {
        let q = format!("{{ auditEvents(filter: {{ action: \"{action}\" }}) {{ edges {{ node {{ entityId }} }} }} }}");
        let rows =
            expect_data(&app.gql(Some(&c.wb), &q, json!({})).await)["auditEvents"]["edges"].clone();
        assert_eq!(rows.as_array().unwrap().len(), 1, "{action}");
        assert_eq!(rows[0]["node"]["entityId"], dx["id"]);
    }
}

async fn reads_are_logged_and_break_glass_is_flagged_for_review(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Sabina", "9830033333").await;
    let hid = p["healthId"].as_str().unwrap();
    let enc = c.encounter(&app, &p).await;
    added(
        &add(
            &app,
            &c.nurse,
            &enc,
            json!({ "vitals": { "pulsePerMin": 88 } }),
        )
        .await,
    );
    let read = |token: String, bg: Option<&'static str>| {
        let app = &app;
        async move {
            app.gql(Some(&token), TIMELINE, json!({ "h": hid, "bg": bg }))
                .await
        }
    };
    // In care at Kolkata DH: its doctor and lab technician read.
    let own = read(c.doctor.clone(), None).await;
    assert_eq!(
        expect_data(&own)["patientByHealthId"]["timeline"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    expect_data(&read(c.lab.clone(), None).await);
    // Not in care at Lalbag: refused without a reason, opened (and flagged) with one.
    let body = read(c.lalbag_doctor.clone(), None).await;
    assert!(expect_error(&body, "FORBIDDEN")["message"]
        .as_str()
        .unwrap()
        .contains("breakGlassReason"));
    assert_eq!(
        field_of(&read(c.lalbag_doctor.clone(), Some("urgent")).await),
        "breakGlassReason"
    );
    let opened = read(
        c.lalbag_doctor.clone(),
        Some("Unconscious after a road accident, brought to casualty"),
    )
    .await;
    assert_eq!(
        expect_data(&opened)["patientByHealthId"]["timeline"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Administrators and platform staff do not read clinical content.
    expect_error(&read(c.wb.clone(), None).await, "FORBIDDEN");

    // The access log: every read, who, why, and whether the glass was broken.
    let log = "query($h: String!) { patientByHealthId(healthId: $h) { recordAccessLog { edges { node { viewed purpose breakGlass reason actor { username } professional { name } facility { name } } } } } }";
    let body = app.gql(Some(&c.wb), log, json!({ "h": hid })).await;
    let rows = expect_data(&body)["patientByHealthId"]["recordAccessLog"]["edges"].clone();
    let rows: Vec<(&str, bool)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["actor"]["username"].as_str().unwrap(),
                e["node"]["breakGlass"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("dr.roy", true), ("lab.pal", false), ("dr.sen", false)],
        "newest first; refused reads are not reads"
    );
    expect_error(
        &app.gql(Some(&c.doctor), log, json!({ "h": hid })).await,
        "FORBIDDEN",
    );

    // Break-glass openings go to the district of the reader's facility for review.
    let murshidabad_admin = district_admin(&app, &c, "da.murshidabad", &c.tree.murshidabad).await;
    let kolkata_admin = district_admin(&app, &c, "da.kolkata", &c.tree.kolkata).await;
    let list = "query($r: Boolean) { breakGlassAccesses(reviewed: $r) { edges { node { id reason patientId actor { username } facility { name } reviewedAt } } } }";
    let pending = expect_data(
        &app.gql(Some(&murshidabad_admin), list, json!({ "r": false }))
            .await,
    )["breakGlassAccesses"]["edges"]
        .clone();
    assert_eq!(pending.as_array().unwrap().len(), 1);
    assert_eq!(pending[0]["node"]["facility"]["name"], "Lalbag SDH");
    assert_eq!(pending[0]["node"]["patientId"], p["id"]);
    let none = expect_data(
        &app.gql(Some(&kolkata_admin), list, json!({ "r": false }))
            .await,
    );
    assert_eq!(none["breakGlassAccesses"]["edges"], json!([]));
    expect_error(
        &app.gql(Some(&c.doctor), list, json!({})).await,
        "FORBIDDEN",
    );
    let review = "mutation($id: ID!) { reviewBreakGlassAccess(id: $id, note: \"Casualty admission confirmed\") { reviewedAt reviewedBy { username } reviewNote } }";
    let id = pending[0]["node"]["id"].clone();
    expect_error(
        &app.gql(Some(&kolkata_admin), review, json!({ "id": id }))
            .await,
        "NOT_FOUND",
    );
    let done = expect_data(
        &app.gql(Some(&murshidabad_admin), review, json!({ "id": id }))
            .await,
    );
    assert_eq!(
        done["reviewBreakGlassAccess"]["reviewedBy"]["username"],
        "da.murshidabad"
    );
    expect_error(
        &app.gql(Some(&murshidabad_admin), review, json!({ "id": id }))
            .await,
        "CONFLICT",
    );
    let after = expect_data(&app.gql(Some(&c.wb), list, json!({ "r": false })).await);
    assert_eq!(after["breakGlassAccesses"]["edges"], json!([]));

    // A walk-in: once Lalbag opens an encounter, its doctor reads the whole record.
    let start =
        json!({ "i": { "patientId": p["id"], "facilityId": c.lalbag["id"], "kind": "EMERGENCY" } });
    expect_data(&app.gql(Some(&c.lalbag_doctor), &start_q(), start).await);
    let body = read(c.lalbag_doctor.clone(), None).await;
    let data = expect_data(&body);
    let kinds: Vec<&str> = data["patientByHealthId"]["timeline"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["ENCOUNTER", "VITALS", "ENCOUNTER"]);
}

async fn district_admin(app: &TestApp, c: &Clinic, username: &str, unit: &Value) -> String {
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            new_user(
                username,
                json!([{ "role": "DISTRICT_ADMIN", "unitId": unit["id"] }]),
            ),
        )
        .await,
    );
    app.token(Some("WB"), username, "a long enough password")
        .await
}

async fn timeline_orders_filters_pages_and_follows_merges(backend: Backend) {
    // A batch window long enough that the statement count below is deterministic.
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.graphql_batch_window_ms = 50;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Tania", "9830044444").await;
    let hid = p["healthId"].as_str().unwrap();
    let enc = c.encounter(&app, &p).await;
    // Vitals taken over the last days, recorded in shuffled order.
    let now = chrono::Utc::now();
    for days in [3, 1, 5, 2, 4] {
        let at = (now - chrono::Duration::days(days)).to_rfc3339();
        let body = app
            .gql(
                Some(&c.nurse),
                &add_q(),
                json!({ "e": enc["id"], "x": { "vitals": { "pulsePerMin": 70 + days } }, "at": at }),
            )
            .await;
        added(&body);
    }
    added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "note": { "category": "PROGRESS", "text": "Improving." } }),
        )
        .await,
    );

    // Pages of two, newest first, until the end: every entry once, in order.
    let mut seen: Vec<String> = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let body = app
            .gql(
                Some(&c.doctor),
                TIMELINE,
                json!({ "h": hid, "first": 2, "after": after }),
            )
            .await;
        let t = expect_data(&body)["patientByHealthId"]["timeline"].clone();
        for e in t["edges"].as_array().unwrap() {
            seen.push(e["node"]["occurredAt"].as_str().unwrap().to_owned());
        }
        if !t["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = t["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(seen.len(), 7, "encounter, five vitals, a note");
    let parsed: Vec<chrono::DateTime<chrono::Utc>> =
        seen.iter().map(|s| s.parse().unwrap()).collect();
    assert!(parsed.windows(2).all(|w| w[0] >= w[1]), "{seen:?}");

    // Oldest first, by kind, and by dates.
    let body = app
        .gql(
            Some(&c.doctor),
            TIMELINE,
            json!({ "h": hid, "f": { "kinds": ["VITALS"], "oldestFirst": true } }),
        )
        .await;
    let edges = expect_data(&body)["patientByHealthId"]["timeline"]["edges"].clone();
    assert_eq!(edges.as_array().unwrap().len(), 5);
    let first: chrono::DateTime<chrono::Utc> = edges[0]["node"]["occurredAt"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(now - first > chrono::Duration::days(4));
    let window = json!({ "from": (now - chrono::Duration::hours(60)).to_rfc3339(), "until": (now - chrono::Duration::hours(12)).to_rfc3339() });
    let body = app
        .gql(Some(&c.doctor), TIMELINE, json!({ "h": hid, "f": window }))
        .await;
    assert_eq!(
        expect_data(&body)["patientByHealthId"]["timeline"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let forged = app
        .gql(
            Some(&c.doctor),
            TIMELINE,
            json!({ "h": hid, "after": "bm90LWEtY3Vyc29y" }),
        )
        .await;
    assert_eq!(field_of(&forged), "after");

    // Nested fields of a whole page load in a bounded number of statements.
    let nested = "query($h: String!, $n: Int) { patientByHealthId(healthId: $h) { timeline(first: $n) { edges { node { kind author { name } facility { name } history { version author { name } } entries { kind author { name } } results { id } } } } } }";
    let mut counts = Vec::new();
    for n in [2, 7] {
        let before = statements(&app).await;
        expect_data(
            &app.gql(Some(&c.doctor), nested, json!({ "h": hid, "n": n }))
                .await,
        );
        counts.push(statements(&app).await - before);
    }
    assert_eq!(
        counts[0], counts[1],
        "statements grow with the page: {counts:?}"
    );

    // A merged record's entries belong to the survivor.
    let dup = c.patient(&app, "Taniya", "9830055555").await;
    let dup_enc = c.encounter(&app, &dup).await;
    added(
        &add(
            &app,
            &c.nurse,
            &dup_enc,
            json!({ "vitals": { "pulsePerMin": 99 } }),
        )
        .await,
    );
    let merge = "mutation($s: ID!, $m: ID!, $v: Int!) { mergePatients(survivorId: $s, mergedId: $m, expectedVersion: $v) { id } }";
    expect_data(
        &app.gql(
            Some(&c.wb),
            merge,
            json!({ "s": p["id"], "m": dup["id"], "v": dup["version"] }),
        )
        .await,
    );
    let body = app
        .gql(Some(&c.doctor), TIMELINE, json!({ "h": hid, "first": 100 }))
        .await;
    assert_eq!(
        expect_data(&body)["patientByHealthId"]["timeline"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
}

async fn records_of_other_tenants_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Kabita", "9830066666").await;
    let enc = c.encounter(&app, &p).await;
    let vitals = added(
        &add(
            &app,
            &c.nurse,
            &enc,
            json!({ "vitals": { "pulsePerMin": 80 } }),
        )
        .await,
    );
    // A Bihar doctor, fully set up in Bihar, sees nothing of West Bengal's records.
    let br = app.br_admin().await;
    let unit = super::units::create_unit(&app, &br, None, "STATE", "Bihar", Some("10")).await;
    let patna = create_facility(
        &app,
        &br,
        facility("Patna MCH", "MEDICAL_COLLEGE_HOSPITAL", &unit["id"]),
    )
    .await;
    let br_doctor = br_clinician(&app, &br, &patna).await;
    let entry = "query($id: ID!) { clinicalEntry(id: $id, breakGlassReason: \"Emergency in the casualty ward\") { id } }";
    expect_error(
        &app.gql(Some(&br_doctor), entry, json!({ "id": vitals["id"] }))
            .await,
        "NOT_FOUND",
    );
    let body = add(
        &app,
        &br_doctor,
        &enc,
        json!({ "note": { "category": "OTHER", "text": "x" } }),
    )
    .await;
    expect_error(&body, "NOT_FOUND");
    let start =
        json!({ "i": { "patientId": p["id"], "facilityId": patna["id"], "kind": "OUTPATIENT" } });
    expect_error(
        &app.gql(Some(&br_doctor), &start_q(), start).await,
        "NOT_FOUND",
    );
    let mark = app
        .gql(
            Some(&br_doctor),
            MARK,
            json!({ "id": vitals["id"], "v": 1, "r": "not ours at all" }),
        )
        .await;
    expect_error(&mark, "NOT_FOUND");
    if backend == Backend::Postgres {
        let db = app.app_role_db().await;
        let tenant_of = |token: String| {
            let app = &app;
            async move {
                expect_data(
                    &app.gql(Some(&token), "{ me { tenant { id } } }", json!({}))
                        .await,
                )["me"]["tenant"]["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            }
        };
        let (br_id, wb_id) = (tenant_of(br.clone()).await, tenant_of(c.wb.clone()).await);
        for (table, wb_rows) in [
            ("clinical_entries", 2),
            ("clinical_entry_versions", 2),
            ("record_access_log", 0),
        ] {
            assert_eq!(
                super::rls::in_tenant(&db, &br_id, table).await,
                0,
                "{table}"
            );
            assert_eq!(
                super::rls::in_tenant(&db, &wb_id, table).await,
                wb_rows,
                "{table}"
            );
        }
    }
    assert!(error_code(
        &app.gql(
            Some(&br_doctor),
            "{ icd10Codes(search: \"dengue\") { code } }",
            json!({})
        )
        .await
    )
    .is_none());
}

/// A verified Bihar doctor posted at `facility`.
async fn br_clinician(app: &TestApp, br: &str, facility: &Value) -> String {
    let create =
        "mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id version } }";
    let p = json!({ "name": "Dr. Kumar", "kind": "DOCTOR", "registrations": [{ "council": "Bihar Medical Council", "number": "BMC-1", "registeredOn": "2012-01-01" }] });
    let posting = json!({ "facilityId": facility["id"], "designation": "Medical Officer", "from": "2024-01-01" });
    let created = expect_data(
        &app.gql(
            Some(br),
            create,
            json!({ "i": { "professional": p, "posting": posting } }),
        )
        .await,
    )["createProfessional"]
        .clone();
    let verify = "mutation($id: ID!, $v: Int!) { verifyProfessional(id: $id, expectedVersion: $v) { version } }";
    let v = expect_data(
        &app.gql(
            Some(br),
            verify,
            json!({ "id": created["id"], "v": created["version"] }),
        )
        .await,
    )["verifyProfessional"]["version"]
        .clone();
    let mut user = new_user("dr.kumar", json!([{ "role": "DOCTOR" }]));
    user["i"]["account"]["email"] = json!("dr.kumar@br.example");
    let u = expect_data(&app.gql(Some(br), CREATE_USER, user).await)["createUser"].clone();
    let link = "mutation($id: ID!, $v: Int!, $u: ID) { linkProfessionalUser(id: $id, expectedVersion: $v, userId: $u) { id } }";
    expect_data(
        &app.gql(
            Some(br),
            link,
            json!({ "id": created["id"], "v": v, "u": u["id"] }),
        )
        .await,
    );
    app.token(Some("BR"), "dr.kumar", "a long enough password")
        .await
}
