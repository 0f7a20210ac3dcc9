//! Admissions: who is admitted (a registered patient, or someone not yet
//! identified), why and by whom, the attendants a family is reached through, and how
//! the stay ends.

use super::{line, optional_line};
use crate::clinical::encounter::EncounterOutcome;
use crate::error::{DomainError, DomainResult};
use crate::patient::identifiers::MobileNumber;
use chrono::{DateTime, Duration, Utc};

/// Clocks of phones and PCs drift: allow this much "future".
const CLOCK_SKEW_MINUTES: i64 = 10;

fn not_in_future(t: DateTime<Utc>, now: DateTime<Utc>, field: &str) -> DomainResult<()> {
    if t > now + Duration::minutes(CLOCK_SKEW_MINUTES) {
        Err(DomainError::validation(field, "must not be in the future"))
    } else {
        Ok(())
    }
}

text_enum!(AdmissionStatus, "status" {
    Admitted => "admitted",
    Discharged => "discharged",
});

text_enum!(
    /// How a stay ended.
    DischargeOutcome, "outcome" {
    Recovered => "recovered",
    Improved => "improved",
    Referred => "referred",
    LeftAgainstAdvice => "left_against_advice",
    Absconded => "absconded",
    Died => "died",
});

impl DischargeOutcome {
    /// The outcome written on the inpatient encounter in the patient's record.
    pub fn encounter_outcome(self) -> EncounterOutcome {
        match self {
            DischargeOutcome::Recovered | DischargeOutcome::Improved => EncounterOutcome::SentHome,
            DischargeOutcome::Referred => EncounterOutcome::Referred,
            DischargeOutcome::LeftAgainstAdvice | DischargeOutcome::Absconded => {
                EncounterOutcome::LeftAgainstAdvice
            }
            DischargeOutcome::Died => EncounterOutcome::Died,
        }
    }
}

/// The facts of an admission as a form gives them.
pub struct AdmissionForm<'a> {
    pub reason: &'a str,
    pub provisional_diagnosis: Option<&'a str>,
    pub admitted_at: Option<DateTime<Utc>>,
    /// For someone brought in unidentified: "unknown male, about 40, found at …".
    pub unidentified: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdmissionFacts {
    pub reason: String,
    pub provisional_diagnosis: Option<String>,
    pub admitted_at: DateTime<Utc>,
    pub unidentified: Option<String>,
}

impl AdmissionForm<'_> {
    pub fn validate(&self, now: DateTime<Utc>) -> DomainResult<AdmissionFacts> {
        let admitted_at = self.admitted_at.unwrap_or(now);
        not_in_future(admitted_at, now, "admittedAt")?;
        Ok(AdmissionFacts {
            reason: line(self.reason, "reason", 1, 500)?,
            provisional_diagnosis: optional_line(
                self.provisional_diagnosis,
                "provisionalDiagnosis",
                200,
            )?,
            admitted_at,
            unidentified: optional_line(self.unidentified, "unidentified", 200)?,
        })
    }
}

/// A relative or friend the ward reaches the family through.
#[derive(Debug, Clone, PartialEq)]
pub struct Attendant {
    pub name: String,
    pub relationship: String,
    pub phone: MobileNumber,
}

impl Attendant {
    pub fn parse(name: &str, relationship: &str, phone: &str) -> DomainResult<Self> {
        Ok(Self {
            name: line(name, "attendants.name", 1, 100)?,
            relationship: line(relationship, "attendants.relationship", 1, 40)?,
            phone: MobileNumber::parse(phone, "attendants.phone")?,
        })
    }
}

/// How a stay ended, checked against when it began.
#[derive(Debug, Clone, PartialEq)]
pub struct Discharge {
    pub outcome: DischargeOutcome,
    pub at: DateTime<Utc>,
    pub time_of_death: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

pub fn discharge(
    outcome: DischargeOutcome,
    at: Option<DateTime<Utc>>,
    time_of_death: Option<DateTime<Utc>>,
    note: Option<&str>,
    admitted_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DomainResult<Discharge> {
    let at = at.unwrap_or(now);
    not_in_future(at, now, "dischargedAt")?;
    if at < admitted_at {
        return Err(DomainError::validation(
            "dischargedAt",
            "must not be before the admission",
        ));
    }
    let time_of_death = match (outcome, time_of_death) {
        (DischargeOutcome::Died, None) => {
            return Err(DomainError::validation(
                "timeOfDeath",
                "give the time of death",
            ))
        }
        (DischargeOutcome::Died, Some(t)) => {
            not_in_future(t, now, "timeOfDeath")?;
            if t < admitted_at {
                return Err(DomainError::validation(
                    "timeOfDeath",
                    "must not be before the admission",
                ));
            }
            Some(t)
        }
        (_, Some(_)) => {
            return Err(DomainError::validation(
                "timeOfDeath",
                "only for a patient who died",
            ))
        }
        (_, None) => None,
    };
    Ok(Discharge {
        outcome,
        at,
        time_of_death,
        note: optional_line(note, "note", 500)?,
    })
}

/// Whole days in hospital, counting a stay begun and ended on one day as one.
pub fn length_of_stay_days(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    ((to - from).num_hours().max(0) / 24).max(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_admission_is_not_in_the_future_and_has_a_reason() {
        let now = Utc::now();
        let form = |reason, at| AdmissionForm {
            reason,
            provisional_diagnosis: Some("  "),
            admitted_at: at,
            unidentified: None,
        };
        let ok = form(" Fever with breathlessness ", None)
            .validate(now)
            .unwrap();
        assert_eq!(ok.reason, "Fever with breathlessness");
        assert_eq!(ok.provisional_diagnosis, None);
        assert!(form("", None).validate(now).is_err());
        let e = form("x", Some(now + Duration::hours(2)))
            .validate(now)
            .unwrap_err();
        assert!(matches!(e, DomainError::Validation { field, .. } if field == "admittedAt"));
    }

    #[test]
    fn a_death_needs_its_time_and_only_a_death_has_one() {
        let now = Utc::now();
        let admitted = now - Duration::days(3);
        assert!(discharge(DischargeOutcome::Died, None, None, None, admitted, now).is_err());
        assert!(discharge(
            DischargeOutcome::Recovered,
            None,
            Some(now),
            None,
            admitted,
            now
        )
        .is_err());
        assert!(discharge(
            DischargeOutcome::Died,
            None,
            Some(admitted - Duration::hours(1)),
            None,
            admitted,
            now
        )
        .is_err());
        let d = discharge(
            DischargeOutcome::Died,
            None,
            Some(now - Duration::hours(1)),
            None,
            admitted,
            now,
        )
        .unwrap();
        assert_eq!(d.outcome.encounter_outcome(), EncounterOutcome::Died);
        assert!(discharge(
            DischargeOutcome::Improved,
            Some(admitted - Duration::minutes(1)),
            None,
            None,
            admitted,
            now
        )
        .is_err());
    }

    #[test]
    fn attendants_have_a_mobile_number() {
        assert!(Attendant::parse("Rupa Mondal", "daughter", "98300 12345").is_ok());
        assert!(Attendant::parse("Rupa Mondal", "daughter", "033 2222 1111").is_err());
        assert!(Attendant::parse("", "daughter", "9830012345").is_err());
    }

    #[test]
    fn length_of_stay_counts_whole_days_from_one() {
        let t = Utc::now();
        assert_eq!(length_of_stay_days(t, t + Duration::hours(5)), 1);
        assert_eq!(length_of_stay_days(t, t + Duration::hours(49)), 3);
    }
}
