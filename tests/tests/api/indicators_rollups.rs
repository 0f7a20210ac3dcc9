//! The indicators' roll-ups after random writes: always equal to a recount from the
//! records, every unit's months equal to its facilities' days, and the migration's
//! backfill counting the same records the same way. Visits, stays, lab orders and
//! results, prescriptions, and some of them voided.

use super::indicators::{admit_at, discharge, visit, MARK, UPDATE};
use super::inpatient_support::Hospital;
use arogya_tests::{expect_data, Backend, TestApp};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::BTreeMap;

on_both_backends!(roll_ups_equal_a_recount_after_random_writes);

/// (facility, measure) → value, from the roll-ups of facility days.
async fn rolled_up(app: &TestApp, tid: &str) -> BTreeMap<(String, String), i64> {
    let rows = app
        .rows_in_tenant_with(tid, "SELECT facility_id AS f, measure, CAST(SUM(value) AS BIGINT) AS v FROM indicator_facility_days GROUP BY facility_id, measure", vec![])
        .await;
    rows.iter()
        .map(|r| {
            (
                (
                    r.try_get::<uuid::Uuid>("", "f").unwrap().to_string(),
                    r.try_get::<String>("", "measure").unwrap(),
                ),
                r.try_get::<i64>("", "v").unwrap(),
            )
        })
        .filter(|(_, v)| *v != 0)
        .collect()
}

fn ist_day(t: DateTime<Utc>) -> NaiveDate {
    (t + Duration::minutes(330)).date_naive()
}

/// The same counts worked out from the records themselves.
async fn recounted(app: &TestApp, tid: &str) -> BTreeMap<(String, String), i64> {
    let mut out: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut add =
        |f: String, m: &str, v: i64| *out.entry((f.to_lowercase(), m.to_owned())).or_default() += v;
    let stays = app
        .rows_in_tenant_with(
            tid,
            "SELECT facility_id AS f, admitted_at, discharged_at, outcome FROM admissions",
            vec![],
        )
        .await;
    for s in &stays {
        let f = s.try_get::<uuid::Uuid>("", "f").unwrap().to_string();
        let admitted: DateTime<Utc> = s.try_get("", "admitted_at").unwrap();
        add(f.clone(), "admissions", 1);
        if let Some(ended) = s
            .try_get::<Option<DateTime<Utc>>>("", "discharged_at")
            .unwrap()
        {
            add(f.clone(), "discharges", 1);
            add(
                f.clone(),
                "inpatient_days",
                (ist_day(ended) - ist_day(admitted)).num_days().max(1),
            );
            match s
                .try_get::<Option<String>>("", "outcome")
                .unwrap()
                .as_deref()
            {
                Some("died") => add(f.clone(), "deaths", 1),
                Some("referred") => add(f.clone(), "referrals_out", 1),
                _ => {}
            }
        }
    }
    let visits = app
        .rows_in_tenant_with(tid, "SELECT facility_id AS f, status, details FROM clinical_entries WHERE kind = 'encounter'", vec![])
        .await;
    for v in &visits {
        let f = v.try_get::<uuid::Uuid>("", "f").unwrap().to_string();
        let status: String = v.try_get("", "status").unwrap();
        let details: Value = v.try_get("", "details").unwrap();
        if details["kind"] == "inpatient" || status == "cancelled" || status == "entered_in_error" {
            continue;
        }
        add(f.clone(), "opd_visits", 1);
        if details["outcome"] == "referred" {
            add(f, "referrals_out", 1);
        }
    }
    // Lab results (timed from their order) and prescriptions not voided.
    let entries = app
        .rows_in_tenant_with(tid, "SELECT id, facility_id AS f, kind, status, occurred_at, order_id FROM clinical_entries WHERE kind IN ('lab_order', 'lab_result', 'prescription')", vec![])
        .await;
    let ordered: BTreeMap<uuid::Uuid, DateTime<Utc>> = entries
        .iter()
        .filter(|e| e.try_get::<String>("", "kind").unwrap() == "lab_order")
        .map(|e| {
            (
                e.try_get("", "id").unwrap(),
                e.try_get("", "occurred_at").unwrap(),
            )
        })
        .collect();
    for e in &entries {
        let f = e.try_get::<uuid::Uuid>("", "f").unwrap().to_string();
        let kind: String = e.try_get("", "kind").unwrap();
        let status: String = e.try_get("", "status").unwrap();
        if kind == "lab_order" || status == "cancelled" || status == "entered_in_error" {
            continue;
        }
        if kind == "prescription" {
            add(f, "prescriptions", 1);
            continue;
        }
        add(f.clone(), "lab_tests", 1);
        let at: DateTime<Utc> = e.try_get("", "occurred_at").unwrap();
        let order: Option<uuid::Uuid> = e.try_get("", "order_id").unwrap();
        if let Some(o) = order.and_then(|o| ordered.get(&o)).filter(|o| **o <= at) {
            add(f.clone(), "lab_timed", 1);
            add(f, "lab_turnaround_minutes", (at - *o).num_minutes());
        }
    }
    out.into_iter().filter(|(_, v)| *v != 0).collect()
}

