//! Oxygen management: sources sized in Nm³, the daily register and its physics
//! checks, consumption by stock balance, burn rate and time to empty, corrections as
//! versions, and who sees and enters what.
//!
//! Worked examples: a 10 kL tank is 10,000 L × 0.7995 = 7,995 Nm³; a D-type cylinder
//! labelled 7,000 L at 15 °C is 7 × 273.15 / 288.15 = 6.6357 Nm³.

use super::inpatient_support::{critical_on_ventilator, Hospital, CONDITION};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

const CYLINDER: &str =
    "mutation($i: OxygenCylinderTypeInput!) { addOxygenCylinderType(input: $i) { id code nm3 } }";
const SOURCE: &str = "mutation($f: ID!, $i: OxygenSourceInput!) { declareOxygenSource(facilityId: $f, input: $i) { id kind storageNm3 outputNm3PerHour version } }";
pub const RECORD: &str = "mutation($f: ID!, $at: DateTime!, $r: OxygenReadingsInput!) { recordOxygenReading(facilityId: $f, readingAt: $at, readings: $r) { id version late heldNm3 usableNm3 receivedNm3 producedNm3 estimated plantFault patientsFrom patients { invasiveVentilation total } } }";
const CORRECT: &str = "mutation($id: ID!, $v: Int!, $why: String!, $at: DateTime!, $r: OxygenReadingsInput!) { correctOxygenReading(id: $id, expectedVersion: $v, reason: $why, readingAt: $at, readings: $r) { id version heldNm3 correctionReason late } }";
const READINGS: &str = "query($f: ID!) { oxygenReadings(facilityId: $f) { id version heldNm3 consumption { hours openingNm3 receivedNm3 closingNm3 consumptionNm3 estimated } } }";
const STATUS: &str = "query($f: ID!) { facilityOxygen(facilityId: $f) { facilityName risk reportedToday usableNm3 storageNm3 timeToEmptyHours daysOfCover burn24h { nm3PerHour drainPerHour hours } burn72h { nm3PerHour } needOfPatientsNm3PerHour needOfBedsNm3PerHour lastReading { id } } }";
const OVERVIEW: &str = "query { oxygenOverview { notReportedToday facilities { facilityName risk timeToEmptyHours reportedToday } districts { name facilities critical warning reportedToday } rules { warningHours criticalHours liquidFactor { code nm3PerUnit } } } }";
const VERSIONS: &str =
    "query($id: ID!) { oxygenReadingVersions(id: $id) { version heldNm3 supersededAt correctionReason } }";

pub struct Plant {
    pub h: Hospital,
    pub tank: Value,
    pub d_type: Value,
    pub psa: Value,
    /// The oxygen officer of Kolkata DH.
    pub officer: String,
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.01
}

async fn user(app: &TestApp, admin: &str, name: &str, roles: Value) -> String {
    expect_data(
        &app.gql(Some(admin), CREATE_USER, new_user(name, roles))
            .await,
    );
    app.token(Some("WB"), name, "a long enough password").await
}

impl Plant {
    /// Kolkata DH with a 10 kL tank, 50 D-type cylinders and a 1,000 L/min PSA plant.
    pub async fn new(app: &TestApp) -> Self {
        let h = Hospital::new(app).await;
        let wb = &h.c.wb;
        let d_type = expect_data(
            &app.gql(
                Some(wb),
                CYLINDER,
                json!({ "i": { "code": "D", "name": "Jumbo (D type)", "gasLitres": 7000.0 } }),
            )
            .await,
        )["addOxygenCylinderType"]
            .clone();
        let fac = &h.c.kolkata["id"];
        let tank = expect_data(&app.gql(Some(wb), SOURCE, json!({ "f": fac, "i": { "name": "LMO tank 1", "bedsFed": 200, "capacity": { "lmoTank": { "amount": 10.0, "unit": "KILOLITRE", "usableFraction": 0.9 } } } })).await)["declareOxygenSource"].clone();
        expect_data(&app.gql(Some(wb), SOURCE, json!({ "f": fac, "i": { "name": "Cylinder bank", "capacity": { "cylinders": { "cylinderTypeId": d_type["id"], "owned": 50 } } } })).await);
        let psa = expect_data(&app.gql(Some(wb), SOURCE, json!({ "f": fac, "i": { "name": "PSA plant", "bedsFed": 100, "capacity": { "psaPlant": { "litresPerMinute": 1000.0, "purityPercent": 93.0 } } } })).await)["declareOxygenSource"].clone();
        let officer = user(
            app,
            wb,
            "o2.kolkata",
            json!([{ "role": "OXYGEN_OFFICER", "facilityId": fac }]),
        )
        .await;
        Self {
            h,
            tank,
            d_type,
            psa,
            officer,
        }
    }

