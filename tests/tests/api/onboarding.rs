//! Private-hospital onboarding, black-box: sign-up with a one-time code (wrong,
//! expired, rate-limited codes), a draft saved step by step, uploads, a premature
//! submission refused, submission, changes requested with comments, resubmission,
//! approval creating the facility, and the applicant signing in as its administrator.
//! Invalid transitions, other tenants and other districts get clear errors.

use super::documents::{pdf, upload};
use super::rls::in_tenant;
use super::units::{build_tree, Tree};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, Store, TestApp};
use serde_json::{json, Value};

const START: &str = "mutation($i: StartHospitalSignupInput!) { startHospitalSignup(input: $i) { signupId expiresAt sendsLeft } }";
const RESEND: &str = "mutation($t: String!, $id: ID!) { resendSignupCode(tenantCode: $t, signupId: $id) { signupId sendsLeft } }";
const VERIFY: &str = "mutation($i: VerifyHospitalSignupInput!) { verifyHospitalSignup(input: $i) { accessToken me { userId roles { role facilityId } } } }";
const FIELDS: &str = "id status version name districtId facilityId missing allowedActions requiredDocuments { purpose satisfied } documents { id purpose status } timeline { action fromStatus toStatus note comments { target text } } openComments { target text } facility { name type unitId services open24x7 opdHours phone } capacity { general icu oxygenSupported ventilator } licences { clinicalEstablishmentNumber pan gstin } owner { name registrationNumber }";

fn create_q() -> String {
    format!("mutation {{ createHospitalApplication {{ {FIELDS} }} }}")
}
fn save_q() -> String {
    format!("mutation($i: SaveApplicationStepInput!) {{ saveApplicationStep(input: $i) {{ {FIELDS} }} }}")
}
fn submit_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ submitHospitalApplication(id: $id, expectedVersion: $v) {{ {FIELDS} }} }}")
}
fn changes_q() -> String {
    format!("mutation($i: RequestApplicationChangesInput!) {{ requestApplicationChanges(input: $i) {{ {FIELDS} }} }}")
}
fn approve_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ approveHospitalApplication(id: $id, expectedVersion: $v, note: \"All in order\") {{ {FIELDS} }} }}")
}
fn reject_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ rejectHospitalApplication(id: $id, expectedVersion: $v, reason: \"Fire NOC expired\") {{ {FIELDS} }} }}")
}
fn get_q() -> String {
    format!("query($id: ID!) {{ hospitalApplication(id: $id) {{ {FIELDS} }} }}")
}

/// Messages queued for `destination` (newest first), read beneath the API.
pub async fn outbox(app: &TestApp, tenant_code: &str, destination: &str) -> Vec<String> {
    let tenant = app.tenant_id(tenant_code).await;
    app.rows_in_tenant(&tenant, "SELECT body FROM notification_outbox WHERE destination = $1 ORDER BY created_at DESC, id DESC", destination)
        .await
        .iter()
        .map(|r| r.try_get::<String>("", "body").unwrap())
        .collect()
}

/// The code in the newest SMS to `phone` (ten digits).
pub async fn latest_code(app: &TestApp, tenant_code: &str, phone: &str) -> String {
    let sms = outbox(app, tenant_code, &format!("+91{phone}")).await;
    let text = sms.first().expect("an SMS with a code");
    let at = text.find("code is ").expect("a code in the SMS") + 8;
    text[at..at + 6].to_owned()
}

async fn start(app: &TestApp, tenant: &str, phone: &str, email: &str) -> Value {
    app.gql(None, START, json!({ "i": { "tenantCode": tenant, "name": "Dr. Meera Basu", "phone": phone, "email": email } }))
        .await
}

async fn verify(app: &TestApp, tenant: &str, signup: &Value, code: &str) -> Value {
    app.gql(None, VERIFY, json!({ "i": { "tenantCode": tenant, "signupId": signup, "code": code, "password": "a long enough password" } }))
        .await
}

