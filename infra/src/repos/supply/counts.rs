//! Stock count sheets and their lines.

use crate::db::{InfraResult, TenantTx};
use crate::entities::{supply_count as c, supply_count_line as l};
use arogya_domain::supply::count::CountStatus;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type CountRecord = c::Model;
pub type CountLineRecord = l::Model;

/// Draw up a sheet: one line per batch with the books' quantity. Refused while the
/// store has an open sheet (a partial unique index).
pub async fn insert(
    tx: &TenantTx,
    store: Uuid,
    note: Option<String>,
    lines: &[(Uuid, Uuid, i64)],
    by: Uuid,
) -> InfraResult<CountRecord> {
    let id = Uuid::now_v7();
    let sheet = c::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        store_id: Set(store),
        status: Set(CountStatus::Open.as_str().into()),
        note: Set(note),
        version: Set(1),
        created_by: Set(by),
        created_at: Set(Utc::now()),
        submitted_by: Set(None),
        submitted_at: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        decision_note: Set(None),
    };
    let saved = match sheet.insert(tx.conn()).await {
        Ok(s) => s,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(
                DomainError::conflict("this store has a count under way: finish it first").into(),
            )
        }
        Err(e) => return Err(e.into()),
    };
    if !lines.is_empty() {
        let rows = lines.iter().map(|(batch, item, expected)| l::ActiveModel {
            tenant_id: Set(tx.tenant().0),
            count_id: Set(id),
            batch_id: Set(*batch),
            item_id: Set(*item),
            expected: Set(*expected),
            counted: Set(None),
            reason: Set(None),
        });
        l::Entity::insert_many(rows).exec(tx.conn()).await?;
    }
    Ok(saved)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<CountRecord>> {
    Ok(c::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn lines_of(tx: &TenantTx, count: Uuid) -> InfraResult<Vec<CountLineRecord>> {
    lines_of_many(tx, &[count]).await
}

pub async fn lines_of_many(tx: &TenantTx, counts: &[Uuid]) -> InfraResult<Vec<CountLineRecord>> {
    if counts.is_empty() {
        return Ok(Vec::new());
    }
    Ok(l::Entity::find()
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::CountId.is_in(counts.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// A store's sheets, newest first.
pub async fn of_store(tx: &TenantTx, store: Uuid, limit: u64) -> InfraResult<Vec<CountRecord>> {
    Ok(c::Entity::find()
        .filter(c::Column::TenantId.eq(tx.tenant().0))
        .filter(c::Column::StoreId.eq(store))
        .order_by_desc(c::Column::CreatedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

pub async fn set_counted(
    tx: &TenantTx,
    count: Uuid,
    batch: Uuid,
    counted: i64,
    reason: Option<String>,
) -> InfraResult<()> {
    l::Entity::update_many()
        .col_expr(l::Column::Counted, Expr::value(counted))
        .col_expr(l::Column::Reason, Expr::value(reason))
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::CountId.eq(count))
        .filter(l::Column::BatchId.eq(batch))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Move a sheet on, if it is still at the version and status the caller saw.
#[allow(clippy::too_many_arguments)]
pub async fn advance(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    from: CountStatus,
    to: CountStatus,
    by: Uuid,
    at: DateTime<Utc>,
    note: Option<String>,
) -> InfraResult<()> {
    let mut q = c::Entity::update_many()
        .col_expr(c::Column::Status, Expr::value(to.as_str()))
        .col_expr(c::Column::Version, Expr::col(c::Column::Version).add(1));
    q = match to {
        CountStatus::Submitted => q
            .col_expr(c::Column::SubmittedBy, Expr::value(by))
            .col_expr(c::Column::SubmittedAt, Expr::value(at)),
        CountStatus::Open => q,
        CountStatus::Approved | CountStatus::Rejected => q
            .col_expr(c::Column::DecidedBy, Expr::value(by))
            .col_expr(c::Column::DecidedAt, Expr::value(at))
            .col_expr(c::Column::DecisionNote, Expr::value(note)),
    };
    let done = q
        .filter(c::Column::TenantId.eq(tx.tenant().0))
        .filter(c::Column::Id.eq(id))
        .filter(c::Column::Version.eq(expected_version))
        .filter(c::Column::Status.eq(from.as_str()))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(
            DomainError::conflict("the count sheet was changed meanwhile; reload it").into(),
        );
    }
    Ok(())
}

/// Any change to an open sheet bumps its version, so a stale submit is refused.
pub async fn touch(tx: &TenantTx, id: Uuid, expected_version: i32) -> InfraResult<()> {
    let done = c::Entity::update_many()
        .col_expr(c::Column::Version, Expr::col(c::Column::Version).add(1))
        .filter(c::Column::TenantId.eq(tx.tenant().0))
        .filter(c::Column::Id.eq(id))
        .filter(c::Column::Version.eq(expected_version))
        .filter(c::Column::Status.eq(CountStatus::Open.as_str()))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict(
            "the count sheet was changed or submitted meanwhile; reload it",
        )
        .into());
    }
    Ok(())
}
