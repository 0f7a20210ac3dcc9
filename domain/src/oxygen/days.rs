//! A facility's day in oxygen, kept as a roll-up row written with each reading so a
//! chart of 90 days reads 90 rows a facility instead of folding every reading.
//!
//! A day has a row only when the facility has a current reading that day (India's
//! day). Its stock is the last reading's; what was used, received and produced is
//! summed over the intervals that end that day, the first of which may start on an
//! earlier day.

use super::balance::{Interval, Point};
use crate::appointment::ist_date;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FacilityDay {
    pub day: NaiveDate,
    /// At the day's last reading.
    pub stock_nm3: f64,
    pub usable_nm3: f64,
    /// Over the intervals ending that day.
    pub consumption_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    /// How long those intervals lasted.
    pub hours: f64,
}

impl FacilityDay {
    /// Hours the usable stock at the day's end lasts at the day's drain (use less
    /// production); none when nothing was drawn.
    pub fn hours_left(&self) -> Option<f64> {
        let drain = self.consumption_nm3 - self.produced_nm3;
        (self.hours > 0.0 && drain > 0.0).then(|| self.usable_nm3 / (drain / self.hours))
    }

    /// Under the warning threshold at the day's end.
    pub fn at_risk(&self, warning_hours: f64) -> bool {
        self.hours_left().is_some_and(|h| h < warning_hours)
    }
}

/// The days of `points` (one facility's current readings, sorted by time). `before`
/// is the reading just before the first, if any: the first day's first interval
/// starts there.
pub fn facility_days(before: Option<&Point>, points: &[Point]) -> Vec<FacilityDay> {
    let mut days: Vec<FacilityDay> = Vec::new();
    let mut prev = before;
    for p in points {
        let day = ist_date(p.at);
        if days.last().is_none_or(|d| d.day != day) {
            days.push(FacilityDay {
                day,
                stock_nm3: 0.0,
                usable_nm3: 0.0,
                consumption_nm3: 0.0,
                received_nm3: 0.0,
                produced_nm3: 0.0,
                hours: 0.0,
            });
        }
        let Some(d) = days.last_mut() else { continue };
        d.stock_nm3 = p.held;
        d.usable_nm3 = p.usable;
        if let Some(q) = prev {
            let iv = Interval::between(q, p);
            d.consumption_nm3 += iv.consumption;
            d.received_nm3 += iv.received;
            d.produced_nm3 += iv.produced;
            d.hours += iv.hours();
        }
        prev = Some(p);
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};

    fn at(h: i64) -> DateTime<Utc> {
        // 2026-12-01 00:30 UTC is 06:00 in India.
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 30, 0).unwrap() + chrono::Duration::hours(h)
    }

    fn p(h: i64, held: f64, received: f64) -> Point {
        Point {
            at: at(h),
            held,
            usable: held * 0.9,
            received,
            produced: 0.0,
            estimated: false,
        }
    }

    #[test]
    fn a_day_sums_the_intervals_ending_in_it_and_keeps_its_last_stock() {
        let before = p(-24, 1_000.0, 0.0);
        let days = facility_days(
            Some(&before),
            &[
                p(0, 800.0, 0.0),
                p(12, 1_500.0, 1_000.0),
                p(24, 1_300.0, 0.0),
            ],
        );
        assert_eq!(days.len(), 2);
        let d1 = days[0];
        assert_eq!(d1.day, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        // 1000 → 800 (200 used), then 800 + 1000 received → 1500 (300 used).
        assert_eq!(
            (d1.consumption_nm3, d1.received_nm3, d1.hours),
            (500.0, 1_000.0, 36.0)
        );
        assert_eq!((d1.stock_nm3, d1.usable_nm3), (1_500.0, 1_350.0));
        assert_eq!(days[1].consumption_nm3, 200.0);
        // 1170 usable at 200 Nm³ in 12 h: 70.2 hours left.
        assert!((days[1].hours_left().unwrap() - 70.2).abs() < 1e-9);
        assert!(days[1].at_risk(72.0) && !days[1].at_risk(48.0));
    }

    #[test]
    fn the_first_reading_ever_has_stock_but_no_use() {
        let days = facility_days(None, &[p(0, 800.0, 100.0)]);
        assert_eq!(days[0].stock_nm3, 800.0);
        assert_eq!(
            (days[0].consumption_nm3, days[0].received_nm3, days[0].hours),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(days[0].hours_left(), None);
    }

    #[test]
    fn a_day_that_gained_oxygen_from_production_is_not_at_risk() {
        let mut a = p(0, 800.0, 0.0);
        let mut b = p(10, 800.0, 0.0);
        a.produced = 0.0;
        b.produced = 50.0;
        let days = facility_days(Some(&a), &[b]);
        assert_eq!(days[0].consumption_nm3, 50.0);
        assert_eq!(days[0].hours_left(), None);
    }
}
