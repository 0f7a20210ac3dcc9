//! Onboarding's other endings and its messages: a rejected application is final;
//! undelivered notifications are listed; notifications go to a signed webhook.

use super::documents::{pdf, upload};
use super::onboarding_support::*;
use super::units::{build_tree, Tree};
use arogya_tests::{expect_data, expect_error, Backend, Store, TestApp};
use serde_json::{json, Value};

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
