//! Weighty administrative steps carry their reason into the audit trail: suspending a
//! tenant, verifying a professional.

use super::professionals::{create, doctor};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(suspensions_and_verifications_record_why);

async fn audit_detail(app: &TestApp, token: &str, action: &str) -> Value {
    let q = "query($a: String) { auditEvents(first: 20, filter: { action: $a }) { edges { node { action detail } } } }";
    let d = expect_data(&app.gql(Some(token), q, json!({ "a": action })).await);
    d["auditEvents"]["edges"][0]["node"]["detail"].clone()
}

async fn suspensions_and_verifications_record_why(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let platform = app.platform_token().await;
    let br_id = app.tenant_id("BR").await;
    let suspend =
        "mutation($id: ID!, $r: String) { suspendTenant(id: $id, reason: $r) { status } }";
    let reactivate =
        "mutation($id: ID!, $r: String) { reactivateTenant(id: $id, reason: $r) { status } }";
    let short = app
        .gql(Some(&platform), suspend, json!({ "id": br_id, "r": "no" }))
        .await;
    assert_eq!(
        expect_error(&short, "VALIDATION")["extensions"]["field"],
        "reason"
    );
    expect_data(
        &app.gql(
            Some(&platform),
            suspend,
            json!({ "id": br_id, "r": "Contract ended on 30 November" }),
        )
        .await,
    );
    expect_data(
        &app.gql(
            Some(&platform),
            reactivate,
            json!({ "id": br_id, "r": "Contract renewed" }),
        )
        .await,
    );
    let br = app.br_admin().await;
    assert_eq!(
        audit_detail(&app, &br, "tenant.suspend").await["reason"],
        "Contract ended on 30 November"
    );
    assert_eq!(
        audit_detail(&app, &br, "tenant.reactivate").await["reason"],
        "Contract renewed"
    );

    let wb = app.wb_admin().await;
    let p = create(&app, &wb, doctor("Dr. Note", "WB-77001"), None).await;
    let verify = "mutation($id: ID!, $n: String) { verifyProfessional(id: $id, expectedVersion: 1, note: $n) { verificationStatus } }";
    let bad = app
        .gql(Some(&wb), verify, json!({ "id": p["id"], "n": "ok" }))
        .await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "note"
    );
    expect_data(
        &app.gql(
            Some(&wb),
            verify,
            json!({ "id": p["id"], "n": "Checked against the council register" }),
        )
        .await,
    );
    assert_eq!(
        audit_detail(&app, &wb, "professional.verify").await["reason"],
        "Checked against the council register"
    );
}

on_both_backends!(audit_actions_filter_by_family);

async fn audit_actions_filter_by_family(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    app.try_login(Some("WB"), "wb.admin", "wrong password")
        .await;
    let q = "query($a: String) { auditEvents(first: 50, filter: { action: $a }) { edges { node { action } } } }";
    let family = expect_data(&app.gql(Some(&wb), q, json!({ "a": "auth." })).await);
    let actions: Vec<&str> = family["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.len() >= 2 && actions.iter().all(|a| a.starts_with("auth.")),
        "{actions:?}"
    );
    assert!(actions.contains(&"auth.login_failed"));
    let exact = expect_data(
        &app.gql(Some(&wb), q, json!({ "a": "auth.login_failed" }))
            .await,
    );
    assert!(exact["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["node"]["action"] == "auth.login_failed"));
    // '%' is not a wildcard: it matches nothing.
    let sneaky = expect_data(&app.gql(Some(&wb), q, json!({ "a": "%." })).await);
    assert_eq!(sneaky["auditEvents"]["edges"], json!([]));
}
