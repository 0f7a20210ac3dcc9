//! The patient's condition: appended at rounds or whenever it changes, never edited;
//! the latest is kept on the admission for the monitoring list.

use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::inpatient::admission::AdmissionStatus;
use arogya_domain::inpatient::condition::ConditionForm;
use arogya_infra::db::Access;
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
                "must not be in the future",
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
        self.require_ward_staff(&tx, a.facility_id, false).await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        if at < a.admitted_at {
            return Err(ApiError::validation(
                "recordedAt",
                "must not be before the admission",
            ));
        }
        let r = repo::insert(&tx, a.id, &entry, self.principal.user_id().0, at).await?;
        admissions::set_latest_condition(&tx, a.id, &entry, at).await?;
        self.audit(&mut tx, AuditAction::ConditionRecord, "admission", a.id, serde_json::json!({ "entry": r.id, "category": r.category, "lifeSupport": r.life_support, "news2": r.news2 })).await?;
        let latest = admissions::find(&tx, a.id).await?.unwrap_or(a);
        let told = self.announce(&tx, &latest, "condition").await?;
        tx.commit().await?;
        self.told(told);
        Ok(r)
    }
}
