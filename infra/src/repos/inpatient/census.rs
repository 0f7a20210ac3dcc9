//! The stays a census counts, and the kept censuses and bed snapshots.

use super::statement;
use crate::db::{InfraResult, TenantTx};
use crate::entities::{bed_snapshot, ward_census};
use arogya_domain::inpatient::census::Census;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, Set, Value,
};
use uuid::Uuid;

pub type CensusRecord = ward_census::Model;

/// A bed assignment overlapping a period, with its ward, bed type and admission.
#[derive(Debug, FromQueryResult)]
pub struct StayRow {
    pub admission_id: Uuid,
    pub bed_id: Uuid,
    pub ward_id: Uuid,
    pub facility_id: Uuid,
    pub bed_type: String,
    pub start_at: DateTime<Utc>,
    pub end_at: Option<DateTime<Utc>>,
    pub first_bed: bool,
    pub discharged_at: Option<DateTime<Utc>>,
    pub outcome: Option<String>,
}

/// Every assignment (current or ended) overlapping `[from, to]`.
pub async fn stays_overlapping(
    tx: &TenantTx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<StayRow>> {
    let sql = "SELECT a.admission_id AS admission_id, a.bed_id AS bed_id, b.ward_id AS ward_id, b.facility_id AS facility_id, b.bed_type AS bed_type,
                      a.start_at AS start_at, a.end_at AS end_at,
                      NOT EXISTS (SELECT 1 FROM bed_assignments p
                                  WHERE p.tenant_id = a.tenant_id AND p.admission_id = a.admission_id
                                    AND p.status IN ('active', 'completed') AND p.start_at < a.start_at) AS first_bed,
                      ad.discharged_at AS discharged_at, ad.outcome AS outcome
               FROM bed_assignments a
               JOIN beds b ON b.tenant_id = a.tenant_id AND b.id = a.bed_id
               JOIN admissions ad ON ad.tenant_id = a.tenant_id AND ad.id = a.admission_id
               WHERE a.tenant_id = $1 AND a.status IN ('active', 'completed')
                 AND a.start_at <= $3 AND (a.end_at IS NULL OR a.end_at >= $2)";
    let values: Vec<Value> = vec![tx.tenant().0.into(), from.into(), to.into()];
    let rows = tx.conn().query_all_raw(statement(tx, sql, values)).await?;
    rows.iter()
        .map(|r| Ok(StayRow::from_query_result(r, "")?))
        .collect()
}

/// Keep a day's census of a ward (a recount replaces it).
pub async fn save_census(
    tx: &TenantTx,
    ward: Uuid,
    facility: Uuid,
    day: NaiveDate,
    c: &Census,
) -> InfraResult<()> {
    ward_census::Entity::delete_many()
        .filter(ward_census::Column::TenantId.eq(tx.tenant().0))
        .filter(ward_census::Column::WardId.eq(ward))
        .filter(ward_census::Column::Day.eq(day))
        .exec(tx.conn())
        .await?;
    ward_census::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        ward_id: Set(ward),
        day: Set(day),
        facility_id: Set(facility),
        opening: Set(c.opening as i32),
        admitted: Set(c.admitted as i32),
        transferred_in: Set(c.transferred_in as i32),
        transferred_out: Set(c.transferred_out as i32),
        discharged: Set(c.discharged as i32),
        died: Set(c.died as i32),
        closing: Set(c.closing as i32),
        counted_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

/// Keep a facility's end-of-day beds of one type (a recount replaces it).
pub async fn save_snapshot(
    tx: &TenantTx,
    facility: Uuid,
    day: NaiveDate,
    bed_type: &str,
    (total, occupied, out_of_service): (i64, i64, i64),
) -> InfraResult<()> {
    bed_snapshot::Entity::delete_many()
        .filter(bed_snapshot::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_snapshot::Column::FacilityId.eq(facility))
        .filter(bed_snapshot::Column::Day.eq(day))
        .filter(bed_snapshot::Column::BedType.eq(bed_type))
        .exec(tx.conn())
        .await?;
    bed_snapshot::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        facility_id: Set(facility),
        day: Set(day),
        bed_type: Set(bed_type.to_owned()),
        total: Set(total as i32),
        occupied: Set(occupied as i32),
        out_of_service: Set(out_of_service as i32),
        counted_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

/// Whether any census of `day` is kept.
pub async fn counted(tx: &TenantTx, day: NaiveDate) -> InfraResult<bool> {
    Ok(ward_census::Entity::find()
        .filter(ward_census::Column::TenantId.eq(tx.tenant().0))
        .filter(ward_census::Column::Day.eq(day))
        .one(tx.conn())
        .await?
        .is_some())
}

pub async fn of_ward(
    tx: &TenantTx,
    ward: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<CensusRecord>> {
    Ok(ward_census::Entity::find()
        .filter(ward_census::Column::TenantId.eq(tx.tenant().0))
        .filter(ward_census::Column::WardId.eq(ward))
        .filter(ward_census::Column::Day.gte(from))
        .filter(ward_census::Column::Day.lte(to))
        .order_by_asc(ward_census::Column::Day)
        .all(tx.conn())
        .await?)
}

/// ` AND …` narrowing to facilities (joined as `f`) whose unit path matches a pattern,
/// or to one facility by `facility_column`; the values are appended to `values`.
fn scope_filter(
    values: &mut Vec<Value>,
    patterns: &[String],
    facility: Option<Uuid>,
    facility_column: &str,
) -> String {
    let mut filter = String::new();
    if !patterns.is_empty() {
        let mut any = Vec::new();
        for p in patterns {
            values.push(p.clone().into());
            any.push(format!("f.unit_path LIKE ${}", values.len()));
        }
        filter.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    if let Some(f) = facility {
        values.push(f.into());
        filter.push_str(&format!(" AND {facility_column} = ${}", values.len()));
    }
    filter
}

/// Beds of one type on one day, summed over the facilities in scope.
#[derive(Debug, FromQueryResult)]
pub struct DayBeds {
    pub day: NaiveDate,
    pub bed_type: String,
    pub total: i64,
    pub occupied: i64,
    pub out_of_service: i64,
}

/// Daily bed snapshots summed by day and type, for facilities whose unit path
/// matches a pattern (none: the whole tenant), or one facility.
pub async fn daily_beds(
    tx: &TenantTx,
    patterns: &[String],
    facility: Option<Uuid>,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<DayBeds>> {
    let mut values: Vec<Value> = vec![tx.tenant().0.into(), from.into(), to.into()];
    let filter = scope_filter(&mut values, patterns, facility, "s.facility_id");
    let sql = format!(
        "SELECT s.day AS day, s.bed_type AS bed_type, SUM(s.total) AS total,
                SUM(s.occupied) AS occupied, SUM(s.out_of_service) AS out_of_service
         FROM bed_snapshots s
         JOIN facilities f ON f.tenant_id = s.tenant_id AND f.id = s.facility_id
         WHERE s.tenant_id = $1 AND s.day >= $2 AND s.day <= $3{filter}
         GROUP BY s.day, s.bed_type
         ORDER BY s.day, s.bed_type"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| Ok(DayBeds::from_query_result(r, "")?))
        .collect()
}

/// Admissions that ended in `[from, to)` in scope: (admitted, discharged).
pub async fn ended_stays(
    tx: &TenantTx,
    patterns: &[String],
    facility: Option<Uuid>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let mut values: Vec<Value> = vec![tx.tenant().0.into(), from.into(), to.into()];
    let filter = scope_filter(&mut values, patterns, facility, "a.facility_id");
    let sql = format!(
        "SELECT a.admitted_at AS admitted_at, a.discharged_at AS discharged_at
         FROM admissions a
         JOIN facilities f ON f.tenant_id = a.tenant_id AND f.id = a.facility_id
         WHERE a.tenant_id = $1 AND a.discharged_at >= $2 AND a.discharged_at < $3{filter}"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<DateTime<Utc>>("", "admitted_at")?,
                r.try_get::<DateTime<Utc>>("", "discharged_at")?,
            ))
        })
        .collect()
}

/// Every bed with its ward, facility, type and housekeeping (for the snapshot).
#[derive(Debug, FromQueryResult)]
pub struct BedRow {
    pub id: Uuid,
    pub ward_id: Uuid,
    pub facility_id: Uuid,
    pub bed_type: String,
    pub housekeeping: String,
}

pub async fn all_beds(tx: &TenantTx) -> InfraResult<Vec<BedRow>> {
    let sql =
        "SELECT id, ward_id, facility_id, bed_type, housekeeping FROM beds WHERE tenant_id = $1";
    let rows = tx
        .conn()
        .query_all_raw(statement(tx, sql, vec![tx.tenant().0.into()]))
        .await?;
    rows.iter()
        .map(|r| Ok(BedRow::from_query_result(r, "")?))
        .collect()
}

/// Sum a day's facility snapshots by district and keep them (a recount replaces them).
pub async fn save_district_snapshots(tx: &TenantTx, day: NaiveDate) -> InfraResult<()> {
    let tenant: Value = tx.tenant().0.into();
    tx.conn()
        .execute_raw(statement(
            tx,
            "DELETE FROM district_bed_snapshots WHERE tenant_id = $1 AND day = $2",
            vec![tenant.clone(), day.into()],
        ))
        .await?;
    tx.conn()
        .execute_raw(statement(
            tx,
            "INSERT INTO district_bed_snapshots (tenant_id, district_id, day, bed_type, total, occupied, out_of_service)
             SELECT s.tenant_id, f.district_id, s.day, s.bed_type, SUM(s.total), SUM(s.occupied), SUM(s.out_of_service)
             FROM bed_snapshots s
             JOIN facilities f ON f.tenant_id = s.tenant_id AND f.id = s.facility_id
             WHERE s.tenant_id = $1 AND s.day = $2 AND f.district_id IS NOT NULL
             GROUP BY s.tenant_id, f.district_id, s.day, s.bed_type",
            vec![tenant, day.into()],
        ))
        .await?;
    Ok(())
}

/// Daily beds summed by day and type over districts (`None`: all of the tenant's).
pub async fn district_daily_beds(
    tx: &TenantTx,
    districts: Option<&[Uuid]>,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<DayBeds>> {
    let mut values: Vec<Value> = vec![tx.tenant().0.into(), from.into(), to.into()];
    let mut filter = String::new();
    if let Some(ids) = districts {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut marks = Vec::new();
        for id in ids {
            values.push((*id).into());
            marks.push(format!("${}", values.len()));
        }
        filter = format!(" AND district_id IN ({})", marks.join(", "));
    }
    let sql = format!(
        "SELECT day, bed_type, CAST(SUM(total) AS BIGINT) AS total, CAST(SUM(occupied) AS BIGINT) AS occupied,
                CAST(SUM(out_of_service) AS BIGINT) AS out_of_service
         FROM district_bed_snapshots
         WHERE tenant_id = $1 AND day >= $2 AND day <= $3{filter}
         GROUP BY day, bed_type
         ORDER BY day, bed_type"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| Ok(DayBeds::from_query_result(r, "")?))
        .collect()
}
