//! Encounters: one visit, admission, emergency, teleconsultation or home visit.

use super::{optional_text, text};
use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

text_enum!(EncounterKind, "kind" {
    Outpatient => "outpatient",
    Inpatient => "inpatient",
    Emergency => "emergency",
    Teleconsultation => "teleconsultation",
    HomeVisit => "home_visit",
});

text_enum!(
    /// How a visit ended, recorded when it is finished.
    EncounterOutcome, "outcome" {
    SentHome => "sent_home",
    FollowUp => "follow_up",
    Referred => "referred",
    Admitted => "admitted",
    LeftAgainstAdvice => "left_against_advice",
    Died => "died",
});

/// The part of an encounter kept in its JSON details (the rest are columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncounterDetails {
    pub kind: EncounterKind,
    /// The professional responsible (verified, posted at the encounter's facility).
    pub attending: Uuid,
    pub department: Option<String>,
    pub reason: Option<String>,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<EncounterOutcome>,
}

/// Raw form values.
#[derive(Debug, Clone)]
pub struct EncounterForm {
    pub kind: EncounterKind,
    pub attending: Uuid,
    pub department: Option<String>,
    pub reason: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub outcome: Option<EncounterOutcome>,
}

/// Clocks of phones and PCs drift: allow this much "future".
const CLOCK_SKEW: i64 = 10;

pub(crate) fn not_in_future(t: DateTime<Utc>, now: DateTime<Utc>, field: &str) -> DomainResult<()> {
    if t > now + Duration::minutes(CLOCK_SKEW) {
        Err(DomainError::validation(field, "must not be in the future"))
    } else {
        Ok(())
    }
}

impl EncounterForm {
    pub fn validate(&self, now: DateTime<Utc>) -> DomainResult<EncounterDetails> {
        let start = self.start.unwrap_or(now);
        not_in_future(start, now, "start")?;
        if let Some(end) = self.end {
            not_in_future(end, now, "end")?;
            if end < start {
                return Err(DomainError::validation(
                    "end",
                    "must not be before the start",
                ));
            }
        }
        Ok(EncounterDetails {
            kind: self.kind,
            attending: self.attending,
            department: optional_text(self.department.as_deref(), "department", 80)?,
            reason: match self.reason.as_deref() {
                Some(r) if !r.trim().is_empty() => Some(text(r, "reason", 1, 1000)?),
                _ => None,
            },
            start,
            end: self.end,
            outcome: self.outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_transitions_are_checked() {
        let now = Utc::now();
        let form = |start: Option<DateTime<Utc>>, end: Option<DateTime<Utc>>| EncounterForm {
            kind: EncounterKind::Outpatient,
            attending: Uuid::nil(),
            department: Some(" Medicine ".into()),
            reason: Some("fever for 3 days".into()),
            start,
            end,
            outcome: None,
        };
        let ok = form(None, None).validate(now).unwrap();
        assert_eq!(ok.department.as_deref(), Some("Medicine"));
        assert!(form(Some(now + Duration::hours(1)), None)
            .validate(now)
            .is_err());
        assert!(form(Some(now), Some(now - Duration::hours(1)))
            .validate(now)
            .is_err());
        use crate::clinical::entry::EntryStatus::*;
        assert_eq!(InProgress.transition(Finished).unwrap(), Finished);
        assert!(Finished.transition(InProgress).is_err());
        assert!(InProgress.transition(EnteredInError).is_err());
        assert!(Finished.accepts_entries() && !Cancelled.accepts_entries());
    }
}
