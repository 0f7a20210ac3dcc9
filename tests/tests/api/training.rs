//! Training: sessions scheduled at a facility, nominees from the registry, the
//! attendance register kept by the trainer (versioned cells, conflicts refused, safe
//! retries), closing and cancelling, reach, the printed register, and isolation.

use super::cards::pdf_text;
use super::facilities::{create_facility, facility};
use super::idempotency::post;
use super::professionals::{create, doctor};
use super::records::Clinic;
use super::units::create_unit;
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{Duration, NaiveDate, Utc};
use serde_json::{json, Value};

on_both_backends!(
    a_training_is_scheduled_nominated_and_its_register_kept,
    trainings_stay_in_reach_and_in_their_tenant
);

pub const SCHEDULE: &str = "mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id title topic facilityName trainerName startsOn endsOn capacity status nominees present daysHeld attendanceRate canManage canKeepRegister version } }";
const NOMINATE: &str = "mutation($s: ID!, $p: [ID!]!) { nominateTrainees(sessionId: $s, professionalIds: $p) { session { nominees } lines { professionalId name } } }";
pub const MARK: &str = "mutation($i: MarkAttendanceInput!) { markTrainingAttendance(input: $i) { session { present attendanceRate } lines { name daysPresent completed cells { day mark version } } } }";
const REGISTER: &str = "query($id: ID!) { trainingRegister(id: $id) { session { title status version canManage canKeepRegister } days lines { professionalId name posting daysPresent cells { day mark version } } } }";
const LIST: &str = "query($f: NaiveDate!, $t: NaiveDate!) { trainingSessions(from: $f, to: $t) { id title nominees present canManage canKeepRegister } }";
const STATUS: &str = "mutation($id: ID!, $v: Int!, $s: TrainingStatus!, $r: String) { changeTrainingStatus(id: $id, expectedVersion: $v, status: $s, reason: $r) { session { status version } } }";

pub fn india_today() -> NaiveDate {
    (Utc::now() + Duration::minutes(330)).date_naive()
}

fn ipc(facility: &Value, trainer: &Value, capacity: i64) -> Value {
    let today = india_today();
    json!({ "title": "  IPC   refresher ", "topic": "INFECTION_PREVENTION", "facilityId": facility["id"],
        "startsOn": today, "endsOn": today + Duration::days(1), "capacity": capacity, "trainerId": trainer })
}

fn mark(p: &Value, m: &str, based_on: i64) -> Value {
    json!({ "professionalId": p, "mark": m, "basedOnVersion": based_on })
}

fn day_marks(session: &Value, day: NaiveDate, marks: Vec<Value>) -> Value {
    json!({ "i": { "sessionId": session, "day": day, "markedAt": Utc::now(), "marks": marks } })
}

/// The cell (mark, version) of a nominee on the register's first day.
fn cell(register: &Value, name: &str) -> (Value, i64) {
    let line = register["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {register}"));
    (
        line["cells"][0]["mark"].clone(),
        line["cells"][0]["version"].as_i64().unwrap(),
    )
}

async fn count(app: &TestApp, sql: &str, id: &Value) -> i64 {
    let tid = app.tenant_id("WB").await;
    let id = uuid::Uuid::parse_str(id.as_str().unwrap()).unwrap();
    app.rows_in_tenant_with(&tid, sql, vec![id.into()]).await[0]
        .try_get::<i64>("", "n")
        .unwrap()
}

