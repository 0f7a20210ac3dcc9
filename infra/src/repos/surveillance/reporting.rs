//! Weekly reporting: the units expected to report, their reports, and the week's cases
//! by level for the weekly forms.

use crate::db::{InfraResult, TenantTx};
use crate::entities::facility as f;
use crate::entities::surveillance_case as c;
use crate::entities::surveillance_weekly_report::{self as r, Column, Entity};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

pub type ReportRecord = r::Model;

/// An operational facility under a place: a unit expected to report.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ReportingUnit {
    pub id: Uuid,
    pub name: String,
    pub unit_id: Uuid,
    pub unit_path: String,
}

pub async fn reporting_units(
    tx: &TenantTx,
    under: Option<&str>,
) -> InfraResult<Vec<ReportingUnit>> {
    let mut q = f::Entity::find()
        .select_only()
        .column(f::Column::Id)
        .column(f::Column::Name)
        .column(f::Column::UnitId)
        .column(f::Column::UnitPath)
        .filter(f::Column::TenantId.eq(tx.tenant().0))
        .filter(f::Column::OperationalStatus.eq("operational"));
    if let Some(p) = under {
        q = q.filter(f::Column::UnitPath.starts_with(p));
    }
    Ok(q.order_by_asc(f::Column::Name)
        .into_model::<ReportingUnit>()
        .all(tx.conn())
        .await?)
}

/// Reports of the weeks `from..=to` from facilities under a place.
pub async fn reports_in(
    tx: &TenantTx,
    under: Option<&str>,
    from_week: i32,
    to_week: i32,
) -> InfraResult<Vec<ReportRecord>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::EpiWeek.between(from_week, to_week));
    if let Some(p) = under {
        q = q.filter(Column::UnitPath.starts_with(p));
    }
    Ok(q.all(tx.conn()).await?)
}

pub async fn find(tx: &TenantTx, facility: Uuid, week: i32) -> InfraResult<Option<ReportRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::FacilityId.eq(facility))
        .filter(Column::EpiWeek.eq(week))
        .one(tx.conn())
        .await?)
}

pub async fn insert(tx: &TenantTx, row: ReportRecord) -> InfraResult<ReportRecord> {
    let mut m: r::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

/// Send the week again (a correction): its cases, note and last time, if still at
/// `expected_version`. The first time stays (timeliness).
pub async fn resend(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    cases: i64,
    note: Option<&str>,
    by: Uuid,
    at: DateTime<Utc>,
) -> InfraResult<bool> {
    let res = Entity::update_many()
        .col_expr(Column::Cases, Expr::value(cases))
        .col_expr(Column::Note, Expr::value(note.map(str::to_owned)))
        .col_expr(Column::SubmittedBy, Expr::value(by))
        .col_expr(Column::LastSubmittedAt, Expr::value(at))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(res.rows_affected == 1)
}

/// The facility's cases of the week (not discarded).
pub async fn facility_cases(tx: &TenantTx, facility: Uuid, week: i32) -> InfraResult<i64> {
    Ok(c::Entity::find()
        .filter(c::Column::TenantId.eq(tx.tenant().0))
        .filter(c::Column::FacilityId.eq(facility))
        .filter(c::Column::EpiWeek.eq(week))
        .filter(c::Column::Classification.ne("discarded"))
        .count(tx.conn())
        .await? as i64)
}

/// The week's cases under a place at one level, by condition, age group and sex, with
/// deaths (one weekly form).
#[derive(Debug, Clone, FromQueryResult)]
pub struct FormCount {
    pub condition_id: Uuid,
    pub age_group: String,
    pub sex: String,
    pub cases: i64,
    pub deaths: i64,
}

pub async fn form_counts(
    tx: &TenantTx,
    under: &str,
    week: i32,
    level: &str,
) -> InfraResult<Vec<FormCount>> {
    Ok(c::Entity::find()
        .select_only()
        .column(c::Column::ConditionId)
        .column(c::Column::AgeGroup)
        .column(c::Column::Sex)
        .column_as(Expr::cust("CAST(COUNT(*) AS BIGINT)"), "cases")
        .column_as(
            Expr::cust("CAST(SUM(CASE WHEN outcome = 'died' THEN 1 ELSE 0 END) AS BIGINT)"),
            "deaths",
        )
        .filter(c::Column::TenantId.eq(tx.tenant().0))
        .filter(c::Column::UnitPath.starts_with(under))
        .filter(c::Column::EpiWeek.eq(week))
        .filter(c::Column::Level.eq(level))
        .filter(c::Column::Classification.ne("discarded"))
        .group_by(c::Column::ConditionId)
        .group_by(c::Column::AgeGroup)
        .group_by(c::Column::Sex)
        .into_model::<FormCount>()
        .all(tx.conn())
        .await?)
}
