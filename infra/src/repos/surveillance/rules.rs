//! The state's alert rules per condition, and the populations of places.

use crate::db::{InfraResult, TenantTx};
use crate::entities::surveillance_alert_rule::{self as r, Column, Entity};
use crate::entities::surveillance_population as p;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub type RuleRecord = r::Model;
pub type PopulationRecord = p::Model;

/// A condition's rules in force (none: the condition runs the defaults).
pub async fn active(tx: &TenantTx, condition: Uuid) -> InfraResult<Vec<RuleRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::RetiredAt.is_null())
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Retire a condition's rules in force and put `rows` in their place.
pub async fn replace(
    tx: &TenantTx,
    condition: Uuid,
    rows: Vec<RuleRecord>,
    now: DateTime<Utc>,
) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::RetiredAt, Expr::value(Some(now)))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::RetiredAt.is_null())
        .exec(tx.conn())
        .await?;
    for row in rows {
        let mut m: r::ActiveModel = row.into();
        m.tenant_id = sea_orm::Set(tx.tenant().0);
        m.reset_all().insert(tx.conn()).await?;
    }
    Ok(())
}

pub async fn population(
    tx: &TenantTx,
    unit: Uuid,
    year: i32,
) -> InfraResult<Option<PopulationRecord>> {
    Ok(p::Entity::find()
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::UnitId.eq(unit))
        .filter(p::Column::Year.eq(year))
        .one(tx.conn())
        .await?)
}

pub async fn populations(tx: &TenantTx, year: i32) -> InfraResult<Vec<PopulationRecord>> {
    Ok(p::Entity::find()
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::Year.eq(year))
        .all(tx.conn())
        .await?)
}

pub async fn insert_population(
    tx: &TenantTx,
    row: PopulationRecord,
) -> InfraResult<PopulationRecord> {
    let mut m: p::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

/// Change a population if still at `expected_version`.
pub async fn change_population(
    tx: &TenantTx,
    unit: Uuid,
    year: i32,
    expected_version: i32,
    population: i64,
    by: Option<Uuid>,
) -> InfraResult<bool> {
    let res = p::Entity::update_many()
        .col_expr(p::Column::Population, Expr::value(population))
        .col_expr(p::Column::Version, Expr::value(expected_version + 1))
        .col_expr(p::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(p::Column::UpdatedBy, Expr::value(by))
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::UnitId.eq(unit))
        .filter(p::Column::Year.eq(year))
        .filter(p::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(res.rows_affected == 1)
}