async fn a_training_is_scheduled_nominated_and_its_register_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let today = india_today();

    // Every problem of a bad form at once, each naming its field.
    let bad = app
        .gql(
            Some(&c.wb),
            SCHEDULE,
            json!({ "i": { "title": "x", "topic": "OTHER", "facilityId": c.kolkata["id"],
                "startsOn": today - Duration::days(1), "endsOn": today - Duration::days(3), "capacity": 0 } }),
        )
        .await;
    let problems = expect_error(&bad, "VALIDATION")["extensions"]["problems"].clone();
    let fields: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["title", "endsOn", "startsOn", "capacity"],
        "{problems}"
    );
    // Scheduling is for administrators: a doctor may not.
    expect_error(
        &app.gql(
            Some(&c.doctor),
            SCHEDULE,
            json!({ "i": ipc(&c.kolkata, &c.doctor_id, 3) }),
        )
        .await,
        "FORBIDDEN",
    );

    // The state schedules a refresher at Kolkata DH, trained by Dr. Sen.
    let s = expect_data(
        &app.gql(
            Some(&c.wb),
            SCHEDULE,
            json!({ "i": ipc(&c.kolkata, &c.doctor_id, 3) }),
        )
        .await,
    )["scheduleTraining"]
        .clone();
    assert_eq!(s["title"], "IPC refresher", "the title is tidied");
    assert_eq!(
        (
            s["trainerName"].as_str(),
            s["status"].as_str(),
            s["nominees"].as_i64(),
            s["attendanceRate"].as_i64()
        ),
        (Some("Dr. Ananya Sen"), Some("SCHEDULED"), Some(0), None)
    );
    let id = s["id"].clone();

    // Nominees from the registry; the capacity of three is kept.
    let mita = create(&app, &c.wb, doctor("Dr. Mita Roy", "WBMC-7001"), None).await["id"].clone();
    let tapas = create(&app, &c.wb, doctor("Dr. Tapas Kar", "WBMC-7002"), None).await["id"].clone();
    let extra = create(&app, &c.wb, doctor("Dr. Joy Dey", "WBMC-7003"), None).await["id"].clone();
    let four = json!({ "s": id, "p": [mita, tapas, c.lalbag_doctor_id, extra] });
    let over = expect_error(&app.gql(Some(&c.wb), NOMINATE, four).await, "VALIDATION");
    assert!(
        over["message"].as_str().unwrap().contains("takes 3"),
        "{over}"
    );
    let three = json!({ "s": id, "p": [mita, tapas, c.lalbag_doctor_id, mita] });
    let reg = expect_data(&app.gql(Some(&c.wb), NOMINATE, three.clone()).await)["nominateTrainees"]
        .clone();
    assert_eq!(
        reg["session"]["nominees"], 3,
        "a repeated id is one nominee"
    );
    // Nominating the same people again changes nothing.
    let again =
        expect_data(&app.gql(Some(&c.wb), NOMINATE, three).await)["nominateTrainees"].clone();
    assert_eq!(again["session"]["nominees"], 3);
    // The trainer may keep the register, not nominate.
    expect_error(
        &app.gql(Some(&c.doctor), NOMINATE, json!({ "s": id, "p": [extra] }))
            .await,
        "FORBIDDEN",
    );

    // The trainer marks day one from a phone with an idempotency key: a repeat replays
    // the answer, the same key with other marks is refused, nothing is doubled.
    let day_one = day_marks(
        &id,
        today,
        vec![
            mark(&mita, "PRESENT", 0),
            mark(&tapas, "PRESENT", 0),
            mark(&c.lalbag_doctor_id, "ABSENT", 0),
        ],
    );
    let key = uuid::Uuid::now_v7().to_string();
    let (_, replayed, first) = post(&app, &c.doctor, Some(&key), MARK, day_one.clone()).await;
    assert!(!replayed);
    let first = expect_data(&first)["markTrainingAttendance"].clone();
    assert_eq!(first["session"]["present"], 2);
    // Two of three nominee-days held so far (day one of two) are present.
    assert_eq!(first["session"]["attendanceRate"], 66);
    let (_, replayed, second) = post(&app, &c.doctor, Some(&key), MARK, day_one.clone()).await;
    assert!(replayed, "the same key and input replays");
    assert_eq!(expect_data(&second)["markTrainingAttendance"], first);
    let other = day_marks(&id, today, vec![mark(&mita, "ABSENT", 1)]);
    let (_, _, clash) = post(&app, &c.doctor, Some(&key), MARK, other).await;
    expect_error(&clash, "CONFLICT");
    let rows =
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM training_attendance WHERE session_id = $1";
    assert_eq!(
        count(&app, rows, &id).await,
        3,
        "three cells, each written once"
    );
    // The same marks sent again without a key change nothing either.
    expect_data(&app.gql(Some(&c.doctor), MARK, day_one).await);
    assert_eq!(count(&app, rows, &id).await, 3);

    // A correction is a new version; the first mark stays in the history.
    let fixed = expect_data(
        &app.gql(
            Some(&c.doctor),
            MARK,
            day_marks(&id, today, vec![mark(&c.lalbag_doctor_id, "PRESENT", 1)]),
        )
        .await,
    )["markTrainingAttendance"]
        .clone();
    assert_eq!(cell(&fixed, "Dr. Bimal Roy"), (json!("PRESENT"), 2));
    assert_eq!(count(&app, rows, &id).await, 4);

    // A phone that saw version 1 and now says "absent" meets version 2 ("present"):
    // refused, naming the nominee, and its other mark is not written either.
    let stale = app
        .gql(
            Some(&c.wb),
            MARK,
            day_marks(
                &id,
                today,
                vec![
                    mark(&mita, "ABSENT", 1),
                    mark(&c.lalbag_doctor_id, "ABSENT", 1),
                ],
            ),
        )
        .await;
    let e = expect_error(&stale, "CONFLICT");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("Dr. Bimal Roy (now present)"),
        "{e}"
    );
    let reg = expect_data(&app.gql(Some(&c.wb), REGISTER, json!({ "id": id })).await)
        ["trainingRegister"]
        .clone();
    assert_eq!(
        cell(&reg, "Dr. Mita Roy"),
        (json!("PRESENT"), 1),
        "nothing of the refused submission"
    );
    assert_eq!(reg["days"], json!([today, today + Duration::days(1)]));

    // Bad marks: a day still to come, someone not nominated, a clock far ahead.
    let tomorrow = day_marks(
        &id,
        today + Duration::days(1),
        vec![mark(&mita, "PRESENT", 0)],
    );
    let e = expect_error(
        &app.gql(Some(&c.doctor), MARK, tomorrow).await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "day");
    let stranger = day_marks(&id, today, vec![mark(&extra, "PRESENT", 0)]);
    expect_error(&app.gql(Some(&c.doctor), MARK, stranger).await, "NOT_FOUND");
    let ahead = json!({ "i": { "sessionId": id, "day": today, "markedAt": Utc::now() + Duration::hours(2), "marks": [mark(&mita, "ABSENT", 1)] } });
    let e = expect_error(&app.gql(Some(&c.doctor), MARK, ahead).await, "VALIDATION");
    assert_eq!(e["extensions"]["field"], "markedAt");
    let twice = day_marks(
        &id,
        today,
        vec![mark(&mita, "ABSENT", 1), mark(&mita, "PRESENT", 1)],
    );
    expect_error(&app.gql(Some(&c.doctor), MARK, twice).await, "VALIDATION");

    // The printed register has every nominee and the day's marks.
    let pdf = app
        .http
        .get(app.url(&format!("/training-registers/{}.pdf", id.as_str().unwrap())))
        .bearer_auth(&c.doctor)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status().as_u16(), 200);
    let text = pdf_text(&pdf.bytes().await.unwrap());
    for name in [
        "Dr. Mita Roy",
        "Dr. Tapas Kar",
        "Dr. Bimal Roy",
        "IPC refresher",
        "Dr. Ananya Sen",
    ] {
        assert!(text.contains(name), "{name} printed: {text}");
    }

    // Cancelling is for administrators and needs a reason; the trainer closes the
    // register, after which it no longer changes.
    let v = reg["session"]["version"].clone();
    expect_error(
        &app.gql(
            Some(&c.doctor),
            STATUS,
            json!({ "id": id, "v": v, "s": "CANCELLED", "r": "hall flooded" }),
        )
        .await,
        "FORBIDDEN",
    );
    let e = expect_error(
        &app.gql(
            Some(&c.wb),
            STATUS,
            json!({ "id": id, "v": v, "s": "CANCELLED" }),
        )
        .await,
        "VALIDATION",
    );
    assert_eq!(e["extensions"]["field"], "reason");
    let closed = expect_data(
        &app.gql(
            Some(&c.doctor),
            STATUS,
            json!({ "id": id, "v": v, "s": "CLOSED" }),
        )
        .await,
    )["changeTrainingStatus"]["session"]
        .clone();
    assert_eq!(closed["status"], "CLOSED");
    expect_error(
        &app.gql(
            Some(&c.doctor),
            STATUS,
            json!({ "id": id, "v": v, "s": "CLOSED" }),
        )
        .await,
        "CONFLICT",
    );
    let late = day_marks(&id, today, vec![mark(&mita, "ABSENT", 1)]);
    let e = expect_error(&app.gql(Some(&c.doctor), MARK, late).await, "CONFLICT");
    assert!(e["message"].as_str().unwrap().contains("closed"), "{e}");

    // Every change is in the audit trail.
    let audits = "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM audit_events WHERE entity_id = $1 AND action LIKE 'training.%'";
    // Scheduled, nominated twice, marked three times (the replay is not a second
    // write, the keyless repeat is audited with nothing written), closed.
    assert_eq!(count(&app, audits, &id).await, 7);
}

