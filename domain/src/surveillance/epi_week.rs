//! Epidemiological weeks as IDSP keeps them: ISO weeks (Monday to Sunday) of India's
//! calendar (IST, UTC+5:30), whatever the server's time zone. A case with onset on
//! Sunday 23:59 IST is in one week and one at Monday 00:01 IST in the next, although
//! both are on the same UTC day.

use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Datelike, Duration, IsoWeek, NaiveDate, Utc, Weekday};
use std::fmt;

/// The calendar date in India at an instant (the one helper the appointments use too).
pub use crate::appointment::ist_date as india_date;

/// An ISO week: `2026W49` (DHIS2's weekly period), stored as the number 202649 so
/// that weeks sort and range as integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EpiWeek {
    year: i32,
    week: u32,
}

impl EpiWeek {
    pub fn of_date(d: NaiveDate) -> Self {
        Self::from_iso(d.iso_week())
    }

    pub fn of_instant(t: DateTime<Utc>) -> Self {
        Self::of_date(india_date(t))
    }

    fn from_iso(w: IsoWeek) -> Self {
        Self {
            year: w.year(),
            week: w.week(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn week(self) -> u32 {
        self.week
    }

    /// Monday, the week's first day.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
            .expect("an EpiWeek is a real ISO week")
    }

    /// Sunday, the week's last day.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    /// The week `n` weeks later (earlier when negative).
    pub fn plus(self, n: i64) -> Self {
        Self::of_date(self.monday() + Duration::weeks(n))
    }

    /// As stored: 202649.
    pub fn key(self) -> i32 {
        self.year * 100 + self.week as i32
    }

    pub fn from_key(key: i32) -> DomainResult<Self> {
        Self::new(key / 100, (key % 100) as u32, "week")
    }

    fn new(year: i32, week: u32, field: &str) -> DomainResult<Self> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|_| Self { year, week })
            .ok_or_else(|| DomainError::validation(field, format!("{year} has no ISO week {week}")))
    }

    /// `2026W49` or `2026W9` (DHIS2 writes weeks without a leading zero).
    pub fn parse(text: &str, field: &str) -> DomainResult<Self> {
        let bad = || DomainError::validation(field, "must be a week such as 2026W49");
        let (y, w) = text.trim().split_once(['W', 'w']).ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&year) || w.len() > 2 {
            return Err(bad());
        }
        Self::new(year, week, field)
    }
}

impl fmt::Display for EpiWeek {
    /// DHIS2's weekly period, `2026W49`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}W{}", self.year, self.week)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn sunday_night_and_monday_morning_in_india_are_different_weeks() {
        // Sunday 6 December 2026, 23:59 IST = 18:29 UTC; Monday 00:01 IST = 18:31 UTC.
        let sunday = Utc.with_ymd_and_hms(2026, 12, 6, 18, 29, 0).unwrap();
        let monday = Utc.with_ymd_and_hms(2026, 12, 6, 18, 31, 0).unwrap();
        assert_eq!(EpiWeek::of_instant(sunday).to_string(), "2026W49");
        assert_eq!(EpiWeek::of_instant(monday).to_string(), "2026W50");
        assert_eq!(
            EpiWeek::of_instant(monday).monday(),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
    }

    #[test]
    fn iso_years_differ_from_calendar_years_at_the_edges() {
        // 1 January 2027 is a Friday: ISO week 53 of 2026.
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(EpiWeek::of_date(d).to_string(), "2026W53");
        assert_eq!(EpiWeek::of_date(d).plus(1).to_string(), "2027W1");
        assert_eq!(EpiWeek::parse("2026W53", "w").unwrap().key(), 202653);
        assert!(EpiWeek::parse("2027W53", "w").is_err(), "2027 has 52 weeks");
    }

    #[test]
    fn parses_dhis2_periods_and_refuses_the_rest() {
        assert_eq!(
            EpiWeek::parse("2026W9", "w").unwrap(),
            EpiWeek::parse("2026W09", "w").unwrap()
        );
        for bad in ["2026-49", "W49", "2026W", "2026W0", "2026W123", "1999W1"] {
            assert!(EpiWeek::parse(bad, "w").is_err(), "{bad}");
        }
        let w = EpiWeek::from_key(202649).unwrap();
        assert_eq!(
            (w.monday().to_string(), w.sunday().to_string()),
            ("2026-11-30".into(), "2026-12-06".into())
        );
    }
}
