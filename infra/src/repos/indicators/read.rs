//! Reading the roll-ups: a few rows per place and month.

use crate::db::{InfraResult, TenantTx};
use crate::entities::{facility, indicator_facility_day as d, indicator_unit_month as m};
use chrono::NaiveDate;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, QueryTrait};
use uuid::Uuid;

pub use super::rollup::month_of;

#[derive(Debug, Clone, FromQueryResult)]
pub struct UnitMonth {
    pub unit_id: Uuid,
    pub month: NaiveDate,
    pub measure: String,
    pub value: i64,
}

/// Counts of these units' months from `from` to `to` (first days of months), summed
/// over departments unless one is named.
pub async fn unit_months(
    tx: &TenantTx,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
    department: Option<&str>,
) -> InfraResult<Vec<UnitMonth>> {
    if units.is_empty() {
        return Ok(Vec::new());
    }
    Ok(m::Entity::find()
        .select_only()
        .columns([m::Column::UnitId, m::Column::Month, m::Column::Measure])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(m::Column::TenantId.eq(tx.tenant().0))
        .filter(m::Column::UnitId.is_in(units.iter().copied()))
        .filter(m::Column::Month.between(from, to))
        .apply_if(department, |q, dep| q.filter(m::Column::Department.eq(dep)))
        .group_by(m::Column::UnitId)
        .group_by(m::Column::Month)
        .group_by(m::Column::Measure)
        .into_model::<UnitMonth>()
        .all(tx.conn())
        .await?)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct DepartmentCount {
    pub department: String,
    pub measure: String,
    pub value: i64,
}

/// One unit's counts over the months, by department.
pub async fn unit_departments(
    tx: &TenantTx,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<DepartmentCount>> {
    if units.is_empty() {
        return Ok(Vec::new());
    }
    Ok(m::Entity::find()
        .select_only()
        .columns([m::Column::Department, m::Column::Measure])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(m::Column::TenantId.eq(tx.tenant().0))
        .filter(m::Column::UnitId.is_in(units.iter().copied()))
        .filter(m::Column::Month.between(from, to))
        .group_by(m::Column::Department)
        .group_by(m::Column::Measure)
        .into_model::<DepartmentCount>()
        .all(tx.conn())
        .await?)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct FacilityDay {
    pub facility_id: Uuid,
    pub day: NaiveDate,
    pub measure: String,
    pub department: String,
    pub value: i64,
}

/// These facilities' counts of the days from `from` to `to`, by department (summed
/// over age group and sex).
pub async fn facility_days(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<FacilityDay>> {
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    Ok(d::Entity::find()
        .select_only()
        .columns([
            d::Column::FacilityId,
            d::Column::Day,
            d::Column::Measure,
            d::Column::Department,
        ])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(d::Column::Day.between(from, to))
        .group_by(d::Column::FacilityId)
        .group_by(d::Column::Day)
        .group_by(d::Column::Measure)
        .group_by(d::Column::Department)
        .into_model::<FacilityDay>()
        .all(tx.conn())
        .await?)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct GroupCount {
    pub age_group: String,
    pub sex: String,
    pub measure: String,
    pub value: i64,
}

/// Counts by age group and sex of these facilities over the days from `from` to
/// `to`, of one department or all.
pub async fn by_age_and_sex(
    tx: &TenantTx,
    facilities: Option<&[Uuid]>,
    department: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<GroupCount>> {
    let Some(ids) = facilities.filter(|f| !f.is_empty()) else {
        return Ok(Vec::new());
    };
    Ok(d::Entity::find()
        .select_only()
        .columns([d::Column::AgeGroup, d::Column::Sex, d::Column::Measure])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(ids.iter().copied()))
        .filter(d::Column::Day.between(from, to))
        .apply_if(department, |q, dep| q.filter(d::Column::Department.eq(dep)))
        .group_by(d::Column::AgeGroup)
        .group_by(d::Column::Sex)
        .group_by(d::Column::Measure)
        .into_model::<GroupCount>()
        .all(tx.conn())
        .await?)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct FacilityBeds {
    pub id: Uuid,
    pub name: String,
    pub unit_path: String,
    pub beds: i64,
}

/// The facilities under a unit path (all of them without one), with their beds.
pub async fn facilities_with_beds(
    tx: &TenantTx,
    under_path: Option<&str>,
) -> InfraResult<Vec<FacilityBeds>> {
    use facility::Column as F;
    Ok(facility::Entity::find()
        .select_only()
        .columns([F::Id, F::Name, F::UnitPath])
        .column_as(
            Expr::cust("CAST(beds_general + beds_oxygen + beds_icu + beds_hdu + beds_ventilator + beds_isolation + beds_paediatric + beds_maternity AS BIGINT)"),
            "beds",
        )
        .filter(F::TenantId.eq(tx.tenant().0))
        .apply_if(under_path, |q, p| q.filter(F::UnitPath.starts_with(p)))
        .into_model::<FacilityBeds>()
        .all(tx.conn())
        .await?)
}

/// The beds of the facilities under a unit path (all without one), summed per unit
/// path: rows with a nil id and no name, for places whose parts are units.
pub async fn beds_by_unit_path(
    tx: &TenantTx,
    under_path: Option<&str>,
) -> InfraResult<Vec<FacilityBeds>> {
    use facility::Column as F;
    Ok(facility::Entity::find()
        .select_only()
        .column(F::UnitPath)
        .column_as(
            Expr::cust("CAST(SUM(beds_general + beds_oxygen + beds_icu + beds_hdu + beds_ventilator + beds_isolation + beds_paediatric + beds_maternity) AS BIGINT)"),
            "beds",
        )
        .filter(F::TenantId.eq(tx.tenant().0))
        .apply_if(under_path, |q, p| q.filter(F::UnitPath.starts_with(p)))
        .group_by(F::UnitPath)
        .into_tuple::<(String, i64)>()
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|(unit_path, beds)| FacilityBeds {
            id: Uuid::nil(),
            name: String::new(),
            unit_path,
            beds,
        })
        .collect())
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct FacilityTotal {
    pub facility_id: Uuid,
    pub measure: String,
    pub value: i64,
}

/// Each facility's counts of one department over the months from `from` to `to`
/// (first days of months; what a scorecard ranks), from the facility months.
pub async fn facility_totals(
    tx: &TenantTx,
    facilities: &[Uuid],
    department: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<FacilityTotal>> {
    use crate::entities::indicator_facility_month as fm;
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    Ok(fm::Entity::find()
        .select_only()
        .columns([fm::Column::FacilityId, fm::Column::Measure])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(fm::Column::TenantId.eq(tx.tenant().0))
        .filter(fm::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(fm::Column::Department.eq(department))
        .filter(fm::Column::Month.between(month_of(from), month_of(to)))
        .group_by(fm::Column::FacilityId)
        .group_by(fm::Column::Measure)
        .into_model::<FacilityTotal>()
        .all(tx.conn())
        .await?)
}

#[derive(Debug, Clone, FromQueryResult)]
pub struct DayCount {
    pub day: NaiveDate,
    pub measure: String,
    pub value: i64,
}

/// These facilities' counts day by day from `from` to `to`, summed over them (and over
/// departments unless one is named).
pub async fn days_of(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
    department: Option<&str>,
) -> InfraResult<Vec<DayCount>> {
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    Ok(d::Entity::find()
        .select_only()
        .columns([d::Column::Day, d::Column::Measure])
        .column_as(Expr::cust("CAST(SUM(value) AS BIGINT)"), "value")
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(d::Column::Day.between(from, to))
        .apply_if(department, |q, dep| q.filter(d::Column::Department.eq(dep)))
        .group_by(d::Column::Day)
        .group_by(d::Column::Measure)
        .into_model::<DayCount>()
        .all(tx.conn())
        .await?)
}
