//! `arogya import items`: the sample catalogue in docs/samples goes in; a bad file is
//! reported row by row and nothing of it is imported; codes already in the
//! catalogue are refused.

use super::oxygen_import::{cli, out};
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::json;
use std::path::PathBuf;

on_both_backends!(the_catalogue_imports_from_csv);

async fn the_catalogue_imports_from_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let bad = app.dir.join("bad-items.csv");
    std::fs::write(
        &bad,
        "code,name,kind,strength,form,pack_size,unit_of_issue,essential,schedule,over_the_counter\n\
         ORS,Oral rehydration salts,medicine,,powder,1,sachet,yes,,yes\n\
         MORPH,Morphine,medicine,10 mg,injection,10,ampoule,yes,x,yes\n\
         BAD CODE,Something,medicine,,,1,tablet,maybe,,\n",
    )
    .unwrap();
    let refused = cli(
        &app,
        &["import", "items", bad.to_str().unwrap(), "--tenant", "WB"],
    );
    assert!(!refused.status.success());
    let text = out(&refused);
    assert!(text.contains("row 3: over_the_counter"), "{text}");
    assert!(text.contains("row 4: essential"), "{text}");
    let count = "{ supplyItems { code } }";
    assert_eq!(
        expect_data(&app.gql(Some(&wb), count, json!({})).await)["supplyItems"],
        json!([]),
        "nothing of a bad file goes in"
    );

    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/samples/items.csv");
    let ok = cli(
        &app,
        &[
            "import",
            "items",
            sample.to_str().unwrap(),
            "--tenant",
            "WB",
        ],
    );
    assert!(ok.status.success(), "{}", out(&ok));
    assert!(
        out(&ok).contains("items: 28 imported, 0 skipped, 0 errors"),
        "{}",
        out(&ok)
    );
    let items = expect_data(
        &app.gql(
            Some(&wb),
            "{ supplyItems(search: \"orphi\") { code schedule overTheCounter } }",
            json!({}),
        )
        .await,
    )["supplyItems"]
        .clone();
    assert_eq!(
        items,
        json!([{ "code": "MORPH-10", "schedule": "X", "overTheCounter": false }])
    );

    // Again, with --skip-invalid: every code is already in the catalogue.
    let again = cli(
        &app,
        &[
            "import",
            "items",
            sample.to_str().unwrap(),
            "--tenant",
            "WB",
            "--skip-invalid",
        ],
    );
    assert!(
        out(&again).contains("items: 0 imported, 28 skipped, 28 errors"),
        "{}",
        out(&again)
    );
}
