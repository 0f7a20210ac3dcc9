//! The nurses' registers: dose marks, intake–output lines and handover notes.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{handover_note, intake_output, medication_administration as mar};
use arogya_domain::DomainError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type DoseRecord = mar::Model;
pub type IntakeOutputRecord = intake_output::Model;
pub type HandoverRecord = handover_note::Model;

pub struct NewDose<'a> {
    pub admission: Uuid,
    pub prescription: Uuid,
    pub item: i16,
    pub due_at: Option<DateTime<Utc>>,
    pub status: &'a str,
    pub note: Option<String>,
    pub by: Uuid,
    pub at: DateTime<Utc>,
}

/// Mark a dose; `replace` first retires the current mark of the same due dose.
pub async fn mark_dose(tx: &TenantTx, d: NewDose<'_>, replace: bool) -> InfraResult<DoseRecord> {
    if replace {
        if let Some(due) = d.due_at {
            mar::Entity::update_many()
                .col_expr(mar::Column::ReplacedAt, Expr::value(Some(Utc::now())))
                .filter(mar::Column::TenantId.eq(tx.tenant().0))
                .filter(mar::Column::PrescriptionId.eq(d.prescription))
                .filter(mar::Column::ItemIndex.eq(d.item))
                .filter(mar::Column::DueAt.eq(due))
                .filter(mar::Column::ReplacedAt.is_null())
                .exec(tx.conn())
                .await?;
        }
    }
    mar::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(d.admission),
        prescription_id: Set(d.prescription),
        item_index: Set(d.item),
        due_at: Set(d.due_at),
        status: Set(d.status.to_owned()),
        note: Set(d.note),
        recorded_by: Set(d.by),
        recorded_at: Set(d.at),
        replaced_at: Set(None),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("this dose is already marked: correct the mark instead").into()
        } else {
            e.into()
        }
    })
}

/// Current marks (not replaced) of admissions between two instants (and as-needed
/// doses recorded then).
pub async fn doses_between(
    tx: &TenantTx,
    admissions: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<DoseRecord>> {
    use sea_orm::Condition;
    Ok(mar::Entity::find()
        .filter(mar::Column::TenantId.eq(tx.tenant().0))
        .filter(mar::Column::AdmissionId.is_in(admissions.iter().copied()))
        .filter(mar::Column::ReplacedAt.is_null())
        .filter(
            Condition::any()
                .add(mar::Column::DueAt.gte(from).and(mar::Column::DueAt.lt(to)))
                .add(
                    mar::Column::DueAt
                        .is_null()
                        .and(mar::Column::RecordedAt.gte(from))
                        .and(mar::Column::RecordedAt.lt(to)),
                ),
        )
        .order_by_asc(mar::Column::RecordedAt)
        .all(tx.conn())
        .await?)
}

pub struct NewIntakeOutput<'a> {
    pub admission: Uuid,
    pub at: DateTime<Utc>,
    pub direction: &'a str,
    pub kind: &'a str,
    pub volume_ml: i32,
    pub note: Option<String>,
    pub by: Uuid,
}

pub async fn add_intake_output(
    tx: &TenantTx,
    n: NewIntakeOutput<'_>,
) -> InfraResult<IntakeOutputRecord> {
    Ok(intake_output::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(n.admission),
        at: Set(n.at),
        direction: Set(n.direction.to_owned()),
        kind: Set(n.kind.to_owned()),
        volume_ml: Set(n.volume_ml),
        note: Set(n.note),
        recorded_by: Set(n.by),
        recorded_at: Set(Utc::now()),
        entered_in_error_at: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find_intake_output(
    tx: &TenantTx,
    id: Uuid,
) -> InfraResult<Option<IntakeOutputRecord>> {
    Ok(intake_output::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn intake_output_in_error(tx: &TenantTx, id: Uuid) -> InfraResult<bool> {
    let done = intake_output::Entity::update_many()
        .col_expr(
            intake_output::Column::EnteredInErrorAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(intake_output::Column::TenantId.eq(tx.tenant().0))
        .filter(intake_output::Column::Id.eq(id))
        .filter(intake_output::Column::EnteredInErrorAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

/// An admission's chart lines in `[from, to)`, errors included (shown struck out).
pub async fn intake_output_between(
    tx: &TenantTx,
    admission: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<IntakeOutputRecord>> {
    Ok(intake_output::Entity::find()
        .filter(intake_output::Column::TenantId.eq(tx.tenant().0))
        .filter(intake_output::Column::AdmissionId.eq(admission))
        .filter(intake_output::Column::At.gte(from))
        .filter(intake_output::Column::At.lt(to))
        .order_by_asc(intake_output::Column::At)
        .all(tx.conn())
        .await?)
}

pub struct NewHandover<'a> {
    pub ward: Uuid,
    pub day: NaiveDate,
    pub shift: &'a str,
    pub summary: String,
    pub pending: Option<String>,
    pub by: Uuid,
}

pub async fn add_handover(tx: &TenantTx, n: NewHandover<'_>) -> InfraResult<HandoverRecord> {
    handover_note::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        ward_id: Set(n.ward),
        day: Set(n.day),
        shift: Set(n.shift.to_owned()),
        summary: Set(n.summary),
        pending_tasks: Set(n.pending),
        outgoing_by: Set(n.by),
        outgoing_at: Set(Utc::now()),
        incoming_by: Set(None),
        incoming_at: Set(None),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("this shift's handover is already written").into()
        } else {
            e.into()
        }
    })
}

pub async fn find_handover(tx: &TenantTx, id: Uuid) -> InfraResult<Option<HandoverRecord>> {
    Ok(handover_note::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// The incoming nurse signs; false when someone signed first.
pub async fn receive_handover(tx: &TenantTx, id: Uuid, by: Uuid) -> InfraResult<bool> {
    let done = handover_note::Entity::update_many()
        .col_expr(handover_note::Column::IncomingBy, Expr::value(Some(by)))
        .col_expr(
            handover_note::Column::IncomingAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(handover_note::Column::TenantId.eq(tx.tenant().0))
        .filter(handover_note::Column::Id.eq(id))
        .filter(handover_note::Column::IncomingBy.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}

pub async fn handovers(
    tx: &TenantTx,
    ward: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<HandoverRecord>> {
    Ok(handover_note::Entity::find()
        .filter(handover_note::Column::TenantId.eq(tx.tenant().0))
        .filter(handover_note::Column::WardId.eq(ward))
        .filter(handover_note::Column::Day.gte(from))
        .filter(handover_note::Column::Day.lte(to))
        .order_by_asc(handover_note::Column::Day)
        .order_by_asc(handover_note::Column::OutgoingAt)
        .all(tx.conn())
        .await?)
}
