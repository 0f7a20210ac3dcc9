//! A patient's day chart, the bedside paper a nurse keeps for one patient: the
//! observation chart (each condition entry with its observations and NEWS2), the
//! medication administration record (the day's due doses and how each was marked)
//! and the intake–output chart with its balance. Printed by `print::chart`.

use super::monitoring::AdmittedPatient;
use super::registers::{round_items, Chart, RoundItem};
use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::appointment::ist_midnight;
use arogya_domain::audit::AuditAction;
use arogya_infra::db::Access;
use arogya_infra::repos::clinical;
use arogya_infra::repos::inpatient::conditions::{self, ConditionRecord};
use arogya_infra::repos::inpatient::registers as repo;
use arogya_infra::repos::{patients, users};
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;
use uuid::Uuid;

pub struct PatientChart {
    pub patient: AdmittedPatient,
    pub local_name: Option<String>,
    pub day: NaiveDate,
    /// The day's condition entries, in time order.
    pub observations: Vec<ConditionRecord>,
    pub doses: Vec<RoundItem>,
    pub intake_output: Chart,
    /// Who recorded each entry, by user id: the chart names the nurse.
    pub staff: HashMap<Uuid, String>,
}

impl Inpatient<'_> {
    /// One admission's chart for an IST day: an audited read.
    pub async fn patient_chart(&self, admission: Uuid, day: NaiveDate) -> ApiResult<PatientChart> {
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, admission).await?;
        self.visible_facility(&tx, a.facility_id).await?;
        let from = ist_midnight(day);
        let to = from + Duration::days(1);
        let observations: Vec<ConditionRecord> = conditions::of_admissions(&tx, &[a.id])
            .await?
            .into_iter()
            .filter(|c| c.recorded_at >= from && c.recorded_at < to)
            .collect();
        let entries = match a.encounter_id {
            Some(e) => clinical::in_encounters(&tx, &[e]).await?,
            None => Vec::new(),
        };
        let marks = repo::doses_between(&tx, &[a.id], from, to).await?;
        let lines = repo::intake_output_between(&tx, a.id, from, to).await?;
        let local_name = match a.patient_id {
            Some(p) => patients::find_many(&tx, &[p])
                .await?
                .pop()
                .and_then(|p| p.local_name),
            None => None,
        };
        let mut who: Vec<Uuid> = observations.iter().map(|c| c.recorded_by).collect();
        who.extend(marks.iter().map(|m| m.recorded_by));
        who.extend(lines.iter().map(|l| l.recorded_by));
        who.sort();
        who.dedup();
        let staff = users::find_many(&tx, &who)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let encounter = a.encounter_id;
        let patient = self
            .describe(&tx, vec![a])
            .await?
            .pop()
            .ok_or(ApiError::Internal)?;
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "admission",
            admission,
            serde_json::json!({ "viewed": "patient_chart", "day": day, "patientId": patient.admission.patient_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(PatientChart {
            doses: round_items(&entries, encounter, &marks, day)?,
            patient,
            local_name,
            day,
            observations,
            intake_output: Chart::of(lines),
            staff,
        })
    }
}
