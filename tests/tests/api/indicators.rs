//! Indicators: counts kept in roll-ups as visits and stays are written, read for the
//! caller's reach, a district, a facility and a department. A hand-worked fixture
//! states each expected number; random writes show the roll-ups always equal a recount
//! from the records; reach and isolation.

use super::inpatient_support::{Hospital, ADMIT, DISCHARGE};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use serde_json::{json, Value};
use std::collections::BTreeMap;

on_both_backends!(
    indicators_count_visits_and_stays_by_place_and_department,
    roll_ups_equal_a_recount_after_random_writes
);

const FIGURES: &str = "opdVisits admissions discharges deaths inpatientDays referralsOut beds days mortalityRate averageLengthOfStay bedOccupancyRate bedTurnover";

fn query() -> String {
    format!(
        "query($u: ID, $f: ID, $from: String!, $to: String!, $d: String) {{ indicators(unitId: $u, facilityId: $f, from: $from, to: $to, department: $d) {{
            placeName from to department totals {{ {FIGURES} }} months {{ month figures {{ {FIGURES} }} }}
            parts {{ name kind figures {{ {FIGURES} }} months {{ month figures {{ opdVisits }} }} }} departments {{ department figures {{ opdVisits admissions }} }}
            groups {{ ageGroup sex figures {{ opdVisits admissions }} }} }} }}"
    )
}

const START: &str =
    "mutation($i: StartEncounterInput!) { startEncounter(input: $i) { id version } }";
const UPDATE: &str =
    "mutation($i: UpdateEncounterInput!) { updateEncounter(input: $i) { id version status } }";
const MARK: &str = "mutation($id: ID!, $v: Int!, $r: String!) { markEnteredInError(id: $id, expectedVersion: $v, reason: $r) { version } }";
const FACILITY: &str =
    "mutation($i: UpdateFacilityInput!) { updateFacility(input: $i) { version } }";

fn india_today() -> NaiveDate {
    (Utc::now() + Duration::minutes(330)).date_naive()
}

/// Last month and this one: a stay begun a few days ago may have begun last month.
fn months() -> (String, String, i64) {
    let today = india_today();
    let this = today.with_day(1).unwrap();
    let last = this.checked_sub_months(Months::new(1)).unwrap();
    let days = (today - last).num_days() + 1;
    (
        last.format("%Y-%m").to_string(),
        this.format("%Y-%m").to_string(),
        days,
    )
}

async fn indicators(app: &TestApp, token: &str, vars: Value) -> Value {
    let (from, to, _) = months();
    let mut v = json!({ "from": from, "to": to });
    for (k, x) in vars.as_object().unwrap() {
        v[k] = x.clone();
    }
    expect_data(&app.gql(Some(token), &query(), v).await)["indicators"].clone()
}

async fn visit(
    app: &TestApp,
    token: &str,
    patient: &Value,
    facility: &Value,
    department: Option<&str>,
    doctor: &Value,
) -> Value {
    expect_data(
        &app.gql(
            Some(token),
            START,
            json!({ "i": { "patientId": patient["id"], "facilityId": facility["id"], "kind": "OUTPATIENT", "department": department, "reason": "Fever", "attendingProfessionalId": doctor } }),
        )
        .await,
    )["startEncounter"]
        .clone()
}

async fn admit_at(
    app: &TestApp,
    h: &Hospital,
    given: &str,
    phone: &str,
    bed: &Value,
    at: DateTime<Utc>,
) -> Value {
    let p = h.c.patient(app, given, phone).await;
    let mut input = h.admission(&p, bed);
    input["i"]["admittedAt"] = json!(at);
    expect_data(&app.gql(Some(&h.c.nurse), ADMIT, input).await)["admitPatient"].clone()
}

async fn discharge(app: &TestApp, h: &Hospital, a: &Value, outcome: &str) {
    let now = Utc::now();
    let death = (outcome == "DIED").then_some(now);
    expect_data(
        &app.gql(
            Some(&h.c.doctor),
            DISCHARGE,
            json!({ "i": { "admissionId": a["id"], "expectedVersion": a["version"], "outcome": outcome, "dischargedAt": now, "timeOfDeath": death } }),
        )
        .await,
    );
}

