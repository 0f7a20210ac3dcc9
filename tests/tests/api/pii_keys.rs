//! Rotating the PII master key in place: new cards and national-ID hashes under the
//! new version, old cards still verifiable against the published old key until it is
//! retired, stored national-ID hashes re-keyed by a command that can be run again.

use super::patients::{staff_token, ISSUE, REGISTER};
use arogya_tests::{arogya_bin, expect_data, Backend, TestApp};
use serde_json::{json, Value};
use std::process::Command;

const VERIFY: &str = "query($p: String!) { verifyCard(payload: $p) { signatureValid message } }";

fn keys(app: &TestApp, args: &[&str]) -> String {
    let out = Command::new(arogya_bin())
        .env_remove("AROGYA_CONFIG")
        .env("AROGYA_DATABASE_URL", &app.config.database_url)
        .env("AROGYA_MIGRATE_ON_START", "false")
        .env("AROGYA_JWT_KEYS_DIR", &app.config.jwt_keys_dir)
        .env("AROGYA_PII_KEY_FILE", &app.config.pii_key_file)
        .env("AROGYA_OBJECT_STORE_DIR", &app.config.object_store_dir)
        .env("AROGYA_LOG_FILTER", "warn")
        .arg("keys")
        .args(args)
        .output()
        .expect("running arogya");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn restart(app: TestApp) -> TestApp {
    let mut app = app;
    app.stop().await;
    let (backend, config, dir, pg) = (
        app.backend,
        app.config.clone(),
        app.dir.clone(),
        app.pg_db.clone(),
    );
    // The old handle must not remove the folder the new server keeps using.
    std::mem::forget(app);
    TestApp::spawn_with(backend, config, dir, pg).await
}

fn aadhaar() -> String {
    let payload = "34567890123";
    let d = arogya_domain::patient::check_digit::verhoeff_digit(payload).unwrap();
    format!("{payload}{d}")
}

async fn card(app: &TestApp, token: &str, patient: &Value) -> String {
    expect_data(
        &app.gql(Some(token), ISSUE, json!({ "p": patient["id"] }))
            .await,
    )["issueCard"]["qrPayload"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn valid(app: &TestApp, token: &str, payload: &str) -> bool {
    expect_data(&app.gql(Some(token), VERIFY, json!({ "p": payload })).await)["verifyCard"]
        ["signatureValid"]
        .as_bool()
        .unwrap()
}

async fn jwks(app: &TestApp) -> usize {
    let v: Value = app
        .http
        .get(app.url("/tenants/WB/card-keys.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["keys"].as_array().unwrap().len()
}

/// Whether registering the same number again is flagged as the same national ID.
async fn same_number_is_found(app: &TestApp, token: &str) -> bool {
    let again = json!({ "givenName": "Someone", "familyName": "Else", "sex": "MALE", "ageYears": 60, "nationalId": aadhaar() });
    let body = expect_data(
        &app.gql(Some(token), REGISTER, json!({ "i": again, "c": false }))
            .await,
    );
    body["registerPatient"]["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| {
            d["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == "SAME_NATIONAL_ID")
        })
}

on_both_backends!(the_pii_key_rotates_in_place);

async fn the_pii_key_rotates_in_place(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let clerk = staff_token(&app, &wb, "surveyor.keys", "SURVEYOR").await;
    let input = json!({ "givenName": "Lakshmi", "familyName": "Devi", "sex": "FEMALE", "ageYears": 40, "nationalId": aadhaar() });
    let patient = expect_data(
        &app.gql(Some(&clerk), REGISTER, json!({ "i": input, "c": true }))
            .await,
    )["registerPatient"]["patient"]
        .clone();
    let old_card = card(&app, &wb, &patient).await;
    assert!(valid(&app, &wb, &old_card).await);
    assert_eq!(jwks(&app).await, 1);

    // A new version: the old card still verifies, new cards are signed anew, both
    // keys are published, and the number is still recognised before re-keying.
    keys(&app, &["rotate-pii"]);
    let app = restart(app).await;
    let wb = app.wb_admin().await;
    let clerk = app
        .token(Some("WB"), "surveyor.keys", "a long enough password")
        .await;
    assert!(valid(&app, &wb, &old_card).await, "an old card must verify");
    assert_eq!(jwks(&app).await, 2);
    let second =
        json!({ "givenName": "Rekha", "familyName": "Mondal", "sex": "FEMALE", "ageYears": 30 });
    let second = expect_data(
        &app.gql(Some(&clerk), REGISTER, json!({ "i": second, "c": true }))
            .await,
    )["registerPatient"]["patient"]
        .clone();
    let new_card = card(&app, &wb, &second).await;
    assert_ne!(
        new_card.split('.').next(),
        old_card.split('.').next(),
        "another key id"
    );
    assert!(valid(&app, &wb, &new_card).await);
    assert!(same_number_is_found(&app, &clerk).await);

    // Re-keying the stored hashes: resumable (a second run has nothing to do), and
    // the number is still recognised.
    let out = keys(&app, &["rekey-national-ids", "--tenant", "WB"]);
    assert!(out.contains("re-keyed under PII key version 2"), "{out}");
    assert!(!out.contains(": 0 national-ID"), "{out}");
    let again = keys(&app, &["rekey-national-ids", "--tenant", "WB"]);
    assert!(again.contains(": 0 national-ID"), "{again}");
    let wb_id = app.tenant_id("WB").await;
    let hashes = app
        .rows_in_tenant(&wb_id, "SELECT national_id_hash FROM patients WHERE national_id_hash IS NOT NULL AND national_id_hash <> $1", "")
        .await;
    assert!(!hashes.is_empty());
    for r in &hashes {
        assert!(r
            .try_get::<String>("", "national_id_hash")
            .unwrap()
            .starts_with("v2:"));
    }
    assert!(same_number_is_found(&app, &clerk).await);

    // Retiring version 1: its cards stop verifying and its key is no longer published.
    keys(&app, &["retire-pii", "--version", "1"]);
    let app = restart(app).await;
    let wb = app.wb_admin().await;
    assert!(
        !valid(&app, &wb, &old_card).await,
        "a retired key's card must not verify"
    );
    assert!(valid(&app, &wb, &new_card).await);
    assert_eq!(jwks(&app).await, 1);
}
