//! The helpline's knowledge base: articles in three languages, corrections as new
//! versions (a stale one refused, the old text kept in the audit trail), and only
//! helpline doctors and state administrators write. (The demo's articles are checked
//! by the browser test against `serve --demo`.)

use super::helpline::agent;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::json;

on_both_backends!(articles_are_corrected_as_new_versions);

const SEARCH: &str = "query($s: String!, $l: String) { kbArticles(search: $s, language: $l) { id title language version } }";
const UPDATE: &str = "mutation($id: ID!, $v: Int!, $i: KbArticleInput!) { updateKbArticle(id: $id, expectedVersion: $v, input: $i) { title version } }";

async fn articles_are_corrected_as_new_versions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let (teledoc, _) = agent(&app, &wb, "doc.kb", "HELPLINE_DOCTOR").await;
    let (operator, _) = agent(&app, &wb, "op.kb", "HELPLINE_OPERATOR").await;
    let create = "mutation($i: KbArticleInput!) { createKbArticle(input: $i) { id } }";
    for (language, title, body) in [
        (
            "en",
            "Dengue warning signs",
            "Severe belly pain, repeated vomiting, bleeding: hospital today.",
        ),
        (
            "hi",
            "डेंगू के चेतावनी संकेत",
            "पेट में तेज़ दर्द, बार-बार उल्टी, खून: आज ही अस्पताल।",
        ),
        (
            "bn",
            "ডেঙ্গির সতর্কতা লক্ষণ",
            "পেটে তীব্র ব্যথা, বারবার বমি, রক্তপাত: আজই হাসপাতাল।",
        ),
        (
            "en",
            "Snake bite: first aid, and where anti-snake venom is given",
            "Keep still, splint, go to hospital.",
        ),
    ] {
        expect_data(
            &app.gql(
                Some(&teledoc),
                create,
                json!({ "i": { "language": language, "title": title, "body": body } }),
            )
            .await,
        );
    }
    for (word, lang) in [("dengue", "en"), ("डेंगू", "hi"), ("ডেঙ্গি", "bn")]
    {
        let found = expect_data(
            &app.gql(Some(&operator), SEARCH, json!({ "s": word, "l": lang }))
                .await,
        );
        assert_eq!(
            found["kbArticles"].as_array().unwrap().len(),
            1,
            "{word} in {lang}: {found}"
        );
    }
    let found = expect_data(
        &app.gql(Some(&operator), SEARCH, json!({ "s": "snake" }))
            .await,
    );
    let article = found["kbArticles"][0].clone();
    assert_eq!(article["version"], 1);

    let input = json!({ "language": "en", "title": "Snake bite: first aid (revised)", "body": "Keep still; splint the limb; go to a hospital with anti-snake venom at once; call 108.", "tags": ["snake", "bite"] });
    expect_error(
        &app.gql(
            Some(&operator),
            UPDATE,
            json!({ "id": article["id"], "v": 1, "i": input }),
        )
        .await,
        "FORBIDDEN",
    );
    let updated = expect_data(
        &app.gql(
            Some(&teledoc),
            UPDATE,
            json!({ "id": article["id"], "v": 1, "i": input }),
        )
        .await,
    );
    assert_eq!(
        updated["updateKbArticle"],
        json!({ "title": "Snake bite: first aid (revised)", "version": 2 })
    );
    let stale = app
        .gql(
            Some(&wb),
            UPDATE,
            json!({ "id": article["id"], "v": 1, "i": input }),
        )
        .await;
    expect_error(&stale, "CONFLICT");
    let bad = app.gql(Some(&teledoc), UPDATE, json!({ "id": article["id"], "v": 2, "i": { "language": "english!", "title": "x", "body": "y" } })).await;
    assert_eq!(
        expect_error(&bad, "VALIDATION")["extensions"]["field"],
        "language"
    );

    // The audit trail keeps what the article said before.
    let q = "{ auditEvents(first: 5, filter: { action: \"kb.update\" }) { edges { node { detail } } } }";
    let events = expect_data(&app.gql(Some(&wb), q, json!({})).await);
    let before = &events["auditEvents"]["edges"][0]["node"]["detail"]["before"];
    assert!(
        before["title"]
            .as_str()
            .unwrap()
            .starts_with("Snake bite: first aid, and where"),
        "{events}"
    );

    // Another tenant's staff cannot reach it.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            UPDATE,
            json!({ "id": article["id"], "v": 2, "i": input }),
        )
        .await,
        "NOT_FOUND",
    );
}
