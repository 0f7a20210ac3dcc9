//! The place roll-ups (`surveillance_place_counts`) against a recount of the block
//! counts they come from, for the tests that write cases of every kind (reports,
//! discards, deaths, moves, corrections) to finish with.

use arogya_tests::TestApp;

/// Rows whose roll-up differs from the sum of the block rows under the place, plus
/// block rows with cases whose own place has no roll-up row.
const DISAGREEING: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM (
    SELECT p.cases, p.confirmed, p.deaths,
      (SELECT COALESCE(SUM(w.cases), 0) FROM surveillance_weekly_counts w JOIN admin_units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
        WHERE w.tenant_id = p.tenant_id AND w.condition_id = p.condition_id AND w.epi_week = p.epi_week AND w.unit_path LIKE u.path || '%') AS cases_recounted,
      (SELECT COALESCE(SUM(w.confirmed), 0) FROM surveillance_weekly_counts w JOIN admin_units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
        WHERE w.tenant_id = p.tenant_id AND w.condition_id = p.condition_id AND w.epi_week = p.epi_week AND w.unit_path LIKE u.path || '%') AS confirmed_recounted,
      (SELECT COALESCE(SUM(w.deaths), 0) FROM surveillance_weekly_counts w JOIN admin_units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
        WHERE w.tenant_id = p.tenant_id AND w.condition_id = p.condition_id AND w.epi_week = p.epi_week AND w.unit_path LIKE u.path || '%') AS deaths_recounted
    FROM surveillance_place_counts p WHERE p.tenant_id = $1
  ) x WHERE cases <> cases_recounted OR confirmed <> confirmed_recounted OR deaths <> deaths_recounted";

const MISSING: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM surveillance_weekly_counts w
  WHERE w.tenant_id = $1 AND (w.cases <> 0 OR w.deaths <> 0) AND NOT EXISTS (SELECT 1 FROM surveillance_place_counts p
    WHERE p.tenant_id = w.tenant_id AND p.unit_id = w.unit_id AND p.condition_id = w.condition_id AND p.epi_week = w.epi_week)";

async fn n(app: &TestApp, tid: &str, sql: &str) -> i64 {
    let tenant = uuid::Uuid::parse_str(tid).unwrap();
    app.rows_in_tenant_with(tid, sql, vec![tenant.into()]).await[0]
        .try_get::<i64>("", "n")
        .unwrap()
}

/// Every place's roll-up equals the recount of the block rows under it.
pub async fn assert_rollups_add_up(app: &TestApp, tenant_code: &str) {
    let tid = app.tenant_id(tenant_code).await;
    let rows = n(
        app,
        &tid,
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM surveillance_place_counts WHERE tenant_id = $1",
    )
    .await;
    assert!(
        rows > 0,
        "the test wrote cases, so there are roll-ups to check"
    );
    assert_eq!(
        n(app, &tid, DISAGREEING).await,
        0,
        "every roll-up equals its recount"
    );
    assert_eq!(
        n(app, &tid, MISSING).await,
        0,
        "every counted block has its roll-up"
    );
}

use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, this_week, REPORT, TABLE};
use arogya_tests::{expect_data, expect_error, Backend};
use serde_json::{json, Value};

on_both_backends!(a_table_kept_in_memory_shows_a_new_case_at_once);

fn dengue_in(table: &Value, place: &str) -> i64 {
    table["weeklyCaseTable"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["unitName"] == place && c["condition"] == "DENGUE")
        .map(|c| c["cases"]["exact"].as_i64().unwrap())
        .sum()
}

/// The state's table is kept a minute for its many viewers; a case written meanwhile
/// forgets it, so the next read counts the case.
async fn a_table_kept_in_memory_shows_a_new_case_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let cell = officer(&app, &c.wb, "idsp.cell", None).await;
    let worker = staff_token(&app, &c.wb, "asha.one", "SURVEYOR").await;
    let wk = this_week();
    let today = (chrono::Utc::now() + chrono::Duration::minutes(330)).date_naive();
    let place = c.tree.murshidabad["name"].as_str().unwrap().to_owned();
    let read = || async {
        expect_data(
            &app.gql(Some(&cell), TABLE, json!({ "f": wk, "t": wk }))
                .await,
        )
    };
    let report = |name: &str| json!({ "i": { "condition": "dengue", "unitId": c.tree.block["id"], "village": "Jiaganj ward 4", "name": name, "ageYears": 27, "sex": "female", "symptoms": "fever, rash", "onsetDate": today.to_string() } });
    expect_data(&app.gql(Some(&worker), REPORT, report("Rekha Bibi")).await);
    // Asked three times, a few seconds apart: the later answers may come from memory.
    let first = read().await;
    assert_eq!(dengue_in(&first, &place), 1, "{first}");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(read().await, first);
    assert_eq!(read().await, first);
    expect_data(&app.gql(Some(&worker), REPORT, report("Salma Khatun")).await);
    assert_eq!(
        dengue_in(&read().await, &place),
        2,
        "the new case counts at once"
    );
    // A district's table kept for one who may see it is not served to one who may not.
    let district = json!({ "u": c.tree.murshidabad["id"], "f": wk, "t": wk });
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    for _ in 0..2 {
        expect_data(&app.gql(Some(&cell), TABLE, district.clone()).await);
    }
    let kolkata = officer(&app, &c.wb, "dso.kolkata", Some(&c.tree.kolkata["id"])).await;
    expect_error(&app.gql(Some(&kolkata), TABLE, district).await, "NOT_FOUND");
    assert_rollups_add_up(&app, "WB").await;
}
