//! A tenant's notifiable conditions.

use crate::db::{InfraResult, TenantTx};
use crate::entities::notifiable_condition::{self as c, Column, Entity};
use arogya_domain::surveillance::condition::ConditionDef;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub type ConditionRecord = c::Model;

/// IDSP's list, for a tenant just created.
pub async fn seed(tx: &TenantTx) -> InfraResult<()> {
    crate::migrations::seed_conditions(tx.conn(), tx.tenant().0).await?;
    Ok(())
}

/// All of the tenant's conditions, by code.
pub async fn all(tx: &TenantTx) -> InfraResult<Vec<ConditionRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(Column::Code)
        .all(tx.conn())
        .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ConditionRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

pub async fn find_by_code(tx: &TenantTx, code: &str) -> InfraResult<Option<ConditionRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Code.eq(code.trim().to_uppercase()))
        .one(tx.conn())
        .await?)
}

/// The stored row as the domain's definition.
pub fn definition(r: &ConditionRecord) -> ConditionDef {
    let list = |s: &str| {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    ConditionDef {
        code: r.code.clone(),
        name: r.name.clone(),
        icd10: list(&r.icd10),
        loinc: list(&r.loinc),
        syndromic: r.syndromic.clone(),
        presumptive: r.presumptive.clone(),
        confirmed: r.confirmed.clone(),
        episode_days: r.episode_days,
    }
}

/// Change a condition's definition (not its code), if it is still at `expected_version`.
pub async fn update(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    def: &ConditionDef,
    active: bool,
) -> InfraResult<ConditionRecord> {
    let done = Entity::update_many()
        .col_expr(Column::Name, Expr::value(def.name.clone()))
        .col_expr(Column::Icd10, Expr::value(def.icd10.join(",")))
        .col_expr(Column::Loinc, Expr::value(def.loinc.join(",")))
        .col_expr(Column::Syndromic, Expr::value(def.syndromic.clone()))
        .col_expr(Column::Presumptive, Expr::value(def.presumptive.clone()))
        .col_expr(Column::Confirmed, Expr::value(def.confirmed.clone()))
        .col_expr(Column::EpisodeDays, Expr::value(def.episode_days))
        .col_expr(Column::Active, Expr::value(active))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(match find(tx, id).await? {
            Some(_) => DomainError::conflict(
                "the condition was changed by someone else meanwhile; reload it and try again",
            ),
            None => DomainError::NotFound {
                entity: "condition",
            },
        }
        .into());
    }
    find(tx, id).await?.ok_or_else(|| {
        DomainError::NotFound {
            entity: "condition",
        }
        .into()
    })
}
