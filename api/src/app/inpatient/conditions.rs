//! The patient's condition: appended at rounds or whenever it changes, never edited;
//! the latest is kept on the admission for the monitoring list.

use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::clinical::entry::{EntryDetails, EntryStatus};
use arogya_domain::inpatient::admission::AdmissionStatus;
use arogya_domain::inpatient::condition::ConditionForm;
use arogya_infra::db::Access;
use arogya_infra::repos::clinical::{self, Author, NewEntry};
use arogya_infra::repos::inpatient::admissions;
use arogya_infra::repos::inpatient::conditions::{self as repo, ConditionRecord};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// A late entry (after a busy night) is allowed this far back.
const MAX_BACKDATE_HOURS: i64 = 72;

impl Inpatient<'_> {
    pub async fn record_condition(
        &self,
        admission: Uuid,
        form: ConditionForm<'_>,
        at: Option<DateTime<Utc>>,
    ) -> ApiResult<ConditionRecord> {
        let entry = form.validate()?;
        let now = Utc::now();
        let at = at.unwrap_or(now);
        if at > now + Duration::minutes(10) {
            return Err(ApiError::validation(
                "recordedAt",
                "must not be in the future: check the phone's date and time",
            ));
        }
        if at < now - Duration::hours(MAX_BACKDATE_HOURS) {
            return Err(ApiError::validation(
                "recordedAt",
                format!("must be within the last {MAX_BACKDATE_HOURS} hours"),
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, admission).await?;
        let professional = self.require_ward_staff(&tx, a.facility_id, false).await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        if at < a.admitted_at {
            return Err(ApiError::validation(
                "recordedAt",
                "must not be before the admission",
            ));
        }
        let vitals = self
            .observations_as_vitals(&tx, &a, &entry, professional, at)
            .await?;
        let r = repo::insert(&tx, a.id, &entry, self.principal.user_id().0, at, vitals).await?;
        admissions::set_latest_condition(&tx, a.id, &entry, at).await?;
        self.audit(&mut tx, AuditAction::ConditionRecord, "admission", a.id, serde_json::json!({ "entry": r.id, "category": r.category, "lifeSupport": r.life_support, "news2": r.news2, "vitalsEntry": vitals })).await?;
        let latest = admissions::find(&tx, a.id).await?.unwrap_or(a);
        let told = self.announce(&tx, &latest, "condition").await?;
        tx.commit().await?;
        self.told(told);
        Ok(r)
    }
}

impl Inpatient<'_> {
    /// The observations of a condition entry also go into the patient's record as
    /// vital signs of the inpatient encounter, so the record's charts and FHIR
    /// vital-signs Observations show them; the entry's id is kept with the condition.
    async fn observations_as_vitals(
        &self,
        tx: &arogya_infra::TenantTx,
        a: &admissions::AdmissionRecord,
        entry: &arogya_domain::inpatient::condition::ConditionEntry,
        professional: Option<Uuid>,
        at: DateTime<Utc>,
    ) -> ApiResult<Option<Uuid>> {
        let (Some(obs), Some(encounter), Some(patient), Some(professional)) = (
            entry.observations,
            a.encounter_id,
            a.patient_id,
            professional,
        ) else {
            return Ok(None);
        };
        let vitals = obs.as_vitals();
        vitals.validate()?;
        let details = EntryDetails::Vitals(vitals);
        let written = clinical::insert(
            tx,
            NewEntry {
                patient,
                encounter: Some(encounter),
                kind: details.kind(),
                status: EntryStatus::Active,
                facility: a.facility_id,
                author: Author {
                    user: self.principal.user_id().0,
                    professional,
                },
                occurred_at: at,
                code: None,
                details: details.to_json(),
                order: None,
            },
        )
        .await?;
        Ok(Some(written.id))
    }
}
