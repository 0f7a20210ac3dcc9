//! Repositories: every query the application runs. Functions over tenant data take a
//! [`crate::TenantTx`] and filter by its tenant; the database's row-level security
//! checks the same thing again on PostgreSQL.

pub mod api_clients;
pub mod applications;
pub mod appointments;
pub mod audit;
pub mod audit_chain;
pub mod cards;
pub mod clinical;
pub mod dashboards;
pub mod dispatches;
pub mod documents;
pub mod email_verifications;
pub mod facilities;
pub mod helpline;
pub mod households;
pub mod idempotency;
pub mod indicators;
pub mod inpatient;
pub mod outbox;
pub mod oxygen;
pub mod patients;
pub mod platform_admins;
pub mod professionals;
pub mod record_access;
pub mod roles;
pub mod sessions;
pub mod signups;
pub mod supply;
pub mod surveillance;
pub mod tenants;
pub mod training;
pub mod units;
pub mod users;

use crate::db::{InfraResult, PlatformTx, TenantTx};
use arogya_domain::ids::TenantId;
use arogya_domain::page::{Page, PageRequest};
use sea_orm::DatabaseTransaction;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

/// A transaction of either scope, for the few tables that hold rows of both
/// (refresh tokens of staff and of platform administrators).
pub trait ScopedConn {
    fn db(&self) -> &DatabaseTransaction;
    /// `None` inside a platform transaction.
    fn scope_tenant(&self) -> Option<TenantId>;
}

impl ScopedConn for TenantTx {
    fn db(&self) -> &DatabaseTransaction {
        self.conn()
    }
    fn scope_tenant(&self) -> Option<TenantId> {
        Some(self.tenant())
    }
}

impl ScopedConn for PlatformTx {
    fn db(&self) -> &DatabaseTransaction {
        self.conn()
    }
    fn scope_tenant(&self) -> Option<TenantId> {
        None
    }
}

/// One keyset page, newest first: rows with an id below the cursor, plus one extra row
/// that only tells whether another page follows. Every list uses this, so ordering and
/// cursors mean the same everywhere.
pub(crate) async fn newest_first<E, C>(
    conn: &impl ConnectionTrait,
    query: Select<E>,
    id: C,
    page: PageRequest,
) -> InfraResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
    C: ColumnTrait,
{
    let query = match page.after {
        Some(after) => query.filter(id.lt(after)),
        None => query,
    };
    let rows = query
        .order_by_desc(id)
        .limit(page.limit + 1)
        .all(conn)
        .await?;
    Ok(Page::from_overfetch(rows, page.limit))
}

/// Run an `UPDATE … WHERE version = expected` (the caller adds the key filters and
/// sets `version = expected + 1`); no row changed means someone else changed it first.
pub(crate) async fn versioned_update<E>(
    tx: &TenantTx,
    update: sea_orm::UpdateMany<E>,
    version: impl ColumnTrait,
    expected: i32,
    what: &str,
) -> InfraResult<()>
where
    E: EntityTrait,
{
    let changed = update
        .filter(version.eq(expected))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(arogya_domain::DomainError::conflict(format!(
            "the {what} was changed by someone else since version {expected}; reload and try again"
        ))
        .into());
    }
    Ok(())
}

/// `column LIKE '%text%'` where `text` is matched literally: `%`, `_` and `\` in what a
/// person typed are escaped, so a search for `%` finds a percent sign, not everything.
pub(crate) fn contains_literally<C: ColumnTrait>(
    column: C,
    text: &str,
) -> sea_orm::sea_query::Expr {
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    column.like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// Insert rows in one statement, all or none; a unique key already taken (someone
/// writing the same rows at the same moment) is a conflict saying `taken`.
pub(crate) async fn insert_all_or_conflict<A>(
    tx: &TenantTx,
    rows: Vec<A>,
    taken: &str,
) -> InfraResult<()>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    if rows.is_empty() {
        return Ok(());
    }
    <A::Entity as EntityTrait>::insert_many(rows)
        .exec_without_returning(tx.conn())
        .await
        .map_err(|e| -> crate::db::InfraError {
            if crate::db::is_unique_violation(&e) {
                arogya_domain::DomainError::conflict(taken).into()
            } else {
                e.into()
            }
        })?;
    Ok(())
}
