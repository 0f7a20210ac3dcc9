//! Manufacturers' batches of items. A batch number names one batch of one item in
//! the tenant, wherever its units are.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::supply_batch as b;
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

pub type BatchRecord = b::Model;

#[derive(Debug, Clone)]
pub struct NewBatch {
    pub item_id: Uuid,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub manufactured_on: Option<NaiveDate>,
    pub manufacturer: Option<String>,
    pub supplier: Option<String>,
    pub unit_price_paise: i64,
    pub quality_status: &'static str,
}

/// The batch with this number, recorded now if it is new. The same number with
/// another expiry date is refused: one of the two was typed wrong.
pub async fn find_or_insert(tx: &TenantTx, n: NewBatch, field: &str) -> InfraResult<BatchRecord> {
    let existing = b::Entity::find()
        .filter(b::Column::TenantId.eq(tx.tenant().0))
        .filter(b::Column::ItemId.eq(n.item_id))
        .filter(b::Column::BatchNo.eq(n.batch_no.clone()))
        .one(tx.conn())
        .await?;
    if let Some(e) = existing {
        if e.expires_on != n.expires_on {
            return Err(DomainError::validation(
                field,
                format!(
                    "batch {} of this item is recorded as expiring on {}, not {}",
                    e.batch_no, e.expires_on, n.expires_on
                ),
            )
            .into());
        }
        return Ok(e);
    }
    let inserted = b::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        item_id: Set(n.item_id),
        batch_no: Set(n.batch_no),
        expires_on: Set(n.expires_on),
        manufactured_on: Set(n.manufactured_on),
        manufacturer: Set(n.manufacturer),
        supplier: Set(n.supplier),
        unit_price_paise: Set(n.unit_price_paise),
        on_hold: Set(false),
        quality_status: Set(n.quality_status.into()),
        version: Set(1),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await;
    match inserted {
        Ok(b) => Ok(b),
        // Two receipts of a new batch at once: the other one recorded it first.
        // (PostgreSQL has aborted the transaction: the caller sends it again and finds it.)
        Err(e) if is_unique_violation(&e) => Err(DomainError::conflict(
            "this batch was recorded by someone else a moment ago; send the receipt again",
        )
        .into()),
        Err(e) => Err(e.into()),
    }
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<BatchRecord>> {
    Ok(b::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn by_ids(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<BatchRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(b::Entity::find()
        .filter(b::Column::TenantId.eq(tx.tenant().0))
        .filter(b::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Put a batch on hold or release it, and record its quality-test status.
pub async fn set_quality(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    on_hold: bool,
    quality_status: &str,
) -> InfraResult<()> {
    let done = b::Entity::update_many()
        .col_expr(b::Column::OnHold, Expr::value(on_hold))
        .col_expr(b::Column::QualityStatus, Expr::value(quality_status))
        .col_expr(b::Column::Version, Expr::col(b::Column::Version).add(1))
        .filter(b::Column::TenantId.eq(tx.tenant().0))
        .filter(b::Column::Id.eq(id))
        .filter(b::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict("the batch was changed meanwhile; reload it").into());
    }
    // Every store holding the batch may now have more or less it can issue.
    tx.conn()
        .execute_raw(super::sql(
            tx,
            &format!(
                "UPDATE supply_store_items SET usable_until = {}
                 WHERE tenant_id = $1 AND store_id IN (
                   SELECT store_id FROM supply_stock WHERE tenant_id = $1 AND batch_id = $2)
                   AND item_id = (SELECT item_id FROM supply_batches WHERE tenant_id = $1 AND id = $2)",
                super::stock::USABLE_UNTIL
            ),
            vec![tx.tenant().0.into(), id.into()],
        ))
        .await?;
    Ok(())
}
