//! The patient index: registration, duplicates, health IDs, merges, cards, surveys.

use super::units::create_unit;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

pub const REGISTER: &str = "mutation($i: PatientInput!, $c: Boolean) { registerPatient(input: $i, confirmNotDuplicate: $c) { patient { id healthId givenName localName birthDateEstimated yearOfBirth phone nationalIdLast4 version } duplicates { patient { healthId givenName } reasons } warnings } }";
pub(super) const BY_HID: &str = "query($h: String!) { patientByHealthId(healthId: $h, purpose: \"treatment\") { id healthId givenName familyName phone version mergedRecords { healthId } cards { id status } } }";
pub(super) const SEARCH: &str = "query($i: PatientSearchInput!) { searchPatients(input: $i) { healthId givenName familyName phone } }";
pub const ISSUE: &str =
    "mutation($p: ID!) { issueCard(patientId: $p) { id healthId status delivery qrPayload } }";

pub(super) fn person(given: &str, family: &str, age: i32, phone: Option<&str>) -> Value {
    json!({ "givenName": given, "familyName": family, "sex": "FEMALE", "ageYears": age, "phone": phone })
}

pub async fn register(app: &TestApp, token: &str, input: Value, confirm: bool) -> Value {
    expect_data(
        &app.gql(Some(token), REGISTER, json!({ "i": input, "c": confirm }))
            .await,
    )["registerPatient"]
        .clone()
}

pub(super) async fn staff_token(app: &TestApp, admin: &str, username: &str, role: &str) -> String {
    expect_data(
        &app.gql(
            Some(admin),
            CREATE_USER,
            new_user(username, json!([{ "role": role }])),
        )
        .await,
    );
    app.token(Some("WB"), username, "a long enough password")
        .await
}

/// An Aadhaar-shaped number with a valid check digit.
pub(super) fn aadhaar(payload: &str) -> String {
    let check = arogya_domain::patient::check_digit::verhoeff_digit(payload).unwrap();
    format!("{payload}{check}")
}

on_both_backends!(
    registration_validates_each_field_and_finds_duplicates,
    health_ids_catch_typing_mistakes_and_lookups_are_audited,
    merges_resolve_to_the_survivor_and_can_be_undone,
    registrations_are_counted_per_india_day,
);

const REGISTERED: &str = "query($d: NaiveDate!) { patientsRegistered(day: $d) }";

async fn registered(app: &TestApp, token: &str, day: chrono::NaiveDate) -> i64 {
    expect_data(&app.gql(Some(token), REGISTERED, json!({ "d": day })).await)["patientsRegistered"]
        .as_i64()
        .unwrap()
}

/// The dashboards' "patients registered today": the India day, this tenant only, a
/// surveyor's own, merged-away records not counted twice.
async fn registrations_are_counted_per_india_day(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let br = app.br_admin().await;
    let today = arogya_domain::appointment::ist_date(chrono::Utc::now());
    let tomorrow = today.succ_opt().unwrap();
    assert_eq!(registered(&app, &wb, today).await, 0);
    register(
        &app,
        &wb,
        person("Rina", "Ghosh", 25, Some("9123456780")),
        false,
    )
    .await;
    register(&app, &wb, person("Tumpa", "Sen", 31, None), false).await;
    let surveyor = staff_token(&app, &wb, "surveyor.count", "SURVEYOR").await;
    register(&app, &surveyor, person("Mita", "Das", 40, None), false).await;
    assert_eq!(registered(&app, &wb, today).await, 3);
    assert_eq!(registered(&app, &wb, tomorrow).await, 0);
    assert_eq!(
        registered(&app, &surveyor, today).await,
        1,
        "a surveyor counts their own"
    );
    assert_eq!(
        registered(&app, &br, today).await,
        0,
        "other tenants' patients are not counted"
    );
    // The platform administrator has no patient access at all.
    let platform = app.platform_token().await;
    expect_error(
        &app.gql(Some(&platform), REGISTERED, json!({ "d": today }))
            .await,
        "FORBIDDEN",
    );
}

