//! Dispensing records, and the prescriptions a pharmacy dispenses against.

use crate::db::{InfraResult, TenantTx};
use crate::entities::{clinical_entry as e, supply_dispense as d};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type DispenseRecord = d::Model;

pub struct NewDispense {
    pub id: Uuid,
    pub store_id: Uuid,
    pub patient_id: Option<Uuid>,
    pub prescription_id: Option<Uuid>,
    pub line: Option<i32>,
    pub prescribed: String,
    pub item_id: Option<Uuid>,
    pub quantity: i64,
    pub outcome: &'static str,
    pub reason: Option<String>,
    pub walk_in_name: Option<String>,
    pub witness_by: Option<Uuid>,
    pub at: DateTime<Utc>,
    pub by: Uuid,
}

pub async fn insert(tx: &TenantTx, n: NewDispense) -> InfraResult<DispenseRecord> {
    Ok(d::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(n.id),
        store_id: Set(n.store_id),
        patient_id: Set(n.patient_id),
        prescription_id: Set(n.prescription_id),
        line: Set(n.line),
        prescribed: Set(n.prescribed),
        item_id: Set(n.item_id),
        quantity: Set(n.quantity),
        outcome: Set(n.outcome.into()),
        reason: Set(n.reason),
        walk_in_name: Set(n.walk_in_name),
        witness_by: Set(n.witness_by),
        dispensed_at: Set(n.at),
        by: Set(n.by),
    }
    .insert(tx.conn())
    .await?)
}

/// What was dispensed against some prescriptions, oldest first.
pub async fn of_prescriptions(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<DispenseRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::PrescriptionId.is_in(ids.iter().copied()))
        .order_by_asc(d::Column::DispensedAt)
        .all(tx.conn())
        .await?)
}

pub async fn by_ids(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<DispenseRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// What some patients (a record and those merged into it) were given, oldest first.
pub async fn of_patients(tx: &TenantTx, patients: &[Uuid]) -> InfraResult<Vec<DispenseRecord>> {
    if patients.is_empty() {
        return Ok(Vec::new());
    }
    Ok(d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::PatientId.is_in(patients.iter().copied()))
        .order_by_asc(d::Column::DispensedAt)
        .limit(2000)
        .all(tx.conn())
        .await?)
}

/// A patient's current prescriptions written since `since`, newest first.
pub async fn prescriptions_of(
    tx: &TenantTx,
    patient: Uuid,
    since: DateTime<Utc>,
    limit: u64,
) -> InfraResult<Vec<e::Model>> {
    Ok(e::Entity::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::PatientId.eq(patient))
        .filter(e::Column::Kind.eq("prescription"))
        .filter(e::Column::Status.ne("entered_in_error"))
        .filter(e::Column::OccurredAt.gte(since))
        .order_by_desc(e::Column::OccurredAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}
