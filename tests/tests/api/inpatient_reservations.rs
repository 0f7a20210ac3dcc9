//! Bed reservations and wards and beds read as FHIR Locations, black-box on both
//! backends: a held bed counts as reserved and nobody else can take it, the patient
//! moves into it, a transfer elsewhere or a discharge gives it up, two holds on one
//! bed at once give one winner, and other tenants see nothing.

use super::fhir::{get, validate};
use super::inpatient_support::*;
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const RESERVE: &str = "mutation($a: ID!, $b: ID!) { reserveBed(admissionId: $a, bedId: $b) { admissionId bedId reservedAt } }";
const CANCEL: &str = "mutation($a: ID!) { cancelBedReservation(admissionId: $a) }";
const HELD: &str = "query($a: ID!) { bedReservation(admissionId: $a) { bedId } }";

async fn state_of(app: &TestApp, h: &Hospital, ward: &Value, bed: &Value) -> (String, Value) {
    let board = expect_data(
        &app.gql(Some(&h.c.nurse), BOARD, json!({ "w": ward["id"] }))
            .await,
    )["wardBoard"]
        .clone();
    let tile = board["beds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["bed"]["id"] == bed["id"])
        .expect("the bed on its ward's board")
        .clone();
    (
        tile["state"].as_str().unwrap().to_owned(),
        tile["admission"]["id"].clone(),
    )
}

on_both_backends!(a_held_bed_waits_for_its_patient);

async fn a_held_bed_waits_for_its_patient(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Mitali", "9830021001", &h.beds[0]).await;
    let (_, b) = h.admit(&app, "Nupur", "9830021002", &h.beds[1]).await;
    let icu1 = &h.icu_beds[0];

    let held = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": a["id"], "b": icu1["id"] }),
        )
        .await,
    )["reserveBed"]
        .clone();
    assert_eq!(held["bedId"], icu1["id"]);
    assert_eq!(
        state_of(&app, &h, &h.icu, icu1).await,
        ("RESERVED".to_owned(), a["id"].clone()),
        "the board shows whom the bed waits for"
    );
    let occ = expect_data(
        &app.gql(
            Some(&h.c.wb),
            "query($f: ID) { bedOccupancy(facilityId: $f) { total { total occupied reserved free } } }",
            json!({ "f": h.c.kolkata["id"] }),
        )
        .await,
    )["bedOccupancy"]["total"]
        .clone();
    assert_eq!(
        occ,
        json!({ "total": 6, "occupied": 2, "reserved": 1, "free": 3 }),
        "a held bed is neither free nor occupied"
    );

    // Nobody else takes it: not by transfer, not by admission.
    let taken = app
        .gql(
            Some(&h.c.nurse),
            TRANSFER,
            json!({ "a": b["id"], "v": b["version"], "b": icu1["id"] }),
        )
        .await;
    assert_eq!(error_code(&taken).as_deref(), Some("CONFLICT"), "{taken}");
    assert!(
        taken["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("reserved"),
        "{taken}"
    );
    let newcomer = h.c.patient(&app, "Oindrila", "9830021003").await;
    expect_error(
        &app.gql(Some(&h.c.nurse), ADMIT, h.admission(&newcomer, icu1))
            .await,
        "CONFLICT",
    );

    // The patient moves in: the hold becomes the stay.
    let moved = expect_data(
        &app.gql(
            Some(&h.c.nurse),
            TRANSFER,
            json!({ "a": a["id"], "v": a["version"], "b": icu1["id"] }),
        )
        .await,
    )["transferPatient"]
        .clone();
    assert_eq!(moved["bedLabel"], "ICU-1");
    assert_eq!(
        state_of(&app, &h, &h.icu, icu1).await,
        ("OCCUPIED".to_owned(), a["id"].clone())
    );
    assert!(expect_data(
        &app.gql(Some(&h.c.nurse), HELD, json!({ "a": a["id"] }))
            .await
    )["bedReservation"]
        .is_null());

    // A new hold replaces the old one; a discharge gives it up.
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": b["id"], "b": h.beds[2]["id"] }),
        )
        .await,
    );
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": b["id"], "b": h.beds[3]["id"] }),
        )
        .await,
    );
    assert_eq!(state_of(&app, &h, &h.ward, &h.beds[2]).await.0, "FREE");
    assert_eq!(state_of(&app, &h, &h.ward, &h.beds[3]).await.0, "RESERVED");
    let out = json!({ "i": { "admissionId": b["id"], "expectedVersion": b["version"], "outcome": "RECOVERED" } });
    expect_data(&app.gql(Some(&h.c.doctor), DISCHARGE, out).await);
    assert_eq!(state_of(&app, &h, &h.ward, &h.beds[3]).await.0, "FREE");

    // Given up by hand, once.
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": a["id"], "b": h.beds[3]["id"] }),
        )
        .await,
    );
    let cancel = |n: &'static str| {
        let app = &app;
        let nurse = h.c.nurse.clone();
        let id = a["id"].clone();
        async move {
            expect_data(&app.gql(Some(&nurse), CANCEL, json!({ "a": id })).await)
                ["cancelBedReservation"]
                .as_bool()
                .unwrap_or_else(|| panic!("{n}"))
        }
    };
    assert!(cancel("first").await);
    assert!(!cancel("second").await, "nothing left to give up");
    assert_eq!(state_of(&app, &h, &h.ward, &h.beds[3]).await.0, "FREE");

    // Not a bed of another facility, not the bed the patient lies in.
    let bad = app
        .gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": a["id"], "b": icu1["id"] }),
        )
        .await;
    expect_error(&bad, "VALIDATION");
}

