//! The helpline's live queues, black-box: an escalation appears at once in tier 2's
//! queue over WebSocket (other tenants' never), and two server instances on one
//! PostgreSQL database share the same live queue.

use super::helpline::{act, agent, call, data};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::{json, Value};

/// Subscribe to a tier's queue over WebSocket; returns the socket once the stream runs.
async fn watch(app: &TestApp, token: &str, tier: i32) -> super::subscriptions::Ws {
    let q = format!("subscription {{ ticketQueueChanged(tier: {tier}) {{ ticketId action status tier priority }} }}");
    super::subscriptions::subscribed(app, token, &q).await
}

async fn next_change(ws: &mut super::subscriptions::Ws) -> Value {
    let msg = super::subscriptions::next_json(ws)
        .await
        .expect("a queue change within 10 s");
    assert_eq!(msg["type"], "next", "{msg}");
    msg["payload"]["data"]["ticketQueueChanged"].clone()
}

on_both_backends!(escalations_appear_live_in_the_doctors_queue);

async fn escalations_appear_live_in_the_doctors_queue(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (doctor, _) = agent(&app, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;
    // Operators may not watch tier 2.
    let mut refused = watch(&app, &operator, 2).await;
    let msg = super::subscriptions::next_json(&mut refused).await.unwrap();
    assert_eq!(
        msg["payload"]["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{msg}"
    );

    let mut tier2 = watch(&app, &doctor, 2).await;
    let mut tier1 = watch(&app, &operator, 1).await;
    let t = call(&app, &operator, "INFORMATION", None).await;
    let c = next_change(&mut tier1).await;
    assert_eq!(
        (c["ticketId"].clone(), c["action"].as_str()),
        (t["id"].clone(), Some("create"))
    );
    let t = data(
        &act(&app, &operator, "escalateTicket", &t).await,
        "escalateTicket",
    );
    let c = next_change(&mut tier2).await;
    assert_eq!(
        c,
        json!({ "ticketId": t["id"], "action": "escalate", "status": "escalated", "tier": 2, "priority": "normal" })
    );
    // Tier 1 hears the ticket left its queue.
    assert_eq!(next_change(&mut tier1).await["action"], "escalate");
    // An emergency arrives in tier 2 at once.
    let e = call(&app, &operator, "EMERGENCY", None).await;
    let c = next_change(&mut tier2).await;
    assert_eq!(
        (c["ticketId"].clone(), c["priority"].as_str()),
        (e["id"].clone(), Some("critical"))
    );
    // Another tenant's tickets never show.
    let br = app.br_admin().await;
    expect_data(
        &app.gql(
            Some(&br),
            CREATE_USER,
            new_user("br.op", json!([{ "role": "HELPLINE_OPERATOR" }])),
        )
        .await,
    );
    let br_op = app
        .token(Some("BR"), "br.op", "a long enough password")
        .await;
    call(&app, &br_op, "EMERGENCY", None).await;
    data(&act(&app, &doctor, "takeTicket", &t).await, "takeTicket");
    let c = next_change(&mut tier2).await;
    assert_eq!(
        (c["ticketId"].clone(), c["action"].as_str()),
        (t["id"].clone(), Some("take")),
        "the BR emergency must not arrive"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_share_the_live_queue() {
    let a = TestApp::spawn(Backend::Postgres).await;
    // A second server on the same database (and keys), as a second replica would be.
    let dir =
        std::env::temp_dir().join(format!("arogya-replica-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let b = TestApp::spawn_with(Backend::Postgres, a.config.clone(), dir, None).await;
    let wb = a.wb_admin().await;
    let (operator, _) = agent(&a, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (_, _) = agent(&a, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;
    let doctor_on_b = b
        .token(Some("WB"), "dr.helpline", "a long enough password")
        .await;
    let mut on_b = watch(&b, &doctor_on_b, 2).await;
    // The operator works on instance A; the doctor watching instance B sees it.
    let t = call(&a, &operator, "TELECONSULTATION", None).await;
    let t = data(
        &act(&a, &operator, "escalateTicket", &t).await,
        "escalateTicket",
    );
    let c = next_change(&mut on_b).await;
    assert_eq!(
        (c["ticketId"].clone(), c["action"].as_str()),
        (t["id"].clone(), Some("escalate"))
    );
    let e = call(&a, &operator, "EMERGENCY", None).await;
    assert_eq!(next_change(&mut on_b).await["ticketId"], e["id"]);
}
