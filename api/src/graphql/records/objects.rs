//! Output objects: entries with their details by kind, versions, access-log rows, codes.

#[allow(unused_imports)]
use super::*;
use arogya_domain::clinical::{diagnosis, encounter, lab, notes, prescription, vitals};

/// An encounter, or something recorded in one.
pub struct ClinicalEntry(pub EntryRecord);

impl ClinicalEntry {
    fn key(&self, id: Uuid) -> (TenantId, Uuid) {
        (TenantId(self.0.tenant_id), id)
    }
}

#[Object]
impl ClinicalEntry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> ApiResult<EntryKind> {
        Ok(DomainKind::parse(&self.0.kind)?.into())
    }
    async fn status(&self) -> ApiResult<EntryStatus> {
        Ok(DomainStatus::parse(&self.0.status)?.into())
    }
    /// Starts at 1; every correction adds one.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When it happened (an encounter's start, when vitals were taken).
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// When it was first recorded.
    async fn recorded_at(&self) -> DateTime<Utc> {
        self.0.recorded_at
    }
    /// When the current version was recorded.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn patient_id(&self) -> ID {
        ID(self.0.patient_id.to_string())
    }
    /// The encounter it was recorded in (its own id for an encounter).
    async fn encounter_id(&self) -> ID {
        ID(self.0.encounter_id.to_string())
    }
    async fn entered_in_error_reason(&self) -> Option<&str> {
        self.0.error_reason.as_deref()
    }
    async fn facility(&self, ctx: &Context<'_>) -> ApiResult<Option<Facility>> {
        let key = self.key(self.0.facility_id);
        Ok(ctx.loaders()?.facilities.load_one(key).await?.map(Facility))
    }
    /// Who wrote the current version.
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let key = self.key(self.0.author_professional_id);
        Ok(ctx
            .loaders()?
            .professionals
            .load_one(key)
            .await?
            .map(Professional))
    }
    async fn details(&self) -> ApiResult<EntryDetailsView> {
        Ok(details_of(&self.0.kind, &self.0.details)?.into())
    }
    /// Every version, oldest first; the last is the current one.
    /// Report documents attached to this entry (lab reports, discharge papers);
    /// download one with `documentDownload`, which logs the read.
    async fn documents(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::super::documents::Document>> {
        let key = self.key(self.0.id);
        let rows = ctx.loaders()?.entry_documents.load_one(key).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(super::super::documents::Document)
            .collect())
    }

    async fn history(&self, ctx: &Context<'_>) -> ApiResult<Vec<EntryVersion>> {
        let key = self.key(self.0.id);
        let rows = ctx.loaders()?.entry_versions.load_one(key).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(|v| EntryVersion {
                row: v,
                kind: self.0.kind.clone(),
            })
            .collect())
    }
    /// For an encounter: what was recorded in it, by time. Empty for other entries.
    async fn entries(&self, ctx: &Context<'_>) -> ApiResult<Vec<ClinicalEntry>> {
        if self.0.kind != DomainKind::Encounter.as_str() {
            return Ok(Vec::new());
        }
        let key = self.key(self.0.id);
        let rows = ctx.loaders()?.encounter_entries.load_one(key).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ClinicalEntry)
            .collect())
    }
    /// For a lab order: the results reported on it. Empty for other entries.
    async fn results(&self, ctx: &Context<'_>) -> ApiResult<Vec<ClinicalEntry>> {
        if self.0.kind != DomainKind::LabOrder.as_str() {
            return Ok(Vec::new());
        }
        let key = self.key(self.0.id);
        let rows = ctx.loaders()?.order_results.load_one(key).await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ClinicalEntry)
            .collect())
    }
    /// For a lab result: the order it answers.
    async fn order_id(&self) -> Option<ID> {
        self.0.order_id.map(|o| ID(o.to_string()))
    }
}

/// One version of an entry.
pub struct EntryVersion {
    row: VersionRecord,
    kind: String,
}

