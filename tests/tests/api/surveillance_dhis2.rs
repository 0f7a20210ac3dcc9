//! DHIS2: a tenant maps its places, conditions and (optionally) age groups and sexes to
//! DHIS2 identifiers; a week's counts leave as a `dataValueSets` payload, the same from
//! the GraphQL query and `arogya export dhis2`, checked against DHIS2's own patterns.

use super::oxygen_import::cli;
use super::patients::staff_token;
use super::records::Clinic;
use super::surveillance::{officer, scoped, this_week, REPORT};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(a_week_leaves_for_dhis2_as_mapped);

const SET: &str = "mutation($i: Dhis2MappingInput!) { setDhis2Mapping(input: $i) { id kind label dhis2Id version } }";
const EXPORT: &str = "query($w: String!) { dhis2Export(week: $w) { period payload valueCount skipped { reason label cases } } }";
const CONDITIONS: &str = "{ notifiableConditions { id code } }";

/// DHIS2's patterns (`UidUtils.UID_PATTERN`, `WeeklyPeriodType`), checked here apart
/// from the server's own code.
fn check_against_dhis2(payload: &Value) {
    let uid = regex::Regex::new(r"^[a-zA-Z][a-zA-Z0-9]{10}$").unwrap();
    let weekly = regex::Regex::new(r"^([0-9]{4})W([0-9]{1,2})$").unwrap();
    let values = payload["dataValues"].as_array().expect("dataValues");
    for v in values {
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        for k in &keys {
            assert!(
                [
                    "dataElement",
                    "period",
                    "orgUnit",
                    "categoryOptionCombo",
                    "value"
                ]
                .contains(&k.as_str()),
                "DHIS2 has no field {k}"
            );
        }
        assert!(uid.is_match(v["dataElement"].as_str().unwrap()), "{v}");
        assert!(uid.is_match(v["orgUnit"].as_str().unwrap()), "{v}");
        if let Some(c) = v.get("categoryOptionCombo") {
            assert!(uid.is_match(c.as_str().unwrap()), "{v}");
        }
        let p = weekly
            .captures(v["period"].as_str().unwrap())
            .expect("a weekly period");
        let w: u32 = p[2].parse().unwrap();
        assert!((1..=53).contains(&w));
        let n: i64 = v["value"]
            .as_str()
            .expect("values are strings")
            .parse()
            .unwrap();
        assert!(n > 0, "no zero values: {v}");
    }
}

