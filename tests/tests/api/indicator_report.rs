//! The monthly indicators report (PDF): the month's figures and the twelve months'
//! totals for a facility, as the roll-ups count them; a place out of reach is not
//! found, a wrong month is refused.

use super::indicators::visit;
use super::inpatient_support::Hospital;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::json;

on_both_backends!(a_facility_prints_its_monthly_report);

/// The PDF's text laid out as printed (poppler's -layout), to read a row across.
fn layout_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("report-{}.pdf", uuid::Uuid::now_v7()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success(), "the PDF parses");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn a_facility_prints_its_monthly_report(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    let p = c.patient(&app, "Asha", "98300 11111").await;
    for _ in 0..3 {
        visit(
            &app,
            &c.nurse,
            &p,
            &c.kolkata,
            Some("Medicine"),
            &c.doctor_id,
        )
        .await;
    }
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let month = today.format("%Y-%m").to_string();
    let http = reqwest::Client::new();
    let get = |query: String, token: Option<String>| {
        let req = http.get(app.url(&format!("/dashboards/report.pdf?{query}")));
        match token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
        .send()
    };
    let kdh = c.kolkata["id"].as_str().unwrap().to_owned();
    let resp = get(format!("month={month}&facility={kdh}"), Some(c.wb.clone()))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let text = layout_text(&resp.bytes().await.unwrap());
    assert!(
        text.contains(&format!("Monthly report: {}", today.format("%B %Y"))),
        "{text}"
    );
    assert!(text.contains("Kolkata DH"));
    // Three visits this month, three over the twelve months.
    // (The first page's row of figures; the chart's title starts with the same words.)
    let row: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .find(|w| w.len() >= 4 && w[..2] == ["Outpatient", "visits"] && w[2].parse::<i64>().is_ok())
        .unwrap_or_else(|| panic!("a row of visits in {text}"));
    assert_eq!(row[2..4], ["3", "3"]);
    // Every month of the twelve has its line in the table.
    let first = today.with_day0(0).unwrap() - chrono::Months::new(11);
    assert!(text.contains(&first.format("%b %Y").to_string()), "{text}");

    // Refused: no token, a wrong month, a place out of reach, another tenant.
    assert_eq!(
        get(format!("month={month}"), None).await.unwrap().status(),
        401
    );
    assert_eq!(
        get("month=2026-13".into(), Some(c.wb.clone()))
            .await
            .unwrap()
            .status(),
        400
    );
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            new_user(
                "da.msd",
                json!([{ "role": "DISTRICT_ADMIN", "unitId": c.tree.murshidabad["id"] }]),
            ),
        )
        .await,
    );
    let msd = app
        .token(Some("WB"), "da.msd", "a long enough password")
        .await;
    assert_eq!(
        get(format!("month={month}&facility={kdh}"), Some(msd.clone()))
            .await
            .unwrap()
            .status(),
        404
    );
    let own = get(format!("month={month}"), Some(msd)).await.unwrap();
    assert_eq!(own.status(), 200, "their own district prints");
    let br = app.br_admin().await;
    assert_eq!(
        get(format!("month={month}&facility={kdh}"), Some(br))
            .await
            .unwrap()
            .status(),
        404
    );
}
