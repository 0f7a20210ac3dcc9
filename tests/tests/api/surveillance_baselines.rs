//! The baseline rules with the worked numbers of docs/SURVEILLANCE.md, end to end: the
//! same week ± 1 in each of the last three years held 2, 3, 1 / 4, 2, 0 / 3, 2, 1 typhoid
//! cases in the block (mean 2.0, sample SD 1.22), written as the block's counts and
//! their roll-ups. Twice the baseline (4.0) alerts at the
//! fourth case of this week; mean + 2 SD (4.45) only at the fifth.

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, REPORT};
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(the_baseline_rules_fire_on_their_worked_numbers);

const ALERTS: &str = "{ surveillanceAlerts(openOnly: false) { rule explanation } }";

async fn the_baseline_rules_fire_on_their_worked_numbers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.base", None).await;
    let conds = expect_data(
        &app.gql(
            Some(&cell),
            "{ notifiableConditions { id code } }",
            json!({}),
        )
        .await,
    );
    let typhoid = conds["notifiableConditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "TYPHOID")
        .unwrap()["id"]
        .clone();
    let rules = json!([
        { "kind": "BASELINE_MULTIPLE", "scope": "BLOCK", "amount": 2.0, "years": 3, "halfWidth": 1, "minCases": 3 },
        { "kind": "MEAN_PLUS_SD", "scope": "BLOCK", "amount": 2.0, "years": 3, "halfWidth": 1, "minCases": 3 },
    ]);
    expect_data(&app.gql(Some(&cell), "mutation($c: ID!, $r: [AlertRuleInput!]!) { setAlertRules(conditionId: $c, rules: $r) { isDefault } }", json!({ "c": typhoid, "r": rules })).await);

    // Three years of history in the block's weekly counts.
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let block: uuid::Uuid = c.tree.block["id"].as_str().unwrap().parse().unwrap();
    let path = app
        .rows_in_tenant_with(
            &tid,
            "SELECT path FROM admin_units WHERE tenant_id = $1 AND id = $2",
            vec![tenant.into(), block.into()],
        )
        .await[0]
        .try_get::<String>("", "path")
        .unwrap();
    let condition: uuid::Uuid = typhoid.as_str().unwrap().parse().unwrap();
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let history = [[2, 3, 1], [4, 2, 0], [3, 2, 1]];
    for (y, counts) in history.iter().enumerate() {
        for (i, n) in counts.iter().enumerate() {
            let d = i as i64 - 1;
            let day = today - Duration::weeks(52 * (y as i64 + 1) - d);
            let w = day.iso_week();
            let key = w.year() * 100 + w.week() as i32;
            if *n > 0 {
                app.rows_in_tenant_with(
                    &tid,
                    "INSERT INTO surveillance_weekly_counts (tenant_id, condition_id, unit_id, epi_week, age_group, sex, unit_path, cases, confirmed, deaths) VALUES ($1, $2, $3, $4, '15-44', 'female', $5, $6, 0, 0)",
                    vec![tenant.into(), condition.into(), block.into(), key.into(), path.clone().into(), (*n as i64).into()],
                )
                .await;
                // And their roll-ups to the block and every place over it, as case writes keep them.
                for place in path.split('/').filter(|p| !p.is_empty()) {
                    let place: uuid::Uuid = place.parse().unwrap();
                    app.rows_in_tenant_with(
                        &tid,
                        "INSERT INTO surveillance_place_counts (tenant_id, condition_id, unit_id, epi_week, cases, confirmed, deaths) VALUES ($1, $2, $3, $4, $5, 0, 0)",
                        vec![tenant.into(), condition.into(), place.into(), key.into(), (*n as i64).into()],
                    )
                    .await;
                }
            }
        }
    }

    let worker = staff_token(&app, &c.wb, "asha.base", "SURVEYOR").await;
    let report = |i: usize| json!({ "i": { "condition": "TYPHOID", "unitId": c.tree.block["id"], "village": format!("Village {i}"), "name": format!("Patient {i}"), "ageYears": 30, "sex": "female", "symptoms": "fever for a week", "onsetDate": today.to_string() } });
    let alerts = || async {
        expect_data(&app.gql(Some(&cell), ALERTS, json!({})).await)["surveillanceAlerts"]
            .as_array()
            .unwrap()
            .clone()
    };
    for i in 0..3 {
        expect_data(&app.gql(Some(&worker), REPORT, report(i)).await);
    }
    assert!(alerts().await.is_empty(), "3 cases: under 4.0 and 4.45");
    expect_data(&app.gql(Some(&worker), REPORT, report(3)).await);
    let a: Vec<Value> = alerts().await;
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0]["rule"], "baseline-block");
    assert_eq!(
        a[0]["explanation"],
        "4 cases reach 2 × the baseline of 2.0 = 4.0"
    );
    expect_data(&app.gql(Some(&worker), REPORT, report(4)).await);
    let a: Vec<Value> = alerts().await;
    let sd: Vec<&Value> = a.iter().filter(|x| x["rule"] == "sd-block").collect();
    assert_eq!(sd.len(), 1, "{a:?}");
    assert_eq!(
        sd[0]["explanation"],
        "5 cases exceed the mean 2.0 + 2 × SD 1.2 = 4.4"
    );
    assert_eq!(a.len(), 2, "the baseline rule is quiet for its days: {a:?}");
}