on_both_backends!(two_holds_on_one_bed_give_one_winner);

async fn two_holds_on_one_bed_give_one_winner(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Pritha", "9830022001", &h.beds[0]).await;
    let (_, b) = h.admit(&app, "Rumki", "9830022002", &h.beds[1]).await;
    let (_, c) = h.admit(&app, "Sathi", "9830022003", &h.beds[2]).await;
    let tries = futures_util::future::join_all([&a, &b, &c].map(|x| {
        app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": x["id"], "b": h.icu_beds[1]["id"] }),
        )
    }))
    .await;
    let won = tries.iter().filter(|t| t["errors"].is_null()).count();
    assert_eq!(won, 1, "{tries:?}");
    for t in tries.iter().filter(|t| !t["errors"].is_null()) {
        assert_eq!(error_code(t).as_deref(), Some("CONFLICT"), "{t}");
        assert!(
            t["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("ICU-2"),
            "{t}"
        );
    }
    // Other tenants neither hold nor see.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            RESERVE,
            json!({ "a": a["id"], "b": h.icu_beds[0]["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), HELD, json!({ "a": a["id"] })).await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), CANCEL, json!({ "a": a["id"] })).await,
        "NOT_FOUND",
    );
}

on_both_backends!(wards_and_beds_read_as_locations);

async fn wards_and_beds_read_as_locations(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let (_, a) = h.admit(&app, "Tania", "9830023001", &h.beds[0]).await;
    expect_data(
        &app.gql(
            Some(&h.c.nurse),
            RESERVE,
            json!({ "a": a["id"], "b": h.icu_beds[0]["id"] }),
        )
        .await,
    );
    let read = |id: &Value, token: Option<String>| {
        let path = format!("/fhir/R4/Location/{}", id.as_str().unwrap());
        let app = &app;
        async move { get(app, &path, token.as_deref()).await }
    };
    let (status, _, bed) = read(&h.beds[0]["id"], Some(h.c.wb.clone())).await;
    assert_eq!(status, 200, "{bed}");
    assert_eq!(
        (
            bed["resourceType"].as_str(),
            bed["operationalStatus"]["code"].as_str()
        ),
        (Some("Location"), Some("O")),
        "{bed}"
    );
    assert_eq!(
        bed["partOf"]["reference"],
        format!("Location/{}", h.ward["id"].as_str().unwrap())
    );
    let (_, _, held) = read(&h.icu_beds[0]["id"], Some(h.c.nurse.clone())).await;
    assert_eq!(
        held["operationalStatus"]["code"], "U",
        "reserved is still unoccupied: {held}"
    );
    let (_, _, free) = read(&h.beds[1]["id"], Some(h.c.nurse.clone())).await;
    assert_eq!(free["operationalStatus"]["code"], "U");
    let (status, _, ward) = read(&h.ward["id"], Some(h.c.nurse.clone())).await;
    assert_eq!(status, 200, "{ward}");
    assert_eq!(ward["physicalType"]["coding"][0]["code"], "wa");
    assert_eq!(ward["name"], "Female Medical");
    // Staff of another facility are refused; another tenant finds nothing; no token, no read.
    assert_eq!(
        read(&h.ward["id"], Some(h.c.lalbag_doctor.clone())).await.0,
        403
    );
    let br = app.br_admin().await;
    assert_eq!(read(&h.beds[0]["id"], Some(br)).await.0, 404);
    assert_eq!(read(&h.beds[0]["id"], None).await.0, 401);
    validate(&[&bed, &held, &ward]);
}
