//! Control characters are refused at the edge, in one place, for every text input: a
//! NUL byte cannot be stored by PostgreSQL (it answered `INTERNAL`), and the others
//! have no place in a health record. Variables are walked whole (input objects and
//! lists included) and so are string literals written in the query, so the error
//! names the field: `VALIDATION` with `extensions.field` such as `input.notes`.
//! Tab, line feed and carriage return are allowed (notes have lines).

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Request, Value};

fn bad(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn walk(v: &Value, path: &mut Vec<String>) -> Option<String> {
    match v {
        Value::String(s) if s.chars().any(bad) => Some(path.join(".")),
        Value::List(items) => items.iter().enumerate().find_map(|(i, x)| {
            path.push(i.to_string());
            let r = walk(x, path);
            path.pop();
            r
        }),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            path.push(k.to_string());
            let r = walk(x, path);
            path.pop();
            r
        }),
        _ => None,
    }
}

fn in_selection(set: &SelectionSet) -> Option<String> {
    set.items.iter().find_map(|item| match &item.node {
        Selection::Field(f) => f
            .node
            .arguments
            .iter()
            .find_map(|(name, value)| {
                let v = value.node.clone().into_const()?;
                walk(&v, &mut vec![name.node.to_string()])
            })
            .or_else(|| in_selection(&f.node.selection_set.node)),
        Selection::InlineFragment(f) => in_selection(&f.node.selection_set.node),
        Selection::FragmentSpread(_) => None,
    })
}

fn in_document(doc: &ExecutableDocument) -> Option<String> {
    doc.operations
        .iter()
        .find_map(|(_, op)| in_selection(&op.node.selection_set.node))
        .or_else(|| {
            doc.fragments
                .values()
                .find_map(|f| in_selection(&f.node.selection_set.node))
        })
}

/// The path of the first text input holding a control character, if any.
pub fn offending_field(req: &Request) -> Option<String> {
    for (name, value) in req.variables.iter() {
        if let Some(p) = walk(value, &mut vec![name.to_string()]) {
            return Some(p);
        }
    }
    // String literals in the query: only parsed when the text could hold one (a raw
    // control character, or an escape such as \u0000).
    let q = &req.query;
    if q.chars().any(bad) || q.contains("\\u") {
        if let Ok(doc) = async_graphql::parser::parse_query(q) {
            return in_document(&doc);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_control_characters_in_variables_and_literals() {
        let req = Request::new("mutation($i: X!) { a(input: $i) }").variables(
            async_graphql::Variables::from_json(
                serde_json::json!({ "i": { "notes": ["ok", "bad\u{0}"] } }),
            ),
        );
        assert_eq!(offending_field(&req).as_deref(), Some("i.notes.1"));
        let lit = Request::new(r#"mutation { logCall(input: { notes: "x\u0000y" }) { id } }"#);
        assert_eq!(offending_field(&lit).as_deref(), Some("input.notes"));
        let fine = Request::new("{ me { userId } }").variables(
            async_graphql::Variables::from_json(serde_json::json!({ "n": "two\nlines\tand tab" })),
        );
        assert_eq!(offending_field(&fine), None);
    }
}
