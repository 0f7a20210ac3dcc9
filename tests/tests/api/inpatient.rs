//! Inpatient care, black-box: wards and beds set up by bed managers; one patient per
//! bed even under a race; transfers, discharges and the inpatient encounter in the
//! record; unidentified patients; condition entries with NEWS2 computed by the
//! server; the monitoring list, occupancy and the public bed page; other tenants.

use super::inpatient_support::*;
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const CAPACITY: &str =
    "query($f: ID!) { bedCapacityCheck(facilityId: $f) { bedType declared setUp difference } }";
const ENTRY: &str = "query($id: ID!) { clinicalEntry(id: $id, purpose: \"treatment\") { kind status details { ... on EncounterView { kind end outcome department } } } }";
const MONITOR: &str = "query($f: AdmittedFilter) { admittedPatients(filter: $f) { total byCategory { category patients } byLifeSupport { lifeSupport patients } patients { id name category lifeSupport news2 bedLabel wardName facilityName overdue } } }";
const OCCUPANCY: &str = "query($u: ID, $f: ID, $g: OccupancyGrouping) { bedOccupancy(unitId: $u, facilityId: $f, groupBy: $g) { total { total occupied free outOfService occupancyRate } rows { key name bedType counts { total occupied free } } } }";
const PUBLIC_BEDS: &str = "query($t: String!, $d: ID!) { publicBedAvailability(tenantCode: $t, districtId: $d) { district facilities { name free { bedType free } } } }";

on_both_backends!(wards_and_beds_are_set_up_by_bed_managers);

async fn wards_and_beds_are_set_up_by_bed_managers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    // A nurse works on the ward but does not set it up.
    let body = app.gql(Some(&h.c.nurse), WARD, json!({ "i": { "facilityId": h.c.kolkata["id"], "name": "Surgical", "department": "SURGERY" } })).await;
    expect_error(&body, "FORBIDDEN");
    let again = app.gql(Some(&h.c.wb), WARD, json!({ "i": { "facilityId": h.c.kolkata["id"], "name": "Female Medical", "department": "MEDICINE" } })).await;
    expect_error(&again, "CONFLICT");
    let bad_phone = app.gql(Some(&h.c.wb), WARD, json!({ "i": { "facilityId": h.c.kolkata["id"], "name": "Labour room", "department": "OBSTETRICS", "phone": "call us" } })).await;
    assert_eq!(
        expect_error(&bad_phone, "VALIDATION")["extensions"]["field"],
        "phone"
    );
    let twice = app
        .gql(
            Some(&h.c.wb),
            BEDS,
            json!({ "w": h.ward["id"], "t": "GENERAL", "l": ["X-1", "x-1"] }),
        )
        .await;
    assert_eq!(
        expect_error(&twice, "VALIDATION")["extensions"]["field"],
        "labels.1"
    );
    let taken = app
        .gql(
            Some(&h.c.wb),
            BEDS,
            json!({ "w": h.ward["id"], "t": "GENERAL", "l": ["M-1"] }),
        )
        .await;
    expect_error(&taken, "CONFLICT");

    // The facility declared no beds by type: every bed set up shows as a difference.
    let check = expect_data(
        &app.gql(Some(&h.c.wb), CAPACITY, json!({ "f": h.c.kolkata["id"] }))
            .await,
    )["bedCapacityCheck"]
        .clone();
    let row = |t: &str| {
        check
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["bedType"] == t)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            row("GENERAL")["setUp"].as_i64(),
            row("VENTILATOR")["setUp"].as_i64()
        ),
        (Some(4), Some(2)),
        "{check}"
    );
    assert_eq!(
        row("GENERAL")["difference"].as_i64().unwrap(),
        4 - row("GENERAL")["declared"].as_i64().unwrap()
    );

    // Closing needs a reason; the nurse may close and reopen a bed.
    let bed = &h.beds[3];
    let no_reason = app
        .gql(
            Some(&h.c.nurse),
            HOUSEKEEPING,
            json!({ "b": bed["id"], "v": 1, "h": "CLOSED" }),
        )
        .await;
    assert_eq!(
        expect_error(&no_reason, "VALIDATION")["extensions"]["field"],
        "reason"
    );
    let closed = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            HOUSEKEEPING,
            json!({ "b": bed["id"], "v": 1, "h": "CLOSED", "r": "broken side rail" }),
        )
        .await,
    )["setBedHousekeeping"]
        .clone();
    assert_eq!(
        (closed["housekeeping"].as_str(), closed["version"].as_i64()),
        (Some("CLOSED"), Some(2))
    );
    // A stale version loses.
    expect_error(
        &app.gql(
            Some(&h.c.nurse),
            HOUSEKEEPING,
            json!({ "b": bed["id"], "v": 1, "h": "READY" }),
        )
        .await,
        "CONFLICT",
    );
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.ward["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    assert_eq!(
        board["counts"],
        json!({ "total": 4, "occupied": 0, "free": 3, "outOfService": 1, "occupancyRate": 0.0 })
    );
    let m4 = board["beds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bed"]["label"] == "M-4")
        .unwrap();
    assert_eq!(
        (m4["state"].as_str(), m4["fhirStatus"].as_str()),
        (Some("CLOSED"), Some("C"))
    );
}

