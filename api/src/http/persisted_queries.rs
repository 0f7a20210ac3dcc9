//! Automatic persisted queries, as Apollo's clients send them: a request may carry
//! `extensions.persistedQuery = { "version": 1, "sha256Hash": "…" }` in place of its
//! query text. A hash this server has not kept is answered `PERSISTED_QUERY_NOT_FOUND`
//! and the client sends the text with the hash; the server checks that the text has
//! that hash (`VALIDATION` otherwise) and keeps it. A phone then sends 64 characters
//! instead of a query of several kilobytes.
//!
//! Resolved before anything else reads the query (operation name, idempotency), so a
//! request named by hash is in every way the request with its text. Kept in memory,
//! bounded: a server that has forgotten a query (a restart, too many distinct ones)
//! asks for it again, which costs the client one round trip and nothing else.

use async_graphql::{Request, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// Distinct queries kept (the web app sends a few hundred).
const KEEP: usize = 2_000;
/// The longest query text kept; a longer one runs but is not kept.
const LONGEST: usize = 64 * 1024;

/// Why a request naming a query by hash is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Send the text with the hash.
    NotFound,
    /// The text sent does not have the hash sent.
    HashMismatch,
    /// Not a persisted-query extension this server understands.
    Malformed(&'static str),
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotFound => "PERSISTED_QUERY_NOT_FOUND",
            Refusal::HashMismatch | Refusal::Malformed(_) => "VALIDATION",
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            // Apollo's clients look for this exact message.
            Refusal::NotFound => "PersistedQueryNotFound",
            Refusal::HashMismatch => "the query text does not have the SHA-256 hash sent with it",
            Refusal::Malformed(m) => m,
        }
    }
}

#[derive(Default)]
pub struct PersistedQueries {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    by_hash: HashMap<String, Arc<str>>,
    /// Oldest first, for forgetting when full.
    order: VecDeque<String>,
}

impl PersistedQueries {
    /// Fill in the text of a request that names its query by hash, and keep a text
    /// sent with its hash. A request without the extension passes untouched.
    pub fn resolve(&self, r: &mut Request) -> Result<(), Refusal> {
        let Some(pq) = r.extensions.get("persistedQuery") else {
            return Ok(());
        };
        let hash = hash_of(pq)?;
        if r.query.is_empty() {
            let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
            let text = kept.by_hash.get(&hash).ok_or(Refusal::NotFound)?;
            r.query = text.to_string();
            return Ok(());
        }
        if sha256_hex(&r.query) != hash {
            return Err(Refusal::HashMismatch);
        }
        if r.query.len() <= LONGEST {
            self.keep(hash, &r.query);
        }
        Ok(())
    }

    fn keep(&self, hash: String, text: &str) {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if kept.by_hash.contains_key(&hash) {
            return;
        }
        while kept.order.len() >= KEEP {
            if let Some(old) = kept.order.pop_front() {
                kept.by_hash.remove(&old);
            }
        }
        kept.order.push_back(hash.clone());
        kept.by_hash.insert(hash, Arc::from(text));
    }
}

/// The hash of a `{ version: 1, sha256Hash }` object, as 64 lowercase hex digits.
fn hash_of(pq: &Value) -> Result<String, Refusal> {
    let Value::Object(o) = pq else {
        return Err(Refusal::Malformed(
            "extensions.persistedQuery must be an object",
        ));
    };
    if !matches!(o.get("version"), Some(Value::Number(n)) if n.as_i64() == Some(1)) {
        return Err(Refusal::Malformed(
            "extensions.persistedQuery.version must be 1",
        ));
    }
    match o.get("sha256Hash") {
        Some(Value::String(h)) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(h.to_ascii_lowercase())
        }
        _ => Err(Refusal::Malformed(
            "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits",
        )),
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str, hash: &str) -> Request {
        let mut r = Request::new(query);
        r.extensions.insert(
            "persistedQuery".into(),
            Value::from_json(serde_json::json!({ "version": 1, "sha256Hash": hash })).unwrap(),
        );
        r
    }

    #[test]
    fn a_hash_is_asked_for_once_then_answered_from_what_was_kept() {
        let pq = PersistedQueries::default();
        let text = "{ __typename }";
        let hash = sha256_hex(text);
        assert_eq!(pq.resolve(&mut request("", &hash)), Err(Refusal::NotFound));
        assert_eq!(pq.resolve(&mut request(text, &hash)), Ok(()));
        let mut by_hash = request("", &hash.to_uppercase());
        assert_eq!(pq.resolve(&mut by_hash), Ok(()));
        assert_eq!(by_hash.query, text);
        assert_eq!(
            pq.resolve(&mut request("{ other }", &hash)),
            Err(Refusal::HashMismatch)
        );
        assert!(matches!(
            pq.resolve(&mut request("", "abc")),
            Err(Refusal::Malformed(_))
        ));
        assert_eq!(pq.resolve(&mut Request::new(text)), Ok(()), "no extension");
    }

    #[test]
    fn the_oldest_is_forgotten_when_full() {
        let pq = PersistedQueries::default();
        let texts: Vec<String> = (0..=KEEP).map(|i| format!("{{ q{i} }}")).collect();
        for t in &texts {
            pq.resolve(&mut request(t, &sha256_hex(t))).unwrap();
        }
        let first = sha256_hex(&texts[0]);
        assert_eq!(pq.resolve(&mut request("", &first)), Err(Refusal::NotFound));
        let last = sha256_hex(&texts[KEEP]);
        assert_eq!(pq.resolve(&mut request("", &last)), Ok(()));
    }
}