#[Object]
impl EntryVersion {
    async fn version(&self) -> i32 {
        self.row.version
    }
    async fn status(&self) -> ApiResult<EntryStatus> {
        Ok(DomainStatus::parse(&self.row.status)?.into())
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.row.occurred_at
    }
    async fn recorded_at(&self) -> DateTime<Utc> {
        self.row.recorded_at
    }
    /// Why this version was written (a correction's or an entered-in-error reason).
    async fn change_reason(&self) -> Option<&str> {
        self.row.change_reason.as_deref()
    }
    async fn author(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let key = (
            TenantId(self.row.tenant_id),
            self.row.author_professional_id,
        );
        Ok(ctx
            .loaders()?
            .professionals
            .load_one(key)
            .await?
            .map(Professional))
    }
    async fn details(&self) -> ApiResult<EntryDetailsView> {
        Ok(details_of(&self.kind, &self.row.details)?.into())
    }
}

/// The details of an entry, by kind.
#[derive(Union)]
pub enum EntryDetailsView {
    Encounter(EncounterView),
    Vitals(VitalsView),
    Diagnosis(DiagnosisView),
    Prescription(PrescriptionView),
    LabOrder(LabOrderView),
    LabResult(LabResultView),
    Note(NoteView),
    DischargeSummary(DischargeSummaryView),
}

impl From<EntryDetails> for EntryDetailsView {
    fn from(d: EntryDetails) -> Self {
        match d {
            EntryDetails::Encounter(e) => EntryDetailsView::Encounter(e.into()),
            EntryDetails::Vitals(v) => EntryDetailsView::Vitals(v.into()),
            EntryDetails::Diagnosis(d) => EntryDetailsView::Diagnosis(d.into()),
            EntryDetails::Prescription(p) => EntryDetailsView::Prescription(p.into()),
            EntryDetails::LabOrder(o) => EntryDetailsView::LabOrder(o.into()),
            EntryDetails::LabResult(r) => EntryDetailsView::LabResult(r.into()),
            EntryDetails::Note(n) => EntryDetailsView::Note(n.into()),
            EntryDetails::DischargeSummary(s) => EntryDetailsView::DischargeSummary(s.into()),
        }
    }
}

#[derive(SimpleObject)]
pub struct EncounterView {
    pub kind: EncounterKind,
    pub attending_professional_id: ID,
    pub department: Option<String>,
    pub reason: Option<String>,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub outcome: Option<EncounterOutcome>,
}

impl From<encounter::EncounterDetails> for EncounterView {
    fn from(e: encounter::EncounterDetails) -> Self {
        Self {
            kind: e.kind.into(),
            attending_professional_id: ID(e.attending.to_string()),
            department: e.department,
            reason: e.reason,
            start: e.start,
            end: e.end,
            outcome: e.outcome.map(Into::into),
        }
    }
}

/// A value outside the usual range, kept and shown with a warning.
#[derive(SimpleObject)]
pub struct VitalFlag {
    /// The measurement: `pulsePerMin`, `temperatureC`, `bmi`…
    pub field: String,
    /// Above the usual range (else below).
    pub high: bool,
    pub value: f64,
    pub usual_low: f64,
    pub usual_high: f64,
    pub unit: String,
    /// In English, naming the measurement: "Pulse high: 120 /min (usual 50 to 100)".
    pub message: String,
}

#[derive(SimpleObject)]
pub struct VitalsView {
    pub systolic_mm_hg: Option<i32>,
    pub diastolic_mm_hg: Option<i32>,
    pub pulse_per_min: Option<i32>,
    pub temperature_c: Option<f64>,
    pub spo2_percent: Option<i32>,
    pub respiratory_rate_per_min: Option<i32>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    /// Derived from weight and height.
    pub bmi: Option<f64>,
    pub blood_glucose_mg_dl: Option<f64>,
    pub glucose_timing: Option<GlucoseTiming>,
    pub flags: Vec<VitalFlag>,
}

