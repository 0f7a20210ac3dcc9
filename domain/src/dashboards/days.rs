//! Day and week periods of the indicators: a run of days (at most 92, none after
//! today) read day by day or week by week (weeks begin on Monday; the first and last
//! may be cut by the range).

use chrono::{Datelike, Duration, NaiveDate};

pub const MAX_DAYS: i64 = 92;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DayRange {
    pub fn parse(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> crate::DomainResult<Self> {
        if to < from {
            return Err(crate::DomainError::validation(
                "to",
                "the last day comes before the first",
            ));
        }
        if to > today {
            return Err(crate::DomainError::validation(
                "to",
                "days still to come have no counts",
            ));
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(crate::DomainError::validation(
                "from",
                format!("at most {MAX_DAYS} days at once"),
            ));
        }
        Ok(Self { from, to })
    }

    /// The day a count of `day` goes under: itself, or its week's Monday (not before
    /// the range's first day).
    pub fn bucket_of(&self, day: NaiveDate, weekly: bool) -> NaiveDate {
        if weekly {
            (day - Duration::days(day.weekday().num_days_from_monday() as i64)).max(self.from)
        } else {
            day
        }
    }

    /// Each bucket's first day and how many days of the range it holds.
    pub fn buckets(&self, weekly: bool) -> Vec<(NaiveDate, i64)> {
        let mut out: Vec<(NaiveDate, i64)> = Vec::new();
        let mut d = self.from;
        while d <= self.to {
            let b = self.bucket_of(d, weekly);
            match out.last_mut() {
                Some((start, n)) if *start == b => *n += 1,
                _ => out.push((b, 1)),
            }
            d += Duration::days(1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn weeks_begin_on_monday_and_are_cut_by_the_range() {
        // Thursday 3 December to Monday 14 December 2026.
        let r = DayRange::parse(day(12, 3), day(12, 14), day(12, 14)).unwrap();
        assert_eq!(r.buckets(false).len(), 12);
        assert_eq!(
            r.buckets(true),
            vec![(day(12, 3), 4), (day(12, 7), 7), (day(12, 14), 1)]
        );
        assert_eq!(r.bucket_of(day(12, 10), true), day(12, 7));
        assert_eq!(r.bucket_of(day(12, 4), true), day(12, 3));
        assert!(DayRange::parse(day(12, 3), day(12, 15), day(12, 14)).is_err());
        assert!(DayRange::parse(day(12, 5), day(12, 3), day(12, 14)).is_err());
        assert!(DayRange::parse(day(9, 1), day(12, 14), day(12, 14)).is_err());
        assert!(DayRange::parse(day(9, 14), day(12, 14), day(12, 14)).is_ok());
    }
}
