use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

pub const CREATE_USER: &str = "mutation($i: CreateUserInput!) { createUser(input: $i) { id username displayName email status version roles { role unitId } } }";
const UPDATE_USER: &str = "mutation($i: UpdateUserInput!) { updateUser(input: $i) { id displayName email status version } }";

pub fn new_user(username: &str, roles: Value) -> Value {
    json!({ "i": { "account": { "username": username, "displayName": format!("Dr. অমিত সেন ({username})"), "email": format!("{username}@wb.example"), "password": "a long enough password" }, "roles": roles } })
}

on_both_backends!(admins_create_and_update_accounts);

async fn admins_create_and_update_accounts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let user = expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("dr.sen", json!([{ "role": "DOCTOR" }])),
        )
        .await,
    )["createUser"]
        .clone();
    assert_eq!(user["roles"][0]["role"], "DOCTOR");
    assert_eq!(user["version"], 1);

    // The new doctor logs in, and may not administer accounts.
    let doctor = app
        .token(Some("WB"), "dr.sen", "a long enough password")
        .await;
    expect_error(
        &app.gql(Some(&doctor), CREATE_USER, new_user("dr.two", json!([])))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&doctor),
            "{ users { edges { node { id } } } }",
            json!({}),
        )
        .await,
        "FORBIDDEN",
    );
    // ...but may read their own account.
    let own = app
        .gql(
            Some(&doctor),
            "query($id: ID!) { user(id: $id) { username } }",
            json!({ "id": user["id"] }),
        )
        .await;
    assert_eq!(expect_data(&own)["user"]["username"], "dr.sen");

    // Same username or e-mail again: a validation error naming the field.
    let mut dup = new_user("DR.SEN", json!([]));
    dup["i"]["account"]["email"] = json!("someone.else@wb.example");
    let dup = app.gql(Some(&wb), CREATE_USER, dup).await;
    assert_eq!(
        expect_error(&dup, "VALIDATION")["extensions"]["field"],
        "username"
    );
    let mut same_email = new_user("dr.other", json!([]));
    same_email["i"]["account"]["email"] = json!("DR.SEN@wb.example");
    assert_eq!(
        expect_error(
            &app.gql(Some(&wb), CREATE_USER, same_email).await,
            "VALIDATION"
        )["extensions"]["field"],
        "email"
    );
    // The same username is fine in another tenant.
    let br = app.br_admin().await;
    expect_data(
        &app.gql(Some(&br), CREATE_USER, new_user("dr.sen", json!([])))
            .await,
    );

    // Updates need the current version; a stale one is a conflict and changes nothing.
    let v1 =
        json!({ "i": { "id": user["id"], "expectedVersion": 1, "displayName": "Dr. Amit Sen" } });
    let updated =
        expect_data(&app.gql(Some(&wb), UPDATE_USER, v1.clone()).await)["updateUser"].clone();
    assert_eq!(updated["version"], 2);
    let stale =
        json!({ "i": { "id": user["id"], "expectedVersion": 1, "displayName": "Lost update" } });
    expect_error(&app.gql(Some(&wb), UPDATE_USER, stale).await, "CONFLICT");
    let now = app
        .gql(
            Some(&wb),
            "query($id: ID!) { user(id: $id) { displayName } }",
            json!({ "id": user["id"] }),
        )
        .await;
    assert_eq!(expect_data(&now)["user"]["displayName"], "Dr. Amit Sen");

    // Disabling ends the account's access; an admin cannot disable themselves.
    let disable = json!({ "i": { "id": user["id"], "expectedVersion": 2, "active": false } });
    assert_eq!(
        expect_data(&app.gql(Some(&wb), UPDATE_USER, disable).await)["updateUser"]["status"],
        "DISABLED"
    );
    expect_error(
        &app.try_login(Some("WB"), "dr.sen", "a long enough password")
            .await,
        "UNAUTHENTICATED",
    );

    // Password reset by an admin ends the user's sessions.
    let enable = json!({ "i": { "id": user["id"], "expectedVersion": 3, "active": true } });
    expect_data(&app.gql(Some(&wb), UPDATE_USER, enable).await);
    let session = app
        .login(Some("WB"), "dr.sen", "a long enough password")
        .await;
    let reset = "mutation($u: ID!, $p: String!) { resetUserPassword(userId: $u, newPassword: $p) }";
    expect_data(
        &app.gql(
            Some(&wb),
            reset,
            json!({ "u": user["id"], "p": "reset by the admin" }),
        )
        .await,
    );
    let refresh = "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }";
    expect_error(
        &app.gql(None, refresh, json!({ "t": session["refreshToken"] }))
            .await,
        "UNAUTHENTICATED",
    );
    app.login(Some("WB"), "dr.sen", "reset by the admin").await;

    // Roles: grant, a duplicate grant conflicts, revoke.
    let grant =
        "mutation($u: ID!, $g: RoleGrantInput!) { grantRole(userId: $u, grant: $g) { id } }";
    let revoke =
        "mutation($u: ID!, $g: RoleGrantInput!) { revokeRole(userId: $u, grant: $g) { id } }";
    let g = json!({ "u": user["id"], "g": { "role": "HELPLINE_DOCTOR" } });
    expect_data(&app.gql(Some(&wb), grant, g.clone()).await);
    expect_error(&app.gql(Some(&wb), grant, g.clone()).await, "CONFLICT");
    expect_data(&app.gql(Some(&wb), revoke, g.clone()).await);
    expect_error(&app.gql(Some(&wb), revoke, g).await, "NOT_FOUND");
}

