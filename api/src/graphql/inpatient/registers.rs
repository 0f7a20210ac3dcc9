//! The nurses' registers over GraphQL: the medication round, the intake–output chart
//! and shift handovers.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::registers::{Chart, RoundItem, RoundPatient};
use arogya_domain::inpatient::intake as di;
use arogya_domain::inpatient::mar as dm;
use arogya_infra::repos::inpatient::registers::{DoseRecord, HandoverRecord, IntakeOutputRecord};
use chrono::NaiveDate;

mirror_enum!(DoseStatus = "arogya_domain::inpatient::mar::DoseStatus" { Given, Held, Refused, NotAvailable });
mirror_enum!(FluidKind = "arogya_domain::inpatient::intake::FluidKind" {
    Oral, Intravenous, NasogastricTube, Blood, Urine, Drain, Vomit, Stool, Aspirate
});
mirror_enum!(NursingShift = "arogya_domain::inpatient::intake::Shift" { Morning, Evening, Night });

#[derive(SimpleObject)]
pub struct DoseMark {
    pub id: ID,
    pub due_at: Option<DateTime<Utc>>,
    pub status: Option<DoseStatus>,
    pub note: Option<String>,
    pub recorded_by: ID,
    pub recorded_at: DateTime<Utc>,
}

impl From<DoseRecord> for DoseMark {
    fn from(d: DoseRecord) -> Self {
        Self {
            id: id(d.id),
            due_at: d.due_at,
            status: stored(&d.status, dm::DoseStatus::parse),
            note: d.note,
            recorded_by: id(d.recorded_by),
            recorded_at: d.recorded_at,
        }
    }
}

/// A due dose and its mark, if marked.
#[derive(SimpleObject)]
pub struct DueDose {
    pub due_at: DateTime<Utc>,
    pub mark: Option<DoseMark>,
}

#[derive(SimpleObject)]
pub struct RoundDrug {
    pub prescription_id: ID,
    pub item_index: i32,
    /// "Paracetamol 500 mg, 1 tablet, oral".
    pub drug: String,
    pub frequency: String,
    /// Due doses of the day (none when the frequency has no fixed times).
    pub due: Vec<DueDose>,
    /// Doses given without a fixed time (as needed).
    pub as_needed: Vec<DoseMark>,
}

