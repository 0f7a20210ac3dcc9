//! The monthly indicators report (PDF): the month's figures and the twelve months'
//! totals for a facility, as the roll-ups count them; a place out of reach is not
//! found, a wrong month is refused. Recipients named by the state get last month's
//! figures by e-mail through the outbox, once.

use super::indicators::admit_at;
use super::indicators::medicine_visits;
use super::inpatient_support::Hospital;
use super::onboarding_support::district_admin;
use arogya_tests::{expect_data, expect_error, Backend, Store, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::json;

on_both_backends!(
    a_facility_prints_its_monthly_report,
    recipients_get_last_months_report_once
);

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
    medicine_visits(&app, c, &p, 3).await;
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
    let msd = district_admin(&app, &c.wb, "da.msd", &c.tree.murshidabad).await;
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

/// The monthly reports queued in the outbox: (to, subject, body), by address.
async fn mails(app: &TestApp, tid: &str) -> Vec<(String, String, String)> {
    app.rows_in_tenant_with(tid, "SELECT destination, subject, body FROM notification_outbox WHERE subject LIKE 'Monthly report%' ORDER BY destination", vec![])
        .await
        .iter()
        .map(|r| (r.try_get::<String>("", "destination").unwrap(), r.try_get::<String>("", "subject").unwrap(), r.try_get::<String>("", "body").unwrap()))
        .collect()
}

const ADD: &str = "mutation($i: AddReportRecipientInput!) { addReportRecipient(input: $i) { id email place facilityId } }";
const LIST: &str = "{ reportRecipients { id email place } }";
const REMOVE: &str = "mutation($id: ID!) { removeReportRecipient(id: $id) }";

async fn recipients_get_last_months_report_once(backend: Backend) {
    // The maintenance job runs every second: it queues the reports.
    let app = TestApp::spawn_store(backend, Store::Fs, |c| c.maintenance_interval_secs = 1).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    // A stay begun last month (three days before this month began).
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let ago = Duration::days(today.day() as i64 + 3);
    admit_at(
        &app,
        &h,
        "Bina",
        "98300 22222",
        &h.beds[0],
        Utc::now() - ago,
    )
    .await;
    let last_month = today.with_day(1).unwrap() - chrono::Months::new(1);

    // State administrators choose the recipients; addresses and places are checked.
    let kdh = c.kolkata["id"].clone();
    let input =
        |email: &str, f: &serde_json::Value| json!({ "i": { "email": email, "facilityId": f } });
    expect_error(
        &app.gql(Some(&c.nurse), ADD, input("dho@wb.gov.in", &kdh))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(Some(&c.wb), ADD, input("not an address", &kdh))
            .await,
        "VALIDATION",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), ADD, input("dho@br.gov.in", &kdh)).await,
        "NOT_FOUND",
    );
    let added = expect_data(
        &app.gql(Some(&c.wb), ADD, input("DHO.Kolkata@wb.gov.in", &kdh))
            .await,
    )["addReportRecipient"]
        .clone();
    assert_eq!(
        (added["email"].clone(), added["place"].clone()),
        (json!("dho.kolkata@wb.gov.in"), json!("Kolkata DH"))
    );
    let whole = expect_data(
        &app.gql(
            Some(&c.wb),
            ADD,
            json!({ "i": { "email": "sho@wb.gov.in" } }),
        )
        .await,
    )["addReportRecipient"]
        .clone();

    // The job queues one e-mail each, with last month's figures and the report's address.
    let tid = app.tenant_id("WB").await;
    let subject = format!("Monthly report, {}: Kolkata DH", last_month.format("%B %Y"));
    let mut sent = Vec::new();
    for _ in 0..100 {
        sent = mails(&app, &tid).await;
        if sent.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    assert_eq!(sent.len(), 2, "{sent:?}");
    let (to, subj, body) = &sent[0];
    assert_eq!(
        (to.as_str(), subj.as_str()),
        ("dho.kolkata@wb.gov.in", subject.as_str())
    );
    assert!(body.contains("Admissions: 1\n"), "{body}");
    assert!(
        body.contains(&format!(
            "/dashboards/report.pdf?month={}&facility={}",
            last_month.format("%Y-%m"),
            kdh.as_str().unwrap()
        )),
        "{body}"
    );
    assert_eq!(sent[1].0, "sho@wb.gov.in");
    // Later rounds send nothing more.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(
        mails(&app, &tid).await.len(),
        2,
        "each recipient gets the month once"
    );

    // The list, and removing (kept, but no longer listed).
    let list =
        expect_data(&app.gql(Some(&c.wb), LIST, json!({})).await)["reportRecipients"].clone();
    assert_eq!(list.as_array().unwrap().len(), 2);
    expect_error(&app.gql(Some(&c.nurse), LIST, json!({})).await, "FORBIDDEN");
    expect_data(
        &app.gql(Some(&c.wb), REMOVE, json!({ "id": whole["id"] }))
            .await,
    );
    expect_error(
        &app.gql(Some(&c.wb), REMOVE, json!({ "id": whole["id"] }))
            .await,
        "NOT_FOUND",
    );
    let list =
        expect_data(&app.gql(Some(&c.wb), LIST, json!({})).await)["reportRecipients"].clone();
    assert_eq!(
        list,
        json!([{ "id": added["id"], "email": "dho.kolkata@wb.gov.in", "place": "Kolkata DH" }])
    );
    // Another tenant neither sees nor removes them.
    assert_eq!(
        expect_data(&app.gql(Some(&br), LIST, json!({})).await)["reportRecipients"],
        json!([])
    );
    expect_error(
        &app.gql(Some(&br), REMOVE, json!({ "id": added["id"] }))
            .await,
        "NOT_FOUND",
    );
}
