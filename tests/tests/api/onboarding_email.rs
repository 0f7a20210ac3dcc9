//! An applicant proves their e-mail address before submitting, and sign-up never says
//! whether an address already has an account.

use super::documents::{pdf, upload};
use super::onboarding_support::{
    applicant, facility_step, get_q, latest_code, latest_email_code, new_application, outbox, save,
    saved, start, submit_q, verify, EMAIL_STATUS, RESEND, VERIFY_EMAIL,
};
use super::units::{build_tree, Tree};
use arogya_tests::{error_code, expect_data, expect_error, Backend, Store, TestApp};
use serde_json::json;

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
