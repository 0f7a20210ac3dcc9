//! A stay: admission to a bed (opening an inpatient encounter in the record),
//! moves between beds, linking an unidentified patient, attendants and their
//! phones, and discharge (closing the encounter with its outcome).

use super::{not_found, stale, Inpatient};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::clinical::encounter::{EncounterDetails, EncounterKind};
use arogya_domain::clinical::entry::{EntryDetails, EntryKind, EntryStatus};
use arogya_domain::inpatient::admission::{
    discharge, AdmissionForm, AdmissionStatus, Attendant, DischargeOutcome,
};
use arogya_domain::inpatient::beds::Housekeeping;
use arogya_domain::inpatient::wards::Department;
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::professional::{ensure_can_author, VerificationStatus};
use arogya_infra::db::Access;
use arogya_infra::repos::clinical::{self, Author, NewEntry, Revision};
use arogya_infra::repos::inpatient::admissions::{
    self as repo, AdmissionRecord, AttendantRecord, NewAdmission,
};
use arogya_infra::repos::inpatient::wards::{self as wards, BedRecord};
use arogya_infra::repos::{patients, professionals};
use arogya_infra::TenantTx;
use chrono::{DateTime, Utc};
use uuid::Uuid;

pub struct AttendantInput {
    pub name: String,
    pub relationship: String,
    pub phone: String,
}

pub struct AdmitInput<'a> {
    pub health_id: Option<&'a str>,
    pub bed: Uuid,
    pub admitting_professional: Uuid,
    pub department: Department,
    pub form: AdmissionForm<'a>,
    pub attendants: Vec<AttendantInput>,
}

fn attendants(input: &[AttendantInput]) -> ApiResult<Vec<Attendant>> {
    if input.len() > 5 {
        return Err(ApiError::validation("attendants", "at most 5 attendants"));
    }
    Ok(input
        .iter()
        .map(|a| Attendant::parse(&a.name, &a.relationship, &a.phone))
        .collect::<Result<_, _>>()?)
}