    pub fn readings(&self, percent: f64, full: i32) -> Value {
        json!({ "tanks": [{ "sourceId": self.tank["id"], "percent": percent }],
                "cylinders": [{ "cylinderTypeId": self.d_type["id"], "full": full, "inUse": 0, "empty": 50 - full }] })
    }

    /// The facility's current readings, with what was used since the one before each.
    pub async fn readings_list(&self, app: &TestApp) -> Vec<Value> {
        let body = app
            .gql(
                Some(&self.officer),
                READINGS,
                json!({ "f": self.h.c.kolkata["id"] }),
            )
            .await;
        expect_data(&body)["oxygenReadings"]
            .as_array()
            .unwrap()
            .clone()
    }

    pub async fn record(&self, app: &TestApp, at: DateTime<Utc>, r: Value) -> Value {
        app.gql(
            Some(&self.officer),
            RECORD,
            json!({ "f": self.h.c.kolkata["id"], "at": iso(at), "r": r }),
        )
        .await
    }
}

fn field_of(body: &Value) -> String {
    expect_error(body, "VALIDATION")["extensions"]["field"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// 80 % to 60 % of a 10 kL tank (7,995 Nm³) is 1,599 Nm³; five D cylinders 33.18 Nm³.
async fn ten_kilolitre_tank_from_80_to_60_percent_and_five_jumbo_cylinders_is_1632_nm3(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    assert!(close(f(&p.tank["storageNm3"]), 7995.0), "{}", p.tank);
    assert!(close(f(&p.d_type["nm3"]), 6.6357), "{}", p.d_type);
    assert!(close(f(&p.psa["outputNm3PerHour"]), 60.0));

    // A ventilated patient in the ICU: the patients on oxygen come from the wards.
    let (_, a) =
        p.h.admit(&app, "Rupa", "9830011111", &p.h.icu_beds[0])
            .await;
    expect_data(
        &app.gql(Some(&p.h.c.nurse), CONDITION, critical_on_ventilator(&a))
            .await,
    );

    let now = Utc::now();
    let first = expect_data(
        &p.record(&app, now - Duration::hours(48), p.readings(80.0, 30))
            .await,
    )["recordOxygenReading"]
        .clone();
    // 6,396 in the tank (of which 5,596.5 above the undrawable 10 %) and 30 × 6.6357.
    assert!(close(f(&first["heldNm3"]), 6396.0 + 199.071), "{first}");
    assert!(close(f(&first["usableNm3"]), 5596.5 + 199.071), "{first}");
    assert_eq!(first["late"], true, "entered on a later day than read");
    assert_eq!(first["patientsFrom"], "inpatient");
    assert_eq!(first["patients"]["invasiveVentilation"], 1);
    assert_eq!(first["estimated"], false);

    let second = expect_data(
        &p.record(&app, now - Duration::hours(24), p.readings(60.0, 25))
            .await,
    )["recordOxygenReading"]
        .clone();
    // The plant ran 20 h at 60 Nm³/h (1,200 Nm³, an estimate) and a 2 kL tanker came.
    let mut r = p.readings(70.0, 25);
    r["plants"] = json!([{ "sourceId": p.psa["id"], "runningHours": 20.0 }]);
    r["liquidReceived"] = json!([{ "sourceId": p.tank["id"], "quantity": 2.0, "unit": "KILOLITRE", "supplier": "Inox Air", "tanker": "WB-23-1234", "challan": "CH-88" }]);
    r["patients"] =
        json!({ "nasalCannula": 10, "mask": 0, "hfnc": 2, "niv": 0, "invasiveVentilation": 1 });
    let third = expect_data(&p.record(&app, now, r).await)["recordOxygenReading"].clone();
    assert_eq!(third["late"], false);
    assert_eq!(third["patientsFrom"], "entered");
    assert!(close(f(&third["receivedNm3"]), 1599.0));
    assert!(close(f(&third["producedNm3"]), 1200.0));
    assert_eq!(third["estimated"], true);

    let list = p.readings_list(&app).await;
    assert_eq!(list.len(), 3);
    assert!(
        list[0]["consumption"].is_null(),
        "the first reading has no opening"
    );
    let day1 = &list[1]["consumption"];
    // (6,396 + 199.07) − (4,797 + 165.89) = 1,599 + 33.18
    assert!(close(f(&day1["consumptionNm3"]), 1632.18), "{day1}");
    assert!(close(f(&day1["hours"]), 24.0));
    let day2 = &list[2]["consumption"];
    // opening 4,962.89 + received 1,599 + made 1,200 − closing 5,596.5 + 165.89
    assert!(
        close(
            f(&day2["consumptionNm3"]),
            4962.893 + 1599.0 + 1200.0 - 5762.393
        ),
        "{day2}"
    );

    let s = expect_data(
        &app.gql(
            Some(&p.officer),
            STATUS,
            json!({ "f": p.h.c.kolkata["id"] }),
        )
        .await,
    )["facilityOxygen"]
        .clone();
    assert_eq!(s["reportedToday"], true);
    assert_eq!(s["lastReading"]["id"], third["id"]);
    // Over the last 24 h: 1,999.5 Nm³ used, 799.5 of them drawn from stock.
    let burn = &s["burn24h"];
    assert!(close(f(&burn["nm3PerHour"]), 1999.5 / 24.0), "{burn}");
    assert!(close(f(&burn["drainPerHour"]), 799.5 / 24.0), "{burn}");
    assert!(close(
        f(&s["burn72h"]["nm3PerHour"]),
        (1632.18 + 1999.5) / 48.0
    ));
    // Usable now: 4,797 + 165.89 = 4,962.89 Nm³ at 33.31 Nm³/h: about 149 h.
    let tte = f(&s["timeToEmptyHours"]);
    assert!((tte - 4962.89 / (799.5 / 24.0)).abs() < 0.5, "{s}");
    assert!(close(f(&s["daysOfCover"]), tte / 24.0));
    assert_eq!(s["risk"], "OK");
    // The state's dashboard can ask for the facilities at risk only: none here.
    let at_risk = "query($r: Boolean!) { oxygenOverview(onlyAtRisk: $r) { facilities { facilityName } districts { facilities minTimeToEmptyHours } } }";
    let all = expect_data(
        &app.gql(Some(&p.h.c.wb), at_risk, json!({ "r": false }))
            .await,
    );
    assert_eq!(
        all["oxygenOverview"]["facilities"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let risky = expect_data(
        &app.gql(Some(&p.h.c.wb), at_risk, json!({ "r": true }))
            .await,
    );
    assert!(risky["oxygenOverview"]["facilities"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        risky["oxygenOverview"]["districts"][0]["facilities"], 1,
        "totals count every facility"
    );
    assert!((f(&risky["oxygenOverview"]["districts"][0]["minTimeToEmptyHours"]) - tte).abs() < 0.5);
    // 10 × 4 + 2 × 40 + 12 L/min = 132 L/min = 7.92 Nm³/h; a ventilator bed 20 L/min.
    assert!(close(f(&s["needOfPatientsNm3PerHour"]), 7.92));
    assert!(close(f(&s["needOfBedsNm3PerHour"]), 1.2));
    assert!(close(f(&s["storageNm3"]), 7995.0 + 50.0 * 6.6357));

    // Kolkata's district sets its own thresholds: 149 h is now a warning there.
    let set = "mutation($i: OxygenRulesInput!) { setOxygenRules(input: $i) { version districtThresholds { districtId warningHours criticalHours } } }";
    let norms = json!({ "nasalCannula": 4.0, "mask": 10.0, "hfnc": 40.0, "niv": 20.0, "invasiveVentilation": 12.0, "oxygenSupportedBed": 7.0, "hduBed": 10.0, "icuBed": 12.0, "ventilatorBed": 20.0 });
    let rules = |d: &Value, w: i64, c: i64| {
        json!({ "i": { "liquidFactor": "liquid_litre_0c", "norms": norms, "warningHours": 24, "criticalHours": 8, "deadlineHour": 12, "expectedVersion": 0,
        "districtThresholds": [{ "districtId": d, "warningHours": w, "criticalHours": c }] } })
    };
    let bad = app
        .gql(Some(&p.h.c.wb), set, rules(&p.h.c.kolkata["id"], 200, 100))
        .await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "districtThresholds[0].districtId",
        "a facility is not a district"
    );
    let bad = app
        .gql(
            Some(&p.h.c.wb),
            set,
            rules(&p.h.c.tree.kolkata["id"], 100, 200),
        )
        .await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "districtThresholds[0].criticalHours"
    );
    let saved = expect_data(
        &app.gql(
            Some(&p.h.c.wb),
            set,
            rules(&p.h.c.tree.kolkata["id"], 200, 100),
        )
        .await,
    );
    assert_eq!(
        saved["setOxygenRules"]["districtThresholds"][0]["warningHours"],
        200
    );
    let s = expect_data(
        &app.gql(
            Some(&p.officer),
            STATUS,
            json!({ "f": p.h.c.kolkata["id"] }),
        )
        .await,
    )["facilityOxygen"]
        .clone();
    assert_eq!(s["risk"], "WARNING", "{s}");

    // Every step is audited.
    let audit = "query($a: String!) { auditEvents(first: 10, filter: { action: $a }) { edges { node { action entityId } } } }";
    let entries = expect_data(
        &app.gql(Some(&p.h.c.wb), audit, json!({ "a": "oxygen.entry" }))
            .await,
    );
    assert_eq!(entries["auditEvents"]["edges"].as_array().unwrap().len(), 3);
    assert_eq!(
        entries["auditEvents"]["edges"][0]["node"]["entityId"],
        third["id"]
    );
    let setup = expect_data(
        &app.gql(Some(&p.h.c.wb), audit, json!({ "a": "oxygen.setup" }))
            .await,
    );
    assert_eq!(
        setup["auditEvents"]["edges"].as_array().unwrap().len(),
        5,
        "a cylinder type, three sources and the rules"
    );
    assert_eq!(second["version"], 1);
}

/// Readings that contradict physics are refused, naming the field; nothing is stored.
async fn readings_that_contradict_physics_are_refused_naming_the_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let now = Utc::now();
    let at = now - Duration::hours(24);
    assert_eq!(
        field_of(&p.record(&app, at, p.readings(120.0, 10)).await),
        "tanks[0].percent"
    );
    let kg = json!({ "tanks": [{ "sourceId": p.tank["id"], "kilograms": 12000.0 }] });
    let body = p.record(&app, at, kg).await;
    assert_eq!(field_of(&body), "tanks[0].kilograms");
    assert!(body.to_string().contains("11425 kg"), "{body}");
    let both =
        json!({ "tanks": [{ "sourceId": p.tank["id"], "percent": 10.0, "kilograms": 100.0 }] });
    assert_eq!(
        field_of(&p.record(&app, at, both).await),
        "tanks[0].percent"
    );
    // 45 full + 10 empty is more than the 50 cylinders held.
    let r = json!({ "cylinders": [{ "cylinderTypeId": p.d_type["id"], "full": 45, "inUse": 0, "empty": 10 }] });
    assert_eq!(field_of(&p.record(&app, at, r).await), "cylinders[0].full");
    // A plant cannot run 30 hours in a day.
    let mut r = p.readings(50.0, 10);
    r["plants"] = json!([{ "sourceId": p.psa["id"], "runningHours": 30.0 }]);
    assert_eq!(
        field_of(&p.record(&app, at, r).await),
        "plants[0].runningHours"
    );
    // A source of the wrong kind, a future time.
    let r = json!({ "tanks": [{ "sourceId": p.psa["id"], "percent": 50.0 }] });
    assert_eq!(field_of(&p.record(&app, at, r).await), "tanks[0].source");
    assert_eq!(
        field_of(
            &p.record(&app, now + Duration::hours(2), p.readings(50.0, 10))
                .await
        ),
        "readingAt"
    );
    assert_eq!(field_of(&p.record(&app, at, json!({})).await), "tanks");

    // The stock cannot rise without a delivery.
    expect_data(&p.record(&app, at, p.readings(50.0, 10)).await);
    let body = p.record(&app, now, p.readings(70.0, 10)).await;
    assert_eq!(field_of(&body), "liquidReceived", "{body}");
    // Nor can a late reading slotted in before it make the next one go up.
    expect_data(&p.record(&app, now, p.readings(40.0, 10)).await);
    let body = p
        .record(&app, now - Duration::hours(12), p.readings(30.0, 10))
        .await;
    assert_eq!(field_of(&body), "readingAt", "{body}");
    // The same time twice is one reading, not two.
    expect_error(&p.record(&app, now, p.readings(40.0, 10)).await, "CONFLICT");
    let list = p.readings_list(&app).await.len();
    assert_eq!(list, 2);
}

/// A correction is a new version with its reason; the first stays, and a stale one is
/// refused.
async fn a_correction_is_a_new_version_and_the_first_is_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let at = Utc::now() - Duration::hours(30);
    let first =
        expect_data(&p.record(&app, at, p.readings(50.0, 10)).await)["recordOxygenReading"].clone();
    let vars = |v: i64, why: &str, pct: f64| json!({ "id": first["id"], "v": v, "why": why, "at": iso(at), "r": p.readings(pct, 10) });
    expect_error(
        &app.gql(Some(&p.officer), CORRECT, vars(1, "no", 55.0))
            .await,
        "VALIDATION",
    );
    let fixed = expect_data(
        &app.gql(
            Some(&p.officer),
            CORRECT,
            vars(1, "gauge misread: 55 not 50", 55.0),
        )
        .await,
    )["correctOxygenReading"]
        .clone();
    assert_eq!(fixed["id"], first["id"]);
    assert_eq!(fixed["version"], 2);
    assert_eq!(
        fixed["late"], true,
        "a correction keeps the first entry's lateness"
    );
    assert!(close(f(&fixed["heldNm3"]), 7995.0 * 0.55 + 66.357));
    // Someone still holding version 1 is told it changed.
    expect_error(
        &app.gql(
            Some(&p.officer),
            CORRECT,
            vars(1, "another misreading", 60.0),
        )
        .await,
        "CONFLICT",
    );
    let versions = expect_data(
        &app.gql(Some(&p.officer), VERSIONS, json!({ "id": first["id"] }))
            .await,
    )["oxygenReadingVersions"]
        .clone();
    assert_eq!(versions.as_array().unwrap().len(), 2);
    assert!(versions[0]["supersededAt"].is_string());
    assert!(close(f(&versions[0]["heldNm3"]), 7995.0 * 0.5 + 66.357));
    assert!(versions[1]["supersededAt"].is_null());
    assert_eq!(versions[1]["correctionReason"], "gauge misread: 55 not 50");
    // Only the current version counts.
    let list = p.readings_list(&app).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["version"], 2);
}

