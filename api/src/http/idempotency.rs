//! Safe retries: a mutation sent with an `Idempotency-Key` header runs once per tenant,
//! user and key. A repeat with the same body gets the first answer (marked
//! `Idempotent-Replayed: true`) and changes nothing; a repeat with a different body is
//! refused with `CONFLICT`. A repeat that arrives while the first is still running
//! waits for its answer. Answers are kept for `AROGYA_IDEMPOTENCY_TTL_HOURS`.
//!
//! The key is claimed before the mutation runs and its answer kept after, in separate
//! transactions: if the server stops in between, the claim goes stale and after
//! `STALE_AFTER` a retry runs the mutation again (registration's duplicate check and
//! the booked-slot index still stand behind that narrow window).

use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_infra::db::Access;
use arogya_infra::repos::idempotency::{self as repo, Claim};
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use std::time::Duration;
use uuid::Uuid;

pub const HEADER: &str = "idempotency-key";

/// How long a repeat waits for the first request's answer.
const WAIT: Duration = Duration::from_secs(15);
/// A claim this old whose request never answered belongs to a stopped server.
const STALE_AFTER: chrono::Duration = chrono::Duration::seconds(120);

/// A claimed key: the request runs, then `finish` keeps its answer.
pub struct Claimed {
    tenant: arogya_domain::ids::TenantId,
    user: Uuid,
    key: String,
}

pub enum Gate {
    /// No key (or not a tenant user's mutation): run as usual.
    Pass,
    /// The key is ours: run, then `finish`.
    Run(Claimed),
    /// The first request's answer, to send again.
    Replay(String),
    /// Refused, with the message for a `CONFLICT` error.
    Conflict(String),
}

/// The key from the header, if any: 1 to 100 letters, digits, `-`, `_`, `.` or `:`
/// (a UUID is the usual choice).
pub fn key_of(headers: &HeaderMap) -> Result<Option<String>, String> {
    let Some(v) = headers.get(HEADER) else {
        return Ok(None);
    };
    let s = v.to_str().unwrap_or("");
    if s.is_empty()
        || s.len() > 100
        || !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
    {
        return Err(
            "Idempotency-Key must be 1 to 100 letters, digits, '-', '_', '.' or ':'".into(),
        );
    }
    Ok(Some(s.to_owned()))
}

/// Mutations whose answer carries a secret shown once (a machine client's): their
/// answers are never kept, since a secret must not rest in `idempotency_keys`, so a key
/// sent with them is not used.
const ANSWERS_A_SECRET: [&str; 2] = ["createApiClient", "rotateApiClientSecret"];

/// Is the operation that will run a mutation whose answer may be kept for repeats?
pub fn replayable_mutation(query: &str, operation_name: Option<&str>) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType, Selection};
    let Ok(doc) = async_graphql::parser::parse_query(query) else {
        return false;
    };
    // A document's only operation runs without `operationName` (the web app names its
    // operations and sends no `operationName`); the parser keeps a named one in the map.
    let op = match &doc.operations {
        DocumentOperations::Single(op) => Some(op),
        DocumentOperations::Multiple(ops) => match operation_name {
            Some(n) => ops.get(n),
            None if ops.len() == 1 => ops.values().next(),
            None => None,
        },
    };
    let Some(op) = op.filter(|op| op.node.ty == OperationType::Mutation) else {
        return false;
    };
    !op.node.selection_set.node.items.iter().any(|s| {
        matches!(&s.node, Selection::Field(f) if ANSWERS_A_SECRET.contains(&f.node.name.node.as_str()))
    })
}

/// What makes two requests the same request: the query, the operation and the
/// variables (not how the body was spelt, nor whether the query came by hash).
pub fn canonical(r: &async_graphql::Request) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "query": r.query,
        "operationName": r.operation_name,
        "variables": r.variables,
    }))
    .unwrap_or_default()
}