fn cli_export(app: &TestApp, tenant: &str, week: &str) -> (Value, String) {
    let out = cli(
        app,
        &["export", "dhis2", "--tenant", tenant, "--week", week],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    (
        serde_json::from_slice(&out.stdout).expect("JSON on stdout"),
        stderr,
    )
}

async fn a_week_leaves_for_dhis2_as_mapped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let worker = staff_token(&app, &c.wb, "asha.dhis2", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let report = |condition: &str, unit: &Value, name: &str, age: i64, sex: &str| json!({ "i": { "condition": condition, "unitId": unit, "village": "Lalbag ward 3", "name": name, "ageYears": age, "sex": sex, "symptoms": "fever", "onsetDate": today.to_string() } });
    for (i, age) in [3, 25, 30].iter().enumerate() {
        let v = report(
            "DENGUE",
            &c.tree.block["id"],
            &format!("Dengue {i}"),
            *age,
            "female",
        );
        expect_data(&app.gql(Some(&worker), REPORT, v).await);
    }
    let v = report("TYPHOID", &c.tree.block["id"], "Typhoid one", 40, "male");
    expect_data(&app.gql(Some(&worker), REPORT, v).await);
    let v = report("DENGUE", &c.tree.kolkata["id"], "Kolkata one", 50, "male");
    expect_data(&app.gql(Some(&worker), REPORT, v).await);

    let cell = officer(&app, &c.wb, "idsp.dhis2", None).await;
    let conds = expect_data(&app.gql(Some(&cell), CONDITIONS, json!({})).await);
    let id_of = |code: &str| {
        conds["notifiableConditions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()["id"]
            .clone()
    };
    let set = |i: Value| app.gql(Some(&cell), SET, json!({ "i": i }));
    let district = expect_data(
        &set(json!({ "kind": "ORG_UNIT", "unitId": c.tree.murshidabad["id"], "dhis2Id": "MshDist0001" })).await,
    )["setDhis2Mapping"]
        .clone();
    assert_eq!(district["label"], c.tree.murshidabad["name"]);
    expect_data(&set(json!({ "kind": "DATA_ELEMENT", "conditionId": id_of("DENGUE"), "measure": "cases", "dhis2Id": "DengueCase1" })).await);

    // Bad identifiers, an identifier another place holds, a missing version, another
    // tenant's unit, and callers who do not set DHIS2 up are refused.
    for bad in ["1engueCase1", "DengueCase", "Dengue-ase1"] {
        let r = set(json!({ "kind": "ORG_UNIT", "unitId": c.tree.kolkata["id"], "dhis2Id": bad }))
            .await;
        expect_error(&r, "VALIDATION");
    }
    let r = set(
        json!({ "kind": "ORG_UNIT", "unitId": c.tree.kolkata["id"], "dhis2Id": "MshDist0001" }),
    )
    .await;
    assert!(
        expect_error(&r, "VALIDATION")["message"]
            .as_str()
            .unwrap()
            .contains("already mapped"),
        "{r}"
    );
    let r = set(
        json!({ "kind": "ORG_UNIT", "unitId": c.tree.murshidabad["id"], "dhis2Id": "MshDist0002" }),
    )
    .await;
    expect_error(&r, "CONFLICT");
    let r = set(
        json!({ "kind": "CATEGORY", "ageGroup": "0-4", "sex": "robot", "dhis2Id": "Under5Fem01" }),
    )
    .await;
    expect_error(&r, "VALIDATION");
    let br = app.br_admin().await;
    let r = app
        .gql(Some(&br), SET, json!({ "i": { "kind": "ORG_UNIT", "unitId": c.tree.murshidabad["id"], "dhis2Id": "BrOther0001" } }))
        .await;
    expect_error(&r, "NOT_FOUND");
    let da = scoped(
        &app,
        &c.wb,
        "da.dhis2",
        "DISTRICT_ADMIN",
        &c.tree.murshidabad["id"],
    )
    .await;
    let r = app
        .gql(Some(&da), EXPORT, json!({ "w": this_week() }))
        .await;
    expect_error(&r, "FORBIDDEN");

    // The week: three dengue cases under Murshidabad go to its organisation unit; the
    // Kolkata case (no mapping) and typhoid (no data element) are listed, not lost.
    let wk = this_week();
    let e =
        expect_data(&app.gql(Some(&cell), EXPORT, json!({ "w": wk })).await)["dhis2Export"].clone();
    assert_eq!(e["period"], wk.as_str());
    check_against_dhis2(&e["payload"]);
    assert_eq!(
        e["payload"]["dataValues"],
        json!([{ "dataElement": "DengueCase1", "period": wk, "orgUnit": "MshDist0001", "value": "3" }])
    );
    let skipped = e["skipped"].as_array().unwrap();
    let kolkata = format!("DENGUE in {}", c.tree.kolkata["name"].as_str().unwrap());
    assert!(
        skipped.iter().any(|s| s["reason"] == "place_not_mapped"
            && s["label"] == kolkata.as_str()
            && s["cases"] == 1),
        "{e}"
    );
    assert!(
        skipped.iter().any(|s| s["reason"] == "condition_not_mapped"
            && s["label"] == "TYPHOID"
            && s["cases"] == 1),
        "{e}"
    );

    // The command line gives the same payload.
    let (payload, stderr) = cli_export(&app, "WB", &wk);
    assert_eq!(payload, e["payload"]);
    assert!(stderr.contains(&kolkata), "{stderr}");

    // Broken down by age and sex once category option combinations are mapped: the
    // adult women map, the child does not and is listed.
    expect_data(&set(json!({ "kind": "CATEGORY", "ageGroup": "15-44", "sex": "female", "dhis2Id": "Adult15F001" })).await);
    let e =
        expect_data(&app.gql(Some(&cell), EXPORT, json!({ "w": wk })).await)["dhis2Export"].clone();
    check_against_dhis2(&e["payload"]);
    assert_eq!(
        e["payload"]["dataValues"],
        json!([{ "dataElement": "DengueCase1", "period": wk, "orgUnit": "MshDist0001", "categoryOptionCombo": "Adult15F001", "value": "2" }])
    );
    assert!(
        e["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["reason"] == "age_sex_not_mapped" && s["cases"] == 1),
        "{e}"
    );

    // A mapping changes at the version read, and clears.
    let changed = expect_data(
        &set(json!({ "kind": "ORG_UNIT", "unitId": c.tree.murshidabad["id"], "dhis2Id": "MshDist0002", "expectedVersion": district["version"] })).await,
    )["setDhis2Mapping"]
        .clone();
    assert_eq!(
        (changed["dhis2Id"].as_str(), changed["version"].as_i64()),
        (Some("MshDist0002"), Some(2))
    );
    let cleared = expect_data(
        &set(json!({ "kind": "ORG_UNIT", "unitId": c.tree.murshidabad["id"], "dhis2Id": null, "expectedVersion": 2 })).await,
    );
    assert!(cleared["setDhis2Mapping"].is_null());
    let list = expect_data(
        &app.gql(
            Some(&cell),
            "{ dhis2Mappings { kind label dhis2Id } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(list["dhis2Mappings"].as_array().unwrap().len(), 2, "{list}");

    // Bad weeks are refused; another tenant's export holds none of these.
    let r = app
        .gql(Some(&cell), EXPORT, json!({ "w": "2026-49" }))
        .await;
    expect_error(&r, "VALIDATION");
    let e =
        expect_data(&app.gql(Some(&br), EXPORT, json!({ "w": wk })).await)["dhis2Export"].clone();
    assert_eq!(e["payload"]["dataValues"], json!([]));
    assert_eq!(e["skipped"], json!([]));

    // Every export is audited, the command line's too; mapping changes with before and after.
    let tid = app.tenant_id("WB").await;
    let tenant: uuid::Uuid = tid.parse().unwrap();
    let rows = app
        .rows_in_tenant_with(&tid, "SELECT action FROM audit_events WHERE tenant_id = $1 AND (action = 'surveillance.export' OR entity_type = 'dhis2_mapping')", vec![tenant.into()])
        .await;
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "surveillance.export")
            .count(),
        3,
        "{actions:?}"
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "surveillance.setup")
            .count(),
        5,
        "{actions:?}"
    );
}
