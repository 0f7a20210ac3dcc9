//! FHIR R4 completeness: notes and discharge summaries as DocumentReference, lab orders
//! as ServiceRequest (and the reports based on them), ranked diagnoses, vital signs by
//! their R4 profiles with interpretations, UCUM units on lab values, council
//! identifiers, estimated birth dates, merge links, and every type the
//! CapabilityStatement lists readable by id and searchable by patient.

use super::fhir::{get, resources, validate};
use super::patients::register;
use super::records::{add, added, Clinic};
use arogya_tests::{expect_data, Backend, TestApp};
use base64::Engine;
use serde_json::{json, Value};

on_both_backends!(
    fhir_export_is_complete_and_every_listed_type_is_served,
    merged_and_estimated_patients_say_what_is_known
);

fn by_id<'a>(all: &'a [&'a Value], id: &str) -> &'a Value {
    all.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

async fn fhir_export_is_complete_and_every_listed_type_is_served(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Parul", "9830044444").await;
    let id = p["id"].as_str().unwrap().to_owned();
    let enc = c.encounter(&app, &p).await;
    added(&add(&app, &c.nurse, &enc, json!({ "vitals": { "pulsePerMin": 132, "spo2Percent": 91, "bloodGlucoseMgDl": 96, "glucoseTiming": "FASTING", "systolicMmHg": 150, "diastolicMmHg": 95 } })).await);
    let secondary = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "E11.9", "certainty": "FINAL", "rank": "SECONDARY" } }),
        )
        .await,
    );
    let primary = added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    added(&add(&app, &c.doctor, &enc, json!({ "prescription": { "items": [{ "drugName": "Paracetamol", "strength": "500 mg", "dose": "1", "frequency": "1-1-1", "form": "TABLET" }] } })).await);
    let note = added(&add(&app, &c.doctor, &enc, json!({ "note": { "category": "PROGRESS", "text": "Afebrile since morning; tolerating oral fluids." } })).await);
    let order = added(&add(&app, &c.doctor, &enc, json!({ "labOrder": { "tests": [{ "name": "Haemoglobin", "loinc": "718-7" }, { "name": "Platelet count", "loinc": "777-3" }], "specimen": "BLOOD", "priority": "URGENT" } })).await);
    let report = added(&add(&app, &c.lab, &enc, json!({ "labResult": { "orderId": order["id"], "measurements": [
        { "test": "Haemoglobin", "loinc": "718-7", "value": "10.1", "unit": "g/dL", "referenceLow": 12, "referenceHigh": 15.5 },
        { "test": "Platelet count", "loinc": "777-3", "value": "90", "unit": "x10^3/µL", "referenceLow": 150, "referenceHigh": 450 }] } })).await);
    let summary = added(&add(&app, &c.doctor, &enc, json!({ "dischargeSummary": { "diagnosisCodes": ["A90"], "treatmentGiven": "Oral fluids and paracetamol", "conditionAtDischarge": "Stable", "advice": "Rest" } })).await);

    let path = format!("/fhir/R4/Patient/{id}/$everything");
    let (status, _, all) = get(&app, &path, Some(&c.doctor)).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["type"], "searchset");

    // Notes and the discharge summary, as documents holding their text.
    let docs = resources(&all, "DocumentReference");
    assert_eq!(docs.len(), 2);
    let text_of = |d: &Value| {
        let data = d["content"][0]["attachment"]["data"].as_str().unwrap();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(data)
                .unwrap(),
        )
        .unwrap()
    };
    let n = by_id(&docs, note["id"].as_str().unwrap());
    assert_eq!(n["type"]["coding"][0]["code"], "11506-3");
    assert!(text_of(n).contains("tolerating oral fluids"));
    let s = by_id(&docs, summary["id"].as_str().unwrap());
    assert_eq!(s["type"]["coding"][0]["code"], "18842-5");
    assert!(text_of(s).contains("Oral fluids and paracetamol"));

    // The order, one request per test, completed by the report based on them.
    let requests = resources(&all, "ServiceRequest");
    assert_eq!(requests.len(), 2);
    assert!(requests
        .iter()
        .all(|r| r["status"] == "completed" && r["priority"] == "urgent"));
    assert_eq!(requests[0]["requisition"]["value"], order["id"]);
    let reports = resources(&all, "DiagnosticReport");
    let based_on: Vec<&str> = reports[0]["basedOn"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        based_on,
        [
            format!("ServiceRequest/{}-t0", order["id"].as_str().unwrap()),
            format!("ServiceRequest/{}-t1", order["id"].as_str().unwrap())
        ]
    );

    // Diagnoses ranked in the encounter: primary first.
    let encounter = resources(&all, "Encounter")[0].clone();
    assert_eq!(
        encounter["diagnosis"],
        json!([
            { "condition": { "reference": format!("Condition/{}", primary["id"].as_str().unwrap()) }, "rank": 1 },
            { "condition": { "reference": format!("Condition/{}", secondary["id"].as_str().unwrap()) }, "rank": 2 },
        ])
    );

    // Vital signs by their profiles, unusual ones interpreted; glucose says fasting.
    let observations = resources(&all, "Observation");
    let obs = |suffix: &str| {
        observations
            .iter()
            .find(|o| o["id"].as_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("{suffix}"))
    };
    let spo2 = obs("-spo2");
    let codes: Vec<&str> = spo2["code"]["coding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["2708-6", "59408-5"]);
    assert_eq!(
        spo2["meta"]["profile"][0],
        "http://hl7.org/fhir/StructureDefinition/oxygensat"
    );
    assert_eq!(spo2["interpretation"][0]["coding"][0]["code"], "L");
    assert_eq!(obs("-pulse")["interpretation"][0]["coding"][0]["code"], "H");
    assert_eq!(
        obs("-bp")["component"][0]["interpretation"][0]["coding"][0]["code"],
        "H"
    );
    assert_eq!(obs("-glucose")["code"]["coding"][0]["code"], "1558-6");
    // Lab values and ranges carry UCUM codes.
    let hb = obs("-m0");
    assert_eq!(hb["valueQuantity"]["system"], "http://unitsofmeasure.org");
    assert_eq!(hb["valueQuantity"]["code"], "g/dL");
    assert_eq!(hb["referenceRange"][0]["low"]["code"], "g/dL");
    assert_eq!(obs("-m1")["valueQuantity"]["code"], "10*3/uL");
    // Council registration numbers have a system.
    let doctor = resources(&all, "Practitioner")
        .into_iter()
        .find(|p| p["identifier"].is_array())
        .expect("a registered practitioner");
    assert!(doctor["identifier"][0]["system"]
        .as_str()
        .unwrap()
        .starts_with("https://arogya.health/fhir/sid/council/"));
    validate(&[&all]);

    // Every type the CapabilityStatement lists is read by id and searched by patient.
    let (_, _, meta) = get(&app, "/fhir/R4/metadata", None).await;
    let listed: Vec<(String, bool)> = meta["rest"][0]["resource"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let search = r["interaction"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["code"] == "search-type");
            (r["type"].as_str().unwrap().to_owned(), search)
        })
        .collect();
    assert!(listed.len() >= 10, "{listed:?}");
    let mut served = Vec::new();
    // Wards, beds and capacity reports are not part of a patient's record: their reads
    // and searches are tested in inpatient_reservations.rs and inpatient_fhir.rs.
    const OUTSIDE_THE_RECORD: [&str; 2] = ["Location", "MeasureReport"];
    for (kind, search) in &listed {
        if OUTSIDE_THE_RECORD.contains(&kind.as_str()) {
            continue;
        }
        let Some(sample) = resources(&all, kind).into_iter().next().cloned() else {
            panic!("{kind} is listed but the export has none");
        };
        let rid = sample["id"].as_str().unwrap();
        let (status, _, read) = get(&app, &format!("/fhir/R4/{kind}/{rid}"), Some(&c.doctor)).await;
        assert_eq!(status, 200, "{kind}/{rid}: {read}");
        assert_eq!(
            (read["resourceType"].as_str(), read["id"].as_str()),
            (Some(kind.as_str()), Some(rid))
        );
        served.push(read);
        if *search && kind != "Patient" {
            let (status, _, found) = get(
                &app,
                &format!("/fhir/R4/{kind}?patient={id}"),
                Some(&c.doctor),
            )
            .await;
            assert_eq!(status, 200, "{kind}?patient: {found}");
            assert_eq!(found["type"], "searchset");
            assert_eq!(
                found["total"].as_u64().unwrap() as usize,
                resources(&all, kind).len(),
                "{kind}"
            );
            served.push(found);
        }
    }
    let refs: Vec<&Value> = served.iter().collect();
    validate(&refs);
    // A report read alone still names the requests it answers.
    let (_, _, alone) = get(
        &app,
        &format!(
            "/fhir/R4/DiagnosticReport/{}",
            report["id"].as_str().unwrap()
        ),
        Some(&c.doctor),
    )
    .await;
    assert_eq!(alone["basedOn"].as_array().unwrap().len(), 2);
    // Reads are logged like any record read.
    let log = "query($h: String!) { patientByHealthId(healthId: $h) { recordAccessLog { edges { node { viewed } } } } }";
    let rows = expect_data(
        &app.gql(Some(&c.wb), log, json!({ "h": p["healthId"] }))
            .await,
    )["patientByHealthId"]["recordAccessLog"]["edges"]
        .clone();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["node"]["viewed"] == "fhir_read"));

    // Unknown types and other tenants find nothing; outside care is refused.
    assert_eq!(
        get(
            &app,
            &format!("/fhir/R4/Medication/{}", order["id"].as_str().unwrap()),
            Some(&c.doctor)
        )
        .await
        .0,
        404
    );
    assert_eq!(
        get(
            &app,
            &format!("/fhir/R4/Encounter/{}", enc["id"].as_str().unwrap()),
            Some(&app.br_admin().await)
        )
        .await
        .0,
        403,
        "administrators are not clinicians"
    );
    assert_eq!(
        get(
            &app,
            &format!("/fhir/R4/Condition/{}", primary["id"].as_str().unwrap()),
            Some(&c.lalbag_doctor)
        )
        .await
        .0,
        403
    );
    assert_eq!(
        get(
            &app,
            &format!("/fhir/R4/Condition?patient={id}"),
            Some(&c.lalbag_doctor)
        )
        .await
        .0,
        403
    );
}

