//! The equipment register ("300 bought, 300 more ordered" as a query) with status
//! history and ventilators counted against ventilator beds; and the daily oxygen
//! roll-up, in GraphQL and as CSV.

use super::facilities::{create_facility, facility};
use super::oxygen::Plant;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

const ORDER: &str = "mutation($i: EquipmentOrderInput!) { placeEquipmentOrder(input: $i) { id quantity received outstanding } }";
const REGISTER: &str = "mutation($f: ID!, $i: EquipmentInput!) { registerEquipment(facilityId: $f, input: $i) { id status version } }";
const CHANGE: &str = "mutation($id: ID!, $v: Int!, $s: EquipmentStatus!, $m: NaiveDate, $n: String) { changeEquipmentStatus(id: $id, expectedVersion: $v, status: $s, maintainedOn: $m, note: $n) { id status lastMaintenanceOn version } }";
const ORDERS: &str = "query { equipmentOrders { id kind supplier quantity received outstanding } }";
const REGISTERED: &str = "query($f: ID!) { equipment(facilityId: $f) { serialNumber kind status history { status note } } }";
const BY_DISTRICT: &str = "query { equipmentByDistrict { name ventilatorBeds ventilatorsFunctional kinds { kind functional underRepair condemned } } }";
const DAILY: &str = "query($f: ID, $from: NaiveDate!, $to: NaiveDate!) { oxygenDaily(facilityId: $f, from: $from, to: $to) { day facilities reported stockNm3 consumptionNm3 receivedNm3 atRisk } }";

fn item(kind: &str, serial: &str, order: Option<&Value>) -> Value {
    json!({ "kind": kind, "make": "Fisher & Paykel", "model": "Airvo 2", "serialNumber": serial, "source": "PROCURED", "installedOn": "2026-05-01", "orderId": order.map(|o| o["id"].clone()) })
}

