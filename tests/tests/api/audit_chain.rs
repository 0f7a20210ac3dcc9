//! The audit trail is tamper-evident: events are sealed into a keyed chain, and
//! `arogya audit verify` finds the first link broken by an owner who altered a row.

use super::oxygen_import::cli;
use arogya_tests::{expect_data, Backend, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::process::Output;

/// Run `arogya audit …` against the test server's database and keys.
fn audit(app: &TestApp, args: &[&str]) -> Output {
    let mut all = vec!["audit"];
    all.extend_from_slice(args);
    cli(app, &all)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

on_both_backends!(an_altered_event_breaks_the_chain_where_it_was_altered);

async fn an_altered_event_breaks_the_chain_where_it_was_altered(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    for name in ["Howrah", "Hooghly", "Nadia"] {
        let unit = json!({ "i": { "kind": "STATE", "name": name } });
        expect_data(&app.gql(Some(&wb), super::units::CREATE_UNIT, unit).await);
    }
    let sealed = audit(&app, &["seal", "--tenant", "WB"]);
    assert!(sealed.status.success(), "{}", text(&sealed));
    let intact = audit(&app, &["verify", "--tenant", "WB"]);
    assert!(intact.status.success(), "{}", text(&intact));
    assert!(text(&intact).contains("intact"), "{}", text(&intact));

    // As the table owner, lift the append-only guard and change one sealed event.
    let wb_id = app.tenant_id("WB").await;
    // (Row-level security scopes this to WB on PostgreSQL; SQLite needs the filter.)
    let sql = format!(
        "SELECT event_id FROM audit_chain WHERE seq = CAST($1 AS integer) AND tenant_id = {}",
        arogya_tests::sql_uuid(backend, &wb_id)
    );
    let third = app.rows_in_tenant(&wb_id, &sql, "3").await;
    let event: uuid::Uuid = third[0].try_get("", "event_id").expect("a third link");
    let db = app.owner_db().await;
    let id = arogya_tests::sql_uuid(backend, &event.to_string());
    let tamper = match backend {
        Backend::Postgres => format!(
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
             ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY;
             UPDATE audit_events SET detail = '{{\"covered\": \"up\"}}' WHERE id = {id};"
        ),
        Backend::Sqlite => format!(
            "DROP TRIGGER audit_events_no_update;
             UPDATE audit_events SET detail = '{{\"covered\": \"up\"}}' WHERE id = {id};"
        ),
    };
    db.execute_unprepared(&tamper)
        .await
        .expect("the owner can do this");

    let broken = audit(&app, &["verify", "--tenant", "WB"]);
    assert!(!broken.status.success(), "{}", text(&broken));
    let out = text(&broken);
    assert!(out.contains("BROKEN at link 3"), "{out}");
    assert!(out.contains(&event.to_string()), "{out}");
    // Other tenants' chains are untouched.
    let sealed = audit(&app, &["seal", "--tenant", "BR"]);
    assert!(sealed.status.success(), "{}", text(&sealed));
    let br = audit(&app, &["verify", "--tenant", "BR"]);
    assert!(br.status.success(), "{}", text(&br));
}
