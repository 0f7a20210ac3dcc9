use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::{json, Value};

const EVENTS: &str = "query($f: AuditEventFilter, $n: Int) { auditEvents(filter: $f, first: $n) { edges { node { action entityType entityId actorKind actorId requestId clientAddress detail actor { username } } } } }";

async fn events(app: &TestApp, token: &str, filter: Value) -> Vec<Value> {
    let body = app
        .gql(Some(token), EVENTS, json!({ "f": filter, "n": 100 }))
        .await;
    expect_data(&body)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

on_both_backends!(every_mutation_is_audited_with_its_request);

async fn every_mutation_is_audited_with_its_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;

    let (_, created) = app
        .gql_full(
            Some(&wb),
            CREATE_USER,
            new_user("lab.tech", json!([{ "role": "LAB_TECHNICIAN" }])),
            Some("req-create-1"),
        )
        .await;
    let user = expect_data(&created)["createUser"].clone();
    let id = user["id"].as_str().unwrap();
    let steps: Vec<(&str, &str, Value)> = vec![
        ("user.update", "mutation($u: ID!) { updateUser(input: { id: $u, expectedVersion: 1, displayName: \"Lab Tech\" }) { id } }", json!({ "u": id })),
        ("user.role_grant", "mutation($u: ID!) { grantRole(userId: $u, grant: { role: NURSE }) { id } }", json!({ "u": id })),
        ("user.role_revoke", "mutation($u: ID!) { revokeRole(userId: $u, grant: { role: NURSE }) { id } }", json!({ "u": id })),
        ("user.password_reset", "mutation($u: ID!) { resetUserPassword(userId: $u, newPassword: \"brand new password\") }", json!({ "u": id })),
    ];
    for (i, (action, query, vars)) in steps.iter().enumerate() {
        let rid = format!("req-step-{i}");
        let (_, body) = app
            .gql_full(Some(&wb), query, vars.clone(), Some(&rid))
            .await;
        expect_data(&body);
        let found = events(&app, &wb, json!({ "action": action, "entityId": id })).await;
        assert_eq!(found.len(), 1, "{action}: {found:?}");
        assert_eq!(found[0]["requestId"], rid.as_str());
        assert_eq!(found[0]["clientAddress"], "127.0.0.1");
        assert_eq!(found[0]["actor"]["username"], "wb.admin");
        assert_eq!(found[0]["entityType"], "user");
    }
    let created = events(
        &app,
        &wb,
        json!({ "action": "user.create", "entityId": id }),
    )
    .await;
    assert_eq!(created[0]["requestId"], "req-create-1");
    assert_eq!(created[0]["detail"]["roles"][0]["role"], "lab_technician");
    assert!(
        !created[0]["detail"].to_string().contains("password"),
        "no secrets in audit detail"
    );

    // The user's own session events: login, refresh, password change, logout.
    let login = app
        .login(Some("WB"), "lab.tech", "brand new password")
        .await;
    let refreshed = expect_data(
        &app.gql(
            None,
            "mutation($t: String!) { refreshToken(refreshToken: $t) { refreshToken } }",
            json!({ "t": login["refreshToken"] }),
        )
        .await,
    );
    expect_data(
        &app.gql(
            None,
            "mutation($t: String!) { logout(refreshToken: $t) }",
            json!({ "t": refreshed["refreshToken"]["refreshToken"] }),
        )
        .await,
    );
    // That session is over (its access token died with it): change the password from another.
    let other = app
        .token(Some("WB"), "lab.tech", "brand new password")
        .await;
    let token = other.as_str();
    expect_data(&app.gql(Some(token), "mutation { changePassword(currentPassword: \"brand new password\", newPassword: \"another new password\") }", json!({})).await);
    expect_error(
        &app.try_login(Some("WB"), "lab.tech", "wrong password!")
            .await,
        "UNAUTHENTICATED",
    );
    for action in [
        "auth.login",
        "auth.refresh",
        "auth.logout",
        "user.password_change",
        "auth.login_failed",
    ] {
        let found = events(&app, &wb, json!({ "action": action, "entityId": id })).await;
        assert!(!found.is_empty(), "{action} not audited");
    }
    let failed = events(&app, &wb, json!({ "action": "auth.login_failed" })).await;
    assert_eq!(failed[0]["actorKind"], "anonymous");

    // Tenant creation and suspension land in the tenant's own trail.
    let platform = app.platform_token().await;
    let t = app.gql(Some(&platform), "mutation { createTenant(input: { kind: STATE, code: \"UP\", name: \"Uttar Pradesh\" }) { id } }", json!({})).await;
    let tid = expect_data(&t)["createTenant"]["id"].clone();
    expect_data(
        &app.gql(
            Some(&platform),
            "mutation($t: ID!) { suspendTenant(id: $t) { id } }",
            json!({ "t": tid }),
        )
        .await,
    );
    let trail = app
        .gql(
            Some(&platform),
            "query($t: ID) { auditEvents(tenantId: $t) { edges { node { action actorKind } } } }",
            json!({ "t": tid }),
        )
        .await;
    let actions: Vec<Value> = expect_data(&trail)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    assert_eq!(
        actions,
        vec![
            json!({ "action": "tenant.suspend", "actorKind": "platform_admin" }),
            json!({ "action": "tenant.create", "actorKind": "platform_admin" })
        ]
    );

    // Staff who are not administrators cannot read the trail.
    let lab = app
        .token(Some("WB"), "lab.tech", "another new password")
        .await;
    expect_error(&app.gql(Some(&lab), EVENTS, json!({})).await, "FORBIDDEN");
}

on_both_backends!(audit_rows_cannot_be_changed);

async fn audit_rows_cannot_be_changed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let login = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let tenant = login["me"]["tenant"]["id"].as_str().unwrap().to_owned();
    // Even the table owner cannot rewrite or delete history (on PostgreSQL it must
    // first set a tenant, or row-level security hides every row).
    let owner = app.owner_db().await;
    let scope = if backend == Backend::Postgres {
        format!("SELECT set_config('app.tenant_id', '{tenant}', true);")
    } else {
        String::new()
    };
    for statement in [
        "UPDATE audit_events SET action = 'forged'",
        "DELETE FROM audit_events",
    ] {
        let tx = owner.begin().await.unwrap();
        if !scope.is_empty() {
            tx.execute_unprepared(&scope).await.unwrap();
        }
        let visible = tx
            .query_one_raw(sea_orm::Statement::from_string(
                tx.get_database_backend(),
                "SELECT count(*) AS n FROM audit_events",
            ))
            .await
            .unwrap()
            .unwrap();
        assert!(
            visible.try_get::<i64>("", "n").unwrap() > 0,
            "the check must see rows to be meaningful"
        );
        let result = tx.execute_unprepared(statement).await;
        assert!(
            result.unwrap_err().to_string().contains("append-only"),
            "{statement} succeeded"
        );
        tx.rollback().await.unwrap();
    }
    if backend == Backend::Postgres {
        // The application role has no UPDATE or DELETE right at all.
        let app_db = app.app_role_db().await;
        let err = app_db
            .execute_unprepared("DELETE FROM audit_events")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("permission denied"), "{err}");
    }
}