async fn indicators_count_visits_and_stays_by_place_and_department(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    // Kolkata DH has 10 beds in the registry.
    let mut kdh =
        super::facilities::facility("Kolkata DH", "DISTRICT_HOSPITAL", &c.tree.kolkata["id"]);
    kdh["beds"] = json!({ "general": 10 });
    expect_data(
        &app.gql(
            Some(&c.wb),
            FACILITY,
            json!({ "i": { "id": c.kolkata["id"], "expectedVersion": 1, "facility": kdh } }),
        )
        .await,
    );

    // Outpatients at Kolkata DH (medicine): three begun, one ended by referral, one
    // cancelled (not counted); one paediatric visit at Lalbag SDH (Murshidabad).
    let p = c.patient(&app, "Asha", "98300 11111").await;
    let first = visit(
        &app,
        &c.nurse,
        &p,
        &c.kolkata,
        Some("Medicine"),
        &c.doctor_id,
    )
    .await;
    visit(
        &app,
        &c.nurse,
        &p,
        &c.kolkata,
        Some("medicine"),
        &c.doctor_id,
    )
    .await;
    let cancelled = visit(
        &app,
        &c.nurse,
        &p,
        &c.kolkata,
        Some("Medicine"),
        &c.doctor_id,
    )
    .await;
    expect_data(&app.gql(Some(&c.doctor), UPDATE, json!({ "i": { "id": first["id"], "expectedVersion": 1, "status": "FINISHED", "outcome": "REFERRED" } })).await);
    expect_data(
        &app.gql(
            Some(&c.doctor),
            UPDATE,
            json!({ "i": { "id": cancelled["id"], "expectedVersion": 1, "status": "CANCELLED" } }),
        )
        .await,
    );
    visit(
        &app,
        &c.lalbag_doctor,
        &p,
        &c.lalbag,
        Some("Paediatrics"),
        &c.lalbag_doctor_id,
    )
    .await;

    // Stays in Kolkata DH's medicine ward: one of three days ended recovered, one of two
    // days ended by death, one still in.
    let now = Utc::now();
    let a1 = admit_at(
        &app,
        &h,
        "Bina",
        "98300 22222",
        &h.beds[0],
        now - Duration::days(3),
    )
    .await;
    let a2 = admit_at(
        &app,
        &h,
        "Chhaya",
        "98300 33333",
        &h.beds[1],
        now - Duration::days(2),
    )
    .await;
    admit_at(&app, &h, "Dipa", "98300 44444", &h.beds[2], now).await;
    discharge(&app, &h, &a1, "RECOVERED").await;
    discharge(&app, &h, &a2, "DIED").await;

    let (_, _, days) = months();
    let r = indicators(&app, &c.wb, json!({})).await;
    assert_eq!(r["placeName"], "West Bengal");
    let t = &r["totals"];
    // 2 + 1 visits; 3 admitted; 2 ended, 1 by death; 3 + 2 days; 1 referral.
    assert_eq!(
        (
            t["opdVisits"].clone(),
            t["admissions"].clone(),
            t["discharges"].clone(),
            t["deaths"].clone(),
            t["inpatientDays"].clone(),
            t["referralsOut"].clone()
        ),
        (json!(3), json!(3), json!(2), json!(1), json!(5), json!(1))
    );
    assert_eq!(t["beds"], 10);
    assert_eq!(t["days"], days);
    // 1 death in 2 discharges: 50 %; 5 days over 2 stays: 2.5; 2 discharges over 10 beds: 0.2.
    assert_eq!(t["mortalityRate"], 50.0);
    assert_eq!(t["averageLengthOfStay"], 2.5);
    assert_eq!(t["bedTurnover"], 0.2);
    let bor = (5.0 * 100.0 / (10.0 * days as f64) * 10.0_f64).round() / 10.0;
    assert_eq!(t["bedOccupancyRate"], bor);
    // The months add up to the totals.
    let by_month = r["months"].as_array().unwrap();
    assert_eq!(by_month.len(), 2);
    let sum = |k: &str| {
        by_month
            .iter()
            .map(|m| m["figures"][k].as_i64().unwrap())
            .sum::<i64>()
    };
    assert_eq!(
        (sum("opdVisits"), sum("admissions"), sum("inpatientDays")),
        (3, 3, 5)
    );
    // The districts: Kolkata has the hospital's counts, Murshidabad the one visit.
    let part = |r: &Value, name: &str| {
        r["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {r}"))
            .clone()
    };
    assert_eq!(part(&r, "Kolkata")["figures"]["admissions"], 3);
    assert_eq!(part(&r, "Kolkata")["figures"]["beds"], 10);
    let murshidabad = c.tree.murshidabad["name"].as_str().unwrap();
    assert_eq!(part(&r, murshidabad)["figures"]["opdVisits"], 1);
    assert_eq!(
        part(&r, murshidabad)["figures"]["bedOccupancyRate"],
        Value::Null,
        "no beds: no rate"
    );
    assert_eq!(part(&r, "Kolkata")["kind"], "unit");
    // Each part's months (its sparkline): both months, adding up to its visits.
    let kolkata_months = part(&r, "Kolkata")["months"].as_array().unwrap().clone();
    assert_eq!(kolkata_months.len(), 2);
    assert_eq!(
        kolkata_months
            .iter()
            .map(|m| m["figures"]["opdVisits"].as_i64().unwrap())
            .sum::<i64>(),
        2
    );
    // Departments: medicine 2 visits and 3 stays, paediatrics 1 visit.
    let dep = |r: &Value, d: &str| {
        r["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["department"] == d)
            .unwrap()["figures"]
            .clone()
    };
    assert_eq!(
        dep(&r, "medicine"),
        json!({ "opdVisits": 2, "admissions": 3 })
    );
    assert_eq!(
        dep(&r, "paediatrics"),
        json!({ "opdVisits": 1, "admissions": 0 })
    );
    assert_eq!(r["groups"], json!([]), "no age and sex above a block");

    // One department only.
    let p = indicators(&app, &c.wb, json!({ "d": "Paediatrics" })).await;
    assert_eq!(p["department"], "paediatrics");
    assert_eq!(
        (
            p["totals"]["opdVisits"].clone(),
            p["totals"]["admissions"].clone()
        ),
        (json!(1), json!(0))
    );
    expect_error(
        &app.gql(
            Some(&c.wb),
            &query(),
            json!({ "from": "2026-01", "to": "2026-02", "d": "dermatology" }),
        )
        .await,
        "VALIDATION",
    );
    expect_error(
        &app.gql(
            Some(&c.wb),
            &query(),
            json!({ "from": "2026-13", "to": "2026-02" }),
        )
        .await,
        "VALIDATION",
    );

    // Kolkata district has no units under it: its facilities are the parts, and the
    // counts are by age group and sex (every patient here a woman of 34).
    let k = indicators(&app, &c.wb, json!({ "u": c.tree.kolkata["id"] })).await;
    assert_eq!(k["parts"][0]["name"], "Kolkata DH");
    assert_eq!(k["parts"][0]["kind"], "facility");
    assert_eq!(k["totals"]["admissions"], 3);
    assert_eq!(
        k["groups"],
        json!([{ "ageGroup": "15-44", "sex": "female", "figures": { "opdVisits": 2, "admissions": 3 } }])
    );
    let f = indicators(&app, &c.wb, json!({ "f": c.kolkata["id"] })).await;
    assert_eq!(f["placeName"], "Kolkata DH");
    assert_eq!(f["totals"], k["totals"]);
    assert_eq!(f["parts"], json!([]));

    // Murshidabad's administrator sees Murshidabad: the visit, and nothing of Kolkata.
    expect_data(
        &app.gql(
            Some(&c.wb),
            CREATE_USER,
            new_user(
                "da.msd",
                json!([{ "role": "DISTRICT_ADMIN", "unitId": c.tree.murshidabad["id"] }]),
            ),
        )
        .await,
    );
    let msd = app
        .token(Some("WB"), "da.msd", "a long enough password")
        .await;
    let m = indicators(&app, &msd, json!({})).await;
    assert_eq!(m["placeName"], murshidabad);
    assert_eq!(
        (
            m["totals"]["opdVisits"].clone(),
            m["totals"]["admissions"].clone()
        ),
        (json!(1), json!(0))
    );
    expect_error(
        &app.gql(
            Some(&msd),
            &query(),
            json!({ "u": c.tree.kolkata["id"], "from": months().0, "to": months().1 }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&msd),
            &query(),
            json!({ "f": c.kolkata["id"], "from": months().0, "to": months().1 }),
        )
        .await,
        "NOT_FOUND",
    );

    // Another tenant: nothing of West Bengal's, and its places are not found.
    let br = app.br_admin().await;
    let b = indicators(&app, &br, json!({})).await;
    assert_eq!(b["totals"]["admissions"], 0);
    expect_error(
        &app.gql(
            Some(&br),
            &query(),
            json!({ "f": c.kolkata["id"], "from": months().0, "to": months().1 }),
        )
        .await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(
            Some(&br),
            &query(),
            json!({ "u": c.tree.state["id"], "from": months().0, "to": months().1 }),
        )
        .await,
        "NOT_FOUND",
    );
}

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
    out.into_iter().filter(|(_, v)| *v != 0).collect()
}

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
    let mut free_beds: Vec<usize> = (0..h.beds.len()).collect();
    let patient = c.patient(&app, "Eva", "98300 55555").await;
    for step in 0..30 {
        match rng.gen_range(0..6) {
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
                let name = format!("Rani {}", char::from(b'a' + step as u8));
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
    for table in ["indicator_facility_days", "indicator_unit_months"] {
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
