//! Diagnoses coded in ICD-10.

use super::icd10::Icd10Table;
use super::optional_text;
use crate::error::DomainResult;
use serde::{Deserialize, Serialize};

text_enum!(Certainty, "certainty" { Provisional => "provisional", Final => "final" });
text_enum!(DiagnosisRank, "rank" { Primary => "primary", Secondary => "secondary" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub code: String,
    /// The table's description, kept with the entry so it reads the same after the
    /// table is updated.
    pub description: String,
    pub certainty: Certainty,
    pub rank: DiagnosisRank,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DiagnosisForm {
    pub code: String,
    pub certainty: Certainty,
    pub rank: DiagnosisRank,
    pub note: Option<String>,
}

impl DiagnosisForm {
    pub fn validate(&self, table: &Icd10Table) -> DomainResult<Diagnosis> {
        let code = table.validate(&self.code, "code")?;
        Ok(Diagnosis {
            code: code.code,
            description: code.description,
            certainty: self.certainty,
            rank: self.rank,
            note: optional_text(self.note.as_deref(), "note", 1000)?,
        })
    }
}
