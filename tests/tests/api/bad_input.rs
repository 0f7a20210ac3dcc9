//! Bad input gets a clear error code and a 4xx, never a 500 or a crash.

use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

async fn raw(app: &TestApp, body: impl Into<reqwest::Body>) -> (u16, Value) {
    let resp = app
        .http
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

on_both_backends!(bad_requests_get_clear_errors);

async fn bad_requests_get_clear_errors(backend: Backend) {
    // A small body limit, so that the oversize body below fits in the socket buffers
    // and the client reliably reads the 413 rather than a reset connection.
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.max_body_bytes = 256 * 1024;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let token = app.wb_admin().await;

    let (status, body) = raw(&app, "{ this is not json").await;
    assert_eq!(status, 400);
    expect_error(&body, "VALIDATION");

    let (status, body) = raw(
        &app,
        format!("{{\"query\": \"{}\"}}", "x".repeat(300 * 1024)),
    )
    .await;
    assert_eq!(status, 413);
    expect_error(&body, "VALIDATION");

    let (status, body) = raw(&app, "[]").await;
    assert!(status < 500);
    expect_error(&body, "VALIDATION");
    let batch: Vec<Value> = (0..11)
        .map(|_| json!({ "query": "{ __typename }" }))
        .collect();
    let (status, body) = raw(&app, serde_json::to_vec(&batch).unwrap()).await;
    assert_eq!(status, 400);
    expect_error(&body, "VALIDATION");

    let cases: Vec<(&str, &str, Value)> = vec![
        ("syntax error", "{ me { ", json!({})),
        ("unknown field", "{ me { shoeSize } }", json!({})),
        ("wrong variable type", "query($n: Int) { users(first: $n) { edges { cursor } } }", json!({ "n": "ten" })),
        ("page too large", "{ users(first: 1000) { edges { cursor } } }", json!({})),
        ("forged cursor", "{ users(after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }", json!({})),
        ("malformed id", "{ user(id: \"42\") { id } }", json!({})),
        ("bad e-mail", "mutation { createUser(input: { account: { username: \"abc\", displayName: \"A\", email: \"nope\", password: \"long enough pass\" } }) { id } }", json!({})),
        ("bad tenant code", "{ tenant(id: \"not-a-uuid\") { id } }", json!({})),
    ];
    for (what, query, vars) in cases {
        let (status, body) = app.gql_full(Some(&token), query, vars, None).await;
        assert!(status < 500, "{what}: {status}");
        assert_eq!(
            arogya_tests::error_code(&body).as_deref(),
            Some("VALIDATION"),
            "{what}: {body}"
        );
    }
    let (_, body) = app
        .gql_full(
            Some(&token),
            "{ users(first: 1000) { edges { cursor } } }",
            json!({}),
            None,
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "first");

    // Over-deep queries are rejected before they run.
    let mut deep = String::from("__typename");
    for _ in 0..20 {
        deep = format!("ofType {{ {deep} }}");
    }
    let query = format!("{{ __schema {{ types {{ fields {{ type {{ {deep} }} }} }} }} }}");
    let (status, body) = app.gql_full(Some(&token), &query, json!({}), None).await;
    assert!(status < 500);
    let err = expect_error(&body, "VALIDATION");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("deep"),
        "{err}"
    );

    // Over-complex (wide) queries too.
    let wide: String = (0..1100)
        .map(|i| format!("a{i}: me {{ userId }} "))
        .collect();
    let (status, body) = app
        .gql_full(Some(&token), &format!("{{ {wide} }}"), json!({}), None)
        .await;
    assert!(status < 500);
    let err = expect_error(&body, "VALIDATION");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("complex"),
        "{err}"
    );

    // Login for an unknown tenant: a clear UNAUTHENTICATED, not a crash.
    expect_error(
        &app.try_login(Some("XX-NOPE"), "someone", "some password")
            .await,
        "UNAUTHENTICATED",
    );

    // Control: the server is still fine.
    expect_data(&app.gql(Some(&token), "{ me { userId } }", json!({})).await);
}