on_both_backends!(district_admins_grant_only_within_their_district);

async fn district_admins_grant_only_within_their_district(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let state = super::units::create_unit(&app, &wb, None, "STATE", "West Bengal", None).await;
    let unit = |name: &'static str| {
        let (app, wb, state) = (&app, &wb, &state);
        async move {
            super::units::create_unit(app, wb, Some(&state["id"]), "DISTRICT", name, None).await
                ["id"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let (mine, other) = (unit("Kolkata").await, unit("Howrah").await);
    let da = new_user(
        "da.kolkata",
        json!([{ "role": "DISTRICT_ADMIN", "unitId": mine }]),
    );
    expect_data(&app.gql(Some(&wb), CREATE_USER, da).await);
    let token = app
        .token(Some("WB"), "da.kolkata", "a long enough password")
        .await;

    let inside = new_user("nurse.in", json!([{ "role": "NURSE", "unitId": mine }]));
    expect_data(&app.gql(Some(&token), CREATE_USER, inside).await);
    let outside = new_user("nurse.out", json!([{ "role": "NURSE", "unitId": other }]));
    expect_error(
        &app.gql(Some(&token), CREATE_USER, outside).await,
        "FORBIDDEN",
    );
    let admin = new_user("another.admin", json!([{ "role": "STATE_ADMIN" }]));
    expect_error(
        &app.gql(Some(&token), CREATE_USER, admin).await,
        "FORBIDDEN",
    );
    let platform = new_user("sneaky", json!([{ "role": "PLATFORM_ADMIN" }]));
    assert_eq!(
        expect_error(
            &app.gql(Some(&wb), CREATE_USER, platform).await,
            "VALIDATION"
        )["extensions"]["field"],
        "role"
    );
}

on_both_backends!(user_lists_page_with_cursors);

async fn user_lists_page_with_cursors(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    for i in 0..4 {
        expect_data(
            &app.gql(
                Some(&wb),
                CREATE_USER,
                new_user(&format!("nurse.{i}"), json!([{ "role": "NURSE" }])),
            )
            .await,
        );
    }
    let q = "query($a: String) { users(first: 2, after: $a) { edges { cursor node { username roles { role } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
    let mut names = Vec::new();
    let mut after: Option<String> = None;
    let mut pages = 0;
    loop {
        let page =
            expect_data(&app.gql(Some(&wb), q, json!({ "a": after })).await)["users"].clone();
        pages += 1;
        assert_eq!(page["pageInfo"]["hasPreviousPage"], json!(after.is_some()));
        for e in page["edges"].as_array().unwrap() {
            names.push(e["node"]["username"].as_str().unwrap().to_owned());
        }
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(pages, 3);
    // Newest first, each once: the four nurses then the admin.
    assert_eq!(
        names,
        ["nurse.3", "nurse.2", "nurse.1", "nurse.0", "wb.admin"]
    );
}

on_both_backends!(grants_name_only_this_tenants_units_and_facilities);

/// A grant's unit or facility must exist in the caller's tenant: another tenant's id,
/// or an id of nothing, is refused by name, and the database refuses it beneath the API.
async fn grants_name_only_this_tenants_units_and_facilities(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let br = app.br_admin().await;
    let bihar = super::units::create_unit(&app, &br, None, "STATE", "Bihar", None).await;
    let nothing = uuid::Uuid::now_v7().to_string();
    for (grant, field) in [
        (
            json!({ "role": "NURSE", "unitId": bihar["id"] }),
            "grant.unitId",
        ),
        (
            json!({ "role": "NURSE", "unitId": nothing }),
            "grant.unitId",
        ),
        (
            json!({ "role": "NURSE", "facilityId": nothing }),
            "grant.facilityId",
        ),
    ] {
        let body = app
            .gql(
                Some(&wb),
                CREATE_USER,
                new_user("nurse.stray", json!([grant.clone()])),
            )
            .await;
        assert_eq!(
            expect_error(&body, "VALIDATION")["extensions"]["field"],
            field,
            "{body}"
        );
    }
    // Nothing half-made: the account was not created either.
    let ok = expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("nurse.stray", json!([{ "role": "NURSE" }])),
        )
        .await,
    )["createUser"]
        .clone();
    let grant =
        "mutation($u: ID!, $g: RoleGrantInput!) { grantRole(userId: $u, grant: $g) { id } }";
    let body = app
        .gql(
            Some(&wb),
            grant,
            json!({ "u": ok["id"], "g": { "role": "DISTRICT_ADMIN", "unitId": bihar["id"] } }),
        )
        .await;
    assert_eq!(
        expect_error(&body, "VALIDATION")["extensions"]["field"],
        "grant.unitId"
    );

    // Beneath the API, as the table owner: the composite keys (PostgreSQL) or their
    // triggers (SQLite) refuse a grant naming another tenant's unit.
    use sea_orm::ConnectionTrait;
    let db = app.owner_db().await;
    let now = if backend == Backend::Postgres {
        "now()"
    } else {
        "CURRENT_TIMESTAMP"
    };
    let wb_unit = super::units::create_unit(&app, &wb, None, "STATE", "West Bengal", None).await;
    let insert = |unit: &str| {
        format!(
            "INSERT INTO role_assignments (tenant_id, id, user_id, role, unit_id, facility_id, scope_key, created_by, created_at, updated_at)
             SELECT tenant_id, {}, id, 'NURSE', {}, NULL, 'unit:{unit}', NULL, {now}, {now} FROM users WHERE username = 'nurse.stray'",
            arogya_tests::sql_uuid(backend, &uuid::Uuid::now_v7().to_string()),
            arogya_tests::sql_uuid(backend, unit),
        )
    };
    if backend == Backend::Postgres {
        // The owner is bound by the (forced) policies too: lift them on this connection.
        db.execute_unprepared("ALTER TABLE users NO FORCE ROW LEVEL SECURITY; ALTER TABLE role_assignments NO FORCE ROW LEVEL SECURITY").await.unwrap();
    }
    // The same statement with this tenant's own unit goes in: the refusal below is
    // about the tenant, not the statement.
    let own = db
        .execute_unprepared(&insert(wb_unit["id"].as_str().unwrap()))
        .await;
    let refused = db
        .execute_unprepared(&insert(bihar["id"].as_str().unwrap()))
        .await;
    if backend == Backend::Postgres {
        db.execute_unprepared("ALTER TABLE users FORCE ROW LEVEL SECURITY; ALTER TABLE role_assignments FORCE ROW LEVEL SECURITY").await.unwrap();
    }
    own.expect("a grant naming the tenant's own unit is accepted");
    let err = refused.expect_err("a grant naming another tenant's unit must be refused");
    assert!(
        err.to_string().to_lowercase().contains("foreign key"),
        "{err}"
    );
}

on_both_backends!(look_alike_names_and_addresses_are_caught);

/// A Cyrillic `а` among Latin letters: refused in an e-mail address (it could pass for
/// another account's), and a display name looking like another account's is a
/// CONFLICT the administrator may override.
async fn look_alike_names_and_addresses_are_caught(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let mut spoof = new_user("wb.spoof", json!([{ "role": "NURSE" }]));
    spoof["i"]["account"]["email"] = json!("wb.\u{430}dmin@demo.arogya.example");
    let body = app.gql(Some(&wb), CREATE_USER, spoof.clone()).await;
    assert_eq!(
        expect_error(&body, "VALIDATION")["extensions"]["field"],
        "email",
        "{body}"
    );

    let admin_name = expect_data(
        &app.gql(Some(&wb), "{ me { displayName } }", json!({}))
            .await,
    )["me"]["displayName"]
        .as_str()
        .unwrap()
        .to_owned();
    let look_alike = admin_name.replacen('a', "\u{430}", 1).to_uppercase();
    assert_ne!(look_alike, admin_name);
    spoof["i"]["account"]["email"] = json!("spoof@example.org");
    spoof["i"]["account"]["displayName"] = json!(look_alike);
    let body = app.gql(Some(&wb), CREATE_USER, spoof.clone()).await;
    let e = expect_error(&body, "CONFLICT");
    assert_eq!(e["extensions"]["reason"], "SIMILAR_NAME", "{body}");
    assert!(e["message"].as_str().unwrap().contains("wb.admin"), "{e}");
    // Confirmed by the administrator: created.
    spoof["i"]["allowSimilarName"] = json!(true);
    expect_data(&app.gql(Some(&wb), CREATE_USER, spoof).await);
    // A different name passes without any confirmation.
    let mut other = new_user("wb.other", json!([{ "role": "NURSE" }]));
    other["i"]["account"]["displayName"] = json!("Rekha Mondal");
    expect_data(&app.gql(Some(&wb), CREATE_USER, other).await);
}
