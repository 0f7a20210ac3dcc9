//! The midnight census and occupancy history, black-box: a day's movements are
//! counted from bed assignments (admitted, moved, discharged, died) and balance; the
//! day's bed snapshot feeds the history with length of stay and turnover; the day
//! boundary is India's midnight.

use super::inpatient_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};

const CENSUS: &str = "query($w: ID!, $f: NaiveDate!, $t: NaiveDate!) { wardCensus(wardId: $w, from: $f, to: $t) { day opening admitted transferredIn transferredOut discharged died closing } }";
const HISTORY: &str = "query($f: NaiveDate!, $t: NaiveDate!, $fac: ID) { occupancyHistory(facilityId: $fac, from: $f, to: $t) { discharges averageLengthOfStayDays bedTurnover days { day bedType total occupied } } }";
const RECOUNT: &str = "mutation($d: NaiveDate!) { recountCensus(day: $d) }";

/// `hh:mm` India time on `day`, as RFC 3339.
fn ist(day: NaiveDate, h: u32, m: u32) -> String {
    let t = chrono::FixedOffset::east_opt(5 * 3600 + 1800)
        .unwrap()
        .from_local_datetime(&day.and_hms_opt(h, m, 0).unwrap())
        .unwrap();
    t.with_timezone(&Utc).to_rfc3339()
}

on_both_backends!(a_days_census_balances_and_feeds_the_history);

async fn a_days_census_balances_and_feeds_the_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let day = today - Duration::days(2);
    let admit_at = |p: &Value, bed: &Value, at: String| {
        let mut i = h.admission(p, bed);
        i["i"]["admittedAt"] = json!(at);
        i
    };
    // A: admitted the day before, discharged on the day at 10:00.
    let pa = h.c.patient(&app, "Anima", "9830017001").await;
    let a = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            ADMIT,
            admit_at(&pa, &h.beds[0], ist(day - Duration::days(1), 9, 0)),
        )
        .await,
    )["admitPatient"]
        .clone();
    // B: admitted on the day at 23:59 India time (the day's last minute).
    let pb = h.c.patient(&app, "Bithika", "9830017002").await;
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            ADMIT,
            admit_at(&pb, &h.beds[1], ist(day, 23, 59)),
        )
        .await,
    );
    // C: admitted the next day at 00:01: not this day's.
    let pc = h.c.patient(&app, "Chandana", "9830017003").await;
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            ADMIT,
            admit_at(&pc, &h.beds[2], ist(day + Duration::days(1), 0, 1)),
        )
        .await,
    );
    let out = json!({ "i": { "admissionId": a["id"], "expectedVersion": a["version"], "outcome": "RECOVERED", "dischargedAt": ist(day, 10, 0) } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, out).await);

    // Only administrators recount; a future day is refused.
    expect_error(
        &app.gql(Some(&h.c.nurse), RECOUNT, json!({ "d": day.to_string() }))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&h.c.wb),
            RECOUNT,
            json!({ "d": (today + Duration::days(1)).to_string() }),
        )
        .await,
        "VALIDATION",
    );
    for d in [day, day + Duration::days(1)] {
        assert_eq!(
            expect_data(
                &app.gql(Some(&h.c.wb), RECOUNT, json!({ "d": d.to_string() }))
                    .await
            )["recountCensus"],
            2
        );
    }
    let census = expect_data(&app.gql(Some(&h.c.nurse), CENSUS, json!({ "w": h.ward["id"], "f": day.to_string(), "t": (day + Duration::days(1)).to_string() })).await)["wardCensus"].clone();
    assert_eq!(
        census[0],
        json!({ "day": day.to_string(), "opening": 1, "admitted": 1, "transferredIn": 0, "transferredOut": 0, "discharged": 1, "died": 0, "closing": 1 })
    );
    assert_eq!(
        (
            census[1]["opening"].as_i64(),
            census[1]["admitted"].as_i64(),
            census[1]["closing"].as_i64()
        ),
        (Some(1), Some(1), Some(2))
    );

    // The day's snapshot: 1 of 4 general beds occupied at its end; one stay of two days ended.
    let hist = expect_data(
        &app.gql(
            Some(&h.c.wb),
            HISTORY,
            json!({ "f": day.to_string(), "t": day.to_string(), "fac": h.c.kolkata["id"] }),
        )
        .await,
    )["occupancyHistory"]
        .clone();
    let general = hist["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["bedType"] == "GENERAL")
        .unwrap()
        .clone();
    assert_eq!(
        (general["total"].as_i64(), general["occupied"].as_i64()),
        (Some(4), Some(1)),
        "{hist}"
    );
    assert_eq!(
        (
            hist["discharges"].as_i64(),
            hist["averageLengthOfStayDays"].as_f64()
        ),
        (Some(1), Some(2.0)),
        "{hist}"
    );
    // 1 discharge over 6 beds.
    assert_eq!(hist["bedTurnover"].as_f64(), Some(0.17));
    // The district's history (from the district rollup) and the state's say the same.
    let by_unit = "query($f: NaiveDate!, $t: NaiveDate!, $u: ID) { occupancyHistory(unitId: $u, from: $f, to: $t) { discharges days { bedType total occupied } } }";
    for unit in [h.c.tree.kolkata["id"].clone(), serde_json::Value::Null] {
        let d = expect_data(
            &app.gql(
                Some(&h.c.wb),
                by_unit,
                json!({ "f": day.to_string(), "t": day.to_string(), "u": unit }),
            )
            .await,
        )["occupancyHistory"]
            .clone();
        let g = d["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["bedType"] == "GENERAL")
            .unwrap()
            .clone();
        assert_eq!(
            (
                g["total"].as_i64(),
                g["occupied"].as_i64(),
                d["discharges"].as_i64()
            ),
            (Some(4), Some(1), Some(1)),
            "{d}"
        );
    }
    // Other tenants see nothing of it.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            CENSUS,
            json!({ "w": h.ward["id"], "f": day.to_string(), "t": day.to_string() }),
        )
        .await,
        "NOT_FOUND",
    );
}