impl Inpatient<'_> {
    /// A bed free for a patient now, or `CONFLICT` saying what holds it.
    pub(super) async fn require_free(&self, tx: &TenantTx, bed: &BedRecord) -> ApiResult<()> {
        if let Some(h) = repo::holders_of_beds(tx, &[bed.id]).await?.first() {
            let how = if h.status == repo::RESERVED {
                "reserved for another patient"
            } else {
                "occupied"
            };
            return Err(ApiError::Conflict(format!(
                "bed {} is {how}: choose another bed",
                bed.label
            )));
        }
        if bed.housekeeping != Housekeeping::Ready.as_str() {
            return Err(ApiError::Conflict(format!(
                "bed {} is not ready ({}): choose another bed or mark it ready first",
                bed.label,
                bed.housekeeping.replace('_', " ")
            )));
        }
        Ok(())
    }

    /// Another bed of the patient's facility, for a transfer or a hold.
    pub(super) async fn bed_to_move_to(
        &self,
        tx: &TenantTx,
        a: &AdmissionRecord,
        bed: Uuid,
    ) -> ApiResult<BedRecord> {
        let bed = self.bed(tx, bed).await?;
        if bed.facility_id != a.facility_id {
            return Err(ApiError::validation(
                "bedId",
                "the bed is in another facility",
            ));
        }
        if bed.id == a.bed_id {
            return Err(ApiError::validation(
                "bedId",
                "the patient is already in this bed",
            ));
        }
        Ok(bed)
    }

    /// Seat an admission in a bed: exactly one of two simultaneous requests wins.
    pub(super) async fn seat(
        &self,
        tx: &TenantTx,
        admission: Uuid,
        bed: &BedRecord,
        at: DateTime<Utc>,
    ) -> ApiResult<()> {
        repo::assign_bed(tx, admission, bed.id, at, self.principal.user_id().0)
            .await?
            .ok_or_else(|| taken(bed))?;
        Ok(())
    }

    /// The admitting doctor: a verified professional posted at the facility today.
    pub(super) async fn check_admitting(
        &self,
        tx: &TenantTx,
        professional: Uuid,
        facility: Uuid,
    ) -> ApiResult<()> {
        let field = "admittingProfessionalId";
        let p = professionals::find(tx, professional)
            .await?
            .ok_or_else(|| ApiError::validation(field, "no such professional"))?;
        ensure_can_author(VerificationStatus::parse(&p.status)?).map_err(|_| {
            ApiError::validation(field, "the admitting professional must be verified")
        })?;
        let today = crate::app::professionals::today();
        let posted = professionals::attachments_of_professionals(tx, &[p.id], Some(today))
            .await?
            .iter()
            .any(|a| a.facility_id == facility);
        if !posted {
            return Err(ApiError::validation(
                field,
                "the admitting professional is not posted at this facility",
            ));
        }
        Ok(())
    }

    /// Open the inpatient encounter of an admission in the patient's record.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn open_encounter(
        &self,
        tx: &TenantTx,
        patient: Uuid,
        facility: Uuid,
        author: Option<Uuid>,
        attending: Uuid,
        department: Department,
        reason: &str,
        start: DateTime<Utc>,
    ) -> ApiResult<Uuid> {
        let details = EncounterDetails {
            kind: EncounterKind::Inpatient,
            attending,
            department: Some(department.as_str().to_owned()),
            reason: Some(reason.to_owned()),
            start,
            end: None,
            outcome: None,
        };
        let entry = clinical::insert(
            tx,
            NewEntry {
                patient,
                encounter: None,
                kind: EntryKind::Encounter,
                status: EntryStatus::InProgress,
                facility,
                author: Author {
                    user: self.principal.user_id().0,
                    professional: author.unwrap_or(attending),
                },
                occurred_at: start,
                details: EntryDetails::Encounter(details).to_json(),
                code: None,
                order: None,
            },
        )
        .await?;
        Ok(entry.id)
    }

    pub async fn admit(&self, input: AdmitInput<'_>) -> ApiResult<AdmissionRecord> {
        let facts = input.form.validate(Utc::now())?;
        let health_id = input
            .health_id
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(HealthId::parse)
            .transpose()?;
        if health_id.is_none() && facts.unidentified.is_none() {
            return Err(ApiError::validation(
                "healthId",
                "give the patient's health ID, or describe the unidentified patient",
            ));
        }
        let people = attendants(&input.attendants)?;
        let mut tx = self.tx(Access::Write).await?;
        let bed = self.bed(&tx, input.bed).await?;
        let author = self.require_ward_staff(&tx, bed.facility_id, true).await?;
        self.check_admitting(&tx, input.admitting_professional, bed.facility_id)
            .await?;
        let patient = match &health_id {
            None => None,
            Some(h) => {
                let p = patients::find_by_health_id(&tx, h).await?.ok_or_else(|| {
                    ApiError::validation("healthId", "no patient has this health ID")
                })?;
                Some(patients::resolve(&tx, p).await?)
            }
        };
        if let Some(p) = &patient {
            if repo::open_of_patients(&tx, &[p.id]).await?.is_some() {
                return Err(ApiError::Conflict(
                    "the patient is already admitted: transfer them instead".into(),
                ));
            }
        }
        self.require_free(&tx, &bed).await?;
        let encounter = match &patient {
            Some(p) => Some(
                self.open_encounter(
                    &tx,
                    p.id,
                    bed.facility_id,
                    author,
                    input.admitting_professional,
                    input.department,
                    &facts.reason,
                    facts.admitted_at,
                )
                .await?,
            ),
            None => None,
        };
        let a = repo::insert(
            &tx,
            NewAdmission {
                patient: patient.as_ref().map(|p| p.id),
                facility: bed.facility_id,
                ward: bed.ward_id,
                bed: bed.id,
                encounter,
                admitting_professional: input.admitting_professional,
                department: input.department,
                facts: &facts,
                by: self.principal.user_id().0,
            },
        )
        .await?;
        self.seat(&tx, a.id, &bed, facts.admitted_at).await?;
        for p in &people {
            repo::insert_attendant(&tx, a.id, p).await?;
        }
        self.audit(&mut tx, AuditAction::Admit, "admission", a.id, serde_json::json!({ "patientId": a.patient_id, "facilityId": a.facility_id, "bedId": bed.id, "unidentified": a.unidentified.is_some() })).await?;
        let told = self.announce(&tx, &a, "admit").await?;
        tx.commit().await?;
        self.told(told);
        Ok(a)
    }

    /// An open admission the caller works on (ward staff, or bed managers when
    /// `managers_too`).
    async fn open_admission(
        &self,
        tx: &TenantTx,
        id: Uuid,
        expected_version: i32,
        managers_too: bool,
    ) -> ApiResult<(AdmissionRecord, Option<Uuid>)> {
        let a = self.admission(tx, id).await?;
        let author = self
            .require_ward_staff(tx, a.facility_id, managers_too)
            .await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        if a.version != expected_version {
            return Err(stale("admission"));
        }
        Ok((a, author))
    }

    /// Move a patient to another bed of the same facility (another ward too).
    pub async fn transfer(
        &self,
        id: Uuid,
        expected_version: i32,
        to_bed: Uuid,
    ) -> ApiResult<AdmissionRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let (a, _) = self.open_admission(&tx, id, expected_version, true).await?;
        let bed = self.bed_to_move_to(&tx, &a, to_bed).await?;
        let now = Utc::now();
        // A bed held for this patient is theirs to move into; any other hold is given up.
        repo::cancel_reservations(&tx, a.id, now).await?;
        self.require_free(&tx, &bed).await?;
        repo::release_bed(&tx, a.id, now).await?;
        wards::needs_cleaning(&tx, a.bed_id).await?;
        self.seat(&tx, a.id, &bed, now).await?;
        let moved = repo::moved(&tx, &a, bed.ward_id, bed.id)
            .await?
            .ok_or_else(|| stale("admission"))?;
        self.audit(
            &mut tx,
            AuditAction::Transfer,
            "admission",
            a.id,
            serde_json::json!({ "fromBed": a.bed_id, "toBed": bed.id }),
        )
        .await?;
        let told = self.announce(&tx, &moved, "transfer").await?;
        tx.commit().await?;
        self.told(told);
        Ok(moved)
    }

    /// End the stay: the bed goes for cleaning, the encounter is finished with the
    /// outcome.
    pub async fn discharge(
        &self,
        id: Uuid,
        expected_version: i32,
        outcome: DischargeOutcome,
        at: Option<DateTime<Utc>>,
        time_of_death: Option<DateTime<Utc>>,
        note: Option<&str>,
    ) -> ApiResult<AdmissionRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let (a, author) = self
            .open_admission(&tx, id, expected_version, false)
            .await?;
        let d = discharge(outcome, at, time_of_death, note, a.admitted_at, Utc::now())?;
        repo::release_bed(&tx, a.id, d.at).await?;
        wards::needs_cleaning(&tx, a.bed_id).await?;
        if let (Some(enc), Some(professional)) = (a.encounter_id, author) {
            self.finish_encounter(&tx, enc, professional, &d).await?;
        }
        let done = repo::discharged(&tx, &a, &d)
            .await?
            .ok_or_else(|| stale("admission"))?;
        self.audit(
            &mut tx,
            AuditAction::Discharge,
            "admission",
            a.id,
            serde_json::json!({ "outcome": outcome.as_str(), "at": d.at }),
        )
        .await?;
        let told = self.announce(&tx, &done, "discharge").await?;
        tx.commit().await?;
        self.told(told);
        Ok(done)
    }

    pub(super) async fn finish_encounter(
        &self,
        tx: &TenantTx,
        encounter: Uuid,
        professional: Uuid,
        d: &arogya_domain::inpatient::admission::Discharge,
    ) -> ApiResult<()> {
        let Some(current) = clinical::find(tx, encounter).await? else {
            return Err(not_found("encounter"));
        };
        if current.status != EntryStatus::InProgress.as_str() {
            return Ok(());
        }
        let EntryDetails::Encounter(mut details) =
            crate::app::records::details_of(&current.kind, &current.details)?
        else {
            return Err(ApiError::Internal);
        };
        details.end = Some(d.at);
        details.outcome = Some(d.outcome.encounter_outcome());
        clinical::revise(
            tx,
            &current,
            current.version,
            Revision {
                status: EntryStatus::Finished,
                occurred_at: details.start,
                details: EntryDetails::Encounter(details).to_json(),
                code: None,
                author: Author {
                    user: self.principal.user_id().0,
                    professional,
                },
                reason: Some("discharged".into()),
                error_reason: None,
            },
        )
        .await?;
        Ok(())
    }

    /// Link an admission of an unidentified patient to their registered record.
    pub async fn identify(
        &self,
        id: Uuid,
        expected_version: i32,
        health_id: &str,
    ) -> ApiResult<AdmissionRecord> {
        let h = HealthId::parse(health_id.trim())?;
        let mut tx = self.tx(Access::Write).await?;
        let (a, author) = self.open_admission(&tx, id, expected_version, true).await?;
        if a.patient_id.is_some() {
            return Err(ApiError::Conflict(
                "this admission already names its patient".into(),
            ));
        }
        let p = patients::find_by_health_id(&tx, &h)
            .await?
            .ok_or_else(|| ApiError::validation("healthId", "no patient has this health ID"))?;
        let p = patients::resolve(&tx, p).await?;
        if repo::open_of_patients(&tx, &[p.id]).await?.is_some() {
            return Err(ApiError::Conflict(
                "that patient is already admitted".into(),
            ));
        }
        let department = Department::parse(&a.department)?;
        let enc = self
            .open_encounter(
                &tx,
                p.id,
                a.facility_id,
                author,
                a.admitting_professional_id,
                department,
                &a.reason,
                a.admitted_at,
            )
            .await?;
        let linked = repo::identified(&tx, &a, p.id, enc)
            .await?
            .ok_or_else(|| stale("admission"))?;
        self.audit(
            &mut tx,
            AuditAction::IdentifyAdmission,
            "admission",
            a.id,
            serde_json::json!({ "patientId": p.id }),
        )
        .await?;
        tx.commit().await?;
        Ok(linked)
    }

    pub async fn add_attendant(
        &self,
        admission: Uuid,
        input: AttendantInput,
    ) -> ApiResult<AttendantRecord> {
        let person = Attendant::parse(&input.name, &input.relationship, &input.phone)?;
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, admission).await?;
        self.require_ward_staff(&tx, a.facility_id, true).await?;
        if repo::attendants_of(&tx, &[a.id], true).await?.len() >= 5 {
            return Err(ApiError::validation("attendants", "at most 5 attendants"));
        }
        let r = repo::insert_attendant(&tx, a.id, &person).await?;
        self.audit(
            &mut tx,
            AuditAction::AttendantChange,
            "admission",
            a.id,
            serde_json::json!({ "added": r.id }),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// The ward removes an attendant: no more codes go to them.
    pub async fn remove_attendant(&self, attendant: Uuid) -> ApiResult<()> {
        let mut tx = self.tx(Access::Write).await?;
        let r = repo::find_attendant(&tx, attendant)
            .await?
            .ok_or_else(|| not_found("attendant"))?;
        let a = self.admission(&tx, r.admission_id).await?;
        self.require_ward_staff(&tx, a.facility_id, true).await?;
        if !repo::attendant_removed(&tx, attendant).await? {
            return Err(ApiError::Conflict(
                "the attendant was already removed".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::AttendantChange,
            "admission",
            a.id,
            serde_json::json!({ "removed": attendant }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Verified doctors posted at the facility today: who may be named as admitting.
    pub async fn admitting_doctors(&self, facility: Uuid) -> ApiResult<Vec<(Uuid, String)>> {
        let tx = self.tx(Access::Read).await?;
        self.visible_facility(&tx, facility).await?;
        let today = crate::app::professionals::today();
        let posted = professionals::staff_of_facilities(&tx, &[facility], today).await?;
        let ids: Vec<Uuid> = posted.iter().map(|a| a.professional_id).collect();
        let mut doctors: Vec<(Uuid, String)> = professionals::find_many(&tx, &ids)
            .await?
            .into_iter()
            .filter(|p| p.kind == "doctor" && p.status == VerificationStatus::Verified.as_str())
            .map(|p| (p.id, p.name))
            .collect();
        tx.commit().await?;
        doctors.sort_by(|a, b| a.1.cmp(&b.1));
        doctors.dedup_by_key(|d| d.0);
        Ok(doctors)
    }
}

/// `CONFLICT` for a bed another request took between the check and the insert.
pub(super) fn taken(bed: &BedRecord) -> ApiError {
    ApiError::Conflict(format!(
        "bed {} was taken a moment ago: choose another bed",
        bed.label
    ))
}