on_both_backends!(one_bed_holds_one_patient_even_under_a_race);

async fn one_bed_holds_one_patient_even_under_a_race(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let mut people = Vec::new();
    for (i, name) in ["Asha", "Bina", "Chaya", "Dipa", "Esha", "Fulki"]
        .iter()
        .enumerate()
    {
        people.push(h.c.patient(&app, name, &format!("983001100{i}")).await);
    }
    // Six admissions of six patients to one bed at the same moment: exactly one wins.
    let attempts = futures_util::future::join_all(
        people
            .iter()
            .map(|p| app.gql(Some(&h.c.nurse), ADMIT, h.admission(p, &h.beds[0]))),
    )
    .await;
    let won: Vec<&Value> = attempts.iter().filter(|b| b["errors"].is_null()).collect();
    assert_eq!(won.len(), 1, "{attempts:?}");
    for b in attempts.iter().filter(|b| !b["errors"].is_null()) {
        assert_eq!(error_code(b).as_deref(), Some("CONFLICT"), "{b}");
        assert!(
            b["errors"][0]["message"].as_str().unwrap().contains("M-1"),
            "{b}"
        );
    }
    let a = won[0]["data"]["admitPatient"].clone();
    assert_eq!(
        (
            a["bedLabel"].as_str(),
            a["status"].as_str(),
            a["wardName"].as_str()
        ),
        (Some("M-1"), Some("ADMITTED"), Some("Female Medical"))
    );
    assert!(a["encounterId"].is_string(), "{a}");
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.ward["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    let occupied: Vec<&Value> = board["beds"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["state"] == "OCCUPIED")
        .collect();
    assert_eq!(occupied.len(), 1);
    assert_eq!(occupied[0]["admission"]["id"], a["id"]);
    assert_eq!(board["counts"]["occupancyRate"].as_f64(), Some(25.0));

    // The winner cannot be admitted twice; an unknown health ID is named.
    let winner = people
        .iter()
        .find(|p| p["healthId"] == a["healthId"])
        .unwrap();
    expect_error(
        &app.gql(Some(&h.c.nurse), ADMIT, h.admission(winner, &h.beds[1]))
            .await,
        "CONFLICT",
    );
    let mut unknown = h.admission(&people[0], &h.beds[1]);
    unknown["i"]["healthId"] = json!("WB-0000-0000-0000");
    let e = app.gql(Some(&h.c.nurse), ADMIT, unknown).await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "healthId",
        "{e}"
    );
    // Attendants' phones are mobile numbers.
    let mut landline = h.admission(&people[1], &h.beds[1]);
    landline["i"]["attendants"][0]["phone"] = json!("033 2222 1111");
    let e = app.gql(Some(&h.c.nurse), ADMIT, landline).await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "attendants.phone"
    );
    // A doctor of another facility does not admit here.
    expect_error(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            ADMIT,
            h.admission(&people[1], &h.beds[1]),
        )
        .await,
        "FORBIDDEN",
    );
}

on_both_backends!(transfers_and_discharges_keep_the_record);

