//! Oxygen alerts and the supply ledger: a reading that shows oxygen running out raises
//! a critical alert at once (e-mailed to the district committee, live on the
//! dashboard); left unacknowledged it goes up to the state (time moved by
//! `arogya oxygen alerts --at`, not slept); a delivery on its way counts towards time
//! to empty, and the facility confirms what arrived.

use super::oxygen::Plant;
use super::oxygen_import::cli;
use super::subscriptions::{next_json, subscribed};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

const ALERTS: &str = "query($open: Boolean! = true) { oxygenAlerts(open: $open) { id facilityName kind level message timeToEmptyHours raisedAt acknowledgedBy actionTaken escalatedAt } }";
const ACK: &str = "mutation($id: ID!, $a: String!) { acknowledgeOxygenAlert(id: $id, actionTaken: $a) { id acknowledgedAt acknowledgedBy actionTaken } }";
const DISPATCH: &str = "mutation($f: ID!, $i: OxygenDispatchInput!) { dispatchOxygenDelivery(facilityId: $f, input: $i) { id status nm3 version } }";
const RECEIVE: &str = "mutation($id: ID!, $v: Int!, $q: Float!, $n: String) { receiveOxygenDelivery(id: $id, expectedVersion: $v, receivedQuantity: $q, note: $n) { id status receivedQuantity shortfall version } }";
const LEDGER: &str =
    "query { oxygenDeliveries { facilityName supplier vehicle status quantity unit shortfall } }";
const TTE: &str = "query($f: ID!) { facilityOxygen(facilityId: $f) { timeToEmptyHours risk } }";