const ENTRY: &str = "mutation($e: ID!, $x: ClinicalEntryInput!, $at: DateTime) { addClinicalEntry(encounterId: $e, entry: $x, occurredAt: $at) { id version } }";

async fn roll_ups_equal_a_recount_after_random_writes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    let seed: u64 = rand::thread_rng().gen();
    println!("seed {seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let departments = [
        Some("Medicine"),
        Some("Paediatrics"),
        Some("Dermatology"),
        None,
    ];
    let outcomes = [
        "RECOVERED",
        "IMPROVED",
        "REFERRED",
        "DIED",
        "LEFT_AGAINST_ADVICE",
    ];
    let mut open_visits: Vec<Value> = Vec::new();
    let mut finished: Vec<Value> = Vec::new();
    let mut stays: Vec<(Value, usize)> = Vec::new();
    let mut written: Vec<Value> = Vec::new();
    let mut free_beds: Vec<usize> = (0..h.beds.len()).collect();
    let patient = c.patient(&app, "Eva", "98300 55555").await;
    for step in 0..36 {
        match rng.gen_range(0..9) {
            0 | 1 => {
                let (token, facility, doctor) = if rng.gen_bool(0.7) {
                    (&c.nurse, &c.kolkata, &c.doctor_id)
                } else {
                    (&c.lalbag_doctor, &c.lalbag, &c.lalbag_doctor_id)
                };
                let v = visit(
                    &app,
                    token,
                    &patient,
                    facility,
                    departments[rng.gen_range(0..departments.len())],
                    doctor,
                )
                .await;
                if facility == &c.kolkata {
                    open_visits.push(v);
                }
            }
            2 if !open_visits.is_empty() => {
                let v = open_visits.remove(rng.gen_range(0..open_visits.len()));
                let (status, outcome) = if rng.gen_bool(0.3) {
                    ("CANCELLED", None)
                } else {
                    (
                        "FINISHED",
                        Some(if rng.gen_bool(0.5) {
                            "REFERRED"
                        } else {
                            "SENT_HOME"
                        }),
                    )
                };
                let done = expect_data(&app.gql(Some(&c.doctor), UPDATE, json!({ "i": { "id": v["id"], "expectedVersion": v["version"], "status": status, "outcome": outcome } })).await)["updateEncounter"].clone();
                if status == "FINISHED" {
                    finished.push(done);
                }
            }
            3 if !finished.is_empty() => {
                let v = finished.remove(rng.gen_range(0..finished.len()));
                expect_data(
                    &app.gql(
                        Some(&c.doctor),
                        MARK,
                        json!({ "id": v["id"], "v": v["version"], "r": "wrong patient" }),
                    )
                    .await,
                );
            }
            4 if !free_beds.is_empty() => {
                let bed = free_beds.remove(rng.gen_range(0..free_beds.len()));
                let ago = Duration::hours(rng.gen_range(0..24 * 6));
                let name = format!(
                    "Rani {}{}",
                    char::from(b'a' + (step / 26) as u8),
                    char::from(b'a' + (step % 26) as u8)
                );
                let a = admit_at(
                    &app,
                    &h,
                    &name,
                    &format!("98301 {:05}", step),
                    &h.beds[bed],
                    Utc::now() - ago,
                )
                .await;
                stays.push((a, bed));
            }
            5 if !stays.is_empty() => {
                let (a, _bed) = stays.remove(rng.gen_range(0..stays.len()));
                discharge(&app, &h, &a, outcomes[rng.gen_range(0..outcomes.len())]).await;
                // The bed goes for cleaning; it is not offered again in this run.
            }
            6 | 8 if !open_visits.is_empty() => {
                // A lab order and its result some minutes to hours later, or a prescription.
                let v = &open_visits[rng.gen_range(0..open_visits.len())];
                let ordered = Utc::now() - Duration::minutes(rng.gen_range(60..600));
                if rng.gen_bool(0.5) {
                    let order = expect_data(&app.gql(Some(&c.doctor), ENTRY, json!({ "e": v["id"], "at": ordered, "x": { "labOrder": { "tests": [{ "name": "Haemoglobin" }], "priority": "ROUTINE", "specimen": "BLOOD" } } })).await)["addClinicalEntry"].clone();
                    let resulted = ordered + Duration::minutes(rng.gen_range(5..55));
                    written.push(expect_data(&app.gql(Some(&c.lab), ENTRY, json!({ "e": v["id"], "at": resulted, "x": { "labResult": { "orderId": order["id"], "measurements": [{ "test": "Haemoglobin", "value": "12.1" }] } } })).await)["addClinicalEntry"].clone());
                } else {
                    written.push(expect_data(&app.gql(Some(&c.doctor), ENTRY, json!({ "e": v["id"], "at": ordered, "x": { "prescription": { "items": [{ "drugName": "ORS", "dose": "1 sachet", "frequency": "after each stool" }] } } })).await)["addClinicalEntry"].clone());
                }
            }
            7 if !written.is_empty() => {
                let e = written.remove(rng.gen_range(0..written.len()));
                let token = if rng.gen_bool(0.5) { &c.doctor } else { &c.lab };
                // Only its author's role may void it; a refusal writes nothing.
                let _ = app
                    .gql(
                        Some(token),
                        MARK,
                        json!({ "id": e["id"], "v": e["version"], "r": "wrong patient" }),
                    )
                    .await;
            }
            _ => {}
        }
    }
    let tid = app.tenant_id("WB").await;
    let (rolled, recount) = (rolled_up(&app, &tid).await, recounted(&app, &tid).await);
    assert!(!recount.is_empty(), "the run wrote something (seed {seed})");
    assert_eq!(rolled, recount, "roll-ups equal the recount (seed {seed})");
    // Every unit's months equal the days of the facilities under it.
    let disagreeing = app
        .rows_in_tenant_with(
            &tid,
            "SELECT u.id FROM admin_units u WHERE
               (SELECT COALESCE(SUM(m.value), 0) FROM indicator_unit_months m WHERE m.unit_id = u.id)
               <> (SELECT COALESCE(SUM(d.value), 0) FROM indicator_facility_days d JOIN facilities f ON f.tenant_id = d.tenant_id AND f.id = d.facility_id WHERE f.unit_path LIKE '%' || u.path || '%')",
            vec![],
        )
        .await;
    assert_eq!(
        disagreeing.len(),
        0,
        "every unit's months add up (seed {seed})"
    );
    // Every facility's months equal its days of those months.
    let (by_days, by_months) = (
        app.rows_in_tenant_with(&tid, "SELECT facility_id, department, substr(CAST(day AS TEXT), 1, 7) AS month, measure, CAST(SUM(value) AS BIGINT) AS value FROM indicator_facility_days GROUP BY facility_id, department, substr(CAST(day AS TEXT), 1, 7), measure HAVING SUM(value) <> 0 ORDER BY 1, 2, 3, 4", vec![]).await,
        app.rows_in_tenant_with(&tid, "SELECT facility_id, department, substr(CAST(month AS TEXT), 1, 7) AS month, measure, value FROM indicator_facility_months WHERE value <> 0 ORDER BY 1, 2, 3, 4", vec![]).await,
    );
    let read = |rows: &[sea_orm::QueryResult]| -> Vec<(String, String, String, i64)> {
        rows.iter()
            .map(|r| {
                (
                    r.try_get::<uuid::Uuid>("", "facility_id")
                        .unwrap()
                        .to_string()
                        + "/"
                        + &r.try_get::<String>("", "department").unwrap(),
                    r.try_get::<String>("", "month").unwrap(),
                    r.try_get::<String>("", "measure").unwrap(),
                    r.try_get::<i64>("", "value").unwrap(),
                )
            })
            .collect()
    };
    assert!(!by_days.is_empty());
    assert_eq!(
        read(&by_days),
        read(&by_months),
        "every facility's months add up (seed {seed})"
    );

    // Counting the same records afresh, as the migration does for records written
    // before the roll-ups existed, gives the same roll-ups.
    recount_from_scratch(&app, &tid).await;
    assert_eq!(
        rolled_up(&app, &tid).await,
        recount,
        "the backfill counts as the live writes do (seed {seed})"
    );
}

/// Empty the tenant's roll-ups and count its records again with the migration's backfill.
async fn recount_from_scratch(app: &TestApp, tid: &str) {
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let db = app.owner_db().await;
    let tx = db.begin().await.unwrap();
    let backend = tx.get_database_backend();
    if backend == DbBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            backend,
            "SELECT set_config('app.tenant_id', $1, true)",
            [tid.into()],
        ))
        .await
        .unwrap();
    }
    for table in [
        "indicator_facility_days",
        "indicator_unit_months",
        "indicator_facility_months",
    ] {
        tx.execute_unprepared(&format!("DELETE FROM {table}"))
            .await
            .unwrap();
    }
    let tenant = uuid::Uuid::parse_str(tid).unwrap();
    arogya_infra::repos::indicators::backfill(&tx, backend, tenant)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}