/// A district committee watches its district and enters nothing; an officer enters at
/// their own facility only; the state sets the rules; another tenant finds nothing.
async fn the_committee_watches_its_district_and_other_tenants_find_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = Plant::new(&app).await;
    let wb = &p.h.c.wb;
    // Lalbag SDH (Murshidabad district) with a tank that has not reported.
    let lalbag = &p.h.c.lalbag["id"];
    let lalbag_tank = expect_data(&app.gql(Some(wb), SOURCE, json!({ "f": lalbag, "i": { "name": "Tank", "capacity": { "lmoTank": { "amount": 6000.0, "unit": "LITRE", "usableFraction": 0.92 } } } })).await)["declareOxygenSource"].clone();
    assert!(close(f(&lalbag_tank["storageNm3"]), 4797.0));
    // Kolkata DH is running down fast: 900 Nm³ a day, with under 8 h left.
    let now = Utc::now();
    expect_data(
        &p.record(&app, now - Duration::hours(24), p.readings(22.0, 0))
            .await,
    );
    expect_data(
        &p.record(&app, now - Duration::minutes(1), p.readings(11.0, 0))
            .await,
    );

    let committee = user(
        &app,
        wb,
        "o2.kolkata.committee",
        json!([{ "role": "OXYGEN_COMMITTEE", "unitId": p.h.c.tree.kolkata["id"] }]),
    )
    .await;
    let o = expect_data(&app.gql(Some(&committee), OVERVIEW, json!({})).await)["oxygenOverview"]
        .clone();
    let names: Vec<&str> = o["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["facilityName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kolkata DH"]);
    // 11 % of 7,995 less the undrawable 10 % is 80 Nm³, at 36.6 Nm³/h: about 2 h.
    assert_eq!(o["facilities"][0]["risk"], "CRITICAL", "{o}");
    assert!(f(&o["facilities"][0]["timeToEmptyHours"]) < 3.0);
    assert_eq!(o["districts"][0]["critical"], 1);
    assert_eq!(o["rules"]["criticalHours"], 8);
    expect_error(
        &app.gql(Some(&committee), STATUS, json!({ "f": lalbag }))
            .await,
        "FORBIDDEN",
    );
    let body = app
        .gql(
            Some(&committee),
            RECORD,
            json!({ "f": p.h.c.kolkata["id"], "at": iso(now), "r": p.readings(10.0, 0) }),
        )
        .await;
    expect_error(&body, "FORBIDDEN");

    // The state sees both, the most urgent first, and who has not reported today.
    let o = expect_data(&app.gql(Some(wb), OVERVIEW, json!({})).await)["oxygenOverview"].clone();
    let risks: Vec<&str> = o["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["risk"].as_str().unwrap())
        .collect();
    assert_eq!(risks, ["CRITICAL", "NOT_REPORTED"]);
    assert_eq!(o["notReportedToday"], 1);
    assert_eq!(o["districts"].as_array().unwrap().len(), 2);
    // At risk is running out (the daily roll-up's meaning too); who has not reported
    // is still counted.
    let risky =
        "query { oxygenOverview(onlyAtRisk: true) { notReportedToday facilities { risk } } }";
    let o = expect_data(&app.gql(Some(wb), risky, json!({})).await)["oxygenOverview"].clone();
    assert_eq!(o["facilities"], json!([{ "risk": "CRITICAL" }]));
    assert_eq!(o["notReportedToday"], 1);

    // The officer enters only at Kolkata DH.
    let r = json!({ "tanks": [{ "sourceId": lalbag_tank["id"], "percent": 50.0 }] });
    let body = app
        .gql(
            Some(&p.officer),
            RECORD,
            json!({ "f": lalbag, "at": iso(now), "r": r }),
        )
        .await;
    expect_error(&body, "FORBIDDEN");

    // Rules: the state's, not the district committee's.
    let rules = json!({ "i": { "liquidFactor": "liquid_litre_15c", "warningHours": 48, "criticalHours": 12, "deadlineHour": 10, "expectedVersion": 0,
        "norms": { "nasalCannula": 5.0, "mask": 10.0, "hfnc": 50.0, "niv": 20.0, "invasiveVentilation": 12.0, "oxygenSupportedBed": 7.0, "hduBed": 10.0, "icuBed": 12.0, "ventilatorBed": 20.0 } } });
    let set = "mutation($i: OxygenRulesInput!) { setOxygenRules(input: $i) { version warningHours liquidFactor { code nm3PerUnit } } }";
    expect_error(
        &app.gql(Some(&committee), set, rules.clone()).await,
        "FORBIDDEN",
    );
    let saved = expect_data(&app.gql(Some(wb), set, rules.clone()).await)["setOxygenRules"].clone();
    assert_eq!(saved["version"], 1);
    assert!(close(f(&saved["liquidFactor"]["nm3PerUnit"]), 0.8152));
    expect_error(&app.gql(Some(wb), set, rules).await, "CONFLICT");
    let mut bad = json!({ "i": { "liquidFactor": "kilogram", "warningHours": 48, "criticalHours": 12, "deadlineHour": 10, "expectedVersion": 1,
        "norms": { "nasalCannula": 5.0, "mask": 10.0, "hfnc": 50.0, "niv": 20.0, "invasiveVentilation": 12.0, "oxygenSupportedBed": 7.0, "hduBed": 10.0, "icuBed": 12.0, "ventilatorBed": 20.0 } } });
    assert_eq!(
        field_of(&app.gql(Some(wb), set, bad.clone()).await),
        "liquidFactor"
    );
    bad["i"]["liquidFactor"] = json!("liquid_litre_0c");
    bad["i"]["criticalHours"] = json!(60);
    assert_eq!(
        field_of(&app.gql(Some(wb), set, bad).await),
        "criticalHours"
    );

    // Another tenant: nothing to find, nothing to write.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(Some(&br), STATUS, json!({ "f": p.h.c.kolkata["id"] }))
            .await,
        "NOT_FOUND",
    );
    let list = p.readings_list(&app).await;
    expect_error(
        &app.gql(Some(&br), VERSIONS, json!({ "id": list[0]["id"] }))
            .await,
        "NOT_FOUND",
    );
    let body = app.gql(Some(&br), SOURCE, json!({ "f": p.h.c.kolkata["id"], "i": { "name": "x", "capacity": { "psaPlant": { "litresPerMinute": 100.0, "purityPercent": 93.0 } } } })).await;
    expect_error(&body, "NOT_FOUND");
    let cyl = json!({ "f": lalbag, "i": { "name": "x", "capacity": { "cylinders": { "cylinderTypeId": uuid::Uuid::now_v7().to_string(), "owned": 5 } } } });
    assert_eq!(
        field_of(&app.gql(Some(wb), SOURCE, cyl).await),
        "capacity.cylinderTypeId"
    );
    let o = expect_data(&app.gql(Some(&br), OVERVIEW, json!({})).await)["oxygenOverview"].clone();
    assert_eq!(o["facilities"].as_array().unwrap().len(), 0);
    super::helpline::rls_keeps_tenants_apart(
        &app,
        backend,
        &[
            "oxygen_settings",
            "oxygen_cylinder_types",
            "oxygen_sources",
            "oxygen_entries",
            "oxygen_facility_days",
        ],
    )
    .await;
}

on_both_backends!(
    ten_kilolitre_tank_from_80_to_60_percent_and_five_jumbo_cylinders_is_1632_nm3,
    readings_that_contradict_physics_are_refused_naming_the_field,
    a_correction_is_a_new_version_and_the_first_is_kept,
    the_committee_watches_its_district_and_other_tenants_find_nothing,
);
