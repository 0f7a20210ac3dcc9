//! Appointments: facilities' administrators define clinicians' weekly sessions and
//! days off; helpline agents and facility staff find free slots and book, reschedule
//! or cancel. A slot is never booked twice (the database refuses it), and each booking
//! gets the department's next token number for that day.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::appointment::{days, ist_date, WeeklySession};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::role::{Role, RoleScope};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::appointments::{
    self as repo, AppointmentRecord, NewAppointment, SessionRecord,
};
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::{facilities, patients};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

/// Roles that book and read appointments.
const BOOKERS: [Role; 7] = [
    Role::HelplineOperator,
    Role::HelplineDoctor,
    Role::Doctor,
    Role::Nurse,
    Role::FacilityAdmin,
    Role::StateAdmin,
    Role::DistrictAdmin,
];

fn not_found() -> ApiError {
    DomainError::NotFound {
        entity: "appointment",
    }
    .into()
}

/// A free slot.
pub struct FreeSlot {
    pub professional: Uuid,
    pub department: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

pub struct Appointments<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

impl Appointments<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("platform administrators do not book appointments".into())
        })
    }

    fn require_booker(&self) -> ApiResult<TenantId> {
        let tenant = self.tenant()?;
        if BOOKERS.iter().any(|r| self.principal.has_role(*r)) {
            Ok(tenant)
        } else {
            Err(ApiError::Forbidden(
                "only helpline, clinical and facility staff handle appointments".into(),
            ))
        }
    }

    /// Schedules are set by the facility's administrator, or by state and district
    /// administrators whose reach includes the facility.
    async fn require_manager(&self, tx: &TenantTx, facility: Uuid) -> ApiResult<()> {
        let f = facilities::find(tx, FacilityId(facility))
            .await?
            .ok_or(DomainError::NotFound { entity: "facility" })?;
        if let Principal::Staff { grants, .. } = self.principal {
            if grants.iter().any(|g| {
                g.role == Role::FacilityAdmin
                    && g.scope == RoleScope::Facility(FacilityId(facility))
            }) {
                return Ok(());
            }
        }
        let admin = self.principal.has_role(Role::StateAdmin)
            || self.principal.has_role(Role::DistrictAdmin);
        match self.principal.registry_write_reach() {
            Ok(reach) if admin && reach.allows(&UnitPath::from_stored(f.unit_path.clone())) => Ok(()),
            _ => Err(ApiError::Forbidden(
                "only the facility's administrator, or the state or district administration, sets its schedules".into(),
            )),
        }
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Uuid,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(Actor::from(self.principal), action, entity, Some(id))
            .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }

    pub async fn add_session(
        &self,
        facility: Uuid,
        department: String,
        professional: Uuid,
        session: WeeklySession,
    ) -> ApiResult<SessionRecord> {
        let mut tx = self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Write)
            .await?;
        self.require_manager(&tx, facility).await?;
        arogya_infra::repos::professionals::find(&tx, professional)
            .await?
            .ok_or_else(|| ApiError::validation("professionalId", "no such professional"))?;
        let s = repo::insert_session(&tx, facility, &department, professional, &session).await?;
        self.audit(&mut tx, AuditAction::ScheduleChange, "clinic_session", s.id, serde_json::json!({ "facility": facility, "department": department, "weekday": s.weekday })).await?;
        tx.commit().await?;
        Ok(s)
    }

    pub async fn add_day_off(
        &self,
        facility: Uuid,
        professional: Uuid,
        on: NaiveDate,
        reason: String,
    ) -> ApiResult<()> {
        let mut tx = self
            .state
            .db
            .tenant_tx(self.tenant()?, Access::Write)
            .await?;
        self.require_manager(&tx, facility).await?;
        let e = repo::add_exception(&tx, professional, on, &reason).await?;
        self.audit(
            &mut tx,
            AuditAction::ScheduleChange,
            "schedule_exception",
            e.id,
            serde_json::json!({ "professional": professional, "on": on }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Free slots of a facility (a department, a clinician) over some days.
    pub async fn free_slots(
        &self,
        facility: Uuid,
        department: Option<&str>,
        professional: Option<Uuid>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<FreeSlot>> {
        let tenant = self.require_booker()?;
        let dates = days(from, to)?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let sessions = repo::sessions(&tx, facility, department, professional).await?;
        let people: Vec<Uuid> = sessions.iter().map(|s| s.professional_id).collect();
        let off = repo::exceptions(&tx, &people, from, to).await?;
        let window_start = arogya_domain::appointment::ist_midnight(from);
        let window_end = arogya_domain::appointment::ist_midnight(to + Duration::days(1));
        let booked = repo::booked_between(&tx, &people, window_start, window_end).await?;
        tx.commit().await?;
        let now = Utc::now();
        let mut out = Vec::new();
        for s in &sessions {
            let Some(rule) = repo::session_of(s) else {
                continue;
            };
            for d in &dates {
                if off
                    .iter()
                    .any(|e| e.professional_id == s.professional_id && e.on_date == *d)
                {
                    continue;
                }
                for (start, end) in rule.slots_on(*d) {
                    let taken = booked
                        .iter()
                        .any(|b| b.professional_id == s.professional_id && b.slot_start == start);
                    if !taken && start > now {
                        out.push(FreeSlot {
                            professional: s.professional_id,
                            department: s.department.clone(),
                            start,
                            end,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|f| (f.start, f.professional));
        Ok(out)
    }

    /// Book the slot that starts at `start` with `professional`.
    #[allow(clippy::too_many_arguments)]
    pub async fn book(
        &self,
        patient: Uuid,
        facility: Uuid,
        department: &str,
        professional: Uuid,
        start: DateTime<Utc>,
        ticket: Option<Uuid>,
        allow_same_day: bool,
    ) -> ApiResult<AppointmentRecord> {
        let tenant = self.require_booker()?;
        if start <= Utc::now() {
            return Err(ApiError::validation("start", "that slot is in the past"));
        }
        let mut tx = self.state.db.tenant_tx(tenant, Access::Write).await?;
        let p = patients::find(&tx, patient)
            .await?
            .ok_or(DomainError::NotFound { entity: "patient" })?;
        let p = patients::resolve(&tx, p).await?;
        let sessions = repo::sessions(&tx, facility, Some(department), Some(professional)).await?;
        let end = sessions
            .iter()
            .filter_map(repo::session_of)
            .find_map(|s| s.has_slot_at(start))
            .ok_or_else(|| {
                ApiError::validation(
                    "start",
                    "the clinician has no slot starting then in this department",
                )
            })?;
        let day = ist_date(start);
        // A second booking the same day at the same facility is usually a mistake (a
        // caller who rang twice): say so, and book only when asked again.
        if !allow_same_day {
            if let Some(b) = repo::booked_on_day(&tx, p.id, facility, day).await? {
                return Err(ApiError::ConflictWith {
                    reason: "SAME_DAY_BOOKING",
                    message: format!(
                        "The patient is already booked at this facility that day: token {} at {} ({}). Book again only if a second visit is meant.",
                        b.token_number,
                        (b.slot_start + chrono::Duration::minutes(330)).format("%H:%M"),
                        b.department
                    ),
                });
            }
        }
        if !repo::exceptions(&tx, &[professional], day, day)
            .await?
            .is_empty()
        {
            return Err(ApiError::validation(
                "start",
                "the clinician is not available that day",
            ));
        }
        let token = repo::next_token(&tx, facility, department, day).await?;
        let a = repo::insert(
            &tx,
            NewAppointment {
                patient: p.id,
                facility,
                department,
                professional,
                start,
                end,
                day,
                token,
                ticket,
                booked_by: self.principal.user_id().0,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::AppointmentBook,
            "appointment",
            a.id,
            serde_json::json!({ "patient": p.id, "start": start, "token": token }),
        )
        .await?;
        tx.commit().await?;
        Ok(a)
    }

    pub async fn cancel(
        &self,
        id: Uuid,
        expected_version: i32,
        reason: String,
    ) -> ApiResult<AppointmentRecord> {
        let tenant = self.require_booker()?;
        let mut tx = self.state.db.tenant_tx(tenant, Access::Write).await?;
        let a = repo::find(&tx, id).await?.ok_or_else(not_found)?;
        let a = repo::cancel(&tx, &a, expected_version, &reason).await?;
        self.audit(
            &mut tx,
            AuditAction::AppointmentCancel,
            "appointment",
            a.id,
            serde_json::json!({ "reason": reason }),
        )
        .await?;
        tx.commit().await?;
        Ok(a)
    }

    /// Move to another slot: the old booking is cancelled and a new one made, in one
    /// transaction (if the new slot is taken, nothing changes).
    pub async fn reschedule(
        &self,
        id: Uuid,
        expected_version: i32,
        start: DateTime<Utc>,
    ) -> ApiResult<AppointmentRecord> {
        let tenant = self.require_booker()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let old = repo::find(&tx, id).await?.ok_or_else(not_found)?;
        tx.commit().await?;
        if old.status != repo::BOOKED {
            return Err(ApiError::validation("id", "the appointment is cancelled"));
        }
        let mut tx = self.state.db.tenant_tx(tenant, Access::Write).await?;
        let current = repo::find(&tx, id).await?.ok_or_else(not_found)?;
        repo::cancel(&tx, &current, expected_version, "rescheduled").await?;
        let sessions = repo::sessions(
            &tx,
            old.facility_id,
            Some(&old.department),
            Some(old.professional_id),
        )
        .await?;
        let end = sessions
            .iter()
            .filter_map(repo::session_of)
            .find_map(|s| s.has_slot_at(start))
            .ok_or_else(|| {
                ApiError::validation("start", "the clinician has no slot starting then")
            })?;
        if start <= Utc::now() {
            return Err(ApiError::validation("start", "that slot is in the past"));
        }
        let day = ist_date(start);
        let token = repo::next_token(&tx, old.facility_id, &old.department, day).await?;
        let a = repo::insert(
            &tx,
            NewAppointment {
                patient: old.patient_id,
                facility: old.facility_id,
                department: &old.department,
                professional: old.professional_id,
                start,
                end,
                day,
                token,
                ticket: old.ticket_id,
                booked_by: self.principal.user_id().0,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::AppointmentReschedule,
            "appointment",
            a.id,
            serde_json::json!({ "from": old.id, "start": start }),
        )
        .await?;
        tx.commit().await?;
        Ok(a)
    }

    pub async fn of_patient(&self, patient: Uuid) -> ApiResult<Vec<AppointmentRecord>> {
        let tenant = self.require_booker()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::of_patient(&tx, patient).await?;
        tx.commit().await?;
        Ok(rows)
    }

    pub async fn day_list(
        &self,
        professional: Uuid,
        day: NaiveDate,
    ) -> ApiResult<Vec<AppointmentRecord>> {
        let tenant = self.require_booker()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::day_list(&tx, professional, day).await?;
        tx.commit().await?;
        Ok(rows)
    }
}
