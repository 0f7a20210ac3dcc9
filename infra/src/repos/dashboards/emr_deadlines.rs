//! The tenant's EMR roll-out deadline: each change a new version, the highest in force.

use crate::db::{InfraResult, TenantTx};
use crate::entities::emr_deadline::{self as d, Column, Entity};
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type DeadlineRecord = d::Model;

/// The deadline in force, if one was ever set.
pub async fn current(tx: &TenantTx) -> InfraResult<Option<DeadlineRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .order_by_desc(Column::Version)
        .one(tx.conn())
        .await?)
}

/// Set a new deadline over the version the caller saw (0: none was set).
pub async fn set(
    tx: &TenantTx,
    expected_version: i32,
    deadline: NaiveDate,
    by: Uuid,
) -> InfraResult<DeadlineRecord> {
    let now = current(tx).await?.map(|d| d.version).unwrap_or(0);
    if now != expected_version {
        return Err(DomainError::conflict(format!(
            "the deadline was changed meanwhile (now at version {now}); reload and try again"
        ))
        .into());
    }
    let row = DeadlineRecord {
        tenant_id: tx.tenant().0,
        version: now + 1,
        deadline,
        set_by: by,
        set_at: Utc::now(),
    };
    super::super::insert_all_or_conflict(
        tx,
        vec![d::ActiveModel {
            tenant_id: Set(row.tenant_id),
            version: Set(row.version),
            deadline: Set(row.deadline),
            set_by: Set(row.set_by),
            set_at: Set(row.set_at),
        }],
        "the deadline was changed at the same moment; reload and try again",
    )
    .await?;
    Ok(row)
}
