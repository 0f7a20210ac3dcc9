//! Machine clients with OAuth 2.0 `client_credentials`: an administrator creates one
//! with scopes, it gets short-lived tokens at `POST /oauth/token` and acts within its
//! scopes only, audited under its own name; a rotated secret and a revoked client are
//! refused at once, tokens included; another tenant finds nothing.

use super::oxygen::{Plant, RECORD};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use base64::Engine;
use chrono::Utc;
use serde_json::{json, Value};

on_both_backends!(a_client_acts_within_its_scopes_until_rotated_or_revoked);

const CREATE: &str = "mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { clientSecret client { id clientId name scope active } } }";
const ROTATE: &str = "mutation($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret client { active rotatedAt } } }";
const REVOKE: &str = "mutation($id: ID!) { revokeApiClient(id: $id) { active revokedAt } }";
const LIST: &str = "{ apiClients { clientId name active } }";

/// POST /oauth/token with the id and secret in the form; (status, body).
async fn token_by_form(app: &TestApp, id: &str, secret: &str) -> (u16, Value) {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("grant_type", "client_credentials")
        .append_pair("client_id", id)
        .append_pair("client_secret", secret)
        .finish();
    send(app, body, None).await
}

async fn send(app: &TestApp, body: String, basic: Option<(&str, &str)>) -> (u16, Value) {
    let mut req = app
        .http
        .post(app.url("/oauth/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body);
    if let Some((id, secret)) = basic {
        let pair = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
        req = req.header("authorization", format!("Basic {pair}"));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    assert_eq!(resp.headers()["cache-control"], "no-store");
    (status, resp.json().await.unwrap())
}

fn reading(p: &Plant, facility: &Value) -> Value {
    json!({ "f": facility, "at": Utc::now().to_rfc3339(), "r": p.readings(80.0, 40) })
}

async fn a_client_acts_within_its_scopes_until_rotated_or_revoked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let (wb, kolkata, lalbag) = (&p.h.c.wb, &p.h.c.kolkata["id"], &p.h.c.lalbag["id"]);

    // Only machine roles, and each one checked like any grant.
    let admin_scope = app
        .gql(
            Some(wb),
            CREATE,
            json!({ "i": { "name": "Meter", "scopes": [{ "role": "STATE_ADMIN" }] } }),
        )
        .await;
    expect_error(&admin_scope, "VALIDATION");
    let created = expect_data(&app.gql(Some(wb), CREATE, json!({ "i": {
        "name": "Kolkata DH oxygen meter", "scopes": [{ "role": "OXYGEN_OFFICER", "facilityId": kolkata }] } })).await)["createApiClient"].clone();
    let (client, secret) = (
        created["client"].clone(),
        created["clientSecret"].as_str().unwrap().to_owned(),
    );
    let client_id = client["clientId"].as_str().unwrap().to_owned();
    assert!(client_id.starts_with("WB."), "{client_id}");
    assert_eq!(
        client["scope"],
        format!("oxygen_officer@facility:{}", kolkata.as_str().unwrap())
    );
    assert!(secret.len() >= 40);

    // The token endpoint: form parameters or HTTP Basic; wrong secrets and grants refused.
    let (status, t) = token_by_form(&app, &client_id, &secret).await;
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["token_type"], "Bearer");
    assert!(t["expires_in"].as_i64().unwrap() > 0);
    let token = t["access_token"].as_str().unwrap().to_owned();
    let (status, by_basic) = send(
        &app,
        "grant_type=client_credentials".into(),
        Some((&client_id, &secret)),
    )
    .await;
    assert_eq!(status, 200, "{by_basic}");
    let (status, wrong) = token_by_form(&app, &client_id, "not-the-secret-at-all").await;
    assert_eq!(
        (status, wrong["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, grant) = send(
        &app,
        "grant_type=password&username=a&password=b".into(),
        None,
    )
    .await;
    assert_eq!(
        (status, grant["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    // Another tenant's code with this client's id is nobody.
    let elsewhere = client_id.replacen("WB.", "BR.", 1);
    assert_eq!(token_by_form(&app, &elsewhere, &secret).await.0, 401);

    // Within its scope it works; outside it is forbidden.
    let ok = app.gql(Some(&token), RECORD, reading(&p, kolkata)).await;
    let entry = expect_data(&ok)["recordOxygenReading"].clone();
    expect_error(
        &app.gql(Some(&token), RECORD, reading(&p, lalbag)).await,
        "FORBIDDEN",
    );
    // Reading the tenant's accounts is an administrator's: refused (the admin may).
    let accounts = "{ users { edges { node { id } } } }";
    expect_data(&app.gql(Some(wb), accounts, json!({})).await);
    expect_error(
        &app.gql(Some(&token), accounts, json!({})).await,
        "FORBIDDEN",
    );

    // Audited under its own name: the entry's event names the client as its actor.
    let tid = app.tenant_id("WB").await;
    let id = client["id"].as_str().unwrap();
    let rows = app
        .rows_in_tenant(
            &tid,
            "SELECT actor_id, action FROM audit_events WHERE action = $1",
            "oxygen.entry",
        )
        .await;
    let actors: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<uuid::Uuid>("", "actor_id").unwrap().to_string())
        .collect();
    assert!(actors.contains(&id.to_owned()), "{actors:?} {entry}");
    // Its account has no password: no sign-in, no password to reset.
    let reset = "mutation($u: ID!) { resetUserPassword(userId: $u, newPassword: \"a long enough password\") }";
    expect_error(
        &app.gql(Some(wb), reset, json!({ "u": id })).await,
        "VALIDATION",
    );

    // Another tenant's administrator finds nothing.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), ROTATE, json!({ "id": id })).await,
        "NOT_FOUND",
    );
    let theirs = expect_data(&app.gql(Some(&br), LIST, json!({})).await);
    assert_eq!(theirs["apiClients"], json!([]));

    // Rotation: the old secret and its tokens stop at once; the new secret works.
    let rotated = expect_data(&app.gql(Some(wb), ROTATE, json!({ "id": id })).await)
        ["rotateApiClientSecret"]
        .clone();
    let fresh = rotated["clientSecret"].as_str().unwrap().to_owned();
    assert_ne!(fresh, secret);
    assert_eq!(token_by_form(&app, &client_id, &secret).await.0, 401);
    expect_error(
        &app.gql(Some(&token), RECORD, reading(&p, kolkata)).await,
        "UNAUTHENTICATED",
    );
    let (status, t) = token_by_form(&app, &client_id, &fresh).await;
    assert_eq!(status, 200);
    let token = t["access_token"].as_str().unwrap().to_owned();
    expect_data(&app.gql(Some(&token), "{ me { userId } }", json!({})).await);

    // An administrator who disables the client's account stops it too, until enabled.
    set_active(&app, wb, id, false).await;
    assert_eq!(token_by_form(&app, &client_id, &fresh).await.0, 401);
    set_active(&app, wb, id, true).await;
    let (status, t) = token_by_form(&app, &client_id, &fresh).await;
    assert_eq!(status, 200);
    let token = t["access_token"].as_str().unwrap().to_owned();

    // Revocation: no token, and the one it has stops.
    let revoked = expect_data(&app.gql(Some(wb), REVOKE, json!({ "id": id })).await)
        ["revokeApiClient"]
        .clone();
    assert_eq!(revoked["active"], false);
    assert_eq!(token_by_form(&app, &client_id, &fresh).await.0, 401);
    expect_error(
        &app.gql(Some(&token), "{ me { userId } }", json!({})).await,
        "UNAUTHENTICATED",
    );
    let list = expect_data(&app.gql(Some(wb), LIST, json!({})).await);
    assert_eq!(list["apiClients"][0]["active"], false);
    expect_error(
        &app.gql(Some(wb), ROTATE, json!({ "id": id })).await,
        "CONFLICT",
    );
}

/// Enable or disable an account as its administrator.
async fn set_active(app: &TestApp, admin: &str, id: &str, active: bool) {
    let v = expect_data(
        &app.gql(
            Some(admin),
            "query($u: ID!) { user(id: $u) { version } }",
            json!({ "u": id }),
        )
        .await,
    )["user"]["version"]
        .clone();
    expect_data(
        &app.gql(
            Some(admin),
            "mutation($i: UpdateUserInput!) { updateUser(input: $i) { status } }",
            json!({ "i": { "id": id, "expectedVersion": v, "active": active } }),
        )
        .await,
    );
}