async fn registration_validates_each_field_and_finds_duplicates(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    for (field, input) in [
        (
            "givenName",
            json!({ "givenName": "", "sex": "MALE", "ageYears": 30 }),
        ),
        (
            "ageYears",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 130 }),
        ),
        ("dateOfBirth", json!({ "givenName": "Ravi", "sex": "MALE" })),
        (
            "dateOfBirth",
            json!({ "givenName": "Ravi", "sex": "MALE", "dateOfBirth": "2099-01-01" }),
        ),
        (
            "phone",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "phone": "12345" }),
        ),
        (
            "abhaNumber",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "abhaNumber": "1234-5678" }),
        ),
        (
            "nationalId",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "nationalId": "1234 5678 9012" }),
        ),
        (
            "preferredLanguage",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "preferredLanguage": "klingon" }),
        ),
        (
            "guardian.phone",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 3, "guardian": { "name": "Sita", "relation": "MOTHER", "phone": "999" } }),
        ),
        (
            "address.unitId",
            json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "address": { "unitId": uuid::Uuid::now_v7().to_string() } }),
        ),
    ] {
        let body = app.gql(Some(&wb), REGISTER, json!({ "i": input })).await;
        let ext = expect_error(&body, "VALIDATION");
        assert_eq!(ext["extensions"]["field"], field, "{body}");
    }
    // A mistyped Aadhaar check digit is refused; a bad ABHA checksum only warns.
    let good = aadhaar("23456789012");
    let mut typo = good.clone().into_bytes();
    typo[4] = if typo[4] == b'9' { b'0' } else { typo[4] + 1 };
    let body = app.gql(Some(&wb), REGISTER, json!({ "i": { "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "nationalId": String::from_utf8(typo).unwrap() } })).await;
    assert_eq!(
        expect_error(&body, "VALIDATION")["extensions"]["field"],
        "nationalId"
    );

    let first = register(&app, &wb, json!({ "givenName": "Mohammed", "familyName": "Rafiq", "localName": "মোহাম্মদ রফিক", "sex": "MALE", "ageYears": 45, "phone": "98300 12345", "nationalId": good, "abhaNumber": "91-2345-6789-0120" }), false).await;
    let p = &first["patient"];
    assert!(
        p["healthId"].as_str().unwrap().starts_with("WB-"),
        "{first}"
    );
    assert_eq!(p["localName"], "মোহাম্মদ রফিক");
    assert_eq!(p["birthDateEstimated"], true);
    assert_eq!(p["phone"], "+919830012345");
    assert_eq!(p["nationalIdLast4"], &good[8..]);
    let warnings = first["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("ABHA")),
        "{first}"
    );

    // A spelling variant with a close age is offered as a duplicate, not created.
    let variant = person("Mohammad", "Rafique", 46, None);
    let dup = register(&app, &wb, variant.clone(), false).await;
    assert_eq!(dup["patient"], Value::Null);
    assert_eq!(dup["duplicates"][0]["patient"]["healthId"], p["healthId"]);
    assert_eq!(
        dup["duplicates"][0]["reasons"],
        json!(["SIMILAR_NAME_AND_AGE"])
    );
    // The same phone, and the same Aadhaar under another name, are found too.
    let by_phone = register(
        &app,
        &wb,
        person("Zoya", "Khan", 20, Some("+91 9830012345")),
        false,
    )
    .await;
    assert_eq!(by_phone["duplicates"][0]["reasons"], json!(["SAME_PHONE"]));
    let by_nid = register(
        &app,
        &wb,
        json!({ "givenName": "Rafiq", "sex": "MALE", "ageYears": 45, "nationalId": good }),
        false,
    )
    .await;
    assert_eq!(by_nid["duplicates"][0]["reasons"][0], "SAME_NATIONAL_ID");
    let audit = expect_data(
        &app.gql(
            Some(&wb),
            "{ auditEvents(first: 100) { edges { node { action detail } } } }",
            json!({}),
        )
        .await,
    );
    assert!(
        audit.to_string().contains("duplicate_check"),
        "showing candidates is audited: {audit}"
    );
    // Laxmi / Lakshmi.
    register(&app, &wb, person("Lakshmi", "Devi", 34, None), false).await;
    let laxmi = register(&app, &wb, person("Laxmi", "Debi", 35, None), false).await;
    assert_eq!(laxmi["duplicates"][0]["patient"]["givenName"], "Lakshmi");
    // Far apart in age: a different person.
    assert_eq!(
        register(&app, &wb, person("Laxmi", "Devi", 70, None), false).await["duplicates"],
        json!([])
    );
    // Confirming creates the record anyway.
    let confirmed = register(&app, &wb, variant, true).await;
    assert!(confirmed["patient"]["healthId"].is_string());
    assert_ne!(confirmed["patient"]["healthId"], p["healthId"]);
    let checked = expect_data(
        &app.gql(
            Some(&wb),
            "query($i: PatientInput!) { patientDuplicates(input: $i) { reasons } }",
            json!({ "i": person("Muhammad", "Rafiq", 44, None) }),
        )
        .await,
    );
    assert_eq!(checked["patientDuplicates"].as_array().unwrap().len(), 2);

    // The Aadhaar number is never stored in clear.
    if backend == Backend::Postgres {
        use sea_orm::{ConnectionTrait, Statement};
        let owner = app.owner_db().await;
        let row = owner
            .query_one_raw(Statement::from_string(
                sea_orm::DbBackend::Postgres,
                format!("SELECT count(*) AS n FROM patients WHERE row_to_json(patients)::text LIKE '%{}%'", &good[..8]),
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get::<i64>("", "n").unwrap(), 0);
    }
}

async fn health_ids_catch_typing_mistakes_and_lookups_are_audited(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let mut ids = Vec::new();
    for (i, name) in ["Asha", "Bina", "Chitra"].iter().enumerate() {
        let r = register(
            &app,
            &wb,
            person(
                name,
                "Roy",
                30 + i as i32 * 10,
                Some(&format!("98765432{i}0")),
            ),
            false,
        )
        .await;
        ids.push(r["patient"]["healthId"].as_str().unwrap().to_owned());
    }
    for id in &ids {
        let found = expect_data(
            &app.gql(
                Some(&wb),
                BY_HID,
                json!({ "h": id.to_lowercase().replace('-', " ") }),
            )
            .await,
        );
        assert_eq!(found["patientByHealthId"]["healthId"], id.as_str());
        let digits: Vec<usize> = id
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        let mut wrong = Vec::new();
        for &i in &digits {
            for d in b'0'..=b'9' {
                if d != id.as_bytes()[i] {
                    let mut b = id.clone().into_bytes();
                    b[i] = d;
                    wrong.push(String::from_utf8(b).unwrap());
                }
            }
        }
        for w in digits.windows(2) {
            let mut b = id.clone().into_bytes();
            if b[w[0]] != b[w[1]] {
                b.swap(w[0], w[1]);
                wrong.push(String::from_utf8(b).unwrap());
            }
        }
        for typo in wrong {
            let body = app.gql(Some(&wb), BY_HID, json!({ "h": typo })).await;
            let ext = expect_error(&body, "VALIDATION");
            assert_eq!(ext["extensions"]["field"], "healthId", "{typo} {body}");
        }
    }
    // Search by phone and by name with an age band (spelling variants match).
    let found = expect_data(
        &app.gql(Some(&wb), SEARCH, json!({ "i": { "phone": "9876543200" } }))
            .await,
    );
    assert_eq!(found["searchPatients"][0]["givenName"], "Asha");
    let found = expect_data(
        &app.gql(
            Some(&wb),
            SEARCH,
            json!({ "i": { "name": "Chithra Rai", "ageFrom": 45, "ageTo": 55 } }),
        )
        .await,
    );
    assert_eq!(found["searchPatients"][0]["givenName"], "Chitra", "{found}");
    let none = expect_data(
        &app.gql(
            Some(&wb),
            SEARCH,
            json!({ "i": { "name": "Chitra", "ageFrom": 20, "ageTo": 30 } }),
        )
        .await,
    );
    assert_eq!(none["searchPatients"], json!([]));

    // Every read is in the audit trail, with the actor.
    let audit = expect_data(&app.gql(Some(&wb), "{ auditEvents(first: 50) { edges { node { action entityId actorKind actor { username } } } } }", json!({})).await);
    let actions: Vec<&str> = audit["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.iter().filter(|a| **a == "patient.read").count() >= 3,
        "{actions:?}"
    );
    assert!(actions.contains(&"patient.search"));
    let read = audit["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["action"] == "patient.read")
        .unwrap();
    assert_eq!(read["node"]["actor"]["username"], "wb.admin");

    // A lab technician sees the patient without contact details.
    let lab = staff_token(&app, &wb, "lab.tech", "LAB_TECHNICIAN").await;
    let seen = expect_data(&app.gql(Some(&lab), BY_HID, json!({ "h": ids[0] })).await);
    assert_eq!(seen["patientByHealthId"]["phone"], Value::Null);
    expect_error(
        &app.gql(
            Some(&lab),
            REGISTER,
            json!({ "i": person("X", "Y", 3, None) }),
        )
        .await,
        "FORBIDDEN",
    );
    // A surveyor sees only the people they registered.
    let surveyor = staff_token(&app, &wb, "surveyor.one", "SURVEYOR").await;
    expect_error(
        &app.gql(Some(&surveyor), BY_HID, json!({ "h": ids[0] }))
            .await,
        "NOT_FOUND",
    );
    // Platform administrators see no patients.
    let platform = app.platform_token().await;
    expect_error(
        &app.gql(Some(&platform), BY_HID, json!({ "h": ids[0] }))
            .await,
        "FORBIDDEN",
    );
}

async fn merges_resolve_to_the_survivor_and_can_be_undone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let a = register(&app, &wb, person("Sunita", "Das", 40, None), false).await["patient"].clone();
    let b = register(&app, &wb, person("Sunita", "Dass", 41, None), true).await["patient"].clone();
    let b_card =
        expect_data(&app.gql(Some(&wb), ISSUE, json!({ "p": b["id"] })).await)["issueCard"].clone();

    let merge = "mutation($s: ID!, $m: ID!, $v: Int!) { mergePatients(survivorId: $s, mergedId: $m, expectedVersion: $v) { healthId mergedRecords { healthId mergedIntoId } cards { id } } }";
    expect_error(
        &app.gql(
            Some(&wb),
            merge,
            json!({ "s": a["id"], "m": b["id"], "v": 7 }),
        )
        .await,
        "CONFLICT",
    );
    let nurse = staff_token(&app, &wb, "nurse.merge", "NURSE").await;
    expect_error(
        &app.gql(
            Some(&nurse),
            merge,
            json!({ "s": a["id"], "m": b["id"], "v": 1 }),
        )
        .await,
        "FORBIDDEN",
    );
    let merged = expect_data(
        &app.gql(
            Some(&wb),
            merge,
            json!({ "s": a["id"], "m": b["id"], "v": 1 }),
        )
        .await,
    )["mergePatients"]
        .clone();
    assert_eq!(merged["mergedRecords"][0]["healthId"], b["healthId"]);
    // The survivor keeps the merged record's card; the old health ID finds the survivor.
    assert_eq!(merged["cards"][0]["id"], b_card["id"]);
    let found = expect_data(
        &app.gql(Some(&wb), BY_HID, json!({ "h": b["healthId"] }))
            .await,
    );
    assert_eq!(found["patientByHealthId"]["healthId"], a["healthId"]);
    // Merged records leave searches; undo brings it back.
    let unmerge = "mutation($id: ID!, $v: Int!) { unmergePatient(id: $id, expectedVersion: $v) { healthId mergedIntoId version } }";
    let undone = expect_data(
        &app.gql(Some(&wb), unmerge, json!({ "id": b["id"], "v": 2 }))
            .await,
    );
    assert_eq!(undone["unmergePatient"]["mergedIntoId"], Value::Null);
    let found = expect_data(
        &app.gql(Some(&wb), BY_HID, json!({ "h": b["healthId"] }))
            .await,
    );
    assert_eq!(found["patientByHealthId"]["healthId"], b["healthId"]);
    expect_error(
        &app.gql(Some(&wb), unmerge, json!({ "id": b["id"], "v": 3 }))
            .await,
        "VALIDATION",
    );
    let audit = expect_data(
        &app.gql(
            Some(&wb),
            "{ auditEvents(first: 50) { edges { node { action } } } }",
            json!({}),
        )
        .await,
    );
    let text = audit.to_string();
    assert!(text.contains("patient.merge") && text.contains("patient.unmerge"));
}

on_both_backends!(patient_lists_use_a_bounded_number_of_statements);

async fn patient_lists_use_a_bounded_number_of_statements(backend: Backend) {
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.graphql_batch_window_ms = 50;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let wb = app.wb_admin().await;
    let state = create_unit(&app, &wb, None, "STATE", "West Bengal", None).await;
    let q = "query($n: String!) { searchPatients(input: { name: $n }) { healthId address { unit { name } } cards { id status } mergedRecords { healthId } } }";
    let mut cost = Vec::new();
    for (family, n) in [("Sen", 2), ("Bose", 12)] {
        for i in 0..n {
            let input = json!({ "givenName": "Amit", "familyName": family, "sex": "MALE", "ageYears": 20 + i * 3, "address": { "unitId": state["id"] } });
            let p = register(&app, &wb, input, true).await["patient"].clone();
            expect_data(&app.gql(Some(&wb), ISSUE, json!({ "p": p["id"] })).await);
        }
        let before = super::facilities::statements(&app).await;
        let body = app
            .gql(Some(&wb), q, json!({ "n": format!("Amit {family}") }))
            .await;
        let found = expect_data(&body)["searchPatients"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(found.len(), n as usize);
        assert!(found.iter().all(|p| p["cards"][0]["status"] == "ACTIVE"
            && p["address"]["unit"]["name"] == "West Bengal"));
        cost.push(super::facilities::statements(&app).await - before);
    }
    assert_eq!(
        cost[0], cost[1],
        "statements grow with the number of patients: {cost:?}"
    );
}

on_both_backends!(corrections_make_a_new_version_and_keep_the_health_id);

async fn corrections_make_a_new_version_and_keep_the_health_id(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let nid = aadhaar("34567890123");
    let p = register(&app, &wb, json!({ "givenName": "Paromita", "familyName": "Sarkar", "sex": "FEMALE", "ageYears": 28, "nationalId": nid }), false).await["patient"].clone();
    let update = "mutation($id: ID!, $v: Int!, $i: PatientInput!) { updatePatient(id: $id, expectedVersion: $v, input: $i) { healthId familyName phone version nationalIdLast4 } }";
    let fixed = json!({ "givenName": "Paromita", "familyName": "Mukherjee", "sex": "FEMALE", "ageYears": 28, "phone": "9830011111" });
    let out = expect_data(
        &app.gql(
            Some(&wb),
            update,
            json!({ "id": p["id"], "v": 1, "i": fixed }),
        )
        .await,
    )["updatePatient"]
        .clone();
    assert_eq!(out["healthId"], p["healthId"]);
    assert_eq!(out["familyName"], "Mukherjee");
    assert_eq!(out["version"], 2);
    // The national ID was not resent: it is kept.
    assert_eq!(out["nationalIdLast4"], &nid[8..]);
    expect_error(
        &app.gql(
            Some(&wb),
            update,
            json!({ "id": p["id"], "v": 1, "i": fixed }),
        )
        .await,
        "CONFLICT",
    );
    let bad = app.gql(Some(&wb), update, json!({ "id": p["id"], "v": 2, "i": { "givenName": "Paromita", "sex": "FEMALE", "ageYears": 28, "phone": "1" } })).await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "phone"
    );
    // Found under the new name, not the old one.
    let found = expect_data(
        &app.gql(
            Some(&wb),
            SEARCH,
            json!({ "i": { "name": "Paromita Mukherji" } }),
        )
        .await,
    );
    assert_eq!(found["searchPatients"][0]["healthId"], p["healthId"]);
    let old = expect_data(
        &app.gql(
            Some(&wb),
            SEARCH,
            json!({ "i": { "name": "Paromita Sarkar" } }),
        )
        .await,
    );
    assert_eq!(old["searchPatients"], json!([]));
    let lab = staff_token(&app, &wb, "lab.fix", "LAB_TECHNICIAN").await;
    expect_error(
        &app.gql(
            Some(&lab),
            update,
            json!({ "id": p["id"], "v": 2, "i": fixed }),
        )
        .await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            update,
            json!({ "id": p["id"], "v": 2, "i": fixed }),
        )
        .await,
        "NOT_FOUND",
    );
    let audit = expect_data(&app.gql(Some(&wb), "{ auditEvents(first: 50, filter: { action: \"patient.update\" }) { edges { node { detail } } } }", json!({})).await);
    let detail = &audit["auditEvents"]["edges"][0]["node"]["detail"];
    assert_eq!(detail["changed"], json!(["familyName", "phone"]), "{audit}");
    assert!(
        !audit.to_string().contains("9830011111"),
        "values stay out of the audit trail"
    );
}
