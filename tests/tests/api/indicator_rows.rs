//! The records behind a number: they add up to the number the indicators show, for
//! state and district administrators within their reach; a look is audited with the
//! patients shown; everyone else sees the aggregates only.

use super::indicators::{medicine_visits, two_stays_ended, visit, UPDATE};
use super::inpatient_support::Hospital;
use super::onboarding_support::district_admin;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Months, Utc};
use serde_json::{json, Value};

on_both_backends!(the_rows_behind_a_number_add_up_to_it);
on_both_backends!(a_district_official_opens_their_districts_number_a_month_at_a_time);

const ROWS: &str = "query($f: ID!, $from: String!, $to: String!, $m: IndicatorMeasure!, $d: String) { indicatorRows(facilityId: $f, from: $from, to: $to, measure: $m, department: $d) { facilityName total sum rows { kind healthId patientName department value } } }";
const TOTALS: &str = "query($f: ID!, $from: String!, $to: String!) { indicators(facilityId: $f, from: $from, to: $to) { totals { opdVisits referralsOut deaths inpatientDays admissions } } }";

async fn the_rows_behind_a_number_add_up_to_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    let p = c.patient(&app, "Asha", "98300 11111").await;
    let first = medicine_visits(&app, c, &p, 2).await.remove(0);
    visit(
        &app,
        &c.nurse,
        &p,
        &c.kolkata,
        Some("Paediatrics"),
        &c.doctor_id,
    )
    .await;
    expect_data(&app.gql(Some(&c.doctor), UPDATE, json!({ "i": { "id": first["id"], "expectedVersion": 1, "status": "FINISHED", "outcome": "REFERRED" } })).await);
    two_stays_ended(&app, &h).await;

    let today = (Utc::now() + Duration::minutes(330))
        .date_naive()
        .with_day(1)
        .unwrap();
    let (from, to) = (
        (today - Months::new(1)).format("%Y-%m").to_string(),
        today.format("%Y-%m").to_string(),
    );
    let rows = |token: String, m: &str, d: Option<&str>| {
        let (app, f, from, to) = (&app, c.kolkata["id"].clone(), from.clone(), to.clone());
        let m = m.to_owned();
        let d = d.map(str::to_owned);
        async move {
            app.gql(
                Some(&token),
                ROWS,
                json!({ "f": f, "from": from, "to": to, "m": m, "d": d }),
            )
            .await
        }
    };
    let totals = expect_data(
        &app.gql(
            Some(&c.wb),
            TOTALS,
            json!({ "f": c.kolkata["id"], "from": from, "to": to }),
        )
        .await,
    )["indicators"]["totals"]
        .clone();
    // Every measure's rows add up to the number shown.
    for (m, key) in [
        ("OPD_VISITS", "opdVisits"),
        ("REFERRALS_OUT", "referralsOut"),
        ("DEATHS", "deaths"),
        ("INPATIENT_DAYS", "inpatientDays"),
        ("ADMISSIONS", "admissions"),
    ] {
        let r = expect_data(&rows(c.wb.clone(), m, None).await)["indicatorRows"].clone();
        assert_eq!(r["sum"], totals[key], "{m}: {r}");
        let listed: i64 = r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["value"].as_i64().unwrap())
            .sum();
        assert_eq!(json!(listed), totals[key], "{m}");
    }
    let visits =
        expect_data(&rows(c.wb.clone(), "OPD_VISITS", None).await)["indicatorRows"].clone();
    assert_eq!(visits["total"], 3);
    assert_eq!(visits["facilityName"], "Kolkata DH");
    assert!(visits["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["kind"] == "VISIT" && r["healthId"] == p["healthId"]));
    let medicine = expect_data(&rows(c.wb.clone(), "OPD_VISITS", Some("Medicine")).await)
        ["indicatorRows"]
        .clone();
    assert_eq!(medicine["total"], 2);
    let deaths =
        expect_data(&rows(c.wb.clone(), "DEATHS", None).await)["indicatorRows"]["rows"].clone();
    assert_eq!(deaths.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            deaths[0]["kind"].clone(),
            deaths[0]["patientName"].clone(),
            deaths[0]["department"].clone()
        ),
        (json!("STAY"), json!("Chhaya Mondal"), json!("medicine"))
    );

    // The look is audited with the patients shown.
    let tid = app.tenant_id("WB").await;
    let audited = app
        .rows_in_tenant_with(
            &tid,
            "SELECT detail FROM audit_events WHERE action = 'indicator.rows'",
            vec![],
        )
        .await;
    assert_eq!(
        audited.len(),
        8,
        "five measures, then visits, medicine and deaths"
    );
    let detail: Value = audited[0].try_get("", "detail").unwrap();
    assert!(
        detail["healthIds"]
            .as_array()
            .unwrap()
            .contains(&p["healthId"]),
        "{detail}"
    );

    // A nurse sees the aggregates only; Murshidabad's administrator does not reach
    // Kolkata; another tenant finds nothing.
    expect_error(
        &rows(c.nurse.clone(), "OPD_VISITS", None).await,
        "FORBIDDEN",
    );
    let msd = district_admin(&app, &c.wb, "da.msd", &c.tree.murshidabad).await;
    expect_error(&rows(msd, "OPD_VISITS", None).await, "NOT_FOUND");
    let br = app.br_admin().await;
    expect_error(&rows(br, "OPD_VISITS", None).await, "NOT_FOUND");
    expect_error(
        &rows(c.wb.clone(), "OPD_VISITS", Some("dermatology")).await,
        "VALIDATION",
    );
}

