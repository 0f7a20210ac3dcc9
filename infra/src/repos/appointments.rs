//! Clinic sessions, schedule exceptions and appointments. Double booking is refused
//! by the database (a partial unique index on booked slots); daily token numbers come
//! from one atomic counter row per department and day.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::appointment::{self, Column, Entity};
use crate::entities::clinic_session;
use crate::entities::schedule_exception;
use crate::Backend;
use arogya_domain::appointment::WeeklySession;
use arogya_domain::DomainError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, Set, Statement,
};
use uuid::Uuid;

pub type SessionRecord = clinic_session::Model;
pub type ExceptionRecord = schedule_exception::Model;
pub type AppointmentRecord = appointment::Model;

pub const BOOKED: &str = "booked";
pub const CANCELLED: &str = "cancelled";

pub async fn insert_session(
    tx: &TenantTx,
    facility: Uuid,
    department: &str,
    professional: Uuid,
    s: &WeeklySession,
) -> InfraResult<SessionRecord> {
    Ok(clinic_session::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        facility_id: Set(facility),
        department: Set(department.to_owned()),
        professional_id: Set(professional),
        weekday: Set(s.weekday as i16),
        start_time: Set(s.start.format("%H:%M").to_string()),
        end_time: Set(s.end.format("%H:%M").to_string()),
        slot_minutes: Set(s.slot_minutes as i16),
        valid_from: Set(s.valid_from),
        valid_until: Set(s.valid_until),
        created_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?)
}

/// A stored session as the domain's rules see it.
pub fn session_of(r: &SessionRecord) -> Option<WeeklySession> {
    let t = |s: &str| chrono::NaiveTime::parse_from_str(s, "%H:%M").ok();
    WeeklySession::new(
        r.weekday as i32,
        t(&r.start_time)?,
        t(&r.end_time)?,
        r.slot_minutes as i32,
        r.valid_from,
        r.valid_until,
    )
    .ok()
}

/// Sessions at a facility, of one department and/or one clinician.
pub async fn sessions(
    tx: &TenantTx,
    facility: Uuid,
    department: Option<&str>,
    professional: Option<Uuid>,
) -> InfraResult<Vec<SessionRecord>> {
    let mut q = clinic_session::Entity::find()
        .filter(clinic_session::Column::TenantId.eq(tx.tenant().0))
        .filter(clinic_session::Column::FacilityId.eq(facility));
    if let Some(d) = department {
        q = q.filter(clinic_session::Column::Department.eq(d));
    }
    if let Some(p) = professional {
        q = q.filter(clinic_session::Column::ProfessionalId.eq(p));
    }
    Ok(q.order_by_asc(clinic_session::Column::Id)
        .all(tx.conn())
        .await?)
}

pub async fn add_exception(
    tx: &TenantTx,
    professional: Uuid,
    on: NaiveDate,
    reason: &str,
) -> InfraResult<ExceptionRecord> {
    schedule_exception::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        professional_id: Set(professional),
        on_date: Set(on),
        reason: Set(reason.to_owned()),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("that day is already marked off for this clinician").into()
        } else {
            e.into()
        }
    })
}

/// Days off of clinicians between two dates.
pub async fn exceptions(
    tx: &TenantTx,
    professionals: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<ExceptionRecord>> {
    Ok(schedule_exception::Entity::find()
        .filter(schedule_exception::Column::TenantId.eq(tx.tenant().0))
        .filter(schedule_exception::Column::ProfessionalId.is_in(professionals.iter().copied()))
        .filter(schedule_exception::Column::OnDate.gte(from))
        .filter(schedule_exception::Column::OnDate.lte(to))
        .all(tx.conn())
        .await?)
}

/// Booked appointments of clinicians between two instants.
pub async fn booked_between(
    tx: &TenantTx,
    professionals: &[Uuid],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<AppointmentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ProfessionalId.is_in(professionals.iter().copied()))
        .filter(Column::Status.eq(BOOKED))
        .filter(Column::SlotStart.gte(from))
        .filter(Column::SlotStart.lt(to))
        .all(tx.conn())
        .await?)
}

