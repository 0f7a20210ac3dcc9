//! The nurses' registers: the medication round (due doses of the active
//! prescriptions of each patient on the ward, marked given, held, refused or not
//! available), the intake–output chart with its 24-hour balance, and shift handovers
//! signed by the outgoing and the incoming nurse.

use super::{not_found, Inpatient};
use crate::error::{ApiError, ApiResult};
use arogya_domain::appointment::ist_midnight;
use arogya_domain::audit::AuditAction;
use arogya_domain::clinical::entry::{EntryDetails, EntryKind, EntryStatus};
use arogya_domain::clinical::prescription::PrescriptionItem;
use arogya_domain::inpatient::admission::AdmissionStatus;
use arogya_domain::inpatient::intake::{volume_ml, Balance, FluidKind, Shift};
use arogya_domain::inpatient::mar::{due_on, DoseStatus};
use arogya_infra::db::Access;
use arogya_infra::repos::clinical::{self, EntryRecord};
use arogya_infra::repos::inpatient::admissions::{self, AdmissionRecord, OpenFilter};
use arogya_infra::repos::inpatient::registers::{
    self as repo, DoseRecord, HandoverRecord, IntakeOutputRecord, NewDose, NewHandover,
    NewIntakeOutput,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use super::monitoring::AdmittedPatient;

/// One drug of a patient's active prescription, with the day's due doses and marks.
pub struct RoundItem {
    pub prescription: Uuid,
    pub index: i16,
    pub item: PrescriptionItem,
    pub due: Vec<DateTime<Utc>>,
    pub marks: Vec<DoseRecord>,
}

pub struct RoundPatient {
    pub patient: AdmittedPatient,
    pub items: Vec<RoundItem>,
}

pub struct Chart {
    pub lines: Vec<IntakeOutputRecord>,
    pub balance: Balance,
}

impl Chart {
    /// The lines with their balance (lines in error left out of it).
    pub fn of(lines: Vec<IntakeOutputRecord>) -> Self {
        let mut balance = Balance::default();
        for l in lines.iter().filter(|l| l.entered_in_error_at.is_none()) {
            if let Ok(k) = FluidKind::parse(&l.kind) {
                balance.add(k, l.volume_ml);
            }
        }
        Self { lines, balance }
    }
}

/// Prescriptions in force: written in the stay's encounter, not cancelled or in error.
fn active_prescriptions(entries: &[EntryRecord]) -> Vec<&EntryRecord> {
    entries
        .iter()
        .filter(|e| e.kind == EntryKind::Prescription.as_str())
        .filter(|e| {
            e.status != EntryStatus::EnteredInError.as_str()
                && e.status != EntryStatus::Cancelled.as_str()
        })
        .collect()
}

fn items_of(e: &EntryRecord) -> ApiResult<Vec<PrescriptionItem>> {
    match crate::app::records::details_of(&e.kind, &e.details)? {
        EntryDetails::Prescription(p) => Ok(p.items),
        _ => Ok(Vec::new()),
    }
}

/// The drugs of the stay's prescriptions in force, with the day's due doses and marks.
pub(super) fn round_items(
    entries: &[EntryRecord],
    encounter: Option<Uuid>,
    marks: &[DoseRecord],
    day: NaiveDate,
) -> ApiResult<Vec<RoundItem>> {
    let mine: Vec<EntryRecord> = entries
        .iter()
        .filter(|e| Some(e.encounter_id) == encounter)
        .cloned()
        .collect();
    let mut items = Vec::new();
    for e in active_prescriptions(&mine) {
        for (i, item) in items_of(e)?.into_iter().enumerate() {
            let due = due_on(&item.frequency, e.occurred_at, item.duration_days, day);
            let item_marks = marks
                .iter()
                .filter(|m| m.prescription_id == e.id && m.item_index == i as i16)
                .cloned()
                .collect();
            items.push(RoundItem {
                prescription: e.id,
                index: i as i16,
                item,
                due,
                marks: item_marks,
            });
        }
    }
    Ok(items)
}

impl Inpatient<'_> {
    /// A ward's medication round for an IST day: an audited read of its patients.
    pub async fn medication_round(
        &self,
        ward: Uuid,
        day: NaiveDate,
    ) -> ApiResult<Vec<RoundPatient>> {
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        self.visible_facility(&tx, w.facility_id).await?;
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
        let encounters: Vec<Uuid> = open.iter().filter_map(|a| a.encounter_id).collect();
        let entries = clinical::in_encounters(&tx, &encounters).await?;
        let ids: Vec<Uuid> = open.iter().map(|a| a.id).collect();
        let from = ist_midnight(day);
        let marks = repo::doses_between(&tx, &ids, from, from + Duration::days(1)).await?;
        let described = self.describe(&tx, open).await?;
        let shown: Vec<Uuid> = described
            .iter()
            .filter_map(|p| p.admission.patient_id)
            .collect();
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "ward",
            ward,
            serde_json::json!({ "viewed": "medication_round", "patientIds": shown }),
        )
        .await?;
        tx.commit().await?;
        let mut out = Vec::new();
        for p in described {
            let items = round_items(&entries, p.admission.encounter_id, &marks, day)?;
            out.push(RoundPatient { patient: p, items });
        }
        Ok(out)
    }

    /// An open admission the caller nurses, for a register entry.
    async fn nursed(
        &self,
        tx: &arogya_infra::TenantTx,
        admission: Uuid,
    ) -> ApiResult<AdmissionRecord> {
        let a = self.admission(tx, admission).await?;
        self.require_ward_staff(tx, a.facility_id, false).await?;
        if a.status != AdmissionStatus::Admitted.as_str() {
            return Err(ApiError::Conflict("the patient has been discharged".into()));
        }
        Ok(a)
    }

    /// Mark a dose. A due dose is marked once; `correct` replaces its mark (both kept).
    #[allow(clippy::too_many_arguments)]
    pub async fn mark_dose(
        &self,
        admission: Uuid,
        prescription: Uuid,
        item: i16,
        due_at: Option<DateTime<Utc>>,
        status: DoseStatus,
        note: Option<String>,
        correct: bool,
    ) -> ApiResult<DoseRecord> {
        let note = note
            .map(|n| arogya_domain::helpline::ticket_text(&n, "note", 300))
            .transpose()?;
        if status != DoseStatus::Given && note.is_none() {
            return Err(ApiError::validation(
                "note",
                "say why the dose was not given",
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let a = self.nursed(&tx, admission).await?;
        let e = clinical::find(&tx, prescription)
            .await?
            .filter(|e| {
                e.kind == EntryKind::Prescription.as_str() && Some(e.encounter_id) == a.encounter_id
            })
            .ok_or_else(|| {
                ApiError::validation("prescriptionId", "not a prescription of this stay")
            })?;
        if e.status == EntryStatus::EnteredInError.as_str()
            || e.status == EntryStatus::Cancelled.as_str()
        {
            return Err(ApiError::Conflict(
                "the prescription is no longer in force".into(),
            ));
        }
        let items = items_of(&e)?;
        let Some(drug) = items.get(item.max(0) as usize) else {
            return Err(ApiError::validation(
                "itemIndex",
                "no such drug in the prescription",
            ));
        };
        if let Some(due) = due_at {
            let day = arogya_domain::appointment::ist_date(due);
            if !due_on(&drug.frequency, e.occurred_at, drug.duration_days, day).contains(&due) {
                return Err(ApiError::validation(
                    "dueAt",
                    "no dose of this drug is due then",
                ));
            }
        }
        let r = repo::mark_dose(
            &tx,
            NewDose {
                admission: a.id,
                prescription: e.id,
                item,
                due_at,
                status: status.as_str(),
                note,
                by: self.principal.user_id().0,
                at: Utc::now(),
            },
            correct,
        )
        .await?;
        self.audit(&mut tx, AuditAction::ConditionRecord, "medication_administration", r.id, serde_json::json!({ "admission": a.id, "prescription": e.id, "item": item, "status": r.status, "corrected": correct })).await?;
        tx.commit().await?;
        Ok(r)
    }

    pub async fn add_intake_output(
        &self,
        admission: Uuid,
        kind: FluidKind,
        volume: i32,
        at: Option<DateTime<Utc>>,
        note: Option<String>,
    ) -> ApiResult<IntakeOutputRecord> {
        let volume = volume_ml(volume)?;
        let note = note
            .map(|n| arogya_domain::helpline::ticket_text(&n, "note", 200))
            .transpose()?;
        let now = Utc::now();
        let at = at.unwrap_or(now);
        if at > now + Duration::minutes(10) {
            return Err(ApiError::validation("at", "must not be in the future"));
        }
        let mut tx = self.tx(Access::Write).await?;
        let a = self.nursed(&tx, admission).await?;
        if at < a.admitted_at {
            return Err(ApiError::validation(
                "at",
                "must not be before the admission",
            ));
        }
        let r = repo::add_intake_output(
            &tx,
            NewIntakeOutput {
                admission: a.id,
                at,
                direction: if kind.is_intake() { "in" } else { "out" },
                kind: kind.as_str(),
                volume_ml: volume,
                note,
                by: self.principal.user_id().0,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::ConditionRecord,
            "intake_output",
            r.id,
            serde_json::json!({ "admission": a.id, "kind": r.kind, "ml": r.volume_ml }),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// A wrong line is struck out (kept), never deleted.
    pub async fn intake_output_in_error(&self, id: Uuid) -> ApiResult<()> {
        let mut tx = self.tx(Access::Write).await?;
        let line = repo::find_intake_output(&tx, id)
            .await?
            .ok_or_else(|| not_found("intake–output line"))?;
        self.nursed(&tx, line.admission_id).await?;
        if !repo::intake_output_in_error(&tx, id).await? {
            return Err(ApiError::Conflict(
                "the line is already marked in error".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::ConditionRecord,
            "intake_output",
            id,
            serde_json::json!({ "enteredInError": true }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An admission's chart for an IST day with its balance (lines in error left out).
    pub async fn intake_output_chart(&self, admission: Uuid, day: NaiveDate) -> ApiResult<Chart> {
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, admission).await?;
        self.visible_facility(&tx, a.facility_id).await?;
        let from = ist_midnight(day);
        let lines = repo::intake_output_between(&tx, a.id, from, from + Duration::days(1)).await?;
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "admission",
            a.id,
            serde_json::json!({ "viewed": "intake_output", "patientId": a.patient_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(Chart::of(lines))
    }

    pub async fn write_handover(
        &self,
        ward: Uuid,
        day: NaiveDate,
        shift: Shift,
        summary: &str,
        pending: Option<&str>,
    ) -> ApiResult<HandoverRecord> {
        let summary = arogya_domain::helpline::ticket_text(summary, "summary", 4000)?;
        let pending = pending
            .filter(|p| !p.trim().is_empty())
            .map(|p| arogya_domain::helpline::ticket_text(p, "pendingTasks", 4000))
            .transpose()?;
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        self.require_ward_staff(&tx, w.facility_id, false).await?;
        let r = repo::add_handover(
            &tx,
            NewHandover {
                ward,
                day,
                shift: shift.as_str(),
                summary,
                pending,
                by: self.principal.user_id().0,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            AuditAction::ConditionRecord,
            "handover_note",
            r.id,
            serde_json::json!({ "ward": ward, "day": day, "shift": shift.as_str() }),
        )
        .await?;
        tx.commit().await?;
        Ok(r)
    }

    /// The incoming nurse signs the handover (not the one who wrote it).
    pub async fn receive_handover(&self, id: Uuid) -> ApiResult<HandoverRecord> {
        let mut tx = self.tx(Access::Write).await?;
        let h = repo::find_handover(&tx, id)
            .await?
            .ok_or_else(|| not_found("handover"))?;
        let w = self.ward(&tx, h.ward_id).await?;
        self.require_ward_staff(&tx, w.facility_id, false).await?;
        if h.outgoing_by == self.principal.user_id().0 {
            return Err(ApiError::validation(
                "id",
                "the incoming nurse signs, not the one handing over",
            ));
        }
        if !repo::receive_handover(&tx, id, self.principal.user_id().0).await? {
            return Err(ApiError::Conflict(
                "the handover was already received".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::ConditionRecord,
            "handover_note",
            id,
            serde_json::json!({ "received": true }),
        )
        .await?;
        let h = repo::find_handover(&tx, id)
            .await?
            .ok_or_else(|| not_found("handover"))?;
        tx.commit().await?;
        Ok(h)
    }

    pub async fn handovers(
        &self,
        ward: Uuid,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<HandoverRecord>> {
        let tx = self.tx(Access::Read).await?;
        let w = self.ward(&tx, ward).await?;
        self.visible_facility(&tx, w.facility_id).await?;
        let list = repo::handovers(&tx, ward, from, to).await?;
        tx.commit().await?;
        Ok(list)
    }
}
