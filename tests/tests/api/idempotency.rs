//! Safe retries: a mutation repeated with the same `Idempotency-Key` (a double click, a
//! retry after a lost answer) runs once and answers the same; the same key with other
//! input is refused; simultaneous repeats make exactly one record.

use super::records::{add_q, Clinic};
use super::units::CREATE_UNIT;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    a_repeated_mutation_with_one_key_runs_once,
    simultaneous_repeats_make_exactly_one_record
);

/// POST with an Idempotency-Key; returns the status, whether it was a replay, the body.
pub async fn post(
    app: &TestApp,
    token: &str,
    key: Option<&str>,
    query: &str,
    variables: Value,
) -> (u16, bool, Value) {
    let mut req = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    let resp = req.send().await.unwrap();
    let replayed = resp.headers().contains_key("idempotent-replayed");
    (resp.status().as_u16(), replayed, resp.json().await.unwrap())
}

async fn count(app: &TestApp, tenant: &str, sql: &str, param: &str) -> i64 {
    let tid = app.tenant_id(tenant).await;
    let rows = app.rows_in_tenant(&tid, sql, param).await;
    rows[0].try_get::<i64>("", "n").unwrap()
}

async fn a_repeated_mutation_with_one_key_runs_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Mitali", "9830066666").await;
    let enc = c.encounter(&app, &p).await;
    let vitals = json!({ "e": enc["id"], "x": { "vitals": { "pulsePerMin": 88 } } });
    let key = uuid::Uuid::now_v7().to_string();

    let (status, replayed, first) =
        post(&app, &c.nurse, Some(&key), &add_q(), vitals.clone()).await;
    assert_eq!((status, replayed), (200, false));
    let id = expect_data(&first)["addClinicalEntry"]["id"].clone();
    let (_, replayed, again) = post(&app, &c.nurse, Some(&key), &add_q(), vitals.clone()).await;
    assert!(replayed, "the second answer is the first one, replayed");
    assert_eq!(expect_data(&again)["addClinicalEntry"]["id"], id);
    let sql = "SELECT COUNT(*) AS n FROM clinical_entries WHERE kind = $1";
    assert_eq!(count(&app, "WB", sql, "vitals").await, 1);

    // The same key with other input is refused, and nothing is written.
    let other = json!({ "e": enc["id"], "x": { "vitals": { "pulsePerMin": 90 } } });
    let (_, _, refused) = post(&app, &c.nurse, Some(&key), &add_q(), other.clone()).await;
    let e = expect_error(&refused, "CONFLICT");
    assert!(e["message"].as_str().unwrap().contains("different request"));
    assert_eq!(count(&app, "WB", sql, "vitals").await, 1);

    // Keys belong to their user: another user's identical key is another request.
    let (_, replayed, doctors) = post(&app, &c.doctor, Some(&key), &add_q(), other).await;
    assert!(!replayed);
    assert_ne!(expect_data(&doctors)["addClinicalEntry"]["id"], id);
    assert_eq!(count(&app, "WB", sql, "vitals").await, 2);

    // A refused input is answered the same way again, without running twice.
    let bad = json!({ "e": enc["id"], "x": { "vitals": { "pulsePerMin": 900 } } });
    let bad_key = uuid::Uuid::now_v7().to_string();
    let (_, _, b1) = post(&app, &c.nurse, Some(&bad_key), &add_q(), bad.clone()).await;
    let (_, replayed, b2) = post(&app, &c.nurse, Some(&bad_key), &add_q(), bad).await;
    expect_error(&b1, "VALIDATION");
    assert!(replayed);
    assert_eq!(b1, b2);

    // Without a key two submissions are two entries (the client sends a key per form).
    post(&app, &c.nurse, None, &add_q(), vitals.clone()).await;
    assert_eq!(count(&app, "WB", sql, "vitals").await, 3);

    // A named operation without `operationName`, as the web app sends its forms, is the
    // document's only operation: its repeat is replayed too.
    let named = add_q().replacen("mutation(", "mutation AddVitals(", 1);
    let named_key = uuid::Uuid::now_v7().to_string();
    let (_, replayed, n1) = post(&app, &c.nurse, Some(&named_key), &named, vitals.clone()).await;
    assert!(!replayed);
    let (_, replayed, n2) = post(&app, &c.nurse, Some(&named_key), &named, vitals.clone()).await;
    assert!(replayed, "{n2}");
    assert_eq!(n1, n2);
    assert_eq!(count(&app, "WB", sql, "vitals").await, 4);

    // A malformed key is refused before anything runs; queries ignore keys.
    let (status, _, body) = post(&app, &c.nurse, Some("not a key!"), &add_q(), vitals).await;
    assert_eq!(status, 400);
    expect_error(&body, "VALIDATION");
    let (status, replayed, _) =
        post(&app, &c.nurse, Some(&key), "{ me { userId } }", json!({})).await;
    assert_eq!((status, replayed), (200, false));
}

async fn simultaneous_repeats_make_exactly_one_record(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let key = uuid::Uuid::now_v7().to_string();
    let vars = json!({ "i": { "kind": "STATE", "name": "Double Click State", "lgdCode": "99" } });
    let attempts = (0..8).map(|_| post(&app, &wb, Some(&key), CREATE_UNIT, vars.clone()));
    let answers = futures_util::future::join_all(attempts).await;
    let ids: Vec<Value> = answers
        .iter()
        .map(|(s, _, b)| {
            assert_eq!(*s, 200);
            expect_data(b)["createAdminUnit"]["id"].clone()
        })
        .collect();
    assert!(
        ids.iter().all(|i| *i == ids[0]),
        "every repeat answers with the one unit: {ids:?}"
    );
    assert_eq!(
        answers.iter().filter(|(_, r, _)| !r).count(),
        1,
        "exactly one ran"
    );
    let n = count(
        &app,
        "WB",
        "SELECT COUNT(*) AS n FROM admin_units WHERE name = $1",
        "Double Click State",
    )
    .await;
    assert_eq!(n, 1);
}
