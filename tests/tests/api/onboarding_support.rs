//! What the onboarding tests share: signing up, reading codes from the outbox, the
//! application's queries and steps.

use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, TestApp};
use serde_json::{json, Value};

pub(crate) const START: &str = "mutation($i: StartHospitalSignupInput!) { startHospitalSignup(input: $i) { signupId expiresAt sendsLeft } }";
pub(crate) const RESEND: &str = "mutation($t: String!, $id: ID!) { resendSignupCode(tenantCode: $t, signupId: $id) { signupId sendsLeft } }";
pub(crate) const VERIFY: &str = "mutation($i: VerifyHospitalSignupInput!) { verifyHospitalSignup(input: $i) { accessToken me { userId roles { role facilityId } } } }";
pub(crate) const FIELDS: &str = "id status version name districtId facilityId missing allowedActions requiredDocuments { purpose satisfied } documents { id purpose status } timeline { action fromStatus toStatus note comments { target text } } openComments { target text } facility { name type unitId services open24x7 opdHours phone } capacity { general icu oxygenSupported ventilator } licences { clinicalEstablishmentNumber pan gstin } owner { name registrationNumber }";

pub(crate) fn create_q() -> String {
    format!("mutation {{ createHospitalApplication {{ {FIELDS} }} }}")
}
pub(crate) fn save_q() -> String {
    format!("mutation($i: SaveApplicationStepInput!) {{ saveApplicationStep(input: $i) {{ {FIELDS} }} }}")
}
pub(crate) fn submit_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ submitHospitalApplication(id: $id, expectedVersion: $v) {{ {FIELDS} }} }}")
}
pub(crate) fn changes_q() -> String {
    format!("mutation($i: RequestApplicationChangesInput!) {{ requestApplicationChanges(input: $i) {{ {FIELDS} }} }}")
}
pub(crate) fn approve_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ approveHospitalApplication(id: $id, expectedVersion: $v, note: \"All in order\") {{ {FIELDS} }} }}")
}
pub(crate) fn reject_q() -> String {
    format!("mutation($id: ID!, $v: Int!) {{ rejectHospitalApplication(id: $id, expectedVersion: $v, reason: \"Fire NOC expired\") {{ {FIELDS} }} }}")
}
pub(crate) fn get_q() -> String {
    format!("query($id: ID!) {{ hospitalApplication(id: $id) {{ {FIELDS} }} }}")
}

/// Messages queued for `destination` (newest first), read beneath the API.
pub(crate) async fn outbox(app: &TestApp, tenant_code: &str, destination: &str) -> Vec<String> {
    let tenant = app.tenant_id(tenant_code).await;
    app.rows_in_tenant(&tenant, "SELECT body FROM notification_outbox WHERE destination = $1 ORDER BY created_at DESC, id DESC", destination)
        .await
        .iter()
        .map(|r| r.try_get::<String>("", "body").unwrap())
        .collect()
}

/// The code in the newest SMS to `phone` (ten digits).
pub(crate) async fn latest_code(app: &TestApp, tenant_code: &str, phone: &str) -> String {
    let sms = outbox(app, tenant_code, &format!("+91{phone}")).await;
    let text = sms.first().expect("an SMS with a code");
    let at = text.find("code is ").expect("a code in the SMS") + 8;
    text[at..at + 6].to_owned()
}

pub(crate) async fn start(app: &TestApp, tenant: &str, phone: &str, email: &str) -> Value {
    app.gql(None, START, json!({ "i": { "tenantCode": tenant, "name": "Dr. Meera Basu", "phone": phone, "email": email } }))
        .await
}

pub(crate) async fn verify(app: &TestApp, tenant: &str, signup: &Value, code: &str) -> Value {
    app.gql(None, VERIFY, json!({ "i": { "tenantCode": tenant, "signupId": signup, "code": code, "password": "a long enough password" } }))
        .await
}

/// Sign up as a hospital's representative; returns (access token, user id).
pub(crate) async fn applicant(
    app: &TestApp,
    tenant: &str,
    phone: &str,
    email: &str,
) -> (String, Value) {
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

pub(crate) const VERIFY_EMAIL: &str =
    "mutation($c: String!) { verifyEmail(code: $c) { email verified } }";
pub(crate) const EMAIL_STATUS: &str = "{ myEmailVerification { email verified codeExpiresAt } }";

/// The code in the newest e-mail to `email`.
pub(crate) async fn latest_email_code(app: &TestApp, tenant_code: &str, email: &str) -> String {
    let mail = outbox(app, tenant_code, email).await;
    let text = mail.first().expect("an e-mail with a code");
    let at = text.find("code is ").expect("a code in the e-mail") + 8;
    text[at..at + 6].to_owned()
}

pub(crate) async fn new_application(app: &TestApp, token: &str) -> Value {
    expect_data(&app.gql(Some(token), &create_q(), json!({})).await)["createHospitalApplication"]
        .clone()
}

pub(crate) async fn save(app: &TestApp, token: &str, a: &Value, step: Value) -> Value {
    let mut input = step;
    input["applicationId"] = a["id"].clone();
    input["expectedVersion"] = a["version"].clone();
    app.gql(Some(token), &save_q(), json!({ "i": input })).await
}

pub(crate) fn saved(body: &Value) -> Value {
    expect_data(body)["saveApplicationStep"].clone()
}

pub(crate) fn facility_step(unit: &Value) -> Value {
    json!({ "facility": {
        "name": "Sunrise Multispeciality Hospital", "type": "PRIVATE_HOSPITAL", "ownershipSubtype": "Private limited company",
        "unitId": unit["id"], "address": "12 Station Road, Berhampore", "pincode": "742101",
        "latitude": 24.1, "longitude": 88.25, "phone": "03482 255000", "email": "desk@sunrise.example",
        "systemsOfMedicine": ["ALLOPATHY"], "specialities": ["General Surgery", "Obstetrics"],
        "services": ["EMERGENCY", "BLOOD_BANK", "XRAY", "CT_SCAN"], "open24x7": true } })
}

pub(crate) const REQUIRED: [&str; 6] = [
    "CLINICAL_ESTABLISHMENT_REGISTRATION",
    "FIRE_SAFETY_NOC",
    "BIOMEDICAL_WASTE_AUTHORISATION",
    "POLLUTION_CONTROL_CONSENT",
    "BUILDING_OCCUPANCY_CERTIFICATE",
    "PAN_GST",
];

pub(crate) async fn district_admin(
    app: &TestApp,
    admin: &str,
    username: &str,
    district: &Value,
) -> String {
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
