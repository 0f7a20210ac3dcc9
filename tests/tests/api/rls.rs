//! PostgreSQL row-level security, checked beneath the API with the application role.

use arogya_tests::{expect_data, Backend, TestApp};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use serde_json::json;

async fn count(db: &impl ConnectionTrait, table: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT count(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

pub async fn in_tenant(db: &DatabaseConnection, tenant: &str, table: &str) -> i64 {
    let tx = db.begin().await.unwrap();
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [tenant.into()],
    ))
    .await
    .unwrap();
    let n = count(&tx, table).await;
    tx.commit().await.unwrap();
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_role_sees_nothing_without_a_tenant_and_only_its_tenant_with_one() {
    let app = TestApp::spawn(Backend::Postgres).await;
    app.platform_token().await;
    let wb = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let wb_id = wb["me"]["tenant"]["id"].as_str().unwrap().to_owned();
    let token = wb["accessToken"].as_str().unwrap();
    super::units::create_unit(&app, token, None, "STATE", "West Bengal", None).await;
    expect_data(&app.gql(Some(token), "mutation { createUser(input: { account: { username: \"wb.nurse\", displayName: \"N\", password: \"long enough pass\" } }) { id } }", json!({})).await);

    let owner = app.owner_db().await;
    // The owner is filtered too (FORCE ROW LEVEL SECURITY).
    assert_eq!(count(&owner, "users").await, 0);

    let db = app.app_role_db().await;
    for table in [
        "users",
        "role_assignments",
        "audit_events",
        "refresh_tokens",
    ] {
        assert_eq!(
            count(&db, table).await,
            0,
            "{table} visible without a tenant"
        );
        assert_eq!(
            in_tenant(&db, "platform", table).await,
            if table == "refresh_tokens" { 1 } else { 0 },
            "{table} in platform scope"
        );
    }
    // Three tenants' admins exist (WB, BR, BR-MZP); inside WB only WB's two users show.
    assert_eq!(in_tenant(&db, &wb_id, "users").await, 2);
    assert_eq!(
        in_tenant(&db, &uuid::Uuid::now_v7().to_string(), "users").await,
        0
    );
    assert_eq!(in_tenant(&db, "' OR 1=1 --", "users").await, 0);

    // Writing a row for another tenant is refused by the policy.
    let tx = db.begin().await.unwrap();
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [wb_id.clone().into()],
    ))
    .await
    .unwrap();
    let foreign = uuid::Uuid::now_v7();
    let insert = tx
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO audit_events (tenant_id, id, actor_kind, action, entity_type, detail, created_at) VALUES ($1, $2, 'system', 'x', 'x', '{}', now())",
            [foreign.into(), uuid::Uuid::now_v7().into()],
        ))
        .await;
    assert!(insert
        .unwrap_err()
        .to_string()
        .contains("row-level security"));
    tx.rollback().await.unwrap();

    // The application role owns nothing and cannot switch RLS off.
    let disable = db
        .execute_unprepared("ALTER TABLE users DISABLE ROW LEVEL SECURITY")
        .await;
    assert!(disable.is_err());
    let bypass = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT rolbypassrls OR rolsuper AS b FROM pg_roles WHERE rolname = current_user",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<bool>("", "b")
        .unwrap();
    assert!(!bypass);
}

/// Every table with a `tenant_id` column (new ones included) has row-level security
/// enabled and forced, with a policy, so no module can forget it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_tenant_table_is_protected() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let owner = app.owner_db().await;
    let rows = owner
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname AS t, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                    EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policy
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r'
                AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)",
        ))
        .await
        .unwrap();
    assert!(rows.len() > 20, "the tenant tables were found");
    let mut names = Vec::new();
    for r in rows {
        let t: String = r.try_get("", "t").unwrap();
        let ok = r.try_get::<bool>("", "enabled").unwrap()
            && r.try_get::<bool>("", "forced").unwrap()
            && r.try_get::<bool>("", "policy").unwrap();
        assert!(ok, "{t} has a tenant_id but no forced row-level security");
        names.push(t);
    }
    assert!(names.contains(&"idempotency_keys".to_owned()));
}

/// Platform tables have their own role: the application role, which every tenant
/// request runs as, cannot read platform administrators (their password hashes) or
/// change tenants, while platform work (an administrator's login, a suspension) still
/// works through the platform role.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenant_requests_cannot_reach_platform_tables() {
    let app = TestApp::spawn(Backend::Postgres).await;
    assert!(app.config.database_platform_url.is_some());
    let db = app.app_role_db().await;
    let admins = db
        .execute_unprepared("SELECT password_hash FROM platform_admins")
        .await;
    assert!(admins
        .unwrap_err()
        .to_string()
        .contains("permission denied"));
    let suspend = db
        .execute_unprepared("UPDATE tenants SET status = 'suspended'")
        .await;
    assert!(suspend
        .unwrap_err()
        .to_string()
        .contains("permission denied"));
    // Tenant codes and names stay readable (they are public).
    assert!(count(&db, "tenants").await >= 2);
    // Platform work goes on through its own role.
    let platform = app.platform_token().await;
    let t = arogya_tests::expect_data(
        &app.gql(
            Some(&platform),
            "{ tenants(first: 10) { edges { node { id code } } } }",
            serde_json::json!({}),
        )
        .await,
    );
    assert!(t["tenants"]["edges"].as_array().unwrap().len() >= 2);
}