fn digest(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Claim the key for this request, or find the answer of the request that did.
pub async fn enter(state: &AppState, principal: &Principal, key: String, body: &[u8]) -> Gate {
    let Principal::Staff { id, tenant, .. } = principal else {
        return Gate::Pass;
    };
    let (tenant, user) = (*tenant, id.0);
    let hash = digest(body);
    let started = std::time::Instant::now();
    loop {
        let outcome = async {
            let tx = state.db.tenant_tx(tenant, Access::Write).await?;
            let claim = repo::claim(&tx, user, &key, &hash).await?;
            let claim = match claim {
                Claim::Taken {
                    response: None,
                    created_at,
                    ref request_hash,
                } if request_hash == &hash && created_at < chrono::Utc::now() - STALE_AFTER => {
                    if repo::reclaim_stale(&tx, user, &key, created_at).await? {
                        Claim::Claimed
                    } else {
                        claim
                    }
                }
                other => other,
            };
            tx.commit().await?;
            anyhow::Ok(claim)
        }
        .await;
        match outcome {
            Err(e) => {
                // Without the table we cannot promise anything: say so rather than run.
                tracing::error!(error = format!("{e:#}"), "idempotency key check failed");
                return Gate::Conflict(
                    "The request could not be checked against earlier attempts; try again.".into(),
                );
            }
            Ok(Claim::Claimed) => return Gate::Run(Claimed { tenant, user, key }),
            Ok(Claim::Taken { request_hash, .. }) if request_hash != hash => {
                return Gate::Conflict(
                    "This Idempotency-Key was already used for a different request.".into(),
                )
            }
            Ok(Claim::Taken {
                response: Some(r), ..
            }) => return Gate::Replay(r),
            Ok(Claim::Taken { response: None, .. }) => {
                if started.elapsed() > WAIT {
                    return Gate::Conflict(
                        "The first request with this Idempotency-Key is still running; try again shortly.".into(),
                    );
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Keep the answer for repeats, or release the key when the failure was the server's
/// (`retryable`), so a retry runs afresh.
pub async fn finish(state: &AppState, claimed: Claimed, response: &str, retryable: bool) {
    let result = async {
        let tx = state.db.tenant_tx(claimed.tenant, Access::Write).await?;
        if retryable {
            repo::release(&tx, claimed.user, &claimed.key).await?;
        } else {
            repo::complete(&tx, claimed.user, &claimed.key, response).await?;
        }
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    if let Err(e) = result {
        tracing::error!(
            error = format!("{e:#}"),
            "keeping an idempotent answer failed"
        );
    }
}

/// Forget answers older than the configured time, tenant by tenant.
pub async fn purge(
    state: &AppState,
    tenants: &[arogya_domain::ids::TenantId],
    ttl_hours: u64,
) -> anyhow::Result<u64> {
    let before = chrono::Utc::now() - chrono::Duration::hours(ttl_hours as i64);
    let mut n = 0;
    for t in tenants {
        let tx = state.db.tenant_tx(*t, Access::Write).await?;
        n += repo::purge(&tx, before).await?;
        tx.commit().await?;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_and_mutations_recognised() {
        let mut h = HeaderMap::new();
        assert_eq!(key_of(&h), Ok(None));
        h.insert(
            HEADER,
            "0193f3c2-7b1e-7000-8000-000000000001".parse().unwrap(),
        );
        assert!(key_of(&h).unwrap().is_some());
        h.insert(HEADER, "has space".parse().unwrap());
        assert!(key_of(&h).is_err());
        assert!(replayable_mutation("mutation { logout }", None));
        assert!(!replayable_mutation("{ me { userId } }", None));
        let two = "query A { me { userId } } mutation B { logout }";
        assert!(replayable_mutation(two, Some("B")));
        assert!(!replayable_mutation(two, Some("A")));
        assert!(!replayable_mutation("not graphql", None));
        // A named operation, alone in its document, without `operationName`.
        assert!(replayable_mutation(
            "mutation Vitals($e: ID!) { logout }",
            None
        ));
        assert!(
            !replayable_mutation(two, None),
            "two operations and none named"
        );
        // A machine client's secret is never kept with the answer.
        assert!(!replayable_mutation(
            "mutation { createApiClient(input: $i) { clientSecret } }",
            None
        ));
        assert!(!replayable_mutation(
            "mutation R { rotateApiClientSecret(id: 1) { clientSecret } }",
            Some("R")
        ));
    }
}
