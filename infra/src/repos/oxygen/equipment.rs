//! The equipment register, its status history, and procurement orders.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{equipment as eq, equipment_event as ev, equipment_order as ord};
use arogya_domain::oxygen::equipment::{EquipmentForm, EquipmentStatus, OrderForm};
use arogya_domain::DomainError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type EquipmentRecord = eq::Model;
pub type EquipmentEventRecord = ev::Model;
pub type OrderRecord = ord::Model;

pub async fn insert(
    tx: &TenantTx,
    facility: Uuid,
    f: &EquipmentForm,
    order: Option<Uuid>,
    by: Option<Uuid>,
) -> InfraResult<EquipmentRecord> {
    let now = Utc::now();
    let saved = eq::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(facility),
        kind: Set(f.kind.as_str().to_owned()),
        make: Set(f.make.clone()),
        model: Set(f.model.clone()),
        serial_number: Set(f.serial_number.clone()),
        source: Set(f.source.as_str().to_owned()),
        order_id: Set(order),
        status: Set(f.status.as_str().to_owned()),
        installed_on: Set(f.installed_on),
        last_maintenance_on: Set(f.last_maintenance_on),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict(
                "equipment of that kind, make and serial number is already registered",
            )
            .into()
        } else {
            crate::db::InfraError::from(e)
        }
    })?;
    event(tx, saved.id, f.status, Some("registered".into()), now, by).await?;
    Ok(saved)
}

async fn event(
    tx: &TenantTx,
    equipment: Uuid,
    status: EquipmentStatus,
    note: Option<String>,
    at: DateTime<Utc>,
    by: Option<Uuid>,
) -> InfraResult<()> {
    ev::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        equipment_id: Set(equipment),
        status: Set(status.as_str().to_owned()),
        note: Set(note),
        at: Set(at),
        by: Set(by),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

/// Change the status (and the last maintenance date), keeping the change in the history.
pub async fn change_status(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    status: EquipmentStatus,
    maintained_on: Option<NaiveDate>,
    note: Option<String>,
    by: Uuid,
) -> InfraResult<()> {
    let now = Utc::now();
    let mut q = eq::Entity::update_many()
        .col_expr(eq::Column::Status, Expr::value(status.as_str()))
        .col_expr(eq::Column::Version, Expr::col(eq::Column::Version).add(1))
        .col_expr(eq::Column::UpdatedAt, Expr::value(now));
    if let Some(d) = maintained_on {
        q = q.col_expr(eq::Column::LastMaintenanceOn, Expr::value(d));
    }
    let done = q
        .filter(eq::Column::TenantId.eq(tx.tenant().0))
        .filter(eq::Column::Id.eq(id))
        .filter(eq::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict(
            "the equipment was changed by someone else meanwhile; reload it and try again",
        )
        .into());
    }
    event(tx, id, status, note, now, Some(by)).await
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<EquipmentRecord>> {
    Ok(eq::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn of_facilities(
    tx: &TenantTx,
    facilities: &[Uuid],
) -> InfraResult<Vec<EquipmentRecord>> {
    Ok(eq::Entity::find()
        .filter(eq::Column::TenantId.eq(tx.tenant().0))
        .filter(eq::Column::FacilityId.is_in(facilities.iter().copied()))
        .order_by_asc(eq::Column::Kind)
        .order_by_asc(eq::Column::SerialNumber)
        .all(tx.conn())
        .await?)
}

pub async fn history(tx: &TenantTx, equipment: &[Uuid]) -> InfraResult<Vec<EquipmentEventRecord>> {
    Ok(ev::Entity::find()
        .filter(ev::Column::TenantId.eq(tx.tenant().0))
        .filter(ev::Column::EquipmentId.is_in(equipment.iter().copied()))
        .order_by_asc(ev::Column::At)
        .all(tx.conn())
        .await?)
}

/// Equipment counted by facility, kind and status, for the whole tenant.
pub async fn counts(tx: &TenantTx) -> InfraResult<Vec<(Uuid, String, String, i64)>> {
    Ok(eq::Entity::find()
        .select_only()
        .column(eq::Column::FacilityId)
        .column(eq::Column::Kind)
        .column(eq::Column::Status)
        .column_as(eq::Column::Id.count(), "n")
        .filter(eq::Column::TenantId.eq(tx.tenant().0))
        .group_by(eq::Column::FacilityId)
        .group_by(eq::Column::Kind)
        .group_by(eq::Column::Status)
        .into_tuple()
        .all(tx.conn())
        .await?)
}

pub async fn insert_order(
    tx: &TenantTx,
    o: &OrderForm,
    unit: Option<Uuid>,
    by: Uuid,
) -> InfraResult<OrderRecord> {
    Ok(ord::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        kind: Set(o.kind.as_str().to_owned()),
        supplier: Set(o.supplier.clone()),
        quantity: Set(o.quantity),
        ordered_on: Set(o.ordered_on),
        expected_on: Set(o.expected_on),
        reference: Set(o.reference.clone()),
        unit_id: Set(unit),
        created_by: Set(by),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find_order(tx: &TenantTx, id: Uuid) -> InfraResult<Option<OrderRecord>> {
    Ok(ord::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn orders(tx: &TenantTx) -> InfraResult<Vec<OrderRecord>> {
    Ok(ord::Entity::find()
        .filter(ord::Column::TenantId.eq(tx.tenant().0))
        .order_by_desc(ord::Column::OrderedOn)
        .all(tx.conn())
        .await?)
}

/// Items received against each order.
pub async fn received_per_order(tx: &TenantTx) -> InfraResult<Vec<(Uuid, i64)>> {
    Ok(eq::Entity::find()
        .select_only()
        .column(eq::Column::OrderId)
        .column_as(eq::Column::Id.count(), "n")
        .filter(eq::Column::TenantId.eq(tx.tenant().0))
        .filter(eq::Column::OrderId.is_not_null())
        .group_by(eq::Column::OrderId)
        .into_tuple()
        .all(tx.conn())
        .await?)
}
