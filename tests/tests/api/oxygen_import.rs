//! `arogya import oxygen-sources` and `arogya import equipment`: the samples in
//! docs/samples go in with a progress bar; a bad file is reported row by row and
//! nothing of it is imported.

use arogya_tests::{arogya_bin, expect_data, Backend, TestApp};
use serde_json::json;
use std::path::PathBuf;
use std::process::{Command, Output};

pub fn cli(app: &TestApp, args: &[&str]) -> Output {
    Command::new(arogya_bin())
        .current_dir(&app.dir)
        .env_remove("AROGYA_CONFIG")
        .env("AROGYA_DATABASE_URL", &app.config.database_url)
        .env("AROGYA_MIGRATE_ON_START", "false")
        .env("AROGYA_JWT_KEYS_DIR", &app.config.jwt_keys_dir)
        .env("AROGYA_OBJECT_STORE_DIR", &app.config.object_store_dir)
        .env("AROGYA_PII_KEY_FILE", &app.config.pii_key_file)
        .env("AROGYA_LOG_FILTER", "warn")
        .args(args)
        .output()
        .expect("running arogya")
}

pub fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

on_both_backends!(oxygen_sources_and_equipment_import_from_csv);

async fn oxygen_sources_and_equipment_import_from_csv(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    super::units::build_tree(&app, &wb).await;
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/samples");
    let file = |name: &str| samples.join(name).to_str().unwrap().to_owned();
    let ok = cli(
        &app,
        &[
            "import",
            "facilities",
            &file("facilities.csv"),
            "--tenant",
            "WB",
        ],
    );
    assert!(ok.status.success(), "{}", out(&ok));

    // Without the D cylinder type the cylinder rows are refused, and nothing goes in.
    let refused = cli(
        &app,
        &[
            "import",
            "oxygen-sources",
            &file("oxygen-sources.csv"),
            "--tenant",
            "WB",
        ],
    );
    assert!(!refused.status.success());
    let text = out(&refused);
    assert!(
        text.contains("row 4: cylinder_type: no cylinder type D"),
        "{text}"
    );
    assert!(text.contains("row 7: cylinder_type"), "{text}");
    assert!(text.contains("oxygen sources: 0 imported"), "{text}");

    let add = "mutation { addOxygenCylinderType(input: { code: \"D\", name: \"Jumbo\", gasLitres: 7000 }) { id } }";
    expect_data(&app.gql(Some(&wb), add, json!({})).await);
    let ok = cli(
        &app,
        &[
            "import",
            "oxygen-sources",
            &file("oxygen-sources.csv"),
            "--tenant",
            "WB",
        ],
    );
    let text = out(&ok);
    assert!(ok.status.success(), "{text}");
    assert!(
        text.contains("oxygen sources: 6 imported, 0 skipped, 0 errors"),
        "{text}"
    );
    assert!(text.contains("6/6 rows"), "a progress bar: {text}");

    // The order the HFNC arrived against, then the equipment.
    let order = "mutation { placeEquipmentOrder(input: { kind: HFNC, supplier: \"Fisher & Paykel\", quantity: 300, orderedOn: \"2026-06-01\", reference: \"WB/HFNC/300\" }) { id } }";
    expect_data(&app.gql(Some(&wb), order, json!({})).await);
    let ok = cli(
        &app,
        &[
            "import",
            "equipment",
            &file("equipment.csv"),
            "--tenant",
            "WB",
        ],
    );
    let text = out(&ok);
    assert!(ok.status.success(), "{text}");
    assert!(
        text.contains("equipment: 6 imported, 0 skipped, 0 errors"),
        "{text}"
    );
    let orders = expect_data(
        &app.gql(
            Some(&wb),
            "{ equipmentOrders { received outstanding } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(orders["equipmentOrders"][0]["received"], 1);
    assert_eq!(orders["equipmentOrders"][0]["outstanding"], 299);

    // The same file again: every serial number is already registered.
    let again = cli(
        &app,
        &[
            "import",
            "equipment",
            &file("equipment.csv"),
            "--tenant",
            "WB",
        ],
    );
    assert!(!again.status.success());
    let text = out(&again);
    for row in 2..=7 {
        assert!(
            text.contains(&format!("row {row}: serial_number:")),
            "{text}"
        );
    }
    // With --skip-invalid the good rows of a mixed file go in.
    let mixed = app.dir.join("mixed.csv");
    std::fs::write(&mixed, "facility_national_id,kind,make,model,serial_number,source,installed_on\nIN1920000002,cpap,ResMed,AirSense,CP-1,procured,2026-01-01\nIN1920000002,toaster,X,Y,Z-1,procured,\nIN1920000009,cpap,ResMed,AirSense,CP-2,procured,2099-01-01\n").unwrap();
    let mixed = cli(
        &app,
        &[
            "import",
            "equipment",
            mixed.to_str().unwrap(),
            "--tenant",
            "WB",
            "--skip-invalid",
        ],
    );
    let text = out(&mixed);
    assert!(
        text.contains("equipment: 1 imported, 2 skipped, 2 errors"),
        "{text}"
    );
    assert!(
        text.contains("row 3: kind:") && text.contains("row 4: installed_on:"),
        "{text}"
    );
}
