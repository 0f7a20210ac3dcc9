//! The daily register: versions of readings. A correction inserts the next version of
//! the series and marks the one it replaces superseded, in one transaction; the
//! partial unique indexes refuse a second current version of a series, or a second
//! current reading of a facility at the same time.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::oxygen_entry as e;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type EntryRecord = e::Model;

/// A version to insert.
pub struct NewEntry {
    pub series_id: Uuid,
    pub facility_id: Uuid,
    pub version: i32,
    pub reading_at: DateTime<Utc>,
    pub entered_at: DateTime<Utc>,
    pub entered_by: Uuid,
    pub late: bool,
    pub correction_reason: Option<String>,
    pub readings: serde_json::Value,
    pub held_nm3: f64,
    pub usable_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    pub estimated: bool,
    pub plant_fault: bool,
    pub patients: Option<serde_json::Value>,
    pub patients_from: &'static str,
}

pub async fn insert(tx: &TenantTx, n: NewEntry) -> InfraResult<EntryRecord> {
    e::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        series_id: Set(n.series_id),
        facility_id: Set(n.facility_id),
        version: Set(n.version),
        reading_at: Set(n.reading_at),
        entered_at: Set(n.entered_at),
        entered_by: Set(n.entered_by),
        late: Set(n.late),
        correction_reason: Set(n.correction_reason),
        superseded_at: Set(None),
        readings: Set(n.readings),
        held_nm3: Set(n.held_nm3),
        usable_nm3: Set(n.usable_nm3),
        received_nm3: Set(n.received_nm3),
        produced_nm3: Set(n.produced_nm3),
        estimated: Set(n.estimated),
        plant_fault: Set(n.plant_fault),
        patients: Set(n.patients),
        patients_from: Set(n.patients_from.to_owned()),
    }
    .insert(tx.conn())
    .await
    .map_err(|err| {
        if is_unique_violation(&err) {
            DomainError::conflict(
                "this facility already has a reading at that time, or the reading was corrected meanwhile; reload and correct the current one",
            )
            .into()
        } else {
            err.into()
        }
    })
}

/// Mark a version superseded, if it is still current and at `version`.
pub async fn supersede(
    tx: &TenantTx,
    series: Uuid,
    version: i32,
    at: DateTime<Utc>,
) -> InfraResult<bool> {
    let done = e::Entity::update_many()
        .col_expr(e::Column::SupersededAt, Expr::value(at))
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::SeriesId.eq(series))
        .filter(e::Column::Version.eq(version))
        .filter(e::Column::SupersededAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn current(tx: &TenantTx, series: Uuid) -> InfraResult<Option<EntryRecord>> {
    Ok(e::Entity::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::SeriesId.eq(series))
        .filter(e::Column::SupersededAt.is_null())
        .one(tx.conn())
        .await?)
}

/// Every version of a reading, the first first.
pub async fn versions(tx: &TenantTx, series: Uuid) -> InfraResult<Vec<EntryRecord>> {
    Ok(e::Entity::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::SeriesId.eq(series))
        .order_by_asc(e::Column::Version)
        .all(tx.conn())
        .await?)
}

/// The current readings just before and just after `at` (leaving `except` out).
pub async fn neighbours(
    tx: &TenantTx,
    facility: Uuid,
    at: DateTime<Utc>,
    except: Option<Uuid>,
) -> InfraResult<(Option<EntryRecord>, Option<EntryRecord>)> {
    let base = || {
        let mut q = e::Entity::find()
            .filter(e::Column::TenantId.eq(tx.tenant().0))
            .filter(e::Column::FacilityId.eq(facility))
            .filter(e::Column::SupersededAt.is_null());
        if let Some(s) = except {
            q = q.filter(e::Column::SeriesId.ne(s));
        }
        q
    };
    let prev = base()
        .filter(e::Column::ReadingAt.lt(at))
        .order_by_desc(e::Column::ReadingAt)
        .limit(1)
        .one(tx.conn())
        .await?;
    let next = base()
        .filter(e::Column::ReadingAt.gt(at))
        .order_by_asc(e::Column::ReadingAt)
        .limit(1)
        .one(tx.conn())
        .await?;
    Ok((prev, next))
}

/// Current readings of some facilities since `from` (and the one before it, so the
/// first interval has an opening), by facility and time.
pub async fn current_since(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<EntryRecord>> {
    Ok(e::Entity::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(e::Column::SupersededAt.is_null())
        .filter(e::Column::ReadingAt.gte(from))
        .filter(e::Column::ReadingAt.lte(to))
        .order_by_asc(e::Column::FacilityId)
        .order_by_asc(e::Column::ReadingAt)
        .all(tx.conn())
        .await?)
}

/// Each facility's latest current reading time (for those that have any).
pub async fn last_reading_times(
    tx: &TenantTx,
    facilities: &[Uuid],
) -> InfraResult<Vec<(Uuid, DateTime<Utc>)>> {
    Ok(e::Entity::find()
        .select_only()
        .column(e::Column::FacilityId)
        .column_as(e::Column::ReadingAt.max(), "last")
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(e::Column::SupersededAt.is_null())
        .group_by(e::Column::FacilityId)
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// A current reading's stock, without its details (for charts and roll-ups).
#[derive(Debug, Clone, Copy, sea_orm::FromQueryResult)]
pub struct PointRow {
    pub id: Uuid,
    pub facility_id: Uuid,
    pub reading_at: DateTime<Utc>,
    pub held_nm3: f64,
    pub usable_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    pub estimated: bool,
}

/// Current readings' stock columns only.
fn point_rows(tx: &TenantTx) -> sea_orm::Select<e::Entity> {
    e::Entity::find()
        .select_only()
        .column(e::Column::Id)
        .column(e::Column::FacilityId)
        .column(e::Column::ReadingAt)
        .column(e::Column::HeldNm3)
        .column(e::Column::UsableNm3)
        .column(e::Column::ReceivedNm3)
        .column(e::Column::ProducedNm3)
        .column(e::Column::Estimated)
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::SupersededAt.is_null())
}

/// The stock of current readings of some facilities in a time range, by facility and
/// time, found through the partial index of current readings.
pub async fn points_between(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<PointRow>> {
    Ok(point_rows(tx)
        .filter(e::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(e::Column::ReadingAt.gte(from))
        .filter(e::Column::ReadingAt.lte(to))
        .order_by_asc(e::Column::FacilityId)
        .order_by_asc(e::Column::ReadingAt)
        .into_model::<PointRow>()
        .all(tx.conn())
        .await?)
}

/// The stock of a facility's last current reading before `at`.
pub async fn point_before(
    tx: &TenantTx,
    facility: Uuid,
    at: DateTime<Utc>,
) -> InfraResult<Option<PointRow>> {
    Ok(point_rows(tx)
        .filter(e::Column::FacilityId.eq(facility))
        .filter(e::Column::ReadingAt.lt(at))
        .order_by_desc(e::Column::ReadingAt)
        .limit(1)
        .into_model::<PointRow>()
        .one(tx.conn())
        .await?)
}

/// Readings by id, whole (the last of each facility, after their stock came light).
pub async fn by_ids(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<EntryRecord>> {
    Ok(e::Entity::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}