async fn transfers_and_discharges_keep_the_record(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Shila", "9830012001", &h.beds[0]).await;
    let moved = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            TRANSFER,
            json!({ "a": a["id"], "v": a["version"], "b": h.icu_beds[0]["id"] }),
        )
        .await,
    )["transferPatient"]
        .clone();
    assert_eq!(
        (moved["bedLabel"].as_str(), moved["wardName"].as_str()),
        (Some("ICU-1"), Some("ICU"))
    );
    // The bed left behind is being cleaned: nobody is admitted to it until it is ready.
    let (_, other) = {
        let p = h.c.patient(&app, "Tara", "9830012002").await;
        let e = app
            .gql(Some(&h.c.nurse), ADMIT, h.admission(&p, &h.beds[0]))
            .await;
        assert!(
            expect_error(&e, "CONFLICT")["message"]
                .as_str()
                .unwrap()
                .contains("not ready"),
            "{e}"
        );
        let board = expect_data(
            &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.ward["id"] }))
                .await,
        )["wardBoard"]
            .clone();
        let m1 = board["beds"][0]["bed"].clone();
        assert_eq!(board["beds"][0]["state"], "CLEANING");
        expect_data(
            &app.gql(
                Some(&h.c.nurse),
                HOUSEKEEPING,
                json!({ "b": m1["id"], "v": m1["version"], "h": "READY" }),
            )
            .await,
        );
        (
            p.clone(),
            expect_data(
                &app.gql(Some(&h.c.nurse), ADMIT, h.admission(&p, &h.beds[0]))
                    .await,
            )["admitPatient"]
                .clone(),
        )
    };
    assert_eq!(other["bedLabel"], "M-1");
    // A stale version loses the transfer.
    expect_error(
        &app.gql(
            Some(&h.c.nurse),
            TRANSFER,
            json!({ "a": a["id"], "v": a["version"], "b": h.beds[2]["id"] }),
        )
        .await,
        "CONFLICT",
    );

    // A death needs its time; only a death has one.
    let died = |t: Option<&str>| json!({ "i": { "admissionId": a["id"], "expectedVersion": moved["version"], "outcome": "DIED", "timeOfDeath": t } });
    let e = app.gql(Some(&h.c.doctor), DISCHARGE, died(None)).await;
    assert_eq!(
        expect_error(&e, "VALIDATION")["extensions"]["field"],
        "timeOfDeath"
    );
    let at = chrono::Utc::now().to_rfc3339();
    let done = expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, died(Some(&at))).await)
        ["dischargePatient"]
        .clone();
    assert_eq!(
        (done["status"].as_str(), done["outcome"].as_str()),
        (Some("DISCHARGED"), Some("DIED"))
    );
    expect_error(
        &app.gql(Some(&h.c.doctor), DISCHARGE, died(Some(&at))).await,
        "CONFLICT",
    );
    // The inpatient encounter in the record is finished with the outcome.
    let entry = expect_data(
        &app.gql(Some(&h.c.doctor), ENTRY, json!({ "id": a["encounterId"] }))
            .await,
    )["clinicalEntry"]
        .clone();
    assert_eq!(entry["status"], "FINISHED");
    assert_eq!(
        (
            entry["details"]["kind"].as_str(),
            entry["details"]["outcome"].as_str(),
            entry["details"]["department"].as_str()
        ),
        (Some("INPATIENT"), Some("DIED"), Some("medicine"))
    );
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": h.icu["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    assert_eq!(board["beds"][0]["state"], "CLEANING");
}

on_both_backends!(an_unidentified_patient_is_admitted_then_named);

