//! Sealing a tenant's audit events into a keyed hash chain, and checking it.
//!
//! Each link is `HMAC(key, previous link ‖ the event's canonical bytes)`. Events are
//! sealed in the order the sealer finds them (oldest first), a little after they are
//! written; an event that committed late is simply sealed later. The chain proves that
//! no sealed event was changed, removed or slipped in, to anyone holding the key: a
//! database administrator without it cannot forge the links again.

use crate::db::{InfraResult, TenantTx};
use crate::entities::audit_event;
use hmac::{Hmac, Mac};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter};
use sha2::Sha256;
use uuid::Uuid;

const TABLE: &str = "audit_chain";
/// The `prev_mac` of a tenant's first link.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// An event written this long before the newest sealed one is still looked for (a
/// transaction may commit a while after it wrote its event).
const LATE_COMMIT_WINDOW_MINUTES: i64 = 10;
const BATCH: u64 = 1000;

#[derive(Debug, Clone, FromQueryResult)]
struct Link {
    seq: i64,
    event_id: Uuid,
    prev_mac: String,
    mac: String,
}

/// The canonical bytes of an event: every stored field, in a fixed order, with JSON
/// object keys sorted and times in microseconds, so the same row always gives the
/// same bytes whichever database holds it.
fn canonical(e: &audit_event::Model) -> Vec<u8> {
    let fields = serde_json::json!([
        e.tenant_id,
        e.id,
        e.actor_kind,
        e.actor_id,
        e.action,
        e.entity_type,
        e.entity_id,
        e.request_id,
        e.client_addr,
        e.detail,
        e.created_at.timestamp_micros(),
    ]);
    crate::tenant_archive::canonical(&fields).into_bytes()
}

pub fn link_mac(key: &[u8; 32], prev: &str, e: &audit_event::Model) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(prev.as_bytes());
    mac.update(b"\n");
    mac.update(&canonical(e));
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn head(tx: &TenantTx) -> InfraResult<Option<Link>> {
    let q = Query::select()
        .columns(["seq", "event_id", "prev_mac", "mac"].map(Alias::new))
        .from(Alias::new(TABLE))
        .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
        .order_by(Alias::new("seq"), Order::Desc)
        .limit(1)
        .to_owned();
    let conn = tx.conn();
    Ok(
        Link::find_by_statement(conn.get_database_backend().build(&q))
            .one(conn)
            .await?,
    )
}

/// Seal the tenant's events not yet in the chain (at most a batch); returns how many.
/// Run by the maintenance loop; two instances racing lose nothing (one insert fails
/// on the chain's key and its transaction is dropped).
pub async fn seal(tx: &TenantTx, key: &[u8; 32]) -> InfraResult<u64> {
    let head = head(tx).await?;
    let since = match &head {
        Some(h) => audit_event::Entity::find_by_id((tx.tenant().0, h.event_id))
            .one(tx.conn())
            .await?
            .map(|e| e.created_at - chrono::Duration::minutes(LATE_COMMIT_WINDOW_MINUTES)),
        None => None,
    };
    let mut q = audit_event::Entity::find()
        .filter(audit_event::Column::TenantId.eq(tx.tenant().0))
        .filter(
            Expr::col((audit_event::Entity, audit_event::Column::Id)).not_in_subquery(
                Query::select()
                    .column(Alias::new("event_id"))
                    .from(Alias::new(TABLE))
                    .and_where(
                        Expr::col((Alias::new(TABLE), Alias::new("tenant_id"))).eq(tx.tenant().0),
                    )
                    .to_owned(),
            ),
        );
    if let Some(since) = since {
        q = q.filter(audit_event::Column::CreatedAt.gte(since));
    }
    use sea_orm::{QueryOrder, QuerySelect};
    let events = q
        .order_by_asc(audit_event::Column::CreatedAt)
        .order_by_asc(audit_event::Column::Id)
        .limit(BATCH)
        .all(tx.conn())
        .await?;
    let (mut seq, mut prev) = match head {
        Some(h) => (h.seq, h.mac),
        None => (0, GENESIS.to_owned()),
    };
    let now = chrono::Utc::now();
    for e in &events {
        seq += 1;
        let mac = link_mac(key, &prev, e);
        let insert = Query::insert()
            .into_table(Alias::new(TABLE))
            .columns(
                [
                    "tenant_id",
                    "seq",
                    "event_id",
                    "prev_mac",
                    "mac",
                    "sealed_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                tx.tenant().0.into(),
                seq.into(),
                e.id.into(),
                prev.clone().into(),
                mac.clone().into(),
                now.into(),
            ])
            .to_owned();
        let conn = tx.conn();
        conn.execute_raw(conn.get_database_backend().build(&insert))
            .await?;
        prev = mac;
    }
    Ok(events.len() as u64)
}

