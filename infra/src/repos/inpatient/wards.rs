//! Wards and beds.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{bed, ward};
use arogya_domain::inpatient::beds::{BedType, Housekeeping};
use arogya_domain::inpatient::wards::Ward;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type WardRecord = ward::Model;
pub type BedRecord = bed::Model;

pub async fn insert_ward(tx: &TenantTx, facility: Uuid, w: &Ward) -> InfraResult<WardRecord> {
    ward::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(facility),
        name: Set(w.name.clone()),
        department: Set(w.department.as_str().to_owned()),
        floor: Set(w.floor.clone()),
        phone: Set(w.phone.clone()),
        version: Set(1),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("this facility already has a ward of that name").into()
        } else {
            e.into()
        }
    })
}

pub async fn find_ward(tx: &TenantTx, id: Uuid) -> InfraResult<Option<WardRecord>> {
    Ok(ward::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn find_wards(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<WardRecord>> {
    Ok(ward::Entity::find()
        .filter(ward::Column::TenantId.eq(tx.tenant().0))
        .filter(ward::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn wards_of(tx: &TenantTx, facility: Uuid) -> InfraResult<Vec<WardRecord>> {
    Ok(ward::Entity::find()
        .filter(ward::Column::TenantId.eq(tx.tenant().0))
        .filter(ward::Column::FacilityId.eq(facility))
        .order_by_asc(ward::Column::Name)
        .all(tx.conn())
        .await?)
}

pub async fn insert_bed(
    tx: &TenantTx,
    ward: &WardRecord,
    label: &str,
    bed_type: BedType,
) -> InfraResult<BedRecord> {
    let now = Utc::now();
    bed::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(ward.facility_id),
        ward_id: Set(ward.id),
        label: Set(label.to_owned()),
        bed_type: Set(bed_type.as_str().to_owned()),
        housekeeping: Set(Housekeeping::Ready.as_str().to_owned()),
        reason: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict(format!("the ward already has a bed labelled {label}")).into()
        } else {
            e.into()
        }
    })
}

pub async fn find_bed(tx: &TenantTx, id: Uuid) -> InfraResult<Option<BedRecord>> {
    Ok(bed::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn find_beds(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<BedRecord>> {
    Ok(bed::Entity::find()
        .filter(bed::Column::TenantId.eq(tx.tenant().0))
        .filter(bed::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn beds_of_wards(tx: &TenantTx, wards: &[Uuid]) -> InfraResult<Vec<BedRecord>> {
    Ok(bed::Entity::find()
        .filter(bed::Column::TenantId.eq(tx.tenant().0))
        .filter(bed::Column::WardId.is_in(wards.iter().copied()))
        .order_by_asc(bed::Column::Label)
        .all(tx.conn())
        .await?)
}

/// Set a bed's housekeeping state if it is still at `expected_version`.
pub async fn set_housekeeping(
    tx: &TenantTx,
    bed: Uuid,
    expected_version: i32,
    to: Housekeeping,
    reason: Option<String>,
) -> InfraResult<Option<BedRecord>> {
    let done = bed::Entity::update_many()
        .col_expr(bed::Column::Housekeeping, Expr::value(to.as_str()))
        .col_expr(bed::Column::Reason, Expr::value(reason))
        .col_expr(bed::Column::Version, Expr::value(expected_version + 1))
        .col_expr(bed::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(bed::Column::TenantId.eq(tx.tenant().0))
        .filter(bed::Column::Id.eq(bed))
        .filter(bed::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Ok(None);
    }
    find_bed(tx, bed).await
}

/// Mark a bed for cleaning after its patient left (whatever its version).
pub async fn needs_cleaning(tx: &TenantTx, bed: Uuid) -> InfraResult<()> {
    bed::Entity::update_many()
        .col_expr(
            bed::Column::Housekeeping,
            Expr::value(Housekeeping::Cleaning.as_str()),
        )
        .col_expr(bed::Column::Reason, Expr::value(Option::<String>::None))
        .col_expr(bed::Column::Version, Expr::col(bed::Column::Version).add(1))
        .col_expr(bed::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(bed::Column::TenantId.eq(tx.tenant().0))
        .filter(bed::Column::Id.eq(bed))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Wards of many facilities (`None`: the whole tenant), by facility and name.
pub async fn wards_of_facilities(
    tx: &TenantTx,
    facilities: Option<&[Uuid]>,
    limit: Option<u64>,
) -> InfraResult<Vec<WardRecord>> {
    use sea_orm::QuerySelect;
    let mut q = ward::Entity::find().filter(ward::Column::TenantId.eq(tx.tenant().0));
    if let Some(ids) = facilities {
        q = q.filter(ward::Column::FacilityId.is_in(ids.iter().copied()));
    }
    Ok(q.order_by_asc(ward::Column::FacilityId)
        .order_by_asc(ward::Column::Name)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// A tenant's inpatient rules, if it set its own.
pub async fn settings(
    tx: &TenantTx,
) -> InfraResult<Option<crate::entities::inpatient_settings::Model>> {
    Ok(
        crate::entities::inpatient_settings::Entity::find_by_id(tx.tenant().0)
            .one(tx.conn())
            .await?,
    )
}

/// Set a tenant's inpatient rules (a new row or a new version of it).
pub async fn save_settings(
    tx: &TenantTx,
    (critical_care, critical, others, death_hours): (i16, i16, i16, i16),
) -> InfraResult<crate::entities::inpatient_settings::Model> {
    use crate::entities::inpatient_settings::{ActiveModel, Entity};
    let version = settings(tx).await?.map(|s| s.version + 1);
    let m = ActiveModel {
        tenant_id: Set(tx.tenant().0),
        critical_care_per_day: Set(critical_care),
        critical_per_day: Set(critical),
        others_per_day: Set(others),
        death_entry_hours: Set(death_hours),
        version: Set(version.unwrap_or(1)),
        updated_at: Set(Utc::now()),
    };
    if version.is_some() {
        Ok(m.update(tx.conn()).await?)
    } else {
        Entity::insert(m).exec_without_returning(tx.conn()).await?;
        settings(tx)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the settings just saved are missing").into())
    }
}
