//! Private-hospital onboarding, black-box: sign-up with a one-time code, a draft saved
//! step by step, uploads, a premature submission refused, submission, changes
//! requested with comments, resubmission, approval creating the facility, and the
//! applicant signing in as its administrator. Invalid transitions, other tenants and
//! other districts get clear errors.

use super::documents::{pdf, upload};
pub(crate) use super::onboarding_support::*;
use super::rls::in_tenant;
use super::units::{build_tree, Tree};
use arogya_tests::{expect_data, expect_error, Backend, Store, TestApp};
use serde_json::json;

on_both_backends!(a_hospital_joins_through_signup_review_and_approval);

async fn a_hospital_joins_through_signup_review_and_approval(backend: Backend) {
    let app = TestApp::spawn_store(backend, Store::Fs, |_| {}).await;
    let wb = app.wb_admin().await;
    let Tree {
        kolkata,
        murshidabad,
        block,
        ..
    } = build_tree(&app, &wb).await;

    // Sign-up: bad input is named; a wrong code says how many tries are left.
    let bad = start(&app, "WB", "12345", "owner@sunrise.example").await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "phone"
    );
    expect_error(
        &start(&app, "WB", "9830055555", "not-mail").await,
        "VALIDATION",
    );
    expect_error(
        &start(&app, "XX", "9830055555", "owner@sunrise.example").await,
        "NOT_FOUND",
    );
    let s = expect_data(&start(&app, "WB", "98300 55555", "owner@sunrise.example").await)
        ["startHospitalSignup"]
        .clone();
    let code = latest_code(&app, "WB", "9830055555").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let e = expect_error(
        &verify(&app, "WB", &s["signupId"], wrong).await,
        "VALIDATION",
    );
    assert!(
        e["message"].as_str().unwrap().contains("4 more tries"),
        "{e}"
    );
    expect_error(
        &verify(&app, "WB", &s["signupId"], "12ab").await,
        "VALIDATION",
    );
    let v = expect_data(&verify(&app, "WB", &s["signupId"], &code).await)["verifyHospitalSignup"]
        .clone();
    let token = v["accessToken"].as_str().unwrap().to_owned();
    assert_eq!(v["me"]["roles"][0]["role"], "HOSPITAL_APPLICANT");
    let code = latest_email_code(&app, "WB", "owner@sunrise.example").await;
    expect_data(
        &app.gql(Some(&token), VERIFY_EMAIL, json!({ "c": code }))
            .await,
    );
    // The code is spent, and the phone cannot sign up twice.
    expect_error(
        &verify(&app, "WB", &s["signupId"], &code).await,
        "VALIDATION",
    );
    let again = expect_data(&start(&app, "WB", "9830055555", "owner2@sunrise.example").await)
        ["startHospitalSignup"]
        .clone();
    let code2 = latest_code(&app, "WB", "9830055555").await;
    expect_error(
        &verify(&app, "WB", &again["signupId"], &code2).await,
        "CONFLICT",
    );
    // Only the code's hash is stored.
    let tenant = app.tenant_id("WB").await;
    let hashes = app
        .rows_in_tenant(
            &tenant,
            "SELECT code_hash FROM otp_codes WHERE phone = $1",
            "+919830055555",
        )
        .await;
    assert!(!hashes.is_empty());
    for h in hashes {
        let h = h.try_get::<String>("", "code_hash").unwrap();
        assert_eq!(h.len(), 64);
        assert!(!h.contains(&code));
    }
    // Applicants sign in later with their phone number.
    app.token(Some("WB"), "9830055555", "a long enough password")
        .await;

    // A draft, saved step by step; each step's bad values are named.
    let a = new_application(&app, &token).await;
    assert_eq!(a["status"], "DRAFT");
    assert_eq!(
        a["missing"].as_array().unwrap().len(),
        4 + 6,
        "{}",
        a["missing"]
    );
    let mut bad_facility = facility_step(&block);
    bad_facility["facility"]["type"] = json!("DISTRICT_HOSPITAL");
    assert_eq!(
        expect_error(&save(&app, &token, &a, bad_facility).await, "VALIDATION")["extensions"]
            ["field"],
        "type"
    );
    let mut bad_hours = facility_step(&block);
    bad_hours["facility"]["open24x7"] = json!(false);
    bad_hours["facility"]["opdHours"] = json!("9 to 5");
    assert_eq!(
        expect_error(&save(&app, &token, &a, bad_hours).await, "VALIDATION")["extensions"]["field"],
        "opdHours"
    );
    let two = json!({ "capacity": { "general": 10 }, "owner": { "name": "x", "designation": "y", "council": "z", "registrationNumber": "1" } });
    expect_error(&save(&app, &token, &a, two).await, "VALIDATION");
    let a = saved(&save(&app, &token, &a, facility_step(&block)).await);
    assert_eq!(a["name"], "Sunrise Multispeciality Hospital");
    assert_eq!(a["facility"]["phone"], "+913482255000");
    assert_eq!(a["districtId"], murshidabad["id"]);
    expect_error(
        &save(
            &app,
            &token,
            &json!({ "id": a["id"], "version": 1 }),
            json!({ "capacity": { "general": 40 } }),
        )
        .await,
        "CONFLICT",
    );
    expect_error(
        &save(&app, &token, &a, json!({ "capacity": { "general": 0 } })).await,
        "VALIDATION",
    );
    let a = saved(&save(&app, &token, &a, json!({ "capacity": { "general": 80, "oxygenSupported": 30, "icu": 10, "ventilator": 4 } })).await);
    let bad_pan =
        json!({ "licences": { "clinicalEstablishmentNumber": "WB/CE/2026/0042", "pan": "12345" } });
    assert_eq!(
        expect_error(&save(&app, &token, &a, bad_pan).await, "VALIDATION")["extensions"]["field"],
        "pan"
    );
    let a = saved(&save(&app, &token, &a, json!({ "licences": { "clinicalEstablishmentNumber": "wb/ce/2026/0042", "pan": "AAACS1234K", "gstin": "19AAACS1234K1Z5" } })).await);
    assert_eq!(
        a["licences"]["clinicalEstablishmentNumber"],
        "WB/CE/2026/0042"
    );

    // Submitting too early names everything missing.
    let e = expect_error(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("owner") && message.contains("fire safety NOC"),
        "{message}"
    );
    let a = saved(&save(&app, &token, &a, json!({ "owner": { "name": "Dr. Meera Basu", "designation": "Managing Director", "council": "West Bengal Medical Council", "registrationNumber": "WBMC-77123" } })).await);
    for purpose in &REQUIRED[..5] {
        let d = upload(
            &app,
            &token,
            ("applicationId", &a["id"]),
            purpose,
            pdf(3_000),
        )
        .await;
        assert_eq!(d["status"], "AVAILABLE");
    }
    let a = expect_data(
        &app.gql(Some(&token), &get_q(), json!({ "id": a["id"] }))
            .await,
    )["hospitalApplication"]
        .clone();
    assert_eq!(a["missing"], json!(["document:pan_gst"]));
    let e = expect_error(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    assert!(e["message"].as_str().unwrap().contains("PAN/GST"), "{e}");
    upload(
        &app,
        &token,
        ("applicationId", &a["id"]),
        REQUIRED[5],
        pdf(3_000),
    )
    .await;

    // Reviewers do not see drafts.
    expect_error(
        &app.gql(Some(&wb), &get_q(), json!({ "id": a["id"] })).await,
        "NOT_FOUND",
    );
    let kolkata_admin = district_admin(&app, &wb, "kolkata.admin", &kolkata).await;
    let msd_admin = district_admin(&app, &wb, "msd.admin", &murshidabad).await;
    let a = expect_data(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
    )["submitHospitalApplication"]
        .clone();
    assert_eq!(a["status"], "SUBMITTED");
    assert_eq!(
        a["allowedActions"],
        json!(["request_changes", "approve", "reject", "withdraw"])
    );
    // The reviewers in reach hear of it by e-mail: the state administrator and the
    // district's administrator, not another district's.
    for reviewer in ["wb.admin@demo.arogya.example", "msd.admin@wb.example"] {
        let mail = outbox(&app, "WB", reviewer).await;
        assert!(
            mail.first()
                .is_some_and(|m| m.contains("awaits your review")),
            "{reviewer}: {mail:?}"
        );
    }
    assert!(outbox(&app, "WB", "kolkata.admin@wb.example")
        .await
        .is_empty());
    // Submitted: the applicant can neither edit nor upload, nor approve it.
    expect_error(
        &save(&app, &token, &a, json!({ "capacity": { "general": 90 } })).await,
        "VALIDATION",
    );
    let slot = super::documents::slot(
        &app,
        &token,
        ("applicationId", &a["id"]),
        "OTHER_LICENCE",
        "application/pdf",
        10,
    )
    .await;
    expect_error(&slot, "VALIDATION");
    expect_error(
        &app.gql(
            Some(&token),
            &approve_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "FORBIDDEN",
    );

    // The department's queue: filters and counts; another district's admin sees nothing.
    let list = "query($s: [ApplicationStatus!], $d: ID) { hospitalApplications(statuses: $s, districtId: $d) { edges { node { id status name } } } hospitalApplicationCounts { status districtId count } }";
    let q = expect_data(
        &app.gql(
            Some(&wb),
            list,
            json!({ "s": ["SUBMITTED"], "d": murshidabad["id"] }),
        )
        .await,
    );
    assert_eq!(q["hospitalApplications"]["edges"][0]["node"]["id"], a["id"]);
    assert_eq!(
        q["hospitalApplicationCounts"],
        json!([{ "status": "SUBMITTED", "districtId": murshidabad["id"], "count": 1 }])
    );
    let q = expect_data(&app.gql(Some(&kolkata_admin), list, json!({})).await);
    assert_eq!(q["hospitalApplications"]["edges"], json!([]));
    expect_error(
        &app.gql(
            Some(&kolkata_admin),
            &approve_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "NOT_FOUND",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), &get_q(), json!({ "id": a["id"] })).await,
        "NOT_FOUND",
    );
    // The district's reviewer reads the documents.
    let doc = &a["documents"][0];
    let dl = app
        .gql(
            Some(&msd_admin),
            super::documents::DOWNLOAD,
            json!({ "id": doc["id"] }),
        )
        .await;
    expect_data(&dl);

    // Changes requested, with comments on a field and a document.
    let comments = json!([{ "target": "document:fire_safety_noc", "text": "The NOC expired in March; upload the renewed one." }, { "target": "capacity.icu", "text": "The licence says 8 ICU beds." }]);
    let bad = changes_q();
    expect_error(&app.gql(Some(&msd_admin), &bad, json!({ "i": { "applicationId": a["id"], "expectedVersion": a["version"], "comments": [{ "target": "nowhere", "text": "x" }] } })).await, "VALIDATION");
    expect_error(
        &app.gql(
            Some(&msd_admin),
            &bad,
            json!({ "i": { "applicationId": a["id"], "expectedVersion": a["version"] } }),
        )
        .await,
        "VALIDATION",
    );
    let a = expect_data(&app.gql(Some(&msd_admin), &changes_q(), json!({ "i": { "applicationId": a["id"], "expectedVersion": a["version"], "note": "Two things to fix", "comments": comments } })).await)["requestApplicationChanges"].clone();
    assert_eq!(a["status"], "CHANGES_REQUESTED");
    // Approving now is an invalid transition, naming what is allowed.
    let e = expect_error(
        &app.gql(
            Some(&msd_admin),
            &approve_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("allowed now: edit, submit, withdraw"),
        "{e}"
    );
    let mine = expect_data(
        &app.gql(Some(&token), &get_q(), json!({ "id": a["id"] }))
            .await,
    )["hospitalApplication"]
        .clone();
    assert_eq!(mine["openComments"], comments);
    assert!(outbox(&app, "WB", "+919830055555").await[0].contains("asks for changes"));
    assert!(outbox(&app, "WB", "owner@sunrise.example").await[0].contains("asks for changes"));

    // The applicant amends, replaces the document, and resubmits.
    let a = saved(&save(&app, &token, &mine, json!({ "capacity": { "general": 80, "oxygenSupported": 30, "icu": 8, "ventilator": 4 } })).await);
    let noc = a["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["purpose"] == "FIRE_SAFETY_NOC")
        .unwrap()
        .clone();
    let del =
        "mutation($id: ID!) { deleteDocument(documentId: $id, expectedVersion: 2) { status } }";
    expect_data(&app.gql(Some(&token), del, json!({ "id": noc["id"] })).await);
    let a = expect_data(
        &app.gql(Some(&token), &get_q(), json!({ "id": a["id"] }))
            .await,
    )["hospitalApplication"]
        .clone();
    expect_error(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    upload(
        &app,
        &token,
        ("applicationId", &a["id"]),
        "FIRE_SAFETY_NOC",
        pdf(4_000),
    )
    .await;
    let a = expect_data(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
    )["submitHospitalApplication"]
        .clone();
    assert_eq!(a["status"], "SUBMITTED");

    // Approval: stale versions conflict; then the facility exists, private, with its beds.
    expect_error(
        &app.gql(
            Some(&msd_admin),
            &approve_q(),
            json!({ "id": a["id"], "v": 1 }),
        )
        .await,
        "CONFLICT",
    );
    let a = expect_data(
        &app.gql(
            Some(&msd_admin),
            &approve_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
    )["approveHospitalApplication"]
        .clone();
    assert_eq!(a["status"], "APPROVED");
    assert_eq!(a["allowedActions"], json!([]));
    let e = expect_error(
        &app.gql(
            Some(&msd_admin),
            &reject_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("allowed now: nothing"),
        "{e}"
    );
    let facility = "query($id: ID!) { facility(id: $id) { name type ownership ownershipSubtype unit { name } beds { general icu oxygenSupported ventilator } } }";
    let f = expect_data(
        &app.gql(Some(&wb), facility, json!({ "id": a["facilityId"] }))
            .await,
    )["facility"]
        .clone();
    assert_eq!(f["name"], "Sunrise Multispeciality Hospital");
    assert_eq!(
        (f["type"].as_str(), f["ownership"].as_str()),
        (Some("PRIVATE_HOSPITAL"), Some("PRIVATE"))
    );
    assert_eq!(
        f["beds"],
        json!({ "general": 80, "icu": 8, "oxygenSupported": 30, "ventilator": 4 })
    );
    assert_eq!(f["unit"]["name"], block["name"]);

    // The applicant signs in again as the facility's administrator.
    let login = app
        .login(Some("WB"), "9830055555", "a long enough password")
        .await;
    let roles = login["me"]["roles"].as_array().unwrap();
    assert!(
        roles.iter().any(|r| r["role"] == "FACILITY_ADMIN"),
        "{roles:?}"
    );
    let me = "{ me { roles { role facilityId } } }";
    let token = login["accessToken"].as_str().unwrap();
    let r = expect_data(&app.gql(Some(token), me, json!({})).await);
    assert!(r["me"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["role"] == "FACILITY_ADMIN" && g["facilityId"] == a["facilityId"]));
    assert!(outbox(&app, "WB", "+919830055555").await[0].contains("approved"));

    // The whole life is in the timeline, and in the audit trail.
    let steps: Vec<&str> = a["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for s in [
        "create",
        "save_step",
        "submit",
        "request_changes",
        "approve",
    ] {
        assert!(steps.contains(&s), "{s} missing from {steps:?}");
    }
    let audit = "{ auditEvents(first: 100) { edges { node { action } } } }";
    let ev = expect_data(&app.gql(Some(&wb), audit, json!({})).await);
    let actions: Vec<&str> = ev["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    for a in [
        "application.submit",
        "application.request_changes",
        "application.approve",
        "facility.create",
        "onboarding.signup_verify",
    ] {
        assert!(actions.contains(&a), "{a} missing from {actions:?}");
    }

    if backend == Backend::Postgres {
        // Row-level security on every new table: BR's scope sees none of WB's rows.
        let db = app.app_role_db().await;
        let br_id = app.tenant_id("BR").await;
        for table in [
            "documents",
            "notification_outbox",
            "hospital_signups",
            "otp_codes",
            "hospital_applications",
            "application_events",
        ] {
            assert!(
                in_tenant(&db, &tenant, table).await > 0,
                "{table} has WB rows"
            );
            assert_eq!(
                in_tenant(&db, &br_id, table).await,
                0,
                "{table} leaks across tenants"
            );
        }
    }
}
