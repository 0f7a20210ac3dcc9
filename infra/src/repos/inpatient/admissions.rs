//! Admissions and their bed assignments.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::{admission, admission_attendant, bed_assignment};
use arogya_domain::inpatient::admission::{AdmissionFacts, AdmissionStatus, Attendant, Discharge};
use arogya_domain::inpatient::condition::ConditionEntry;
use arogya_domain::inpatient::wards::Department;
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, NullOrdering};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, Order, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

pub type AdmissionRecord = admission::Model;
pub type AssignmentRecord = bed_assignment::Model;
pub type AttendantRecord = admission_attendant::Model;

pub const ACTIVE: &str = "active";
pub const RESERVED: &str = "reserved";
pub const COMPLETED: &str = "completed";
/// A reservation given up (the patient went elsewhere or was discharged): never a stay.
pub const CANCELLED: &str = "cancelled";

/// Who is admitted where, by whom.
pub struct NewAdmission<'a> {
    pub patient: Option<Uuid>,
    pub facility: Uuid,
    pub ward: Uuid,
    pub bed: Uuid,
    pub encounter: Option<Uuid>,
    pub admitting_professional: Uuid,
    pub department: Department,
    pub facts: &'a AdmissionFacts,
    pub by: Uuid,
}

pub async fn insert(tx: &TenantTx, n: NewAdmission<'_>) -> InfraResult<AdmissionRecord> {
    let a = admission::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        patient_id: Set(n.patient),
        unidentified: Set(n.facts.unidentified.clone()),
        facility_id: Set(n.facility),
        ward_id: Set(n.ward),
        bed_id: Set(n.bed),
        encounter_id: Set(n.encounter),
        admitting_professional_id: Set(n.admitting_professional),
        department: Set(n.department.as_str().to_owned()),
        reason: Set(n.facts.reason.clone()),
        provisional_diagnosis: Set(n.facts.provisional_diagnosis.clone()),
        admitted_at: Set(n.facts.admitted_at),
        status: Set(AdmissionStatus::Admitted.as_str().to_owned()),
        outcome: Set(None),
        discharged_at: Set(None),
        time_of_death: Set(None),
        discharge_note: Set(None),
        category: Set(None),
        life_support: Set(None),
        condition_at: Set(None),
        news2: Set(None),
        version: Set(1),
        created_by: Set(n.by),
        created_at: Set(Utc::now()),
        discharge_recorded_at: Set(None),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| -> crate::db::InfraError {
        if is_unique_violation(&e) {
            DomainError::conflict("the patient is already admitted").into()
        } else {
            e.into()
        }
    })?;
    crate::repos::indicators::track::on_stay(tx, None, &a).await?;
    Ok(a)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AdmissionRecord>> {
    Ok(admission::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// The open admission of a patient (any of their merged records), if any.
pub async fn open_of_patients(
    tx: &TenantTx,
    patients: &[Uuid],
) -> InfraResult<Option<AdmissionRecord>> {
    Ok(admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::PatientId.is_in(patients.iter().copied()))
        .filter(admission::Column::Status.eq(AdmissionStatus::Admitted.as_str()))
        .one(tx.conn())
        .await?)
}

/// Admissions of a patient, the latest first.
pub async fn of_patients(tx: &TenantTx, patients: &[Uuid]) -> InfraResult<Vec<AdmissionRecord>> {
    Ok(admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::PatientId.is_in(patients.iter().copied()))
        .order_by_desc(admission::Column::AdmittedAt)
        .all(tx.conn())
        .await?)
}

