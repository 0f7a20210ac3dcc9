//! Each facility's days in oxygen, a roll-up of its current readings written in the
//! reading's transaction: the day of a reading entered or corrected and every day up
//! to the next reading's (whose first interval now starts elsewhere) are worked out
//! again from the readings.

use crate::db::{Backend, InfraResult, TenantTx};
use crate::entities::oxygen_facility_day as d;
use arogya_domain::appointment::ist_midnight;
use arogya_domain::oxygen::balance::Point;
use arogya_domain::oxygen::days::facility_days;
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, Statement};
use uuid::Uuid;

use super::entries::{point_before, points_between, PointRow};

pub type DayRecord = d::Model;

impl From<&PointRow> for Point {
    fn from(r: &PointRow) -> Self {
        Point {
            at: r.reading_at,
            held: r.held_nm3,
            usable: r.usable_nm3,
            received: r.received_nm3,
            produced: r.produced_nm3,
            estimated: r.estimated,
        }
    }
}

/// Hold the facility's register until the transaction ends, so two readings of one
/// facility entered at the same moment are checked against each other and roll up in
/// turn (SQLite has one writer at a time already).
pub async fn lock_facility(tx: &TenantTx, facility: Uuid) -> InfraResult<()> {
    if tx.backend() == Backend::Postgres {
        tx.conn()
            .execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT 1 FROM facilities WHERE tenant_id = $1 AND id = $2 FOR NO KEY UPDATE",
                [tx.tenant().0.into(), facility.into()],
            ))
            .await?;
    }
    Ok(())
}

/// Work out the facility's days `first..=last` again from its current readings.
pub async fn refresh(
    tx: &TenantTx,
    facility: Uuid,
    first: NaiveDate,
    last: NaiveDate,
) -> InfraResult<()> {
    let start = ist_midnight(first);
    let before = point_before(tx, facility, start).await?;
    let end = ist_midnight(last + Duration::days(1)) - Duration::microseconds(1);
    let points: Vec<Point> = points_between(tx, &[facility], start, end)
        .await?
        .iter()
        .map(Point::from)
        .collect();
    let days = facility_days(before.as_ref().map(Point::from).as_ref(), &points);
    d::Entity::delete_many()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.eq(facility))
        .filter(d::Column::Day.gte(first))
        .filter(d::Column::Day.lte(last))
        .exec(tx.conn())
        .await?;
    if days.is_empty() {
        return Ok(());
    }
    d::Entity::insert_many(days.iter().map(|x| d::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        facility_id: Set(facility),
        day: Set(x.day),
        stock_nm3: Set(x.stock_nm3),
        usable_nm3: Set(x.usable_nm3),
        consumption_nm3: Set(x.consumption_nm3),
        received_nm3: Set(x.received_nm3),
        produced_nm3: Set(x.produced_nm3),
        hours: Set(x.hours),
    }))
    .exec(tx.conn())
    .await?;
    Ok(())
}

/// What some facilities' days add up to, per day and district.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictDay {
    pub day: NaiveDate,
    pub district_id: Option<Uuid>,
    /// Facilities with a reading that day.
    pub reported: i64,
    pub stock_nm3: f64,
    pub usable_nm3: f64,
    pub consumption_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    /// Facilities whose usable stock at the day's end would last less than their
    /// district's warning hours at that day's drain (`FacilityDay::at_risk`).
    pub at_risk: i64,
}

/// Warning hours: the tenant's, and the districts' that set their own.
pub struct Warning<'a> {
    pub default_hours: f64,
    pub districts: &'a [(Uuid, f64)],
}

/// Sum `facilities`' days in `from..=to` by day and district, in the database: a
/// district's 90 days come back as 90 rows, not 9,000.
pub async fn sums(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
    warning: &Warning<'_>,
) -> InfraResult<Vec<DistrictDay>> {
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    let mut values: Vec<sea_orm::Value> = vec![tx.tenant().0.into(), from.into(), to.into()];
    let mut param = |v: sea_orm::Value| {
        values.push(v);
        format!("${}", values.len())
    };
    // The district's own warning hours where it set them.
    let mut hours = String::new();
    for (district, h) in warning.districts {
        let d = param((*district).into());
        let h = param((*h).into());
        hours.push_str(&format!(" WHEN f.district_id = {d} THEN {h}"));
    }
    let default = param(warning.default_hours.into());
    let hours = if hours.is_empty() {
        default
    } else {
        format!("CASE{hours} ELSE {default} END")
    };
    let ids: Vec<String> = facilities.iter().map(|f| param((*f).into())).collect();
    // usable / (drain / hours) < warning, without dividing: drain and hours are > 0.
    let sql = format!(
        "SELECT d.day AS day, f.district_id AS district_id, COUNT(*) AS reported,
                SUM(d.stock_nm3) AS stock_nm3, SUM(d.usable_nm3) AS usable_nm3,
                SUM(d.consumption_nm3) AS consumption_nm3, SUM(d.received_nm3) AS received_nm3,
                SUM(d.produced_nm3) AS produced_nm3,
                SUM(CASE WHEN d.hours > 0 AND d.consumption_nm3 - d.produced_nm3 > 0
                          AND d.usable_nm3 * d.hours < (d.consumption_nm3 - d.produced_nm3) * ({hours})
                         THEN 1 ELSE 0 END) AS at_risk
         FROM oxygen_facility_days d
         JOIN facilities f ON f.tenant_id = d.tenant_id AND f.id = d.facility_id
         WHERE d.tenant_id = $1 AND d.day >= $2 AND d.day <= $3 AND d.facility_id IN ({})
         GROUP BY d.day, f.district_id",
        ids.join(", ")
    );
    let rows = tx
        .conn()
        .query_all_raw(crate::repos::inpatient::statement(tx, &sql, values))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(DistrictDay {
                day: r.try_get("", "day")?,
                district_id: r.try_get("", "district_id")?,
                reported: r.try_get("", "reported")?,
                stock_nm3: r.try_get("", "stock_nm3")?,
                usable_nm3: r.try_get("", "usable_nm3")?,
                consumption_nm3: r.try_get("", "consumption_nm3")?,
                received_nm3: r.try_get("", "received_nm3")?,
                produced_nm3: r.try_get("", "produced_nm3")?,
                at_risk: r.try_get("", "at_risk")?,
            })
        })
        .collect()
}