const UNIT_ROWS: &str = "query($u: ID, $from: String!, $to: String!, $m: IndicatorMeasure!) { indicatorRows(unitId: $u, from: $from, to: $to, measure: $m) { placeName total sum rows { kind facilityName healthId value } } }";

async fn a_district_official_opens_their_districts_number_a_month_at_a_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    let p = c.patient(&app, "Asha", "98300 11111").await;
    // Two visits at Kolkata DH and one at Lalbag SDH (Murshidabad) this month.
    medicine_visits(&app, c, &p, 2).await;
    visit(
        &app,
        &c.lalbag_doctor,
        &p,
        &c.lalbag,
        Some("Medicine"),
        &c.lalbag_doctor_id,
    )
    .await;
    let month = (Utc::now() + Duration::minutes(330))
        .date_naive()
        .format("%Y-%m")
        .to_string();
    let kol = district_admin(&app, &c.wb, "da.kol", &c.tree.kolkata).await;
    let ask = |token: &str, unit: Value, from: &str, m: &str| {
        let v = json!({ "u": unit, "from": from, "to": month, "m": m });
        let (app, token) = (&app, token.to_owned());
        async move { app.gql(Some(&token), UNIT_ROWS, v).await }
    };
    // The district's number, opened: its two visits, each with its facility.
    let r = expect_data(&ask(&kol, c.tree.kolkata["id"].clone(), &month, "OPD_VISITS").await)
        ["indicatorRows"]
        .clone();
    let shown = expect_data(&app.gql(Some(&kol), "query($u: ID, $m: String!) { indicators(unitId: $u, from: $m, to: $m) { totals { opdVisits } } }", json!({ "u": c.tree.kolkata["id"], "m": month })).await)["indicators"]["totals"]["opdVisits"].clone();
    assert_eq!(r["sum"], shown);
    assert_eq!(r["total"], 2);
    assert_eq!(r["placeName"], "Kolkata");
    assert!(r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["facilityName"] == "Kolkata DH" && x["healthId"] == p["healthId"]));
    // With no place: the official's whole reach, their district.
    let mine =
        expect_data(&ask(&kol, Value::Null, &month, "OPD_VISITS").await)["indicatorRows"].clone();
    assert_eq!(mine["total"], 2);
    // The state's administrator opens the state's: all three.
    let all =
        expect_data(&ask(&c.wb, Value::Null, &month, "OPD_VISITS").await)["indicatorRows"].clone();
    assert_eq!(all["total"], 3);
    // One month at a time above a facility; another district is out of reach.
    let earlier = (Utc::now() + Duration::minutes(330) - Duration::days(40))
        .date_naive()
        .format("%Y-%m")
        .to_string();
    let two = ask(&kol, c.tree.kolkata["id"].clone(), &earlier, "OPD_VISITS").await;
    assert_eq!(
        expect_error(&two, "VALIDATION")["extensions"]["field"],
        "to"
    );
    // Asha gave no address: her registration is the state's, not Kolkata's.
    let reg = expect_data(&ask(&kol, c.tree.kolkata["id"].clone(), &month, "REGISTRATIONS").await)
        ["indicatorRows"]
        .clone();
    assert_eq!(
        (reg["total"].clone(), reg["sum"].clone()),
        (json!(0), json!(0))
    );
    expect_error(
        &ask(&kol, c.tree.murshidabad["id"].clone(), &month, "OPD_VISITS").await,
        "NOT_FOUND",
    );
    // Each look is audited against the unit.
    let tid = app.tenant_id("WB").await;
    let audited = app
        .rows_in_tenant_with(
            &tid,
            "SELECT entity_type FROM audit_events WHERE action = 'indicator.rows'",
            vec![],
        )
        .await;
    assert_eq!(audited.len(), 4);
    assert!(audited
        .iter()
        .all(|a| a.try_get::<String>("", "entity_type").unwrap() == "unit"));
}
