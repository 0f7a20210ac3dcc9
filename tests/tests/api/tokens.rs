//! Every kind of bad access token is refused with UNAUTHENTICATED.

use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::pkcs8::EncodePrivateKey;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

const ME: &str = "{ me { userId } }";

/// The server's signing key, read from its key folder (the harness owns the folder).
fn server_key(app: &TestApp) -> EncodingKey {
    let file = std::fs::read_dir(&app.config.jwt_keys_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    EncodingKey::from_ed_pem(std::fs::read_to_string(file).unwrap().as_bytes()).unwrap()
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn sign(header_kid: &str, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(header_kid.to_owned());
    encode(&header, claims, key).unwrap()
}

on_both_backends!(bad_tokens_are_rejected);

async fn bad_tokens_are_rejected(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let good = app.wb_admin().await;
    expect_data(&app.gql(Some(&good), ME, json!({})).await);
    let kid = jsonwebtoken::decode_header(&good).unwrap().kid.unwrap();
    let key = server_key(&app);
    let claims = claims_of(&good);

    // Re-signing the same claims with the server's own key is accepted (the harness is sound)...
    let resigned = sign(&kid, &key, &claims);
    expect_data(&app.gql(Some(&resigned), ME, json!({})).await);

    let mut expired = claims.clone();
    expired["exp"] = json!(chrono::Utc::now().timestamp() - 120);
    let mut other_tenant = claims.clone();
    other_tenant["tid"] = json!(uuid::Uuid::now_v7());
    let mut wrong_audience = claims.clone();
    wrong_audience["aud"] = json!("someone-else");

    let foreign_key = {
        let k = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
        EncodingKey::from_ed_der(k.to_pkcs8_der().unwrap().as_bytes())
    };
    let parts: Vec<&str> = good.split('.').collect();
    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let mut elevated = claims.clone();
    elevated["tid"] = json!(null);
    elevated["roles"] = json!([{ "role": "platform_admin" }]);
    let tampered_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&elevated).unwrap());
    let hs256 = encode(
        &{
            let mut h = Header::new(Algorithm::HS256);
            h.kid = Some(kid.clone());
            h
        },
        &claims,
        &EncodingKey::from_secret(b"guessable"),
    )
    .unwrap();

    let cases: Vec<(&str, String)> = vec![
        ("expired", sign(&kid, &key, &expired)),
        ("signed by another key", sign(&kid, &foreign_key, &claims)),
        ("unknown kid", sign("no-such-kid", &key, &claims)),
        ("alg none", format!("{none_header}.{}.", parts[1])),
        (
            "tampered claims",
            format!("{}.{}.{}", parts[0], tampered_payload, parts[2]),
        ),
        ("HS256 with a guessed secret", hs256),
        ("wrong audience", sign(&kid, &key, &wrong_audience)),
        (
            "tenant that does not exist",
            sign(&kid, &key, &other_tenant),
        ),
        ("garbage", "not.a.jwt".into()),
    ];
    for (what, token) in cases {
        let body = app.gql(Some(&token), ME, json!({})).await;
        assert_eq!(
            arogya_tests::error_code(&body).as_deref(),
            Some("UNAUTHENTICATED"),
            "{what}: {body}"
        );
    }
    // No token at all, or a header that is not Bearer.
    expect_error(&app.gql(None, ME, json!({})).await, "UNAUTHENTICATED");
    let basic = app
        .http
        .post(app.url("/graphql"))
        .header("authorization", "Basic d2I6YWRtaW4=")
        .json(&json!({ "query": ME }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    expect_error(&basic, "UNAUTHENTICATED");
}

on_both_backends!(suspended_tenant_loses_access_at_once);

async fn suspended_tenant_loses_access_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let platform = app.platform_token().await;
    let login = app
        .login(Some("BR"), "br.admin", "br-demo-admin-2026")
        .await;
    let token = login["accessToken"].as_str().unwrap();
    let tenant_id = login["me"]["tenant"]["id"].as_str().unwrap();

    let suspend = "mutation($id: ID!) { suspendTenant(id: $id) { status version } }";
    let s = expect_data(
        &app.gql(Some(&platform), suspend, json!({ "id": tenant_id }))
            .await,
    );
    assert_eq!(s["suspendTenant"]["status"], "SUSPENDED");

    expect_error(
        &app.gql(Some(token), ME, json!({})).await,
        "UNAUTHENTICATED",
    );
    expect_error(
        &app.try_login(Some("BR"), "br.admin", "br-demo-admin-2026")
            .await,
        "UNAUTHENTICATED",
    );
    let refresh = "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }";
    expect_error(
        &app.gql(None, refresh, json!({ "t": login["refreshToken"] }))
            .await,
        "UNAUTHENTICATED",
    );
    // Its district is a tenant of its own and keeps working.
    app.login(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
        .await;

    let reactivate = "mutation($id: ID!) { reactivateTenant(id: $id) { status } }";
    expect_data(
        &app.gql(Some(&platform), reactivate, json!({ "id": tenant_id }))
            .await,
    );
    // Reactivated: the access token issued before the suspension stays dead, and the
    // session goes on through a refresh.
    expect_error(
        &app.gql(Some(token), ME, json!({})).await,
        "UNAUTHENTICATED",
    );
    let renewed = expect_data(
        &app.gql(None, refresh, json!({ "t": login["refreshToken"] }))
            .await,
    )["refreshToken"]["accessToken"]
        .clone();
    expect_data(&app.gql(renewed.as_str(), ME, json!({})).await);
}

on_both_backends!(key_rotation_keeps_sessions);

async fn key_rotation_keeps_sessions(backend: Backend) {
    let mut app = TestApp::spawn(backend).await;
    let old = app.wb_admin().await;
    app.stop().await;
    arogya_infra::auth::keys::rotate(&app.config.jwt_keys_dir).unwrap();
    let config = app.config.clone();
    let restarted = TestApp::spawn_with(backend, config, app.dir.clone(), app.pg_db.clone()).await;
    expect_data(&restarted.gql(Some(&old), ME, json!({})).await);
    let new = restarted.wb_admin().await;
    let (old_kid, new_kid) = (
        jsonwebtoken::decode_header(&old).unwrap().kid.unwrap(),
        jsonwebtoken::decode_header(&new).unwrap().kid.unwrap(),
    );
    assert_ne!(old_kid, new_kid, "the newest key signs");
    let jwks: Value = restarted
        .http
        .get(restarted.url("/.well-known/jwks.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kids: Vec<&str> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert!(
        kids.contains(&old_kid.as_str()) && kids.contains(&new_kid.as_str()),
        "{kids:?}"
    );
}
