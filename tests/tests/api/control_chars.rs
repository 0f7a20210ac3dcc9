//! Control characters (a NUL byte above all, which PostgreSQL cannot store) are refused
//! at the edge for every text input, naming the field. The fuzz walks the schema: every
//! String or ID argument of every query and mutation, and every String field of every
//! input object argument, gets a NUL.

use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(control_characters_are_refused_for_every_text_input);

const INTROSPECT: &str = "{ __schema { queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name } } } } } } types { name kind inputFields { name type { kind name ofType { kind name } } } } } }";

/// The named type under NON_NULL and LIST wrappers.
fn named(t: &Value) -> (&str, &str) {
    let mut t = t;
    while t["name"].is_null() && !t["ofType"].is_null() {
        t = &t["ofType"];
    }
    (
        t["kind"].as_str().unwrap_or(""),
        t["name"].as_str().unwrap_or(""),
    )
}

async fn control_characters_are_refused_for_every_text_input(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let schema = expect_data(&app.gql(Some(&wb), INTROSPECT, json!({})).await)["__schema"].clone();
    let inputs: std::collections::HashMap<String, Vec<String>> = schema["types"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "INPUT_OBJECT")
        .map(|t| {
            let strings = t["inputFields"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| matches!(named(&f["type"]).1, "String" | "ID"))
                .map(|f| f["name"].as_str().unwrap().to_owned())
                .collect();
            (t["name"].as_str().unwrap().to_owned(), strings)
        })
        .collect();
    let mut probes = 0;
    for (root, op) in [("queryType", "query"), ("mutationType", "mutation")] {
        for field in schema[root]["fields"].as_array().unwrap() {
            let fname = field["name"].as_str().unwrap();
            for arg in field["args"].as_array().unwrap() {
                let aname = arg["name"].as_str().unwrap();
                let (kind, tname) = named(&arg["type"]);
                let cases: Vec<(Value, String)> = match (kind, tname) {
                    ("SCALAR", "String" | "ID") => vec![(json!("a\u{0}b"), aname.to_owned())],
                    ("INPUT_OBJECT", _) => inputs
                        .get(tname)
                        .map(|fs| {
                            fs.iter()
                                .map(|f| (json!({ f.as_str(): "a\u{0}b" }), format!("{aname}.{f}")))
                                .collect()
                        })
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                for (value, path) in cases {
                    let q = format!("{op}(${aname}: {tname}) {{ {fname}({aname}: ${aname}) }}");
                    let body = app.gql(Some(&wb), &q, json!({ aname: value })).await;
                    let e = expect_error(&body, "VALIDATION");
                    assert_eq!(e["extensions"]["field"], path.as_str(), "{fname}: {body}");
                    probes += 1;
                }
            }
        }
    }
    assert!(probes > 200, "{probes} string inputs probed");

    // Well-formed requests that used to reach the database and answer INTERNAL.
    let search = app
        .gql(
            Some(&wb),
            "query($s: String) { facilities(filter: { search: $s }) { edges { node { id } } } }",
            json!({ "s": "Kol\u{0}kata" }),
        )
        .await;
    assert_eq!(
        expect_error(&search, "VALIDATION")["extensions"]["field"],
        "s"
    );
    let literal = app
        .gql(
            Some(&wb),
            "{ facilities(filter: { search: \"Kol\\u0000kata\" }) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        expect_error(&literal, "VALIDATION")["extensions"]["field"],
        "filter.search"
    );
    // Lines and tabs are text, not control characters to refuse.
    let fine = app
        .gql(
            Some(&wb),
            "query($s: String) { facilities(filter: { search: $s }) { edges { node { id } } } }",
            json!({ "s": "Kol\tkata\n" }),
        )
        .await;
    expect_data(&fine);
}
