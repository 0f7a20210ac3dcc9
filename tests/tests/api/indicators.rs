//! Indicators: counts kept in roll-ups as visits and stays are written, read for the
//! caller's reach, a district, a facility and a department. A hand-worked fixture
//! states each expected number; reach and isolation. (Random writes recounted:
//! `indicators_rollups`.)

use super::inpatient_support::{Hospital, ADMIT, DISCHARGE};
use super::onboarding_support::district_admin;
use super::records::Clinic;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde_json::{json, Value};

on_both_backends!(indicators_count_visits_and_stays_by_place_and_department);

const FIGURES: &str = "opdVisits admissions discharges deaths inpatientDays referralsOut labTests labTurnaroundHours prescriptions prescriptionsPerVisit beds days mortalityRate averageLengthOfStay bedOccupancyRate bedTurnover";

fn query() -> String {
    format!(
        "query($u: ID, $f: ID, $from: String!, $to: String!, $d: String) {{ indicators(unitId: $u, facilityId: $f, from: $from, to: $to, department: $d) {{
            placeName from to department totals {{ {FIGURES} }} months {{ month figures {{ {FIGURES} }} }}
            parts {{ name kind figures {{ {FIGURES} }} months {{ month figures {{ opdVisits }} }} }} departments {{ department figures {{ opdVisits admissions }} }}
            groups {{ ageGroup sex figures {{ opdVisits admissions }} }} }} }}"
    )
}

pub(super) const START: &str =
    "mutation($i: StartEncounterInput!) { startEncounter(input: $i) { id version } }";
pub(super) const UPDATE: &str =
    "mutation($i: UpdateEncounterInput!) { updateEncounter(input: $i) { id version status } }";
pub(super) const MARK: &str = "mutation($id: ID!, $v: Int!, $r: String!) { markEnteredInError(id: $id, expectedVersion: $v, reason: $r) { version } }";
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

pub(super) async fn visit(
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

pub(super) async fn admit_at(
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

/// `n` medicine visits of `p` at Kolkata DH, begun by its nurse, newest last.
pub(super) async fn medicine_visits(app: &TestApp, c: &Clinic, p: &Value, n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(visit(app, &c.nurse, p, &c.kolkata, Some("Medicine"), &c.doctor_id).await);
    }
    out
}

/// Two stays in Kolkata DH's medicine ward, ended: Bina's of three days (recovered)
/// and Chhaya's of two (by death).
pub(super) async fn two_stays_ended(app: &TestApp, h: &Hospital) {
    let now = Utc::now();
    let a1 = admit_at(
        app,
        h,
        "Bina",
        "98300 22222",
        &h.beds[0],
        now - Duration::days(3),
    )
    .await;
    let a2 = admit_at(
        app,
        h,
        "Chhaya",
        "98300 33333",
        &h.beds[1],
        now - Duration::days(2),
    )
    .await;
    discharge(app, h, &a1, "RECOVERED").await;
    discharge(app, h, &a2, "DIED").await;
}

pub(super) async fn discharge(app: &TestApp, h: &Hospital, a: &Value, outcome: &str) {
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
    let second = visit(
        &app,
        &c.nurse,
        &p,
        &c.kolkata,
        Some("medicine"),
        &c.doctor_id,
    )
    .await;
    // In the second visit: a lab order three hours ago, its result an hour ago (two
    // hours' turnaround), a result with no order would not be allowed; one prescription,
    // and one entered in error (not counted).
    let entry = "mutation($e: ID!, $x: ClinicalEntryInput!, $at: DateTime) { addClinicalEntry(encounterId: $e, entry: $x, occurredAt: $at) { id version } }";
    let at = |h: i64| Utc::now() - Duration::hours(h);
    let order = expect_data(&app.gql(Some(&c.doctor), entry, json!({ "e": second["id"], "at": at(3), "x": { "labOrder": { "tests": [{ "name": "Haemoglobin" }], "priority": "ROUTINE", "specimen": "BLOOD" } } })).await)["addClinicalEntry"].clone();
    expect_data(&app.gql(Some(&c.lab), entry, json!({ "e": second["id"], "at": at(1), "x": { "labResult": { "orderId": order["id"], "measurements": [{ "test": "Haemoglobin", "value": "11.2", "unit": "g/dL" }] } } })).await);
    let rx = json!({ "prescription": { "items": [{ "drugName": "Paracetamol", "strength": "500 mg", "dose": "1 tablet", "frequency": "1-1-1", "durationDays": 3 }] } });
    expect_data(
        &app.gql(
            Some(&c.doctor),
            entry,
            json!({ "e": second["id"], "x": rx.clone() }),
        )
        .await,
    );
    let wrong = expect_data(
        &app.gql(
            Some(&c.doctor),
            entry,
            json!({ "e": second["id"], "x": rx }),
        )
        .await,
    )["addClinicalEntry"]
        .clone();
    expect_data(
        &app.gql(
            Some(&c.doctor),
            MARK,
            json!({ "id": wrong["id"], "v": wrong["version"], "r": "written twice" }),
        )
        .await,
    );
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
    two_stays_ended(&app, &h).await;
    admit_at(&app, &h, "Dipa", "98300 44444", &h.beds[2], Utc::now()).await;

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
    // One lab test, timed from its order: 2 hours; one prescription in 3 visits: 0.3.
    assert_eq!(
        (
            t["labTests"].clone(),
            t["labTurnaroundHours"].clone(),
            t["prescriptions"].clone(),
            t["prescriptionsPerVisit"].clone()
        ),
        (json!(1), json!(2.0), json!(1), json!(0.3))
    );
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
    let msd = district_admin(&app, &c.wb, "da.msd", &c.tree.murshidabad).await;
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
