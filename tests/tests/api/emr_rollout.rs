//! The EMR roll-out: where it stands (by district, type and month, what each facility
//! lacks, who is at risk of missing the deadline), the deadline's versions, a bulk
//! readiness sheet attributed to its importer, each facility's history, reach and
//! isolation. The fixture's numbers are worked out by hand beside each assertion.

use super::facilities::{create_facility, facility};
use super::training::india_today;
use super::units::{build_tree, Tree};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

on_both_backends!(
    the_rollout_counts_what_the_registry_holds_and_a_sheet_changes_it,
    the_rollout_stays_in_reach_and_in_its_tenant
);

const ROLLOUT: &str = "query($u: ID, $t: FacilityType) { emrRollout(unitId: $u, facilityType: $t) {
    today deadline { deadline version }
    all { total adopted adoptedPercent atRisk overdue lacking { item facilities } }
    byDistrict { key label tally { total adopted atRisk } }
    byType { key tally { total adopted } }
    monthly { month facilities adopted }
    facilities { name facilityType district standing checklist { item status } }
    notAdopted } }";
const DEADLINE: &str = "mutation($d: NaiveDate!, $v: Int!) { setEmrDeadline(input: { deadline: $d, expectedVersion: $v }) { deadline version } }";
const IMPORT: &str = "mutation($csv: String!, $skip: Boolean!) { importEmrReadiness(input: { csv: $csv, skipInvalid: $skip }) { changed unchanged skipped errors { row column message } } }";
const HISTORY: &str = "query($f: ID!) { emrReadinessHistory(facilityId: $f) { seq adopted adoptedOn checklist { item status } source changedBy } }";

fn checklist(items: &[(&str, &str)]) -> Value {
    json!(items
        .iter()
        .map(|(i, s)| json!({ "item": i, "status": s }))
        .collect::<Vec<_>>())
}

fn last_day_of_previous_month(today: NaiveDate) -> NaiveDate {
    today.with_day(1).unwrap() - Duration::days(1)
}

/// Four facilities, two in each district:
/// - Kolkata: a district hospital adopted at the end of last month (all done), and a
///   PHC with workstations done, LAN in progress, the rest not started;
/// - Murshidabad: a district hospital with every item in progress, and a CHC with
///   every item done but not yet adopted.
async fn fixture(app: &TestApp, wb: &str, tree: &Tree) -> [Value; 4] {
    let today = india_today();
    let with = |mut f: Value, emr: Value| {
        f["emrReadiness"] = emr;
        f
    };
    let all_done = checklist(&[
        ("WORKSTATIONS", "DONE"),
        ("LAN", "DONE"),
        ("SERVER_BACKUP", "DONE"),
        ("INFORMATION_SECURITY", "DONE"),
    ]);
    let mut kdh = facility(
        "Kolkata District Hospital",
        "DISTRICT_HOSPITAL",
        &tree.kolkata["id"],
    );
    kdh["nationalFacilityId"] = json!("IN1920000002");
    let kdh = with(
        kdh,
        json!({ "adopted": true, "adoptedOn": last_day_of_previous_month(today), "checklist": all_done }),
    );
    let mut phc = facility("Beliaghata PHC", "PHC", &tree.kolkata["id"]);
    phc["nationalFacilityId"] = json!("IN1920000007");
    let phc = with(
        phc,
        json!({ "checklist": checklist(&[("WORKSTATIONS", "DONE"), ("LAN", "IN_PROGRESS")]) }),
    );
    let mdh = with(
        facility(
            "Murshidabad District Hospital",
            "DISTRICT_HOSPITAL",
            &tree.lalbag["id"],
        ),
        json!({ "checklist": checklist(&[
            ("WORKSTATIONS", "IN_PROGRESS"), ("LAN", "IN_PROGRESS"),
            ("SERVER_BACKUP", "IN_PROGRESS"), ("INFORMATION_SECURITY", "IN_PROGRESS")]) }),
    );
    let chc = with(
        facility("Jiaganj CHC", "RURAL_HOSPITAL_CHC", &tree.block["id"]),
        json!({ "checklist": all_done }),
    );
    let mut out = Vec::new();
    for f in [kdh, phc, mdh, chc] {
        out.push(create_facility(app, wb, f).await);
    }
    out.try_into().unwrap()
}

