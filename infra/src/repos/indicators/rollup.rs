//! Adding differences to the roll-ups, on PostgreSQL and SQLite alike.

use crate::entities::{
    indicator_facility_day as d, indicator_facility_month as fm, indicator_unit_month as m,
};
use arogya_domain::dashboards::measures::CountKey;
use arogya_domain::unit::UnitPath;
use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a facility's counts go: its own rows, and the months of its unit and of every
/// unit over it.
pub struct Place {
    pub facility: Uuid,
    pub unit_path: String,
}

/// Rows one statement may carry (PostgreSQL allows 65,535 parameters; 8 per row).
const CHUNK: usize = 2000;

/// A facility's row of one day's count.
pub(super) fn day_row(tenant: Uuid, facility: Uuid, k: &CountKey, value: i64) -> d::ActiveModel {
    d::ActiveModel {
        tenant_id: Set(tenant),
        facility_id: Set(facility),
        day: Set(k.day),
        measure: Set(k.measure.to_owned()),
        department: Set(k.department.clone()),
        age_group: Set(k.age_group.clone()),
        sex: Set(k.sex.clone()),
        value: Set(value),
    }
}

pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Add `diffs` (keys unique) to the place's rows: its days, its months and the months
/// of every unit over it.
pub async fn apply(
    db: &impl ConnectionTrait,
    tenant: Uuid,
    place: &Place,
    diffs: &[(CountKey, i64)],
) -> Result<(), DbErr> {
    apply_with(db, tenant, place, diffs, true).await
}

/// As `apply`, leaving the facility's months alone unless `facility_months`.
pub async fn apply_with(
    db: &impl ConnectionTrait,
    tenant: Uuid,
    place: &Place,
    diffs: &[(CountKey, i64)],
    facility_months: bool,
) -> Result<(), DbErr> {
    if diffs.is_empty() {
        return Ok(());
    }
    for chunk in diffs.chunks(CHUNK) {
        let rows = chunk
            .iter()
            .map(|(k, v)| day_row(tenant, place.facility, k, *v));
        d::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    d::Column::TenantId,
                    d::Column::FacilityId,
                    d::Column::Day,
                    d::Column::Measure,
                    d::Column::Department,
                    d::Column::AgeGroup,
                    d::Column::Sex,
                ])
                .value(
                    d::Column::Value,
                    Expr::cust("indicator_facility_days.value + excluded.value"),
                )
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    // One row per unit, month, measure and department: a statement may not touch a
    // row twice, so the differences are summed first.
    let mut months: BTreeMap<(NaiveDate, &str, &str), i64> = BTreeMap::new();
    for (k, v) in diffs {
        *months
            .entry((month_of(k.day), k.measure, k.department.as_str()))
            .or_default() += v;
    }
    if facility_months {
        add_facility_months(db, tenant, place.facility, &months).await?;
    }
    let units = UnitPath::from_stored(place.unit_path.clone()).ids();
    let rows: Vec<m::ActiveModel> = units
        .iter()
        .flat_map(|u| {
            months
                .iter()
                .filter(|(_, v)| **v != 0)
                .map(move |((month, measure, department), v)| m::ActiveModel {
                    tenant_id: Set(tenant),
                    unit_id: Set(u.0),
                    month: Set(*month),
                    measure: Set((*measure).to_owned()),
                    department: Set((*department).to_owned()),
                    value: Set(*v),
                })
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        m::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    m::Column::TenantId,
                    m::Column::UnitId,
                    m::Column::Month,
                    m::Column::Measure,
                    m::Column::Department,
                ])
                .value(
                    m::Column::Value,
                    Expr::cust("indicator_unit_months.value + excluded.value"),
                )
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Add a facility's month differences (keys unique) to its months.
pub(super) async fn add_facility_months(
    db: &impl ConnectionTrait,
    tenant: Uuid,
    facility: Uuid,
    months: &BTreeMap<(NaiveDate, &str, &str), i64>,
) -> Result<(), DbErr> {
    let rows: Vec<fm::ActiveModel> = months
        .iter()
        .filter(|(_, v)| **v != 0)
        .map(|((month, measure, department), v)| fm::ActiveModel {
            tenant_id: Set(tenant),
            facility_id: Set(facility),
            department: Set((*department).to_owned()),
            month: Set(*month),
            measure: Set((*measure).to_owned()),
            value: Set(*v),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        fm::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    fm::Column::TenantId,
                    fm::Column::FacilityId,
                    fm::Column::Department,
                    fm::Column::Month,
                    fm::Column::Measure,
                ])
                .value(
                    fm::Column::Value,
                    Expr::cust("indicator_facility_months.value + excluded.value"),
                )
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
