//! Condition entries: appended, never changed.

use crate::db::{InfraResult, TenantTx};
use crate::entities::condition_entry;
use arogya_domain::inpatient::condition::ConditionEntry;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type ConditionRecord = condition_entry::Model;

pub async fn insert(
    tx: &TenantTx,
    admission: Uuid,
    e: &ConditionEntry,
    by: Uuid,
    at: DateTime<Utc>,
    vitals_entry: Option<Uuid>,
) -> InfraResult<ConditionRecord> {
    let observations = e.observations.map(|o| {
        let mut v = serde_json::json!({
            "respiratoryRate": o.respiratory_rate,
            "spo2": o.spo2,
            "systolicBp": o.systolic_bp,
            "pulse": o.pulse,
            "temperatureC": o.temperature_c,
        });
        if let Some(d) = o.diastolic_bp {
            v["diastolicBp"] = d.into();
        }
        if let Some(entry) = vitals_entry {
            v["vitalsEntryId"] = entry.to_string().into();
        }
        v
    });
    Ok(condition_entry::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(admission),
        category: Set(e.category.as_str().to_owned()),
        life_support: Set(e.life_support.as_str().to_owned()),
        consciousness: Set(e.consciousness.as_str().to_owned()),
        remark: Set(e.remark.clone()),
        observations: Set(observations),
        news2: Set(e.news2.map(|s| s.total)),
        news2_risk: Set(e.news2.map(|s| s.risk.as_str().to_owned())),
        recorded_by: Set(by),
        recorded_at: Set(at),
    }
    .insert(tx.conn())
    .await?)
}

/// An admission's condition history, the latest first.
pub async fn history(tx: &TenantTx, admission: Uuid) -> InfraResult<Vec<ConditionRecord>> {
    Ok(condition_entry::Entity::find()
        .filter(condition_entry::Column::TenantId.eq(tx.tenant().0))
        .filter(condition_entry::Column::AdmissionId.eq(admission))
        .order_by_desc(condition_entry::Column::RecordedAt)
        .all(tx.conn())
        .await?)
}

/// Condition entries of many admissions, in time order.
pub async fn of_admissions(
    tx: &TenantTx,
    admissions: &[Uuid],
) -> InfraResult<Vec<ConditionRecord>> {
    Ok(condition_entry::Entity::find()
        .filter(condition_entry::Column::TenantId.eq(tx.tenant().0))
        .filter(condition_entry::Column::AdmissionId.is_in(admissions.iter().copied()))
        .order_by_asc(condition_entry::Column::RecordedAt)
        .all(tx.conn())
        .await?)
}
