//! The indicators shown on the dashboards, worked out from the roll-ups' counts for a
//! place and a period. The definitions are written out in docs/DASHBOARDS.md and, in
//! each language, in the app.

use super::measures::Measure;

/// The counts of a place over a period, with what the rates are taken against.
/// Counts added later read as 0 in what was stored before them (frozen award rounds).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Figures {
    pub opd_visits: i64,
    pub admissions: i64,
    pub discharges: i64,
    pub deaths: i64,
    pub inpatient_days: i64,
    pub referrals_out: i64,
    pub lab_tests: i64,
    pub lab_timed: i64,
    pub lab_turnaround_minutes: i64,
    pub prescriptions: i64,
    pub registrations: i64,
    pub cards_issued: i64,
    pub households_surveyed: i64,
    pub people_surveyed: i64,
    pub helpline_calls: i64,
    pub helpline_due: i64,
    pub helpline_in_target: i64,
    pub professionals_verified: i64,
    pub notifiable_cases: i64,
    pub stock_outs: i64,
    pub oxygen_usable_l: i64,
    pub oxygen_daily_use_l: i64,
    /// People living in the place (the surveillance module's population of the
    /// period's last year), for the survey coverage; 0 when not known.
    pub population: i64,
    /// Beds of the place's facilities (the registry's counts today).
    pub beds: i64,
    /// Days of the period (up to today for a period still running).
    pub days: i64,
}

fn ratio(top: i64, bottom: i64, scale: f64) -> Option<f64> {
    (bottom > 0).then(|| ((top as f64) * scale / bottom as f64 * 10.0).round() / 10.0)
}

impl Figures {
    /// Add a stored count of `measure` (an unknown measure is ignored).
    pub fn add(&mut self, measure: &str, value: i64) {
        let Ok(m) = Measure::parse(measure) else {
            return;
        };
        let slot = match m {
            Measure::OpdVisits => &mut self.opd_visits,
            Measure::Admissions => &mut self.admissions,
            Measure::Discharges => &mut self.discharges,
            Measure::Deaths => &mut self.deaths,
            Measure::InpatientDays => &mut self.inpatient_days,
            Measure::ReferralsOut => &mut self.referrals_out,
            Measure::LabTests => &mut self.lab_tests,
            Measure::LabTimed => &mut self.lab_timed,
            Measure::LabTurnaroundMinutes => &mut self.lab_turnaround_minutes,
            Measure::Prescriptions => &mut self.prescriptions,
            Measure::Registrations => &mut self.registrations,
            Measure::CardsIssued => &mut self.cards_issued,
            Measure::HouseholdsSurveyed => &mut self.households_surveyed,
            Measure::PeopleSurveyed => &mut self.people_surveyed,
            Measure::HelplineCalls => &mut self.helpline_calls,
            Measure::HelplineDue => &mut self.helpline_due,
            Measure::HelplineInTarget => &mut self.helpline_in_target,
            Measure::ProfessionalsVerified => &mut self.professionals_verified,
            Measure::NotifiableCases => &mut self.notifiable_cases,
            Measure::StockOuts => &mut self.stock_outs,
            Measure::OxygenUsableLitres => &mut self.oxygen_usable_l,
            Measure::OxygenDailyUseLitres => &mut self.oxygen_daily_use_l,
        };
        *slot += value;
    }

    /// Add another set's counts (not its beds or days).
    pub fn absorb(&mut self, other: &Figures) {
        self.opd_visits += other.opd_visits;
        self.admissions += other.admissions;
        self.discharges += other.discharges;
        self.deaths += other.deaths;
        self.inpatient_days += other.inpatient_days;
        self.referrals_out += other.referrals_out;
        self.lab_tests += other.lab_tests;
        self.lab_timed += other.lab_timed;
        self.lab_turnaround_minutes += other.lab_turnaround_minutes;
        self.prescriptions += other.prescriptions;
        self.registrations += other.registrations;
        self.cards_issued += other.cards_issued;
        self.households_surveyed += other.households_surveyed;
        self.people_surveyed += other.people_surveyed;
        self.helpline_calls += other.helpline_calls;
        self.helpline_due += other.helpline_due;
        self.helpline_in_target += other.helpline_in_target;
        self.professionals_verified += other.professionals_verified;
        self.notifiable_cases += other.notifiable_cases;
        self.stock_outs += other.stock_outs;
        self.oxygen_usable_l += other.oxygen_usable_l;
        self.oxygen_daily_use_l += other.oxygen_daily_use_l;
    }