fn alerts_cli(app: &TestApp, at: DateTime<Utc>) -> String {
    let at = at.to_rfc3339();
    let out = cli(app, &["oxygen", "alerts", "--tenant", "WB", "--at", &at]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

pub(super) async fn emails_to(app: &TestApp, address: &str) -> Vec<String> {
    let wb = app.tenant_id("WB").await;
    let sql = "SELECT subject FROM notification_outbox WHERE destination = $1";
    app.rows_in_tenant(&wb, sql, address)
        .await
        .iter()
        .map(|r| r.try_get::<String>("", "subject").unwrap())
        .collect()
}

async fn committee(app: &TestApp, p: &Plant, name: &str, roles: Value) -> String {
    let wb = &p.h.c.wb;
    expect_data(
        &app.gql(
            Some(wb),
            super::users::CREATE_USER,
            super::users::new_user(name, roles),
        )
        .await,
    );
    app.token(Some("WB"), name, "a long enough password").await
}

/// 11 % of a 10 kL tank (80 Nm³ above the undrawable tenth) at 36.6 Nm³/h: about 2 h.
async fn oxygen_running_out_raises_a_critical_alert_that_escalates_when_unanswered(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let district = committee(
        &app,
        &p,
        "o2.district",
        json!([{ "role": "OXYGEN_COMMITTEE", "unitId": p.h.c.tree.kolkata["id"] }]),
    )
    .await;
    let cell = committee(
        &app,
        &p,
        "o2.state",
        json!([{ "role": "OXYGEN_COMMITTEE" }]),
    )
    .await;
    let mut ws = subscribed(
        &app,
        &district,
        "subscription { oxygenAlertChanged { alertId kind level action } }",
    )
    .await;

    let now = Utc::now();
    expect_data(
        &p.record(&app, now - Duration::hours(24), p.readings(22.0, 0))
            .await,
    );
    expect_data(
        &p.record(&app, now - Duration::minutes(1), p.readings(11.0, 0))
            .await,
    );

    // Live on the dashboard, at once.
    let mut live = None;
    while let Some(m) = next_json(&mut ws).await {
        let c = &m["payload"]["data"]["oxygenAlertChanged"];
        if c["kind"] == "TIME_TO_EMPTY" {
            live = Some(c.clone());
            break;
        }
    }
    let live = live.expect("the alert arrives live");
    assert_eq!(live["level"], "CRITICAL");
    assert_eq!(live["action"], "raised");

    let open =
        expect_data(&app.gql(Some(&district), ALERTS, json!({})).await)["oxygenAlerts"].clone();
    let alert = open
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "TIME_TO_EMPTY")
        .unwrap()
        .clone();
    assert_eq!(alert["id"], live["alertId"]);
    assert_eq!(alert["facilityName"], "Kolkata DH");
    assert!(alert["timeToEmptyHours"].as_f64().unwrap() < 3.0, "{alert}");
    assert!(alert["escalatedAt"].is_null());
    // E-mailed to the district committee, not yet to the state.
    let subjects = emails_to(&app, "o2.district@wb.example").await;
    assert!(
        subjects
            .iter()
            .any(|s| s == "Oxygen alert (critical): Kolkata DH"),
        "{subjects:?}"
    );
    assert!(emails_to(&app, "o2.state@wb.example").await.is_empty());

    // The rules run again the same day: nothing is raised twice.
    // (A second after it was raised: later could be the next day in India.)
    let raised: DateTime<Utc> = alert["raisedAt"].as_str().unwrap().parse().unwrap();
    let again = alerts_cli(&app, raised + Duration::seconds(1));
    assert!(again.contains("0 escalated"), "{again}");
    let count = expect_data(&app.gql(Some(&district), ALERTS, json!({})).await)["oxygenAlerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "TIME_TO_EMPTY" && a["level"] == "CRITICAL")
        .count();
    assert_eq!(count, 1);

    // Three hours on, nobody has acknowledged it: it goes to the state's oxygen cell.
    let later = alerts_cli(&app, now + Duration::hours(3));
    assert!(later.contains("1 escalated"), "{later}");
    let seen = expect_data(&app.gql(Some(&cell), ALERTS, json!({})).await)["oxygenAlerts"].clone();
    let up = seen
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == alert["id"])
        .unwrap()
        .clone();
    assert!(up["escalatedAt"].is_string());
    let subjects = emails_to(&app, "o2.state@wb.example").await;
    assert_eq!(subjects, ["Oxygen alert not acknowledged: Kolkata DH"]);

    // A named person acknowledges it with the action taken; once.
    assert_eq!(
        expect_error(
            &app.gql(
                Some(&district),
                ACK,
                json!({ "id": alert["id"], "a": "ok" })
            )
            .await,
            "VALIDATION"
        )["extensions"]["field"],
        "actionTaken"
    );
    let ack = expect_data(
        &app.gql(
            Some(&district),
            ACK,
            json!({ "id": alert["id"], "a": "Diverted 20 jumbo cylinders from Howrah DH" }),
        )
        .await,
    )["acknowledgeOxygenAlert"]
        .clone();
    assert!(ack["acknowledgedBy"]
        .as_str()
        .unwrap()
        .contains("o2.district"));
    expect_error(
        &app.gql(
            Some(&cell),
            ACK,
            json!({ "id": alert["id"], "a": "Tanker sent from Durgapur" }),
        )
        .await,
        "CONFLICT",
    );
    let closed = expect_data(
        &app.gql(Some(&district), ALERTS, json!({ "open": false }))
            .await,
    )["oxygenAlerts"]
        .clone();
    let mine = closed
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == alert["id"])
        .unwrap()
        .clone();
    assert_eq!(
        mine["actionTaken"],
        "Diverted 20 jumbo cylinders from Howrah DH"
    );
    let open =
        expect_data(&app.gql(Some(&district), ALERTS, json!({})).await)["oxygenAlerts"].clone();
    assert!(open
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["id"] != alert["id"]));

    // Another district's committee does not see it; another tenant finds nothing.
    let other = committee(
        &app,
        &p,
        "o2.murshidabad",
        json!([{ "role": "OXYGEN_COMMITTEE", "unitId": p.h.c.tree.murshidabad["id"] }]),
    )
    .await;
    let theirs = expect_data(
        &app.gql(Some(&other), ALERTS, json!({ "open": false }))
            .await,
    )["oxygenAlerts"]
        .clone();
    assert!(theirs.as_array().unwrap().is_empty(), "{theirs}");
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            ACK,
            json!({ "id": alert["id"], "a": "Not ours to answer" }),
        )
        .await,
        "NOT_FOUND",
    );
    super::helpline::rls_keeps_tenants_apart(&app, backend, &["oxygen_alerts"]).await;
}

