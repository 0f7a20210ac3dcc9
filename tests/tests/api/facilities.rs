//! Facilities: details, validation, filters, counts, district scopes, isolation, and
//! a bounded number of SQL statements for nested lists.

use super::units::{build_tree, Tree};
use super::users::{new_user, CREATE_USER};
use arogya_tests::{error_code, expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const FIELDS: &str = "id name type ownership ownershipSubtype unit { name } district { name } address pincode latitude longitude phone email systemsOfMedicine specialities operationalStatus nationalFacilityId beds { general oxygenSupported icu ventilator } totalBeds emrReadiness { adopted adoptedOn checklist { item status } } version";

fn create_query() -> String {
    format!("mutation($i: CreateFacilityInput!) {{ createFacility(input: $i) {{ {FIELDS} }} }}")
}
fn update_query() -> String {
    format!("mutation($i: UpdateFacilityInput!) {{ updateFacility(input: $i) {{ {FIELDS} }} }}")
}

pub fn facility(name: &str, kind: &str, unit: &Value) -> Value {
    json!({ "name": name, "type": kind, "ownership": "PUBLIC", "unitId": unit })
}

pub async fn create_facility(app: &TestApp, token: &str, f: Value) -> Value {
    let body = app
        .gql(
            Some(token),
            &create_query(),
            json!({ "i": { "facility": f } }),
        )
        .await;
    expect_data(&body)["createFacility"].clone()
}

on_both_backends!(facilities_are_created_validated_and_versioned);

async fn facilities_are_created_validated_and_versioned(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let Tree {
        murshidabad, block, ..
    } = build_tree(&app, &wb).await;
    let full = json!({
        "name": "Murshidabad Medical College & Hospital", "type": "MEDICAL_COLLEGE_HOSPITAL",
        "ownership": "PUBLIC", "ownershipSubtype": "State Government", "unitId": block["id"],
        "address": "Berhampore, Murshidabad", "pincode": "742101", "latitude": 24.1, "longitude": 88.27,
        "phone": "03482 251234", "email": "msdmch@wb.gov.in", "systemsOfMedicine": ["ALLOPATHY", "AYURVEDA"],
        "specialities": ["General Medicine", "Paediatrics", "general medicine"], "nationalFacilityId": "in3310001271",
        "beds": { "general": 500, "oxygenSupported": 120, "icu": 30, "ventilator": 12 },
        "emrReadiness": { "adopted": true, "adoptedOn": "2026-04-01", "checklist": [{ "item": "LAN", "status": "DONE" }] }
    });
    let f = create_facility(&app, &wb, full.clone()).await;
    assert_eq!(f["type"], "MEDICAL_COLLEGE_HOSPITAL");
    assert_eq!(f["unit"]["name"], "Murshidabad-Jiaganj");
    assert_eq!(f["district"]["name"], murshidabad["name"]);
    assert_eq!(f["phone"], "+913482251234");
    assert_eq!(f["nationalFacilityId"], "IN3310001271");
    assert_eq!(
        f["specialities"],
        json!(["General Medicine", "Paediatrics"])
    );
    assert_eq!(f["operationalStatus"], "OPERATIONAL");
    assert_eq!(f["totalBeds"], 662);
    assert_eq!(f["emrReadiness"]["adoptedOn"], "2026-04-01");
    assert_eq!(f["emrReadiness"]["checklist"].as_array().unwrap().len(), 4);
    assert!(f["emrReadiness"]["checklist"]
        .as_array()
        .unwrap()
        .contains(&json!({ "item": "LAN", "status": "DONE" })));

    // Each bad value is a VALIDATION error naming its field, and nothing is stored.
    let bad: Vec<(Value, &str)> = vec![
        (json!({ "name": "x" }), "name"),
        (json!({ "pincode": "12345" }), "pincode"),
        (json!({ "latitude": 51.5, "longitude": 0.1 }), "latitude"),
        (json!({ "latitude": 22.5, "longitude": null }), "longitude"),
        (json!({ "phone": "12345" }), "phone"),
        (json!({ "email": "not-an-email" }), "email"),
        (
            json!({ "nationalFacilityId": "IN12AB" }),
            "nationalFacilityId",
        ),
        (
            json!({ "nationalFacilityId": "IN3310001271" }),
            "nationalFacilityId",
        ),
        (json!({ "beds": { "icu": -3 } }), "beds.icu"),
        (
            json!({ "emrReadiness": { "adopted": true } }),
            "emrReadiness.adoptedOn",
        ),
        (json!({ "unitId": "not-an-id" }), "unitId"),
    ];
    for (patch, field) in bad {
        let mut input = full.clone();
        input["nationalFacilityId"] = Value::Null;
        for (k, v) in patch.as_object().unwrap() {
            input[k] = v.clone();
        }
        let body = app
            .gql(
                Some(&wb),
                &create_query(),
                json!({ "i": { "facility": input } }),
            )
            .await;
        assert_eq!(
            expect_error(&body, "VALIDATION")["extensions"]["field"],
            field,
            "{patch}"
        );
    }
    let count = app
        .gql(Some(&wb), "{ facilities { edges { cursor } } }", json!({}))
        .await;
    assert_eq!(
        expect_data(&count)["facilities"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Updates replace the details, need the current version, and are audited.
    let mut changed = full.clone();
    changed["operationalStatus"] = json!("NON_OPERATIONAL");
    changed["beds"] = json!({ "general": 450 });
    let u = app
        .gql(
            Some(&wb),
            &update_query(),
            json!({ "i": { "id": f["id"], "expectedVersion": 1, "facility": changed } }),
        )
        .await;
    let u = expect_data(&u)["updateFacility"].clone();
    assert_eq!(
        (
            u["version"].clone(),
            u["operationalStatus"].clone(),
            u["totalBeds"].clone()
        ),
        (json!(2), json!("NON_OPERATIONAL"), json!(450))
    );
    let stale = app
        .gql(
            Some(&wb),
            &update_query(),
            json!({ "i": { "id": f["id"], "expectedVersion": 1, "facility": full } }),
        )
        .await;
    expect_error(&stale, "CONFLICT");
    let audit = app
        .gql(
            Some(&wb),
            "query($e: ID) { auditEvents(filter: { entityId: $e }) { edges { node { action } } } }",
            json!({ "e": f["id"] }),
        )
        .await;
    let actions: Vec<Value> = expect_data(&audit)["auditEvents"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["action"].clone())
        .collect();
    assert_eq!(
        actions,
        vec![json!("facility.update"), json!("facility.create")]
    );
}

on_both_backends!(facilities_filter_count_and_respect_district_scope);

async fn facilities_filter_count_and_respect_district_scope(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    create_facility(
        &app,
        &wb,
        facility(
            "Kolkata District Hospital",
            "DISTRICT_HOSPITAL",
            &t.kolkata["id"],
        ),
    )
    .await;
    create_facility(
        &app,
        &wb,
        facility(
            "Lalbag Sub-divisional Hospital",
            "SUB_DIVISIONAL_HOSPITAL",
            &t.lalbag["id"],
        ),
    )
    .await;
    create_facility(&app, &wb, facility("Jiaganj PHC", "PHC", &t.block["id"])).await;
    let mut private = facility("Jiaganj Nursing Home", "NURSING_HOME", &t.block["id"]);
    private["ownership"] = json!("PRIVATE");
    private["operationalStatus"] = json!("CLOSED");
    create_facility(&app, &wb, private).await;
    create_facility(
        &app,
        &wb,
        facility("State Blood Bank", "BLOOD_BANK", &t.state["id"]),
    )
    .await;

    let list = |filter: Value| {
        let app = &app;
        let wb = wb.clone();
        async move {
            let body = app.gql(Some(&wb), "query($f: FacilityFilter) { facilities(filter: $f, first: 100) { edges { node { name } } } }", json!({ "f": filter })).await;
            let mut names: Vec<String> = expect_data(&body)["facilities"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(
        list(json!({ "unitId": t.murshidabad["id"] })).await,
        [
            "Jiaganj Nursing Home",
            "Jiaganj PHC",
            "Lalbag Sub-divisional Hospital"
        ]
    );
    assert_eq!(
        list(json!({ "types": ["PHC", "BLOOD_BANK"] })).await,
        ["Jiaganj PHC", "State Blood Bank"]
    );
    assert_eq!(
        list(json!({ "ownership": "PRIVATE" })).await,
        ["Jiaganj Nursing Home"]
    );
    assert_eq!(
        list(json!({ "status": "CLOSED" })).await,
        ["Jiaganj Nursing Home"]
    );
    assert_eq!(
        list(json!({ "search": "jiaganj HOME" })).await,
        ["Jiaganj Nursing Home"]
    );
    assert_eq!(
        list(json!({ "search": "hospital", "unitId": t.lalbag["id"] })).await,
        ["Lalbag Sub-divisional Hospital"]
    );
    assert_eq!(list(json!({})).await.len(), 5);

    let counts = app
        .gql(
            Some(&wb),
            "{ facilityCountsByDistrict { district { name } total byType { type count } } }",
            json!({}),
        )
        .await;
    let counts = expect_data(&counts)["facilityCountsByDistrict"].clone();
    let find = |name: Option<&str>| {
        counts
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["district"]["name"].as_str() == name)
            .cloned()
            .unwrap()
    };
    assert_eq!(find(Some("Kolkata"))["total"], 1);
    let msd = find(Some("মুর্শিদাবাদ"));
    assert_eq!(msd["total"], 3);
    assert!(msd["byType"]
        .as_array()
        .unwrap()
        .contains(&json!({ "type": "PHC", "count": 1 })));
    assert_eq!(
        find(None)["total"],
        1,
        "the state-level blood bank has no district"
    );

    // A district administrator of Murshidabad sees and edits only Murshidabad.
    expect_data(
        &app.gql(
            Some(&wb),
            CREATE_USER,
            new_user(
                "da.msd",
                json!([{ "role": "DISTRICT_ADMIN", "unitId": t.murshidabad["id"] }]),
            ),
        )
        .await,
    );
    let da = app
        .token(Some("WB"), "da.msd", "a long enough password")
        .await;
    let mine = app
        .gql(
            Some(&da),
            "{ facilities(first: 100) { edges { node { id name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_data(&mine)["facilities"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let kolkata_hospital = list(json!({ "unitId": t.kolkata["id"] })).await;
    assert_eq!(kolkata_hospital.len(), 1);
    let all = app
        .gql(
            Some(&wb),
            "{ facilities(filter: { search: \"Kolkata\" }) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    let kolkata_id = expect_data(&all)["facilities"]["edges"][0]["node"]["id"].clone();
    expect_error(
        &app.gql(
            Some(&da),
            "query($id: ID!) { facility(id: $id) { id } }",
            json!({ "id": kolkata_id }),
        )
        .await,
        "NOT_FOUND",
    );
    let upd = json!({ "i": { "id": kolkata_id, "expectedVersion": 1, "facility": facility("Taken", "PHC", &t.lalbag["id"]) } });
    expect_error(&app.gql(Some(&da), &update_query(), upd).await, "NOT_FOUND");
    let into_kolkata = app
        .gql(
            Some(&da),
            &create_query(),
            json!({ "i": { "facility": facility("Nope", "PHC", &t.kolkata["id"]) } }),
        )
        .await;
    expect_error(&into_kolkata, "NOT_FOUND");
    expect_error(
        &app.gql(
            Some(&da),
            "query($u: ID) { facilities(filter: { unitId: $u }) { edges { cursor } } }",
            json!({ "u": t.kolkata["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    let da_counts = app
        .gql(
            Some(&da),
            "{ facilityCountsByDistrict { total } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_data(&da_counts)["facilityCountsByDistrict"],
        json!([{ "total": 3 }])
    );
    create_facility(
        &app,
        &da,
        facility("Berhampore UPHC", "PHC", &t.lalbag["id"]),
    )
    .await;
}

on_both_backends!(facilities_of_other_tenants_are_not_found);

async fn facilities_of_other_tenants_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let f = create_facility(
        &app,
        &wb,
        facility(
            "Kolkata District Hospital",
            "DISTRICT_HOSPITAL",
            &t.kolkata["id"],
        ),
    )
    .await;
    let br = app.br_admin().await;
    let cases = [
        (
            "facility",
            "query($id: ID!) { facility(id: $id) { id } }".to_owned(),
            json!({ "id": f["id"] }),
        ),
        (
            "updateFacility",
            update_query(),
            json!({ "i": { "id": f["id"], "expectedVersion": 1, "facility": facility("Spy", "PHC", &t.kolkata["id"]) } }),
        ),
        (
            "createFacility in a WB unit",
            create_query(),
            json!({ "i": { "facility": facility("Spy", "PHC", &t.kolkata["id"]) } }),
        ),
        (
            "facilities under a WB unit",
            "query($u: ID) { facilities(filter: { unitId: $u }) { edges { cursor } } }".to_owned(),
            json!({ "u": t.kolkata["id"] }),
        ),
    ];
    for (what, q, vars) in cases {
        let body = app.gql(Some(&br), &q, vars).await;
        assert_eq!(
            error_code(&body).as_deref(),
            Some("NOT_FOUND"),
            "{what}: {body}"
        );
    }
    let none = app
        .gql(
            Some(&br),
            "{ facilities { edges { cursor } } facilityCountsByDistrict { total } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_data(&none),
        json!({ "facilities": { "edges": [] }, "facilityCountsByDistrict": [] })
    );
}

pub async fn statements(app: &TestApp) -> u64 {
    let text = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix("arogya_db_statements_total "))
        .and_then(|n| n.trim().parse().ok())
        .expect("arogya_db_statements_total in /metrics")
}

on_both_backends!(nested_facility_lists_use_a_bounded_number_of_statements);

async fn nested_facility_lists_use_a_bounded_number_of_statements(backend: Backend) {
    // A window long enough that batching does not depend on how fast this (debug,
    // shared) machine polls 50 rows: then the statement count must not grow at all.
    let (mut config, dir, pg) = arogya_tests::test_config(backend).await;
    config.graphql_batch_window_ms = 50;
    let app = TestApp::spawn_with(backend, config, dir, pg).await;
    let wb = app.wb_admin().await;
    let t = build_tree(&app, &wb).await;
    let units = [&t.kolkata, &t.murshidabad, &t.lalbag, &t.block];
    let create_professional =
        "mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }";
    for i in 0..50 {
        let f = create_facility(
            &app,
            &wb,
            facility(&format!("PHC {i:02}"), "PHC", &units[i % 4]["id"]),
        )
        .await;
        let p = json!({ "i": {
            "professional": { "name": format!("Dr. Number {i}"), "kind": "DOCTOR",
                "registrations": [{ "council": "WBMC", "number": format!("R-{i}"), "registeredOn": "2020-01-01" }] },
            "posting": { "facilityId": f["id"], "designation": "Medical Officer", "from": "2024-01-01" } } });
        expect_data(&app.gql(Some(&wb), create_professional, p).await);
    }
    let q = "query($n: Int) { facilities(first: $n) { edges { node { name unit { name parent { name } } \
             district { name } staff { designation professional { name registrations { number } \
             postings { facility { name } } } } } } } }";
    let mut cost = Vec::new();
    for n in [5, 50] {
        let before = statements(&app).await;
        let body = app.gql(Some(&wb), q, json!({ "n": n })).await;
        let edges = expect_data(&body)["facilities"]["edges"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(edges.len(), n);
        assert!(edges.iter().all(|e| {
            e["node"]["staff"][0]["professional"]["registrations"][0]["number"].is_string()
                && e["node"]["staff"][0]["professional"]["postings"][0]["facility"]["name"]
                    .is_string()
        }));
        cost.push(statements(&app).await - before);
    }
    // One statement per row (N+1) would be several hundred for 50 rows with a unit, its
    // parent, a district, staff, their registrations and postings.
    assert_eq!(
        cost[0], cost[1],
        "statements grow with the page size: {cost:?}"
    );
    // The page, then one query per nested level (units, parents, staff, professionals,
    // registrations, postings, their facilities); PostgreSQL adds a set_config each.
    let per_query = if backend == Backend::Postgres { 2 } else { 1 };
    assert!(
        cost[1] <= 9 * per_query,
        "more statements than levels: {cost:?}"
    );
}
