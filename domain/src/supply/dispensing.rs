//! Dispensing against a prescription: each line is given as prescribed, given as a
//! substitute (with the reason), or recorded as not available, so shortages are
//! counted. Without a prescription only over-the-counter items go out; controlled
//! drugs (schedule H1 and X) need a second person's signature.

use super::item::Schedule;
use super::text;
use crate::error::{DomainError, DomainResult};

text_enum!(DispenseOutcome, "outcome" {
    Dispensed => "dispensed",
    Substituted => "substituted",
    NotAvailable => "not_available",
});

/// A drug as the prescriber wrote it.
#[derive(Debug, Clone, Copy)]
pub struct Prescribed<'a> {
    pub name: &'a str,
    pub code: Option<&'a str>,
    pub strength: Option<&'a str>,
}

/// A catalogue item as the pharmacist chose it.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub strength: Option<&'a str>,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The same drug: the prescription names the item's code, or its generic name and
/// strength (spacing and case aside: "500mg" is "500 mg").
pub fn same_drug(p: Prescribed<'_>, c: Chosen<'_>) -> bool {
    if let Some(code) = p.code.filter(|c| !c.trim().is_empty()) {
        if norm(code) == norm(c.code) {
            return true;
        }
    }
    norm(p.name) == norm(c.name)
        && match (p.strength, c.strength) {
            (Some(a), Some(b)) => norm(a) == norm(b),
            (None, _) | (_, None) => true,
        }
}

/// What a dispensed line comes to, checking its reason and quantity.
pub fn outcome(
    p: Prescribed<'_>,
    chosen: Option<Chosen<'_>>,
    quantity: i64,
    reason: Option<&str>,
    field: &str,
) -> DomainResult<(DispenseOutcome, Option<String>)> {
    let reason = match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(text(r, &format!("{field}.reason"), 3, 300)?),
        None => None,
    };
    let Some(c) = chosen else {
        if quantity != 0 {
            return Err(DomainError::validation(
                format!("{field}.quantity"),
                "nothing is given when the drug is not available",
            ));
        }
        return Ok((DispenseOutcome::NotAvailable, reason));
    };
    if !(1..=super::ledger::MAX_QUANTITY).contains(&quantity) {
        return Err(DomainError::validation(
            format!("{field}.quantity"),
            "give at least one unit (or record the drug as not available)",
        ));
    }
    if same_drug(p, c) {
        return Ok((DispenseOutcome::Dispensed, reason));
    }
    match reason {
        Some(r) => Ok((DispenseOutcome::Substituted, Some(r))),
        None => Err(DomainError::validation(
            format!("{field}.reason"),
            format!(
                "{} is not the {} prescribed: say why it is given instead",
                c.name, p.name
            ),
        )),
    }
}

/// Controlled drugs need a second signature.
pub fn needs_witness(schedule: Schedule) -> bool {
    schedule.is_controlled()
}

/// Without a prescription, only what the tenant marks over-the-counter goes out.
pub fn walk_in_allowed(
    over_the_counter: bool,
    schedule: Schedule,
    name: &str,
    field: &str,
) -> DomainResult<()> {
    if over_the_counter && !schedule.is_controlled() {
        Ok(())
    } else {
        Err(DomainError::validation(
            field,
            format!("{name} is dispensed only against a prescription"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AMOX: Prescribed = Prescribed {
        name: "Amoxicillin",
        code: None,
        strength: Some("500mg"),
    };

    #[test]
    fn a_different_drug_is_a_substitution_with_a_reason() {
        let same = Chosen {
            code: "AMOX-500",
            name: "amoxicillin",
            strength: Some("500 mg"),
        };
        assert_eq!(
            outcome(AMOX, Some(same), 15, None, "lines.0").unwrap().0,
            DispenseOutcome::Dispensed
        );
        let other = Chosen {
            code: "AMOX-250",
            name: "Amoxicillin",
            strength: Some("250 mg"),
        };
        assert!(outcome(AMOX, Some(other), 30, None, "lines.0").is_err());
        let (o, r) = outcome(
            AMOX,
            Some(other),
            30,
            Some("500 mg out of stock; two 250 mg"),
            "lines.0",
        )
        .unwrap();
        assert_eq!((o, r.is_some()), (DispenseOutcome::Substituted, true));
        let by_code = Prescribed {
            name: "Amoxycillin caps",
            code: Some("amox-500"),
            strength: None,
        };
        assert!(same_drug(by_code, same));
    }

    #[test]
    fn not_available_gives_nothing() {
        assert_eq!(
            outcome(AMOX, None, 0, None, "l").unwrap().0,
            DispenseOutcome::NotAvailable
        );
        assert!(outcome(AMOX, None, 3, None, "l").is_err());
        let same = Chosen {
            code: "A",
            name: "Amoxicillin",
            strength: None,
        };
        assert!(outcome(AMOX, Some(same), 0, None, "l").is_err());
    }

    #[test]
    fn walk_ins_get_only_over_the_counter_items() {
        assert!(walk_in_allowed(true, Schedule::None, "ORS", "l").is_ok());
        assert!(walk_in_allowed(false, Schedule::H, "Amoxicillin", "l").is_err());
        assert!(needs_witness(Schedule::X) && !needs_witness(Schedule::H));
    }
}