fn standings(r: &Value) -> Vec<(String, String)> {
    r["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_owned(),
                f["standing"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn rollout(app: &TestApp, token: &str, vars: Value) -> Value {
    expect_data(&app.gql(Some(token), ROLLOUT, vars).await)["emrRollout"].clone()
}

async fn the_rollout_counts_what_the_registry_holds_and_a_sheet_changes_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let tree = build_tree(&app, &wb).await;
    let [kdh, phc, mdh, chc] = fixture(&app, &wb, &tree).await;
    let today = india_today();

    // No deadline yet: nobody is at risk.
    let r = rollout(&app, &wb, json!({})).await;
    assert_eq!(r["deadline"], Value::Null);
    assert_eq!(r["all"]["total"], 4);
    assert_eq!(r["all"]["adopted"], 1);
    assert_eq!(r["all"]["adoptedPercent"], 25.0);
    assert_eq!(r["all"]["atRisk"], 0);
    // Lacking, among the three not adopted: workstations only the Murshidabad hospital;
    // LAN, server and security the PHC and that hospital (the CHC has everything done).
    assert_eq!(
        r["all"]["lacking"],
        json!([
            { "item": "WORKSTATIONS", "facilities": 1 }, { "item": "LAN", "facilities": 2 },
            { "item": "SERVER_BACKUP", "facilities": 2 }, { "item": "INFORMATION_SECURITY", "facilities": 2 }
        ])
    );
    assert_eq!(
        r["byDistrict"],
        json!([
            { "key": tree.kolkata["id"], "label": "Kolkata", "tally": { "total": 2, "adopted": 1, "atRisk": 0 } },
            { "key": tree.murshidabad["id"], "label": tree.murshidabad["name"], "tally": { "total": 2, "adopted": 0, "atRisk": 0 } }
        ])
    );
    // Types, the most numerous first (two district hospitals), then by code.
    assert_eq!(
        r["byType"],
        json!([
            { "key": "district_hospital", "tally": { "total": 2, "adopted": 1 } },
            { "key": "phc", "tally": { "total": 1, "adopted": 0 } },
            { "key": "rural_hospital_chc", "tally": { "total": 1, "adopted": 0 } }
        ])
    );
    // Twelve months of today's four facilities: the hospital adopted on the last day
    // of last month counts from last month, none before.
    let months = r["monthly"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    let last_month = last_day_of_previous_month(today)
        .format("%Y-%m")
        .to_string();
    assert_eq!(
        months[10],
        json!({ "month": last_month, "facilities": 4, "adopted": 1 })
    );
    let this_month = today.format("%Y-%m").to_string();
    assert_eq!(
        months[11],
        json!({ "month": this_month, "facilities": 4, "adopted": 1 })
    );
    assert_eq!(months[9]["adopted"], 0);
    assert_eq!(r["notAdopted"], 3);
    assert_eq!(
        standings(&r),
        vec![
            ("Beliaghata PHC".into(), "ON_TRACK".into()),
            ("Jiaganj CHC".into(), "ON_TRACK".into()),
            ("Murshidabad District Hospital".into(), "ON_TRACK".into()),
        ]
    );

    // The deadline: state administrators only, versioned, never in the past.
    expect_error(
        &app.gql(
            Some(&wb),
            DEADLINE,
            json!({ "d": today - Duration::days(1), "v": 0 }),
        )
        .await,
        "VALIDATION",
    );
    let d = expect_data(
        &app.gql(
            Some(&wb),
            DEADLINE,
            json!({ "d": today + Duration::days(60), "v": 0 }),
        )
        .await,
    );
    assert_eq!(d["setEmrDeadline"]["version"], 1);
    expect_error(
        &app.gql(
            Some(&wb),
            DEADLINE,
            json!({ "d": today + Duration::days(61), "v": 0 }),
        )
        .await,
        "CONFLICT",
    );
    // 60 days left: the PHC has items not started (within 90 days: at risk); the
    // Murshidabad hospital's items are all under way (unfinished matters from 30 days).
    let r = rollout(&app, &wb, json!({})).await;
    assert_eq!(r["deadline"]["deadline"], json!(today + Duration::days(60)));
    assert_eq!(
        standings(&r),
        vec![
            ("Beliaghata PHC".into(), "AT_RISK".into()),
            ("Jiaganj CHC".into(), "ON_TRACK".into()),
            ("Murshidabad District Hospital".into(), "ON_TRACK".into()),
        ]
    );
    expect_data(
        &app.gql(
            Some(&wb),
            DEADLINE,
            json!({ "d": today + Duration::days(20), "v": 1 }),
        )
        .await,
    );
    // 20 days left: unfinished is at risk too; the CHC (all done) stays on track.
    let r = rollout(&app, &wb, json!({})).await;
    assert_eq!(r["all"]["atRisk"], 2);
    assert_eq!(
        standings(&r),
        vec![
            ("Beliaghata PHC".into(), "AT_RISK".into()),
            ("Murshidabad District Hospital".into(), "AT_RISK".into()),
            ("Jiaganj CHC".into(), "ON_TRACK".into()),
        ]
    );
    // Narrowed to Murshidabad and to district hospitals.
    let r = rollout(
        &app,
        &wb,
        json!({ "u": tree.murshidabad["id"], "t": "DISTRICT_HOSPITAL" }),
    )
    .await;
    assert_eq!(r["all"]["total"], 1);
    assert_eq!(r["facilities"][0]["name"], "Murshidabad District Hospital");
    assert_eq!(r["facilities"][0]["district"], tree.murshidabad["name"]);

    // A sheet: the CHC adopts today (by id), the PHC's LAN is done (by national ID),
    // the Kolkata hospital's row says what it already has, and a row names nothing here.
    let csv = format!(
        "facility_id,national_facility_id,workstations,lan,server_backup,information_security,emr_adopted,emr_adopted_on\n\
         {},,,,,,yes,{today}\n\
         ,IN1920000007,,Done,,,,\n\
         {},,done,done,,,,\n\
         {},,bogus,,,,,\n\
         ,IN9999999999,done,,,,,\n",
        chc["id"].as_str().unwrap(),
        kdh["id"].as_str().unwrap(),
        mdh["id"].as_str().unwrap(),
    );
    // With bad rows and no skipping, nothing changes.
    let all_or_nothing = expect_data(
        &app.gql(Some(&wb), IMPORT, json!({ "csv": csv, "skip": false }))
            .await,
    )["importEmrReadiness"]
        .clone();
    assert_eq!(all_or_nothing["changed"], 0);
    assert_eq!(
        all_or_nothing["errors"],
        json!([
            { "row": 5, "column": "workstations", "message": "must be not_started, in_progress or done" },
            { "row": 6, "column": "national_facility_id", "message": "no facility with this ID within your reach" }
        ])
    );
    assert_eq!(rollout(&app, &wb, json!({})).await["all"]["adopted"], 1);
    let applied = expect_data(
        &app.gql(Some(&wb), IMPORT, json!({ "csv": csv, "skip": true }))
            .await,
    )["importEmrReadiness"]
        .clone();
    assert_eq!(
        (
            applied["changed"].clone(),
            applied["unchanged"].clone(),
            applied["skipped"].clone()
        ),
        (json!(2), json!(1), json!(2))
    );
    let r = rollout(&app, &wb, json!({})).await;
    assert_eq!(r["all"]["adopted"], 2);
    assert_eq!(r["all"]["adoptedPercent"], 50.0);
    assert_eq!(r["monthly"][11]["adopted"], 2);
    let phc_row = r["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Beliaghata PHC")
        .unwrap()
        .clone();
    assert_eq!(
        phc_row["checklist"][1],
        json!({ "item": "LAN", "status": "DONE" })
    );

    // The CHC's history: created by the form, adopted by the sheet, both under the
    // state administrator's name; the unchanged hospital gained no row.
    let h = expect_data(&app.gql(Some(&wb), HISTORY, json!({ "f": chc["id"] })).await)
        ["emrReadinessHistory"]
        .clone();
    assert_eq!(h.as_array().unwrap().len(), 2);
    assert_eq!(h[0]["seq"], 2);
    assert_eq!(h[0]["source"], "import");
    assert_eq!(h[0]["adopted"], true);
    assert_eq!(h[0]["adoptedOn"], json!(today));
    assert_eq!(h[0]["changedBy"], "West Bengal State Administrator");
    assert_eq!(h[1]["source"], "form");
    assert_eq!(h[1]["adopted"], false);
    let h = expect_data(&app.gql(Some(&wb), HISTORY, json!({ "f": kdh["id"] })).await)
        ["emrReadinessHistory"]
        .clone();
    assert_eq!(h.as_array().unwrap().len(), 1);

    // Replaying the same sheet changes nothing more.
    let again = expect_data(
        &app.gql(Some(&wb), IMPORT, json!({ "csv": csv, "skip": true }))
            .await,
    )["importEmrReadiness"]
        .clone();
    assert_eq!(
        (again["changed"].clone(), again["unchanged"].clone()),
        (json!(0), json!(3))
    );

    // Audited: two deadlines and the two facilities the sheet changed.
    let tid = app.tenant_id("WB").await;
    let n = app
        .rows_in_tenant_with(
            &tid,
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM audit_events WHERE action = 'emr.rollout'",
            vec![],
        )
        .await[0]
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(n, 4);
    let _ = phc;
}

async fn the_rollout_stays_in_reach_and_in_its_tenant(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let tree = build_tree(&app, &wb).await;
    let [kdh, _phc, mdh, _chc] = fixture(&app, &wb, &tree).await;
    let today = india_today();
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user(
                "da.kolkata",
                json!([{ "role": "DISTRICT_ADMIN", "unitId": tree.kolkata["id"] }]),
            ),
        )
        .await,
    );
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user("nurse.k", json!([{ "role": "NURSE" }])),
        )
        .await,
    );
    let kolkata = app
        .token(Some("WB"), "da.kolkata", "a long enough password")
        .await;
    let nurse = app
        .token(Some("WB"), "nurse.k", "a long enough password")
        .await;

    // Kolkata's administrator counts Kolkata only; Murshidabad is not found to them.
    let r = rollout(&app, &kolkata, json!({})).await;
    assert_eq!(r["all"]["total"], 2);
    assert_eq!(r["byDistrict"].as_array().unwrap().len(), 1);
    expect_error(
        &app.gql(
            Some(&kolkata),
            ROLLOUT,
            json!({ "u": tree.murshidabad["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&kolkata), HISTORY, json!({ "f": mdh["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_data(
        &app.gql(Some(&kolkata), HISTORY, json!({ "f": kdh["id"] }))
            .await,
    );
    // They change readiness in their district only, and do not set the deadline.
    let csv = format!(
        "facility_id,lan\n{},done\n{},done\n",
        kdh["id"].as_str().unwrap(),
        mdh["id"].as_str().unwrap()
    );
    let report = expect_data(
        &app.gql(Some(&kolkata), IMPORT, json!({ "csv": csv, "skip": true }))
            .await,
    )["importEmrReadiness"]
        .clone();
    assert_eq!(
        report["unchanged"], 1,
        "the Kolkata hospital's LAN was done already"
    );
    assert_eq!(report["errors"][0]["row"], 3);
    expect_error(
        &app.gql(
            Some(&kolkata),
            DEADLINE,
            json!({ "d": today + Duration::days(30), "v": 0 }),
        )
        .await,
        "FORBIDDEN",
    );
    // Staff who are not administrators see the counts, not who changed what.
    assert_eq!(rollout(&app, &nurse, json!({})).await["all"]["total"], 4);
    expect_error(
        &app.gql(Some(&nurse), HISTORY, json!({ "f": kdh["id"] }))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(Some(&nurse), IMPORT, json!({ "csv": csv, "skip": true }))
            .await,
        "FORBIDDEN",
    );

    // Another tenant sees none of it: its roll-out is empty, West Bengal's facility
    // and unit are not found, and a sheet naming them changes nothing.
    let br = app.br_admin().await;
    let r = rollout(&app, &br, json!({})).await;
    assert_eq!(r["all"]["total"], 0);
    expect_error(
        &app.gql(Some(&br), ROLLOUT, json!({ "u": tree.kolkata["id"] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), HISTORY, json!({ "f": kdh["id"] })).await,
        "NOT_FOUND",
    );
    let report = expect_data(
        &app.gql(Some(&br), IMPORT, json!({ "csv": csv, "skip": true }))
            .await,
    )["importEmrReadiness"]
        .clone();
    assert_eq!(report["changed"], 0);
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
    // West Bengal's deadline is its own.
    expect_data(
        &app.gql(
            Some(&br),
            DEADLINE,
            json!({ "d": today + Duration::days(90), "v": 0 }),
        )
        .await,
    );
    assert_eq!(rollout(&app, &wb, json!({})).await["deadline"], Value::Null);
}
