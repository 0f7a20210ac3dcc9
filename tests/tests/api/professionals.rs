//! The Health Professional Registry: entries, verification, postings, search,
//! expiring registrations, district scope and isolation.

use super::facilities::{create_facility, facility};
use super::units::build_tree;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const FIELDS: &str = "id name kind sex dateOfBirth phone email verificationStatus statusReason version registrations { council number validUntil } qualifications { degree year } languages postings { designation facility { name } }";

fn create_q() -> String {
    format!(
        "mutation($i: CreateProfessionalInput!) {{ createProfessional(input: $i) {{ {FIELDS} }} }}"
    )
}
fn update_q() -> String {
    format!(
        "mutation($i: UpdateProfessionalInput!) {{ updateProfessional(input: $i) {{ {FIELDS} }} }}"
    )
}
const VERIFY: &str = "mutation($id: ID!, $v: Int!) { verifyProfessional(id: $id, expectedVersion: $v) { verificationStatus version } }";
const REJECT: &str = "mutation($id: ID!, $v: Int!, $r: String!) { rejectProfessional(id: $id, expectedVersion: $v, reason: $r) { verificationStatus statusReason version } }";
const RESUBMIT: &str = "mutation($id: ID!, $v: Int!) { resubmitProfessional(id: $id, expectedVersion: $v) { verificationStatus version } }";

pub fn doctor(name: &str, number: &str) -> Value {
    json!({ "name": name, "kind": "DOCTOR", "sex": "FEMALE", "dateOfBirth": "1985-03-14", "phone": "9830012345",
        "registrations": [{ "council": "West Bengal Medical Council", "number": number, "registeredOn": "2010-07-01" }],
        "qualifications": [{ "degree": "MBBS", "institution": "Calcutta Medical College", "year": 2009 }],
        "languages": ["Bengali", "English", "Hindi"] })
}

fn posting(facility: &Value, designation: &str) -> Value {
    json!({ "facilityId": facility["id"], "designation": designation, "department": "Medicine", "from": "2024-01-01" })
}

pub async fn create(app: &TestApp, token: &str, p: Value, post: Option<Value>) -> Value {
    let body = app
        .gql(
            Some(token),
            &create_q(),
            json!({ "i": { "professional": p, "posting": post } }),
        )
        .await;
    expect_data(&body)["createProfessional"].clone()
}

on_both_backends!(entries_are_validated_and_verified_in_a_workflow);

