//! The helpline, black-box: calls logged as tickets, the two-tier cycle with every
//! invalid transition refused, emergencies first and at tier 2, SLA breaches computed
//! at a chosen time, the knowledge base, transfers, and other tenants kept out.

use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const TICKET: &str = "id status tier priority category version assigneeUserId firstResponseAt resolvedAt allowedActions kbArticleId timeline { action fromStatus toStatus tier note }";

pub fn log_q() -> String {
    format!("mutation($i: LogCallInput!) {{ logCall(input: $i) {{ {TICKET} }} }}")
}
fn act_q(name: &str) -> String {
    format!(
        "mutation($id: ID!, $v: Int!) {{ {name}(id: $id, expectedVersion: $v) {{ {TICKET} }} }}"
    )
}

pub async fn agent(app: &TestApp, admin: &str, username: &str, role: &str) -> (String, Value) {
    let u = expect_data(
        &app.gql(
            Some(admin),
            CREATE_USER,
            new_user(username, json!([{ "role": role }])),
        )
        .await,
    )["createUser"]
        .clone();
    (
        app.token(Some("WB"), username, "a long enough password")
            .await,
        u["id"].clone(),
    )
}

async fn call(app: &TestApp, token: &str, category: &str, priority: Option<&str>) -> Value {
    let i = json!({ "channel": "PHONE", "callerPhone": "98300 44556", "callerName": "Sabita Das", "language": "bn", "category": category, "notes": "Caller asks about fever in a child", "priority": priority });
    expect_data(&app.gql(Some(token), &log_q(), json!({ "i": i })).await)["logCall"].clone()
}

pub async fn act(app: &TestApp, token: &str, name: &str, t: &Value) -> Value {
    app.gql(
        Some(token),
        &act_q(name),
        json!({ "id": t["id"], "v": t["version"] }),
    )
    .await
}

pub fn data(body: &Value, name: &str) -> Value {
    expect_data(body)[name].clone()
}

on_both_backends!(tickets_move_through_two_tiers_and_refuse_invalid_steps);

