//! Subscriptions over WebSocket (graphql-transport-ws), authenticated at connection_init.

use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, Backend, TestApp};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn connect(app: &TestApp) -> Ws {
    let mut req = format!("ws://{}/graphql/ws", app.addr)
        .into_client_request()
        .unwrap();
    req.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    tokio_tungstenite::connect_async(req)
        .await
        .expect("websocket connect")
        .0
}

/// A socket authenticated as `token`, subscribed to `query` (id "1"), the stream started.
pub async fn subscribed(app: &TestApp, token: &str, query: &str) -> Ws {
    let mut ws = connect(app).await;
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    ws.send(Message::Text(init.to_string().into()))
        .await
        .unwrap();
    assert_eq!(next_json(&mut ws).await.unwrap()["type"], "connection_ack");
    let sub = json!({ "id": "1", "type": "subscribe", "payload": { "query": query } });
    ws.send(Message::Text(sub.to_string().into()))
        .await
        .unwrap();
    // Let the server start the stream before anything happens.
    tokio::time::sleep(Duration::from_millis(300)).await;
    ws
}

/// The next text message as JSON, or None when the socket closed or went quiet.
pub async fn next_json(ws: &mut Ws) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .ok()??
        {
            Ok(Message::Text(t)) => return serde_json::from_str(&t).ok(),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

on_both_backends!(admins_follow_the_audit_trail_live);

async fn admins_follow_the_audit_trail_live(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let br = app.br_admin().await;

    let mut ws = connect(&app).await;
    ws.send(Message::Text(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {wb}") } }).to_string().into())).await.unwrap();
    assert_eq!(next_json(&mut ws).await.unwrap()["type"], "connection_ack");
    let sub = json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { auditEventAdded { action entityType actor { username } } }" } });
    ws.send(Message::Text(sub.to_string().into()))
        .await
        .unwrap();
    // Give the server a moment to start the stream before the events happen.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Another tenant's event must not arrive; ours must.
    expect_data(
        &app.gql(Some(&br), CREATE_USER, new_user("br.nurse", json!([])))
            .await,
    );
    expect_data(
        &app.gql(Some(&wb), CREATE_USER, new_user("wb.nurse", json!([])))
            .await,
    );
    let msg = next_json(&mut ws).await.expect("an event");
    assert_eq!(msg["type"], "next", "{msg}");
    assert_eq!(
        msg["payload"]["data"]["auditEventAdded"],
        json!({ "action": "user.create", "entityType": "user", "actor": { "username": "wb.admin" } })
    );
}

on_both_backends!(subscriptions_need_a_valid_token);

async fn subscriptions_need_a_valid_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for payload in [json!({}), json!({ "Authorization": "Bearer not-a-token" })] {
        let mut ws = connect(&app).await;
        ws.send(Message::Text(
            json!({ "type": "connection_init", "payload": payload })
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
        let reply = next_json(&mut ws).await;
        assert!(
            reply.as_ref().is_none_or(|m| m["type"] != "connection_ack"),
            "acknowledged without a token: {reply:?}"
        );
    }
}

on_both_backends!(subscriptions_end_when_the_tenant_is_suspended);

async fn subscriptions_end_when_the_tenant_is_suspended(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let login = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let wb = login["accessToken"].as_str().unwrap().to_owned();
    let tenant = login["me"]["tenant"]["id"].clone();
    let platform = app.platform_token().await;

    let mut ws = connect(&app).await;
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {wb}") } });
    ws.send(Message::Text(init.to_string().into()))
        .await
        .unwrap();
    assert_eq!(next_json(&mut ws).await.unwrap()["type"], "connection_ack");
    let sub = json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { auditEventAdded { action } }" } });
    ws.send(Message::Text(sub.to_string().into()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    // The control: events flow while the tenant is active.
    expect_data(
        &app.gql(Some(&wb), CREATE_USER, new_user("wb.nurse", json!([])))
            .await,
    );
    assert_eq!(next_json(&mut ws).await.unwrap()["type"], "next");

    let suspend = "mutation($id: ID!) { suspendTenant(id: $id) { status } }";
    expect_data(
        &app.gql(Some(&platform), suspend, json!({ "id": tenant }))
            .await,
    );
    // The suspension's own audit event is not delivered: the stream completes instead.
    let msg = next_json(&mut ws).await.expect("a message");
    assert_eq!(msg["type"], "complete", "{msg}");
}
