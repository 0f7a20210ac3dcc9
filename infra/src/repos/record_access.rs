//! The access log of health records: every read, who made it, why, and whether the
//! glass was broken. Rows are only ever added, except the review stamp on break-glass
//! rows.

use crate::db::{InfraResult, TenantTx};
use crate::entities::record_access::{self, Column, Entity};
use arogya_domain::page::{Page, PageRequest};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

pub type AccessRecord = record_access::Model;

pub struct NewAccess<'a> {
    pub patient: Uuid,
    pub actor: Uuid,
    pub professional: Option<Uuid>,
    pub facility: Option<Uuid>,
    pub unit_path: Option<String>,
    /// What was viewed: `timeline`, `entry`, `fhir_patient`, `fhir_everything`, `prescription_pdf`.
    pub viewed: &'a str,
    pub entry: Option<Uuid>,
    pub purpose: Option<String>,
    pub break_glass: Option<String>,
}

pub async fn record(tx: &TenantTx, new: NewAccess<'_>) -> InfraResult<AccessRecord> {
    Ok(record_access::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        patient_id: Set(new.patient),
        actor_user_id: Set(new.actor),
        actor_professional_id: Set(new.professional),
        facility_id: Set(new.facility),
        unit_path: Set(new.unit_path),
        viewed: Set(new.viewed.to_owned()),
        entry_id: Set(new.entry),
        purpose: Set(new.purpose),
        break_glass: Set(new.break_glass.is_some()),
        reason: Set(new.break_glass),
        at: Set(Utc::now()),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        review_note: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

/// Who read these patients' records, newest first.
pub async fn of_patients(
    tx: &TenantTx,
    patients: &[Uuid],
    page: PageRequest,
) -> InfraResult<Page<AccessRecord>> {
    let q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.is_in(patients.iter().copied()));
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

/// Break-glass openings, newest first: within these unit subtrees (`None`: all), and
/// only the unreviewed ones or only the reviewed ones when asked.
pub async fn break_glass(
    tx: &TenantTx,
    units: Option<&[Uuid]>,
    reviewed: Option<bool>,
    page: PageRequest,
) -> InfraResult<Page<AccessRecord>> {
    let mut q = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::BreakGlass.eq(true));
    if let Some(units) = units {
        let mut any = Condition::any();
        for u in units {
            any = any.add(Column::UnitPath.contains(u.to_string()));
        }
        q = q.filter(any);
    }
    match reviewed {
        Some(true) => q = q.filter(Column::ReviewedAt.is_not_null()),
        Some(false) => q = q.filter(Column::ReviewedAt.is_null()),
        None => {}
    }
    super::newest_first(tx.conn(), q, Column::Id, page).await
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AccessRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Stamp a break-glass opening as reviewed (once).
pub async fn mark_reviewed(
    tx: &TenantTx,
    id: Uuid,
    by: Uuid,
    note: Option<String>,
) -> InfraResult<AccessRecord> {
    let updated = Entity::update_many()
        .col_expr(Column::ReviewedBy, Expr::value(by))
        .col_expr(Column::ReviewedAt, Expr::value(Utc::now()))
        .col_expr(Column::ReviewNote, Expr::value(note))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .filter(Column::BreakGlass.eq(true))
        .filter(Column::ReviewedAt.is_null())
        .exec(tx.conn())
        .await?
        .rows_affected;
    if updated == 0 {
        return Err(DomainError::conflict("this opening was already reviewed").into());
    }
    find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "access" }.into())
}
