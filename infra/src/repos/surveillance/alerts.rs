//! Surveillance alerts.

use crate::db::{InfraResult, TenantTx};
use crate::entities::surveillance_alert::{self as a, Column, Entity};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub type AlertRecord = a::Model;

pub async fn insert(tx: &TenantTx, row: AlertRecord) -> InfraResult<AlertRecord> {
    let mut m: a::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

/// When the rule last fired for the condition in the place (and village), if it did.
pub async fn last_raised(
    tx: &TenantTx,
    condition: Uuid,
    rule: &str,
    unit: Uuid,
    village: Option<&str>,
) -> InfraResult<Option<DateTime<Utc>>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::RuleKey.eq(rule))
        .filter(Column::UnitId.eq(unit));
    if let Some(v) = village {
        q = q.filter(Column::Village.eq(v));
    }
    Ok(q.order_by_desc(Column::RaisedAt)
        .limit(1)
        .one(tx.conn())
        .await?
        .map(|r| r.raised_at))
}

/// The windows of verified outbreaks of a condition in a place, left out of baselines.
pub async fn outbreak_windows(
    tx: &TenantTx,
    condition: Uuid,
    unit: Uuid,
) -> InfraResult<Vec<(NaiveDate, NaiveDate)>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::UnitId.eq(unit))
        .filter(Column::Status.eq("true_signal"))
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|r| (r.window_from, r.window_to))
        .collect())
}

/// Alerts under a place (its path), newest first; `open_only` for the queue.
pub async fn list(
    tx: &TenantTx,
    under: Option<&str>,
    open_only: bool,
    limit: u64,
) -> InfraResult<Vec<AlertRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(p) = under {
        q = q.filter(Column::UnitPath.starts_with(p));
    }
    if open_only {
        q = q.filter(Column::Status.eq("open"));
    }
    Ok(q.order_by_desc(Column::RaisedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AlertRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

/// Record the verification, if the alert is still open at `expected_version`.
pub async fn verify(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    status: &str,
    by: Uuid,
    note: &str,
) -> InfraResult<bool> {
    let done = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::VerifiedAt, Expr::value(Utc::now()))
        .col_expr(Column::VerifiedBy, Expr::value(by))
        .col_expr(Column::VerificationNote, Expr::value(note))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .filter(Column::Status.eq("open"))
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
