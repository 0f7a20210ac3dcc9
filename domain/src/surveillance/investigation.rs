//! Outbreak investigations: what follows an alert verified as a true signal. IDSP's
//! rapid response teams work against two clocks, each with a 24-hour target:
//! **verification** (from the alert being raised to its verification) and **response**
//! (from verification to the first action in the field). An investigation moves
//! open → investigating → contained → closed (back from contained to investigating if
//! cases rise again), and closes only with a final report. Its entries (actions, team
//! members, samples and their results, linked cases, status changes) are appended,
//! never changed.

use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};

text_enum!(InvestigationStatus, "status" {
    Open => "open",
    Investigating => "investigating",
    Contained => "contained",
    Closed => "closed",
});

impl InvestigationStatus {
    /// May an investigation go from `self` to `to`?
    pub fn can_become(self, to: InvestigationStatus) -> bool {
        use InvestigationStatus::*;
        matches!(
            (self, to),
            (Open, Investigating)
                | (Open | Investigating | Contained, Closed)
                | (Investigating, Contained)
                | (Contained, Investigating)
        )
    }
}

text_enum!(EntryKind, "kind" {
    /// Something done: a house-to-house search, source reduction, a health camp.
    Action => "action",
    /// Someone on the rapid response team.
    TeamMember => "team_member",
    /// A specimen sent to a laboratory.
    Sample => "sample",
    /// A laboratory's result for a sample sent.
    SampleResult => "sample_result",
    /// A case taken as part of the outbreak.
    CaseLink => "case_link",
    /// The status changed.
    Status => "status",
});

text_enum!(SampleResult, "result" {
    Positive => "positive",
    Negative => "negative",
    Inconclusive => "inconclusive",
});

/// The target of each clock.
pub const CLOCK_TARGET: Duration = Duration::hours(24);

/// One clock as it reads now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockReading {
    /// Minutes from the start to the stop (or to now, while it runs).
    pub minutes: i64,
    pub running: bool,
    /// Stopped within the target, or still running within it.
    pub within_target: bool,
}

/// The clock from `start` to `stop` (none: still running), read at `now`.
pub fn read_clock(
    start: DateTime<Utc>,
    stop: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ClockReading {
    let end = stop.unwrap_or(now);
    let elapsed = (end - start).max(Duration::zero());
    ClockReading {
        minutes: elapsed.num_minutes(),
        running: stop.is_none(),
        within_target: elapsed <= CLOCK_TARGET,
    }
}

/// A short text an entry carries (an action, a name, a specimen), tidied.
pub fn entry_text(field: &str, raw: &str, min: usize, max: usize) -> DomainResult<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = text.chars().count();
    if n < min || n > max {
        return Err(DomainError::validation(
            field,
            format!("write {min} to {max} characters"),
        ));
    }
    Ok(text)
}

/// The date something happened: not in the future (India's date), not before the alert.
pub fn happened_on(on: NaiveDate, today: NaiveDate, raised: NaiveDate) -> DomainResult<NaiveDate> {
    if on > today {
        return Err(DomainError::validation("on", "must not be in the future"));
    }
    if on < raised {
        return Err(DomainError::validation(
            "on",
            "must not be before the alert was raised",
        ));
    }
    Ok(on)
}

/// The final report closing an investigation: what happened, in enough words to be one.
pub fn final_report(raw: &str) -> DomainResult<String> {
    let text = raw.trim().to_owned();
    let n = text.chars().count();
    if !(40..=8000).contains(&n) {
        return Err(DomainError::validation(
            "finalReport",
            "closing needs a final report of 40 to 8000 characters: cases, cause, actions, and what was learned",
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use InvestigationStatus::*;

    #[test]
    fn statuses_move_forward_and_back_from_contained_only() {
        assert!(Open.can_become(Investigating));
        assert!(Investigating.can_become(Contained));
        assert!(Contained.can_become(Investigating), "cases rose again");
        assert!(Contained.can_become(Closed));
        assert!(
            !Closed.can_become(Investigating),
            "a closed one stays closed"
        );
        assert!(!Open.can_become(Contained));
        assert!(!Open.can_become(Open));
    }

    #[test]
    fn clocks_read_against_twenty_four_hours() {
        let t = |h: i64| Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap() + Duration::hours(h);
        let met = read_clock(t(0), Some(t(20)), t(100));
        assert_eq!(
            (met.minutes, met.running, met.within_target),
            (1200, false, true)
        );
        let missed = read_clock(t(0), Some(t(25)), t(100));
        assert!(!missed.within_target);
        let running = read_clock(t(0), None, t(23));
        assert!(running.running && running.within_target);
        let overdue = read_clock(t(0), None, t(30));
        assert!(overdue.running && !overdue.within_target);
        assert!(
            read_clock(t(0), Some(t(24)), t(30)).within_target,
            "24 h is on time"
        );
    }

    #[test]
    fn dates_texts_and_reports_are_checked() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(happened_on(d("2026-12-02"), d("2026-12-03"), d("2026-12-01")).is_ok());
        assert!(happened_on(d("2026-12-04"), d("2026-12-03"), d("2026-12-01")).is_err());
        assert!(happened_on(d("2026-11-30"), d("2026-12-03"), d("2026-12-01")).is_err());
        assert_eq!(
            entry_text("what", "  fogging   ward 7 ", 3, 50).unwrap(),
            "fogging ward 7"
        );
        assert!(entry_text("what", "ab", 3, 50).is_err());
        assert!(final_report("too short").is_err());
        assert!(final_report(&"x".repeat(40)).is_ok());
    }
}
