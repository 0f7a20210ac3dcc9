//! Appointments, black-box: weekly sessions give free slots; booking gives the
//! department's next token; a slot is never booked twice, even by simultaneous
//! requests; days off, cancelling and rescheduling; who may do what.

use super::records::Clinic;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

const SESSION: &str = "mutation($i: ClinicSessionInput!) { addClinicSession(input: $i) { id weekday start end slotMinutes } }";
const FREE: &str = "query($f: ID!, $p: ID, $from: NaiveDate!, $to: NaiveDate!) { freeSlots(facilityId: $f, professionalId: $p, from: $from, to: $to, department: \"Medicine\") { professionalId start end } }";
const BOOK: &str = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id start day tokenNumber status version } }";
const DAY: &str = "query($p: ID!, $d: NaiveDate!) { doctorDayList(professionalId: $p, day: $d) { id tokenNumber start } }";

/// The Monday at least a week ahead (India time).
fn next_monday() -> chrono::NaiveDate {
    let today = (Utc::now() + Duration::minutes(330)).date_naive() + Duration::days(7);
    today + Duration::days((7 - today.weekday().num_days_from_monday() as i64) % 7)
}

async fn operator(app: &TestApp, admin: &str) -> String {
    expect_data(
        &app.gql(
            Some(admin),
            CREATE_USER,
            new_user("op.appt", json!([{ "role": "HELPLINE_OPERATOR" }])),
        )
        .await,
    );
    app.token(Some("WB"), "op.appt", "a long enough password")
        .await
}

fn booking(patient: &Value, c: &Clinic, start: &Value) -> Value {
    json!({ "i": { "patientId": patient["id"], "facilityId": c.kolkata["id"], "department": "Medicine", "professionalId": c.doctor_id, "start": start } })
}

on_both_backends!(slots_are_booked_once_with_daily_tokens);

