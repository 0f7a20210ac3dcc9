//! Weekly reporting: facilities send their week (nil reports included), on time or
//! late; completeness and timeliness per place and week; the weekly S/P/L forms as
//! data, CSV and PDF, small counts hidden from administrators.

use super::cards::pdf_text;
use super::facilities::{create_facility, facility};
use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, REPORT};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(facilities_send_their_week_and_the_forms_add_up);

const SEND: &str = "mutation($f: ID!, $w: String!, $n: String) { sendWeeklyReport(facilityId: $f, week: $w, note: $n) { facilityName week firstSentAt lastSentAt cases nilReport onTime version } }";
const REPORTING: &str = "query($u: ID, $f: String!, $t: String!) { surveillanceReporting(unitId: $u, from: $f, to: $t) { week expected reported onTime completeness timeliness units { facilityName sentAt onTime } } }";
const FORM: &str = "query($u: ID, $w: String!, $l: ReportingLevel!) { weeklyForm(unitId: $u, week: $w, level: $l) { place week level ageGroups lines { condition byAge total deaths } expected reported onTime } }";

fn week_of(days_ago: i64) -> String {
    let d = (Utc::now() + Duration::minutes(330)).date_naive() - Duration::days(days_ago);
    let w = d.iso_week();
    format!("{}W{}", w.year(), w.week())
}

async fn send(app: &TestApp, token: &str, facility: &Value, week: &str) -> Value {
    app.gql(
        Some(token),
        SEND,
        json!({ "f": facility, "w": week, "n": "no fever cases" }),
    )
    .await
}

async fn form(app: &TestApp, token: &str, unit: &Value, week: &str, level: &str) -> Value {
    app.gql(
        Some(token),
        FORM,
        json!({ "u": unit, "w": week, "l": level }),
    )
    .await
}

async fn get(app: &TestApp, path: &str, token: &str) -> (u16, Vec<u8>) {
    let r = app
        .http
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.bytes().await.unwrap().to_vec())
}

