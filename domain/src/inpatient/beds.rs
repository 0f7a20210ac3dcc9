//! Beds: their type (the same types as a facility's declared capacity) and their
//! state. Whether a bed is occupied or reserved is never stored on the bed: it is
//! derived from the bed's assignments, so the two can never disagree. The bed keeps
//! only what no assignment tells: being cleaned, isolated, contaminated or closed.

use super::optional_line;
use crate::error::{DomainError, DomainResult};
use crate::facility::BedCapacity;

text_enum!(
    /// The bed types of `BedCapacity`.
    BedType, "bedType" {
    General => "general",
    OxygenSupported => "oxygen_supported",
    Hdu => "hdu",
    Icu => "icu",
    Ventilator => "ventilator",
    Isolation => "isolation",
    Paediatric => "paediatric",
    Maternity => "maternity",
});

impl BedType {
    /// How many beds of this type a facility declares.
    pub fn declared(self, c: &BedCapacity) -> i32 {
        match self {
            BedType::General => c.general,
            BedType::OxygenSupported => c.oxygen_supported,
            BedType::Hdu => c.hdu,
            BedType::Icu => c.icu,
            BedType::Ventilator => c.ventilator,
            BedType::Isolation => c.isolation,
            BedType::Paediatric => c.paediatric,
            BedType::Maternity => c.maternity,
        }
    }

    /// Critical-care beds, whose patients are observed four times a day.
    pub fn is_critical_care(self) -> bool {
        matches!(self, BedType::Hdu | BedType::Icu | BedType::Ventilator)
    }
}

text_enum!(
    /// What a bed's own row says (occupancy apart).
    Housekeeping, "status" {
    Ready => "ready",
    Cleaning => "cleaning",
    Isolated => "isolated",
    Contaminated => "contaminated",
    Closed => "closed",
});

/// A bed as people see it: its housekeeping state combined with its assignments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BedState {
    Free,
    Reserved,
    Occupied,
    Cleaning,
    Isolated,
    Contaminated,
    Closed,
}

impl BedState {
    pub const ALL: [BedState; 7] = [
        BedState::Free,
        BedState::Reserved,
        BedState::Occupied,
        BedState::Cleaning,
        BedState::Isolated,
        BedState::Contaminated,
        BedState::Closed,
    ];

    /// An assignment (active or reserved) wins over housekeeping: a patient in a bed
    /// marked for cleaning is still in it.
    pub fn of(housekeeping: Housekeeping, active: bool, reserved: bool) -> Self {
        match (active, reserved, housekeeping) {
            (true, _, _) => BedState::Occupied,
            (false, true, _) => BedState::Reserved,
            (false, false, Housekeeping::Ready) => BedState::Free,
            (false, false, Housekeeping::Cleaning) => BedState::Cleaning,
            (false, false, Housekeeping::Isolated) => BedState::Isolated,
            (false, false, Housekeeping::Contaminated) => BedState::Contaminated,
            (false, false, Housekeeping::Closed) => BedState::Closed,
        }
    }

    /// FHIR `Location.operationalStatus` (HL7 v2 table 0116).
    pub fn fhir_code(self) -> (&'static str, &'static str) {
        match self {
            BedState::Free => ("U", "Unoccupied"),
            BedState::Reserved => ("U", "Unoccupied"),
            BedState::Occupied => ("O", "Occupied"),
            BedState::Cleaning => ("H", "Housekeeping"),
            BedState::Isolated => ("I", "Isolated"),
            BedState::Contaminated => ("K", "Contaminated"),
            BedState::Closed => ("C", "Closed"),
        }
    }

    /// Out of service: neither in use nor available.
    pub fn out_of_service(self) -> bool {
        matches!(
            self,
            BedState::Cleaning | BedState::Isolated | BedState::Contaminated | BedState::Closed
        )
    }
}

/// A change of a bed's housekeeping state; closing needs a reason.
pub fn housekeeping_change(
    to: Housekeeping,
    reason: Option<&str>,
) -> DomainResult<(Housekeeping, Option<String>)> {
    let reason = optional_line(reason, "reason", 200)?;
    if to == Housekeeping::Closed && reason.is_none() {
        return Err(DomainError::validation(
            "reason",
            "say why the bed is closed",
        ));
    }
    Ok((to, reason))
}

/// A bed label as written on the bed ("B-12", "ICU 3").
pub fn bed_label(raw: &str) -> DomainResult<String> {
    super::line(raw, "label", 1, 20)
}

/// Beds in the order people count them: "MW-2" before "MW-10".
pub fn label_order(label: &str) -> Vec<(String, u64)> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in label.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                parts.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            text.extend(c.to_lowercase());
        }
    }
    parts.push((text, digits.parse().unwrap_or(0)));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupancy_comes_from_assignments_not_from_the_bed() {
        assert_eq!(
            BedState::of(Housekeeping::Ready, false, false),
            BedState::Free
        );
        assert_eq!(
            BedState::of(Housekeeping::Cleaning, true, false),
            BedState::Occupied
        );
        assert_eq!(
            BedState::of(Housekeeping::Ready, false, true),
            BedState::Reserved
        );
        assert_eq!(
            BedState::of(Housekeeping::Closed, false, false)
                .fhir_code()
                .0,
            "C"
        );
        assert!(BedState::Contaminated.out_of_service() && !BedState::Reserved.out_of_service());
    }

    #[test]
    fn closing_a_bed_needs_a_reason() {
        assert!(housekeeping_change(Housekeeping::Closed, Some("  ")).is_err());
        assert_eq!(
            housekeeping_change(Housekeeping::Closed, Some("broken rail"))
                .unwrap()
                .1
                .as_deref(),
            Some("broken rail")
        );
        assert!(housekeeping_change(Housekeeping::Ready, None).is_ok());
        assert!(bed_label("").is_err() && bed_label("ICU-3").is_ok());
    }

    #[test]
    fn beds_sort_as_people_count_them() {
        let mut labels = vec!["MW-10", "MW-2", "ICU 1", "MW-1", "MO-3"];
        labels.sort_by_key(|l| label_order(l));
        assert_eq!(labels, ["ICU 1", "MO-3", "MW-1", "MW-2", "MW-10"]);
    }

    #[test]
    fn declared_capacity_by_type() {
        let c = BedCapacity {
            icu: 4,
            ventilator: 2,
            ..Default::default()
        };
        assert_eq!(
            (BedType::Icu.declared(&c), BedType::Ventilator.declared(&c)),
            (4, 2)
        );
        assert_eq!(
            BedType::parse("oxygen_supported").unwrap(),
            BedType::OxygenSupported
        );
    }
}
