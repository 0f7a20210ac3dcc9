//! Budget heads, purchase orders, their lines and the goods received against them.

use super::sql;
use crate::db::{is_unique_violation, Backend, InfraResult, TenantTx};
use crate::entities::{
    supply_budget_head as h, supply_order_line as l, supply_order_receipt as r,
    supply_purchase_order as o,
};
use arogya_domain::supply::procurement::Budget;
use arogya_domain::DomainError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub type HeadRecord = h::Model;
pub type OrderRecord = o::Model;
pub type OrderLineRecord = l::Model;
pub type ReceiptRecord = r::Model;

pub async fn insert_head(
    tx: &TenantTx,
    code: &str,
    name: &str,
    year: i32,
    allocation: i64,
) -> InfraResult<HeadRecord> {
    let m = h::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        code: Set(code.into()),
        name: Set(name.into()),
        financial_year: Set(year),
        allocation_paise: Set(allocation),
        version: Set(1),
        created_at: Set(Utc::now()),
    };
    match m.insert(tx.conn()).await {
        Ok(x) => Ok(x),
        Err(e) if is_unique_violation(&e) => Err(DomainError::conflict(format!(
            "budget head {code} exists for that year already"
        ))
        .into()),
        Err(e) => Err(e.into()),
    }
}

