//! Surveillance exports: the line list as CSV for surveillance officers (names quoted,
//! never read as formulas, the read audited); nobody else gets it.

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, REPORT};
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::json;

on_both_backends!(the_line_list_downloads_as_csv_for_officers_only);

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> (u16, String) {
    let mut r = app.http.get(app.url(path));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

async fn the_line_list_downloads_as_csv_for_officers_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let worker = staff_token(&app, &c.wb, "asha.csv", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    for name in ["Das, Rina", "=HYPERLINK(\"x\")"] {
        expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "TYPHOID", "unitId": c.tree.block["id"], "village": "Lalbag \"old\" town", "name": name, "ageYears": 19, "sex": "female", "symptoms": "fever for a week", "onsetDate": today.to_string() } })).await);
    }
    let w = today.iso_week();
    let wk = format!("{}W{}", w.year(), w.week());
    let path = format!("/surveillance/line-list.csv?from={wk}&to={wk}&condition=TYPHOID");
    let dso = officer(&app, &c.wb, "dso.csv", Some(&c.tree.murshidabad["id"])).await;
    let (status, body) = get(&app, &path, Some(&dso)).await;
    assert_eq!(status, 200, "{body}");
    let lines: Vec<&str> = body.lines().collect();
    assert!(
        lines[0].starts_with("case_id,condition,level,classification,outcome,onset_date,epi_week")
    );
    assert_eq!(lines.len(), 3, "{body}");
    assert!(
        body.contains(",\"Das, Rina\","),
        "a comma is quoted: {body}"
    );
    assert!(
        body.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "a formula is defused: {body}"
    );
    assert!(
        body.contains("\"Lalbag \"\"old\"\" town\""),
        "quotes are doubled: {body}"
    );
    // The download is audited like the list on screen.
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let audited = app
        .rows_in_tenant_with(&tid, "SELECT COUNT(*) AS n FROM audit_events WHERE tenant_id = $1 AND action = 'surveillance.line_list'", vec![tenant.into()])
        .await;
    assert_eq!(audited[0].try_get::<i64>("", "n").unwrap(), 1);
    // Administrators, other districts' officers, other tenants and strangers get none.
    let admin = scoped(
        &app,
        &c.wb,
        "da.csv",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    assert_eq!(get(&app, &path, Some(&admin)).await.0, 403);
    let kolkata = officer(&app, &c.wb, "dso.csv.k", Some(&c.tree.kolkata["id"])).await;
    let (status, body) = get(&app, &path, Some(&kolkata)).await;
    assert_eq!(
        (status, body.lines().count()),
        (200, 1),
        "only the header: {body}"
    );
    let br = app.br_admin().await;
    assert_eq!(get(&app, &path, Some(&br)).await.0, 403);
    assert_eq!(get(&app, &path, None).await.0, 401);
    assert_eq!(
        get(
            &app,
            "/surveillance/line-list.csv?from=49&to=2026W49",
            Some(&dso)
        )
        .await
        .0,
        400
    );
}
