//! Training sessions.

use crate::db::{InfraResult, TenantTx};
use crate::entities::training_session::{self as s, Column, Entity};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub type SessionRecord = s::Model;

pub async fn insert(tx: &TenantTx, row: SessionRecord) -> InfraResult<SessionRecord> {
    let mut m: s::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<SessionRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

/// Which sessions a list shows: those held at these facilities or under these units
/// (or all, `whole`), and those this professional trains.
#[derive(Debug, Clone, Default)]
pub struct SessionScope {
    pub whole: bool,
    pub units: Vec<Uuid>,
    pub facilities: Vec<Uuid>,
    pub trainer: Option<Uuid>,
}

/// Sessions in scope overlapping `from..=to`, soonest first, at most `limit`.
pub async fn list(
    tx: &TenantTx,
    scope: &SessionScope,
    from: NaiveDate,
    to: NaiveDate,
    limit: u64,
) -> InfraResult<Vec<SessionRecord>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::EndsOn.gte(from))
        .filter(Column::StartsOn.lte(to));
    if !scope.whole {
        let mut any = Condition::any();
        for u in &scope.units {
            any = any.add(Column::UnitPath.contains(format!("/{u}/")));
        }
        if !scope.facilities.is_empty() {
            any = any.add(Column::FacilityId.is_in(scope.facilities.iter().copied()));
        }
        if let Some(t) = scope.trainer {
            any = any.add(Column::TrainerId.eq(t));
        }
        if any.is_empty() {
            return Ok(Vec::new());
        }
        q = q.filter(any);
    }
    Ok(q.order_by_asc(Column::StartsOn)
        .order_by_asc(Column::Title)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Change the status, if nobody changed the session since `expected_version`.
pub async fn set_status(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    status: &str,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> InfraResult<bool> {
    let res = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::StatusReason, Expr::value(reason.map(str::to_owned)))
        .col_expr(Column::UpdatedAt, Expr::value(at))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(res.rows_affected == 1)
}
