//! The state's own alert rules: a condition's set replaced (back to IDSP's defaults
//! when emptied), rolling seven-day windows beside weeks, rates per 100,000 against the
//! populations the state keeps, with worked numbers; only the state sets them.

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, REPORT};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(the_state_sets_rules_and_a_rate_alerts_on_its_worked_numbers);

const RULES: &str = "query($c: ID!) { alertRules(conditionId: $c) { isDefault rules { key kind scope window amount minCases quietDays } } }";
const SET: &str = "mutation($c: ID!, $r: [AlertRuleInput!]!) { setAlertRules(conditionId: $c, rules: $r) { isDefault rules { key } } }";
const POP: &str = "mutation($u: ID!, $y: Int!, $p: Int!, $v: Int) { setUnitPopulation(unitId: $u, year: $y, population: $p, expectedVersion: $v) { unitName year population version } }";
const ALERTS: &str = "{ surveillanceAlerts(openOnly: false) { condition rule explanation } }";

fn keys(set: &Value) -> Vec<String> {
    set["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_state_sets_rules_and_a_rate_alerts_on_its_worked_numbers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.rules", None).await;
    let conds = expect_data(
        &app.gql(
            Some(&cell),
            "{ notifiableConditions { id code } }",
            json!({}),
        )
        .await,
    );
    let malaria = conds["notifiableConditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "MALARIA")
        .unwrap()["id"]
        .clone();
    let d = expect_data(&app.gql(Some(&cell), RULES, json!({ "c": malaria })).await)["alertRules"]
        .clone();
    assert_eq!(d["isDefault"], true);
    assert_eq!(keys(&d), ["twice-baseline-block", "mean-2sd-district"]);

    // Malaria: 20 per 100,000 in the rolling seven days, at least 3 cases; and 4 cases in
    // a block's week.
    let rules = json!([
        { "kind": "RATE", "scope": "BLOCK", "window": "ROLLING_7_DAYS", "amount": 20.0, "minCases": 3 },
        { "kind": "FIXED", "scope": "BLOCK", "amount": 4.0 },
    ]);
    let set = |r: Value| app.gql(Some(&cell), SET, json!({ "c": malaria, "r": r }));
    let saved = expect_data(&set(rules.clone()).await)["setAlertRules"].clone();
    assert_eq!(
        (saved["isDefault"].as_bool(), keys(&saved)),
        (
            Some(false),
            vec!["rate-block-7d".to_owned(), "fixed-block".to_owned()]
        )
    );
    // Refused: a rate of 0, the same rule twice, a cluster over a district; and callers
    // who do not set rules, and another tenant.
    let r = set(json!([{ "kind": "RATE", "scope": "BLOCK", "amount": 0.0 }])).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "ratePer100k"
    );
    let r = set(json!([{ "kind": "FIXED", "scope": "BLOCK", "amount": 1.0 }, { "kind": "FIXED", "scope": "BLOCK", "amount": 2.0 }])).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "rules"
    );
    let r = set(json!([{ "kind": "CLUSTER", "scope": "DISTRICT", "amount": 5.0 }])).await;
    assert_eq!(
        expect_error(&r, "VALIDATION")["extensions"]["field"],
        "scope"
    );
    let da = scoped(
        &app,
        &c.wb,
        "da.rules",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    expect_error(
        &app.gql(Some(&da), SET, json!({ "c": malaria, "r": rules }))
            .await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), SET, json!({ "c": malaria, "r": [] }))
            .await,
        "NOT_FOUND",
    );

    // The block has 10,000 people this year.
    let year = (Utc::now() + Duration::minutes(330)).year();
    let p = expect_data(
        &app.gql(
            Some(&cell),
            POP,
            json!({ "u": c.tree.block["id"], "y": year, "p": 9_000 }),
        )
        .await,
    )["setUnitPopulation"]
        .clone();
    expect_error(
        &app.gql(
            Some(&cell),
            POP,
            json!({ "u": c.tree.block["id"], "y": year, "p": 10_000 }),
        )
        .await,
        "CONFLICT",
    );
    let p = expect_data(
        &app.gql(
            Some(&cell),
            POP,
            json!({ "u": c.tree.block["id"], "y": year, "p": 10_000, "v": p["version"] }),
        )
        .await,
    )["setUnitPopulation"]
        .clone();
    assert_eq!(
        (p["population"].as_i64(), p["version"].as_i64()),
        (Some(10_000), Some(2))
    );
    expect_error(
        &app.gql(
            Some(&da),
            POP,
            json!({ "u": c.tree.block["id"], "y": year, "p": 1 }),
        )
        .await,
        "FORBIDDEN",
    );

    // A case ten days old is outside the rolling window; two recent ones are 20 per
    // 100,000 but under the minimum of 3; the third makes 30 per 100,000 and alerts.
    let worker = staff_token(&app, &c.wb, "asha.rules", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let report = |name: &str, onset: chrono::NaiveDate| json!({ "i": { "condition": "MALARIA", "unitId": c.tree.block["id"], "village": format!("Village of {name}"), "name": name, "ageYears": 30, "sex": "male", "symptoms": "fever with chills", "onsetDate": onset.to_string() } });
    let alerts = || async {
        expect_data(&app.gql(Some(&cell), ALERTS, json!({})).await)["surveillanceAlerts"]
            .as_array()
            .unwrap()
            .clone()
    };
    for (i, onset) in [today - Duration::days(10), today, today]
        .into_iter()
        .enumerate()
    {
        expect_data(
            &app.gql(Some(&worker), REPORT, report(&format!("P{i}"), onset))
                .await,
        );
    }
    assert!(
        alerts().await.is_empty(),
        "2 in the window: 20 per 100,000, under the minimum of 3"
    );
    expect_data(&app.gql(Some(&worker), REPORT, report("P3", today)).await);
    let a = alerts().await;
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0]["rule"], "rate-block-7d");
    assert!(
        a[0]["explanation"]
            .as_str()
            .unwrap()
            .contains("3 cases among 10000 people are 30.0 per 100,000"),
        "{a:?}"
    );
    // The fourth case of this week reaches the fixed 4 (the old case is of an earlier week).
    expect_data(&app.gql(Some(&worker), REPORT, report("P4", today)).await);
    let a = alerts().await;
    assert!(a.iter().any(|x| x["rule"] == "fixed-block"), "{a:?}");
    assert_eq!(
        a.iter().filter(|x| x["rule"] == "rate-block-7d").count(),
        1,
        "the rate is quiet for its 7 days"
    );

    // An empty set goes back to the defaults.
    let back = expect_data(&set(json!([])).await)["setAlertRules"].clone();
    assert_eq!(back["isDefault"], true);
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let rows = app
        .rows_in_tenant_with(&tid, "SELECT COUNT(*) AS n FROM surveillance_alert_rules WHERE tenant_id = $1 AND retired_at IS NOT NULL", vec![tenant.into()])
        .await;
    assert_eq!(
        rows[0].try_get::<i64>("", "n").unwrap(),
        2,
        "the replaced set is kept, retired"
    );
}
