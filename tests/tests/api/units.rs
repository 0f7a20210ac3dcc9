//! Administrative units: the tree, validation, district scopes and isolation.

use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

pub const CREATE_UNIT: &str = "mutation($i: CreateAdminUnitInput!) { createAdminUnit(input: $i) { id kind name lgdCode depth version } }";
const UPDATE_UNIT: &str = "mutation($i: UpdateAdminUnitInput!) { updateAdminUnit(input: $i) { id name lgdCode version } }";
const TREE: &str = "query($r: ID) { adminUnitTree(rootId: $r) { name kind parent { name } } }";

pub async fn create_unit(
    app: &TestApp,
    token: &str,
    parent: Option<&Value>,
    kind: &str,
    name: &str,
    lgd: Option<&str>,
) -> Value {
    let body = app
        .gql(
            Some(token),
            CREATE_UNIT,
            json!({ "i": { "parentId": parent, "kind": kind, "name": name, "lgdCode": lgd } }),
        )
        .await;
    expect_data(&body)["createAdminUnit"].clone()
}

/// WB → Kolkata, Murshidabad → Lalbag (sub-division) → Murshidabad-Jiaganj (block).
pub struct Tree {
    pub state: Value,
    pub kolkata: Value,
    pub murshidabad: Value,
    pub lalbag: Value,
    pub block: Value,
}

pub async fn build_tree(app: &TestApp, token: &str) -> Tree {
    let state = create_unit(app, token, None, "STATE", "West Bengal", Some("19")).await;
    let kolkata = create_unit(
        app,
        token,
        Some(&state["id"]),
        "DISTRICT",
        "Kolkata",
        Some("327"),
    )
    .await;
    let murshidabad = create_unit(
        app,
        token,
        Some(&state["id"]),
        "DISTRICT",
        "মুর্শিদাবাদ",
        Some("320"),
    )
    .await;
    let lalbag = create_unit(
        app,
        token,
        Some(&murshidabad["id"]),
        "SUB_DIVISION",
        "Lalbag",
        None,
    )
    .await;
    let block = create_unit(
        app,
        token,
        Some(&lalbag["id"]),
        "BLOCK",
        "Murshidabad-Jiaganj",
        Some("2345"),
    )
    .await;
    Tree {
        state,
        kolkata,
        murshidabad,
        lalbag,
        block,
    }
}

fn names(body: &Value, field: &str) -> Vec<String> {
    body["data"][field]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_owned())
        .collect()
}

on_both_backends!(state_admins_build_and_read_the_tree);

