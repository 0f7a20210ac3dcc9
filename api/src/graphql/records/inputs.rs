//! Input objects, parsed into the domain's validated types at the edge.

#[allow(unused_imports)]
use super::*;
use arogya_domain::clinical::{diagnosis, lab, notes, prescription, vitals};
use arogya_domain::DomainError;

#[derive(InputObject)]
pub struct StartEncounterInput {
    pub patient_id: ID,
    pub facility_id: ID,
    pub kind: EncounterKind,
    pub department: Option<String>,
    /// Why the patient came.
    pub reason: Option<String>,
    /// Default: now.
    pub start: Option<DateTime<Utc>>,
    /// Given for an encounter recorded after the fact: it is then finished.
    pub end: Option<DateTime<Utc>>,
    /// Default: the caller.
    pub attending_professional_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateEncounterInput {
    pub id: ID,
    pub expected_version: i32,
    /// FINISHED or CANCELLED (from IN_PROGRESS).
    pub status: Option<EntryStatus>,
    pub department: Option<String>,
    pub reason: Option<String>,
    /// Default when finishing: now.
    pub end: Option<DateTime<Utc>>,
    pub attending_professional_id: Option<ID>,
    /// How the visit ended (when finishing it).
    pub outcome: Option<EncounterOutcome>,
}

#[derive(InputObject)]
pub struct VitalsInput {
    pub systolic_mm_hg: Option<i32>,
    pub diastolic_mm_hg: Option<i32>,
    pub pulse_per_min: Option<i32>,
    pub temperature_c: Option<f64>,
    /// The temperature as read in °F, instead of `temperatureC`: kept in °C (one decimal).
    pub temperature_f: Option<f64>,
    pub spo2_percent: Option<i32>,
    pub respiratory_rate_per_min: Option<i32>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub blood_glucose_mg_dl: Option<f64>,
    pub glucose_timing: Option<GlucoseTiming>,
}

#[derive(InputObject)]
pub struct DiagnosisInput {
    /// ICD-10, as typed ("E11.9", "e119").
    pub code: String,
    pub certainty: DiagnosisCertainty,
    #[graphql(default_with = "DiagnosisRank::Primary")]
    pub rank: DiagnosisRank,
    pub note: Option<String>,
}

#[derive(InputObject)]
pub struct PrescriptionItemInput {
    pub drug_name: String,
    pub drug_code: Option<String>,
    /// "500 mg"
    pub strength: Option<String>,
    /// "1 tablet"
    pub dose: String,
    /// Default: ORAL.
    pub route: Option<Route>,
    /// Default: the usual form for the route (TABLET for ORAL, INJECTION for IV/IM/SC…).
    pub form: Option<DosageForm>,
    /// As written: "1-0-1", "TDS".
    pub frequency: String,
    pub duration_days: Option<i32>,
    pub instructions: Option<String>,
}

#[derive(InputObject)]
pub struct PrescriptionInput {
    pub items: Vec<PrescriptionItemInput>,
    pub advice: Option<String>,
    /// When the patient should come back (today or later).
    pub follow_up_on: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct LabTestInput {
    pub name: String,
    pub loinc: Option<String>,
}

#[derive(InputObject)]
pub struct LabOrderInput {
    pub tests: Vec<LabTestInput>,
    #[graphql(default_with = "LabPriority::Routine")]
    pub priority: LabPriority,
    pub specimen: Specimen,
    pub clinical_info: Option<String>,
}

#[derive(InputObject)]
pub struct MeasurementInput {
    pub test: String,
    pub loinc: Option<String>,
    pub value: String,
    pub unit: Option<String>,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub reference_text: Option<String>,
}

#[derive(InputObject)]
pub struct LabResultInput {
    /// The lab order this reports on (in the same encounter).
    pub order_id: ID,
    pub measurements: Vec<MeasurementInput>,
    pub conclusion: Option<String>,
}

#[derive(InputObject)]
pub struct NoteInput {
    pub category: NoteCategory,
    pub text: String,
}

#[derive(InputObject)]
pub struct DischargeSummaryInput {
    pub diagnosis_codes: Vec<String>,
    pub treatment_given: String,
    pub condition_at_discharge: Option<String>,
    pub advice: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

/// Exactly one kind of entry.
#[derive(OneofObject)]
pub enum ClinicalEntryInput {
    Vitals(VitalsInput),
    Diagnosis(DiagnosisInput),
    Prescription(PrescriptionInput),
    LabOrder(LabOrderInput),
    LabResult(LabResultInput),
    Note(NoteInput),
    DischargeSummary(DischargeSummaryInput),
}

impl ClinicalEntryInput {
    /// Validated details, and the lab order a result answers.
    pub fn parse(self) -> ApiResult<(EntryDetails, Option<Uuid>)> {
        let table = arogya_infra::icd10::table();
        Ok(match self {
            ClinicalEntryInput::Vitals(v) => {
                let temperature_c = match (v.temperature_c, v.temperature_f) {
                    (Some(_), Some(_)) => {
                        return Err(DomainError::validation(
                            "temperatureF",
                            "give the temperature in °C or in °F, not both",
                        )
                        .into())
                    }
                    (c, None) => c,
                    (None, Some(f)) if !f.is_finite() || !(77.0..=113.0).contains(&f) => {
                        return Err(DomainError::validation(
                            "temperatureF",
                            format!("{f} °F is not possible: expected 77 to 113"),
                        )
                        .into())
                    }
                    (None, Some(f)) => Some(vitals::celsius_from_fahrenheit(f)),
                };
                let v = vitals::Vitals {
                    systolic_mm_hg: v.systolic_mm_hg,
                    diastolic_mm_hg: v.diastolic_mm_hg,
                    pulse_per_min: v.pulse_per_min,
                    temperature_c,
                    spo2_percent: v.spo2_percent,
                    respiratory_rate_per_min: v.respiratory_rate_per_min,
                    weight_kg: v.weight_kg,
                    height_cm: v.height_cm,
                    blood_glucose_mg_dl: v.blood_glucose_mg_dl,
                    glucose_timing: v.glucose_timing.map(Into::into),
                };
                v.validate()?;
                (EntryDetails::Vitals(v), None)
            }
            ClinicalEntryInput::Diagnosis(d) => {
                let form = diagnosis::DiagnosisForm {
                    code: d.code,
                    certainty: d.certainty.into(),
                    rank: d.rank.into(),
                    note: d.note,
                };
                (EntryDetails::Diagnosis(form.validate(table)?), None)
            }
            ClinicalEntryInput::Prescription(p) => {
                let items: Vec<prescription::ItemForm> = p
                    .items
                    .into_iter()
                    .map(|i| prescription::ItemForm {
                        drug_name: i.drug_name,
                        drug_code: i.drug_code,
                        strength: i.strength,
                        dose: i.dose,
                        route: i.route.map(Into::into),
                        form: i.form.map(Into::into),
                        frequency: i.frequency,
                        duration_days: i.duration_days,
                        instructions: i.instructions,
                    })
                    .collect();
                let p =
                    prescription::validate(&items, p.advice.as_deref(), p.follow_up_on, today())?;
                (EntryDetails::Prescription(p), None)
            }
            ClinicalEntryInput::LabOrder(o) => {
                let tests: Vec<(String, Option<String>)> =
                    o.tests.into_iter().map(|t| (t.name, t.loinc)).collect();
                let order = lab::order(
                    &tests,
                    o.priority.into(),
                    o.specimen.into(),
                    o.clinical_info.as_deref(),
                )?;
                (EntryDetails::LabOrder(order), None)
            }
            ClinicalEntryInput::LabResult(r) => {
                let order = parse_id("labResult.orderId", &r.order_id)?;
                let forms: Vec<lab::MeasurementForm> = r
                    .measurements
                    .into_iter()
                    .map(|m| lab::MeasurementForm {
                        test: m.test,
                        loinc: m.loinc,
                        value: m.value,
                        unit: m.unit,
                        reference_low: m.reference_low,
                        reference_high: m.reference_high,
                        reference_text: m.reference_text,
                    })
                    .collect();
                let result = lab::result(&forms, r.conclusion.as_deref())?;
                (EntryDetails::LabResult(result), Some(order))
            }
            ClinicalEntryInput::Note(n) => (
                EntryDetails::Note(notes::note(n.category.into(), &n.text)?),
                None,
            ),
            ClinicalEntryInput::DischargeSummary(d) => {
                let form = notes::DischargeForm {
                    diagnosis_codes: d.diagnosis_codes,
                    treatment_given: d.treatment_given,
                    condition_at_discharge: d.condition_at_discharge,
                    advice: d.advice,
                    follow_up_on: d.follow_up_on,
                };
                (
                    EntryDetails::DischargeSummary(form.validate(table, today())?),
                    None,
                )
            }
        })
    }
}

#[derive(InputObject, Default)]
pub struct TimelineFilter {
    /// Empty or absent: every kind.
    pub kinds: Option<Vec<EntryKind>>,
    /// Entries at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Entries before this time.
    pub until: Option<DateTime<Utc>>,
    /// Default: newest first.
    pub oldest_first: Option<bool>,
}
