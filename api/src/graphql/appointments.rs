//! Appointments over GraphQL: clinicians' weekly sessions and days off, free slots,
//! booking (never twice for one slot), rescheduling, cancelling, and the lists.

use super::context::ContextExt;
use super::types::parse_id;
use crate::app::appointments::{Appointments, FreeSlot};
use crate::error::{ApiError, ApiResult};
use arogya_domain::appointment::{parse_time, WeeklySession};
use arogya_domain::helpline::ticket_text;
use arogya_infra::repos::appointments::{AppointmentRecord, SessionRecord};
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(SimpleObject)]
pub struct ClinicSession {
    pub id: ID,
    pub facility_id: ID,
    pub department: String,
    pub professional_id: ID,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i32,
    pub start: String,
    pub end: String,
    pub slot_minutes: i32,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

impl From<SessionRecord> for ClinicSession {
    fn from(s: SessionRecord) -> Self {
        Self {
            id: ID(s.id.to_string()),
            facility_id: ID(s.facility_id.to_string()),
            department: s.department,
            professional_id: ID(s.professional_id.to_string()),
            weekday: s.weekday as i32,
            start: s.start_time,
            end: s.end_time,
            slot_minutes: s.slot_minutes as i32,
            valid_from: s.valid_from,
            valid_until: s.valid_until,
        }
    }
}

#[derive(SimpleObject)]
pub struct Slot {
    pub professional_id: ID,
    pub department: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl From<FreeSlot> for Slot {
    fn from(f: FreeSlot) -> Self {
        Self {
            professional_id: ID(f.professional.to_string()),
            department: f.department,
            start: f.start,
            end: f.end,
        }
    }
}

#[derive(SimpleObject)]
pub struct Appointment {
    pub id: ID,
    pub patient_id: ID,
    pub facility_id: ID,
    pub department: String,
    pub professional_id: ID,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The day (IST) and the department's token number for it.
    pub day: NaiveDate,
    pub token_number: i32,
    /// `booked` or `cancelled`.
    pub status: String,
    pub cancel_reason: Option<String>,
    pub ticket_id: Option<ID>,
    pub version: i32,
}

impl From<AppointmentRecord> for Appointment {
    fn from(a: AppointmentRecord) -> Self {
        Self {
            id: ID(a.id.to_string()),
            patient_id: ID(a.patient_id.to_string()),
            facility_id: ID(a.facility_id.to_string()),
            department: a.department,
            professional_id: ID(a.professional_id.to_string()),
            start: a.slot_start,
            end: a.slot_end,
            day: a.day,
            token_number: a.token_number,
            status: a.status,
            cancel_reason: a.cancel_reason,
            ticket_id: a.ticket_id.map(|t| ID(t.to_string())),
            version: a.version,
        }
    }
}

#[derive(InputObject)]
pub struct ClinicSessionInput {
    pub facility_id: ID,
    pub department: String,
    pub professional_id: ID,
    pub weekday: i32,
    /// `HH:MM`, India time.
    pub start: String,
    pub end: String,
    pub slot_minutes: i32,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct BookAppointmentInput {
    pub patient_id: ID,
    pub facility_id: ID,
    pub department: String,
    pub professional_id: ID,
    /// The slot's start, as `freeSlots` gives it.
    pub start: DateTime<Utc>,
    /// The helpline ticket the booking answers, if any.
    pub ticket_id: Option<ID>,
    /// Book even though the patient already has a booking at this facility that day
    /// (otherwise `CONFLICT` with `extensions.reason` `SAME_DAY_BOOKING`).
    #[graphql(default)]
    pub allow_same_day: bool,
}

fn appointments<'a>(ctx: &'a Context<'_>) -> ApiResult<Appointments<'a>> {
    let req = ctx.request()?;
    Ok(Appointments {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

fn department(raw: &str) -> ApiResult<String> {
    Ok(ticket_text(raw, "department", 100)?)
}

#[derive(Default)]
pub struct AppointmentQuery;

#[Object]
impl AppointmentQuery {
    /// Free slots from `from` to `to` (at most 31 days), soonest first.
    async fn free_slots(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        department: Option<String>,
        professional_id: Option<ID>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<Slot>> {
        let facility = parse_id("facilityId", &facility_id)?;
        let professional = professional_id
            .as_ref()
            .map(|p| parse_id("professionalId", p))
            .transpose()?;
        let department = department.as_deref().map(self::department).transpose()?;
        Ok(appointments(ctx)?
            .free_slots(facility, department.as_deref(), professional, from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    async fn patient_appointments(
        &self,
        ctx: &Context<'_>,
        patient_id: ID,
    ) -> ApiResult<Vec<Appointment>> {
        let id = parse_id("patientId", &patient_id)?;
        Ok(appointments(ctx)?
            .of_patient(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// A clinician's booked appointments of one day, by time.
    async fn doctor_day_list(
        &self,
        ctx: &Context<'_>,
        professional_id: ID,
        day: NaiveDate,
    ) -> ApiResult<Vec<Appointment>> {
        let id = parse_id("professionalId", &professional_id)?;
        Ok(appointments(ctx)?
            .day_list(id, day)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

#[derive(Default)]
pub struct AppointmentMutation;

#[Object]
impl AppointmentMutation {
    /// A clinician's weekly session at a department (facility or district/state administrators).
    async fn add_clinic_session(
        &self,
        ctx: &Context<'_>,
        input: ClinicSessionInput,
    ) -> ApiResult<ClinicSession> {
        let session = WeeklySession::new(
            input.weekday,
            parse_time(&input.start, "start")?,
            parse_time(&input.end, "end")?,
            input.slot_minutes,
            input.valid_from,
            input.valid_until,
        )?;
        let s = appointments(ctx)?
            .add_session(
                parse_id("facilityId", &input.facility_id)?,
                department(&input.department)?,
                parse_id("professionalId", &input.professional_id)?,
                session,
            )
            .await?;
        Ok(s.into())
    }

    /// A day a clinician sees nobody (leave, holiday).
    async fn add_day_off(
        &self,
        ctx: &Context<'_>,
        facility_id: ID,
        professional_id: ID,
        day: NaiveDate,
        reason: String,
    ) -> ApiResult<bool> {
        appointments(ctx)?
            .add_day_off(
                parse_id("facilityId", &facility_id)?,
                parse_id("professionalId", &professional_id)?,
                day,
                ticket_text(&reason, "reason", 200)?,
            )
            .await?;
        Ok(true)
    }

    /// Book a free slot: `CONFLICT` when someone else has just booked it.
    async fn book_appointment(
        &self,
        ctx: &Context<'_>,
        input: BookAppointmentInput,
    ) -> ApiResult<Appointment> {
        let a = appointments(ctx)?
            .book(
                parse_id("patientId", &input.patient_id)?,
                parse_id("facilityId", &input.facility_id)?,
                &department(&input.department)?,
                parse_id("professionalId", &input.professional_id)?,
                input.start,
                input
                    .ticket_id
                    .as_ref()
                    .map(|t| parse_id("ticketId", t))
                    .transpose()?,
                input.allow_same_day,
            )
            .await?;
        Ok(a.into())
    }

    async fn reschedule_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        start: DateTime<Utc>,
    ) -> ApiResult<Appointment> {
        let id = parse_id("id", &id)?;
        Ok(appointments(ctx)?
            .reschedule(id, expected_version, start)
            .await?
            .into())
    }

    async fn cancel_appointment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
    ) -> ApiResult<Appointment> {
        let id = parse_id("id", &id)?;
        let reason = ticket_text(&reason, "reason", 300).map_err(ApiError::from)?;
        Ok(appointments(ctx)?
            .cancel(id, expected_version, reason)
            .await?
            .into())
    }
}
