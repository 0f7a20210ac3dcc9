//! The indicators counted from other modules' records by the recount job: patients
//! registered, e-health cards, household surveys against the population, helpline
//! calls against their first-response target, professionals verified and notifiable
//! cases, each where its record puts it (a unit, a facility, or the state).

use super::helpline::{agent, call};
use super::patients::{register, staff_token};
use super::records::Clinic;
use super::surveillance::REPORT;
use arogya_tests::{expect_data, Backend, Store, TestApp};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

on_both_backends!(registry_indicators_count_where_their_records_put_them);

const FIGURES: &str = "registrations cardsIssued householdsSurveyed peopleSurveyed population surveyCoverage helplineCalls helplineDue helplineInTarget helplineInTargetRate professionalsVerified notifiableCases stockOuts oxygenDaysOfCover";

fn query() -> String {
    format!(
        "query($u: ID, $f: ID, $from: String!, $to: String!) {{ indicators(unitId: $u, facilityId: $f, from: $from, to: $to) {{ recountedAt totals {{ {FIGURES} }} parts {{ name figures {{ registrations professionalsVerified notifiableCases }} }} }} }}"
    )
}

async fn figures(app: &TestApp, token: &str, place: Value) -> Value {
    let month = (Utc::now() + Duration::minutes(330))
        .date_naive()
        .format("%Y-%m")
        .to_string();
    let mut v = json!({ "from": month, "to": month });
    for (k, x) in place.as_object().unwrap() {
        v[k] = x.clone();
    }
    expect_data(&app.gql(Some(token), &query(), v).await)["indicators"].clone()
}