impl From<vitals::Vitals> for VitalsView {
    fn from(v: vitals::Vitals) -> Self {
        let flags = v
            .validate()
            .unwrap_or_default()
            .into_iter()
            .map(|f| VitalFlag {
                field: f.field,
                high: f.high,
                value: f.value,
                usual_low: f.usual_low,
                usual_high: f.usual_high,
                unit: f.unit,
                message: f.message,
            })
            .collect();
        Self {
            bmi: v.bmi(),
            systolic_mm_hg: v.systolic_mm_hg,
            diastolic_mm_hg: v.diastolic_mm_hg,
            pulse_per_min: v.pulse_per_min,
            temperature_c: v.temperature_c,
            spo2_percent: v.spo2_percent,
            respiratory_rate_per_min: v.respiratory_rate_per_min,
            weight_kg: v.weight_kg,
            height_cm: v.height_cm,
            blood_glucose_mg_dl: v.blood_glucose_mg_dl,
            glucose_timing: v.glucose_timing.map(Into::into),
            flags,
        }
    }
}

#[derive(SimpleObject)]
pub struct DiagnosisView {
    pub code: String,
    pub description: String,
    pub certainty: DiagnosisCertainty,
    pub rank: DiagnosisRank,
    pub note: Option<String>,
}

impl From<diagnosis::Diagnosis> for DiagnosisView {
    fn from(d: diagnosis::Diagnosis) -> Self {
        Self {
            code: d.code,
            description: d.description,
            certainty: d.certainty.into(),
            rank: d.rank.into(),
            note: d.note,
        }
    }
}

