//! The attendance register: each nominee, each day, present or absent. A mark is never
//! overwritten: a change is a new version of the cell. A mark made on a phone names the
//! version it changed, so that a mark made meanwhile by someone else is not silently
//! replaced: the trainer is shown the conflict instead.

use super::session::TrainingDays;
use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};

text_enum!(AttendanceMark, "mark" {
    Present => "present",
    Absent => "absent",
});

/// The most marks one submission carries (a full register's day).
pub const MAX_MARKS: usize = 500;

/// A register's day may be marked once it has come (India's date), never ahead.
pub fn markable_day(days: &TrainingDays, day: NaiveDate, today: NaiveDate) -> DomainResult<()> {
    if !days.contains(day) {
        return Err(DomainError::validation(
            "day",
            format!(
                "the training is held from {} to {}; mark one of those days",
                days.first(),
                days.last()
            ),
        ));
    }
    if day > today {
        return Err(DomainError::validation(
            "day",
            "attendance is marked on the day or after it, not before",
        ));
    }
    Ok(())
}

/// When the phone says the marks were made: not in the future beyond a phone clock's
/// usual drift, and within the training's last week (a register is kept while fresh).
pub fn marked_at(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    days: &TrainingDays,
) -> DomainResult<DateTime<Utc>> {
    if at > now + Duration::minutes(10) {
        return Err(DomainError::validation(
            "markedAt",
            "the phone's clock is ahead of the server's by more than 10 minutes; set it right and send again",
        ));
    }
    let earliest = days
        .first()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        - Duration::minutes(330);
    if at < earliest {
        return Err(DomainError::validation(
            "markedAt",
            "the marks are dated before the training began; check the phone's clock",
        ));
    }
    Ok(at)
}

/// What a mark sent for a cell does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The cell already says this: nothing is written (a repeat, or the same mark
    /// made meanwhile by someone else).
    Unchanged,
    /// Written as this version of the cell.
    Written(i32),
    /// The cell changed since the phone saw it, to another mark: not written.
    Conflict { now: AttendanceMark, version: i32 },
}

/// Decide a mark against the cell's current state (`None`: never marked). `based_on`
/// is the version the phone saw (0: none).
pub fn decide(
    current: Option<(i32, AttendanceMark)>,
    based_on: i32,
    mark: AttendanceMark,
) -> Outcome {
    match current {
        None => Outcome::Written(1),
        Some((_, now)) if now == mark => Outcome::Unchanged,
        Some((v, _)) if v == based_on => Outcome::Written(v + 1),
        Some((version, now)) => Outcome::Conflict { now, version },
    }
}

/// A nominee's days present and whether they attended throughout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Completion {
    pub days_present: i64,
    pub completed: bool,
}

impl Completion {
    pub fn of(days_present: i64, days: &TrainingDays) -> Self {
        Self {
            days_present,
            completed: days_present >= days.all().len() as i64,
        }
    }
}

/// Per cent of the nominee-days held so far that were present; none before the first day.
pub fn attendance_rate(present: i64, nominees: i64, days_held: i64) -> Option<i64> {
    let possible = nominees * days_held;
    (possible > 0).then(|| present * 100 / possible)
}

/// Days of the training held by `today` (India).
pub fn days_held(days: &TrainingDays, today: NaiveDate) -> i64 {
    days.all().into_iter().filter(|d| *d <= today).count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn three_days() -> TrainingDays {
        TrainingDays::new(d("2026-12-07"), d("2026-12-09")).unwrap()
    }

    #[test]
    fn only_days_of_the_training_that_have_come() {
        let days = three_days();
        assert!(markable_day(&days, d("2026-12-07"), d("2026-12-07")).is_ok());
        assert!(markable_day(&days, d("2026-12-08"), d("2026-12-07")).is_err());
        assert!(markable_day(&days, d("2026-12-06"), d("2026-12-10")).is_err());
        assert!(markable_day(&days, d("2026-12-09"), d("2026-12-20")).is_ok());
    }

    #[test]
    fn the_phone_clock_is_checked() {
        let days = three_days();
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 6, 0, 0).unwrap();
        assert!(marked_at(now + Duration::minutes(9), now, &days).is_ok());
        assert!(marked_at(now + Duration::minutes(11), now, &days).is_err());
        // 00:10 on the first day in India is 18:40 UTC the day before: fine.
        assert!(marked_at(
            Utc.with_ymd_and_hms(2026, 12, 6, 18, 40, 0).unwrap(),
            now,
            &days
        )
        .is_ok());
        assert!(marked_at(
            Utc.with_ymd_and_hms(2026, 12, 6, 18, 0, 0).unwrap(),
            now,
            &days
        )
        .is_err());
    }

    #[test]
    fn a_mark_never_replaces_one_made_meanwhile() {
        use AttendanceMark::*;
        assert_eq!(decide(None, 0, Present), Outcome::Written(1));
        assert_eq!(decide(Some((1, Present)), 1, Absent), Outcome::Written(2));
        assert_eq!(decide(Some((2, Absent)), 1, Absent), Outcome::Unchanged);
        assert_eq!(
            decide(Some((2, Absent)), 1, Present),
            Outcome::Conflict {
                now: Absent,
                version: 2
            }
        );
        // Marked by two phones at once, both "present": the second changes nothing.
        assert_eq!(decide(Some((1, Present)), 0, Present), Outcome::Unchanged);
    }

    #[test]
    fn completion_and_rate() {
        let days = three_days();
        assert!(Completion::of(3, &days).completed);
        assert!(!Completion::of(2, &days).completed);
        assert_eq!(days_held(&days, d("2026-12-08")), 2);
        assert_eq!(attendance_rate(3, 2, 2), Some(75));
        assert_eq!(attendance_rate(0, 2, 0), None);
    }
}
