//! What every clinical entry shares: its kind, its status, and its details.

use super::diagnosis::Diagnosis;
use super::encounter::EncounterDetails;
use super::lab::{LabOrder, LabResult};
use super::notes::{ClinicalNote, DischargeSummary};
use super::prescription::Prescription;
use super::vitals::Vitals;
use crate::error::{DomainError, DomainResult};

text_enum!(EntryKind, "kind" {
    Encounter => "encounter",
    Vitals => "vitals",
    Diagnosis => "diagnosis",
    Prescription => "prescription",
    LabOrder => "lab_order",
    LabResult => "lab_result",
    Note => "note",
    DischargeSummary => "discharge_summary",
});

text_enum!(
    /// Entries are `active` until marked entered in error; encounters move from
    /// `in_progress` to `finished` or `cancelled`.
    EntryStatus, "status" {
    Active => "active",
    InProgress => "in_progress",
    Finished => "finished",
    Cancelled => "cancelled",
    EnteredInError => "entered_in_error",
});

impl EntryStatus {
    /// Check a change of an encounter's status. `entered_in_error` is reached only by
    /// marking the entry so, with a reason.
    pub fn transition(self, to: EntryStatus) -> DomainResult<EntryStatus> {
        use EntryStatus::*;
        match (self, to) {
            (a, b) if a == b => Ok(b),
            (InProgress, Finished | Cancelled) => Ok(to),
            (_, EnteredInError) => Err(DomainError::validation(
                "status",
                "mark the entry entered in error instead, giving a reason",
            )),
            _ => Err(DomainError::validation(
                "status",
                format!(
                    "a {} encounter cannot become {}",
                    self.as_str(),
                    to.as_str()
                ),
            )),
        }
    }

    /// May entries still be added to an encounter in this status? Lab results and
    /// discharge summaries arrive after the visit has ended.
    pub fn accepts_entries(self) -> bool {
        matches!(self, EntryStatus::InProgress | EntryStatus::Finished)
    }
}

/// Why an entry is marked entered in error: 5 to 500 characters.
pub fn error_reason(raw: &str) -> DomainResult<String> {
    super::text(raw, "reason", 5, 500)
}

/// The details of an entry, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryDetails {
    Encounter(EncounterDetails),
    Vitals(Vitals),
    Diagnosis(Diagnosis),
    Prescription(Prescription),
    LabOrder(LabOrder),
    LabResult(LabResult),
    Note(ClinicalNote),
    DischargeSummary(DischargeSummary),
}

impl EntryDetails {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryDetails::Encounter(_) => EntryKind::Encounter,
            EntryDetails::Vitals(_) => EntryKind::Vitals,
            EntryDetails::Diagnosis(_) => EntryKind::Diagnosis,
            EntryDetails::Prescription(_) => EntryKind::Prescription,
            EntryDetails::LabOrder(_) => EntryKind::LabOrder,
            EntryDetails::LabResult(_) => EntryKind::LabResult,
            EntryDetails::Note(_) => EntryKind::Note,
            EntryDetails::DischargeSummary(_) => EntryKind::DischargeSummary,
        }
    }

    /// The JSON kept in the entry's `details` column.
    pub fn to_json(&self) -> serde_json::Value {
        let v = match self {
            EntryDetails::Encounter(d) => serde_json::to_value(d),
            EntryDetails::Vitals(d) => serde_json::to_value(d),
            EntryDetails::Diagnosis(d) => serde_json::to_value(d),
            EntryDetails::Prescription(d) => serde_json::to_value(d),
            EntryDetails::LabOrder(d) => serde_json::to_value(d),
            EntryDetails::LabResult(d) => serde_json::to_value(d),
            EntryDetails::Note(d) => serde_json::to_value(d),
            EntryDetails::DischargeSummary(d) => serde_json::to_value(d),
        };
        // Plain structs of strings, numbers and dates always serialise.
        v.unwrap_or(serde_json::Value::Null)
    }

    /// Read stored details back; a row that does not parse is a bug, reported as such.
    pub fn from_json(kind: EntryKind, v: serde_json::Value) -> Result<Self, serde_json::Error> {
        Ok(match kind {
            EntryKind::Encounter => EntryDetails::Encounter(serde_json::from_value(v)?),
            EntryKind::Vitals => EntryDetails::Vitals(serde_json::from_value(v)?),
            EntryKind::Diagnosis => EntryDetails::Diagnosis(serde_json::from_value(v)?),
            EntryKind::Prescription => EntryDetails::Prescription(serde_json::from_value(v)?),
            EntryKind::LabOrder => EntryDetails::LabOrder(serde_json::from_value(v)?),
            EntryKind::LabResult => EntryDetails::LabResult(serde_json::from_value(v)?),
            EntryKind::Note => EntryDetails::Note(serde_json::from_value(v)?),
            EntryKind::DischargeSummary => {
                EntryDetails::DischargeSummary(serde_json::from_value(v)?)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::notes::{note, NoteCategory};

    #[test]
    fn details_round_trip_through_json() {
        let d = EntryDetails::Note(note(NoteCategory::Nursing, "Slept well.").unwrap());
        let json = d.to_json();
        assert_eq!(json["category"], "nursing");
        assert_eq!(EntryDetails::from_json(EntryKind::Note, json).unwrap(), d);
        assert!(EntryDetails::from_json(EntryKind::Vitals, serde_json::json!({"x": "y"})).is_ok());
        assert!(EntryDetails::from_json(EntryKind::Diagnosis, serde_json::json!({})).is_err());
    }
}