async fn an_unidentified_patient_is_admitted_then_named(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let unknown = json!({ "i": { "unidentified": "Unknown male, about 40, brought from Sealdah station", "bedId": h.beds[1]["id"], "admittingProfessionalId": h.c.doctor_id, "department": "EMERGENCY", "reason": "Head injury, unconscious" } });
    let a = expect_data(&app.gql(Some(&h.c.nurse), ADMIT, unknown.clone()).await)["admitPatient"]
        .clone();
    assert_eq!(
        (
            a["unidentified"].as_bool(),
            a["patientId"].is_null(),
            a["encounterId"].is_null()
        ),
        (Some(true), true, true)
    );
    assert!(a["name"].as_str().unwrap().starts_with("Unknown male"));
    let mut neither = unknown.clone();
    neither["i"]["unidentified"] = Value::Null;
    assert_eq!(
        expect_error(
            &app.gql(Some(&h.c.nurse), ADMIT, neither).await,
            "VALIDATION"
        )["extensions"]["field"],
        "healthId"
    );
    let p = h.c.patient(&app, "Gopal", "9830012003").await;
    let q = "mutation($a: ID!, $v: Int!, $h: String!) { identifyAdmittedPatient(admissionId: $a, expectedVersion: $v, healthId: $h) { patientId healthId name unidentified encounterId } }";
    let named = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            q,
            json!({ "a": a["id"], "v": a["version"], "h": p["healthId"] }),
        )
        .await,
    )["identifyAdmittedPatient"]
        .clone();
    assert_eq!(
        (named["patientId"].clone(), named["unidentified"].as_bool()),
        (p["id"].clone(), Some(false))
    );
    assert!(
        named["name"].as_str().unwrap().starts_with("Gopal"),
        "{named}"
    );
    assert!(named["encounterId"].is_string());
}

on_both_backends!(conditions_feed_the_monitoring_list_and_occupancy);

async fn conditions_feed_the_monitoring_list_and_occupancy(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Kalpana", "9830013001", &h.icu_beds[0]).await;
    let (_, b) = h.admit(&app, "Mitali", "9830013002", &h.beds[0]).await;
    // NEWS2 is computed by the server: 3+3+2+3+3+3+2 = 19, high risk.
    let c = expect_data(
        &app.gql(Some(&h.c.nurse), CONDITION, critical_on_ventilator(&a))
            .await,
    )["recordCondition"]
        .clone();
    assert_eq!(
        (c["news2"].as_i64(), c["news2Risk"].as_str()),
        (Some(19), Some("HIGH"))
    );
    assert_eq!(c["categoryDefinition"], "immediately life-threatening");
    let mild = json!({ "i": { "admissionId": b["id"], "category": "MILD", "lifeSupport": "NONE", "consciousness": "ALERT" } });
    let m =
        expect_data(&app.gql(Some(&h.c.doctor), CONDITION, mild).await)["recordCondition"].clone();
    assert!(m["news2"].is_null());
    // Impossible observations are refused by field; other staff may not write.
    let mut bad = critical_on_ventilator(&a);
    bad["i"]["observations"]["spo2"] = json!(120);
    assert_eq!(
        expect_error(
            &app.gql(Some(&h.c.nurse), CONDITION, bad).await,
            "VALIDATION"
        )["extensions"]["field"],
        "observations.spo2"
    );
    expect_error(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            CONDITION,
            critical_on_ventilator(&a),
        )
        .await,
        "FORBIDDEN",
    );

    // The state sees counts at the top and the sickest first.
    let list =
        expect_data(&app.gql(Some(&h.c.wb), MONITOR, json!({})).await)["admittedPatients"].clone();
    assert_eq!(list["total"], 2);
    let count = |key: &str, field: &str, value: &str| {
        list[key]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[field] == value)
            .map(|r| r["patients"].as_i64().unwrap())
    };
    assert_eq!(
        (
            count("byCategory", "category", "CRITICAL"),
            count("byLifeSupport", "lifeSupport", "INVASIVE_VENTILATION")
        ),
        (Some(1), Some(1))
    );
    assert_eq!(list["patients"][0]["news2"], 19);
    assert_eq!(list["patients"][0]["bedLabel"], "ICU-1");
    // Filtered by life support.
    let vent = expect_data(
        &app.gql(
            Some(&h.c.wb),
            MONITOR,
            json!({ "f": { "lifeSupport": ["INVASIVE_VENTILATION", "NON_INVASIVE_VENTILATION"] } }),
        )
        .await,
    )["admittedPatients"]
        .clone();
    assert_eq!(vent["patients"].as_array().unwrap().len(), 1);
    // A doctor of another facility sees nothing here.
    let theirs = expect_data(&app.gql(Some(&h.c.lalbag_doctor), MONITOR, json!({})).await)
        ["admittedPatients"]
        .clone();
    assert_eq!(theirs["total"], 0, "{theirs}");
    expect_error(
        &app.gql(
            Some(&h.c.lalbag_doctor),
            BOARD,
            json!({ "w": h.ward["id"] }),
        )
        .await,
        "FORBIDDEN",
    );

    // Occupancy by district and bed type: 2 occupied of 6.
    let occ = expect_data(
        &app.gql(Some(&h.c.wb), OCCUPANCY, json!({ "g": "DISTRICT" }))
            .await,
    )["bedOccupancy"]
        .clone();
    assert_eq!(
        occ["total"],
        json!({ "total": 6, "occupied": 2, "free": 4, "outOfService": 0, "occupancyRate": 33.3 })
    );
    let vent_row = occ["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["bedType"] == "VENTILATOR")
        .unwrap()
        .clone();
    assert_eq!(
        vent_row["counts"],
        json!({ "total": 2, "occupied": 1, "free": 1 })
    );
    assert_eq!(vent_row["key"], h.c.tree.kolkata["id"], "{vent_row}");
    // Live: an admission and a closed bed show at once (the counts kept in memory are forgotten).
    h.admit(&app, "Nirmala", "9830013003", &h.beds[1]).await;
    let closed = json!({ "b": h.beds[3]["id"], "v": 1, "h": "CLOSED", "r": "leaking roof" });
    expect_data(&app.gql(Some(&h.c.nurse), HOUSEKEEPING, closed).await);
    let occ = expect_data(
        &app.gql(Some(&h.c.wb), OCCUPANCY, json!({ "g": "FACILITY" }))
            .await,
    )["bedOccupancy"]
        .clone();
    assert_eq!(
        (
            occ["total"]["occupied"].as_i64(),
            occ["total"]["outOfService"].as_i64()
        ),
        (Some(3), Some(1)),
        "{occ}"
    );
    // The public page: free beds by type, no names, no sign-in.
    let public = expect_data(
        &app.gql(
            None,
            PUBLIC_BEDS,
            json!({ "t": "WB", "d": h.c.tree.kolkata["id"] }),
        )
        .await,
    )["publicBedAvailability"]
        .clone();
    let fac = &public["facilities"][0];
    assert_eq!(fac["name"], "Kolkata DH");
    let free = |t: &str| {
        fac["free"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["bedType"] == t)
            .unwrap()["free"]
            .as_i64()
    };
    assert_eq!((free("GENERAL"), free("VENTILATOR")), (Some(1), Some(1)));
    assert!(!public.to_string().contains("Kalpana"));
}

