//! When PostgreSQL goes away and comes back: requests answer HTTP 503 with
//! `UNAVAILABLE` and `Retry-After` at once (never `UNAUTHENTICATED`, on which a client
//! might throw its session away), `/readyz` follows the database within a second each
//! way, and writes made under load while it restarts are either acknowledged and kept
//! or refused, never lost.

use arogya_tests::{expect_data, test_config, Backend, DbSwitch, TestApp, APP_ROLE};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A PostgreSQL test server whose database connection runs through a switch.
async fn behind_a_switch() -> (TestApp, DbSwitch) {
    let switch = DbSwitch::start(arogya_tests::pg_server_url()).await;
    let (mut config, dir, pg) = test_config(Backend::Postgres).await;
    let name = pg.clone().expect("a PostgreSQL database");
    config.database_url = format!("postgres://{APP_ROLE}@{}/{name}", switch.addr);
    (
        TestApp::spawn_with(Backend::Postgres, config, dir, pg).await,
        switch,
    )
}

async fn ready(app: &TestApp) -> u16 {
    app.http
        .get(app.url("/readyz"))
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

/// How long until `/readyz` answers `want` (polled every 20 ms, for at most 5 s).
async fn readiness_turns(app: &TestApp, want: u16) -> Duration {
    let started = Instant::now();
    while ready(app).await != want {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "/readyz never became {want}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    started.elapsed()
}

const ME_USER: &str = "{ me { user { username } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_says_what_it_is() {
    let (app, switch) = behind_a_switch().await;
    let token = app.wb_admin().await;
    expect_data(&app.gql(Some(&token), ME_USER, json!({})).await);
    assert_eq!(ready(&app).await, 200);

    switch.cut();
    let down = readiness_turns(&app, 503).await;
    eprintln!("/readyz unready {down:?} after the database went away");
    assert!(down < Duration::from_secs(1), "took {down:?}");

    // A read that needs the database, and a login: both say UNAVAILABLE, with 503 and
    // Retry-After, without waiting for a connection timeout.
    for (token, query, variables) in [
        (Some(token.as_str()), ME_USER, json!({})),
        (
            None,
            "mutation($i: LoginInput!) { login(input: $i) { accessToken } }",
            json!({ "i": { "tenantCode": "WB", "login": "wb.admin", "password": "wb-demo-admin-2026" } }),
        ),
    ] {
        let started = Instant::now();
        let mut req = app
            .http
            .post(app.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        let took = started.elapsed();
        assert_eq!(resp.status(), 503, "{query}");
        assert_eq!(
            resp.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("2")
        );
        let body: Value = resp.json().await.unwrap();
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "UNAVAILABLE",
            "{body}"
        );
        assert!(took < Duration::from_secs(1), "{query} took {took:?}");
    }

    switch.restore();
    let back = readiness_turns(&app, 200).await;
    eprintln!("/readyz ready {back:?} after the database returned");
    assert!(back < Duration::from_secs(1), "took {back:?}");
    expect_data(&app.gql(Some(&token), ME_USER, json!({})).await);
}

const REGISTER: &str = "mutation($i: PatientInput!) { registerPatient(input: $i, confirmNotDuplicate: true) { patient { id } } }";

/// A name made of letters from a number (names must be letters).
fn letters(mut n: usize) -> String {
    let mut s = String::from("W");
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

/// Register patients until `stop`, returning the ids acknowledged and how many were
/// refused (each refusal must be UNAVAILABLE or INTERNAL-free: checked here).
async fn writer(app: &TestApp, token: String, n: usize, stop: Instant) -> (Vec<String>, usize) {
    let mut kept = Vec::new();
    let mut refused = 0;
    let mut i = 0;
    while Instant::now() < stop {
        i += 1;
        let input = json!({ "givenName": letters(n), "familyName": letters(i), "sex": "FEMALE", "ageYears": 40 });
        let resp = app
            .http
            .post(app.url("/graphql"))
            .bearer_auth(&token)
            .json(&json!({ "query": REGISTER, "variables": { "i": input } }))
            .send()
            .await;
        let Ok(resp) = resp else {
            refused += 1;
            continue;
        };
        let body: Value = resp.json().await.unwrap_or(Value::Null);
        match body["data"]["registerPatient"]["patient"]["id"].as_str() {
            Some(id) => kept.push(id.to_owned()),
            None => {
                let code = body["errors"][0]["extensions"]["code"]
                    .as_str()
                    .unwrap_or("");
                assert!(
                    code == "UNAVAILABLE" || code == "INTERNAL",
                    "an outage must not look like a client error: {body}"
                );
                refused += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    (kept, refused)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_restart_under_load_loses_no_acknowledged_write() {
    let (app, switch) = behind_a_switch().await;
    let app = std::sync::Arc::new(app);
    let admin = app.wb_admin().await;
    let token = super::patients::staff_token(&app, &admin, "surveyor.restart", "SURVEYOR").await;
    let stop = Instant::now() + Duration::from_secs(6);
    let writers: Vec<_> = (0..4)
        .map(|n| {
            let (app, token) = (app.clone(), token.clone());
            tokio::spawn(async move { writer(&app, token, n, stop).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    switch.cut();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    switch.restore();
    let mut kept = Vec::new();
    let mut refused = 0;
    for w in writers {
        let (k, r) = w.await.unwrap();
        kept.extend(k);
        refused += r;
    }
    eprintln!(
        "{} writes acknowledged, {refused} refused during the outage",
        kept.len()
    );
    assert!(
        refused > 0,
        "the outage was not felt: the test proves nothing"
    );
    assert!(
        kept.len() > 10,
        "too few writes acknowledged: {}",
        kept.len()
    );
    // Writes go on after it, and every acknowledged patient is there, once.
    readiness_turns(&app, 200).await;
    let q = "query($id: ID!) { patient(id: $id, purpose: \"restart test\") { id } }";
    for id in &kept {
        let body = app.gql(Some(&token), q, json!({ "id": id })).await;
        assert_eq!(body["data"]["patient"]["id"], json!(id), "{body}");
    }
    let unique: std::collections::HashSet<_> = kept.iter().collect();
    assert_eq!(unique.len(), kept.len());
}
