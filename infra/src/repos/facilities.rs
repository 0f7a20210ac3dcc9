//! Health facilities of one tenant.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::facility::{self, Column, Entity};
use crate::repos::units::UnitRecord;
use arogya_domain::access::UnitReach;
use arogya_domain::facility::{FacilityDetails, FacilityType, OperationalStatus, Ownership};
use arogya_domain::ids::{FacilityId, UnitId};
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, QueryTrait, Set,
};
use uuid::Uuid;

pub type FacilityRecord = facility::Model;

/// All of a facility's beds, every type summed (as `indicators::read` sums them in SQL).
pub fn total_beds(f: &FacilityRecord) -> i64 {
    [
        f.beds_general,
        f.beds_oxygen,
        f.beds_icu,
        f.beds_hdu,
        f.beds_ventilator,
        f.beds_isolation,
        f.beds_paediatric,
        f.beds_maternity,
    ]
    .iter()
    .map(|n| *n as i64)
    .sum()
}

/// Where a facility lies: its unit, and the district that unit belongs to.
pub struct Placement<'a> {
    pub unit: &'a UnitRecord,
    pub district: Option<UnitId>,
}

fn to_active(
    tenant: Uuid,
    id: Uuid,
    d: &FacilityDetails,
    at: &Placement<'_>,
    now: DateTime<Utc>,
) -> facility::ActiveModel {
    facility::ActiveModel {
        tenant_id: Set(tenant),
        id: Set(id),
        name: Set(d.name.clone()),
        name_key: Set(d.name.to_lowercase()),
        facility_type: Set(d.facility_type.as_str().to_owned()),
        ownership: Set(d.ownership.as_str().to_owned()),
        ownership_subtype: Set(d.ownership_subtype.clone()),
        unit_id: Set(at.unit.id),
        unit_path: Set(at.unit.path.clone()),
        district_id: Set(at.district.map(|u| u.0)),
        address: Set(d.address.clone()),
        pincode: Set(d.pincode.clone()),
        latitude: Set(d.location.map(|l| l.latitude)),
        longitude: Set(d.location.map(|l| l.longitude)),
        phone: Set(d.phone.as_ref().map(|p| p.as_str().to_owned())),
        email: Set(d.email.as_ref().map(|e| e.as_str().to_owned())),
        systems_of_medicine: Set(serde_json::json!(d
            .systems_of_medicine
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>())),
        specialities: Set(serde_json::json!(d.specialities)),
        operational_status: Set(d.operational_status.as_str().to_owned()),
        national_facility_id: Set(d
            .national_facility_id
            .as_ref()
            .map(|n| n.as_str().to_owned())),
        beds_general: Set(d.beds.general),
        beds_oxygen: Set(d.beds.oxygen_supported),
        beds_icu: Set(d.beds.icu),
        beds_hdu: Set(d.beds.hdu),
        beds_ventilator: Set(d.beds.ventilator),
        beds_isolation: Set(d.beds.isolation),
        beds_paediatric: Set(d.beds.paediatric),
        beds_maternity: Set(d.beds.maternity),
        emr_adopted: Set(d.emr.adopted),
        emr_adopted_on: Set(d.emr.adopted_on),
        emr_checklist: Set(checklist_json(&d.emr)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
}

fn national_id_conflict(e: DbErr) -> InfraError {
    if is_unique_violation(&e) {
        DomainError::validation(
            "nationalFacilityId",
            "another facility of this tenant has this national ID",
        )
        .into()
    } else {
        e.into()
    }
}

pub async fn insert(
    tx: &TenantTx,
    details: &FacilityDetails,
    at: &Placement<'_>,
) -> InfraResult<FacilityRecord> {
    to_active(tx.tenant().0, FacilityId::new().0, details, at, Utc::now())
        .insert(tx.conn())
        .await
        .map_err(national_id_conflict)
}

/// Replace a facility's details, if the caller saw its latest version.
pub async fn update(
    tx: &TenantTx,
    current: &FacilityRecord,
    expected_version: i32,
    details: &FacilityDetails,
    at: &Placement<'_>,
) -> InfraResult<FacilityRecord> {
    if current.version != expected_version {
        return Err(stale(current.version));
    }
    let mut model = to_active(tx.tenant().0, current.id, details, at, Utc::now());
    model.created_at = Set(current.created_at);
    model.version = Set(current.version + 1);
    let updated = Entity::update_many()
        .set(model)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await
        .map_err(national_id_conflict)?
        .rows_affected;
    if updated == 0 {
        return Err(stale(expected_version + 1));
    }
    find(tx, FacilityId(current.id))
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "facility" }.into())
}

/// Replace only a facility's EMR readiness (a bulk readiness file), over the version
/// read in the same transaction; the returned record is the new version.
pub async fn set_emr(
    tx: &TenantTx,
    current: &FacilityRecord,
    emr: &arogya_domain::facility::EmrReadiness,
) -> InfraResult<FacilityRecord> {
    let mut model: facility::ActiveModel = current.clone().into();
    model.emr_adopted = Set(emr.adopted);
    model.emr_adopted_on = Set(emr.adopted_on);
    model.emr_checklist = Set(checklist_json(emr));
    model.updated_at = Set(Utc::now());
    model.version = Set(current.version + 1);
    let updated = Entity::update_many()
        .set(model)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id))
        .filter(Column::Version.eq(current.version))
        .exec(tx.conn())
        .await?
        .rows_affected;
    if updated == 0 {
        return Err(stale(current.version + 1));
    }
    find(tx, FacilityId(current.id))
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "facility" }.into())
}

