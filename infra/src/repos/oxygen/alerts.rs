//! Oxygen alerts. One alert of a kind and level per facility a day: raising it again
//! the same day does nothing (`ON CONFLICT DO NOTHING`, so a PostgreSQL transaction is
//! not aborted by the duplicate).

use crate::db::{InfraResult, TenantTx};
use crate::entities::oxygen_alert as a;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

pub type AlertRecord = a::Model;

pub struct NewAlert {
    pub facility_id: Uuid,
    pub district_id: Option<Uuid>,
    pub kind: &'static str,
    pub level: &'static str,
    pub day: NaiveDate,
    pub message: String,
    pub detail: serde_json::Value,
    pub raised_at: DateTime<Utc>,
}

/// The alert, if it is new today.
pub async fn raise(tx: &TenantTx, n: NewAlert) -> InfraResult<Option<AlertRecord>> {
    let id = Uuid::now_v7();
    let model = a::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        facility_id: Set(n.facility_id),
        district_id: Set(n.district_id),
        kind: Set(n.kind.to_owned()),
        level: Set(n.level.to_owned()),
        day: Set(n.day),
        message: Set(n.message),
        detail: Set(n.detail),
        raised_at: Set(n.raised_at),
        acknowledged_at: Set(None),
        acknowledged_by: Set(None),
        action_taken: Set(None),
        escalated_at: Set(None),
    };
    let inserted = a::Entity::insert(model)
        .on_conflict(
            OnConflict::columns([
                a::Column::TenantId,
                a::Column::FacilityId,
                a::Column::Kind,
                a::Column::Level,
                a::Column::Day,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
    if inserted == 0 {
        return Ok(None);
    }
    find(tx, id).await
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AlertRecord>> {
    Ok(a::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Alerts of some facilities (all with `None`), the latest first; only those not yet
/// acknowledged with `open`.
pub async fn list(
    tx: &TenantTx,
    facilities: Option<&[Uuid]>,
    open: bool,
    limit: u64,
) -> InfraResult<Vec<AlertRecord>> {
    let mut q = a::Entity::find().filter(a::Column::TenantId.eq(tx.tenant().0));
    if let Some(ids) = facilities {
        q = q.filter(a::Column::FacilityId.is_in(ids.iter().copied()));
    }
    if open {
        q = q.filter(a::Column::AcknowledgedAt.is_null());
    }
    Ok(q.order_by_desc(a::Column::RaisedAt)
        .order_by_desc(a::Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Acknowledge an alert not yet acknowledged; false when someone already has.
pub async fn acknowledge(
    tx: &TenantTx,
    id: Uuid,
    by: Uuid,
    action: &str,
    at: DateTime<Utc>,
) -> InfraResult<bool> {
    let done = a::Entity::update_many()
        .col_expr(a::Column::AcknowledgedAt, Expr::value(at))
        .col_expr(a::Column::AcknowledgedBy, Expr::value(by))
        .col_expr(a::Column::ActionTaken, Expr::value(action))
        .filter(a::Column::TenantId.eq(tx.tenant().0))
        .filter(a::Column::Id.eq(id))
        .filter(a::Column::AcknowledgedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// Critical alerts nobody has acknowledged and that have not gone to the state yet.
pub async fn unanswered_critical(tx: &TenantTx) -> InfraResult<Vec<AlertRecord>> {
    Ok(a::Entity::find()
        .filter(a::Column::TenantId.eq(tx.tenant().0))
        .filter(a::Column::Level.eq("critical"))
        .filter(a::Column::AcknowledgedAt.is_null())
        .filter(a::Column::EscalatedAt.is_null())
        .all(tx.conn())
        .await?)
}

pub async fn mark_escalated(tx: &TenantTx, id: Uuid, at: DateTime<Utc>) -> InfraResult<bool> {
    let done = a::Entity::update_many()
        .col_expr(a::Column::EscalatedAt, Expr::value(at))
        .filter(a::Column::TenantId.eq(tx.tenant().0))
        .filter(a::Column::Id.eq(id))
        .filter(a::Column::EscalatedAt.is_null())
        .filter(a::Column::AcknowledgedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
