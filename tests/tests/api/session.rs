use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

const ME: &str = "{ me { userId isPlatformAdmin displayName roles { role } tenant { code name } user { username } } }";
const REFRESH: &str =
    "mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }";

on_both_backends!(login_me_refresh_and_logout);

async fn login_me_refresh_and_logout(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let login = app
        .login(Some("wb"), "WB.Admin", "wb-demo-admin-2026")
        .await;
    let access = login["accessToken"].as_str().unwrap();
    let refresh1 = login["refreshToken"].as_str().unwrap().to_owned();

    let me = expect_data(&app.gql(Some(access), ME, json!({})).await)["me"].clone();
    assert_eq!(me["tenant"]["code"], "WB");
    assert_eq!(me["user"]["username"], "wb.admin");
    assert_eq!(me["roles"][0]["role"], "STATE_ADMIN");
    assert_eq!(me["isPlatformAdmin"], false);

    // Log in by e-mail too.
    app.login(
        Some("WB"),
        "wb.admin@demo.arogya.example",
        "wb-demo-admin-2026",
    )
    .await;

    // Refresh rotates: a new pair, and the old refresh token is spent.
    let pair = expect_data(&app.gql(None, REFRESH, json!({ "t": refresh1 })).await)["refreshToken"]
        .clone();
    let refresh2 = pair["refreshToken"].as_str().unwrap().to_owned();
    assert_ne!(refresh1, refresh2);
    expect_data(&app.gql(pair["accessToken"].as_str(), ME, json!({})).await);

    // Reusing the spent token ends the whole session: the newer token dies too.
    let reuse = app.gql(None, REFRESH, json!({ "t": refresh1 })).await;
    expect_error(&reuse, "UNAUTHENTICATED");
    expect_error(
        &app.gql(None, REFRESH, json!({ "t": refresh2 })).await,
        "UNAUTHENTICATED",
    );

    // Logout revokes a fresh session's refresh token.
    let fresh = app
        .login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let rt = fresh["refreshToken"].as_str().unwrap();
    let out = app
        .gql(
            None,
            "mutation($t: String!) { logout(refreshToken: $t) }",
            json!({ "t": rt }),
        )
        .await;
    assert_eq!(expect_data(&out)["logout"], true);
    expect_error(
        &app.gql(None, REFRESH, json!({ "t": rt })).await,
        "UNAUTHENTICATED",
    );

    // Platform administrators log in without a tenant.
    let token = app.platform_token().await;
    let me = expect_data(&app.gql(Some(&token), ME, json!({})).await)["me"].clone();
    assert_eq!(me["isPlatformAdmin"], true);
    assert_eq!(me["displayName"], "Platform Administrator");
    assert!(me["tenant"].is_null());
}

on_both_backends!(failed_logins_say_nothing_and_are_throttled);

async fn failed_logins_say_nothing_and_are_throttled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wrong_password = app
        .try_login(Some("WB"), "wb.admin", "not-the-password")
        .await;
    let unknown_user = app
        .try_login(Some("WB"), "nobody.here", "not-the-password")
        .await;
    let unknown_tenant = app
        .try_login(Some("ZZ"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let malformed_tenant = app
        .try_login(Some("not a code"), "wb.admin", "wb-demo-admin-2026")
        .await;
    let m1 = expect_error(&wrong_password, "UNAUTHENTICATED")["message"].clone();
    for other in [&unknown_user, &unknown_tenant, &malformed_tenant] {
        assert_eq!(
            expect_error(other, "UNAUTHENTICATED")["message"],
            m1,
            "messages differ: {other}"
        );
    }

    // Five failures lock the account, even for the right password; others are
    // unaffected. The account counts once whichever of its names is typed: two more by
    // username and two by e-mail make five with the first.
    for login in [
        "wb.admin",
        "WB.Admin",
        "wb.admin@demo.arogya.example",
        "WB.ADMIN@demo.arogya.example",
    ] {
        expect_error(
            &app.try_login(Some("WB"), login, "still-wrong-password")
                .await,
            "UNAUTHENTICATED",
        );
    }
    for login in ["wb.admin", "wb.admin@demo.arogya.example"] {
        let locked = app.try_login(Some("WB"), login, "wb-demo-admin-2026").await;
        let err = expect_error(&locked, "RATE_LIMITED");
        assert!(err["extensions"]["retryAfterSeconds"].as_u64().unwrap() > 0);
    }
    app.login(Some("BR"), "br.admin", "br-demo-admin-2026")
        .await;
    // An unknown name locks the same way, so a lock tells nothing about accounts.
    for _ in 0..5 {
        expect_error(
            &app.try_login(Some("WB"), "no.such.person", "x-wrong-password")
                .await,
            "UNAUTHENTICATED",
        );
    }
    expect_error(
        &app.try_login(Some("WB"), "no.such.person", "x-wrong-password")
            .await,
        "RATE_LIMITED",
    );

    // The count is kept in the database: a restarted server (or another instance)
    // still refuses.
    let mut app = app;
    app.stop().await;
    let config = app.config.clone();
    let again = TestApp::spawn_with(backend, config, app.dir.clone(), app.pg_db.clone()).await;
    expect_error(
        &again
            .try_login(Some("WB"), "wb.admin", "wb-demo-admin-2026")
            .await,
        "RATE_LIMITED",
    );
    again
        .login(Some("BR"), "br.admin", "br-demo-admin-2026")
        .await;
}

on_both_backends!(change_password_ends_sessions);

async fn change_password_ends_sessions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let login = app
        .login(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
        .await;
    let token = login["accessToken"].as_str().unwrap();
    let change = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }";

    let wrong = app
        .gql(
            Some(token),
            change,
            json!({ "c": "wrong-current-pw", "n": "a new passphrase" }),
        )
        .await;
    assert_eq!(
        expect_error(&wrong, "VALIDATION")["extensions"]["field"],
        "currentPassword"
    );
    let weak = app
        .gql(
            Some(token),
            change,
            json!({ "c": "mzp-demo-admin-2026", "n": "short" }),
        )
        .await;
    assert_eq!(
        expect_error(&weak, "VALIDATION")["extensions"]["field"],
        "newPassword"
    );

    let ok = app
        .gql(
            Some(token),
            change,
            json!({ "c": "mzp-demo-admin-2026", "n": "a new passphrase" }),
        )
        .await;
    assert_eq!(expect_data(&ok)["changePassword"], true);
    expect_error(
        &app.gql(None, REFRESH, json!({ "t": login["refreshToken"] }))
            .await,
        "UNAUTHENTICATED",
    );
    expect_error(
        &app.try_login(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
            .await,
        "UNAUTHENTICATED",
    );
    app.login(Some("BR-MZP"), "mzp.admin", "a new passphrase")
        .await;
}
