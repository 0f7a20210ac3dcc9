//! Each facility's oxygen sources.

use crate::db::{InfraResult, TenantTx};
use crate::entities::oxygen_source as src;
use arogya_domain::oxygen::sources::{Capacity, SourceForm};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

pub type SourceRecord = src::Model;

/// What a source comes to in Nm³, worked out by the caller with the tenant's factors.
pub struct Sized {
    pub storage_nm3: f64,
    pub output_nm3_per_hour: f64,
}

fn cylinder_type(c: &Capacity) -> Option<Uuid> {
    match c {
        Capacity::Cylinders { cylinder_type, .. } => Some(*cylinder_type),
        _ => None,
    }
}

fn capacity_json(c: &Capacity) -> InfraResult<serde_json::Value> {
    serde_json::to_value(c).map_err(|e| anyhow::anyhow!("writing a capacity: {e}").into())
}

pub fn capacity_of(r: &SourceRecord) -> InfraResult<Capacity> {
    serde_json::from_value(r.capacity.clone())
        .map_err(|e| anyhow::anyhow!("reading source {}'s capacity: {e}", r.id).into())
}

pub async fn insert(
    tx: &TenantTx,
    facility: Uuid,
    f: &SourceForm,
    size: Sized,
) -> InfraResult<SourceRecord> {
    let now = Utc::now();
    Ok(src::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(facility),
        kind: Set(f.capacity.kind().as_str().to_owned()),
        name: Set(f.name.clone()),
        capacity: Set(capacity_json(&f.capacity)?),
        cylinder_type_id: Set(cylinder_type(&f.capacity)),
        storage_nm3: Set(size.storage_nm3),
        output_nm3_per_hour: Set(size.output_nm3_per_hour),
        beds_fed: Set(f.beds_fed),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx.conn())
    .await?)
}

/// Change a source if it is still at `expected` version; `CONFLICT` otherwise.
pub async fn update(
    tx: &TenantTx,
    id: Uuid,
    expected: i32,
    f: &SourceForm,
    size: Sized,
    active: bool,
) -> InfraResult<()> {
    let done = src::Entity::update_many()
        .col_expr(src::Column::Kind, Expr::value(f.capacity.kind().as_str()))
        .col_expr(src::Column::Name, Expr::value(f.name.clone()))
        .col_expr(
            src::Column::Capacity,
            Expr::value(capacity_json(&f.capacity)?),
        )
        .col_expr(
            src::Column::CylinderTypeId,
            Expr::value(cylinder_type(&f.capacity)),
        )
        .col_expr(src::Column::StorageNm3, Expr::value(size.storage_nm3))
        .col_expr(
            src::Column::OutputNm3PerHour,
            Expr::value(size.output_nm3_per_hour),
        )
        .col_expr(src::Column::BedsFed, Expr::value(f.beds_fed))
        .col_expr(src::Column::Active, Expr::value(active))
        .col_expr(src::Column::Version, Expr::col(src::Column::Version).add(1))
        .col_expr(src::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(src::Column::TenantId.eq(tx.tenant().0))
        .filter(src::Column::Id.eq(id))
        .filter(src::Column::Version.eq(expected))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict(
            "the source was changed by someone else meanwhile; reload it and try again",
        )
        .into());
    }
    Ok(())
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<SourceRecord>> {
    Ok(src::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Sources of some facilities (active ones unless `all`), by facility and name.
pub async fn of_facilities(
    tx: &TenantTx,
    facilities: &[Uuid],
    all: bool,
) -> InfraResult<Vec<SourceRecord>> {
    let mut q = src::Entity::find()
        .filter(src::Column::TenantId.eq(tx.tenant().0))
        .filter(src::Column::FacilityId.is_in(facilities.iter().copied()));
    if !all {
        q = q.filter(src::Column::Active.eq(true));
    }
    Ok(q.order_by_asc(src::Column::FacilityId)
        .order_by_asc(src::Column::Name)
        .all(tx.conn())
        .await?)
}

/// Every active source of the tenant (for the dashboard's capacities).
pub async fn all_active(tx: &TenantTx) -> InfraResult<Vec<SourceRecord>> {
    Ok(src::Entity::find()
        .filter(src::Column::TenantId.eq(tx.tenant().0))
        .filter(src::Column::Active.eq(true))
        .all(tx.conn())
        .await?)
}

/// Facilities with an active source: id, unit path and district (a light read, for
/// scoping roll-ups by reach and unit).
pub async fn reporting_facilities(
    tx: &TenantTx,
    within: Option<Uuid>,
) -> InfraResult<Vec<(Uuid, String, Option<Uuid>)>> {
    let mut sql = String::from(
        "SELECT DISTINCT f.id AS id, f.unit_path AS unit_path, f.district_id AS district_id
         FROM oxygen_sources s
         JOIN facilities f ON f.tenant_id = s.tenant_id AND f.id = s.facility_id
         WHERE s.tenant_id = $1 AND s.active",
    );
    let mut values: Vec<sea_orm::Value> = vec![tx.tenant().0.into()];
    if let Some(unit) = within {
        // A unit's facilities have its id in their path.
        sql.push_str(" AND f.unit_path LIKE $2");
        values.push(format!("%/{unit}/%").into());
    }
    let rows = tx
        .conn()
        .query_all_raw(crate::repos::inpatient::statement(tx, &sql, values))
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<Uuid>("", "id")?,
                r.try_get::<String>("", "unit_path")?,
                r.try_get::<Option<Uuid>>("", "district_id")?,
            ))
        })
        .collect()
}