async fn entries_are_validated_and_verified_in_a_workflow(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let hospital = create_facility(
        &app,
        &wb,
        facility(
            "Murshidabad MCH",
            "MEDICAL_COLLEGE_HOSPITAL",
            &t.block["id"],
        ),
    )
    .await;
    let mut first = doctor("Dr. Ananya Sen", "WB-12345");
    first["email"] = json!("ananya@wb.example");
    let p = create(
        &app,
        &wb,
        first,
        Some(posting(&hospital, "Medical Officer")),
    )
    .await;
    assert_eq!(p["verificationStatus"], "PENDING");
    assert_eq!(p["phone"], "+919830012345");
    assert_eq!(
        p["postings"],
        json!([{ "designation": "Medical Officer", "facility": { "name": "Murshidabad MCH" } }])
    );
    assert_eq!(p["registrations"][0]["number"], "WB-12345");

    // Field errors, including uniqueness of e-mail and of a number within its council.
    let mut dup_email = doctor("Dr. Two", "WB-2");
    dup_email["email"] = json!("ANANYA@wb.example");
    let cases = vec![
        (dup_email, "email"),
        (doctor("Dr. Three", " wb-12345 "), "registrations.0.number"),
        (
            json!({ "name": "Dr. Four", "kind": "DOCTOR", "dateOfBirth": "2099-01-01" }),
            "dateOfBirth",
        ),
        (
            json!({ "name": "Dr. Five", "kind": "DOCTOR", "phone": "12" }),
            "phone",
        ),
        (json!({ "name": "D", "kind": "NURSE" }), "name"),
    ];
    for (input, field) in cases {
        let body = app
            .gql(
                Some(&wb),
                &create_q(),
                json!({ "i": { "professional": input } }),
            )
            .await;
        assert_eq!(
            expect_error(&body, "VALIDATION")["extensions"]["field"],
            field
        );
    }
    // The same number with another council is fine.
    let mut other_council = doctor("Dr. Six", "WB-12345");
    other_council["registrations"][0]["council"] = json!("Bihar Medical Council");
    create(&app, &wb, other_council, None).await;

    // pending → verified; verifying again is not a transition.
    let id = p["id"].clone();
    let v = expect_data(
        &app.gql(Some(&wb), VERIFY, json!({ "id": id, "v": 1 }))
            .await,
    )["verifyProfessional"]
        .clone();
    assert_eq!(v, json!({ "verificationStatus": "VERIFIED", "version": 2 }));
    let again = app
        .gql(Some(&wb), VERIFY, json!({ "id": id, "v": 2 }))
        .await;
    expect_error(&again, "VALIDATION");
    // An edit sends it back for verification; a stale edit is a conflict.
    let edit = json!({ "i": { "id": id, "expectedVersion": 2, "professional": doctor("Dr. Ananya Sen Gupta", "WB-12345") } });
    let edited = expect_data(&app.gql(Some(&wb), &update_q(), edit.clone()).await)
        ["updateProfessional"]
        .clone();
    assert_eq!(edited["verificationStatus"], "PENDING");
    expect_error(&app.gql(Some(&wb), &update_q(), edit).await, "CONFLICT");
    // pending → rejected (with a reason); verifying a rejected entry needs a resubmission.
    expect_error(
        &app.gql(Some(&wb), REJECT, json!({ "id": id, "v": 3, "r": "no" }))
            .await,
        "VALIDATION",
    );
    let r = expect_data(
        &app.gql(
            Some(&wb),
            REJECT,
            json!({ "id": id, "v": 3, "r": "Registration certificate unreadable" }),
        )
        .await,
    )["rejectProfessional"]
        .clone();
    assert_eq!(r["verificationStatus"], "REJECTED");
    let wrong = app
        .gql(Some(&wb), VERIFY, json!({ "id": id, "v": 4 }))
        .await;
    let err = expect_error(&wrong, "VALIDATION");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("allowed: pending"),
        "{err}"
    );
    expect_data(
        &app.gql(Some(&wb), RESUBMIT, json!({ "id": id, "v": 4 }))
            .await,
    );
    expect_data(
        &app.gql(Some(&wb), VERIFY, json!({ "id": id, "v": 5 }))
            .await,
    );

    // Every step is audited.
    let trail = app
        .gql(
            Some(&wb),
            "query($e: ID) { auditEvents(filter: { entityId: $e }) { edges { node { action } } } }",
            json!({ "e": id }),
        )
        .await;
    let actions: Vec<String> = expect_data(&trail)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        [
            "professional.verify",
            "professional.resubmit",
            "professional.reject",
            "professional.update",
            "professional.verify",
            "professional.create"
        ]
    );

    // Only administrators verify.
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("dr.roy", json!([{ "role": "DOCTOR" }])),
        )
        .await,
    );
    let doc = app
        .token(Some("WB"), "dr.roy", "a long enough password")
        .await;
    expect_error(
        &app.gql(Some(&doc), VERIFY, json!({ "id": id, "v": 6 }))
            .await,
        "FORBIDDEN",
    );
}

on_both_backends!(postings_search_expiry_and_account_links);

