use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::json;

on_both_backends!(health_readiness_metrics_and_jwks);

async fn health_readiness_metrics_and_jwks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let health = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.http.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");

    let token = app.wb_admin().await;
    let me = app
        .gql(Some(&token), "query Me { me { userId } }", json!({}))
        .await;
    expect_data(&me);

    let metrics = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("arogya_graphql_operation_duration_seconds_count{operation=\"Me\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains(
            "arogya_http_requests_total{method=\"POST\",route=\"/graphql\",status=\"200\"}"
        ),
        "{metrics}"
    );
    assert!(
        metrics.contains("arogya_db_pool_connections{state=\"open\"}"),
        "{metrics}"
    );

    // The token's kid is published, with only public material.
    let jwks: serde_json::Value = app
        .http
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let header = jsonwebtoken::decode_header(&token).unwrap();
    let keys = jwks["keys"].as_array().unwrap();
    assert!(keys
        .iter()
        .any(|k| k["kid"] == json!(header.kid) && k["kty"] == "OKP" && k["crv"] == "Ed25519"));
    assert!(
        keys.iter().all(|k| k.get("d").is_none()),
        "private key material published: {jwks}"
    );

    // Every response carries a request id, echoing a sane one given by the caller.
    let resp = app
        .http
        .get(app.url("/healthz"))
        .header("x-request-id", "trace-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "trace-123");
    let resp = app
        .http
        .get(app.url("/healthz"))
        .header("x-request-id", "bad id; DROP")
        .send()
        .await
        .unwrap();
    assert_ne!(resp.headers()["x-request-id"], "bad id; DROP");
}

on_both_backends!(graphiql_is_off_unless_turned_on);

/// Off by default (production: it loads scripts from a CDN), on when configured.
async fn graphiql_is_off_unless_turned_on(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let off = app.http.get(app.url("/graphql")).send().await.unwrap();
    assert_eq!(off.status(), 404);
    assert!(off.text().await.unwrap().contains("AROGYA_GRAPHIQL=true"));
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.graphiql = true;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let page = app.http.get(app.url("/graphql")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page
        .text()
        .await
        .unwrap()
        .to_lowercase()
        .contains("graphiql"));
}
