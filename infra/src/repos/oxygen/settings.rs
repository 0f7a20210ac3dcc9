//! A tenant's oxygen rules and its cylinder types.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{oxygen_cylinder_type as cyl, oxygen_settings};
use arogya_domain::oxygen::sources::CylinderType;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type SettingsRecord = oxygen_settings::Model;
pub type CylinderTypeRecord = cyl::Model;

pub async fn get(tx: &TenantTx) -> InfraResult<Option<SettingsRecord>> {
    Ok(oxygen_settings::Entity::find_by_id(tx.tenant().0)
        .one(tx.conn())
        .await?)
}

/// The values a tenant sets.
pub struct NewSettings {
    pub liquid_factor: String,
    pub norms: serde_json::Value,
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i16,
    pub escalate_after_hours: i32,
    pub district_thresholds: serde_json::Value,
}

/// Save the rules as a new version; `CONFLICT` when `expected` is not the current one
/// (0 when there are none yet).
pub async fn save(tx: &TenantTx, s: NewSettings, expected: i32) -> InfraResult<SettingsRecord> {
    let current = get(tx).await?;
    let version = current.as_ref().map(|c| c.version).unwrap_or(0);
    if version != expected {
        return Err(DomainError::conflict(
            "the oxygen rules were changed by someone else meanwhile; reload them and try again",
        )
        .into());
    }
    let m = oxygen_settings::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        liquid_factor: Set(s.liquid_factor),
        norms: Set(s.norms),
        warning_hours: Set(s.warning_hours),
        critical_hours: Set(s.critical_hours),
        deadline_hour: Set(s.deadline_hour),
        escalate_after_hours: Set(s.escalate_after_hours),
        district_thresholds: Set(Some(s.district_thresholds)),
        version: Set(version + 1),
        updated_at: Set(Utc::now()),
    };
    if current.is_some() {
        Ok(m.update(tx.conn()).await?)
    } else {
        oxygen_settings::Entity::insert(m)
            .exec_without_returning(tx.conn())
            .await?;
        get(tx)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the oxygen rules just saved are missing").into())
    }
}

pub async fn cylinder_types(tx: &TenantTx) -> InfraResult<Vec<CylinderTypeRecord>> {
    Ok(cyl::Entity::find()
        .filter(cyl::Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(cyl::Column::Code)
        .order_by_asc(cyl::Column::Supplier)
        .all(tx.conn())
        .await?)
}

pub async fn find_cylinder_type(
    tx: &TenantTx,
    id: Uuid,
) -> InfraResult<Option<CylinderTypeRecord>> {
    Ok(cyl::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn insert_cylinder_type(
    tx: &TenantTx,
    c: &CylinderType,
) -> InfraResult<CylinderTypeRecord> {
    cyl::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        code: Set(c.code.clone()),
        name: Set(c.name.clone()),
        gas_litres: Set(c.gas_litres),
        label_celsius: Set(c.label_celsius),
        supplier: Set(c.supplier.clone().unwrap_or_default()),
        nm3: Set(c.nm3_per_cylinder()),
        version: Set(1),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("a cylinder type of that code (and supplier) exists").into()
        } else {
            e.into()
        }
    })
}
