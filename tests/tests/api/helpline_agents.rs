//! Helpline agents, black-box: statistics per day and shift, and presence (free
//! agents of the right tier and language get waiting tickets automatically).

#[allow(unused_imports)]
use super::helpline::{act, agent, call, data, log_q, rls_keeps_tenants_apart};
#[allow(unused_imports)]
use super::users::{new_user, CREATE_USER};
#[allow(unused_imports)]
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

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