/// Sign up as a hospital's representative; returns (access token, user id).
pub async fn applicant(app: &TestApp, tenant: &str, phone: &str, email: &str) -> (String, Value) {
    let s = expect_data(&start(app, tenant, phone, email).await)["startHospitalSignup"].clone();
    let code = latest_code(app, tenant, phone).await;
    let v = expect_data(&verify(app, tenant, &s["signupId"], &code).await)["verifyHospitalSignup"]
        .clone();
    let token = v["accessToken"].as_str().unwrap().to_owned();
    // The e-mail address is proved with the code sent to it.
    let code = latest_email_code(app, tenant, email).await;
    let proved = expect_data(
        &app.gql(Some(&token), VERIFY_EMAIL, json!({ "c": code }))
            .await,
    );
    assert_eq!(proved["verifyEmail"]["verified"], true);
    (token, v["me"]["userId"].clone())
}

const VERIFY_EMAIL: &str = "mutation($c: String!) { verifyEmail(code: $c) { email verified } }";
const EMAIL_STATUS: &str = "{ myEmailVerification { email verified codeExpiresAt } }";

/// The code in the newest e-mail to `email`.
pub async fn latest_email_code(app: &TestApp, tenant_code: &str, email: &str) -> String {
    let mail = outbox(app, tenant_code, email).await;
    let text = mail.first().expect("an e-mail with a code");
    let at = text.find("code is ").expect("a code in the e-mail") + 8;
    text[at..at + 6].to_owned()
}

on_both_backends!(e_mail_is_proved_and_sign_up_never_says_an_address_is_taken);