on_both_backends!(other_tenants_see_no_ward_bed_or_admission);

async fn other_tenants_see_no_ward_bed_or_admission(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Sumi", "9830014001", &h.beds[0]).await;
    let br = app.br_admin().await;
    let q = "query($id: ID!) { admission(id: $id) { admission { id } } }";
    expect_error(
        &app.gql(Some(&br), q, json!({ "id": a["id"] })).await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), BOARD, json!({ "w": h.ward["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            "query($f: ID!) { wards(facilityId: $f) { id } }",
            json!({ "f": h.c.kolkata["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            BEDS,
            json!({ "w": h.ward["id"], "t": "GENERAL", "l": ["Z-1"] }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            HOUSEKEEPING,
            json!({ "b": h.beds[1]["id"], "v": 1, "h": "CLOSED", "r": "taken over" }),
        )
        .await,
        "NOT_FOUND",
    );
    let occ = expect_data(&app.gql(Some(&br), OCCUPANCY, json!({})).await)["bedOccupancy"].clone();
    assert_eq!(occ["total"]["total"], 0);
    // A WB district on the BR public page does not exist.
    expect_error(
        &app.gql(
            None,
            PUBLIC_BEDS,
            json!({ "t": "BR", "d": h.c.tree.kolkata["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    let discharge = json!({ "i": { "admissionId": a["id"], "expectedVersion": a["version"], "outcome": "RECOVERED" } });
    expect_error(&app.gql(Some(&br), DISCHARGE, discharge).await, "NOT_FOUND");
}
