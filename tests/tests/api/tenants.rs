use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

const CREATE: &str = "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id code name kind status version parent { code } } }";

on_both_backends!(platform_admins_manage_tenants);

async fn platform_admins_manage_tenants(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let platform = app.platform_token().await;

    let input = json!({ "i": {
        "kind": "DISTRICT", "code": "wb-kol", "name": "কলকাতা", "parentCode": "WB",
        "admin": { "username": "kol.admin", "displayName": "Kolkata Admin", "password": "kolkata admin pass" }
    }});
    let t = expect_data(&app.gql(Some(&platform), CREATE, input).await)["createTenant"].clone();
    assert_eq!(t["code"], "WB-KOL");
    assert_eq!(t["name"], "কলকাতা");
    assert_eq!(t["parent"]["code"], "WB");
    assert_eq!(t["status"], "ACTIVE");
    // Its first administrator can log in straight away, as a district admin.
    let login = app
        .login(Some("WB-KOL"), "kol.admin", "kolkata admin pass")
        .await;
    assert_eq!(login["me"]["roles"][0]["role"], "DISTRICT_ADMIN");

    // Duplicate code, and a district under the wrong state, name the field at fault.
    let dup = app
        .gql(
            Some(&platform),
            CREATE,
            json!({ "i": { "kind": "STATE", "code": "WB", "name": "Again" } }),
        )
        .await;
    assert_eq!(
        expect_error(&dup, "VALIDATION")["extensions"]["field"],
        "code"
    );
    let wrong = app.gql(Some(&platform), CREATE, json!({ "i": { "kind": "DISTRICT", "code": "UP-LKO", "name": "Lucknow", "parentCode": "BR" } })).await;
    assert_eq!(
        expect_error(&wrong, "VALIDATION")["extensions"]["field"],
        "code"
    );
    let missing_parent = app.gql(Some(&platform), CREATE, json!({ "i": { "kind": "DISTRICT", "code": "UP-LKO", "name": "Lucknow", "parentCode": "UP" } })).await;
    assert_eq!(
        expect_error(&missing_parent, "VALIDATION")["extensions"]["field"],
        "parentCode"
    );
    // A failed creation leaves nothing behind: the admin's username is free in the retry.
    let bad_admin = json!({ "i": { "kind": "STATE", "code": "UP", "name": "Uttar Pradesh",
        "admin": { "username": "up.admin", "displayName": "UP", "password": "short" } } });
    expect_error(
        &app.gql(Some(&platform), CREATE, bad_admin).await,
        "VALIDATION",
    );

    // Staff cannot create tenants or list them.
    let wb = app.wb_admin().await;
    expect_error(
        &app.gql(
            Some(&wb),
            CREATE,
            json!({ "i": { "kind": "STATE", "code": "UP", "name": "Uttar Pradesh" } }),
        )
        .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&wb),
            "{ tenants { edges { node { code } } } }",
            json!({}),
        )
        .await,
        "FORBIDDEN",
    );

    // Listing pages through every tenant exactly once.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = app.gql(Some(&platform), "query($a: String) { tenants(first: 2, after: $a) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }", json!({ "a": after })).await;
        let page = expect_data(&page)["tenants"].clone();
        for e in page["edges"].as_array().unwrap() {
            seen.push(e["node"]["code"].as_str().unwrap().to_owned());
        }
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    seen.sort();
    assert_eq!(seen, ["BR", "BR-MZP", "WB", "WB-KOL"]);

    // Optimistic concurrency: a stale version is a conflict, not an overwrite.
    let suspend = "mutation($id: ID!, $v: Int) { suspendTenant(id: $id, expectedVersion: $v) { status version } }";
    let stale = app
        .gql(Some(&platform), suspend, json!({ "id": t["id"], "v": 0 }))
        .await;
    expect_error(&stale, "CONFLICT");
    let ok = app
        .gql(
            Some(&platform),
            suspend,
            json!({ "id": t["id"], "v": t["version"] }),
        )
        .await;
    assert_eq!(expect_data(&ok)["suspendTenant"]["version"], 2);
    let missing = app
        .gql(
            Some(&platform),
            suspend,
            json!({ "id": uuid::Uuid::now_v7().to_string() }),
        )
        .await;
    expect_error(&missing, "NOT_FOUND");
}