async fn registry_indicators_count_where_their_records_put_them(backend: Backend) {
    // The maintenance loop runs every second and recounts on each round.
    let app = TestApp::spawn_store(backend, Store::Fs, |c| {
        c.maintenance_interval_secs = 1;
        c.indicator_recount_secs = 1;
    })
    .await;
    // Verified: a doctor, a nurse and a lab technician at Kolkata DH (Kolkata
    // district) and a doctor at Lalbag SDH (Murshidabad); one doctor still pending.
    let c = Clinic::new(&app).await;
    let year = (Utc::now() + Duration::minutes(330)).year();

    // Registered: Asha with no address (counted for the state), Ravi in Kolkata, and
    // two people enrolled in a household surveyed in the Lalbag block (Murshidabad).
    let asha = c.patient(&app, "Asha", "98300 11111").await;
    register(
        &app,
        &c.wb,
        json!({ "givenName": "Ravi", "sex": "MALE", "ageYears": 30, "address": { "unitId": c.tree.kolkata["id"] } }),
        true,
    )
    .await;
    let surveyor = staff_token(&app, &c.wb, "surveyor.msd", "SURVEYOR").await;
    let household = expect_data(
        &app.gql(
            Some(&surveyor),
            "mutation($i: HouseholdInput!) { createHousehold(input: $i) { id } }",
            json!({ "i": { "unitId": c.tree.block["id"], "addressLine": "4 Ghat Road, Lalbag" } }),
        )
        .await,
    )["createHousehold"]["id"]
        .clone();
    let enroll = "mutation($h: ID!, $p: PatientInput!) { enrollHouseholdMember(householdId: $h, patient: $p, confirmNotDuplicate: true) { patient { id } card { id } } }";
    for (given, sex, age) in [("Gopal", "MALE", 52), ("Mita", "FEMALE", 19)] {
        let m = expect_data(&app.gql(Some(&surveyor), enroll, json!({ "h": household, "p": { "givenName": given, "familyName": "Mondal", "sex": sex, "ageYears": age } })).await);
        assert!(
            m["enrollHouseholdMember"]["card"]["id"].is_string(),
            "a member gets a card"
        );
    }
    // Cards: the two members' and one issued to Asha.
    expect_data(
        &app.gql(
            Some(&c.wb),
            "mutation($p: ID!) { issueCard(patientId: $p) { id } }",
            json!({ "p": asha["id"] }),
        )
        .await,
    );
    // Populations: 1,000 in the state and 400 in Murshidabad this year.
    let pop = "mutation($u: ID!, $y: Int!, $p: Int!) { setUnitPopulation(unitId: $u, year: $y, population: $p) { version } }";
    for (unit, people) in [(&c.tree.state, 1000), (&c.tree.murshidabad, 400)] {
        expect_data(
            &app.gql(
                Some(&c.wb),
                pop,
                json!({ "u": unit["id"], "y": year, "p": people }),
            )
            .await,
        );
    }
    // Two calls: one taken at once (answered within its 5 minutes), one waiting,
    // not yet due.
    let (operator, _) = agent(&app, &c.wb, "op.rina", "HELPLINE_OPERATOR").await;
    let answered = call(&app, &operator, "INFORMATION", None).await;
    call(&app, &operator, "INFORMATION", None).await;
    expect_data(&app.gql(Some(&operator), "mutation($id: ID!, $v: Int!) { takeTicket(id: $id, expectedVersion: $v) { firstResponseAt } }", json!({ "id": answered["id"], "v": answered["version"] })).await);
    // Two dengue cases reported from the Lalbag block.
    let worker = staff_token(&app, &c.wb, "asha.worker", "SURVEYOR").await;
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    for name in ["Rekha Bibi", "Sakil Sk"] {
        expect_data(&app.gql(Some(&worker), REPORT, json!({ "i": { "condition": "dengue", "unitId": c.tree.block["id"], "village": "Jiaganj ward 4", "name": name, "ageYears": 27, "sex": "female", "symptoms": "fever, rash", "onsetDate": today.to_string() } })).await);
    }

    // Counted by the next recount after the last write.
    let written = Utc::now();
    let mut state = Value::Null;
    for _ in 0..100 {
        state = figures(&app, &c.wb, json!({})).await;
        let at = state["recountedAt"]
            .as_str()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok());
        if at.is_some_and(|at| at > written) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(state["recountedAt"].is_string(), "the recount ran: {state}");
    let t = &state["totals"];
    assert_eq!(t["registrations"], 4, "Asha, Ravi and the two members");
    assert_eq!(t["cardsIssued"], 3, "the members' two and Asha's");
    assert_eq!(t["householdsSurveyed"], 1);
    assert_eq!(t["peopleSurveyed"], 2);
    // 2 people listed of 1,000 living in the state: 0.2 per 100.
    assert_eq!(t["population"], 1000);
    assert_eq!(t["surveyCoverage"], 0.2);
    assert_eq!(t["helplineCalls"], 2);
    assert_eq!(
        t["helplineDue"], 1,
        "the waiting call's 5 minutes are not over"
    );
    assert_eq!(t["helplineInTarget"], 1);
    assert_eq!(t["helplineInTargetRate"], 100.0);
    assert_eq!(
        t["professionalsVerified"], 4,
        "the pending doctor is not counted"
    );
    assert_eq!(t["notifiableCases"], 2);
    assert_eq!(t["stockOuts"], 0);
    assert_eq!(t["oxygenDaysOfCover"], Value::Null, "no oxygen readings");

    // The districts: Ravi and three verified at Kolkata DH in Kolkata; the
    // household, its people, the cases and Dr. Roy in Murshidabad (named in Bengali).
    let part = |name: &str| {
        state["parts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {state}"))["figures"]
            .clone()
    };
    assert_eq!(
        part("Kolkata"),
        json!({ "registrations": 1, "professionalsVerified": 3, "notifiableCases": 0 })
    );
    assert_eq!(
        part("মুর্শিদাবাদ"),
        json!({ "registrations": 2, "professionalsVerified": 1, "notifiableCases": 2 })
    );
    let msd = figures(&app, &c.wb, json!({ "u": c.tree.murshidabad["id"] })).await;
    // 2 people listed of 400: 0.5 per 100.
    assert_eq!(msd["totals"]["surveyCoverage"], 0.5);
    assert_eq!(msd["totals"]["cardsIssued"], 2);
    // The block (no units under it) keeps what is counted at it, not only at its
    // facilities.
    let block = figures(&app, &c.wb, json!({ "u": c.tree.block["id"] })).await;
    assert_eq!(block["totals"]["householdsSurveyed"], 1);
    assert_eq!(block["totals"]["notifiableCases"], 2);
    // A facility has what is counted at it: its verified staff.
    let kdh = figures(&app, &c.wb, json!({ "f": c.kolkata["id"] })).await;
    assert_eq!(kdh["totals"]["professionalsVerified"], 3);
    assert_eq!(kdh["totals"]["registrations"], 0);
    assert_eq!(kdh["totals"]["surveyCoverage"], Value::Null);

    // The records behind each number add up to it, where the place keeps them.
    let rows = |place: Value, m: &'static str| {
        let app = &app;
        let wb = c.wb.clone();
        let month = (Utc::now() + Duration::minutes(330))
            .date_naive()
            .format("%Y-%m")
            .to_string();
        async move {
            let mut v = json!({ "from": month, "to": month, "m": m });
            for (k, x) in place.as_object().unwrap() {
                v[k] = x.clone();
            }
            expect_data(&app.gql(Some(&wb), "query($u: ID, $f: ID, $from: String!, $to: String!, $m: IndicatorMeasure!) { indicatorRows(unitId: $u, facilityId: $f, from: $from, to: $to, measure: $m) { total sum rows { kind healthId patientName label facilityName value } } }", v).await)["indicatorRows"].clone()
        }
    };
    let regs = rows(json!({}), "REGISTRATIONS").await;
    assert_eq!(
        (regs["total"].clone(), regs["sum"].clone()),
        (json!(4), t["registrations"].clone())
    );
    assert!(regs["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["healthId"] == asha["healthId"] && r["kind"] == "REGISTRATION"));
    let cases = rows(json!({ "u": c.tree.murshidabad["id"] }), "NOTIFIABLE_CASES").await;
    assert_eq!(cases["sum"], 2);
    let mut names: Vec<String> = cases["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Rekha Bibi (suspected)", "Sakil Sk (suspected)"]);
    let in_time = rows(json!({}), "HELPLINE_IN_TARGET").await;
    assert_eq!(in_time["sum"], 1);
    assert_eq!(
        in_time["rows"][0]["label"], "information (in_progress)",
        "the call, not the caller's number"
    );
    let staff = rows(json!({ "f": c.kolkata["id"] }), "PROFESSIONALS_VERIFIED").await;
    assert_eq!(staff["total"], 3);
    assert!(staff["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["facilityName"] == "Kolkata DH"));
    let people = rows(json!({ "u": c.tree.murshidabad["id"] }), "PEOPLE_SURVEYED").await;
    assert_eq!(
        (people["sum"].clone(), people["rows"][0]["label"].clone()),
        (json!(2), json!("4 Ghat Road, Lalbag"))
    );

    // Another tenant sees none of it.
    let other = app.br_admin().await;
    let theirs = figures(&app, &other, json!({})).await;
    assert_eq!(theirs["totals"]["registrations"], 0);
    assert_eq!(theirs["totals"]["helplineCalls"], 0);
}

on_both_backends!(a_places_figures_are_kept_a_few_seconds_per_reach);

async fn a_places_figures_are_kept_a_few_seconds_per_reach(backend: Backend) {
    let app = TestApp::spawn_store(backend, Store::Fs, |c| c.indicator_cache_secs = 30).await;
    let c = Clinic::new(&app).await;
    let q = "query($u: ID) { indicators(unitId: $u, from: \"2026-01\", to: \"2026-01\") { placeName asOf totals { registrations } } }";
    let ask = |token: String, unit: Value| {
        let app = &app;
        async move {
            expect_data(&app.gql(Some(&token), q, json!({ "u": unit })).await)["indicators"].clone()
        }
    };
    let first = ask(c.wb.clone(), Value::Null).await;
    // Asked again within the time: the same answer, worked out once.
    let again = ask(c.wb.clone(), Value::Null).await;
    assert_eq!(first["asOf"], again["asOf"]);
    // Another reach asking "my area" gets its own answer, never the state's.
    let msd =
        super::onboarding_support::district_admin(&app, &c.wb, "da.msd", &c.tree.murshidabad).await;
    let theirs = ask(msd, Value::Null).await;
    assert_eq!(theirs["placeName"], "মুর্শিদাবাদ");
    assert_eq!(first["placeName"], "West Bengal");
    // Another place is another question.
    let kolkata = ask(c.wb.clone(), c.tree.kolkata["id"].clone()).await;
    assert_eq!(kolkata["placeName"], "Kolkata");
}
