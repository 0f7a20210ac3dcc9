//! The supply ledger: each delivery of oxygen to a facility, dispatched (by the
//! district or the supplier's desk), then received and confirmed by the facility.

use crate::db::{InfraResult, TenantTx};
use crate::entities::oxygen_delivery as d;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type DeliveryRecord = d::Model;

pub struct NewDelivery {
    pub facility_id: Uuid,
    pub supplier: String,
    pub vehicle: Option<String>,
    pub challan: Option<String>,
    pub kind: &'static str,
    pub source_id: Option<Uuid>,
    pub cylinder_type_id: Option<Uuid>,
    pub quantity: f64,
    pub unit: &'static str,
    pub nm3: f64,
    pub dispatched_at: DateTime<Utc>,
    pub expected_at: DateTime<Utc>,
    pub created_by: Uuid,
}

pub async fn insert(tx: &TenantTx, n: NewDelivery) -> InfraResult<DeliveryRecord> {
    Ok(d::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(n.facility_id),
        supplier: Set(n.supplier),
        vehicle: Set(n.vehicle),
        challan: Set(n.challan),
        kind: Set(n.kind.to_owned()),
        source_id: Set(n.source_id),
        cylinder_type_id: Set(n.cylinder_type_id),
        quantity: Set(n.quantity),
        unit: Set(n.unit.to_owned()),
        nm3: Set(n.nm3),
        dispatched_at: Set(n.dispatched_at),
        expected_at: Set(n.expected_at),
        status: Set("dispatched".into()),
        received_at: Set(None),
        received_quantity: Set(None),
        received_by: Set(None),
        note: Set(None),
        created_by: Set(n.created_by),
        created_at: Set(Utc::now()),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<DeliveryRecord>> {
    Ok(d::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Close a dispatched delivery: `received` (with what arrived) or `cancelled`.
#[allow(clippy::too_many_arguments)]
pub async fn close(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    status: &str,
    received_quantity: Option<f64>,
    by: Uuid,
    at: DateTime<Utc>,
    note: Option<String>,
) -> InfraResult<()> {
    let done = d::Entity::update_many()
        .col_expr(d::Column::Status, Expr::value(status))
        .col_expr(d::Column::ReceivedAt, Expr::value(at))
        .col_expr(d::Column::ReceivedQuantity, Expr::value(received_quantity))
        .col_expr(d::Column::ReceivedBy, Expr::value(by))
        .col_expr(d::Column::Note, Expr::value(note))
        .col_expr(d::Column::Version, Expr::col(d::Column::Version).add(1))
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::Id.eq(id))
        .filter(d::Column::Version.eq(expected_version))
        .filter(d::Column::Status.eq("dispatched"))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict(
            "the delivery was confirmed, cancelled or changed meanwhile; reload it",
        )
        .into());
    }
    Ok(())
}

/// Deliveries on their way to some facilities.
pub async fn on_the_way(tx: &TenantTx, facilities: &[Uuid]) -> InfraResult<Vec<DeliveryRecord>> {
    Ok(d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(d::Column::Status.eq("dispatched"))
        .order_by_asc(d::Column::ExpectedAt)
        .all(tx.conn())
        .await?)
}

/// Deliveries to some facilities dispatched in a time range, the latest first.
pub async fn dispatched_between(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u64,
) -> InfraResult<Vec<DeliveryRecord>> {
    Ok(d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(d::Column::DispatchedAt.gte(from))
        .filter(d::Column::DispatchedAt.lte(to))
        .order_by_desc(d::Column::DispatchedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}