async fn trainings_stay_in_reach_and_in_their_tenant(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let today = india_today();
    let s = expect_data(
        &app.gql(
            Some(&c.wb),
            SCHEDULE,
            json!({ "i": ipc(&c.kolkata, &c.doctor_id, 10) }),
        )
        .await,
    )["scheduleTraining"]
        .clone();
    let id = s["id"].clone();
    let range = json!({ "f": today - Duration::days(7), "t": today + Duration::days(30) });

    // Kolkata's district administrator runs it; Murshidabad's neither sees nor changes it.
    let district_admin = |name: &str, unit: &Value| {
        new_user(
            name,
            json!([{ "role": "DISTRICT_ADMIN", "unitId": unit["id"] }]),
        )
    };
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            district_admin("da.kolkata", &c.tree.kolkata),
        )
        .await,
    );
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            district_admin("da.murshidabad", &c.tree.murshidabad),
        )
        .await,
    );
    let kolkata = app
        .token(Some("WB"), "da.kolkata", "a long enough password")
        .await;
    let murshidabad = app
        .token(Some("WB"), "da.murshidabad", "a long enough password")
        .await;
    let seen = expect_data(&app.gql(Some(&kolkata), LIST, range.clone()).await)["trainingSessions"]
        .clone();
    assert_eq!(seen.as_array().unwrap().len(), 1);
    assert_eq!(seen[0]["canManage"], true);
    let none = expect_data(&app.gql(Some(&murshidabad), LIST, range.clone()).await)
        ["trainingSessions"]
        .clone();
    assert_eq!(
        none,
        json!([]),
        "another district's trainings are not listed"
    );
    expect_error(
        &app.gql(Some(&murshidabad), REGISTER, json!({ "id": id }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&murshidabad),
            NOMINATE,
            json!({ "s": id, "p": [c.lalbag_doctor_id] }),
        )
        .await,
        "NOT_FOUND",
    );
    // Nor may Murshidabad's administrator schedule at Kolkata DH; at Lalbag SDH it may.
    expect_error(
        &app.gql(
            Some(&murshidabad),
            SCHEDULE,
            json!({ "i": ipc(&c.kolkata, &Value::Null, 5) }),
        )
        .await,
        "FORBIDDEN",
    );
    expect_data(
        &app.gql(
            Some(&murshidabad),
            SCHEDULE,
            json!({ "i": ipc(&c.lalbag, &Value::Null, 5) }),
        )
        .await,
    );

    // The trainer sees the sessions they train and may keep the register, not manage.
    let mine = expect_data(&app.gql(Some(&c.doctor), LIST, range.clone()).await)
        ["trainingSessions"]
        .clone();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(
        (
            mine[0]["canManage"].as_bool(),
            mine[0]["canKeepRegister"].as_bool()
        ),
        (Some(false), Some(true))
    );
    // A nurse who neither runs nor trains anything lists nothing and opens no register.
    let theirs = expect_data(&app.gql(Some(&c.nurse), LIST, range.clone()).await)
        ["trainingSessions"]
        .clone();
    assert_eq!(theirs, json!([]));
    expect_error(
        &app.gql(Some(&c.nurse), REGISTER, json!({ "id": id })).await,
        "NOT_FOUND",
    );

    // Another tenant: the session, the facility and the professionals are not found.
    let br = app.br_admin().await;
    let bihar = create_unit(&app, &br, None, "STATE", "Bihar", None).await;
    let patna = create_facility(
        &app,
        &br,
        facility("Patna DH", "DISTRICT_HOSPITAL", &bihar["id"]),
    )
    .await;
    expect_error(
        &app.gql(Some(&br), REGISTER, json!({ "id": id })).await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            SCHEDULE,
            json!({ "i": ipc(&c.kolkata, &Value::Null, 5) }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            SCHEDULE,
            json!({ "i": ipc(&patna, &c.doctor_id, 5) }),
        )
        .await,
        "NOT_FOUND",
    );
    let own = expect_data(
        &app.gql(
            Some(&br),
            SCHEDULE,
            json!({ "i": ipc(&patna, &Value::Null, 5) }),
        )
        .await,
    )["scheduleTraining"]["id"]
        .clone();
    expect_error(
        &app.gql(Some(&br), NOMINATE, json!({ "s": own, "p": [c.doctor_id] }))
            .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            MARK,
            day_marks(&id, today, vec![mark(&c.doctor_id, "PRESENT", 0)]),
        )
        .await,
        "NOT_FOUND",
    );
    let pdf = app
        .http
        .get(app.url(&format!("/training-registers/{}.pdf", id.as_str().unwrap())))
        .bearer_auth(&br)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status().as_u16(), 404);
}