async fn tickets_move_through_two_tiers_and_refuse_invalid_steps(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (operator2, operator2_id) = agent(&app, &wb, "op.tapas", "HELPLINE_OPERATOR").await;
    let (doctor, doctor_id) = agent(&app, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;

    // Bad input is named; only helpline agents log calls.
    let bad = json!({ "channel": "PHONE", "callerPhone": "123", "language": "bn", "category": "INFORMATION", "notes": "x" });
    assert_eq!(
        expect_error(
            &app.gql(Some(&operator), &log_q(), json!({ "i": bad }))
                .await,
            "VALIDATION"
        )["extensions"]["field"],
        "callerPhone"
    );
    let ok = json!({ "channel": "PHONE", "callerPhone": "9830044556", "language": "bn", "category": "INFORMATION", "notes": "x" });
    expect_error(
        &app.gql(Some(&wb), &log_q(), json!({ "i": ok })).await,
        "FORBIDDEN",
    );

    let t = call(&app, &operator, "INFORMATION", None).await;
    assert_eq!(
        (
            t["status"].as_str(),
            t["tier"].as_i64(),
            t["priority"].as_str()
        ),
        (Some("NEW"), Some(1), Some("NORMAL"))
    );
    assert_eq!(t["allowedActions"], json!(["take", "escalate"]));
    // Every action not allowed from here is refused, naming the allowed ones.
    for name in ["resolveTicket", "closeTicket", "reopenTicket"] {
        let e = expect_error(&act(&app, &operator, name, &t).await, "VALIDATION");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("allowed now: take, escalate"),
            "{e}"
        );
    }
    let t = data(&act(&app, &operator, "takeTicket", &t).await, "takeTicket");
    assert_eq!(t["status"], "IN_PROGRESS");
    assert!(t["firstResponseAt"].is_string());
    expect_error(
        &act(
            &app,
            &operator,
            "escalateTicket",
            &json!({ "id": t["id"], "version": 1 }),
        )
        .await,
        "CONFLICT",
    );
    for name in ["takeTicket", "closeTicket", "reopenTicket"] {
        expect_error(&act(&app, &operator, name, &t).await, "VALIDATION");
    }
    // A note and a transfer to another operator; not to a doctor-only queue member of a lower tier.
    let note =
        "mutation($id: ID!) { addTicketNote(id: $id, text: \"Advised ORS and rest\") { id } }";
    expect_data(
        &app.gql(Some(&operator), note, json!({ "id": t["id"] }))
            .await,
    );
    let transfer = format!("mutation($id: ID!, $v: Int!, $to: ID!) {{ transferTicket(id: $id, expectedVersion: $v, toUserId: $to) {{ {TICKET} }} }}");
    expect_error(
        &app.gql(
            Some(&operator),
            &transfer,
            json!({ "id": t["id"], "v": t["version"], "to": wb_admin_id(&app, &wb).await }),
        )
        .await,
        "VALIDATION",
    );
    let t = data(
        &app.gql(
            Some(&operator),
            &transfer,
            json!({ "id": t["id"], "v": t["version"], "to": operator2_id }),
        )
        .await,
        "transferTicket",
    );
    assert_eq!(t["assigneeUserId"], operator2_id);
    // Escalated: waits unassigned at tier 2; operators cannot take it, doctors can.
    let esc = format!("mutation($id: ID!, $v: Int!) {{ escalateTicket(id: $id, expectedVersion: $v, note: \"Needs a doctor: high fever for 4 days\") {{ {TICKET} }} }}");
    let t = data(
        &app.gql(
            Some(&operator2),
            &esc,
            json!({ "id": t["id"], "v": t["version"] }),
        )
        .await,
        "escalateTicket",
    );
    assert_eq!(
        (
            t["status"].as_str(),
            t["tier"].as_i64(),
            &t["assigneeUserId"]
        ),
        (Some("ESCALATED"), Some(2), &Value::Null)
    );
    expect_error(&act(&app, &operator, "takeTicket", &t).await, "FORBIDDEN");
    let t = data(&act(&app, &doctor, "takeTicket", &t).await, "takeTicket");
    assert_eq!(
        (t["status"].as_str(), t["assigneeUserId"].clone()),
        (Some("IN_PROGRESS"), doctor_id)
    );
    expect_error(
        &act(&app, &doctor, "escalateTicket", &t).await,
        "VALIDATION",
    );
    expect_error(
        &act(&app, &operator, "resolveTicket", &t).await,
        "FORBIDDEN",
    );
    let t = data(
        &act(&app, &doctor, "resolveTicket", &t).await,
        "resolveTicket",
    );
    assert_eq!(t["status"], "RESOLVED");
    let t = data(
        &act(&app, &operator, "closeTicket", &t).await,
        "closeTicket",
    );
    assert_eq!(t["status"], "CLOSED");
    let t = data(
        &act(&app, &doctor, "reopenTicket", &t).await,
        "reopenTicket",
    );
    assert_eq!(
        (t["status"].as_str(), &t["resolvedAt"]),
        (Some("IN_PROGRESS"), &Value::Null)
    );
    // Every step is in the timeline and the audit trail.
    let steps: Vec<&str> = t["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        ["create", "take", "note", "transfer", "escalate", "take", "resolve", "close", "reopen"]
    );
    let audit = "{ auditEvents(first: 100) { edges { node { action entityId } } } }";
    let ev = expect_data(&app.gql(Some(&wb), audit, json!({})).await);
    let n = ev["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["node"]["entityId"] == t["id"])
        .count();
    assert_eq!(n, 9);

    // Another tenant's staff see nothing of it.
    let br = app.br_admin().await;
    let (br_operator, _) = {
        let u = "br.op";
        expect_data(
            &app.gql(
                Some(&br),
                CREATE_USER,
                new_user(u, json!([{ "role": "HELPLINE_OPERATOR" }])),
            )
            .await,
        );
        (app.token(Some("BR"), u, "a long enough password").await, ())
    };
    let get = "query($id: ID!) { ticket(id: $id) { id } }";
    expect_error(
        &app.gql(Some(&br_operator), get, json!({ "id": t["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &act(&app, &br_operator, "resolveTicket", &t).await,
        "NOT_FOUND",
    );
    if backend == Backend::Postgres {
        let db = app.app_role_db().await;
        let (wb_id, br_id) = (app.tenant_id("WB").await, app.tenant_id("BR").await);
        for table in ["helpline_tickets", "ticket_events"] {
            assert!(super::rls::in_tenant(&db, &wb_id, table).await > 0);
            assert_eq!(
                super::rls::in_tenant(&db, &br_id, table).await,
                0,
                "{table}"
            );
        }
    }
}

async fn wb_admin_id(app: &TestApp, token: &str) -> Value {
    expect_data(&app.gql(Some(token), "{ me { userId } }", json!({})).await)["me"]["userId"].clone()
}

on_both_backends!(emergencies_jump_the_queue_and_breaches_are_computed_at_a_chosen_time);

async fn emergencies_jump_the_queue_and_breaches_are_computed_at_a_chosen_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (doctor, _) = agent(&app, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;

    let routine = call(&app, &operator, "TELECONSULTATION", Some("HIGH")).await;
    let routine = data(
        &act(&app, &operator, "escalateTicket", &routine).await,
        "escalateTicket",
    );
    let info = call(&app, &operator, "INFORMATION", Some("LOW")).await;
    let emergency = call(&app, &operator, "EMERGENCY", Some("LOW")).await;
    assert_eq!(
        (
            emergency["status"].as_str(),
            emergency["tier"].as_i64(),
            emergency["priority"].as_str()
        ),
        (Some("ESCALATED"), Some(2), Some("CRITICAL"))
    );
    // The doctors' queue: the emergency first, though it came last.
    let queue = "query($t: Int!) { ticketQueue(tier: $t) { id } }";
    let q = expect_data(&app.gql(Some(&doctor), queue, json!({ "t": 2 })).await);
    assert_eq!(
        q["ticketQueue"],
        json!([{ "id": emergency["id"] }, { "id": routine["id"] }])
    );
    let q = expect_data(&app.gql(Some(&operator), queue, json!({ "t": 1 })).await);
    assert_eq!(q["ticketQueue"], json!([{ "id": info["id"] }]));
    expect_error(
        &app.gql(Some(&operator), queue, json!({ "t": 2 })).await,
        "FORBIDDEN",
    );

    // SLA at chosen times: an emergency's first response is due in a minute.
    let sla = "query($id: ID!, $at: DateTime) { ticket(id: $id) { createdAt sla(at: $at) { firstResponseDue firstResponseSecondsLeft firstResponseBreached resolutionBreached } } }";
    let created = expect_data(
        &app.gql(Some(&doctor), sla, json!({ "id": emergency["id"] }))
            .await,
    )["ticket"]["createdAt"]
        .as_str()
        .unwrap()
        .to_owned();
    let t0 = chrono::DateTime::parse_from_rfc3339(&created)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let at = |secs: i64| (t0 + chrono::Duration::seconds(secs)).to_rfc3339();
    let s = expect_data(
        &app.gql(
            Some(&doctor),
            sla,
            json!({ "id": emergency["id"], "at": at(30) }),
        )
        .await,
    )["ticket"]["sla"]
        .clone();
    assert_eq!(
        (
            s["firstResponseSecondsLeft"].as_i64(),
            s["firstResponseBreached"].as_bool()
        ),
        (Some(30), Some(false))
    );
    let breaches = "query($at: DateTime) { slaBreaches(at: $at) { ticket { id } sla { firstResponseBreached resolutionBreached } } }";
    let b = expect_data(
        &app.gql(Some(&doctor), breaches, json!({ "at": at(30) }))
            .await,
    );
    assert_eq!(b["slaBreaches"], json!([]));
    let b = expect_data(
        &app.gql(Some(&doctor), breaches, json!({ "at": at(120) }))
            .await,
    );
    assert_eq!(
        b["slaBreaches"],
        json!([{ "ticket": { "id": emergency["id"] }, "sla": { "firstResponseBreached": true, "resolutionBreached": false } }])
    );
    // Six minutes on, the information call (a 5-minute first response) is late too; the
    // teleconsultation was answered (escalated) at once and has an hour to be resolved.
    let b = expect_data(
        &app.gql(Some(&doctor), breaches, json!({ "at": at(6 * 60) }))
            .await,
    );
    let late: Vec<&Value> = b["slaBreaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| &x["ticket"]["id"])
        .collect();
    assert_eq!(late, [&info["id"], &emergency["id"]], "oldest first");
    let b = expect_data(
        &app.gql(Some(&doctor), breaches, json!({ "at": at(61 * 60) }))
            .await,
    );
    assert_eq!(
        b["slaBreaches"].as_array().unwrap().len(),
        3,
        "the teleconsultation's hour is over"
    );
    // A tenant's own targets replace the defaults.
    let set = "mutation($c: TicketCategory!, $f: Int!, $r: Int!) { setHelplineSla(category: $c, firstResponseMinutes: $f, resolutionMinutes: $r) }";
    expect_error(
        &app.gql(
            Some(&doctor),
            set,
            json!({ "c": "INFORMATION", "f": 10, "r": 60 }),
        )
        .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&wb),
            set,
            json!({ "c": "INFORMATION", "f": 10, "r": 5 }),
        )
        .await,
        "VALIDATION",
    );
    expect_data(
        &app.gql(
            Some(&wb),
            set,
            json!({ "c": "INFORMATION", "f": 10, "r": 60 }),
        )
        .await,
    );
    let b = expect_data(
        &app.gql(Some(&doctor), breaches, json!({ "at": at(6 * 60) }))
            .await,
    );
    assert_eq!(
        b["slaBreaches"],
        json!([{ "ticket": { "id": emergency["id"] }, "sla": { "firstResponseBreached": true, "resolutionBreached": false } }])
    );
    rls_keeps_tenants_apart(&app, backend, &["helpline_sla"]).await;
}

on_both_backends!(tier_one_answers_from_the_knowledge_base);

async fn tier_one_answers_from_the_knowledge_base(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (doctor, _) = agent(&app, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;
    let create = "mutation($i: KbArticleInput!) { createKbArticle(input: $i) { id title tags } }";
    let article = |lang: &str, title: &str, body: &str, tags: Value| json!({ "i": { "language": lang, "title": title, "body": body, "tags": tags } });
    expect_error(
        &app.gql(Some(&operator), create, article("en", "x", "y", json!([])))
            .await,
        "FORBIDDEN",
    );
    let dengue = data(&app.gql(Some(&doctor), create, article("en", "Dengue: warning signs", "Severe abdominal pain, persistent vomiting, bleeding gums: go to hospital at once.", json!(["Dengue", "fever"]))).await, "createKbArticle");
    assert_eq!(dengue["tags"], json!(["dengue", "fever"]));
    data(
        &app.gql(
            Some(&wb),
            create,
            article(
                "bn",
                "ডেঙ্গু: বিপদের লক্ষণ",
                "তীব্র পেটে ব্যথা, বারবার বমি হলে হাসপাতালে যান।",
                json!(["dengue"]),
            ),
        )
        .await,
        "createKbArticle",
    );
    data(
        &app.gql(
            Some(&doctor),
            create,
            article(
                "en",
                "Cards: replacing a lost card",
                "Any surveyor or facility can reissue.",
                json!(["card"]),
            ),
        )
        .await,
        "createKbArticle",
    );
    let search = "query($s: String!, $l: String) { kbArticles(search: $s, language: $l) { id title language } }";
    let r = expect_data(
        &app.gql(Some(&operator), search, json!({ "s": "DENGUE vomiting" }))
            .await,
    );
    assert_eq!(
        r["kbArticles"],
        json!([{ "id": dengue["id"], "title": "Dengue: warning signs", "language": "en" }])
    );
    let r = expect_data(
        &app.gql(Some(&operator), search, json!({ "s": "dengue", "l": "bn" }))
            .await,
    );
    assert_eq!(r["kbArticles"][0]["language"], "bn");
    assert_eq!(r["kbArticles"].as_array().unwrap().len(), 1);
    let r = expect_data(
        &app.gql(Some(&operator), search, json!({ "s": "malaria" }))
            .await,
    );
    assert_eq!(r["kbArticles"], json!([]));
    // The article used is linked to the ticket.
    let t = call(&app, &operator, "INFORMATION", None).await;
    let link = format!("mutation($id: ID!, $v: Int!, $a: ID!) {{ linkKbArticle(id: $id, expectedVersion: $v, articleId: $a) {{ {TICKET} }} }}");
    let t = data(
        &app.gql(
            Some(&operator),
            &link,
            json!({ "id": t["id"], "v": t["version"], "a": dengue["id"] }),
        )
        .await,
        "linkKbArticle",
    );
    assert_eq!(t["kbArticleId"], dengue["id"]);
    // Another tenant's articles are not found.
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
    let r = expect_data(
        &app.gql(Some(&br_op), search, json!({ "s": "dengue" }))
            .await,
    );
    assert_eq!(r["kbArticles"], json!([]));
    rls_keeps_tenants_apart(&app, backend, &["kb_articles"]).await;
}

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

on_both_backends!(statistics_per_day_and_shift);

async fn statistics_per_day_and_shift(backend: Backend) {
    use chrono::Timelike;
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (operator, _) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let started = chrono::Utc::now() + chrono::Duration::minutes(330);
    let a = call(&app, &operator, "INFORMATION", None).await;
    call(&app, &operator, "INFORMATION", None).await;
    call(&app, &operator, "EMERGENCY", None).await;
    let a = data(&act(&app, &operator, "takeTicket", &a).await, "takeTicket");
    data(
        &act(&app, &operator, "resolveTicket", &a).await,
        "resolveTicket",
    );

    let ist_now = chrono::Utc::now() + chrono::Duration::minutes(330);
    let today = ist_now.date_naive();
    let q = "query($d: NaiveDate!, $s: Shift) { helplineStats(day: $d, shift: $s) { calls byCategory { category count } byChannel { channel count } waiting averageWaitSeconds p90WaitSeconds slaBreaches resolvedByTier { tier count } } }";
    let s = expect_data(
        &app.gql(Some(&wb), q, json!({ "d": today.to_string() }))
            .await,
    )["helplineStats"]
        .clone();
    assert_eq!(s["calls"], 3);
    assert_eq!(
        s["byCategory"],
        json!([{ "category": "INFORMATION", "count": 2 }, { "category": "EMERGENCY", "count": 1 }])
    );
    assert_eq!(s["byChannel"], json!([{ "channel": "PHONE", "count": 3 }]));
    assert_eq!(s["waiting"], 2, "one new, one emergency not yet taken");
    assert!(s["averageWaitSeconds"].as_i64().unwrap() >= 0);
    assert_eq!(s["resolvedByTier"], json!([{ "tier": 1, "count": 1 }]));
    // The shift running now holds the same three calls, unless the test straddled a
    // change of shift (then it holds some of them).
    let shift_of = |t: chrono::DateTime<chrono::Utc>| {
        let name = match t.hour() {
            6..=13 => "MORNING",
            14..=21 => "EVENING",
            _ => "NIGHT",
        };
        let day = if t.hour() < 6 {
            t.date_naive() - chrono::Duration::days(1)
        } else {
            t.date_naive()
        };
        (name, day)
    };
    let (shift, shift_day) = shift_of(ist_now);
    let s = expect_data(
        &app.gql(
            Some(&operator),
            q,
            json!({ "d": shift_day.to_string(), "s": shift }),
        )
        .await,
    )["helplineStats"]
        .clone();
    if shift_of(started) == (shift, shift_day) {
        assert_eq!(s["calls"], 3);
    } else {
        assert!((1..=3).contains(&s["calls"].as_i64().unwrap()));
    }
    let other = if shift == "MORNING" {
        "EVENING"
    } else {
        "MORNING"
    };
    if shift_of(started) == (shift, shift_day) {
        let s = expect_data(
            &app.gql(
                Some(&operator),
                q,
                json!({ "d": shift_day.to_string(), "s": other }),
            )
            .await,
        )["helplineStats"]
            .clone();
        assert_eq!(s["calls"], 0, "another shift of the day holds none of them");
    }
    // Yesterday had none; others may not look.
    let s = expect_data(
        &app.gql(
            Some(&operator),
            q,
            json!({ "d": (today - chrono::Duration::days(1)).to_string() }),
        )
        .await,
    )["helplineStats"]
        .clone();
    assert_eq!(
        (s["calls"].as_i64(), s["averageWaitSeconds"].clone()),
        (Some(0), Value::Null)
    );
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("sv.stats", json!([{ "role": "SURVEYOR" }])),
        )
        .await,
    );
    let surveyor = app
        .token(Some("WB"), "sv.stats", "a long enough password")
        .await;
    expect_error(
        &app.gql(Some(&surveyor), q, json!({ "d": today.to_string() }))
            .await,
        "FORBIDDEN",
    );
}

const PRESENCE: &str = "mutation($s: PresenceStatus!, $l: [String!]!) { setAgentPresence(status: $s, languages: $l) { presence { status tier languages } assigned { id status assigneeUserId } } }";

on_both_backends!(free_agents_get_the_right_tickets_automatically);

async fn free_agents_get_the_right_tickets_automatically(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (bengali, bengali_id) = agent(&app, &wb, "op.rina", "HELPLINE_OPERATOR").await;
    let (hindi, hindi_id) = agent(&app, &wb, "op.sunil", "HELPLINE_OPERATOR").await;
    let (doctor, doctor_id) = agent(&app, &wb, "dr.helpline", "HELPLINE_DOCTOR").await;

    assert_eq!(
        expect_error(
            &presence(&app, &bengali, "AVAILABLE", json!(["b3ngali"])).await,
            "VALIDATION"
        )["extensions"]["field"],
        "languages"
    );
    let p = data(
        &presence(&app, &bengali, "AVAILABLE", json!(["bn", "en"])).await,
        "setAgentPresence",
    );
    assert_eq!(
        p,
        json!({ "presence": { "status": "AVAILABLE", "tier": 1, "languages": ["bn", "en"] }, "assigned": null })
    );
    data(
        &presence(&app, &hindi, "AVAILABLE", json!(["hi"])).await,
        "setAgentPresence",
    );

    // A Hindi call goes straight to the Hindi-speaking operator, who becomes busy.
    let hi_call = |notes: &str| json!({ "i": { "channel": "PHONE", "callerPhone": "9830055501", "language": "hi", "category": "INFORMATION", "notes": notes } });
    let first = data(
        &app.gql(Some(&bengali), &log_q(), hi_call("first")).await,
        "logCall",
    );
    assert_eq!(
        (first["status"].as_str(), &first["assigneeUserId"]),
        (Some("IN_PROGRESS"), &hindi_id)
    );
    // The next Hindi call waits: the only Hindi speaker is busy, the Bengali one is not asked.
    let second = data(
        &app.gql(Some(&bengali), &log_q(), hi_call("second")).await,
        "logCall",
    );
    assert_eq!(
        (second["status"].as_str(), &second["assigneeUserId"]),
        (Some("NEW"), &Value::Null)
    );
    let agents = expect_data(
        &app.gql(Some(&wb), "{ helplineAgents { userId status } }", json!({}))
            .await,
    );
    assert!(agents["helplineAgents"]
        .as_array()
        .unwrap()
        .contains(&json!({ "userId": hindi_id, "status": "BUSY" })));
    // Resolving frees the operator, who gets the waiting call at once.
    data(
        &act(&app, &hindi, "resolveTicket", &first).await,
        "resolveTicket",
    );
    let got = expect_data(
        &app.gql(
            Some(&hindi),
            "query($id: ID!) { ticket(id: $id) { status assigneeUserId timeline { action } } }",
            json!({ "id": second["id"] }),
        )
        .await,
    )["ticket"]
        .clone();
    assert_eq!(
        (got["status"].as_str(), &got["assigneeUserId"]),
        (Some("IN_PROGRESS"), &hindi_id)
    );
    assert_eq!(got["timeline"][1]["action"], "assign");
    // A Bengali call goes to the free Bengali operator.
    let bn = json!({ "i": { "channel": "SMS", "callerPhone": "9830055502", "language": "bn", "category": "COMPLAINT", "notes": "Long wait at the OPD" } });
    let bn = data(&app.gql(Some(&hindi), &log_q(), bn).await, "logCall");
    assert_eq!(bn["assigneeUserId"], bengali_id);

    // Tier 2: while the doctor is away, escalations wait; becoming available brings the
    // most urgent first (the emergency, though it came last).
    data(
        &presence(&app, &doctor, "AWAY", json!(["hi", "bn"])).await,
        "setAgentPresence",
    );
    let routine = data(
        &act(
            &app,
            &hindi,
            "escalateTicket",
            &got_with_version(&app, &hindi, &second).await,
        )
        .await,
        "escalateTicket",
    );
    assert_eq!(
        (routine["status"].as_str(), &routine["assigneeUserId"]),
        (Some("ESCALATED"), &Value::Null)
    );
    let emergency = json!({ "i": { "channel": "PHONE", "callerPhone": "9830055503", "language": "bn", "category": "EMERGENCY", "notes": "Chest pain" } });
    let emergency = data(
        &app.gql(Some(&bengali), &log_q(), emergency).await,
        "logCall",
    );
    assert_eq!(emergency["status"], "ESCALATED");
    let p = data(
        &presence(&app, &doctor, "AVAILABLE", json!(["hi", "bn"])).await,
        "setAgentPresence",
    );
    assert_eq!(p["assigned"]["id"], emergency["id"]);
    assert_eq!(
        (
            p["assigned"]["assigneeUserId"].clone(),
            p["presence"]["status"].as_str()
        ),
        (doctor_id.clone(), Some("BUSY"))
    );
    // Resolving the emergency brings the routine escalation next.
    let e = got_with_version(&app, &doctor, &emergency).await;
    data(
        &act(&app, &doctor, "resolveTicket", &e).await,
        "resolveTicket",
    );
    let r = got_with_version(&app, &doctor, &routine).await;
    assert_eq!(
        (r["status"].as_str(), &r["assigneeUserId"]),
        (Some("IN_PROGRESS"), &doctor_id)
    );
    // Only helpline agents set presence.
    expect_error(
        &presence(&app, &wb, "AVAILABLE", json!(["bn"])).await,
        "FORBIDDEN",
    );
    rls_keeps_tenants_apart(&app, backend, &["agent_presence"]).await;
}

/// PostgreSQL: through the application role, WB's rows are there and BR's scope sees none.
pub async fn rls_keeps_tenants_apart(app: &TestApp, backend: Backend, tables: &[&str]) {
    if backend != Backend::Postgres {
        return;
    }
    let db = app.app_role_db().await;
    let (wb_id, br_id) = (app.tenant_id("WB").await, app.tenant_id("BR").await);
    for table in tables {
        assert!(
            super::rls::in_tenant(&db, &wb_id, table).await > 0,
            "{table} has WB rows"
        );
        assert_eq!(
            super::rls::in_tenant(&db, &br_id, table).await,
            0,
            "{table} leaks across tenants"
        );
    }
}

async fn presence(app: &TestApp, token: &str, status: &str, langs: Value) -> Value {
    app.gql(Some(token), PRESENCE, json!({ "s": status, "l": langs }))
        .await
}

async fn got_with_version(app: &TestApp, token: &str, t: &Value) -> Value {
    expect_data(
        &app.gql(
            Some(token),
            "query($id: ID!) { ticket(id: $id) { id version status assigneeUserId } }",
            json!({ "id": t["id"] }),
        )
        .await,
    )["ticket"]
        .clone()
}