#[derive(SimpleObject)]
pub struct PrescriptionItem {
    pub drug_name: String,
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub route: Route,
    pub form: DosageForm,
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

#[derive(SimpleObject)]
pub struct PrescriptionView {
    pub items: Vec<PrescriptionItem>,
    pub advice: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

impl From<prescription::Prescription> for PrescriptionView {
    fn from(p: prescription::Prescription) -> Self {
        Self {
            items: p
                .items
                .into_iter()
                .map(|i| PrescriptionItem {
                    form: i.form_or_default().into(),
                    drug_name: i.drug_name,
                    drug_code: i.drug_code,
                    strength: i.strength,
                    dose: i.dose,
                    route: i.route.into(),
                    frequency: i.frequency,
                    duration_days: i.duration_days,
                    instructions: i.instructions,
                })
                .collect(),
            advice: p.advice,
            follow_up_on: p.follow_up_on,
        }
    }
}

#[derive(SimpleObject)]
pub struct LabTest {
    pub name: String,
    pub loinc: Option<String>,
}

#[derive(SimpleObject)]
pub struct LabOrderView {
    pub tests: Vec<LabTest>,
    pub priority: LabPriority,
    pub specimen: Specimen,
    pub clinical_info: Option<String>,
}

impl From<lab::LabOrder> for LabOrderView {
    fn from(o: lab::LabOrder) -> Self {
        Self {
            tests: o
                .tests
                .into_iter()
                .map(|t| LabTest {
                    name: t.name,
                    loinc: t.loinc,
                })
                .collect(),
            priority: o.priority.into(),
            specimen: o.specimen.into(),
            clinical_info: o.clinical_info,
        }
    }
}

#[derive(SimpleObject)]
pub struct Measurement {
    pub test: String,
    pub loinc: Option<String>,
    pub value: String,
    pub unit: Option<String>,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub reference_text: Option<String>,
    /// Computed from the value and the numeric range; null when either is not numeric.
    pub abnormal: Option<AbnormalFlag>,
}

#[derive(SimpleObject)]
pub struct LabResultView {
    pub measurements: Vec<Measurement>,
    pub conclusion: Option<String>,
}

impl From<lab::LabResult> for LabResultView {
    fn from(r: lab::LabResult) -> Self {
        Self {
            measurements: r
                .measurements
                .into_iter()
                .map(|m| Measurement {
                    test: m.test,
                    loinc: m.loinc,
                    value: m.value,
                    unit: m.unit,
                    reference_low: m.reference_low,
                    reference_high: m.reference_high,
                    reference_text: m.reference_text,
                    abnormal: m.abnormal.map(Into::into),
                })
                .collect(),
            conclusion: r.conclusion,
        }
    }
}

#[derive(SimpleObject)]
pub struct NoteView {
    pub category: NoteCategory,
    pub text: String,
}

impl From<notes::ClinicalNote> for NoteView {
    fn from(n: notes::ClinicalNote) -> Self {
        Self {
            category: n.category.into(),
            text: n.text,
        }
    }
}

#[derive(SimpleObject)]
pub struct CodedDiagnosis {
    pub code: String,
    pub description: String,
}

#[derive(SimpleObject)]
pub struct DischargeSummaryView {
    pub diagnoses: Vec<CodedDiagnosis>,
    pub treatment_given: String,
    pub condition_at_discharge: Option<String>,
    pub advice: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

impl From<notes::DischargeSummary> for DischargeSummaryView {
    fn from(s: notes::DischargeSummary) -> Self {
        Self {
            diagnoses: s
                .diagnoses
                .into_iter()
                .map(|d| CodedDiagnosis {
                    code: d.code,
                    description: d.description,
                })
                .collect(),
            treatment_given: s.treatment_given,
            condition_at_discharge: s.condition_at_discharge,
            advice: s.advice,
            follow_up_on: s.follow_up_on,
        }
    }
}

/// An ICD-10 code, for type-ahead.
#[derive(SimpleObject)]
pub struct Icd10Code {
    pub code: String,
    pub description: String,
}

/// One read of a patient's record.
pub struct RecordAccess(pub AccessRecord);

#[Object]
impl RecordAccess {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    /// What was viewed: timeline, entry, fhir_everything, prescription_pdf.
    async fn viewed(&self) -> &str {
        &self.0.viewed
    }
    async fn entry_id(&self) -> Option<ID> {
        self.0.entry_id.map(|e| ID(e.to_string()))
    }
    async fn purpose(&self) -> Option<&str> {
        self.0.purpose.as_deref()
    }
    /// Opened outside care, in an emergency.
    async fn break_glass(&self) -> bool {
        self.0.break_glass
    }
    /// The emergency reason given.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    async fn patient_id(&self) -> ID {
        ID(self.0.patient_id.to_string())
    }
    async fn actor(&self, ctx: &Context<'_>) -> ApiResult<Option<User>> {
        let key = (TenantId(self.0.tenant_id), self.0.actor_user_id);
        Ok(ctx.loaders()?.users.load_one(key).await?.map(User))
    }
    async fn professional(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let Some(p) = self.0.actor_professional_id else {
            return Ok(None);
        };
        let key = (TenantId(self.0.tenant_id), p);
        Ok(ctx
            .loaders()?
            .professionals
            .load_one(key)
            .await?
            .map(Professional))
    }
    /// The facility the reader works at.
    async fn facility(&self, ctx: &Context<'_>) -> ApiResult<Option<Facility>> {
        let Some(f) = self.0.facility_id else {
            return Ok(None);
        };
        let key = (TenantId(self.0.tenant_id), f);
        Ok(ctx.loaders()?.facilities.load_one(key).await?.map(Facility))
    }
    async fn reviewed_at(&self) -> Option<DateTime<Utc>> {
        self.0.reviewed_at
    }
    async fn reviewed_by(&self, ctx: &Context<'_>) -> ApiResult<Option<User>> {
        let Some(u) = self.0.reviewed_by else {
            return Ok(None);
        };
        let key = (TenantId(self.0.tenant_id), u);
        Ok(ctx.loaders()?.users.load_one(key).await?.map(User))
    }
    async fn review_note(&self) -> Option<&str> {
        self.0.review_note.as_deref()
    }
}
