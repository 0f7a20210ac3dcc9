//! A token dies with its session: logout, a disabled account, a revoked role, a new
//! password and a suspended tenant take effect on the very next request, and on every
//! instance of a deployment.

use super::helpline::agent;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const ME: &str = "{ me { userId roles { role } } }";
const REFRESH: &str =
    "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }";
const LOGOUT: &str = "mutation($t: String!) { logout(refreshToken: $t) }";

async fn me(app: &TestApp, token: &str) -> Value {
    app.gql(Some(token), ME, json!({})).await
}

fn s(v: &Value) -> &str {
    v.as_str().expect("a string")
}

on_both_backends!(tokens_die_with_their_session);

async fn tokens_die_with_their_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.wb_admin().await;

    // Logout ends that session's access token at once, and only that session's.
    let one = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let two = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    expect_data(&me(&app, s(&one["accessToken"])).await);
    expect_data(
        &app.gql(None, LOGOUT, json!({ "t": one["refreshToken"] }))
            .await,
    );
    expect_error(&me(&app, s(&one["accessToken"])).await, "UNAUTHENTICATED");
    expect_data(&me(&app, s(&two["accessToken"])).await);

    // A revoked role: the old token stops; the session survives, and a refresh brings
    // a token without the role.
    let (_, nurse_id) = agent(&app, &admin, "nurse.rekha", "NURSE").await;
    let login = app
        .login(Some("WB"), "nurse.rekha", "a long enough password")
        .await;
    let old = s(&login["accessToken"]).to_owned();
    expect_data(&me(&app, &old).await);
    let grant =
        "mutation($u: ID!, $g: RoleGrantInput!) { grantRole(userId: $u, grant: $g) { id } }";
    let revoke =
        "mutation($u: ID!, $g: RoleGrantInput!) { revokeRole(userId: $u, grant: $g) { id } }";
    expect_data(
        &app.gql(
            Some(&admin),
            grant,
            json!({ "u": nurse_id, "g": { "role": "LAB_TECHNICIAN" } }),
        )
        .await,
    );
    expect_data(&me(&app, &old).await);
    expect_data(
        &app.gql(
            Some(&admin),
            revoke,
            json!({ "u": nurse_id, "g": { "role": "NURSE" } }),
        )
        .await,
    );
    let refused = expect_error(&me(&app, &old).await, "UNAUTHENTICATED");
    assert!(s(&refused["message"]).contains("withdrawn"), "{refused}");
    let renewed = expect_data(
        &app.gql(None, REFRESH, json!({ "t": login["refreshToken"] }))
            .await,
    )["refreshToken"]
        .clone();
    let roles = expect_data(&me(&app, s(&renewed["accessToken"])).await)["me"]["roles"].clone();
    assert_eq!(roles, json!([{ "role": "LAB_TECHNICIAN" }]));

    // A disabled account: its token and its refresh token both stop.
    let update = "mutation($i: UpdateUserInput!) { updateUser(input: $i) { status } }";
    let version = expect_data(
        &app.gql(
            Some(&admin),
            "query($id: ID!) { user(id: $id) { version } }",
            json!({ "id": nurse_id }),
        )
        .await,
    )["user"]["version"]
        .clone();
    expect_data(
        &app.gql(
            Some(&admin),
            update,
            json!({ "i": { "id": nurse_id, "expectedVersion": version, "active": false } }),
        )
        .await,
    );
    expect_error(
        &me(&app, s(&renewed["accessToken"])).await,
        "UNAUTHENTICATED",
    );
    expect_error(
        &app.gql(None, REFRESH, json!({ "t": renewed["refreshToken"] }))
            .await,
        "UNAUTHENTICATED",
    );

    // A new password ends every token of the account, the one that changed it too.
    let mzp = app
        .login(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
        .await;
    let other_device = app
        .token(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
        .await;
    let change = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";
    expect_data(
        &app.gql(
            mzp["accessToken"].as_str(),
            change,
            json!({ "c": "mzp-demo-admin-2026", "n": "a new passphrase" }),
        )
        .await,
    );
    expect_error(&me(&app, s(&mzp["accessToken"])).await, "UNAUTHENTICATED");
    expect_error(&me(&app, &other_device).await, "UNAUTHENTICATED");
    let fresh = app
        .token(Some("BR-MZP"), "mzp.admin", "a new passphrase")
        .await;
    expect_data(&me(&app, &fresh).await);

    // A suspended tenant: its tokens stop; other tenants' do not.
    let platform = app.platform_token().await;
    let br = app.br_admin().await;
    let br_id = expect_data(&me(&app, &br).await)["me"]["userId"].clone();
    assert!(br_id.is_string());
    suspend_br(&app, &platform).await;
    expect_error(&me(&app, &br).await, "UNAUTHENTICATED");
    expect_data(&me(&app, s(&two["accessToken"])).await);

    // The check is made from memory: with all those revocations live, a hundred `me`
    // requests cost no SQL statement (background work may run a few meanwhile).
    let before = statements(&app).await;
    for _ in 0..100 {
        expect_data(
            &app.gql(two["accessToken"].as_str(), "{ me { userId } }", json!({}))
                .await,
        );
    }
    let spent = statements(&app).await - before;
    assert!(spent < 20, "{spent} statements for 100 token checks");
}

/// `arogya_db_statements_total` from `/metrics`.
async fn statements(app: &TestApp) -> u64 {
    let text = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("arogya_db_statements_total "))
        .and_then(|v| v.trim().parse().ok())
        .expect("the statements counter")
}

