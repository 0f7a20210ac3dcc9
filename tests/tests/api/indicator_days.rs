//! The indicators day by day and week by week: the same counts as the months, put on
//! the days they happened (India's calendar), summed into weeks that begin on Monday.

use super::indicators::{medicine_visits, two_stays_ended};
use super::inpatient_support::Hospital;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(days_and_weeks_count_what_happened_on_them);

const DAYS: &str = "query($f: ID, $from: NaiveDate!, $to: NaiveDate!, $w: Boolean) { indicatorDays(facilityId: $f, from: $from, to: $to, weekly: $w) { placeName weekly points { day figures { opdVisits admissions discharges deaths days } } } }";

fn total(points: &Value, key: &str) -> i64 {
    points
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["figures"][key].as_i64().unwrap())
        .sum()
}

async fn days_and_weeks_count_what_happened_on_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    let p = c.patient(&app, "Asha", "98300 11111").await;
    medicine_visits(&app, c, &p, 3).await;
    // Admitted three and two days ago, both discharged today (one by death).
    two_stays_ended(&app, &h).await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let from = today - Duration::days(13);
    let daily = expect_data(
        &app.gql(
            Some(&c.wb),
            DAYS,
            json!({ "f": c.kolkata["id"], "from": from, "to": today }),
        )
        .await,
    )["indicatorDays"]
        .clone();
    assert_eq!(daily["placeName"], "Kolkata DH");
    let points = daily["points"].clone();
    assert_eq!(points.as_array().unwrap().len(), 14, "every day present");
    let on = |d: chrono::NaiveDate| {
        points
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["day"] == d.to_string())
            .unwrap()["figures"]
            .clone()
    };
    // Today: the three visits and the two discharges, one a death.
    assert_eq!(
        on(today),
        json!({ "opdVisits": 3, "admissions": 0, "discharges": 2, "deaths": 1, "days": 1 })
    );
    // Each admission on its own day (the admissions were made at this hour, days ago).
    let admitted =
        |n: i64| ((Utc::now() - Duration::days(n)) + Duration::minutes(330)).date_naive();
    assert_eq!(on(admitted(3))["admissions"], 1);
    assert_eq!(on(admitted(2))["admissions"], 1);
    assert_eq!(total(&points, "admissions"), 2);

    // Week by week: the same totals; weeks begin on Monday, the first cut by the range.
    let weekly = expect_data(
        &app.gql(
            Some(&c.wb),
            DAYS,
            json!({ "f": c.kolkata["id"], "from": from, "to": today, "w": true }),
        )
        .await,
    )["indicatorDays"]
        .clone();
    let weeks = weekly["points"].clone();
    for key in ["opdVisits", "admissions", "discharges", "deaths"] {
        assert_eq!(total(&weeks, key), total(&points, key), "{key}");
    }
    assert_eq!(total(&weeks, "days"), 14);
    for w in weeks.as_array().unwrap().iter().skip(1) {
        let d = chrono::NaiveDate::parse_from_str(w["day"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(d.weekday(), chrono::Weekday::Mon);
    }

    // Refused: more than 92 days, days to come; another tenant finds nothing.
    let long = json!({ "f": c.kolkata["id"], "from": today - Duration::days(92), "to": today });
    expect_error(&app.gql(Some(&c.wb), DAYS, long).await, "VALIDATION");
    let ahead = json!({ "f": c.kolkata["id"], "from": today, "to": today + Duration::days(1) });
    expect_error(&app.gql(Some(&c.wb), DAYS, ahead).await, "VALIDATION");
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            DAYS,
            json!({ "f": c.kolkata["id"], "from": from, "to": today }),
        )
        .await,
        "NOT_FOUND",
    );
}