/// An applicant proves their e-mail address before submitting. Signing up with an
/// address that already has an account answers exactly as for a free one; the
/// address's owner is told by e-mail, and the newcomer can never prove it.
async fn e_mail_is_proved_and_sign_up_never_says_an_address_is_taken(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_owner, _) = applicant(&app, "WB", "9830011111", "owner@example.org").await;

    // Someone else signs up with the owner's address: the same answers throughout.
    let s = expect_data(&start(&app, "WB", "9830022222", "owner@example.org").await)
        ["startHospitalSignup"]
        .clone();
    let code = latest_code(&app, "WB", "9830022222").await;
    let v = expect_data(&verify(&app, "WB", &s["signupId"], &code).await)["verifyHospitalSignup"]
        .clone();
    let newcomer = v["accessToken"].as_str().unwrap().to_owned();
    let fresh = applicant_without_proof(&app, "9830033333", "free@example.org").await;
    let state = |token: String| {
        let app = &app;
        async move {
            let st = expect_data(&app.gql(Some(&token), EMAIL_STATUS, json!({})).await)
                ["myEmailVerification"]
                .clone();
            (
                st["verified"].clone(),
                st["email"].is_string(),
                st["codeExpiresAt"].is_string(),
            )
        }
    };
    assert_eq!(state(newcomer.clone()).await, state(fresh.clone()).await);
    // The owner heard of it; no code went to their address for the newcomer.
    let mail = outbox(&app, "WB", "owner@example.org").await;
    assert!(mail[0].contains("Someone signing up"), "{mail:?}");
    assert_eq!(
        mail.iter().filter(|m| m.contains("code is")).count(),
        1,
        "only the owner's own code: {mail:?}"
    );

    // Unproved: a complete application cannot be submitted, and says why.
    let wb = app.wb_admin().await;
    let Tree { block, .. } = build_tree(&app, &wb).await;
    let settings = "mutation($r: [DocumentPurpose!]!) { updateDocumentSettings(allowedTypes: [\"application/pdf\"], requiredDocuments: $r, expectedVersion: 0) { version } }";
    expect_data(
        &app.gql(
            Some(&wb),
            settings,
            json!({ "r": ["CLINICAL_ESTABLISHMENT_REGISTRATION"] }),
        )
        .await,
    );
    let mut a = new_application(&app, &newcomer).await;
    for step in [
        facility_step(&block),
        json!({ "capacity": { "general": 20 } }),
        json!({ "licences": { "clinicalEstablishmentNumber": "WB-CE-2" } }),
        json!({ "owner": { "name": "Ravi Sharma", "designation": "Owner", "council": "WBMC", "registrationNumber": "WBMC-2" } }),
    ] {
        a = saved(&save(&app, &newcomer, &a, step).await);
    }
    upload(
        &app,
        &newcomer,
        ("applicationId", &a["id"]),
        "CLINICAL_ESTABLISHMENT_REGISTRATION",
        pdf(2_000),
    )
    .await;
    let a = expect_data(
        &app.gql(Some(&newcomer), &get_q(), json!({ "id": a["id"] }))
            .await,
    )["hospitalApplication"]
        .clone();
    let e = expect_error(
        &app.gql(
            Some(&newcomer),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "email", "{e}");
    // A wrong code is counted; the newcomer cannot prove the owner's address.
    let wrong = app
        .gql(Some(&newcomer), VERIFY_EMAIL, json!({ "c": "000000" }))
        .await;
    assert!(expect_error(&wrong, "VALIDATION")["message"]
        .as_str()
        .unwrap()
        .contains("more tries"));
    // Their own address, sent again, works.
    let sent = app
        .gql(
            Some(&newcomer),
            "mutation { sendEmailCode(email: \"newcomer@example.org\") { email verified } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_data(&sent)["sendEmailCode"]["email"],
        "newcomer@example.org"
    );
    let code = latest_email_code(&app, "WB", "newcomer@example.org").await;
    let proved = expect_data(
        &app.gql(Some(&newcomer), VERIFY_EMAIL, json!({ "c": code }))
            .await,
    );
    assert_eq!(
        proved["verifyEmail"],
        json!({ "email": "newcomer@example.org", "verified": true })
    );
    // Proved: the same application goes in.
    let done = expect_data(
        &app.gql(
            Some(&newcomer),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
    );
    assert_eq!(done["submitHospitalApplication"]["status"], "SUBMITTED");
}

/// Signed up (phone proved), e-mail not yet proved; returns the access token.
async fn applicant_without_proof(app: &TestApp, phone: &str, email: &str) -> String {
    let s = expect_data(&start(app, "WB", phone, email).await)["startHospitalSignup"].clone();
    let code = latest_code(app, "WB", phone).await;
    expect_data(&verify(app, "WB", &s["signupId"], &code).await)["verifyHospitalSignup"]
        ["accessToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub async fn new_application(app: &TestApp, token: &str) -> Value {
    expect_data(&app.gql(Some(token), &create_q(), json!({})).await)["createHospitalApplication"]
        .clone()
}

async fn save(app: &TestApp, token: &str, a: &Value, step: Value) -> Value {
    let mut input = step;
    input["applicationId"] = a["id"].clone();
    input["expectedVersion"] = a["version"].clone();
    app.gql(Some(token), &save_q(), json!({ "i": input })).await
}

fn saved(body: &Value) -> Value {
    expect_data(body)["saveApplicationStep"].clone()
}

fn facility_step(unit: &Value) -> Value {
    json!({ "facility": {
        "name": "Sunrise Multispeciality Hospital", "type": "PRIVATE_HOSPITAL", "ownershipSubtype": "Private limited company",
        "unitId": unit["id"], "address": "12 Station Road, Berhampore", "pincode": "742101",
        "latitude": 24.1, "longitude": 88.25, "phone": "03482 255000", "email": "desk@sunrise.example",
        "systemsOfMedicine": ["ALLOPATHY"], "specialities": ["General Surgery", "Obstetrics"],
        "services": ["EMERGENCY", "BLOOD_BANK", "XRAY", "CT_SCAN"], "open24x7": true } })
}

const REQUIRED: [&str; 6] = [
    "CLINICAL_ESTABLISHMENT_REGISTRATION",
    "FIRE_SAFETY_NOC",
    "BIOMEDICAL_WASTE_AUTHORISATION",
    "POLLUTION_CONTROL_CONSENT",
    "BUILDING_OCCUPANCY_CERTIFICATE",
    "PAN_GST",
];

async fn district_admin(app: &TestApp, admin: &str, username: &str, district: &Value) -> String {
    expect_data(
        &app.gql(
            Some(admin),
            CREATE_USER,
            new_user(
                username,
                json!([{ "role": "DISTRICT_ADMIN", "unitId": district["id"] }]),
            ),
        )
        .await,
    );
    app.token(Some("WB"), username, "a long enough password")
        .await
}

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

on_both_backends!(signup_codes_are_limited_and_expire);

async fn signup_codes_are_limited_and_expire(backend: Backend) {
    let app = TestApp::spawn_store(backend, Store::Fs, |c| c.otp_ttl_secs = 30).await;
    let s = expect_data(&start(&app, "WB", "9830066666", "a@example.org").await)
        ["startHospitalSignup"]
        .clone();
    assert_eq!(s["sendsLeft"], 2);
    let first = latest_code(&app, "WB", "9830066666").await;
    let r = expect_data(
        &app.gql(None, RESEND, json!({ "t": "WB", "id": s["signupId"] }))
            .await,
    );
    assert_eq!(r["resendSignupCode"]["sendsLeft"], 1);
    let second = latest_code(&app, "WB", "9830066666").await;
    // Only the newest code works.
    if first != second {
        expect_error(
            &verify(&app, "WB", &s["signupId"], &first).await,
            "VALIDATION",
        );
    }
    // Three codes per phone per quarter hour, whatever the sign-up.
    expect_data(&start(&app, "WB", "9830066666", "b@example.org").await);
    let limited = start(&app, "WB", "9830066666", "c@example.org").await;
    let e = expect_error(&limited, "RATE_LIMITED");
    assert!(e["extensions"]["retryAfterSeconds"].as_u64().unwrap() > 0);
    expect_error(
        &app.gql(None, RESEND, json!({ "t": "WB", "id": s["signupId"] }))
            .await,
        "RATE_LIMITED",
    );

    // Five wrong guesses spend a code.
    let other = expect_data(&start(&app, "WB", "9830077777", "d@example.org").await)
        ["startHospitalSignup"]
        .clone();
    let code = latest_code(&app, "WB", "9830077777").await;
    let wrong = if code == "999999" { "888888" } else { "999999" };
    for _ in 0..5 {
        expect_error(
            &verify(&app, "WB", &other["signupId"], wrong).await,
            "VALIDATION",
        );
    }
    let e = expect_error(
        &verify(&app, "WB", &other["signupId"], &code).await,
        "VALIDATION",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("expired or was used up"),
        "{e}"
    );
    // A sign-up of one tenant is unknown to another.
    expect_error(
        &verify(&app, "BR", &other["signupId"], &code).await,
        "NOT_FOUND",
    );
    assert_eq!(
        error_code(
            &app.gql(None, RESEND, json!({ "t": "BR", "id": other["signupId"] }))
                .await
        )
        .as_deref(),
        Some("NOT_FOUND")
    );
}

on_both_backends!(a_rejected_application_is_final);

async fn a_rejected_application_is_final(backend: Backend) {
    let app = TestApp::spawn_store(backend, Store::Fs, |c| {
        // A tenant that asks for one document only.
        c.upload_max_bytes = 1024 * 1024;
    })
    .await;
    let wb = app.wb_admin().await;
    let Tree { block, .. } = build_tree(&app, &wb).await;
    let settings = "mutation($t: [String!]!, $r: [DocumentPurpose!]!, $v: Int!) { updateDocumentSettings(allowedTypes: $t, requiredDocuments: $r, expectedVersion: $v) { allowedTypes requiredDocuments version } }";
    let s = expect_data(&app.gql(Some(&wb), settings, json!({ "t": ["application/pdf"], "r": ["CLINICAL_ESTABLISHMENT_REGISTRATION"], "v": 0 })).await);
    assert_eq!(s["updateDocumentSettings"]["version"], 1);
    expect_error(
        &app.gql(
            Some(&wb),
            settings,
            json!({ "t": ["application/pdf"], "r": [], "v": 0 }),
        )
        .await,
        "CONFLICT",
    );
    expect_error(
        &app.gql(Some(&wb), settings, json!({ "t": [], "r": [], "v": 1 }))
            .await,
        "VALIDATION",
    );
    let (token, _) = applicant(&app, "WB", "9830088888", "x@example.org").await;
    expect_error(
        &app.gql(
            Some(&token),
            settings,
            json!({ "t": ["application/pdf"], "r": [], "v": 1 }),
        )
        .await,
        "FORBIDDEN",
    );
    // PNG is no longer accepted in WB.
    let a = new_application(&app, &token).await;
    let png = super::documents::slot(
        &app,
        &token,
        ("applicationId", &a["id"]),
        "PAN_GST",
        "image/png",
        100,
    )
    .await;
    expect_error(&png, "VALIDATION");

    let mut a = a;
    for step in [
        facility_step(&block),
        json!({ "capacity": { "general": 20 } }),
        json!({ "licences": { "clinicalEstablishmentNumber": "WB-CE-1" } }),
        json!({ "owner": { "name": "Ravi Sharma", "designation": "Owner", "council": "WBMC", "registrationNumber": "WBMC-1" } }),
    ] {
        a = saved(&save(&app, &token, &a, step).await);
    }
    upload(
        &app,
        &token,
        ("applicationId", &a["id"]),
        "CLINICAL_ESTABLISHMENT_REGISTRATION",
        pdf(2_000),
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
    let a = expect_data(
        &app.gql(
            Some(&wb),
            &reject_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
    )["rejectHospitalApplication"]
        .clone();
    assert_eq!(a["status"], "REJECTED");
    assert_eq!(a["facilityId"], Value::Null);
    expect_error(
        &app.gql(
            Some(&token),
            &submit_q(),
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    assert!(outbox(&app, "WB", "x@example.org").await[0].contains("Fire NOC expired"));

    // Withdrawing an application deletes its documents, which are kept for retention.
    let withdraw = "mutation($id: ID!, $v: Int!) { withdrawHospitalApplication(id: $id, expectedVersion: $v, reason: \"Opening elsewhere\") { status allowedActions documents { id } } }";
    expect_error(
        &app.gql(
            Some(&token),
            withdraw,
            json!({ "id": a["id"], "v": a["version"] }),
        )
        .await,
        "VALIDATION",
    );
    let b = new_application(&app, &token).await;
    let doc = upload(
        &app,
        &token,
        ("applicationId", &b["id"]),
        "PAN_GST",
        pdf(1_000),
    )
    .await;
    let tenant = app.tenant_id("WB").await;
    let key = format!("tenants/{tenant}/documents/{}", doc["id"].as_str().unwrap());
    expect_error(
        &app.gql(
            Some(&wb),
            withdraw,
            json!({ "id": b["id"], "v": b["version"] }),
        )
        .await,
        "FORBIDDEN",
    );
    let w = expect_data(
        &app.gql(
            Some(&token),
            withdraw,
            json!({ "id": b["id"], "v": b["version"] }),
        )
        .await,
    )["withdrawHospitalApplication"]
        .clone();
    assert_eq!(w["status"], "WITHDRAWN");
    assert_eq!(
        (w["allowedActions"].clone(), w["documents"].clone()),
        (json!([]), json!([]))
    );
    let rows = app
        .rows_in_tenant(
            &tenant,
            "SELECT status FROM documents WHERE object_key = $1",
            &key,
        )
        .await;
    assert_eq!(rows[0].try_get::<String>("", "status").unwrap(), "deleted");
    assert!(
        app.object_exists(&key),
        "kept until the retention period ends"
    );
}

/// A gateway that never answers: after every attempt the message is left failed, and
/// state administrators see it (without its text, which holds the code).
#[tokio::test]
async fn undelivered_notifications_are_listed_for_state_administrators() {
    let app = TestApp::spawn_store(Backend::Sqlite, Store::Fs, |c| {
        // Nothing listens on the discard port: every delivery is refused.
        c.notify_webhook_url = Some("http://127.0.0.1:9/sms".into());
        c.maintenance_interval_secs = 1;
    })
    .await;
    expect_data(&start(&app, "WB", "9830077777", "f@example.org").await);
    let wb = app.wb_admin().await;
    let q = "{ failedNotifications { channel destination subject attempts lastError createdAt } }";
    let mut failed = Value::Null;
    for _ in 0..150 {
        failed =
            expect_data(&app.gql(Some(&wb), q, json!({})).await)["failedNotifications"].clone();
        if failed
            .as_array()
            .is_some_and(|a| a.iter().any(|r| r["channel"] == "sms"))
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let rows = failed.as_array().expect("a list");
    let sms = rows
        .iter()
        .find(|r| r["channel"] == "sms")
        .expect("the SMS, given up on");
    assert_eq!(sms["destination"], "+919830077777");
    assert_eq!(sms["attempts"], 5);
    assert!(sms["lastError"].as_str().is_some_and(|e| !e.is_empty()));
    // Only state administrators of this tenant see them.
    let br = app.br_admin().await;
    let other = expect_data(&app.gql(Some(&br), q, json!({})).await);
    assert_eq!(other["failedNotifications"], json!([]));
    let tree = build_tree(&app, &wb).await;
    let district = district_admin(&app, &wb, "nadia.admin", &tree.kolkata).await;
    expect_error(&app.gql(Some(&district), q, json!({})).await, "FORBIDDEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_are_posted_to_a_signed_webhook() {
    use hmac_check::verify_signature;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<(Option<String>, Vec<u8>)>(8);
    let receiver = axum::Router::new().route(
        "/sms",
        axum::routing::post(
            move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let tx = tx.clone();
                async move {
                    let sig = headers
                        .get("x-arogya-signature")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    let _ = tx.send((sig, body.to_vec())).await;
                    "ok"
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, receiver).await });

    let app = TestApp::spawn_store(Backend::Sqlite, Store::Fs, |c| {
        c.notify_webhook_url = Some(format!("http://{addr}/sms"));
        c.notify_webhook_secret = Some("gateway-shared-secret".into());
    })
    .await;
    expect_data(&start(&app, "WB", "9830099999", "w@example.org").await);
    let (sig, body) = tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
        .await
        .expect("the webhook is called")
        .unwrap();
    let msg: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(msg["channel"], "sms");
    assert_eq!(msg["to"], "+919830099999");
    let code = latest_code(&app, "WB", "9830099999").await;
    assert!(msg["text"].as_str().unwrap().contains(&code));
    assert!(verify_signature(
        "gateway-shared-secret",
        &body,
        sig.as_deref().unwrap()
    ));
    assert!(!verify_signature(
        "another secret",
        &body,
        sig.as_deref().unwrap()
    ));
    // Delivered messages are marked sent.
    let tenant = app.tenant_id("WB").await;
    let mut tries = 0;
    loop {
        let rows = app
            .rows_in_tenant(
                &tenant,
                "SELECT status FROM notification_outbox WHERE destination = $1",
                "+919830099999",
            )
            .await;
        if rows[0].try_get::<String>("", "status").unwrap() == "sent" {
            break;
        }
        tries += 1;
        assert!(tries < 50, "the message was not marked sent");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

mod hmac_check {
    use sha2::{Digest, Sha256};

    /// HMAC-SHA256 by its definition, so the test does not share the server's code.
    pub fn verify_signature(secret: &str, body: &[u8], header: &str) -> bool {
        let mut key = secret.as_bytes().to_vec();
        key.resize(64, 0);
        let ipad: Vec<u8> = key.iter().map(|b| b ^ 0x36).collect();
        let opad: Vec<u8> = key.iter().map(|b| b ^ 0x5c).collect();
        let inner = Sha256::digest([ipad.as_slice(), body].concat());
        let outer = Sha256::digest([opad.as_slice(), &inner[..]].concat());
        let hex: String = outer.iter().map(|b| format!("{b:02x}")).collect();
        header == format!("sha256={hex}")
    }
}
