//! Recipients of the monthly indicators report, and the months sent to each.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{report_recipient as r, report_send as s};
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type RecipientRecord = r::Model;

pub struct NewRecipient<'a> {
    pub email: &'a str,
    pub unit: Option<Uuid>,
    pub facility: Option<Uuid>,
    pub by: Uuid,
}

pub async fn add(tx: &TenantTx, n: NewRecipient<'_>) -> InfraResult<RecipientRecord> {
    Ok(r::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        email: Set(n.email.to_owned()),
        unit_id: Set(n.unit),
        facility_id: Set(n.facility),
        added_by: Set(n.by),
        added_at: Set(Utc::now()),
        removed_by: Set(None),
        removed_at: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

/// Recipients not removed, oldest first.
pub async fn active(tx: &TenantTx) -> InfraResult<Vec<RecipientRecord>> {
    Ok(r::Entity::find()
        .filter(r::Column::TenantId.eq(tx.tenant().0))
        .filter(r::Column::RemovedAt.is_null())
        .order_by_asc(r::Column::AddedAt)
        .all(tx.conn())
        .await?)
}

/// Mark a recipient removed (kept, with who and when); `false` if none such is active.
pub async fn remove(tx: &TenantTx, id: Uuid, by: Uuid) -> InfraResult<bool> {
    let done = r::Entity::update_many()
        .col_expr(r::Column::RemovedBy, Expr::value(by))
        .col_expr(r::Column::RemovedAt, Expr::value(Utc::now()))
        .filter(r::Column::TenantId.eq(tx.tenant().0))
        .filter(r::Column::Id.eq(id))
        .filter(r::Column::RemovedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// The recipients `month` was sent to.
pub async fn sent_in(
    tx: &TenantTx,
    month: NaiveDate,
) -> InfraResult<std::collections::HashSet<Uuid>> {
    Ok(s::Entity::find()
        .filter(s::Column::TenantId.eq(tx.tenant().0))
        .filter(s::Column::Month.eq(month))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|r| r.recipient_id)
        .collect())
}

/// Record `month` as sent with its notification; a conflict when another run recorded
/// it first (its transaction, with the notification, then rolls back).
pub async fn mark_sent(
    tx: &TenantTx,
    recipient: Uuid,
    month: NaiveDate,
    notification: Uuid,
) -> InfraResult<()> {
    s::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        recipient_id: Set(recipient),
        month: Set(month),
        notification_id: Set(notification),
        sent_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| -> crate::db::InfraError {
        if is_unique_violation(&e) {
            DomainError::conflict("this month's report was sent already").into()
        } else {
            e.into()
        }
    })?;
    Ok(())
}
