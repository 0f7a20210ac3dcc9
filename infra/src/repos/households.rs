//! Households enrolled by surveys.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::household::{self, Column, Entity};
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::patient::household::HouseholdDetails;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

pub type HouseholdRecord = household::Model;

pub async fn insert(
    tx: &TenantTx,
    id: Uuid,
    details: &HouseholdDetails,
    unit_path: &str,
    enrolled_by: Uuid,
) -> InfraResult<HouseholdRecord> {
    let now = Utc::now();
    household::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id),
        unit_id: Set(details.unit.0),
        unit_path: Set(unit_path.to_owned()),
        address_line: Set(details.address_line.clone()),
        latitude: Set(details.geo.map(|g| g.latitude)),
        longitude: Set(details.geo.map(|g| g.longitude)),
        head_patient_id: Set(None),
        enrolled_by: Set(enrolled_by),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(tx.conn())
    .await
    .map_err(|err| -> InfraError {
        if is_unique_violation(&err) {
            // Only a client-made id can collide: the same id sent again without its
            // idempotency key (with it, the first answer is replayed).
            DomainError::conflict("a household with this id exists already").into()
        } else {
            err.into()
        }
    })
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<HouseholdRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

pub async fn set_head(tx: &TenantTx, household: Uuid, head: Uuid) -> InfraResult<()> {
    Entity::update_many()
        .col_expr(Column::HeadPatientId, Expr::value(head))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(household))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Households, newest first, optionally only those one surveyor enrolled.
pub async fn list(
    tx: &TenantTx,
    enrolled_by: Option<Uuid>,
    page: PageRequest,
) -> InfraResult<Page<HouseholdRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(u) = enrolled_by {
        q = q.filter(Column::EnrolledBy.eq(u));
    }
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

/// Households by unit path.
pub async fn counts_by_unit_path(
    tx: &TenantTx,
    under: Option<&str>,
) -> InfraResult<Vec<(String, i64)>> {
    let mut q = Entity::find()
        .select_only()
        .column(Column::UnitPath)
        .column_as(Column::Id.count(), "n")
        .filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(prefix) = under {
        q = q.filter(Column::UnitPath.starts_with(prefix));
    }
    Ok(q.group_by(Column::UnitPath)
        .into_tuple()
        .all(tx.conn())
        .await?)
}
