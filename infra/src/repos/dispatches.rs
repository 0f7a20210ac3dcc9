//! Emergency dispatch records of helpline tickets.

use crate::db::{InfraResult, TenantTx};
use crate::entities::emergency_dispatch::{self, Column, Entity};
use arogya_domain::dispatch::{DispatchLocation, DispatchStatus};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type DispatchRecord = emergency_dispatch::Model;

pub struct NewDispatch<'a> {
    pub ticket: Uuid,
    pub location: &'a DispatchLocation,
    /// What the registry suggested, as shown to the doctor.
    pub suggestions: serde_json::Value,
    pub facility: Option<Uuid>,
    pub created_by: Uuid,
}

pub async fn insert(tx: &TenantTx, d: NewDispatch<'_>) -> InfraResult<DispatchRecord> {
    let now = Utc::now();
    Ok(emergency_dispatch::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        ticket_id: Set(d.ticket),
        description: Set(d.location.description.clone()),
        latitude: Set(d.location.point.latitude),
        longitude: Set(d.location.point.longitude),
        suggestions: Set(d.suggestions),
        facility_id: Set(d.facility),
        status: Set(DispatchStatus::Dispatched.as_str().to_owned()),
        created_by: Set(d.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        arrived_at: Set(None),
        closed_at: Set(None),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<DispatchRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Move a dispatch to `to`, stamping when help arrived or the dispatch closed.
pub async fn set_status(
    tx: &TenantTx,
    current: &DispatchRecord,
    expected_version: i32,
    to: DispatchStatus,
) -> InfraResult<DispatchRecord> {
    let now = Utc::now();
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(to.as_str()))
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id));
    update = match to {
        DispatchStatus::Arrived => update.col_expr(Column::ArrivedAt, Expr::value(now)),
        DispatchStatus::Closed => update.col_expr(Column::ClosedAt, Expr::value(now)),
        DispatchStatus::Dispatched => update,
    };
    super::versioned_update(tx, update, Column::Version, expected_version, "dispatch").await?;
    find(tx, current.id)
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "dispatch" }.into())
}

/// The dispatches of some tickets, oldest first (one query for a page of tickets).
pub async fn of_tickets(tx: &TenantTx, tickets: &[Uuid]) -> InfraResult<Vec<DispatchRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::TicketId.is_in(tickets.iter().copied()))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// Dispatches in any of `statuses`, newest first.
pub async fn with_status(
    tx: &TenantTx,
    statuses: &[DispatchStatus],
    limit: u64,
) -> InfraResult<Vec<DispatchRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}