async fn state_admins_build_and_read_the_tree(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    assert_eq!(t.block["depth"], 3);
    assert_eq!(t.murshidabad["name"], "মুর্শিদাবাদ");

    let tree = app.gql(Some(&wb), TREE, json!({})).await;
    assert_eq!(names(&tree, "adminUnitTree").len(), 5);
    // Parents always come before their children.
    let order = names(&tree, "adminUnitTree");
    let pos = |n: &str| order.iter().position(|x| x == n).unwrap();
    assert!(
        pos("West Bengal") < pos("Kolkata")
            && pos("মুর্শিদাবাদ") < pos("Lalbag")
            && pos("Lalbag") < pos("Murshidabad-Jiaganj")
    );

    let q = "query($id: ID!) { adminUnit(id: $id) { name path { name } descendants { name } children { name } parent { name } } }";
    let m = expect_data(
        &app.gql(Some(&wb), q, json!({ "id": t.murshidabad["id"] }))
            .await,
    )["adminUnit"]
        .clone();
    assert_eq!(
        m["path"],
        json!([{ "name": "West Bengal" }, { "name": "মুর্শিদাবাদ" }])
    );
    assert_eq!(
        m["descendants"],
        json!([{ "name": "Lalbag" }, { "name": "Murshidabad-Jiaganj" }])
    );
    assert_eq!(m["children"], json!([{ "name": "Lalbag" }]));
    assert_eq!(m["parent"], json!({ "name": "West Bengal" }));

    // Validation names the field at fault.
    let cases = [
        (
            json!({ "parentId": t.state["id"], "kind": "BLOCK", "name": "Wrong level" }),
            "kind",
        ),
        (
            json!({ "parentId": t.block["id"], "kind": "BLOCK", "name": "Below a block" }),
            "parentId",
        ),
        (
            json!({ "parentId": t.state["id"], "kind": "DISTRICT", "name": "Dup", "lgdCode": "327" }),
            "lgdCode",
        ),
        (
            json!({ "parentId": t.state["id"], "kind": "DISTRICT", "name": "Bad code", "lgdCode": "32a" }),
            "lgdCode",
        ),
        (
            json!({ "parentId": t.state["id"], "kind": "DISTRICT", "name": "x" }),
            "name",
        ),
        (
            json!({ "kind": "DISTRICT", "name": "A district at the top of a state" }),
            "kind",
        ),
    ];
    for (input, field) in cases {
        let body = app.gql(Some(&wb), CREATE_UNIT, json!({ "i": input })).await;
        assert_eq!(
            expect_error(&body, "VALIDATION")["extensions"]["field"],
            field,
            "{input}"
        );
    }

    // Renames need the current version.
    let v = json!({ "i": { "id": t.kolkata["id"], "expectedVersion": 1, "name": "Kolkata (Calcutta)", "lgdCode": "" } });
    let renamed =
        expect_data(&app.gql(Some(&wb), UPDATE_UNIT, v.clone()).await)["updateAdminUnit"].clone();
    assert_eq!(renamed["version"], 2);
    assert!(renamed["lgdCode"].is_null());
    expect_error(&app.gql(Some(&wb), UPDATE_UNIT, v).await, "CONFLICT");

    // Audited.
    let audit = app.gql(Some(&wb), "{ auditEvents(filter: { entityType: \"unit\" }, first: 50) { edges { node { action } } } }", json!({})).await;
    assert_eq!(
        expect_data(&audit)["auditEvents"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        6
    );

    // A district tenant starts at its district.
    let mzp = app
        .token(Some("BR-MZP"), "mzp.admin", "mzp-demo-admin-2026")
        .await;
    let wrong = app
        .gql(
            Some(&mzp),
            CREATE_UNIT,
            json!({ "i": { "kind": "STATE", "name": "Bihar" } }),
        )
        .await;
    assert_eq!(
        expect_error(&wrong, "VALIDATION")["extensions"]["field"],
        "kind"
    );
    create_unit(&app, &mzp, None, "DISTRICT", "Muzaffarpur", Some("230")).await;
    // LGD codes are unique per tenant only.
    create_unit(&app, &mzp, None, "DISTRICT", "Also fine", Some("327")).await;
}

on_both_backends!(district_admins_reach_only_their_district);

async fn district_admins_reach_only_their_district(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let da = new_user(
        "da.msd",
        json!([{ "role": "DISTRICT_ADMIN", "unitId": t.murshidabad["id"] }]),
    );
    expect_data(&app.gql(Some(&wb), CREATE_USER, da).await);
    let token = app
        .token(Some("WB"), "da.msd", "a long enough password")
        .await;

    let tree = app.gql(Some(&token), TREE, json!({})).await;
    assert_eq!(
        names(&tree, "adminUnitTree"),
        ["মুর্শিদাবাদ", "Lalbag", "Murshidabad-Jiaganj"]
    );
    let q = "query($id: ID!) { adminUnit(id: $id) { name path { name } parent { name } } }";
    let own = expect_data(
        &app.gql(Some(&token), q, json!({ "id": t.block["id"] }))
            .await,
    )["adminUnit"]
        .clone();
    assert_eq!(
        own["path"],
        json!([{ "name": "মুর্শিদাবাদ" }, { "name": "Lalbag" }, { "name": "Murshidabad-Jiaganj" }])
    );
    let top = expect_data(
        &app.gql(Some(&token), q, json!({ "id": t.murshidabad["id"] }))
            .await,
    )["adminUnit"]
        .clone();
    assert!(
        top["parent"].is_null(),
        "the state lies outside the district: {top}"
    );

    // Kolkata does not exist for them; the state level is not theirs to extend.
    expect_error(
        &app.gql(Some(&token), q, json!({ "id": t.kolkata["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&token), TREE, json!({ "r": t.kolkata["id"] }))
            .await,
        "NOT_FOUND",
    );
    let under_kolkata =
        json!({ "i": { "parentId": t.kolkata["id"], "kind": "SUB_DIVISION", "name": "Sadar" } });
    expect_error(
        &app.gql(Some(&token), CREATE_UNIT, under_kolkata).await,
        "NOT_FOUND",
    );
    let rename =
        json!({ "i": { "id": t.kolkata["id"], "expectedVersion": 1, "name": "Taken over" } });
    expect_error(
        &app.gql(Some(&token), UPDATE_UNIT, rename).await,
        "NOT_FOUND",
    );
    let top_level = json!({ "i": { "kind": "STATE", "name": "Another state" } });
    expect_error(
        &app.gql(Some(&token), CREATE_UNIT, top_level).await,
        "FORBIDDEN",
    );

    // Inside their district they may build and rename.
    create_unit(
        &app,
        &token,
        Some(&t.murshidabad["id"]),
        "SUB_DIVISION",
        "Berhampore",
        None,
    )
    .await;
    let ok = json!({ "i": { "id": t.lalbag["id"], "expectedVersion": 1, "name": "Lalbag Sadar" } });
    expect_data(&app.gql(Some(&token), UPDATE_UNIT, ok).await);

    // Other staff read the whole tree but cannot edit it.
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("dr.roy", json!([{ "role": "DOCTOR" }])),
        )
        .await,
    );
    let doctor = app
        .token(Some("WB"), "dr.roy", "a long enough password")
        .await;
    assert_eq!(
        names(
            &app.gql(Some(&doctor), TREE, json!({})).await,
            "adminUnitTree"
        )
        .len(),
        6
    );
    let body = app
        .gql(
            Some(&doctor),
            CREATE_UNIT,
            json!({ "i": { "parentId": t.lalbag["id"], "kind": "BLOCK", "name": "Nope" } }),
        )
        .await;
    expect_error(&body, "FORBIDDEN");
}

on_both_backends!(units_of_other_tenants_are_not_found);

async fn units_of_other_tenants_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let br = app.br_admin().await;
    let cases = [
        (
            "adminUnit",
            "query($u: ID!) { adminUnit(id: $u) { id } }",
            json!({ "u": t.kolkata["id"] }),
        ),
        (
            "adminUnitTree",
            "query($u: ID) { adminUnitTree(rootId: $u) { id } }",
            json!({ "u": t.kolkata["id"] }),
        ),
        (
            "createAdminUnit",
            CREATE_UNIT,
            json!({ "i": { "parentId": t.kolkata["id"], "kind": "SUB_DIVISION", "name": "Spy" } }),
        ),
        (
            "updateAdminUnit",
            UPDATE_UNIT,
            json!({ "i": { "id": t.kolkata["id"], "expectedVersion": 1, "name": "Spy" } }),
        ),
    ];
    for (what, q, vars) in cases {
        let body = app.gql(Some(&br), q, vars).await;
        assert_eq!(
            error_code(&body).as_deref(),
            Some("NOT_FOUND"),
            "{what}: {body}"
        );
    }
    // BR's own tree is empty; WB's is untouched.
    assert_eq!(
        names(&app.gql(Some(&br), TREE, json!({})).await, "adminUnitTree").len(),
        0
    );
    let k = app
        .gql(
            Some(&wb),
            "query($u: ID!) { adminUnit(id: $u) { name version } }",
            json!({ "u": t.kolkata["id"] }),
        )
        .await;
    assert_eq!(
        expect_data(&k)["adminUnit"],
        json!({ "name": "Kolkata", "version": 1 })
    );
}