/// A 2 kL tanker on its way (1,599 Nm³) adds about 44 h at 36.6 Nm³/h; the facility
/// confirms 1.9 kL arrived, a shortfall the district sees.
async fn a_delivery_on_its_way_counts_towards_time_to_empty_and_is_confirmed_on_arrival(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let district = committee(
        &app,
        &p,
        "o2.district",
        json!([{ "role": "OXYGEN_COMMITTEE", "unitId": p.h.c.tree.kolkata["id"] }]),
    )
    .await;
    let now = Utc::now();
    expect_data(
        &p.record(&app, now - Duration::hours(24), p.readings(22.0, 0))
            .await,
    );
    expect_data(
        &p.record(&app, now - Duration::minutes(1), p.readings(11.0, 0))
            .await,
    );
    let f = &p.h.c.kolkata["id"];
    let before = expect_data(&app.gql(Some(&district), TTE, json!({ "f": f })).await)
        ["facilityOxygen"]["timeToEmptyHours"]
        .as_f64()
        .unwrap();

    let load =
        json!({ "liquid": { "sourceId": p.tank["id"], "quantity": 2.0, "unit": "KILOLITRE" } });
    let input = |expected: DateTime<Utc>| json!({ "f": f, "i": { "supplier": "Inox Air Products", "vehicle": "WB-23-1234", "challan": "CH-77", "load": load, "expectedAt": expected.to_rfc3339() } });
    let d = expect_data(
        &app.gql(Some(&district), DISPATCH, input(now + Duration::hours(1)))
            .await,
    )["dispatchOxygenDelivery"]
        .clone();
    assert!((d["nm3"].as_f64().unwrap() - 1599.0).abs() < 0.01);
    let after = expect_data(&app.gql(Some(&district), TTE, json!({ "f": f })).await)
        ["facilityOxygen"]
        .clone();
    let gained = after["timeToEmptyHours"].as_f64().unwrap() - before;
    assert!(
        (gained - 1599.0 / (879.45 / 24.0)).abs() < 0.5,
        "{before} → {after}"
    );
    // Bad input is named; another tenant's tank is not this facility's.
    let mut bad = input(now - Duration::hours(5));
    assert_eq!(
        expect_error(
            &app.gql(Some(&district), DISPATCH, bad.clone()).await,
            "VALIDATION"
        )["extensions"]["field"],
        "expectedAt"
    );
    bad["i"]["expectedAt"] = json!((now + Duration::hours(2)).to_rfc3339());
    bad["i"]["load"] =
        json!({ "liquid": { "sourceId": p.psa["id"], "quantity": 2.0, "unit": "KILOLITRE" } });
    assert_eq!(
        expect_error(&app.gql(Some(&district), DISPATCH, bad).await, "VALIDATION")["extensions"]
            ["field"],
        "liquid.sourceId"
    );

    // The facility, not the committee, confirms what arrived.
    let recv =
        json!({ "id": d["id"], "v": d["version"], "q": 1.9, "n": "gauge showed 1.9 kL added" });
    expect_error(
        &app.gql(Some(&district), RECEIVE, recv.clone()).await,
        "FORBIDDEN",
    );
    let r = expect_data(&app.gql(Some(&p.officer), RECEIVE, recv.clone()).await)
        ["receiveOxygenDelivery"]
        .clone();
    assert_eq!(r["status"], "received");
    assert!((r["shortfall"].as_f64().unwrap() - 0.1).abs() < 1e-9);
    expect_error(&app.gql(Some(&p.officer), RECEIVE, recv).await, "CONFLICT");
    let ledger =
        expect_data(&app.gql(Some(&district), LEDGER, json!({})).await)["oxygenDeliveries"].clone();
    assert_eq!(ledger[0]["facilityName"], "Kolkata DH");
    assert_eq!(ledger[0]["vehicle"], "WB-23-1234");
    assert_eq!(ledger[0]["status"], "received");
    // Received, it no longer counts as on its way.
    let now_tte = expect_data(&app.gql(Some(&district), TTE, json!({ "f": f })).await)
        ["facilityOxygen"]["timeToEmptyHours"]
        .as_f64()
        .unwrap();
    assert!((now_tte - before).abs() < 0.5);

    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), DISPATCH, input(now + Duration::hours(1)))
            .await,
        "NOT_FOUND",
    );
    let theirs = app.gql(Some(&br), LEDGER, json!({})).await;
    assert!(
        theirs.to_string().contains("FORBIDDEN")
            || expect_data(&theirs)["oxygenDeliveries"]
                .as_array()
                .unwrap()
                .is_empty()
    );
    super::helpline::rls_keeps_tenants_apart(&app, backend, &["oxygen_deliveries"]).await;
}

on_both_backends!(
    oxygen_running_out_raises_a_critical_alert_that_escalates_when_unanswered,
    a_delivery_on_its_way_counts_towards_time_to_empty_and_is_confirmed_on_arrival,
);
