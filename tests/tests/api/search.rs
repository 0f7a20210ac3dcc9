//! Finding patients by a name typed in the local script: Devanagari and Bengali are
//! transliterated to the same phonetic key as the Latin spelling stored.

use super::patients::register;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(names_typed_in_local_script_find_their_patients);

const SEARCH: &str =
    "query($i: PatientSearchInput!) { searchPatients(input: $i) { givenName familyName } }";

async fn names_typed_in_local_script_find_their_patients(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    for (given, family, phone) in [
        ("Lakshmi", "Devi", "9830022221"),
        ("Rafiq", "Ahmed", "9830022222"),
        ("Sita", "Das", "9830022223"),
    ] {
        register(&app, &wb, json!({ "givenName": given, "familyName": family, "sex": "FEMALE", "ageYears": 40, "phone": phone }), true).await;
    }
    let find = |name: &'static str| {
        let (app, wb) = (&app, wb.clone());
        async move {
            let body = app
                .gql(Some(&wb), SEARCH, json!({ "i": { "name": name } }))
                .await;
            expect_data(&body)["searchPatients"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    format!(
                        "{} {}",
                        p["givenName"].as_str().unwrap(),
                        p["familyName"].as_str().unwrap()
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(find("লক্ষ্মী দেবী").await, ["Lakshmi Devi"]);
    assert_eq!(find("लक्ष्मी").await, ["Lakshmi Devi"]);
    assert_eq!(find("রফিক আহমেদ").await, ["Rafiq Ahmed"]);
    assert_eq!(find("सीता").await, ["Sita Das"]);
    assert!(
        find("गीता").await.is_empty(),
        "a different name finds nobody"
    );
    // Mixed scripts work word by word.
    assert_eq!(find("Lakshmi দেবী").await, ["Lakshmi Devi"]);
    // Nothing searchable at all is still refused, naming the field.
    let body = app
        .gql(Some(&wb), SEARCH, json!({ "i": { "name": "مریم" } }))
        .await;
    assert_eq!(
        expect_error(&body, "VALIDATION")["extensions"]["field"],
        "name"
    );
}

on_both_backends!(wildcards_in_searches_match_only_themselves);

async fn wildcards_in_searches_match_only_themselves(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = super::records::Clinic::new(&app).await;
    let facilities = "query($s: String) { facilities(filter: { search: $s }, first: 50) { edges { node { name } } } }";
    let count = |body: serde_json::Value, list: &str| {
        body["data"][list]["edges"]
            .as_array()
            .map(|a| a.len())
            .unwrap_or(usize::MAX)
    };
    let all = app.gql(Some(&c.wb), facilities, json!({ "s": null })).await;
    assert!(
        count(all, "facilities") >= 2,
        "the clinic's facilities exist"
    );
    for wildcard in ["%", "_", "%%", "\\"] {
        let found = app
            .gql(Some(&c.wb), facilities, json!({ "s": wildcard }))
            .await;
        assert_eq!(
            count(found, "facilities"),
            0,
            "{wildcard:?} matched facilities"
        );
    }
    let professionals = "query($s: String) { professionals(filter: { search: $s }, first: 50) { edges { node { name } } } }";
    for wildcard in ["%", "_"] {
        let found = app
            .gql(Some(&c.wb), professionals, json!({ "s": wildcard }))
            .await;
        assert_eq!(
            count(found, "professionals"),
            0,
            "{wildcard:?} matched professionals"
        );
    }
    let (doctor, _) = super::helpline::agent(&app, &c.wb, "doc.wild", "HELPLINE_DOCTOR").await;
    let create = "mutation($i: KbArticleInput!) { createKbArticle(input: $i) { id } }";
    expect_data(&app.gql(Some(&doctor), create, json!({ "i": { "language": "en", "title": "ORS at 100% strength", "body": "One sachet in one litre." } })).await);
    let kb = "query($s: String!) { kbArticles(search: $s) { title } }";
    let literal = expect_data(&app.gql(Some(&doctor), kb, json!({ "s": "100%" })).await);
    assert_eq!(
        literal["kbArticles"].as_array().unwrap().len(),
        1,
        "a typed % finds a real percent sign"
    );
    let wild = expect_data(&app.gql(Some(&doctor), kb, json!({ "s": "_" })).await);
    assert_eq!(wild["kbArticles"], json!([]));
}