    /// Hours from a lab order to its result, on average over the results that answer
    /// an order, to one decimal.
    pub fn lab_turnaround_hours(&self) -> Option<f64> {
        ratio(self.lab_turnaround_minutes, self.lab_timed * 60, 1.0)
    }

    /// Prescriptions per outpatient visit, to one decimal.
    pub fn prescriptions_per_visit(&self) -> Option<f64> {
        ratio(self.prescriptions, self.opd_visits, 1.0)
    }

    /// Calls answered within their first-response target per 100 calls due, to one
    /// decimal.
    pub fn helpline_in_target_rate(&self) -> Option<f64> {
        ratio(self.helpline_in_target, self.helpline_due, 100.0)
    }

    /// People listed by household surveys in the period per 100 people living in the
    /// place, to one decimal.
    pub fn survey_coverage(&self) -> Option<f64> {
        ratio(self.people_surveyed, self.population, 100.0)
    }

    /// Days the usable oxygen held would last at the day's use, averaged over the
    /// facility-days reported (the sum of oxygen held over the sum of a day's use), to
    /// one decimal.
    pub fn oxygen_days_of_cover(&self) -> Option<f64> {
        ratio(self.oxygen_usable_l, self.oxygen_daily_use_l, 1.0)
    }

    /// Deaths per 100 discharges (deaths included), to one decimal.
    pub fn mortality_rate(&self) -> Option<f64> {
        ratio(self.deaths, self.discharges, 100.0)
    }

    /// Days in hospital per discharge, to one decimal.
    pub fn average_length_of_stay(&self) -> Option<f64> {
        ratio(self.inpatient_days, self.discharges, 1.0)
    }

    /// Inpatient days per 100 bed-days available (beds × days), to one decimal.
    pub fn bed_occupancy_rate(&self) -> Option<f64> {
        ratio(self.inpatient_days, self.beds * self.days, 100.0)
    }

