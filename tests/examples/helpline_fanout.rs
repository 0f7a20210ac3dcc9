//! Subscription fan-out benchmark for the helpline's live queue: AGENTS WebSocket
//! clients subscribe to `ticketQueueChanged(tier: 1)`, then EVENTS calls are logged one
//! after another over HTTP; for each, the time from sending `logCall` to every agent
//! receiving the event is recorded. Prints p50/p99/max over all (event, agent) pairs.
//!
//! Usage: helpline_fanout HOST:PORT SUBSCRIBER_TOKEN OPERATOR_TOKEN [AGENTS] [EVENTS]
//! Built only with `--features bench` (scripts/bench/helpline runs it).

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

/// Per ticket: when its call was sent, and when each agent heard of it.
#[derive(Default)]
struct Board {
    sent: HashMap<String, Instant>,
    heard: HashMap<String, Vec<Instant>>,
}

async fn subscriber(
    addr: String,
    token: String,
    board: Arc<Mutex<Board>>,
    ready: Arc<Notify>,
    done: Arc<Notify>,
) -> anyhow::Result<()> {
    let mut req = format!("ws://{addr}/graphql/ws").into_client_request()?;
    req.headers_mut()
        .insert("sec-websocket-protocol", "graphql-transport-ws".parse()?);
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await?;
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    ws.send(Message::Text(init.to_string().into())).await?;
    let sub = json!({ "id": "q", "type": "subscribe", "payload": { "query": "subscription { ticketQueueChanged(tier: 1) { ticketId action } }" } });
    ws.send(Message::Text(sub.to_string().into())).await?;
    ready.notify_one();
    while let Some(msg) = ws.next().await {
        let Message::Text(t) = msg? else { continue };
        let at = Instant::now();
        let v: Value = serde_json::from_str(&t)?;
        match v["type"].as_str() {
            Some("next") => {
                let change = &v["payload"]["data"]["ticketQueueChanged"];
                if change["action"] == "create" {
                    let id = change["ticketId"].as_str().unwrap_or_default().to_owned();
                    board
                        .lock()
                        .map_err(|_| anyhow::anyhow!("poisoned"))?
                        .heard
                        .entry(id)
                        .or_default()
                        .push(at);
                    done.notify_one();
                }
            }
            Some("ping") => {
                ws.send(Message::Text(json!({ "type": "pong" }).to_string().into()))
                    .await?
            }
            Some("error") => anyhow::bail!("subscription refused: {t}"),
            _ => {}
        }
    }
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, addr, sub_token, op_token, ..] = args.as_slice() else {
        anyhow::bail!(
            "usage: helpline_fanout HOST:PORT SUBSCRIBER_TOKEN OPERATOR_TOKEN [AGENTS] [EVENTS]"
        );
    };
    let agents: usize = args.get(4).map(|a| a.parse()).transpose()?.unwrap_or(500);
    let events: usize = args.get(5).map(|a| a.parse()).transpose()?.unwrap_or(100);
    let board = Arc::new(Mutex::new(Board::default()));
    let ready = Arc::new(Notify::new());
    let done = Arc::new(Notify::new());
    for _ in 0..agents {
        let (a, t, b, r, d) = (
            addr.clone(),
            sub_token.clone(),
            board.clone(),
            ready.clone(),
            done.clone(),
        );
        tokio::spawn(async move {
            if let Err(e) = subscriber(a, t, b, r, d).await {
                eprintln!("subscriber: {e}");
            }
        });
        ready.notified().await;
    }
    // Let every stream start on the server before the first event.
    tokio::time::sleep(Duration::from_secs(2)).await;

    let http = reqwest::Client::new();
    let log = "mutation($i: LogCallInput!) { logCall(input: $i) { id } }";
    let mut mutation_ms = Vec::new();
    let mut missing = 0usize;
    for n in 0..events {
        let i = json!({ "channel": "PHONE", "callerPhone": "98300 44556", "language": "bn", "category": "INFORMATION", "notes": format!("fan-out call {n}") });
        let sent = Instant::now();
        let body: Value = http
            .post(format!("http://{addr}/graphql"))
            .bearer_auth(op_token)
            .json(&json!({ "query": log, "variables": { "i": i } }))
            .send()
            .await?
            .json()
            .await?;
        mutation_ms.push(sent.elapsed().as_secs_f64() * 1000.0);
        let id = body["data"]["logCall"]["id"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("logCall failed: {body}"))?
            .to_owned();
        board
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .sent
            .insert(id.clone(), sent);
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let heard = board
                .lock()
                .map_err(|_| anyhow::anyhow!("poisoned"))?
                .heard
                .get(&id)
                .map_or(0, Vec::len);
            if heard >= agents {
                break;
            }
            if Instant::now() > deadline {
                missing += agents - heard;
                break;
            }
            let _ = tokio::time::timeout(Duration::from_millis(50), done.notified()).await;
        }
    }
    let b = board.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
    let mut lat: Vec<f64> = b
        .heard
        .iter()
        .filter_map(|(id, at)| {
            let sent = *b.sent.get(id)?;
            Some(
                at.iter()
                    .map(|t| t.duration_since(sent).as_secs_f64() * 1000.0)
                    .collect::<Vec<_>>(),
            )
        })
        .flatten()
        .collect();
    lat.sort_by(f64::total_cmp);
    mutation_ms.sort_by(f64::total_cmp);
    if lat.is_empty() {
        anyhow::bail!("no events were delivered");
    }
    println!(
        "RESULT agents={agents} events={events} deliveries={} missing={missing} p50_ms={:.1} p99_ms={:.1} max_ms={:.1} logCall_p50_ms={:.1}",
        lat.len(),
        percentile(&lat, 50.0),
        percentile(&lat, 99.0),
        lat[lat.len() - 1],
        percentile(&mutation_ms, 50.0),
    );
    Ok(())
}
