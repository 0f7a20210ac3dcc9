//! The weekly counts: changed with every write of a case, in its transaction.

use crate::db::{InfraResult, TenantTx};
use crate::entities::surveillance_weekly_count::{self as w, Column, Entity};
use arogya_domain::surveillance::counts::{CountDelta, CountKey};
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
    Ok(())
}

/// Counts of a week range under a place, summed over age and sex, per condition, block
/// and week.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PlaceWeek {
    pub condition_id: Uuid,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub epi_week: i32,
    pub cases: i64,
    pub confirmed: i64,
    pub deaths: i64,
}

pub async fn by_place_and_week(
    tx: &TenantTx,
    under: Option<&str>,
    condition: Option<Uuid>,
    from_week: i32,
    to_week: i32,
) -> InfraResult<Vec<PlaceWeek>> {
    let mut q = Entity::find()
        .select_only()
        .column(Column::ConditionId)
        .column(Column::UnitId)
        .column(Column::UnitPath)
        .column(Column::EpiWeek)
        // SUM of a BIGINT is NUMERIC on PostgreSQL: back to BIGINT.
        .column_as(Expr::cust("CAST(SUM(cases) AS BIGINT)"), "cases")
        .column_as(Expr::cust("CAST(SUM(confirmed) AS BIGINT)"), "confirmed")
        .column_as(Expr::cust("CAST(SUM(deaths) AS BIGINT)"), "deaths")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::EpiWeek.between(from_week, to_week));
    if let Some(p) = under {
        q = q.filter(Column::UnitPath.starts_with(p));
    }
    if let Some(c) = condition {
        q = q.filter(Column::ConditionId.eq(c));
    }
    Ok(q.group_by(Column::ConditionId)
        .group_by(Column::UnitId)
        .group_by(Column::UnitPath)
        .group_by(Column::EpiWeek)
        .into_model::<PlaceWeek>()
        .all(tx.conn())
        .await?)
}

/// Cases of a condition under a place, per week, for the weeks named (a baseline).
pub async fn by_weeks(
    tx: &TenantTx,
    condition: Uuid,
    under: &str,
    weeks: &[i32],
) -> InfraResult<Vec<(i32, i64)>> {
    Ok(Entity::find()
        .select_only()
        .column(Column::EpiWeek)
        .column_as(Expr::cust("CAST(SUM(cases) AS BIGINT)"), "cases")
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ConditionId.eq(condition))
        .filter(Column::UnitPath.starts_with(under))
        .filter(Column::EpiWeek.is_in(weeks.iter().copied()))
        .group_by(Column::EpiWeek)
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
