//! Each facility's days in oxygen, a roll-up of its current readings written in the
//! reading's transaction: the day of a reading entered or corrected and every day up
//! to the next reading's (whose first interval now starts elsewhere) are worked out
//! again from the readings.

use crate::db::{Backend, InfraResult, TenantTx};
use crate::entities::oxygen_entry as e;
use crate::entities::oxygen_facility_day as d;
use arogya_domain::appointment::ist_midnight;
use arogya_domain::oxygen::balance::Point;
use arogya_domain::oxygen::days::{facility_days, FacilityDay};
use chrono::{Duration, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use uuid::Uuid;

use super::entries::{points_between, PointRow};

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
    let before = e::Entity::find()
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
        .filter(e::Column::FacilityId.eq(facility))
        .filter(e::Column::SupersededAt.is_null())
        .filter(e::Column::ReadingAt.lt(start))
        .order_by_desc(e::Column::ReadingAt)
        .limit(1)
        .into_model::<PointRow>()
        .one(tx.conn())
        .await?;
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

/// Some facilities' days in `from..=to`, by facility and day.
pub async fn between(
    tx: &TenantTx,
    facilities: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<(Uuid, FacilityDay)>> {
    let rows = d::Entity::find()
        .filter(d::Column::TenantId.eq(tx.tenant().0))
        .filter(d::Column::FacilityId.is_in(facilities.iter().copied()))
        .filter(d::Column::Day.gte(from))
        .filter(d::Column::Day.lte(to))
        .order_by_asc(d::Column::FacilityId)
        .order_by_asc(d::Column::Day)
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.facility_id,
                FacilityDay {
                    day: r.day,
                    stock_nm3: r.stock_nm3,
                    usable_nm3: r.usable_nm3,
                    consumption_nm3: r.consumption_nm3,
                    received_nm3: r.received_nm3,
                    produced_nm3: r.produced_nm3,
                    hours: r.hours,
                },
            )
        })
        .collect())
}
