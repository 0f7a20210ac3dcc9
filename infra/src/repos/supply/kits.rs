//! Buffer-stock lists.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{supply_kit as k, supply_kit_line as l};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type KitRecord = k::Model;
pub type KitLineRecord = l::Model;

pub async fn insert(
    tx: &TenantTx,
    name: &str,
    note: Option<String>,
    lines: &[(String, Uuid, i64)],
) -> InfraResult<KitRecord> {
    let id = Uuid::now_v7();
    let kit = k::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        name: Set(name.into()),
        note: Set(note),
        version: Set(1),
        created_at: Set(Utc::now()),
    };
    let saved = match kit.insert(tx.conn()).await {
        Ok(x) => x,
        Err(e) if is_unique_violation(&e) => {
            return Err(DomainError::conflict(format!(
                "a buffer-stock list named {name} exists already"
            ))
            .into())
        }
        Err(e) => return Err(e.into()),
    };
    let rows = lines.iter().map(|(t, item, q)| l::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        kit_id: Set(id),
        facility_type: Set(t.clone()),
        item_id: Set(*item),
        quantity: Set(*q),
    });
    l::Entity::insert_many(rows).exec(tx.conn()).await?;
    Ok(saved)
}

pub async fn all(tx: &TenantTx) -> InfraResult<Vec<KitRecord>> {
    Ok(k::Entity::find()
        .filter(k::Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(k::Column::Name)
        .all(tx.conn())
        .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<KitRecord>> {
    Ok(k::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn lines_of(tx: &TenantTx, kits: &[Uuid]) -> InfraResult<Vec<KitLineRecord>> {
    if kits.is_empty() {
        return Ok(Vec::new());
    }
    Ok(l::Entity::find()
        .filter(l::Column::TenantId.eq(tx.tenant().0))
        .filter(l::Column::KitId.is_in(kits.iter().copied()))
        .all(tx.conn())
        .await?)
}
