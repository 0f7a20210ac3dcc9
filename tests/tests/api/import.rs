//! Bulk import from CSV: the sample files, files with bad rows, and 10,000 rows.

use super::units::build_tree;
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::{json, Value};

const IMPORT_FACILITIES: &str = "mutation($c: String!, $s: Boolean) { importFacilities(csv: $c, skipInvalid: $s) { imported skipped errors { row column message } } }";
const IMPORT_PROFESSIONALS: &str = "mutation($c: String!, $s: Boolean) { importProfessionals(csv: $c, skipInvalid: $s) { imported skipped errors { row column message } } }";

pub fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../docs/samples/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

async fn import(app: &TestApp, token: &str, query: &str, csv: &str, skip: bool) -> Value {
    expect_data(
        &app.gql(Some(token), query, json!({ "c": csv, "s": skip }))
            .await,
    )
    .as_object()
    .unwrap()
    .values()
    .next()
    .unwrap()
    .clone()
}

async fn facility_count(app: &TestApp, token: &str) -> i64 {
    let body = app
        .gql(
            Some(token),
            "{ facilityCountsByDistrict { total } }",
            json!({}),
        )
        .await;
    expect_data(&body)["facilityCountsByDistrict"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["total"].as_i64().unwrap())
        .sum()
}

on_both_backends!(the_sample_files_import);

async fn the_sample_files_import(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    build_tree(&app, &wb).await;
    let report = import(
        &app,
        &wb,
        IMPORT_FACILITIES,
        &sample("facilities.csv"),
        false,
    )
    .await;
    assert_eq!(report, json!({ "imported": 3, "skipped": 0, "errors": [] }));
    let report = import(
        &app,
        &wb,
        IMPORT_PROFESSIONALS,
        &sample("professionals.csv"),
        false,
    )
    .await;
    assert_eq!(report, json!({ "imported": 3, "skipped": 0, "errors": [] }));

    let q = "{ facilities(filter: { search: \"murshidabad medical\" }) { edges { node { beds { icu } totalBeds emrReadiness { adoptedOn } district { name } \
             staff { designation professional { name verificationStatus registrations { number } } } } } } }";
    let f = expect_data(&app.gql(Some(&wb), q, json!({})).await)["facilities"]["edges"][0]["node"]
        .clone();
    assert_eq!(f["beds"]["icu"], 30);
    assert_eq!(f["emrReadiness"]["adoptedOn"], "2026-04-01");
    assert_eq!(f["staff"][0]["professional"]["name"], "Dr. Ananya Sen");
    assert_eq!(
        f["staff"][0]["professional"]["verificationStatus"],
        "PENDING"
    );
    assert_eq!(
        f["staff"][0]["professional"]["registrations"][0]["number"],
        "WBMC-58211"
    );
    // Each imported row is audited; importing the same file again finds every row taken.
    let audit = app
        .gql(
            Some(&wb),
            "{ auditEvents(filter: { action: \"professional.create\" }) { edges { cursor } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_data(&audit)["auditEvents"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let again = import(
        &app,
        &wb,
        IMPORT_FACILITIES,
        &sample("facilities.csv"),
        false,
    )
    .await;
    assert_eq!(again["imported"], 0);
    assert_eq!(again["errors"].as_array().unwrap().len(), 3);
}

on_both_backends!(bad_rows_are_all_reported_and_nothing_is_imported);

async fn bad_rows_are_all_reported_and_nothing_is_imported(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    build_tree(&app, &wb).await;
    let csv = "name,type,ownership,unit_lgd_code,pincode,national_facility_id,beds_icu\n\
               Good One,phc,public,320,742101,IN1920000011,2\n\
               Bad Pin,phc,public,320,042101,,\n\
               Nowhere,phc,public,99999,,,\n\
               Good Two,phc,public,327,,IN1920000012,\n\
               Twin,phc,public,327,,IN1920000012,\n\
               Bad Count,phc,public,327,,,lots\n\
               Bad Type,spa,public,327,,,\n";
    let report = import(&app, &wb, IMPORT_FACILITIES, csv, false).await;
    assert_eq!(report["imported"], 0);
    let errors: Vec<(i64, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "pincode".to_owned()),
            (4, "unit_lgd_code".to_owned()),
            (6, "national_facility_id".to_owned()),
            (7, "beds_icu".to_owned()),
            (8, "type".to_owned()),
        ]
    );
    assert_eq!(
        facility_count(&app, &wb).await,
        0,
        "nothing may be imported"
    );

    // Asked to, the valid rows go in and the rest are reported.
    let report = import(&app, &wb, IMPORT_FACILITIES, csv, true).await;
    assert_eq!(
        (report["imported"].clone(), report["skipped"].clone()),
        (json!(2), json!(5))
    );
    assert_eq!(facility_count(&app, &wb).await, 2);

    // A file without the required columns is refused as a whole.
    let report = import(&app, &wb, IMPORT_FACILITIES, "name,type\nX,phc\n", false).await;
    assert_eq!(report["errors"][0]["row"], 1);
    assert!(report["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("unit_lgd_code"));
}

on_both_backends!(ten_thousand_rows_import_in_one_go);

async fn ten_thousand_rows_import_in_one_go(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    build_tree(&app, &wb).await;
    let mut csv = String::from(
        "name,type,ownership,unit_lgd_code,pincode,beds_general,national_facility_id\n",
    );
    let codes = ["320", "327", "2345"];
    for i in 0..10_000 {
        csv.push_str(&format!(
            "Sub-centre {i},sub_centre_hwc,public,{},742101,{},IN29{i:08}\n",
            codes[i % 3],
            i % 7
        ));
    }
    let started = std::time::Instant::now();
    let report = import(&app, &wb, IMPORT_FACILITIES, &csv, false).await;
    eprintln!(
        "imported 10,000 facilities in {:?} ({backend:?})",
        started.elapsed()
    );
    assert_eq!(
        report,
        json!({ "imported": 10000, "skipped": 0, "errors": [] })
    );
    assert_eq!(facility_count(&app, &wb).await, 10_000);
}
