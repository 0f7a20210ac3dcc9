//! A phone sends and receives less: automatic persisted queries (a SHA-256 hash in
//! place of the query text, the text sent once when the server asks for it) and
//! compressed answers.

use super::idempotency::post as post_with_key;
use super::records::{add_q, Clinic};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::Read;

on_both_backends!(
    a_query_named_by_hash_runs_once_the_server_has_its_text,
    a_retried_mutation_by_hash_is_the_same_request_as_with_its_text,
    answers_are_compressed_for_clients_that_accept_it
);

fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn extension(h: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": h } })
}

async fn send(app: &TestApp, token: &str, key: Option<&str>, body: Value) -> (bool, Value) {
    let mut req = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(token)
        .json(&body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    let resp = req.send().await.unwrap();
    let replayed = resp.headers().contains_key("idempotent-replayed");
    (replayed, resp.json().await.unwrap())
}

const ME: &str = "query Me { me { userId } }";

async fn a_query_named_by_hash_runs_once_the_server_has_its_text(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.wb_admin().await;
    let h = hash(ME);

    // Unknown hash: the server asks for the text, in Apollo's words.
    let (_, unknown) = send(&app, &token, None, json!({ "extensions": extension(&h) })).await;
    let e = expect_error(&unknown, "PERSISTED_QUERY_NOT_FOUND");
    assert_eq!(e["message"], "PersistedQueryNotFound");

    // Text and hash: it runs and the server keeps the text.
    let (_, first) = send(
        &app,
        &token,
        None,
        json!({ "query": ME, "extensions": extension(&h) }),
    )
    .await;
    let me = expect_data(&first)["me"].clone();
    assert!(me["userId"].is_string(), "{first}");
    // Then the hash alone is enough (in capitals too: hexadecimal is hexadecimal).
    let (_, by_hash) = send(
        &app,
        &token,
        None,
        json!({ "extensions": extension(&h.to_uppercase()) }),
    )
    .await;
    assert_eq!(expect_data(&by_hash)["me"], me);

    // A text that does not have the hash sent with it is refused and not kept.
    let other = "query Other { me { isPlatformAdmin } }";
    let (_, wrong) = send(
        &app,
        &token,
        None,
        json!({ "query": other, "extensions": extension(&h) }),
    )
    .await;
    let e = expect_error(&wrong, "VALIDATION");
    assert!(e["message"].as_str().unwrap().contains("SHA-256"), "{e}");
    let (_, still) = send(&app, &token, None, json!({ "extensions": extension(&h) })).await;
    assert_eq!(expect_data(&still)["me"], me, "the kept text is unchanged");
    let (_, never) = send(
        &app,
        &token,
        None,
        json!({ "extensions": extension(&hash(other)) }),
    )
    .await;
    expect_error(&never, "PERSISTED_QUERY_NOT_FOUND");

    // A malformed extension is a clear validation error.
    let (_, bad) = send(&app, &token, None, json!({ "query": ME, "extensions": { "persistedQuery": { "version": 2, "sha256Hash": h } } })).await;
    expect_error(&bad, "VALIDATION");
}

async fn a_retried_mutation_by_hash_is_the_same_request_as_with_its_text(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Mitali", "9830066666").await;
    let enc = c.encounter(&app, &p).await;
    let q = add_q();
    let h = hash(&q);
    let vitals = json!({ "e": enc["id"], "x": { "vitals": { "pulsePerMin": 88 } } });
    let key = uuid::Uuid::now_v7().to_string();

    // Asked for the text first: nothing ran, so the key is not spent.
    let (replayed, unknown) = send(
        &app,
        &c.nurse,
        Some(&key),
        json!({ "variables": vitals, "extensions": extension(&h) }),
    )
    .await;
    assert!(!replayed);
    expect_error(&unknown, "PERSISTED_QUERY_NOT_FOUND");
    let (replayed, first) = send(
        &app,
        &c.nurse,
        Some(&key),
        json!({ "query": q, "variables": vitals, "extensions": extension(&h) }),
    )
    .await;
    assert!(!replayed);
    let id = expect_data(&first)["addClinicalEntry"]["id"].clone();
    // The retry by hash alone is the same request: the first answer, replayed.
    let (replayed, again) = send(
        &app,
        &c.nurse,
        Some(&key),
        json!({ "variables": vitals, "extensions": extension(&h) }),
    )
    .await;
    assert!(replayed, "{again}");
    assert_eq!(expect_data(&again)["addClinicalEntry"]["id"], id);
    // And so is the plain request with the text and no extension.
    let (_, replayed, plain) = post_with_key(&app, &c.nurse, Some(&key), &q, vitals.clone()).await;
    assert!(replayed);
    assert_eq!(expect_data(&plain)["addClinicalEntry"]["id"], id);
    let tid = app.tenant_id("WB").await;
    let rows = app
        .rows_in_tenant(
            &tid,
            "SELECT COUNT(*) AS n FROM clinical_entries WHERE kind = $1",
            "vitals",
        )
        .await;
    assert_eq!(rows[0].try_get::<i64>("", "n").unwrap(), 1);
}

async fn answers_are_compressed_for_clients_that_accept_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.wb_admin().await;
    // The schema's types: a large answer, as a screen's list would be.
    let body = json!({ "query": "{ __schema { types { name description fields { name description } } } }" });
    let fetch = |encoding: Option<&'static str>| {
        let mut req = app
            .http
            .post(app.url("/graphql"))
            .bearer_auth(&token)
            .json(&body);
        if let Some(e) = encoding {
            req = req.header("accept-encoding", e);
        }
        req.send()
    };
    let plain = fetch(None).await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    assert!(
        plain.len() > 10_000,
        "a large answer: {} bytes",
        plain.len()
    );

    let gz = fetch(Some("gzip")).await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let packed = gz.bytes().await.unwrap();
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, plain, "the same answer");
    assert!(
        packed.len() * 4 < plain.len(),
        "{} of {} bytes",
        packed.len(),
        plain.len()
    );

    let br = fetch(Some("br;q=1.0, gzip;q=0.8")).await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert!(br.bytes().await.unwrap().len() * 4 < plain.len());
}
