//! E-health cards of one tenant.

use crate::db::{InfraError, InfraResult, TenantTx};
use crate::entities::patient_card::{self, Column, Entity};
use arogya_domain::patient::card::{CardStatus, DeliveryStatus};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type CardRecord = patient_card::Model;

pub struct NewCard {
    pub patient: Uuid,
    pub health_id: String,
    pub unit_path: Option<String>,
    pub replaces: Option<Uuid>,
    pub issued_by: Option<Uuid>,
}

pub async fn insert(tx: &TenantTx, new: NewCard) -> InfraResult<CardRecord> {
    Ok(patient_card::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        patient_id: Set(new.patient),
        health_id: Set(new.health_id),
        status: Set(CardStatus::Active.as_str().to_owned()),
        status_reason: Set(None),
        replaces: Set(new.replaces),
        issued_by: Set(new.issued_by),
        issued_at: Set(Utc::now()),
        delivery: Set(DeliveryStatus::Pending.as_str().to_owned()),
        delivery_changed_at: Set(None),
        unit_path: Set(new.unit_path),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<CardRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

/// Cards of these patients, newest first.
pub async fn for_patients(tx: &TenantTx, patients: &[Uuid]) -> InfraResult<Vec<CardRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.is_in(patients.iter().copied()))
        .order_by_desc(Column::Id)
        .all(tx.conn())
        .await?)
}

/// The active card printed with this health ID, if any.
pub async fn active_for_health_id(
    tx: &TenantTx,
    health_id: &str,
) -> InfraResult<Option<CardRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::HealthId.eq(health_id))
        .filter(Column::Status.eq(CardStatus::Active.as_str()))
        .order_by_desc(Column::Id)
        .one(tx.conn())
        .await?)
}

fn stale() -> InfraError {
    DomainError::conflict("the card was changed by someone else; reload and try again").into()
}

/// Move an active card to `status` with a reason (only if it is still active).
pub async fn end(
    tx: &TenantTx,
    card: &CardRecord,
    status: CardStatus,
    reason: &str,
) -> InfraResult<()> {
    let updated = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status.as_str()))
        .col_expr(Column::StatusReason, Expr::value(reason))
        .col_expr(Column::Version, Expr::value(card.version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(card.id))
        .filter(Column::Version.eq(card.version))
        .filter(Column::Status.eq(CardStatus::Active.as_str()))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if updated == 0 {
        return Err(stale());
    }
    Ok(())
}

pub async fn set_delivery(
    tx: &TenantTx,
    card: &CardRecord,
    delivery: DeliveryStatus,
) -> InfraResult<CardRecord> {
    let updated = Entity::update_many()
        .col_expr(Column::Delivery, Expr::value(delivery.as_str()))
        .col_expr(Column::DeliveryChangedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::value(card.version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(card.id))
        .filter(Column::Version.eq(card.version))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if updated == 0 {
        return Err(stale());
    }
    find(tx, card.id)
        .await?
        .ok_or(DomainError::NotFound { entity: "card" }.into())
}

/// Active cards by unit path and delivery status.
pub async fn counts_by_unit_path(
    tx: &TenantTx,
    under: Option<&str>,
) -> InfraResult<Vec<(Option<String>, String, i64)>> {
    let mut q = Entity::find()
        .select_only()
        .column(Column::UnitPath)
        .column(Column::Delivery)
        .column_as(Column::Id.count(), "n")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.eq(CardStatus::Active.as_str()));
    if let Some(prefix) = under {
        q = q.filter(Column::UnitPath.starts_with(prefix));
    }
    Ok(q.group_by(Column::UnitPath)
        .group_by(Column::Delivery)
        .into_tuple()
        .all(tx.conn())
        .await?)
}
