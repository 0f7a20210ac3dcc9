//! Household surveys: households enrolled on a phone, progress counted, spreadsheets imported.

use super::patients::*;
use super::units::create_unit;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

async fn surveyors_enrol_households_and_progress_is_counted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let state = create_unit(&app, &wb, None, "STATE", "West Bengal", None).await;
    let district = create_unit(&app, &wb, Some(&state["id"]), "DISTRICT", "Nadia", None).await;
    let sub_a = create_unit(
        &app,
        &wb,
        Some(&district["id"]),
        "SUB_DIVISION",
        "Krishnanagar Sadar",
        None,
    )
    .await;
    let sub_b = create_unit(
        &app,
        &wb,
        Some(&district["id"]),
        "SUB_DIVISION",
        "Ranaghat",
        None,
    )
    .await;
    let block_a = create_unit(
        &app,
        &wb,
        Some(&sub_a["id"]),
        "BLOCK",
        "Krishnanagar-I",
        None,
    )
    .await;
    let block_b = create_unit(&app, &wb, Some(&sub_b["id"]), "BLOCK", "Ranaghat-II", None).await;
    let surveyor = staff_token(&app, &wb, "surveyor.nadia", "SURVEYOR").await;

    let create = "mutation($i: HouseholdInput!) { createHousehold(input: $i) { id addressLine unit { name } } }";
    let h = expect_data(&app.gql(Some(&surveyor), create, json!({ "i": { "unitId": block_a["id"], "addressLine": "12 Station Road, Krishnanagar", "latitude": 23.40, "longitude": 88.50 } })).await)["createHousehold"].clone();
    assert_eq!(h["unit"]["name"], "Krishnanagar-I");
    let bad = app.gql(Some(&surveyor), create, json!({ "i": { "unitId": block_a["id"], "addressLine": "x", "latitude": 88.5, "longitude": 23.4 } })).await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "geo.latitude"
    );

    let enroll = "mutation($h: ID!, $p: PatientInput!, $head: Boolean, $c: Boolean) { enrollHouseholdMember(householdId: $h, patient: $p, head: $head, confirmNotDuplicate: $c) { patient { healthId phone } duplicates { reasons } card { status delivery id } } }";
    let head = expect_data(&app.gql(Some(&surveyor), enroll, json!({ "h": h["id"], "head": true, "p": person("Gopal", "Mondal", 52, Some("9433012345")) })).await)["enrollHouseholdMember"].clone();
    assert_eq!(head["card"]["status"], "ACTIVE");
    assert_eq!(head["patient"]["phone"], "+919433012345");
    let child = expect_data(&app.gql(Some(&surveyor), enroll, json!({ "h": h["id"], "p": json!({ "givenName": "Mita", "familyName": "Mondal", "sex": "FEMALE", "ageYears": 9, "guardian": { "name": "Gopal Mondal", "relation": "FATHER" } }) })).await)["enrollHouseholdMember"].clone();
    assert!(child["patient"]["healthId"].is_string());
    // Enrolling the same person twice is flagged, not created.
    let again = expect_data(
        &app.gql(
            Some(&surveyor),
            enroll,
            json!({ "h": h["id"], "p": person("Gopal", "Mandal", 53, None) }),
        )
        .await,
    )["enrollHouseholdMember"]
        .clone();
    assert_eq!(again["patient"], Value::Null);
    assert_eq!(
        again["duplicates"][0]["reasons"],
        json!(["SIMILAR_NAME_AND_AGE"])
    );
    // The surveyor sees their household with its members and phone numbers.
    let mine = expect_data(
        &app.gql(
            Some(&surveyor),
            "query($id: ID!) { household(id: $id) { members { givenName phone } } }",
            json!({ "id": h["id"] }),
        )
        .await,
    );
    assert_eq!(mine["household"]["members"].as_array().unwrap().len(), 2);
    assert_eq!(mine["household"]["members"][0]["phone"], "+919433012345");
    // Another surveyor does not.
    let audit = expect_data(
        &app.gql(
            Some(&wb),
            "{ auditEvents(first: 100) { edges { node { action detail } } } }",
            json!({}),
        )
        .await,
    );
    assert!(
        audit.to_string().contains("household_members"),
        "viewing members is audited"
    );
    let other = staff_token(&app, &wb, "surveyor.two", "SURVEYOR").await;
    expect_error(
        &app.gql(
            Some(&other),
            "query($id: ID!) { household(id: $id) { id } }",
            json!({ "id": h["id"] }),
        )
        .await,
        "NOT_FOUND",
    );
    let list = expect_data(
        &app.gql(
            Some(&other),
            "{ households(first: 10) { edges { node { id } } } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(list["households"]["edges"], json!([]));

    // A second household in the other block; cards go through printing and delivery.
    let h2 = expect_data(
        &app.gql(
            Some(&surveyor),
            create,
            json!({ "i": { "unitId": block_b["id"], "addressLine": "Village Aishatala" } }),
        )
        .await,
    )["createHousehold"]
        .clone();
    expect_data(
        &app.gql(
            Some(&surveyor),
            enroll,
            json!({ "h": h2["id"], "p": person("Bimal", "Sarkar", 60, None) }),
        )
        .await,
    );
    let delivery = "mutation($c: ID!, $d: CardDelivery!) { setCardDelivery(cardId: $c, delivery: $d) { delivery } }";
    expect_data(
        &app.gql(
            Some(&surveyor),
            delivery,
            json!({ "c": head["card"]["id"], "d": "PRINTED" }),
        )
        .await,
    );
    expect_data(
        &app.gql(
            Some(&surveyor),
            delivery,
            json!({ "c": head["card"]["id"], "d": "DELIVERED" }),
        )
        .await,
    );
    expect_error(
        &app.gql(
            Some(&surveyor),
            delivery,
            json!({ "c": head["card"]["id"], "d": "PRINTED" }),
        )
        .await,
        "VALIDATION",
    );
    expect_data(
        &app.gql(
            Some(&surveyor),
            delivery,
            json!({ "c": child["card"]["id"], "d": "PRINTED" }),
        )
        .await,
    );

    let progress = "query($u: ID) { surveyProgress(unitId: $u) { unit { name } households peopleEnrolled cardsIssued cardsPrinted cardsDelivered } }";
    expect_error(
        &app.gql(Some(&surveyor), progress, json!({ "u": district["id"] }))
            .await,
        "FORBIDDEN",
    );
    let rows = expect_data(
        &app.gql(Some(&wb), progress, json!({ "u": district["id"] }))
            .await,
    )["surveyProgress"]
        .clone();
    let row = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["unit"]["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("Nadia"),
        json!({ "unit": { "name": "Nadia" }, "households": 2, "peopleEnrolled": 3, "cardsIssued": 3, "cardsPrinted": 2, "cardsDelivered": 1 })
    );
    assert_eq!(
        row("Krishnanagar Sadar"),
        json!({ "unit": { "name": "Krishnanagar Sadar" }, "households": 1, "peopleEnrolled": 2, "cardsIssued": 2, "cardsPrinted": 2, "cardsDelivered": 1 })
    );
    assert_eq!(row("Ranaghat")["peopleEnrolled"], 1);
    let blocks = expect_data(
        &app.gql(Some(&wb), progress, json!({ "u": sub_a["id"] }))
            .await,
    )["surveyProgress"]
        .clone();
    assert_eq!(blocks[1]["unit"]["name"], "Krishnanagar-I");
    assert_eq!(blocks[1]["households"], 1);
    let tenant =
        expect_data(&app.gql(Some(&wb), progress, json!({})).await)["surveyProgress"].clone();
    assert_eq!(tenant[0]["unit"], Value::Null);
    assert_eq!(tenant[0]["households"], 2);
    assert_eq!(tenant[1]["unit"]["name"], "West Bengal");
}

on_both_backends!(
    surveyors_enrol_households_and_progress_is_counted,
    surveyors_import_survey_spreadsheets
);

async fn surveyors_import_survey_spreadsheets(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    super::units::build_tree(&app, &wb).await;
    let surveyor = staff_token(&app, &wb, "surveyor.sheet", "SURVEYOR").await;
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/samples/survey.csv"
    ))
    .unwrap();
    let import = "mutation($csv: String!, $skip: Boolean) { importSurvey(csv: $csv, skipInvalid: $skip) { imported households duplicates { row matches } errors { row column message } } }";
    // One bad phone number: nothing is imported unless asked to skip it.
    let refused = expect_data(
        &app.gql(Some(&surveyor), import, json!({ "csv": csv }))
            .await,
    )["importSurvey"]
        .clone();
    assert_eq!(refused["imported"], 0);
    assert_eq!(
        refused["errors"],
        json!([{ "row": 6, "column": "phone", "message": "must be an Indian mobile number: 10 digits starting with 6, 7, 8 or 9" }])
    );
    let done = expect_data(
        &app.gql(Some(&surveyor), import, json!({ "csv": csv, "skip": true }))
            .await,
    )["importSurvey"]
        .clone();
    assert_eq!(
        (done["imported"].clone(), done["households"].clone()),
        (json!(4), json!(2))
    );
    // Gopal Mandal (row 4) is Gopal Mondal of row 2: flagged, not enrolled twice.
    assert_eq!(done["duplicates"][0]["row"], 4);
    assert!(done["duplicates"][0]["matches"][0]
        .as_str()
        .unwrap()
        .starts_with("WB-"));
    // The surveyor owns what they imported; another surveyor sees none of it.
    let mine = expect_data(&app.gql(Some(&surveyor), "{ households(first: 10) { edges { node { members { localName cards { status } } } } } }", json!({})).await);
    let households = mine["households"]["edges"].as_array().unwrap();
    assert_eq!(households.len(), 2);
    assert!(mine.to_string().contains("গোপাল মণ্ডল") && mine.to_string().contains("ACTIVE"));
    let other = staff_token(&app, &wb, "surveyor.other", "SURVEYOR").await;
    let theirs = expect_data(
        &app.gql(
            Some(&other),
            "{ households(first: 10) { edges { node { id } } } }",
            json!({}),
        )
        .await,
    );
    assert_eq!(theirs["households"]["edges"], json!([]));
    // Lab technicians cannot import; another tenant's units are not found.
    let lab = staff_token(&app, &wb, "lab.sheet", "LAB_TECHNICIAN").await;
    expect_error(
        &app.gql(Some(&lab), import, json!({ "csv": csv })).await,
        "FORBIDDEN",
    );
    let br = app.br_admin().await;
    let foreign = expect_data(
        &app.gql(Some(&br), import, json!({ "csv": csv, "skip": true }))
            .await,
    )["importSurvey"]
        .clone();
    assert_eq!(foreign["imported"], 0);
    assert_eq!(foreign["errors"][0]["column"], "unit_lgd_code");
}
