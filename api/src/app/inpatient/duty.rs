//! The ward's duty list: what is overdue now. Condition entries past their due time
//! (the CPMS rule), deaths entered later than the tenant allows (two hours unless it
//! says otherwise) in the last two days, and discharges of the last two days whose discharge summary is not yet
//! written in the record.

use super::monitoring::AdmittedPatient;
use super::Inpatient;
use crate::error::ApiResult;
use arogya_domain::audit::AuditAction;
use arogya_domain::clinical::entry::{EntryKind, EntryStatus};
use arogya_infra::db::Access;
use arogya_infra::repos::clinical;
use arogya_infra::repos::inpatient::admissions::{self, OpenFilter};
use chrono::{Duration, Utc};
use uuid::Uuid;

pub struct DutyList {
    pub overdue_observations: Vec<AdmittedPatient>,
    pub late_death_entries: Vec<AdmittedPatient>,
    pub discharge_summaries_pending: Vec<AdmittedPatient>,
}

impl Inpatient<'_> {
    pub async fn duty_list(&self, ward: Uuid) -> ApiResult<DutyList> {
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        self.visible_facility(&tx, w.facility_id).await?;
        let now = Utc::now();
        let open = admissions::open(
            &tx,
            &OpenFilter {
                facilities: Some(vec![w.facility_id]),
                ward: Some(ward),
                ..Default::default()
            },
            500,
        )
        .await?;
        let recent =
            admissions::discharged_from_ward_since(&tx, ward, now - Duration::hours(48)).await?;
        let encounters: Vec<Uuid> = recent.iter().filter_map(|a| a.encounter_id).collect();
        let summaries: Vec<Uuid> = clinical::in_encounters(&tx, &encounters)
            .await?
            .into_iter()
            .filter(|e| {
                e.kind == EntryKind::DischargeSummary.as_str()
                    && e.status != EntryStatus::EnteredInError.as_str()
            })
            .map(|e| e.encounter_id)
            .collect();
        let hours = super::settings::death_entry_hours(&tx).await?;
        let late: Vec<_> = recent
            .iter()
            .filter(|a| match (a.time_of_death, a.discharge_recorded_at) {
                (Some(died), Some(entered)) => entered - died > Duration::hours(hours),
                _ => false,
            })
            .cloned()
            .collect();
        let pending: Vec<_> = recent
            .iter()
            .filter(|a| a.encounter_id.is_some_and(|e| !summaries.contains(&e)))
            .cloned()
            .collect();
        let overdue: Vec<_> = self
            .describe(&tx, open)
            .await?
            .into_iter()
            .filter(|p| p.overdue(now))
            .collect();
        let late = self.describe(&tx, late).await?;
        let pending = self.describe(&tx, pending).await?;
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "ward",
            ward,
            serde_json::json!({ "viewed": "duty_list" }),
        )
        .await?;
        tx.commit().await?;
        Ok(DutyList {
            overdue_observations: overdue,
            late_death_entries: late,
            discharge_summaries_pending: pending,
        })
    }
}
