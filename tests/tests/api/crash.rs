//! Crash safety: the server killed with `kill -9` while writers are busy loses no
//! write it acknowledged, on SQLite (its WAL) and on PostgreSQL. Bounded to a few
//! seconds of writing.

use arogya_tests::{arogya_bin, create_pg_database, pg_url, Backend, APP_ROLE, OWNER_ROLE};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process, killed when dropped (so a failing test leaves none behind).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Start `arogya serve --demo` on `db_url`; returns the process and its address.
fn serve(dir: &Path, db_url: &str, migration_url: Option<&str>) -> (Server, String) {
    let mut cmd = Command::new(arogya_bin());
    cmd.current_dir(dir)
        .env_remove("AROGYA_CONFIG")
        .env("AROGYA_DATABASE_URL", db_url)
        .env("AROGYA_JWT_KEYS_DIR", dir.join("keys"))
        .env("AROGYA_PII_KEY_FILE", dir.join("pii.key"))
        .env("AROGYA_OBJECT_STORE_DIR", dir.join("objects"))
        .env("AROGYA_LOG_FILTER", "warn")
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(m) = migration_url {
        cmd.env("AROGYA_DATABASE_MIGRATION_URL", m)
            .env("AROGYA_DATABASE_APP_ROLE", APP_ROLE);
    }
    let mut child = cmd.spawn().expect("starting the server");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("the server printed nothing").unwrap();
        if let Some(rest) = line.strip_prefix("Arogya listening on http://") {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    // Keep reading its output so the pipe never fills.
    std::thread::spawn(move || for _ in lines {});
    (Server(child), addr)
}

async fn gql(
    http: &reqwest::Client,
    addr: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> Option<Value> {
    let mut req = http
        .post(format!("http://{addr}/graphql"))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.ok()?.json().await.ok()
}

async fn token(http: &reqwest::Client, addr: &str) -> String {
    let login = "mutation($i: LoginInput!) { login(input: $i) { accessToken } }";
    let body = gql(http, addr, None, login, json!({ "i": { "tenantCode": "WB", "login": "wb.surveyor", "password": "wb-demo-surveyor-2026" } }))
        .await
        .expect("an answer");
    body["data"]["login"]["accessToken"]
        .as_str()
        .unwrap_or_else(|| panic!("login failed: {body}"))
        .to_owned()
}

fn letters(mut n: usize) -> String {
    let mut s = String::from("K");
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

async fn crash_loses_nothing(backend: Backend) {
    let dir = std::env::temp_dir().join(format!("arogya-crash-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let (db_url, migration_url) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}/arogya.db?mode=rwc", dir.display()),
            None,
        ),
        Backend::Postgres => {
            let name = create_pg_database().await.unwrap();
            (pg_url(APP_ROLE, &name), Some(pg_url(OWNER_ROLE, &name)))
        }
    };
    let (mut server, addr) = serve(&dir, &db_url, migration_url.as_deref());
    let http = reqwest::Client::new();
    let token = token(&http, &addr).await;

    const REGISTER: &str = "mutation($i: PatientInput!) { registerPatient(input: $i, confirmNotDuplicate: true) { patient { id } } }";
    let stop = Instant::now() + Duration::from_secs(3);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (http, addr, token) = (http.clone(), addr.clone(), token.clone());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                let mut i = 0;
                // Keep writing until the server is gone (or the time is up).
                while Instant::now() < stop + Duration::from_secs(5) {
                    i += 1;
                    let input = json!({ "givenName": letters(w), "familyName": letters(i), "sex": "MALE", "ageYears": 30 });
                    match gql(&http, &addr, Some(&token), REGISTER, json!({ "i": input })).await {
                        Some(body) => match body["data"]["registerPatient"]["patient"]["id"].as_str() {
                            Some(id) => acknowledged.push(id.to_owned()),
                            None => break,
                        },
                        None => break, // the connection died with the server
                    }
                }
                acknowledged
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let killed = Command::new("kill")
        .args(["-9", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = server.0.wait();
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    assert!(
        acknowledged.len() > 20,
        "too few writes to prove anything: {}",
        acknowledged.len()
    );

    // Restart on the same database: every acknowledged patient is there.
    let (again, addr) = serve(&dir, &db_url, migration_url.as_deref());
    let token = self::token(&http, &addr).await;
    let q = "query($id: ID!) { patient(id: $id, purpose: \"crash test\") { id } }";
    let mut missing = Vec::new();
    for id in &acknowledged {
        let body = gql(&http, &addr, Some(&token), q, json!({ "id": id }))
            .await
            .unwrap();
        if body["data"]["patient"]["id"] != json!(id) {
            missing.push(id.clone());
        }
    }
    drop(again);
    eprintln!(
        "{backend:?}: {} acknowledged writes, {} missing after kill -9",
        acknowledged.len(),
        missing.len()
    );
    assert!(missing.is_empty(), "lost after kill -9: {missing:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

on_both_backends!(crash_loses_nothing);