/// Poll `token` on `app` until it is refused, for at most `ms` milliseconds; returns
/// how long it took. Across instances a revocation travels by `pg_notify`, which
/// arrives within milliseconds of the commit.
async fn refused_within(app: &TestApp, token: &str, ms: u64) -> std::time::Duration {
    let started = std::time::Instant::now();
    loop {
        let body = me(app, token).await;
        if body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" {
            return started.elapsed();
        }
        assert!(
            started.elapsed().as_millis() < ms as u128,
            "still accepted after {ms} ms: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revocation_reaches_every_instance_and_outlives_a_restart() {
    let a = TestApp::spawn(Backend::Postgres).await;
    let replica = |name: &str| {
        let dir =
            std::env::temp_dir().join(format!("arogya-{name}-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    };
    let b = TestApp::spawn_with(Backend::Postgres, a.config.clone(), replica("b"), None).await;
    let session = a.login(Some("WB"), "wb.admin", "wb-demo-admin-2026").await;
    let token = s(&session["accessToken"]).to_owned();
    expect_data(&me(&b, &token).await);
    // Logged out on A: B refuses the token too.
    expect_data(
        &a.gql(None, LOGOUT, json!({ "t": session["refreshToken"] }))
            .await,
    );
    expect_error(&me(&a, &token).await, "UNAUTHENTICATED");
    let took = refused_within(&b, &token, 1000).await;
    eprintln!("logout reached the other instance in {took:?}");

    // An instance started afterwards knows of it from the table.
    let c = TestApp::spawn_with(Backend::Postgres, a.config.clone(), replica("c"), None).await;
    expect_error(&me(&c, &token).await, "UNAUTHENTICATED");

    // A suspension made on A stops the tenant's tokens on B, though B had the
    // tenant cached as active.
    let br = b.br_admin().await;
    expect_data(&me(&b, &br).await);
    let platform = a.platform_token().await;
    suspend_br(&a, &platform).await;
    refused_within(&b, &br, 1000).await;
    // And logging in on B is refused at once: its cached tenant was dropped.
    expect_error(
        &b.try_login(Some("BR"), "br.admin", "br-demo-admin-2026")
            .await,
        "UNAUTHENTICATED",
    );
}

/// Suspend the BR tenant as the platform administrator.
async fn suspend_br(app: &TestApp, platform: &str) {
    let tenants = expect_data(
        &app.gql(
            Some(platform),
            "{ tenants(first: 50) { edges { node { id code } } } }",
            json!({}),
        )
        .await,
    );
    let br = tenants["tenants"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["code"] == "BR")
        .expect("the BR tenant")["node"]["id"]
        .clone();
    let suspend = "mutation($id: ID!) { suspendTenant(id: $id, reason: \"audit\") { status } }";
    expect_data(&app.gql(Some(platform), suspend, json!({ "id": br })).await);
}
