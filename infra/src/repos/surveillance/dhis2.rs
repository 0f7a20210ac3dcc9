//! DHIS2 mappings, and the week's counts as the export reads them.

use crate::db::{InfraResult, TenantTx};
use crate::entities::dhis2_mapping::{self as d, Column, Entity};
use crate::entities::surveillance_weekly_count as w;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub type MappingRecord = d::Model;
pub type WeekCountRecord = w::Model;

pub async fn all(tx: &TenantTx) -> InfraResult<Vec<MappingRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(Column::Kind)
        .order_by_asc(Column::LocalKey)
        .all(tx.conn())
        .await?)
}

pub async fn find_by_key(
    tx: &TenantTx,
    kind: &str,
    local_key: &str,
) -> InfraResult<Option<MappingRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Kind.eq(kind))
        .filter(Column::LocalKey.eq(local_key))
        .one(tx.conn())
        .await?)
}

/// Another thing of the same kind already mapped to `dhis2_id`, if one is.
pub async fn holder_of(
    tx: &TenantTx,
    kind: &str,
    dhis2_id: &str,
) -> InfraResult<Option<MappingRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Kind.eq(kind))
        .filter(Column::Dhis2Id.eq(dhis2_id))
        .one(tx.conn())
        .await?)
}

pub async fn insert(tx: &TenantTx, row: MappingRecord) -> InfraResult<MappingRecord> {
    let mut m: d::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

/// Point a mapping at another identifier if it is still at `expected_version`.
pub async fn change(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    dhis2_id: &str,
    by: Option<Uuid>,
) -> InfraResult<bool> {
    let r = Entity::update_many()
        .col_expr(Column::Dhis2Id, Expr::value(dhis2_id))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .col_expr(Column::UpdatedBy, Expr::value(by))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

pub async fn remove(tx: &TenantTx, id: Uuid, expected_version: i32) -> InfraResult<bool> {
    let r = Entity::delete_many()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

/// Every count row of a week (per condition, block, age group and sex).
pub async fn week_counts(tx: &TenantTx, week: i32) -> InfraResult<Vec<WeekCountRecord>> {
    Ok(w::Entity::find()
        .filter(w::Column::TenantId.eq(tx.tenant().0))
        .filter(w::Column::EpiWeek.eq(week))
        .all(tx.conn())
        .await?)
}