/// The checklist as stored: item → status.
fn checklist_json(emr: &arogya_domain::facility::EmrReadiness) -> serde_json::Value {
    serde_json::Value::Object(
        emr.checklist
            .iter()
            .map(|(item, status)| (item.as_str().to_owned(), status.as_str().into()))
            .collect(),
    )
}

fn stale(version: i32) -> InfraError {
    DomainError::conflict(format!(
        "the facility was changed by someone else (now at version {version} or later); reload and try again"
    ))
    .into()
}

pub async fn find(tx: &TenantTx, id: FacilityId) -> InfraResult<Option<FacilityRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id.0))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<FacilityRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Facilities by national facility ID (imports refer to them that way).
pub async fn find_by_national_ids(
    tx: &TenantTx,
    ids: &[String],
) -> InfraResult<Vec<FacilityRecord>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            Entity::find()
                .filter(Column::TenantId.eq(tx.tenant().0))
                .filter(Column::NationalFacilityId.is_in(chunk.iter().cloned()))
                .all(tx.conn())
                .await?,
        );
    }
    Ok(out)
}

#[derive(Debug, Clone)]
pub struct FacilityFilter {
    pub types: Vec<FacilityType>,
    pub ownership: Option<Ownership>,
    /// Only facilities in this unit or under it.
    pub under: Option<UnitRecord>,
    pub status: Option<OperationalStatus>,
    /// Words of the name, case-insensitive.
    pub search: Option<String>,
    /// What the caller may see.
    pub reach: UnitReach,
}

pub(crate) fn reach_condition(reach: &UnitReach) -> Option<Condition> {
    match reach {
        UnitReach::Whole => None,
        UnitReach::Subtrees(roots) => Some(roots.iter().fold(Condition::any(), |c, r| {
            c.add(Column::UnitPath.contains(format!("/{r}/")))
        })),
    }
}

/// Newest first.
pub async fn list(
    tx: &TenantTx,
    filter: &FacilityFilter,
    page: PageRequest,
) -> InfraResult<Page<FacilityRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if !filter.types.is_empty() {
        q = q.filter(Column::FacilityType.is_in(filter.types.iter().map(|t| t.as_str())));
    }
    if let Some(o) = filter.ownership {
        q = q.filter(Column::Ownership.eq(o.as_str()));
    }
    if let Some(u) = &filter.under {
        q = q.filter(Column::UnitPath.starts_with(u.path.as_str()));
    }
    if let Some(s) = filter.status {
        q = q.filter(Column::OperationalStatus.eq(s.as_str()));
    }
    if let Some(text) = &filter.search {
        for word in text.to_lowercase().split_whitespace().take(8) {
            q = q.filter(super::contains_literally(Column::NameKey, word));
        }
    }
    q = q.apply_if(reach_condition(&filter.reach), |q, c| q.filter(c));
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

/// Facilities per (district, type) within reach. Facilities placed at the state level
/// have no district.
pub async fn counts_by_district(
    tx: &TenantTx,
    reach: &UnitReach,
) -> InfraResult<Vec<(Option<Uuid>, String, i64)>> {
    let q = Entity::find()
        .select_only()
        .column(Column::DistrictId)
        .column(Column::FacilityType)
        .column_as(Expr::col(Column::Id).count(), "n")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .apply_if(reach_condition(reach), |q, c| q.filter(c))
        .group_by(Column::DistrictId)
        .group_by(Column::FacilityType);
    Ok(q.into_tuple::<(Option<Uuid>, String, i64)>()
        .all(tx.conn())
        .await?)
}

/// Operating facilities of `types` inside a latitude/longitude box (the location
/// index), at most `limit`; the caller ranks them by distance.
pub async fn in_box(
    tx: &TenantTx,
    b: &arogya_domain::dispatch::BoundingBox,
    types: &[FacilityType],
    limit: u64,
) -> InfraResult<Vec<FacilityRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Latitude.between(b.min_latitude, b.max_latitude))
        .filter(Column::Longitude.between(b.min_longitude, b.max_longitude))
        .filter(Column::OperationalStatus.eq(OperationalStatus::Operational.as_str()))
        .filter(Column::FacilityType.is_in(types.iter().map(|t| t.as_str())))
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Every facility's id and unit path (to check reach without a query per event).
pub async fn list_paths(tx: &TenantTx) -> InfraResult<Vec<(Uuid, String)>> {
    use sea_orm::QuerySelect;
    Ok(Entity::find()
        .select_only()
        .column(Column::Id)
        .column(Column::UnitPath)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// Each facility's district, unit path and declared ventilator beds (for counting
/// ventilators against them).
pub async fn ventilator_beds(tx: &TenantTx) -> InfraResult<Vec<(Uuid, Option<Uuid>, String, i32)>> {
    use sea_orm::QuerySelect;
    Ok(Entity::find()
        .select_only()
        .column(Column::Id)
        .column(Column::DistrictId)
        .column(Column::UnitPath)
        .column(Column::BedsVentilator)
        .filter(Column::TenantId.eq(tx.tenant().0))
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// Id, name and district of every facility of these types (the hospitals a scorecard
/// ranks), by the type index.
pub async fn of_types(
    tx: &TenantTx,
    types: &[String],
) -> InfraResult<Vec<(Uuid, String, Option<Uuid>)>> {
    if types.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .select_only()
        .columns([Column::Id, Column::Name, Column::DistrictId])
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::FacilityType.is_in(types.iter().map(String::as_str)))
        .into_tuple::<(Uuid, String, Option<Uuid>)>()
        .all(tx.conn())
        .await?)
}