impl From<RoundItem> for RoundDrug {
    fn from(r: RoundItem) -> Self {
        let i = &r.item;
        let drug = [
            Some(i.drug_name.clone()),
            i.strength.clone(),
            Some(i.dose.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        let due = r
            .due
            .iter()
            .map(|t| DueDose {
                due_at: *t,
                mark: r
                    .marks
                    .iter()
                    .find(|m| m.due_at == Some(*t))
                    .cloned()
                    .map(Into::into),
            })
            .collect();
        Self {
            prescription_id: id(r.prescription),
            item_index: r.index as i32,
            drug,
            frequency: r.item.frequency.clone(),
            due,
            as_needed: r
                .marks
                .iter()
                .filter(|m| m.due_at.is_none())
                .cloned()
                .map(Into::into)
                .collect(),
        }
    }
}

#[derive(SimpleObject)]
pub struct RoundBed {
    pub admission: Admission,
    pub drugs: Vec<RoundDrug>,
}

impl From<RoundPatient> for RoundBed {
    fn from(r: RoundPatient) -> Self {
        Self {
            admission: r.patient.into(),
            drugs: r.items.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(SimpleObject)]
pub struct IntakeOutputLine {
    pub id: ID,
    pub at: DateTime<Utc>,
    pub kind: Option<FluidKind>,
    pub intake: bool,
    pub volume_ml: i32,
    pub note: Option<String>,
    /// Struck out, never deleted.
    pub entered_in_error: bool,
}

impl From<IntakeOutputRecord> for IntakeOutputLine {
    fn from(l: IntakeOutputRecord) -> Self {
        Self {
            id: id(l.id),
            at: l.at,
            kind: stored(&l.kind, di::FluidKind::parse),
            intake: l.direction == "in",
            volume_ml: l.volume_ml,
            note: l.note,
            entered_in_error: l.entered_in_error_at.is_some(),
        }
    }
}

#[derive(SimpleObject)]
pub struct IntakeOutputChart {
    pub lines: Vec<IntakeOutputLine>,
    pub intake_ml: i64,
    pub output_ml: i64,
    /// Intake less output over the day.
    pub balance_ml: i64,
}

impl From<Chart> for IntakeOutputChart {
    fn from(c: Chart) -> Self {
        Self {
            intake_ml: c.balance.intake_ml,
            output_ml: c.balance.output_ml,
            balance_ml: c.balance.net_ml(),
            lines: c.lines.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(SimpleObject)]
pub struct Handover {
    pub id: ID,
    pub ward_id: ID,
    pub day: NaiveDate,
    pub shift: Option<NursingShift>,
    pub summary: String,
    pub pending_tasks: Option<String>,
    pub outgoing_by: ID,
    pub outgoing_at: DateTime<Utc>,
    pub incoming_by: Option<ID>,
    pub incoming_at: Option<DateTime<Utc>>,
}

impl From<HandoverRecord> for Handover {
    fn from(h: HandoverRecord) -> Self {
        Self {
            id: id(h.id),
            ward_id: id(h.ward_id),
            day: h.day,
            shift: stored(&h.shift, di::Shift::parse),
            summary: h.summary,
            pending_tasks: h.pending_tasks,
            outgoing_by: id(h.outgoing_by),
            outgoing_at: h.outgoing_at,
            incoming_by: h.incoming_by.map(id),
            incoming_at: h.incoming_at,
        }
    }
}

#[derive(InputObject)]
pub struct DoseMarkInput {
    pub admission_id: ID,
    pub prescription_id: ID,
    pub item_index: i32,
    /// The due dose; leave out for a dose given as needed.
    pub due_at: Option<DateTime<Utc>>,
    pub status: DoseStatus,
    /// Required unless given: why it was held, refused or not available.
    pub note: Option<String>,
    /// Replace the dose's current mark (both are kept).
    #[graphql(default)]
    pub correct: bool,
}

/// What is overdue on a ward now.
#[derive(SimpleObject)]
pub struct DutyList {
    /// Condition entries past their due time (the CPMS rule).
    pub overdue_observations: Vec<Admission>,
    /// Deaths of the last two days entered more than two hours after the time of death.
    pub late_death_entries: Vec<Admission>,
    /// Discharges of the last two days without a discharge summary in the record.
    pub discharge_summaries_pending: Vec<Admission>,
}

/// A tenant's inpatient rules.
#[derive(SimpleObject)]
pub struct InpatientSettings {
    /// Condition entries a day for patients in ICU, HDU and ventilator beds.
    pub critical_care_per_day: i32,
    /// For other critical patients.
    pub critical_per_day: i32,
    pub others_per_day: i32,
    /// Deaths entered later than this are flagged on the duty list.
    pub death_entry_hours: i32,
    /// 0 while the defaults (the CPMS rule) apply.
    pub version: i32,
}

impl From<crate::app::inpatient::settings::Settings> for InpatientSettings {
    fn from(s: crate::app::inpatient::settings::Settings) -> Self {
        Self {
            critical_care_per_day: s.rule.critical_care_per_day as i32,
            critical_per_day: s.rule.critical_per_day as i32,
            others_per_day: s.rule.others_per_day as i32,
            death_entry_hours: s.death_entry_hours as i32,
            version: s.version,
        }
    }
}

#[derive(Default)]
pub struct NursingQuery;

#[Object]
impl NursingQuery {
    /// A ward's medication round for a day: each patient's drugs with their due doses.
    async fn medication_round(
        &self,
        ctx: &Context<'_>,
        ward_id: ID,
        day: NaiveDate,
    ) -> ApiResult<Vec<RoundBed>> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?
            .medication_round(w, day)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    async fn inpatient_settings(&self, ctx: &Context<'_>) -> ApiResult<InpatientSettings> {
        Ok(inpatient(ctx)?.settings().await?.into())
    }

    /// What is overdue on a ward now.
    async fn duty_list(&self, ctx: &Context<'_>, ward_id: ID) -> ApiResult<DutyList> {
        let w = parse_id("wardId", &ward_id)?;
        let d = inpatient(ctx)?.duty_list(w).await?;
        let list = |v: Vec<crate::app::inpatient::AdmittedPatient>| {
            v.into_iter().map(Into::into).collect()
        };
        Ok(DutyList {
            overdue_observations: list(d.overdue_observations),
            late_death_entries: list(d.late_death_entries),
            discharge_summaries_pending: list(d.discharge_summaries_pending),
        })
    }

    async fn intake_output_chart(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        day: NaiveDate,
    ) -> ApiResult<IntakeOutputChart> {
        let a = parse_id("admissionId", &admission_id)?;
        Ok(inpatient(ctx)?.intake_output_chart(a, day).await?.into())
    }

    async fn handovers(
        &self,
        ctx: &Context<'_>,
        ward_id: ID,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ApiResult<Vec<Handover>> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?
            .handovers(w, from, to)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

#[derive(Default)]
pub struct NursingMutation;

#[Object]
impl NursingMutation {
    /// Mark a dose given, held, refused or not available (a due dose once; correct to change).
    async fn mark_dose(&self, ctx: &Context<'_>, input: DoseMarkInput) -> ApiResult<DoseMark> {
        let a = parse_id("admissionId", &input.admission_id)?;
        let p = parse_id("prescriptionId", &input.prescription_id)?;
        let item = i16::try_from(input.item_index)
            .map_err(|_| ApiError::validation("itemIndex", "no such drug in the prescription"))?;
        Ok(inpatient(ctx)?
            .mark_dose(
                a,
                p,
                item,
                input.due_at,
                input.status.into(),
                input.note,
                input.correct,
            )
            .await?
            .into())
    }

    async fn add_intake_output(
        &self,
        ctx: &Context<'_>,
        admission_id: ID,
        kind: FluidKind,
        volume_ml: i32,
        at: Option<DateTime<Utc>>,
        note: Option<String>,
    ) -> ApiResult<IntakeOutputLine> {
        let a = parse_id("admissionId", &admission_id)?;
        Ok(inpatient(ctx)?
            .add_intake_output(a, kind.into(), volume_ml, at, note)
            .await?
            .into())
    }

    /// Strike out a wrong line (it stays on the chart, marked).
    async fn intake_output_entered_in_error(&self, ctx: &Context<'_>, id: ID) -> ApiResult<bool> {
        let l = parse_id("id", &id)?;
        inpatient(ctx)?.intake_output_in_error(l).await?;
        Ok(true)
    }

    /// State administrators set how often conditions are recorded and how late a death
    /// may be entered.
    async fn set_inpatient_settings(
        &self,
        ctx: &Context<'_>,
        critical_care_per_day: i32,
        critical_per_day: i32,
        others_per_day: i32,
        death_entry_hours: i32,
    ) -> ApiResult<InpatientSettings> {
        Ok(inpatient(ctx)?
            .set_settings(
                critical_care_per_day,
                critical_per_day,
                others_per_day,
                death_entry_hours,
            )
            .await?
            .into())
    }

    /// The outgoing nurse writes the shift's handover: who is critical, what is pending.
    async fn write_handover(
        &self,
        ctx: &Context<'_>,
        ward_id: ID,
        day: NaiveDate,
        shift: NursingShift,
        summary: String,
        pending_tasks: Option<String>,
    ) -> ApiResult<Handover> {
        let w = parse_id("wardId", &ward_id)?;
        Ok(inpatient(ctx)?
            .write_handover(w, day, shift.into(), &summary, pending_tasks.as_deref())
            .await?
            .into())
    }

    /// The incoming nurse signs the handover.
    async fn receive_handover(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Handover> {
        let h = parse_id("id", &id)?;
        Ok(inpatient(ctx)?.receive_handover(h).await?.into())
    }
}
