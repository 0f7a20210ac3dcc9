//! The weekly counts: changed with every write of a case, in its transaction, in the
//! block's row (by age group and sex) and in the rows of every place over it.

use crate::db::{InfraResult, TenantTx};
use crate::entities::surveillance_place_count as p;
use crate::entities::surveillance_weekly_count::{self as w, Column, Entity};
use arogya_domain::surveillance::counts::{CountDelta, CountKey};
use arogya_domain::unit::UnitPath;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

/// Add `delta` to the counts at `key` (a row is made the first time).
pub async fn apply(
    tx: &TenantTx,
    key: &CountKey,
    unit_path: &str,
    delta: CountDelta,
) -> InfraResult<()> {
    let row = w::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        condition_id: Set(key.condition),
        unit_id: Set(key.unit),
        epi_week: Set(key.week.key()),
        age_group: Set(key.age_group.to_owned()),
        sex: Set(key.sex.to_owned()),
        unit_path: Set(unit_path.to_owned()),
        cases: Set(delta.cases),
        confirmed: Set(delta.confirmed),
        deaths: Set(delta.deaths),
    };
    // `excluded` is the row that was to be inserted, on PostgreSQL and SQLite alike.
    Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                Column::TenantId,
                Column::ConditionId,
                Column::UnitId,
                Column::EpiWeek,
                Column::AgeGroup,
                Column::Sex,
            ])
            .value(
                Column::Cases,
                Expr::cust("surveillance_weekly_counts.cases + excluded.cases"),
            )
            .value(
                Column::Confirmed,
                Expr::cust("surveillance_weekly_counts.confirmed + excluded.confirmed"),
            )
            .value(
                Column::Deaths,
                Expr::cust("surveillance_weekly_counts.deaths + excluded.deaths"),
            )
            .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
    apply_to_places(tx, key, unit_path, delta).await
}

/// The same difference in the rows of the block and every place over it, in one
/// statement.
async fn apply_to_places(
    tx: &TenantTx,
    key: &CountKey,
    unit_path: &str,
    delta: CountDelta,
) -> InfraResult<()> {
    let places = UnitPath::from_stored(unit_path.to_owned()).ids();
    if places.is_empty() {
        return Ok(());
    }
    let rows = places.into_iter().map(|u| p::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        condition_id: Set(key.condition),
        unit_id: Set(u.0),
        epi_week: Set(key.week.key()),
        cases: Set(delta.cases),
        confirmed: Set(delta.confirmed),
        deaths: Set(delta.deaths),
    });
    p::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                p::Column::TenantId,
                p::Column::ConditionId,
                p::Column::UnitId,
                p::Column::EpiWeek,
            ])
            .value(
                p::Column::Cases,
                Expr::cust("surveillance_place_counts.cases + excluded.cases"),
            )
            .value(
                p::Column::Confirmed,
                Expr::cust("surveillance_place_counts.confirmed + excluded.confirmed"),
            )
            .value(
                p::Column::Deaths,
                Expr::cust("surveillance_place_counts.deaths + excluded.deaths"),
            )
            .to_owned(),
        )
        .exec_without_returning(tx.conn())
        .await?;
    Ok(())
}

/// Counts of a week range in these places (each the sum of everything under it), per
/// condition, place and week.
#[derive(Debug, Clone, FromQueryResult)]
pub struct UnitWeek {
    pub condition_id: Uuid,
    pub unit_id: Uuid,
    pub epi_week: i32,
    pub cases: i64,
    pub confirmed: i64,
    pub deaths: i64,
}

pub async fn in_places(
    tx: &TenantTx,
    places: &[Uuid],
    condition: Option<Uuid>,
    from_week: i32,
    to_week: i32,
) -> InfraResult<Vec<UnitWeek>> {
    if places.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = p::Entity::find()
        .select_only()
        .column(p::Column::ConditionId)
        .column(p::Column::UnitId)
        .column(p::Column::EpiWeek)
        .column(p::Column::Cases)
        .column(p::Column::Confirmed)
        .column(p::Column::Deaths)
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::UnitId.is_in(places.iter().copied()))
        .filter(p::Column::EpiWeek.between(from_week, to_week));
    if let Some(c) = condition {
        q = q.filter(p::Column::ConditionId.eq(c));
    }
    Ok(q.into_model::<UnitWeek>().all(tx.conn()).await?)
}

/// Cases of a condition in a place (everything under it), per week, for the weeks
/// named (a baseline): the place's own roll-up rows, one per week.
pub async fn by_weeks(
    tx: &TenantTx,
    condition: Uuid,
    place: Uuid,
    weeks: &[i32],
) -> InfraResult<Vec<(i32, i64)>> {
    Ok(p::Entity::find()
        .select_only()
        .column(p::Column::EpiWeek)
        .column(p::Column::Cases)
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::ConditionId.eq(condition))
        .filter(p::Column::UnitId.eq(place))
        .filter(p::Column::EpiWeek.is_in(weeks.iter().copied()))
        .into_tuple::<(i32, i64)>()
        .all(tx.conn())
        .await?)
}

/// The first week with any count of the condition: weeks before it are no history.
pub async fn first_week(tx: &TenantTx, condition: Uuid) -> InfraResult<Option<i32>> {
    Ok(Entity::find()
        .select_only()
        .column_as(Column::EpiWeek.min(), "w")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .into_tuple::<Option<i32>>()
        .one(tx.conn())
        .await?
        .flatten())
}