async fn merged_and_estimated_patients_say_what_is_known(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let wb = &c.wb;
    let a = register(&app, wb, json!({ "givenName": "Sabita", "familyName": "Roy", "sex": "FEMALE", "ageYears": 45, "phone": "9830033333" }), true).await["patient"].clone();
    let b = register(&app, wb, json!({ "givenName": "Sabita", "familyName": "Ray", "sex": "FEMALE", "dateOfBirth": "1981-03-04", "phone": "9830033334" }), true).await["patient"].clone();
    let merge = "mutation($s: ID!, $m: ID!, $v: Int!) { mergePatients(survivorId: $s, mergedId: $m, expectedVersion: $v) { id } }";
    expect_data(
        &app.gql(
            Some(wb),
            merge,
            json!({ "s": a["id"], "m": b["id"], "v": 1 }),
        )
        .await,
    );
    let (aid, bid) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());

    let (_, _, survivor) = get(&app, &format!("/fhir/R4/Patient/{aid}"), Some(&c.doctor)).await;
    // Estimated from an age: the year only, marked as estimated.
    let year = survivor["birthDate"].as_str().unwrap();
    assert_eq!(year.len(), 4, "{survivor}");
    assert_eq!(survivor["_birthDate"]["extension"][0]["valueBoolean"], true);
    assert_eq!(
        survivor["link"],
        json!([{ "other": { "reference": format!("Patient/{bid}") }, "type": "replaces" }])
    );
    assert!(survivor["identifier"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["use"] == "old" && i["value"] == b["healthId"]));

    let (_, _, merged) = get(&app, &format!("/fhir/R4/Patient/{bid}"), Some(&c.doctor)).await;
    assert_eq!(merged["active"], false);
    assert_eq!(
        merged["birthDate"], "1981-03-04",
        "a known date stays whole"
    );
    assert_eq!(
        merged["link"],
        json!([{ "other": { "reference": format!("Patient/{aid}") }, "type": "replaced-by" }])
    );
    validate(&[&survivor, &merged]);
}
