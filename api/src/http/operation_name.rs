//! The operation name for metrics when the client sent no `operationName`: read from
//! the document's first operation (`query Me { … }` → `Me`) without parsing it all.

pub fn from_document(query: &str) -> Option<&str> {
    let rest = query.trim_start();
    let rest = ["query", "mutation", "subscription"]
        .iter()
        .find_map(|kw| {
            rest.strip_prefix(kw)
                .filter(|r| r.starts_with(|c: char| c.is_whitespace()))
        })?
        .trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::from_document;

    #[test]
    fn finds_the_first_operation_name() {
        assert_eq!(from_document("query Me { me { userId } }"), Some("Me"));
        assert_eq!(
            from_document("  mutation Login($i: LoginInput!) { login }"),
            Some("Login")
        );
        assert_eq!(from_document("{ me { userId } }"), None);
        assert_eq!(from_document("query { me }"), None);
        assert_eq!(from_document("queryX { a }"), None);
    }
}
