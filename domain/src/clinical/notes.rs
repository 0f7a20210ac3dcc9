//! Clinical notes and discharge summaries.

use super::icd10::Icd10Table;
use super::{optional_text, text};
use crate::error::{DomainError, DomainResult};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(NoteCategory, "category" {
    Progress => "progress",
    Nursing => "nursing",
    Consultation => "consultation",
    Procedure => "procedure",
    Counselling => "counselling",
    Other => "other",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClinicalNote {
    pub category: NoteCategory,
    pub text: String,
}

pub fn note(category: NoteCategory, body: &str) -> DomainResult<ClinicalNote> {
    Ok(ClinicalNote {
        category,
        text: text(body, "text", 1, 20_000)?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodedDiagnosis {
    pub code: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DischargeSummary {
    pub diagnoses: Vec<CodedDiagnosis>,
    pub treatment_given: String,
    pub condition_at_discharge: Option<String>,
    pub advice: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct DischargeForm {
    pub diagnosis_codes: Vec<String>,
    pub treatment_given: String,
    pub condition_at_discharge: Option<String>,
    pub advice: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

impl DischargeForm {
    pub fn validate(&self, table: &Icd10Table, today: NaiveDate) -> DomainResult<DischargeSummary> {
        if self.diagnosis_codes.is_empty() {
            return Err(DomainError::validation(
                "diagnosisCodes",
                "name at least one diagnosis",
            ));
        }
        let diagnoses = self
            .diagnosis_codes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let code = table.validate(c, &format!("diagnosisCodes.{i}"))?;
                Ok(CodedDiagnosis {
                    code: code.code,
                    description: code.description,
                })
            })
            .collect::<DomainResult<Vec<_>>>()?;
        if self.follow_up_on.is_some_and(|d| d < today) {
            return Err(DomainError::validation(
                "followUpOn",
                "a follow-up date must not be in the past",
            ));
        }
        Ok(DischargeSummary {
            diagnoses,
            treatment_given: text(&self.treatment_given, "treatmentGiven", 2, 20_000)?,
            condition_at_discharge: optional_text(
                self.condition_at_discharge.as_deref(),
                "conditionAtDischarge",
                500,
            )?,
            advice: optional_text(self.advice.as_deref(), "advice", 4000)?,
            follow_up_on: self.follow_up_on,
        })
    }
}
