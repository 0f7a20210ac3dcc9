//! What maintenance removes from the object store: the objects of upload slots never
//! confirmed, and staging objects no pending upload waits for.

use super::documents::{confirm, object_key, pdf, put, sha, slot, CONFIRM};
use super::onboarding::{applicant, new_application};
use arogya_tests::{expect_data, expect_error, Backend, Store, TestApp};
use serde_json::json;

on_all_stores!(slots_never_confirmed_expire_and_lose_their_object);

async fn slots_never_confirmed_expire_and_lose_their_object(backend: Backend, store: Store) {
    let app = TestApp::spawn_store(backend, store, |c| {
        c.upload_slot_ttl_secs = 1;
        c.maintenance_interval_secs = 1;
    })
    .await;
    let wb = app.tenant_id("WB").await;
    let (token, _) = applicant(&app, "WB", "9830033333", "slow@example.org").await;
    let appl = new_application(&app, &token).await;
    let s = expect_data(
        &slot(
            &app,
            &token,
            ("applicationId", &appl["id"]),
            "PAN_GST",
            "application/pdf",
            2_000,
        )
        .await,
    )["requestUpload"]
        .clone();
    assert_eq!(put(&app, &s, pdf(2_000)).await, 200);
    let key = object_key(&wb, &s["document"]);
    // Uploads land in a staging key until confirmed.
    let staged = key.replace("/documents/", "/uploads/");
    assert!(app.object_exists(&staged));
    let status = |rows: Vec<sea_orm::QueryResult>| rows[0].try_get::<String>("", "status").unwrap();
    let sql = "SELECT status FROM documents WHERE object_key = $1";
    let id = s["document"]["id"].as_str().unwrap();
    let mut waited = 0;
    while status(app.rows_in_tenant(&wb, sql, &key).await) != "expired" {
        assert!(waited < 100, "the slot did not expire");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert!(
        !app.object_exists(&staged),
        "the orphan's object must be removed"
    );
    assert!(!app.object_exists(&key));
    let r = app
        .gql(
            Some(&token),
            CONFIRM,
            json!({ "id": id, "sha": sha(&pdf(2_000)) }),
        )
        .await;
    expect_error(&r, "VALIDATION");
}

on_all_stores!(stray_staging_objects_are_removed);

async fn stray_staging_objects_are_removed(backend: Backend, store: Store) {
    let app = TestApp::spawn_store(backend, store, |c| c.maintenance_interval_secs = 1).await;
    let wb = app.tenant_id("WB").await;
    let (token, _) = applicant(&app, "WB", "9830033334", "twice@example.org").await;
    let appl = new_application(&app, &token).await;
    // A second PUT to a confirmed slot's URL (still valid) leaves a staging object no
    // one waits for: maintenance removes it, and the confirmed document is untouched.
    let s = expect_data(
        &slot(
            &app,
            &token,
            ("applicationId", &appl["id"]),
            "PAN_GST",
            "application/pdf",
            2_000,
        )
        .await,
    )["requestUpload"]
        .clone();
    let bytes = pdf(2_000);
    assert_eq!(put(&app, &s, bytes.clone()).await, 200);
    let done = confirm(&app, &token, &s["document"], &sha(&bytes)).await;
    assert_eq!(done["status"], "AVAILABLE", "{done}");
    assert_eq!(put(&app, &s, bytes.clone()).await, 200);
    let staged = object_key(&wb, &s["document"]).replace("/documents/", "/uploads/");
    assert!(app.object_exists(&staged), "the second PUT landed");
    let mut waited = 0;
    while app.object_exists(&staged) {
        assert!(waited < 100, "the stray staging object was never removed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert!(app.object_exists(&object_key(&wb, &s["document"])));
}
