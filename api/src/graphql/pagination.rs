//! Relay-style cursor connections over keyset pages, shared by every list.

use crate::error::{ApiError, ApiResult};
use arogya_domain::page::{Page, PageRequest};
use async_graphql::connection::{Connection, Edge};
use async_graphql::OutputType;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use uuid::Uuid;

/// Cursors are opaque to clients: a versioned, encoded row id.
pub fn encode_cursor(id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1:{id}"))
}

pub fn decode_cursor(cursor: &str) -> ApiResult<Uuid> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            s.strip_prefix("v1:")
                .and_then(|id| Uuid::try_parse(id).ok())
        })
        .ok_or_else(|| ApiError::validation("after", "is not a cursor this API issued"))
}

pub fn page_request(first: Option<i32>, after: Option<String>) -> ApiResult<PageRequest> {
    let after = after.as_deref().map(decode_cursor).transpose()?;
    Ok(PageRequest::new(first, after)?)
}

pub fn connection<T, N: OutputType>(
    page: Page<T>,
    had_cursor: bool,
    id_of: impl Fn(&T) -> Uuid,
    to_node: impl Fn(T) -> N,
) -> Connection<String, N> {
    let mut conn = Connection::new(had_cursor, page.has_next_page);
    conn.edges.extend(
        page.items
            .into_iter()
            .map(|item| Edge::new(encode_cursor(id_of(&item)), to_node(item))),
    );
    conn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_forgeries() {
        let id = Uuid::now_v7();
        assert_eq!(decode_cursor(&encode_cursor(id)).unwrap(), id);
        assert!(decode_cursor("not-base64!").is_err());
        assert!(decode_cursor(&URL_SAFE_NO_PAD.encode("v2:whatever")).is_err());
    }
}