/// Which admission holds each of these beds (an active or reserved assignment).
pub async fn holders_of_beds(tx: &TenantTx, beds: &[Uuid]) -> InfraResult<Vec<AssignmentRecord>> {
    Ok(bed_assignment::Entity::find()
        .filter(bed_assignment::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_assignment::Column::BedId.is_in(beds.iter().copied()))
        .filter(bed_assignment::Column::Status.is_in([ACTIVE, RESERVED]))
        .all(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<AdmissionRecord>> {
    Ok(admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Put an admission in a bed. The database refuses a bed already held (`None`):
/// of two simultaneous assignments exactly one is stored.
pub async fn assign_bed(
    tx: &TenantTx,
    admission: Uuid,
    bed: Uuid,
    at: DateTime<Utc>,
    by: Uuid,
) -> InfraResult<Option<AssignmentRecord>> {
    hold(tx, admission, bed, ACTIVE, at, by).await
}

/// Hold a bed for an admitted patient who will move into it. Like `assign_bed`, the
/// database refuses a bed already held (`None`).
pub async fn reserve_bed(
    tx: &TenantTx,
    admission: Uuid,
    bed: Uuid,
    at: DateTime<Utc>,
    by: Uuid,
) -> InfraResult<Option<AssignmentRecord>> {
    hold(tx, admission, bed, RESERVED, at, by).await
}

async fn hold(
    tx: &TenantTx,
    admission: Uuid,
    bed: Uuid,
    status: &str,
    at: DateTime<Utc>,
    by: Uuid,
) -> InfraResult<Option<AssignmentRecord>> {
    let r = bed_assignment::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(admission),
        bed_id: Set(bed),
        status: Set(status.to_owned()),
        start_at: Set(at),
        end_at: Set(None),
        created_by: Set(by),
    }
    .insert(tx.conn())
    .await;
    match r {
        Ok(a) => Ok(Some(a)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The bed held for this admission, if any.
pub async fn reservation_of(
    tx: &TenantTx,
    admission: Uuid,
) -> InfraResult<Option<AssignmentRecord>> {
    Ok(bed_assignment::Entity::find()
        .filter(bed_assignment::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_assignment::Column::AdmissionId.eq(admission))
        .filter(bed_assignment::Column::Status.eq(RESERVED))
        .one(tx.conn())
        .await?)
}

/// Give up the beds held for this admission; how many there were.
pub async fn cancel_reservations(
    tx: &TenantTx,
    admission: Uuid,
    at: DateTime<Utc>,
) -> InfraResult<u64> {
    end_holds(tx, admission, RESERVED, CANCELLED, at).await
}

/// End the admission's current bed assignment, and give up any bed held for it.
pub async fn release_bed(tx: &TenantTx, admission: Uuid, at: DateTime<Utc>) -> InfraResult<()> {
    cancel_reservations(tx, admission, at).await?;
    end_holds(tx, admission, ACTIVE, COMPLETED, at).await?;
    Ok(())
}

/// End the admission's assignments in state `from` at `at`, as `to`.
async fn end_holds(
    tx: &TenantTx,
    admission: Uuid,
    from: &str,
    to: &str,
    at: DateTime<Utc>,
) -> InfraResult<u64> {
    Ok(bed_assignment::Entity::update_many()
        .col_expr(bed_assignment::Column::Status, Expr::value(to))
        .col_expr(bed_assignment::Column::EndAt, Expr::value(Some(at)))
        .filter(bed_assignment::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_assignment::Column::AdmissionId.eq(admission))
        .filter(bed_assignment::Column::Status.eq(from))
        .exec(tx.conn())
        .await?
        .rows_affected)
}

pub async fn assignments_of(tx: &TenantTx, admission: Uuid) -> InfraResult<Vec<AssignmentRecord>> {
    Ok(bed_assignment::Entity::find()
        .filter(bed_assignment::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_assignment::Column::AdmissionId.eq(admission))
        .order_by_asc(bed_assignment::Column::StartAt)
        .all(tx.conn())
        .await?)
}

/// Admissions that left a ward (its last bed there) since a time.
pub async fn discharged_from_ward_since(
    tx: &TenantTx,
    ward: Uuid,
    since: DateTime<Utc>,
) -> InfraResult<Vec<AdmissionRecord>> {
    Ok(admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::WardId.eq(ward))
        .filter(admission::Column::Status.eq(AdmissionStatus::Discharged.as_str()))
        .filter(admission::Column::DischargedAt.gte(since))
        .order_by_asc(admission::Column::DischargedAt)
        .all(tx.conn())
        .await?)
}

/// The bed assignments of many admissions, in time order.
pub async fn assignments_of_many(
    tx: &TenantTx,
    admissions: &[Uuid],
) -> InfraResult<Vec<AssignmentRecord>> {
    Ok(bed_assignment::Entity::find()
        .filter(bed_assignment::Column::TenantId.eq(tx.tenant().0))
        .filter(bed_assignment::Column::AdmissionId.is_in(admissions.iter().copied()))
        .order_by_asc(bed_assignment::Column::StartAt)
        .all(tx.conn())
        .await?)
}

/// An optimistic update of an admission: applied only at `expected_version`.
async fn update_at_version(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    set: Vec<(admission::Column, sea_orm::sea_query::SimpleExpr)>,
) -> InfraResult<Option<AdmissionRecord>> {
    let mut q = admission::Entity::update_many().col_expr(
        admission::Column::Version,
        Expr::value(expected_version + 1),
    );
    for (col, value) in set {
        q = q.col_expr(col, value);
    }
    let done = q
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::Id.eq(id))
        .filter(admission::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await
        .map_err(|e| -> crate::db::InfraError {
            // The one unique rule an update can break: a patient admitted twice.
            if is_unique_violation(&e) {
                DomainError::conflict("the patient is already admitted").into()
            } else {
                e.into()
            }
        })?;
    if done.rows_affected == 0 {
        return Ok(None);
    }
    find(tx, id).await
}

pub async fn moved(
    tx: &TenantTx,
    a: &AdmissionRecord,
    ward: Uuid,
    bed: Uuid,
) -> InfraResult<Option<AdmissionRecord>> {
    update_at_version(
        tx,
        a.id,
        a.version,
        vec![
            (admission::Column::WardId, Expr::value(ward)),
            (admission::Column::BedId, Expr::value(bed)),
        ],
    )
    .await
}

pub async fn discharged(
    tx: &TenantTx,
    a: &AdmissionRecord,
    d: &Discharge,
) -> InfraResult<Option<AdmissionRecord>> {
    let done = update_at_version(
        tx,
        a.id,
        a.version,
        vec![
            (
                admission::Column::Status,
                Expr::value(AdmissionStatus::Discharged.as_str()),
            ),
            (admission::Column::Outcome, Expr::value(d.outcome.as_str())),
            (admission::Column::DischargedAt, Expr::value(Some(d.at))),
            (admission::Column::TimeOfDeath, Expr::value(d.time_of_death)),
            (
                admission::Column::DischargeNote,
                Expr::value(d.note.clone()),
            ),
            (
                admission::Column::DischargeRecordedAt,
                Expr::value(Some(Utc::now())),
            ),
        ],
    )
    .await?;
    counted(tx, a, done).await
}

/// Keep the indicators' roll-ups in step with a changed admission.
async fn counted(
    tx: &TenantTx,
    before: &AdmissionRecord,
    after: Option<AdmissionRecord>,
) -> InfraResult<Option<AdmissionRecord>> {
    if let Some(a) = &after {
        crate::repos::indicators::track::on_stay(tx, Some(before), a).await?;
    }
    Ok(after)
}

/// Link an unidentified admission to the registered patient it turned out to be.
pub async fn identified(
    tx: &TenantTx,
    a: &AdmissionRecord,
    patient: Uuid,
    encounter: Uuid,
) -> InfraResult<Option<AdmissionRecord>> {
    let done = update_at_version(
        tx,
        a.id,
        a.version,
        vec![
            (admission::Column::PatientId, Expr::value(Some(patient))),
            (admission::Column::EncounterId, Expr::value(Some(encounter))),
        ],
    )
    .await?;
    counted(tx, a, done).await
}

/// Keep the latest condition on the admission (same transaction as the entry).
pub async fn set_latest_condition(
    tx: &TenantTx,
    id: Uuid,
    e: &ConditionEntry,
    at: DateTime<Utc>,
) -> InfraResult<()> {
    admission::Entity::update_many()
        .col_expr(
            admission::Column::Category,
            Expr::value(Some(e.category.as_str())),
        )
        .col_expr(
            admission::Column::LifeSupport,
            Expr::value(Some(e.life_support.as_str())),
        )
        .col_expr(admission::Column::ConditionAt, Expr::value(Some(at)))
        .col_expr(
            admission::Column::News2,
            Expr::value(e.news2.map(|s| s.total)),
        )
        .col_expr(
            admission::Column::Version,
            Expr::col(admission::Column::Version).add(1),
        )
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::Id.eq(id))
        // An older entry entered late does not replace a newer one.
        .filter(
            Condition::any()
                .add(admission::Column::ConditionAt.is_null())
                .add(admission::Column::ConditionAt.lte(at)),
        )
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// What the monitoring list may be narrowed to.
#[derive(Default)]
pub struct OpenFilter {
    /// Facilities the caller may see; `None` for the whole tenant.
    pub facilities: Option<Vec<Uuid>>,
    pub unit_path_prefix: Option<String>,
    pub ward: Option<Uuid>,
    pub category: Option<String>,
    pub life_support: Option<Vec<String>>,
    pub admitted_before: Option<DateTime<Utc>>,
}

/// Patients admitted now, the sickest first (critical ones, then by NEWS2).
pub async fn open(tx: &TenantTx, f: &OpenFilter, limit: u64) -> InfraResult<Vec<AdmissionRecord>> {
    let mut q = admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tx.tenant().0))
        .filter(admission::Column::Status.eq(AdmissionStatus::Admitted.as_str()));
    if let Some(ids) = &f.facilities {
        q = q.filter(admission::Column::FacilityId.is_in(ids.iter().copied()));
    }
    if let Some(w) = f.ward {
        q = q.filter(admission::Column::WardId.eq(w));
    }
    if let Some(c) = &f.category {
        q = q.filter(admission::Column::Category.eq(c.as_str()));
    }
    if let Some(ls) = &f.life_support {
        q = q.filter(admission::Column::LifeSupport.is_in(ls.iter().cloned()));
    }
    if let Some(t) = f.admitted_before {
        q = q.filter(admission::Column::AdmittedAt.lte(t));
    }
    // Highest score first; patients without a score after them (PostgreSQL would
    // put NULLs first in a descending order).
    Ok(
        q.order_by_with_nulls(admission::Column::News2, Order::Desc, NullOrdering::Last)
            .order_by_asc(admission::Column::AdmittedAt)
            .limit(limit)
            .all(tx.conn())
            .await?,
    )
}

pub async fn insert_attendant(
    tx: &TenantTx,
    admission: Uuid,
    a: &Attendant,
) -> InfraResult<AttendantRecord> {
    Ok(admission_attendant::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        admission_id: Set(admission),
        name: Set(a.name.clone()),
        relationship: Set(a.relationship.clone()),
        phone: Set(a.phone.as_str().to_owned()),
        verified_at: Set(None),
        removed_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?)
}

/// Attendants of admissions, removed ones included (`current_only` leaves them out).
pub async fn attendants_of(
    tx: &TenantTx,
    admissions: &[Uuid],
    current_only: bool,
) -> InfraResult<Vec<AttendantRecord>> {
    let mut q = admission_attendant::Entity::find()
        .filter(admission_attendant::Column::TenantId.eq(tx.tenant().0))
        .filter(admission_attendant::Column::AdmissionId.is_in(admissions.iter().copied()));
    if current_only {
        q = q.filter(admission_attendant::Column::RemovedAt.is_null());
    }
    Ok(q.order_by_asc(admission_attendant::Column::CreatedAt)
        .all(tx.conn())
        .await?)
}

pub async fn find_attendant(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AttendantRecord>> {
    Ok(admission_attendant::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn attendant_verified(tx: &TenantTx, id: Uuid) -> InfraResult<()> {
    admission_attendant::Entity::update_many()
        .col_expr(
            admission_attendant::Column::VerifiedAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(admission_attendant::Column::TenantId.eq(tx.tenant().0))
        .filter(admission_attendant::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

pub async fn attendant_removed(tx: &TenantTx, id: Uuid) -> InfraResult<bool> {
    let done = admission_attendant::Entity::update_many()
        .col_expr(
            admission_attendant::Column::RemovedAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(admission_attendant::Column::TenantId.eq(tx.tenant().0))
        .filter(admission_attendant::Column::Id.eq(id))
        .filter(admission_attendant::Column::RemovedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