pub async fn find_head(tx: &TenantTx, id: Uuid) -> InfraResult<Option<HeadRecord>> {
    Ok(h::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn heads_of_year(tx: &TenantTx, year: i32) -> InfraResult<Vec<HeadRecord>> {
    Ok(h::Entity::find()
        .filter(h::Column::TenantId.eq(tx.tenant().0))
        .filter(h::Column::FinancialYear.eq(year))
        .order_by_asc(h::Column::Code)
        .all(tx.conn())
        .await?)
}

/// Hold the head until the transaction ends (PostgreSQL), so two orders against it
/// are checked against the balance one after the other.
pub async fn lock_head(tx: &TenantTx, id: Uuid) -> InfraResult<()> {
    if tx.backend() == Backend::Postgres {
        tx.conn()
            .execute_raw(sql(
                tx,
                "SELECT 1 FROM supply_budget_heads WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
                vec![tx.tenant().0.into(), id.into()],
            ))
            .await?;
    }
    Ok(())
}

/// Each head's allocation, committed and spent (one query for all of them).
pub async fn budgets(tx: &TenantTx, heads: &[HeadRecord]) -> InfraResult<HashMap<Uuid, Budget>> {
    let mut out: HashMap<Uuid, Budget> = heads
        .iter()
        .map(|x| {
            (
                x.id,
                Budget {
                    allocation: x.allocation_paise,
                    ..Default::default()
                },
            )
        })
        .collect();
    if heads.is_empty() {
        return Ok(out);
    }
    let mut values: Vec<sea_orm::Value> = vec![tx.tenant().0.into()];
    let ids: Vec<String> = heads
        .iter()
        .map(|x| {
            values.push(x.id.into());
            format!("${}", values.len())
        })
        .collect();
    let rows = tx
        .conn()
        .query_all_raw(sql(
            tx,
            &format!(
                "SELECT o.budget_head_id AS head,
                        CAST(COALESCE(SUM(CASE WHEN o.status IN ('open', 'partly_received')
                             THEN (l.quantity - l.accepted - l.rejected) * l.unit_price_paise ELSE 0 END), 0) AS BIGINT) AS committed,
                        CAST(COALESCE(SUM(l.accepted * l.unit_price_paise), 0) AS BIGINT) AS spent
                 FROM supply_purchase_orders o
                 JOIN supply_order_lines l ON l.tenant_id = o.tenant_id AND l.order_id = o.id
                 WHERE o.tenant_id = $1 AND o.budget_head_id IN ({})
                 GROUP BY o.budget_head_id",
                ids.join(", ")
            ),
            values,
        ))
        .await?;
    for row in rows {
        let head: Uuid = row.try_get("", "head")?;
        if let Some(b) = out.get_mut(&head) {
            b.committed = row.try_get("", "committed")?;
            b.spent = row.try_get("", "spent")?;
        }
    }
    Ok(out)
}

pub struct NewOrder {
    pub store_id: Uuid,
    pub budget_head_id: Uuid,
    pub supplier: String,
    pub ordered_on: NaiveDate,
    pub expected_on: NaiveDate,
    pub lines: Vec<(Uuid, i64, i64)>,
    pub override_reason: Option<String>,
    pub override_by: Option<Uuid>,
    pub by: Uuid,
}

pub async fn insert_order(tx: &TenantTx, n: NewOrder) -> InfraResult<OrderRecord> {
    let id = Uuid::now_v7();
    let tail = id.simple().to_string();
    let total = n.lines.iter().map(|(_, q, p)| q * p).sum();
    let order = o::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        number: Set(format!(
            "PO-{}-{}",
            n.ordered_on.format("%Y%m%d"),
            tail[tail.len() - 6..].to_uppercase()
        )),
        store_id: Set(n.store_id),
        budget_head_id: Set(n.budget_head_id),
        supplier: Set(n.supplier),
        status: Set("open".into()),
        ordered_on: Set(n.ordered_on),
        expected_on: Set(n.expected_on),
        total_paise: Set(total),
        override_reason: Set(n.override_reason),
        override_by: Set(n.override_by),
        version: Set(1),
        created_by: Set(n.by),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?;
    let rows = n.lines.iter().map(|(item, q, p)| l::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        order_id: Set(id),
        item_id: Set(*item),
        quantity: Set(*q),
        unit_price_paise: Set(*p),
        accepted: Set(0),
        rejected: Set(0),
    });
    l::Entity::insert_many(rows).exec(tx.conn()).await?;
    Ok(order)
}

pub async fn find_order(tx: &TenantTx, id: Uuid) -> InfraResult<Option<OrderRecord>> {
    Ok(o::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn orders(
    tx: &TenantTx,
    store: Option<Uuid>,
    limit: u64,
) -> InfraResult<Vec<OrderRecord>> {
    let mut q = o::Entity::find().filter(o::Column::TenantId.eq(tx.tenant().0));
    if let Some(s) = store {
        q = q.filter(o::Column::StoreId.eq(s));
    }
    Ok(q.order_by_desc(o::Column::CreatedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

pub async fn lines_of(tx: &TenantTx, orders: &[Uuid]) -> InfraResult<Vec<OrderLineRecord>> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    Ok(l::Entity::find()
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::OrderId.is_in(orders.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn receipts_of(tx: &TenantTx, orders: &[Uuid]) -> InfraResult<Vec<ReceiptRecord>> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    Ok(r::Entity::find()
        .filter(r::Column::TenantId.eq(tx.tenant().0))
        .filter(r::Column::OrderId.is_in(orders.iter().copied()))
        .order_by_asc(r::Column::ReceivedAt)
        .all(tx.conn())
        .await?)
}

/// Add what arrived to a line, if no more than is outstanding (checked in the update).
pub async fn add_received(
    tx: &TenantTx,
    order: Uuid,
    item: Uuid,
    accepted: i64,
    rejected: i64,
) -> InfraResult<bool> {
    let done = l::Entity::update_many()
        .col_expr(
            l::Column::Accepted,
            Expr::col(l::Column::Accepted).add(accepted),
        )
        .col_expr(
            l::Column::Rejected,
            Expr::col(l::Column::Rejected).add(rejected),
        )
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::OrderId.eq(order))
        .filter(l::Column::ItemId.eq(item))
        .filter(
            Expr::col(l::Column::Accepted)
                .add(Expr::col(l::Column::Rejected))
                .add(accepted + rejected)
                .lte(Expr::col(l::Column::Quantity)),
        )
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_receipt(
    tx: &TenantTx,
    order: Uuid,
    item: Uuid,
    batch: Option<Uuid>,
    accepted: i64,
    rejected: i64,
    reason: Option<String>,
    at: DateTime<Utc>,
    by: Uuid,
) -> InfraResult<()> {
    r::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        order_id: Set(order),
        item_id: Set(item),
        batch_id: Set(batch),
        accepted: Set(accepted),
        rejected: Set(rejected),
        reason: Set(reason),
        received_at: Set(at),
        by: Set(by),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

pub async fn set_status(
    tx: &TenantTx,
    order: Uuid,
    expected_version: i32,
    status: &str,
) -> InfraResult<()> {
    let done = o::Entity::update_many()
        .col_expr(o::Column::Status, Expr::value(status))
        .col_expr(o::Column::Version, Expr::col(o::Column::Version).add(1))
        .filter(o::Column::TenantId.eq(tx.tenant().0))
        .filter(o::Column::Id.eq(order))
        .filter(o::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict("the order was changed meanwhile; reload it").into());
    }
    Ok(())
}
