//! Indents, their lines and issue vouchers.

use super::sql;
use crate::db::{InfraResult, TenantTx};
use crate::entities::{supply_indent as i, supply_indent_line as l, supply_voucher_line as v};
use arogya_domain::supply::indent::IndentStatus;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

pub type IndentRecord = i::Model;
pub type IndentLineRecord = l::Model;
pub type VoucherLineRecord = v::Model;

pub struct NewLine {
    pub item_id: Uuid,
    pub requested: i64,
    pub stock_on_hand: i64,
    pub amc: Option<f64>,
    /// Units the asking store holds that will expire before it can use them.
    pub wasted_before_use: i64,
}

pub async fn insert(
    tx: &TenantTx,
    from_store: Uuid,
    to_store: Uuid,
    note: Option<String>,
    lines: Vec<NewLine>,
    by: Uuid,
) -> InfraResult<IndentRecord> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    // IND-20261206-4F2A91: the day and the end of the id, unique in the tenant.
    let tail = id.simple().to_string();
    let number = format!(
        "IND-{}-{}",
        now.format("%Y%m%d"),
        tail[tail.len() - 6..].to_uppercase()
    );
    let indent = i::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        number: Set(number),
        from_store_id: Set(from_store),
        to_store_id: Set(to_store),
        status: Set(IndentStatus::Submitted.as_str().into()),
        note: Set(note),
        version: Set(1),
        created_by: Set(by),
        created_at: Set(now),
        decided_by: Set(None),
        decided_at: Set(None),
        issued_by: Set(None),
        issued_at: Set(None),
        received_by: Set(None),
        received_at: Set(None),
    }
    .insert(tx.conn())
    .await?;
    let rows: Vec<l::ActiveModel> = lines
        .into_iter()
        .map(|n| l::ActiveModel {
            tenant_id: Set(tx.tenant().0),
            indent_id: Set(id),
            item_id: Set(n.item_id),
            requested: Set(n.requested),
            stock_on_hand: Set(n.stock_on_hand),
            amc: Set(n.amc),
            approved: Set(None),
            reason: Set(None),
            wasted_before_use: Set(n.wasted_before_use),
        })
        .collect();
    l::Entity::insert_many(rows).exec(tx.conn()).await?;
    Ok(indent)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<IndentRecord>> {
    Ok(i::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn lines_of(tx: &TenantTx, indents: &[Uuid]) -> InfraResult<Vec<IndentLineRecord>> {
    if indents.is_empty() {
        return Ok(Vec::new());
    }
    Ok(l::Entity::find()
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::IndentId.is_in(indents.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn voucher_of(tx: &TenantTx, indents: &[Uuid]) -> InfraResult<Vec<VoucherLineRecord>> {
    if indents.is_empty() {
        return Ok(Vec::new());
    }
    Ok(v::Entity::find()
        .filter(v::Column::TenantId.eq(tx.tenant().0))
        .filter(v::Column::IndentId.is_in(indents.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Indents a store raised or must answer, newest first.
pub async fn of_store(tx: &TenantTx, store: Uuid, limit: u64) -> InfraResult<Vec<IndentRecord>> {
    Ok(i::Entity::find()
        .filter(i::Column::TenantId.eq(tx.tenant().0))
        .filter(
            i::Column::FromStoreId
                .eq(store)
                .or(i::Column::ToStoreId.eq(store)),
        )
        .order_by_desc(i::Column::CreatedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Move an indent on from `from` to `to`, stamping who and when, if it is still at
/// the version the caller saw.
pub async fn advance(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    from: IndentStatus,
    to: IndentStatus,
    by: Uuid,
    at: DateTime<Utc>,
) -> InfraResult<()> {
    let (who, when) = match to {
        IndentStatus::Approved | IndentStatus::Rejected => {
            (i::Column::DecidedBy, i::Column::DecidedAt)
        }
        IndentStatus::Issued => (i::Column::IssuedBy, i::Column::IssuedAt),
        IndentStatus::Received => (i::Column::ReceivedBy, i::Column::ReceivedAt),
        IndentStatus::Submitted | IndentStatus::Cancelled => {
            (i::Column::DecidedBy, i::Column::DecidedAt)
        }
    };
    let done = i::Entity::update_many()
        .col_expr(i::Column::Status, Expr::value(to.as_str()))
        .col_expr(who, Expr::value(by))
        .col_expr(when, Expr::value(at))
        .col_expr(i::Column::Version, Expr::col(i::Column::Version).add(1))
        .filter(i::Column::TenantId.eq(tx.tenant().0))
        .filter(i::Column::Id.eq(id))
        .filter(i::Column::Version.eq(expected_version))
        .filter(i::Column::Status.eq(from.as_str()))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict(
            "the indent was changed meanwhile (approved, issued or received by someone else); reload it",
        )
        .into());
    }
    Ok(())
}

pub async fn set_decision(
    tx: &TenantTx,
    indent: Uuid,
    item: Uuid,
    approved: i64,
    reason: Option<String>,
) -> InfraResult<()> {
    l::Entity::update_many()
        .col_expr(l::Column::Approved, Expr::value(approved))
        .col_expr(l::Column::Reason, Expr::value(reason))
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::IndentId.eq(indent))
        .filter(l::Column::ItemId.eq(item))
        .exec(tx.conn())
        .await?;
    Ok(())
}

pub async fn add_voucher_line(
    tx: &TenantTx,
    indent: Uuid,
    item: Uuid,
    batch: Uuid,
    quantity: i64,
) -> InfraResult<()> {
    v::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        indent_id: Set(indent),
        batch_id: Set(batch),
        item_id: Set(item),
        quantity: Set(quantity),
        received: Set(None),
        damaged: Set(None),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

pub async fn set_received(
    tx: &TenantTx,
    indent: Uuid,
    batch: Uuid,
    received: i64,
    damaged: i64,
) -> InfraResult<()> {
    v::Entity::update_many()
        .col_expr(v::Column::Received, Expr::value(received))
        .col_expr(v::Column::Damaged, Expr::value(damaged))
        .filter(v::Column::TenantId.eq(tx.tenant().0))
        .filter(v::Column::IndentId.eq(indent))
        .filter(v::Column::BatchId.eq(batch))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Per item, what is on its way to `store`: issued to it and not yet received.
pub async fn in_transit_to(tx: &TenantTx, store: Uuid) -> InfraResult<Vec<(Uuid, i64)>> {
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            "SELECT v.item_id AS item_id, CAST(SUM(v.quantity) AS BIGINT) AS quantity
             FROM supply_voucher_lines v
             JOIN supply_indents i ON i.tenant_id = v.tenant_id AND i.id = v.indent_id
             -- PostgreSQL sums bigints as numeric: cast back.
             WHERE i.tenant_id = $1 AND i.from_store_id = $2 AND i.status = 'issued'
             GROUP BY v.item_id",
            vec![tx.tenant().0.into(), store.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "item_id")?, r.try_get("", "quantity")?)))
        .collect()
}