async fn postings_search_expiry_and_account_links(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let msd = create_facility(
        &app,
        &wb,
        facility("Lalbag SDH", "SUB_DIVISIONAL_HOSPITAL", &t.lalbag["id"]),
    )
    .await;
    let kol = create_facility(
        &app,
        &wb,
        facility("Kolkata DH", "DISTRICT_HOSPITAL", &t.kolkata["id"]),
    )
    .await;
    let soon = (chrono::Utc::now() + chrono::Duration::days(20))
        .date_naive()
        .to_string();
    let mut a = doctor("Dr. Ananya Sen", "WB-1");
    a["registrations"][0]["validUntil"] = json!(soon);
    let a = create(&app, &wb, a, Some(posting(&msd, "Medical Officer"))).await;
    let b = create(
        &app,
        &wb,
        doctor("Dr. Bimal Roy", "WB-2"),
        Some(posting(&kol, "Surgeon")),
    )
    .await;
    let nurse = json!({ "name": "Sister Mary Das", "kind": "NURSE", "registrations": [{ "council": "WB Nursing Council", "number": "N-77", "registeredOn": "2012-01-01", "validUntil": soon }] });
    let n = create(&app, &wb, nurse, Some(posting(&kol, "Staff Nurse"))).await;
    // A second posting: people may work at several facilities.
    let add = "mutation($p: ID!, $i: PostingInput!) { addPosting(professionalId: $p, posting: $i) { id designation } }";
    let extra = expect_data(
        &app.gql(
            Some(&wb),
            add,
            json!({ "p": b["id"], "i": posting(&msd, "Visiting Surgeon") }),
        )
        .await,
    )["addPosting"]
        .clone();

    let search = |filter: Value| {
        let (app, wb) = (&app, wb.clone());
        async move {
            let body = app.gql(Some(&wb), "query($f: ProfessionalFilter) { professionals(filter: $f) { edges { node { name } } } }", json!({ "f": filter })).await;
            let mut names: Vec<String> = expect_data(&body)["professionals"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(search(json!({ "search": "roy" })).await, ["Dr. Bimal Roy"]);
    assert_eq!(
        search(json!({ "registrationNumber": "n-77" })).await,
        ["Sister Mary Das"]
    );
    assert_eq!(
        search(json!({ "facilityId": msd["id"] })).await,
        ["Dr. Ananya Sen", "Dr. Bimal Roy"]
    );
    assert_eq!(
        search(json!({ "kind": "NURSE" })).await,
        ["Sister Mary Das"]
    );
    expect_data(
        &app.gql(Some(&wb), VERIFY, json!({ "id": a["id"], "v": 1 }))
            .await,
    );
    assert_eq!(
        search(json!({ "status": "VERIFIED" })).await,
        ["Dr. Ananya Sen"]
    );

    // A facility lists its current staff; ended postings drop out.
    let staff =
        "query($id: ID!) { facility(id: $id) { staff { designation professional { name } } } }";
    let before = expect_data(&app.gql(Some(&wb), staff, json!({ "id": msd["id"] })).await)
        ["facility"]["staff"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, 2);
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(2))
        .date_naive()
        .to_string();
    let end = "mutation($p: ID!, $to: NaiveDate!) { endPosting(postingId: $p, to: $to) { to } }";
    expect_data(
        &app.gql(Some(&wb), end, json!({ "p": extra["id"], "to": yesterday }))
            .await,
    );
    let after = expect_data(&app.gql(Some(&wb), staff, json!({ "id": msd["id"] })).await)
        ["facility"]["staff"]
        .clone();
    assert_eq!(
        after,
        json!([{ "designation": "Medical Officer", "professional": { "name": "Dr. Ananya Sen" } }])
    );

    // Registrations expiring within 30 days, for the whole state and per district.
    let expiring = "query($d: Int!, $u: ID) { expiringRegistrations(days: $d, districtId: $u) { number professional { name } } }";
    let all = expect_data(&app.gql(Some(&wb), expiring, json!({ "d": 30 })).await)
        ["expiringRegistrations"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(all, 2);
    let in_kolkata = expect_data(
        &app.gql(
            Some(&wb),
            expiring,
            json!({ "d": 30, "u": t.kolkata["id"] }),
        )
        .await,
    );
    assert_eq!(
        in_kolkata["expiringRegistrations"],
        json!([{ "number": "N-77", "professional": { "name": "Sister Mary Das" } }])
    );
    assert_eq!(
        expect_data(&app.gql(Some(&wb), expiring, json!({ "d": 10 })).await)
            ["expiringRegistrations"],
        json!([])
    );

    // Linking an account: the doctor's login knows who they are; one account, one entry.
    let user = expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("dr.ananya", json!([{ "role": "DOCTOR" }])),
        )
        .await,
    )["createUser"]["id"]
        .clone();
    let link = "mutation($id: ID!, $v: Int!, $u: ID) { linkProfessionalUser(id: $id, expectedVersion: $v, userId: $u) { user { username } } }";
    let linked = expect_data(
        &app.gql(Some(&wb), link, json!({ "id": a["id"], "v": 2, "u": user }))
            .await,
    );
    assert_eq!(
        linked["linkProfessionalUser"]["user"]["username"],
        "dr.ananya"
    );
    let token = app
        .token(Some("WB"), "dr.ananya", "a long enough password")
        .await;
    let mine = expect_data(
        &app.gql(
            Some(&token),
            "{ myProfessional { name verificationStatus } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(
        mine["myProfessional"],
        json!({ "name": "Dr. Ananya Sen", "verificationStatus": "VERIFIED" })
    );
    let twice = app
        .gql(Some(&wb), link, json!({ "id": n["id"], "v": 1, "u": user }))
        .await;
    assert_eq!(
        expect_error(&twice, "VALIDATION")["extensions"]["field"],
        "userId"
    );
}

on_both_backends!(district_admins_and_other_tenants_reach_only_their_own);

async fn district_admins_and_other_tenants_reach_only_their_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let msd = create_facility(
        &app,
        &wb,
        facility("Lalbag SDH", "SUB_DIVISIONAL_HOSPITAL", &t.lalbag["id"]),
    )
    .await;
    let kol = create_facility(
        &app,
        &wb,
        facility("Kolkata DH", "DISTRICT_HOSPITAL", &t.kolkata["id"]),
    )
    .await;
    let in_kolkata = create(
        &app,
        &wb,
        doctor("Dr. Bimal Roy", "WB-2"),
        Some(posting(&kol, "Surgeon")),
    )
    .await;
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user(
                "da.msd",
                json!([{ "role": "DISTRICT_ADMIN", "unitId": t.murshidabad["id"] }]),
            ),
        )
        .await,
    );
    let da = app
        .token(Some("WB"), "da.msd", "a long enough password")
        .await;

    let unposted = app
        .gql(
            Some(&da),
            &create_q(),
            json!({ "i": { "professional": doctor("Dr. A", "WB-3") } }),
        )
        .await;
    assert_eq!(
        expect_error(&unposted, "VALIDATION")["extensions"]["field"],
        "facilityId"
    );
    let elsewhere = app.gql(Some(&da), &create_q(), json!({ "i": { "professional": doctor("Dr. A", "WB-3"), "posting": posting(&kol, "MO") } })).await;
    expect_error(&elsewhere, "NOT_FOUND");
    let mine = create(
        &app,
        &da,
        doctor("Dr. A", "WB-3"),
        Some(posting(&msd, "MO")),
    )
    .await;
    expect_data(
        &app.gql(Some(&da), VERIFY, json!({ "id": mine["id"], "v": 1 }))
            .await,
    );

    let list = expect_data(
        &app.gql(
            Some(&da),
            "{ professionals { edges { node { name } } } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(
        list["professionals"]["edges"],
        json!([{ "node": { "name": "Dr. A" } }])
    );
    let q = "query($id: ID!) { professional(id: $id) { name } }";
    expect_error(
        &app.gql(Some(&da), q, json!({ "id": in_kolkata["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&da), VERIFY, json!({ "id": in_kolkata["id"], "v": 1 }))
            .await,
        "NOT_FOUND",
    );

    // Another tenant sees none of it.
    let br = app.br_admin().await;
    let cases = [
        ("professional", q.to_owned(), json!({ "id": in_kolkata["id"] })),
        ("updateProfessional", update_q(), json!({ "i": { "id": in_kolkata["id"], "expectedVersion": 1, "professional": doctor("Dr. X", "X-1") } })),
        ("verifyProfessional", VERIFY.to_owned(), json!({ "id": in_kolkata["id"], "v": 1 })),
        ("rejectProfessional", REJECT.to_owned(), json!({ "id": in_kolkata["id"], "v": 1, "r": "taken over" })),
        ("addPosting at a WB facility", "mutation($p: ID!, $i: PostingInput!) { addPosting(professionalId: $p, posting: $i) { id } }".to_owned(), json!({ "p": in_kolkata["id"], "i": posting(&kol, "Spy") })),
    ];
    for (what, query, vars) in cases {
        let body = app.gql(Some(&br), &query, vars).await;
        assert_eq!(
            error_code(&body).as_deref(),
            Some("NOT_FOUND"),
            "{what}: {body}"
        );
    }
    let none = expect_data(
        &app.gql(
            Some(&br),
            "{ professionals { edges { cursor } } expiringRegistrations(days: 3650) { number } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(
        none,
        json!({ "professionals": { "edges": [] }, "expiringRegistrations": [] })
    );
}