async fn ordered_equipment_arrives_against_its_order_and_keeps_its_history(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let wb = &p.h.c.wb;
    let order = json!({ "i": { "kind": "HFNC", "supplier": "Fisher & Paykel India", "quantity": 2, "orderedOn": "2026-06-01", "expectedOn": "2026-07-01", "reference": "WB/HFNC/300" } });
    expect_error(
        &app.gql(Some(&p.officer), ORDER, order.clone()).await,
        "FORBIDDEN",
    );
    let o = expect_data(&app.gql(Some(wb), ORDER, order).await)["placeEquipmentOrder"].clone();
    assert_eq!(o["outstanding"], 2);
    let f = &p.h.c.kolkata["id"];
    for serial in ["AIRVO-1", "AIRVO-2"] {
        expect_data(
            &app.gql(
                Some(&p.officer),
                REGISTER,
                json!({ "f": f, "i": item("HFNC", serial, Some(&o)) }),
            )
            .await,
        );
    }
    expect_error(
        &app.gql(
            Some(&p.officer),
            REGISTER,
            json!({ "f": f, "i": item("HFNC", "AIRVO-3", Some(&o)) }),
        )
        .await,
        "CONFLICT",
    );
    let wrong = expect_error(
        &app.gql(
            Some(&p.officer),
            REGISTER,
            json!({ "f": f, "i": item("CPAP", "CPAP-1", Some(&o)) }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(wrong["extensions"]["field"], "orderId");
    expect_error(
        &app.gql(
            Some(&p.officer),
            REGISTER,
            json!({ "f": f, "i": item("HFNC", "AIRVO-1", None) }),
        )
        .await,
        "CONFLICT",
    );
    let orders =
        expect_data(&app.gql(Some(wb), ORDERS, json!({})).await)["equipmentOrders"].clone();
    assert_eq!(
        (
            orders[0]["received"].as_i64(),
            orders[0]["outstanding"].as_i64()
        ),
        (Some(2), Some(0))
    );

    // Ventilators at a medical college with 12 ventilator beds.
    let mch = create_facility(&app, wb, {
        let mut x = facility(
            "Kolkata MCH",
            "MEDICAL_COLLEGE_HOSPITAL",
            &p.h.c.tree.kolkata["id"],
        );
        x["beds"] = json!({ "ventilator": 12 });
        x
    })
    .await;
    let mut vents = Vec::new();
    for serial in ["V-1", "V-2", "V-3"] {
        let mut i = item("INVASIVE_VENTILATOR", serial, None);
        i["make"] = json!("Dräger");
        i["model"] = json!("Savina 300");
        vents.push(
            expect_data(
                &app.gql(Some(wb), REGISTER, json!({ "f": mch["id"], "i": i }))
                    .await,
            )["registerEquipment"]
                .clone(),
        );
    }
    let v = &vents[2];
    let repair = expect_data(&app.gql(Some(wb), CHANGE, json!({ "id": v["id"], "v": v["version"], "s": "UNDER_REPAIR", "n": "flow sensor failed" })).await)["changeEquipmentStatus"].clone();
    expect_error(&app.gql(Some(wb), CHANGE, json!({ "id": v["id"], "v": v["version"], "s": "CONDEMNED", "n": "beyond economic repair" })).await, "CONFLICT");
    let condemned = expect_data(&app.gql(Some(wb), CHANGE, json!({ "id": v["id"], "v": repair["version"], "s": "CONDEMNED", "n": "beyond economic repair" })).await)["changeEquipmentStatus"].clone();
    let back = expect_error(
        &app.gql(
            Some(wb),
            CHANGE,
            json!({ "id": v["id"], "v": condemned["version"], "s": "FUNCTIONAL" }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(back["extensions"]["field"], "status");
    let list = expect_data(
        &app.gql(Some(wb), REGISTERED, json!({ "f": mch["id"] }))
            .await,
    )["equipment"]
        .clone();
    let v3 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["serialNumber"] == "V-3")
        .unwrap()
        .clone();
    let steps: Vec<&str> = v3["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["FUNCTIONAL", "UNDER_REPAIR", "CONDEMNED"]);
    assert_eq!(v3["history"][1]["note"], "flow sensor failed");

    let d = expect_data(&app.gql(Some(wb), BY_DISTRICT, json!({})).await)["equipmentByDistrict"]
        .clone();
    let kolkata = d
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Kolkata")
        .unwrap()
        .clone();
    assert_eq!(kolkata["ventilatorBeds"], 12);
    assert_eq!(kolkata["ventilatorsFunctional"], 2);
    let hfnc = kolkata["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "HFNC")
        .unwrap()
        .clone();
    assert_eq!(hfnc["functional"], 2);

    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            REGISTER,
            json!({ "f": f, "i": item("HFNC", "X-1", None) }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            CHANGE,
            json!({ "id": v["id"], "v": 1, "s": "UNDER_REPAIR" }),
        )
        .await,
        "NOT_FOUND",
    );
    super::helpline::rls_keeps_tenants_apart(
        &app,
        backend,
        &["equipment", "equipment_events", "equipment_orders"],
    )
    .await;
}

async fn the_daily_roll_up_adds_up_in_graphql_and_in_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let now = Utc::now();
    expect_data(
        &p.record(&app, now - Duration::hours(48), p.readings(80.0, 30))
            .await,
    );
    let middle = expect_data(
        &p.record(&app, now - Duration::hours(24), p.readings(60.0, 25))
            .await,
    )["recordOxygenReading"]
        .clone();
    expect_data(&p.record(&app, now, p.readings(50.0, 25)).await);
    let today = arogya_domain::appointment::ist_date(now);
    let from = (today - Duration::days(3)).to_string();
    let vars = json!({ "f": p.h.c.kolkata["id"], "from": from, "to": today.to_string() });
    let days =
        expect_data(&app.gql(Some(&p.h.c.wb), DAILY, vars.clone()).await)["oxygenDaily"].clone();
    let days = days.as_array().unwrap();
    assert_eq!(days.len(), 4);
    assert_eq!(days[0]["reported"], 0);
    assert_eq!(days[1]["reported"], 1);
    // (6,396 + 199.07) − (4,797 + 165.89) = 1,632.18; then 799.5.
    assert!(
        (days[2]["consumptionNm3"].as_f64().unwrap() - 1632.18).abs() < 0.01,
        "{days:?}"
    );
    assert!((days[3]["consumptionNm3"].as_f64().unwrap() - 799.5).abs() < 0.01);
    assert!((days[3]["stockNm3"].as_f64().unwrap() - (3997.5 + 165.89)).abs() < 0.01);

    // The same as CSV, for a spreadsheet; the state sees it, another tenant does not.
    let url = app.url(&format!(
        "/oxygen/daily.csv?facility={}&from={from}&to={today}",
        p.h.c.kolkata["id"].as_str().unwrap()
    ));
    let r = app
        .http
        .get(&url)
        .bearer_auth(&p.h.c.wb)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(lines[0].starts_with("day,facilities,reported,stock_nm3"));
    assert!(lines[3].contains(",1632.18,"), "{csv}");
    let br = app.br_admin().await;
    let r = app.http.get(&url).bearer_auth(&br).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let r = app
        .http
        .get(url.replace("from=", "from=x"))
        .bearer_auth(&p.h.c.wb)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // The middle gauge was misread (70 %, not 60 %): its day and the next are worked
    // out again. 80 → 70 % and 5 cylinders: 799.5 + 33.18; 70 → 50 %: 1,599.
    let correct = "mutation($id: ID!, $at: DateTime!, $r: OxygenReadingsInput!) { correctOxygenReading(id: $id, expectedVersion: 1, reason: \"gauge misread\", readingAt: $at, readings: $r) { version } }";
    let at = (now - Duration::hours(24)).to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    expect_data(
        &app.gql(
            Some(&p.officer),
            correct,
            json!({ "id": middle["id"], "at": at, "r": p.readings(70.0, 25) }),
        )
        .await,
    );
    let days =
        expect_data(&app.gql(Some(&p.h.c.wb), DAILY, vars.clone()).await)["oxygenDaily"].clone();
    let used: Vec<f64> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["consumptionNm3"].as_f64().unwrap())
        .collect();
    assert!((used[2] - 832.68).abs() < 0.01, "{days}");
    assert!((used[3] - 1599.0).abs() < 0.01, "{days}");
    assert!((days[2]["stockNm3"].as_f64().unwrap() - (5596.5 + 165.89)).abs() < 0.01);
    // Today ends at 50 %: 3,364 Nm³ usable at 1,599 Nm³ a day, about 50 h: not at risk
    // by the tenant's 24 h; at risk where Kolkata's district warns at 72 h.
    assert_eq!(days[3]["atRisk"], 0, "{days:?}");
    let set = "mutation($i: OxygenRulesInput!) { setOxygenRules(input: $i) { version } }";
    let norms = json!({ "nasalCannula": 4.0, "mask": 10.0, "hfnc": 40.0, "niv": 20.0, "invasiveVentilation": 12.0, "oxygenSupportedBed": 7.0, "hduBed": 10.0, "icuBed": 12.0, "ventilatorBed": 20.0 });
    let rules = json!({ "i": { "liquidFactor": "liquid_litre_0c", "norms": norms, "warningHours": 24, "criticalHours": 8, "deadlineHour": 12, "expectedVersion": 0,
        "districtThresholds": [{ "districtId": p.h.c.tree.kolkata["id"], "warningHours": 72, "criticalHours": 8 }] } });
    expect_data(&app.gql(Some(&p.h.c.wb), set, rules).await);
    let days =
        expect_data(&app.gql(Some(&p.h.c.wb), DAILY, vars.clone()).await)["oxygenDaily"].clone();
    assert_eq!(days[3]["atRisk"], 1, "{days}");

    // The state's dashboard, once worked out, takes a new reading in at once: by
    // Kolkata's 72 h a warning, then the tank fell from 50 % to 10 % in moments, so the
    // facility is critical now.
    let overview = "query { oxygenOverview { facilities { facilityName risk } } }";
    let before = expect_data(&app.gql(Some(&p.h.c.wb), overview, json!({})).await);
    assert_eq!(
        before["oxygenOverview"]["facilities"][0]["risk"], "WARNING",
        "{before}"
    );
    expect_data(&p.record(&app, Utc::now(), p.readings(10.0, 25)).await);
    let after = expect_data(&app.gql(Some(&p.h.c.wb), overview, json!({})).await);
    assert_eq!(
        after["oxygenOverview"]["facilities"][0]["risk"], "CRITICAL",
        "{after}"
    );
    // The day now ends at 10 %: 166 Nm³ usable at about 4,800 Nm³ a day, at risk in
    // the state's chart too.
    let state = json!({ "from": today.to_string(), "to": today.to_string() });
    let day = expect_data(&app.gql(Some(&p.h.c.wb), DAILY, state).await)["oxygenDaily"][0].clone();
    assert_eq!(
        (&day["reported"], &day["atRisk"]),
        (&json!(1), &json!(1)),
        "{day}"
    );
}

on_both_backends!(
    ordered_equipment_arrives_against_its_order_and_keeps_its_history,
    the_daily_roll_up_adds_up_in_graphql_and_in_csv,
);
