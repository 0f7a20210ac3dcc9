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

pub async fn call(app: &TestApp, token: &str, category: &str, priority: Option<&str>) -> Value {
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
