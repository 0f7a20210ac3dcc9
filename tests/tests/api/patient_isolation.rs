//! Another tenant's patients answer NOT_FOUND, exactly like missing ones, through
//! every patient operation.

use super::patients::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(patients_of_other_tenants_are_not_found);

async fn patients_of_other_tenants_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let br = app.br_admin().await;
    let p = register(
        &app,
        &wb,
        person("Rina", "Ghosh", 25, Some("9123456780")),
        false,
    )
    .await["patient"]
        .clone();
    let card =
        expect_data(&app.gql(Some(&wb), ISSUE, json!({ "p": p["id"] })).await)["issueCard"].clone();
    let body = app
        .gql(Some(&br), BY_HID, json!({ "h": p["healthId"] }))
        .await;
    let ext = expect_error(&body, "NOT_FOUND");
    assert!(
        body.to_string().contains("issued by tenant WB"),
        "{body} {ext}"
    );
    expect_error(
        &app.gql(
            Some(&br),
            "query($id: ID!) { patient(id: $id) { id } }",
            json!({ "id": p["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    let found = expect_data(
        &app.gql(Some(&br), SEARCH, json!({ "i": { "phone": "9123456780" } }))
            .await,
    );
    assert_eq!(found["searchPatients"], json!([]));
    expect_error(
        &app.gql(
            Some(&br),
            "mutation($c: ID!) { revokeCard(cardId: $c, reason: \"x\") { id } }",
            json!({ "c": card["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), ISSUE, json!({ "p": p["id"] })).await,
        "NOT_FOUND",
    );
    let resp = reqwest::Client::new()
        .get(app.url(&format!("/cards/{}.pdf", p["healthId"].as_str().unwrap())))
        .bearer_auth(&br)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    if backend == Backend::Postgres {
        let db = app.app_role_db().await;
        let br_id = expect_data(
            &app.gql(Some(&br), "{ me { tenant { id } } }", json!({}))
                .await,
        )["me"]["tenant"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let wb_id = expect_data(
            &app.gql(Some(&wb), "{ me { tenant { id } } }", json!({}))
                .await,
        )["me"]["tenant"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        for table in ["patients", "patient_cards"] {
            assert_eq!(
                super::rls::in_tenant(&db, &br_id, table).await,
                0,
                "{table}"
            );
            assert_eq!(
                super::rls::in_tenant(&db, &wb_id, table).await,
                1,
                "{table}"
            );
        }
    }
}