async fn facilities_send_their_week_and_the_forms_add_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let jiaganj = create_facility(
        &app,
        &c.wb,
        facility(
            "Jiaganj SDH",
            "SUB_DIVISIONAL_HOSPITAL",
            &c.tree.block["id"],
        ),
    )
    .await;
    let mut closed = facility(
        "Old Lalbag Dispensary",
        "SUB_DIVISIONAL_HOSPITAL",
        &c.tree.block["id"],
    );
    closed["operationalStatus"] = json!("CLOSED");
    create_facility(&app, &c.wb, closed).await;
    let nurse_grant = json!([{ "role": "NURSE", "facilityId": c.lalbag["id"] }]);
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            new_user("nurse.lalbag", nurse_grant),
        )
        .await,
    );
    let nurse = app
        .token(Some("WB"), "nurse.lalbag", "a long enough password")
        .await;
    let dso = officer(&app, &c.wb, "dso.report", Some(&c.tree.murshidabad["id"])).await;
    let (this, last, before) = (week_of(0), week_of(7), week_of(14));

    // The nurse sends Lalbag's week: a nil report, on time; again, a correction that
    // keeps the first time.
    let first =
        expect_data(&send(&app, &nurse, &c.lalbag["id"], &this).await)["sendWeeklyReport"].clone();
    assert_eq!(
        (
            first["nilReport"].as_bool(),
            first["onTime"].as_bool(),
            first["cases"].as_i64()
        ),
        (Some(true), Some(true), Some(0))
    );
    let again =
        expect_data(&send(&app, &nurse, &c.lalbag["id"], &this).await)["sendWeeklyReport"].clone();
    assert_eq!(again["version"], 2);
    assert_eq!(again["firstSentAt"], first["firstSentAt"]);
    // The nurse's screen lists her facility only, sent.
    let mine = expect_data(
        &app.gql(
            Some(&nurse),
            "query($w: String!) { myReportingFacilities(week: $w) { facilityName sentAt onTime } }",
            json!({ "w": this }),
        )
        .await,
    );
    let mine = mine["myReportingFacilities"].as_array().unwrap().clone();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(
        (
            mine[0]["facilityName"].as_str(),
            mine[0]["onTime"].as_bool()
        ),
        (Some("Lalbag SDH"), Some(true))
    );
    // The district officer sends a week two weeks old for it: late.
    let late =
        expect_data(&send(&app, &dso, &c.lalbag["id"], &before).await)["sendWeeklyReport"].clone();
    assert_eq!(late["onTime"], false);
    // Not for a week to come; not for another facility; not by others.
    let r = send(&app, &nurse, &c.lalbag["id"], &week_of(-7)).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "week"
    );
    expect_error(
        &send(&app, &nurse, &jiaganj["id"], &this).await,
        "FORBIDDEN",
    );
    let kolkata_officer = officer(&app, &c.wb, "dso.kol.rep", Some(&c.tree.kolkata["id"])).await;
    expect_error(
        &send(&app, &kolkata_officer, &c.lalbag["id"], &this).await,
        "FORBIDDEN",
    );
    let pharmacist = staff_token(&app, &c.wb, "pharm.rep", "PHARMACIST").await;
    expect_error(
        &send(&app, &pharmacist, &c.lalbag["id"], &this).await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    expect_error(&send(&app, &br, &c.lalbag["id"], &this).await, "NOT_FOUND");

    // Murshidabad expects two operational facilities (the closed one is not expected).
    let rep = expect_data(
        &app.gql(
            Some(&dso),
            REPORTING,
            json!({ "u": c.tree.murshidabad["id"], "f": before, "t": this }),
        )
        .await,
    )["surveillanceReporting"]
        .clone();
    let weeks: Vec<(String, i64, i64, i64)> = rep
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["week"].as_str().unwrap().to_owned(),
                w["expected"].as_i64().unwrap(),
                w["reported"].as_i64().unwrap(),
                w["onTime"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        weeks,
        vec![
            (before.clone(), 2, 1, 0),
            (last.clone(), 2, 0, 0),
            (this.clone(), 2, 1, 1)
        ]
    );
    assert_eq!(
        (
            rep[2]["completeness"].as_i64(),
            rep[2]["timeliness"].as_i64()
        ),
        (Some(50), Some(50))
    );
    let silent: Vec<&str> = rep[2]["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["sentAt"].is_null())
        .map(|u| u["facilityName"].as_str().unwrap())
        .collect();
    assert_eq!(silent, ["Jiaganj SDH"], "which facility sent nothing");

    // The S form: two cholera cases from the field this week, by age group; the P form
    // has them at zero. Exact for the officer, "<5" for a district administrator.
    let worker = staff_token(&app, &c.wb, "asha.rep", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    for (name, age) in [("Kalu Sk", 3), ("Rina Bibi", 30)] {
        expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "CHOLERA", "unitId": c.tree.block["id"], "village": "Char Lalbag", "name": name, "ageYears": age, "sex": "female", "symptoms": "rice-water stools", "onsetDate": today.to_string() } })).await);
    }
    let district = c.tree.murshidabad["id"].clone();
    let s = expect_data(&form(&app, &dso, &district, &this, "S").await)["weeklyForm"].clone();
    let cholera = s["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["condition"] == "CHOLERA")
        .unwrap()
        .clone();
    assert_eq!(cholera["byAge"], json!(["1", "0", "1", "0", "0", "0"]));
    assert_eq!(cholera["total"], "2");
    assert_eq!(
        s["lines"].as_array().unwrap().len(),
        15,
        "every condition is a line"
    );
    assert_eq!(
        (s["expected"].as_i64(), s["reported"].as_i64()),
        (Some(2), Some(1))
    );
    let p = expect_data(&form(&app, &dso, &district, &this, "P").await)["weeklyForm"].clone();
    let cholera_p = p["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["condition"] == "CHOLERA")
        .unwrap()
        .clone();
    assert_eq!(cholera_p["total"], "0");
    let da = scoped(
        &app,
        &c.wb,
        "da.rep",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    let hidden = expect_data(&form(&app, &da, &district, &this, "S").await)["weeklyForm"].clone();
    let cholera_da = hidden["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["condition"] == "CHOLERA")
        .unwrap()
        .clone();
    assert_eq!(cholera_da["total"], "<5");
    expect_error(
        &form(&app, &kolkata_officer, &district, &this, "S").await,
        "NOT_FOUND",
    );

    // As CSV and as a PDF to sign.
    let q = format!(
        "week={this}&level=S&unit={}",
        c.tree.murshidabad["id"].as_str().unwrap()
    );
    let (status, csv) = get(&app, &format!("/surveillance/weekly-form.csv?{q}"), &dso).await;
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("place,week,level,condition,condition_name,age_0-4"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",S,CHOLERA,") && l.ends_with(",1,0,1,0,0,0,2,0")),
        "{csv}"
    );
    let (status, pdf) = get(&app, &format!("/surveillance/weekly-form.pdf?{q}"), &dso).await;
    assert_eq!(status, 200);
    let text = pdf_text(&pdf);
    assert!(text.contains("IDSP weekly form S"), "{text}");
    assert!(text.contains("Cholera (CHOLERA)"), "{text}");
    assert!(text.contains("1 of 2 reporting units"), "{text}");
    let (status, _) = get(
        &app,
        &format!("/surveillance/weekly-form.pdf?week={this}&level=X"),
        &dso,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        get(&app, &format!("/surveillance/weekly-form.csv?{q}"), &worker)
            .await
            .0,
        403
    );
}
