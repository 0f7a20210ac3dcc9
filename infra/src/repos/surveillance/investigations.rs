//! Outbreak investigations and their entries.

use crate::db::{InfraResult, TenantTx};
use crate::entities::outbreak_entry::{self as e, Entity as Entries};
use crate::entities::outbreak_investigation::{self as i, Column, Entity};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

pub type InvestigationRecord = i::Model;
pub type EntryRecord = e::Model;

pub async fn insert(tx: &TenantTx, row: InvestigationRecord) -> InfraResult<InvestigationRecord> {
    let mut m: i::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<InvestigationRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

pub async fn find_by_alert(tx: &TenantTx, alert: Uuid) -> InfraResult<Option<InvestigationRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::AlertId.eq(alert))
        .one(tx.conn())
        .await?)
}

/// Investigations under a place (its path), newest first; open ones (not closed) or all.
pub async fn list(
    tx: &TenantTx,
    under: Option<&str>,
    open_only: bool,
    limit: u64,
) -> InfraResult<Vec<InvestigationRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(p) = under {
        q = q.filter(Column::UnitPath.starts_with(p));
    }
    if open_only {
        q = q.filter(Column::Status.ne("closed"));
    }
    Ok(q.order_by_desc(Column::VerifiedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Move the investigation to `status` if it is still at `expected_version` (a final
/// report and the closing time when it closes).
pub async fn set_status(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    status: &str,
    final_report: Option<&str>,
    now: DateTime<Utc>,
) -> InfraResult<bool> {
    let mut q = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .col_expr(Column::UpdatedAt, Expr::value(now));
    if let Some(report) = final_report {
        q = q
            .col_expr(Column::FinalReport, Expr::value(report))
            .col_expr(Column::ClosedAt, Expr::value(Some(now)));
    }
    let r = q
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

/// Any entry moves the version on, so two people adding at once both see the other's;
/// `responded` (the first action) stops the response clock.
pub async fn touch(tx: &TenantTx, id: Uuid, responded: Option<DateTime<Utc>>) -> InfraResult<()> {
    let now = Utc::now();
    let mut q = Entity::update_many()
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .col_expr(Column::UpdatedAt, Expr::value(now));
    if let Some(at) = responded {
        q = q.col_expr(Column::RespondedAt, Expr::value(Some(at)));
    }
    q.filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

pub async fn add_entry(tx: &TenantTx, row: EntryRecord) -> InfraResult<EntryRecord> {
    let mut m: e::ActiveModel = row.into();
    m.tenant_id = sea_orm::Set(tx.tenant().0);
    Ok(m.reset_all().insert(tx.conn()).await?)
}

pub async fn find_entry(tx: &TenantTx, id: Uuid) -> InfraResult<Option<EntryRecord>> {
    Ok(Entries::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::Id.eq(id))
        .one(tx.conn())
        .await?)
}

/// An investigation's entries, oldest first.
pub async fn entries(tx: &TenantTx, investigation: Uuid) -> InfraResult<Vec<EntryRecord>> {
    Ok(Entries::find()
        .filter(e::Column::TenantId.eq(tx.tenant().0))
        .filter(e::Column::InvestigationId.eq(investigation))
        .order_by_asc(e::Column::RecordedAt)
        .order_by_asc(e::Column::Id)
        .all(tx.conn())
        .await?)
}