/// What checking a tenant's chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Links checked.
    pub links: u64,
    /// The last link's MAC: note it down; a chain rewritten from scratch would end
    /// elsewhere.
    pub head: String,
    /// The first broken link, if any: its place, its event and what is wrong.
    pub broken: Option<(i64, Uuid, String)>,
    /// Events not in the chain yet (normally only the last minute's).
    pub unsealed: u64,
}

/// Check every link of the tenant's chain, in order.
pub async fn verify(tx: &TenantTx, key: &[u8; 32]) -> InfraResult<Verification> {
    let conn = tx.conn();
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_owned();
    let mut links = 0u64;
    let mut after = 0i64;
    loop {
        let q = Query::select()
            .columns(["seq", "event_id", "prev_mac", "mac"].map(Alias::new))
            .from(Alias::new(TABLE))
            .and_where(Expr::col(Alias::new("tenant_id")).eq(tx.tenant().0))
            .and_where(Expr::col(Alias::new("seq")).gt(after))
            .order_by(Alias::new("seq"), Order::Asc)
            .limit(BATCH)
            .to_owned();
        let page = Link::find_by_statement(conn.get_database_backend().build(&q))
            .all(conn)
            .await?;
        if page.is_empty() {
            break;
        }
        let ids: Vec<Uuid> = page.iter().map(|l| l.event_id).collect();
        let events: std::collections::HashMap<Uuid, audit_event::Model> =
            audit_event::Entity::find()
                .filter(audit_event::Column::TenantId.eq(tx.tenant().0))
                .filter(audit_event::Column::Id.is_in(ids))
                .all(conn)
                .await?
                .into_iter()
                .map(|e| (e.id, e))
                .collect();
        for link in &page {
            let broken = |why: &str| Some((link.seq, link.event_id, why.to_owned()));
            let problem = if link.seq != expected_seq {
                broken(&format!("link {expected_seq} is missing"))
            } else if link.prev_mac != prev {
                broken("the link does not follow the one before")
            } else {
                match events.get(&link.event_id) {
                    None => broken("its event was removed"),
                    Some(e) if link_mac(key, &prev, e) != link.mac => {
                        broken("its event was changed (or the link forged)")
                    }
                    Some(_) => None,
                }
            };
            if let Some(b) = problem {
                return Ok(Verification {
                    links,
                    head: prev,
                    broken: Some(b),
                    unsealed: 0,
                });
            }
            links += 1;
            expected_seq += 1;
            prev = link.mac.clone();
        }
        after = page.last().map(|l| l.seq).unwrap_or(after);
    }
    let unsealed = audit_event::Entity::find()
        .filter(audit_event::Column::TenantId.eq(tx.tenant().0))
        .filter(
            Expr::col((audit_event::Entity, audit_event::Column::Id)).not_in_subquery(
                Query::select()
                    .column(Alias::new("event_id"))
                    .from(Alias::new(TABLE))
                    .and_where(
                        Expr::col((Alias::new(TABLE), Alias::new("tenant_id"))).eq(tx.tenant().0),
                    )
                    .to_owned(),
            ),
        );
    use sea_orm::PaginatorTrait;
    let unsealed = unsealed.count(conn).await?;
    Ok(Verification {
        links,
        head: prev,
        broken: None,
        unsealed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(detail: serde_json::Value) -> audit_event::Model {
        audit_event::Model {
            tenant_id: Uuid::nil(),
            id: Uuid::from_u128(7),
            actor_kind: "user".into(),
            actor_id: None,
            action: "user.create".into(),
            entity_type: "user".into(),
            entity_id: None,
            request_id: Some("r1".into()),
            client_addr: None,
            detail,
            created_at: chrono::DateTime::from_timestamp(1_800_000_000, 123_456_789).unwrap(),
        }
    }

    #[test]
    fn a_link_depends_on_every_field_the_key_and_the_link_before() {
        let key = [7u8; 32];
        let a = event(serde_json::json!({ "b": 1, "a": [ { "y": 2, "x": 1 } ] }));
        let same = event(serde_json::json!({ "a": [ { "x": 1, "y": 2 } ], "b": 1 }));
        assert_eq!(
            link_mac(&key, GENESIS, &a),
            link_mac(&key, GENESIS, &same),
            "key order is not content"
        );
        let changed = event(serde_json::json!({ "b": 2, "a": [ { "y": 2, "x": 1 } ] }));
        assert_ne!(
            link_mac(&key, GENESIS, &a),
            link_mac(&key, GENESIS, &changed)
        );
        let mut other_action = a.clone();
        other_action.action = "user.update".into();
        assert_ne!(
            link_mac(&key, GENESIS, &a),
            link_mac(&key, GENESIS, &other_action)
        );
        assert_ne!(
            link_mac(&key, GENESIS, &a),
            link_mac(&[8u8; 32], GENESIS, &a)
        );
        assert_ne!(
            link_mac(&key, GENESIS, &a),
            link_mac(&key, &"1".repeat(64), &a)
        );
    }
}