/// The next token number of a department's day, atomically (one counter row).
pub async fn next_token(
    tx: &TenantTx,
    facility: Uuid,
    department: &str,
    day: NaiveDate,
) -> InfraResult<i32> {
    let (backend, sql) = match tx.backend() {
        Backend::Postgres => (
            DbBackend::Postgres,
            "INSERT INTO appointment_tokens (tenant_id, facility_id, department, day, last) VALUES ($1, $2, $3, $4, 1)
             ON CONFLICT (tenant_id, facility_id, department, day) DO UPDATE SET last = appointment_tokens.last + 1
             RETURNING last",
        ),
        Backend::Sqlite => (
            DbBackend::Sqlite,
            "INSERT INTO appointment_tokens (tenant_id, facility_id, department, day, last) VALUES (?, ?, ?, ?, 1)
             ON CONFLICT (tenant_id, facility_id, department, day) DO UPDATE SET last = appointment_tokens.last + 1
             RETURNING last",
        ),
    };
    let row = tx
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [
                tx.tenant().0.into(),
                facility.into(),
                department.into(),
                day.into(),
            ],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("the token counter returned no row"))?;
    Ok(row.try_get::<i32>("", "last")?)
}

pub struct NewAppointment<'a> {
    pub patient: Uuid,
    pub facility: Uuid,
    pub department: &'a str,
    pub professional: Uuid,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub day: NaiveDate,
    pub token: i32,
    pub ticket: Option<Uuid>,
    pub booked_by: Uuid,
}

/// Book; a slot already booked is `CONFLICT`.
pub async fn insert(tx: &TenantTx, a: NewAppointment<'_>) -> InfraResult<AppointmentRecord> {
    appointment::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        patient_id: Set(a.patient),
        facility_id: Set(a.facility),
        department: Set(a.department.to_owned()),
        professional_id: Set(a.professional),
        slot_start: Set(a.start),
        slot_end: Set(a.end),
        day: Set(a.day),
        token_number: Set(a.token),
        status: Set(BOOKED.to_owned()),
        ticket_id: Set(a.ticket),
        booked_by: Set(a.booked_by),
        created_at: Set(Utc::now()),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        version: Set(1),
    }
    .insert(tx.conn())
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            DomainError::conflict("this slot was just booked by someone else: choose another")
                .into()
        } else {
            e.into()
        }
    })
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<AppointmentRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn cancel(
    tx: &TenantTx,
    a: &AppointmentRecord,
    expected_version: i32,
    reason: &str,
) -> InfraResult<AppointmentRecord> {
    if a.status != BOOKED {
        return Err(DomainError::validation("id", "the appointment is cancelled already").into());
    }
    let update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(CANCELLED))
        .col_expr(Column::CancelledAt, Expr::value(Utc::now()))
        .col_expr(Column::CancelReason, Expr::value(reason))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(a.id));
    super::versioned_update(tx, update, Column::Version, expected_version, "appointment").await?;
    find(tx, a.id).await?.ok_or_else(|| {
        DomainError::NotFound {
            entity: "appointment",
        }
        .into()
    })
}

/// The patient's live booking at this facility on this India day, if any.
pub async fn booked_on_day(
    tx: &TenantTx,
    patient: Uuid,
    facility: Uuid,
    day: chrono::NaiveDate,
) -> InfraResult<Option<AppointmentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.eq(patient))
        .filter(Column::FacilityId.eq(facility))
        .filter(Column::Day.eq(day))
        .filter(Column::Status.eq("booked"))
        .order_by_asc(Column::SlotStart)
        .one(tx.conn())
        .await?)
}

pub async fn of_patient(tx: &TenantTx, patient: Uuid) -> InfraResult<Vec<AppointmentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::PatientId.eq(patient))
        .order_by_asc(Column::SlotStart)
        .all(tx.conn())
        .await?)
}

pub async fn day_list(
    tx: &TenantTx,
    professional: Uuid,
    day: NaiveDate,
) -> InfraResult<Vec<AppointmentRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::ProfessionalId.eq(professional))
        .filter(Column::Day.eq(day))
        .filter(Column::Status.eq(BOOKED))
        .order_by_asc(Column::SlotStart)
        .all(tx.conn())
        .await?)
}