    /// Discharges per bed over the period, to one decimal.
    pub fn bed_turnover(&self) -> Option<f64> {
        ratio(self.discharges, self.beds, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_taken_against_their_denominators_and_absent_without_one() {
        let mut f = Figures {
            beds: 50,
            days: 30,
            ..Default::default()
        };
        for (m, v) in [
            ("discharges", 120),
            ("deaths", 3),
            ("inpatient_days", 480),
            ("admissions", 130),
            ("nonsense", 9),
        ] {
            f.add(m, v);
        }
        assert_eq!(f.admissions, 130);
        // 3 deaths in 120 discharges: 2.5 per 100.
        assert_eq!(f.mortality_rate(), Some(2.5));
        // 480 days over 120 stays: 4.0 days each.
        assert_eq!(f.average_length_of_stay(), Some(4.0));
        // 480 of 50 × 30 = 1,500 bed-days: 32.0 %.
        assert_eq!(f.bed_occupancy_rate(), Some(32.0));
        // 120 discharges over 50 beds: 2.4 each.
        assert_eq!(f.bed_turnover(), Some(2.4));
        // 3 results timed over 270 minutes: 1.5 hours each; 45 prescriptions in 30 visits.
        f.add("lab_timed", 3);
        f.add("lab_turnaround_minutes", 270);
        f.add("prescriptions", 45);
        f.add("opd_visits", 30);
        assert_eq!(f.lab_turnaround_hours(), Some(1.5));
        assert_eq!(f.prescriptions_per_visit(), Some(1.5));
        // 18 of 20 calls due answered in time: 90 %; 60,000 l held over 24,000 l a day.
        f.add("helpline_due", 20);
        f.add("helpline_in_target", 18);
        f.add("oxygen_usable_l", 60_000);
        f.add("oxygen_daily_use_l", 24_000);
        f.add("people_surveyed", 250);
        f.population = 1_000;
        assert_eq!(f.helpline_in_target_rate(), Some(90.0));
        assert_eq!(f.oxygen_days_of_cover(), Some(2.5));
        assert_eq!(f.survey_coverage(), Some(25.0));
        let none = Figures::default();
        assert_eq!(none.mortality_rate(), None);
        assert_eq!(none.bed_occupancy_rate(), None);
    }
}

/// A run of whole months, the last one possibly still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRange {
    /// The first day of the first month.
    pub from: chrono::NaiveDate,
    /// The first day of the last month.
    pub to: chrono::NaiveDate,
    /// The last day counted: the last month's end, or today while it runs.
    pub until: chrono::NaiveDate,
}

/// At most this many months at once (two financial years and a bit).
pub const MAX_MONTHS: u32 = 36;

impl MonthRange {
    /// Months "YYYY-MM" from `from` to `to`, both included, none after today's.
    pub fn parse(from: &str, to: &str, today: chrono::NaiveDate) -> crate::DomainResult<Self> {
        use chrono::Datelike;
        let month = |field: &str, s: &str| {
            chrono::NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
                .map_err(|_| crate::DomainError::validation(field, "give a month as YYYY-MM"))
        };
        let (from, to) = (month("from", from)?, month("to", to)?);
        let this_month = today.with_day(1).unwrap_or(today);
        if to < from {
            return Err(crate::DomainError::validation(
                "to",
                "the last month comes before the first",
            ));
        }
        if to > this_month {
            return Err(crate::DomainError::validation(
                "to",
                "months still to come have no counts",
            ));
        }
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
        if months > MAX_MONTHS as i32 {
            return Err(crate::DomainError::validation(
                "from",
                format!("at most {MAX_MONTHS} months at once"),
            ));
        }
        let until = if to == this_month {
            today
        } else {
            to.checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(to)
        };
        Ok(Self { from, to, until })
    }

    /// Each month's first day and the days it counts.
    pub fn months(&self) -> Vec<(chrono::NaiveDate, i64)> {
        let mut out = Vec::new();
        let mut m = self.from;
        while m <= self.to {
            let next = m.checked_add_months(chrono::Months::new(1)).unwrap_or(m);
            let end = (next - chrono::Duration::days(1)).min(self.until);
            out.push((m, (end - m).num_days() + 1));
            if next == m {
                break;
            }
            m = next;
        }
        out
    }

    pub fn days(&self) -> i64 {
        (self.until - self.from).num_days() + 1
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_financial_year_to_date_counts_the_days_so_far() {
        let r = MonthRange::parse("2026-04", "2026-12", day(2026, 12, 7)).unwrap();
        assert_eq!(r.months().len(), 9);
        assert_eq!(r.months()[0], (day(2026, 4, 1), 30));
        assert_eq!(r.months()[8], (day(2026, 12, 1), 7));
        // April to November: 30+31+30+31+31+30+31+30 = 244, and 7 of December.
        assert_eq!(r.days(), 251);
        assert!(MonthRange::parse("2026-04", "2027-01", day(2026, 12, 7)).is_err());
        assert!(MonthRange::parse("2026-05", "2026-04", day(2026, 12, 7)).is_err());
        assert!(MonthRange::parse("2023-01", "2026-12", day(2026, 12, 7)).is_err());
        assert!(MonthRange::parse("April", "2026-12", day(2026, 12, 7)).is_err());
        let past = MonthRange::parse("2026-02", "2026-02", day(2026, 12, 7)).unwrap();
        assert_eq!(past.days(), 28);
    }
}