async fn slots_are_booked_once_with_daily_tokens(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let op = operator(&app, &c.wb).await;
    let monday = next_monday();
    let session = json!({ "i": { "facilityId": c.kolkata["id"], "department": "Medicine", "professionalId": c.doctor_id, "weekday": 1, "start": "09:00", "end": "10:00", "slotMinutes": 15, "validFrom": monday.to_string() } });
    // Only the facility's or the department's administrators set schedules.
    expect_error(
        &app.gql(Some(&op), SESSION, session.clone()).await,
        "FORBIDDEN",
    );
    let mut bad = session.clone();
    bad["i"]["end"] = json!("08:00");
    assert_eq!(
        expect_error(&app.gql(Some(&c.wb), SESSION, bad).await, "VALIDATION")["extensions"]
            ["field"],
        "end"
    );
    expect_data(&app.gql(Some(&c.wb), SESSION, session).await);

    let span = json!({ "f": c.kolkata["id"], "p": c.doctor_id, "from": monday.to_string(), "to": (monday + Duration::days(6)).to_string() });
    let free = expect_data(&app.gql(Some(&op), FREE, span.clone()).await)["freeSlots"].clone();
    assert_eq!(free.as_array().unwrap().len(), 4, "{free}");
    // 09:00 India time is 03:30 UTC.
    assert!(
        free[0]["start"].as_str().unwrap().contains("03:30:00"),
        "{free}"
    );

    let rina = c.patient(&app, "Rina", "9830010001").await;
    let mitra = c.patient(&app, "Mitra", "9830010002").await;
    // Simultaneous requests for one slot: exactly one wins, the rest get CONFLICT.
    let attempts = futures_util::future::join_all(
        (0..8).map(|_| app.gql(Some(&op), BOOK, booking(&rina, &c, &free[0]["start"]))),
    )
    .await;
    let won: Vec<&Value> = attempts.iter().filter(|b| b["errors"].is_null()).collect();
    assert_eq!(won.len(), 1, "{attempts:?}");
    for b in attempts.iter().filter(|b| !b["errors"].is_null()) {
        assert_eq!(error_code(b).as_deref(), Some("CONFLICT"), "{b}");
    }
    let first = won[0]["data"]["bookAppointment"].clone();
    assert_eq!(
        (first["tokenNumber"].as_i64(), first["day"].as_str()),
        (Some(1), Some(monday.to_string().as_str()))
    );
    let second = expect_data(
        &app.gql(Some(&op), BOOK, booking(&mitra, &c, &free[1]["start"]))
            .await,
    )["bookAppointment"]
        .clone();
    assert_eq!(second["tokenNumber"], 2);
    let free_now = expect_data(&app.gql(Some(&op), FREE, span.clone()).await)["freeSlots"].clone();
    assert_eq!(free_now.as_array().unwrap().len(), 2);
    // A time that is not a slot, and a slot in the past, are refused.
    let mut off_grid = booking(&mitra, &c, &free[2]["start"]);
    off_grid["i"]["start"] = json!(chrono::DateTime::parse_from_rfc3339(
        free[2]["start"].as_str().unwrap()
    )
    .unwrap()
    .checked_add_signed(Duration::minutes(5))
    .unwrap()
    .to_rfc3339());
    expect_error(&app.gql(Some(&op), BOOK, off_grid).await, "VALIDATION");

    // The doctor's day list, in time order with tokens.
    let day = expect_data(
        &app.gql(
            Some(&c.doctor),
            DAY,
            json!({ "p": c.doctor_id, "d": monday.to_string() }),
        )
        .await,
    )["doctorDayList"]
        .clone();
    assert_eq!(
        day.as_array()
            .unwrap()
            .iter()
            .map(|a| a["tokenNumber"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [1, 2]
    );

    // Reschedule frees the old slot; cancel frees the slot too.
    let move_q = "mutation($id: ID!, $v: Int!, $s: DateTime!) { rescheduleAppointment(id: $id, expectedVersion: $v, start: $s) { id start tokenNumber } }";
    expect_error(
        &app.gql(
            Some(&op),
            move_q,
            json!({ "id": first["id"], "v": first["version"], "s": free[1]["start"] }),
        )
        .await,
        "CONFLICT",
    );
    let moved = expect_data(
        &app.gql(
            Some(&op),
            move_q,
            json!({ "id": first["id"], "v": first["version"], "s": free[3]["start"] }),
        )
        .await,
    )["rescheduleAppointment"]
        .clone();
    assert_eq!(moved["start"], free[3]["start"]);
    let cancel = "mutation($id: ID!, $v: Int!) { cancelAppointment(id: $id, expectedVersion: $v, reason: \"Feeling better\") { status } }";
    expect_error(
        &app.gql(Some(&op), cancel, json!({ "id": first["id"], "v": 2 }))
            .await,
        "VALIDATION",
    );
    expect_data(
        &app.gql(
            Some(&op),
            cancel,
            json!({ "id": second["id"], "v": second["version"] }),
        )
        .await,
    );
    let free_now = expect_data(&app.gql(Some(&op), FREE, span.clone()).await)["freeSlots"].clone();
    let starts: Vec<&Value> = free_now
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["start"])
        .collect();
    assert_eq!(
        starts,
        [&free[0]["start"], &free[1]["start"], &free[2]["start"]]
    );
    let rebooked = expect_data(
        &app.gql(Some(&op), BOOK, booking(&mitra, &c, &free[1]["start"]))
            .await,
    )["bookAppointment"]
        .clone();
    assert_eq!(rebooked["status"], "booked");
    let mine = "query($p: ID!) { patientAppointments(patientId: $p) { status } }";
    let r = expect_data(&app.gql(Some(&op), mine, json!({ "p": rina["id"] })).await);
    // By time: the slot she left (cancelled by the move), then the one she moved to.
    assert_eq!(
        r["patientAppointments"],
        json!([{ "status": "cancelled" }, { "status": "booked" }])
    );

    // A second booking for Rina the same day at the same facility is questioned,
    // naming her booking; asked again with allowSameDay, it is made.
    let again = app
        .gql(Some(&op), BOOK, booking(&rina, &c, &free[0]["start"]))
        .await;
    let e = expect_error(&again, "CONFLICT");
    assert_eq!(e["extensions"]["reason"], "SAME_DAY_BOOKING");
    assert!(e["message"].as_str().unwrap().contains("token"), "{e}");
    let mut anyway = booking(&rina, &c, &free[0]["start"]);
    anyway["i"]["allowSameDay"] = json!(true);
    expect_data(&app.gql(Some(&op), BOOK, anyway).await);

    // A day off leaves no slots that day, and refuses bookings.
    let off = "mutation($f: ID!, $p: ID!, $d: NaiveDate!) { addDayOff(facilityId: $f, professionalId: $p, day: $d, reason: \"Training\") }";
    expect_data(&app.gql(Some(&c.wb), off, json!({ "f": c.kolkata["id"], "p": c.doctor_id, "d": (monday + Duration::days(7)).to_string() })).await);
    let next_week = json!({ "f": c.kolkata["id"], "p": c.doctor_id, "from": (monday + Duration::days(7)).to_string(), "to": (monday + Duration::days(7)).to_string() });
    assert_eq!(
        expect_data(&app.gql(Some(&op), FREE, next_week).await)["freeSlots"],
        json!([])
    );

    // Surveyors do not book; another tenant's staff find no such patient.
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            new_user("sv.appt", json!([{ "role": "SURVEYOR" }])),
        )
        .await,
    );
    let surveyor = app
        .token(Some("WB"), "sv.appt", "a long enough password")
        .await;
    expect_error(
        &app.gql(
            Some(&surveyor),
            BOOK,
            booking(&mitra, &c, &free[2]["start"]),
        )
        .await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), BOOK, booking(&mitra, &c, &free[2]["start"]))
            .await,
        "NOT_FOUND",
    );
    if backend == Backend::Postgres {
        let db = app.app_role_db().await;
        let (wb_id, br_id) = (app.tenant_id("WB").await, app.tenant_id("BR").await);
        for table in [
            "clinic_sessions",
            "schedule_exceptions",
            "appointments",
            "appointment_tokens",
        ] {
            assert!(
                super::rls::in_tenant(&db, &wb_id, table).await > 0,
                "{table}"
            );
            assert_eq!(
                super::rls::in_tenant(&db, &br_id, table).await,
                0,
                "{table}"
            );
        }
    }
}
