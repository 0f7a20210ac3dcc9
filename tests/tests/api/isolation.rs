//! A user of one tenant asking for another tenant's objects by ID gets NOT_FOUND,
//! for every query and mutation that takes an ID.

use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(other_tenants_objects_are_not_found);

async fn other_tenants_objects_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let br = app
        .login(Some("BR"), "br.admin", "br-demo-admin-2026")
        .await;
    let br_token = br["accessToken"].as_str().unwrap();
    let br_tenant = br["me"]["tenant"]["id"].as_str().unwrap().to_owned();
    let br_user = expect_data(
        &app.gql(
            Some(br_token),
            CREATE_USER,
            new_user("br.doctor", json!([{ "role": "DOCTOR" }])),
        )
        .await,
    )["createUser"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let wb = app.wb_admin().await;

    let cases = [
        ("tenant", "query($t: ID!) { tenant(id: $t) { code } }", json!({ "t": br_tenant })),
        ("user", "query($u: ID!) { user(id: $u) { username } }", json!({ "u": br_user })),
        ("user with tenantId", "query($u: ID!, $t: ID) { user(id: $u, tenantId: $t) { username } }", json!({ "u": br_user, "t": br_tenant })),
        ("users", "query($t: ID) { users(tenantId: $t) { edges { node { id } } } }", json!({ "t": br_tenant })),
        ("auditEvents", "query($t: ID) { auditEvents(tenantId: $t) { edges { node { id } } } }", json!({ "t": br_tenant })),
        ("updateUser", "mutation($u: ID!) { updateUser(input: { id: $u, expectedVersion: 1, displayName: \"x\" }) { id } }", json!({ "u": br_user })),
        ("updateUser with tenantId", "mutation($u: ID!, $t: ID) { updateUser(input: { id: $u, tenantId: $t, expectedVersion: 1, displayName: \"x\" }) { id } }", json!({ "u": br_user, "t": br_tenant })),
        ("resetUserPassword", "mutation($u: ID!) { resetUserPassword(userId: $u, newPassword: \"taken over now\") }", json!({ "u": br_user })),
        ("grantRole", "mutation($u: ID!) { grantRole(userId: $u, grant: { role: NURSE }) { id } }", json!({ "u": br_user })),
        ("revokeRole", "mutation($u: ID!) { revokeRole(userId: $u, grant: { role: DOCTOR }) { id } }", json!({ "u": br_user })),
        ("createUser in another tenant", "mutation($t: ID) { createUser(input: { tenantId: $t, account: { username: \"spy\", displayName: \"Spy\", password: \"a long password\" } }) { id } }", json!({ "t": br_tenant })),
    ];
    for (what, query, vars) in cases {
        let body = app.gql(Some(&wb), query, vars).await;
        assert_eq!(
            arogya_tests::error_code(&body).as_deref(),
            Some("NOT_FOUND"),
            "{what}: {body}"
        );
    }
    // Platform-level mutations are refused to staff before any lookup, so they reveal nothing either.
    let suspend = app
        .gql(
            Some(&wb),
            "mutation($t: ID!) { suspendTenant(id: $t) { id } }",
            json!({ "t": br_tenant }),
        )
        .await;
    expect_error(&suspend, "FORBIDDEN");

    // Nothing happened to the BR user: still a doctor, still the old password.
    let still = app
        .gql(
            Some(br_token),
            "query($u: ID!) { user(id: $u) { displayName version roles { role } } }",
            json!({ "u": br_user }),
        )
        .await;
    let still = expect_data(&still)["user"].clone();
    assert_eq!(still["version"], 1);
    assert_eq!(still["roles"], json!([{ "role": "DOCTOR" }]));
    app.login(Some("BR"), "br.doctor", "a long enough password")
        .await;
    // And WB's own list shows none of BR's accounts.
    let list = expect_data(
        &app.gql(
            Some(&wb),
            "{ users { edges { node { username } } } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(
        list["users"]["edges"],
        json!([{ "node": { "username": "wb.admin" } }])
    );
}
