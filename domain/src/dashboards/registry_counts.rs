//! What the records of the other modules count in the indicator roll-ups: patients
//! registered, e-health cards issued, households surveyed, helpline calls and their
//! first-response target, professionals verified, notifiable cases, stock-outs and
//! oxygen's days of cover.
//!
//! These are recounted from the records by a job every few minutes (the months still
//! open to correction) and once a night (everything), not in each write's transaction:
//! they come from many modules, and a count a few minutes old is what a department
//! reads them for. The screen shows when they were last counted.

use super::measures::{india_day, CountKey, Measure, Person};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

/// A count of one on `day`, under no department, of `who` when known.
fn one(out: &mut BTreeMap<CountKey, i64>, day: NaiveDate, m: Measure, group: &(String, String)) {
    add(out, day, m, group, 1);
}

fn add(
    out: &mut BTreeMap<CountKey, i64>,
    day: NaiveDate,
    m: Measure,
    (age_group, sex): &(String, String),
    value: i64,
) {
    *out.entry(CountKey {
        day,
        measure: m.as_str(),
        department: "unspecified".into(),
        age_group: age_group.clone(),
        sex: sex.clone(),
    })
    .or_default() += value;
}

fn unknown() -> (String, String) {
    ("unknown".into(), "unknown".into())
}

/// A patient registered: one registration on the day, by age and sex.
pub fn registration(out: &mut BTreeMap<CountKey, i64>, at: DateTime<Utc>, who: &Person) {
    let day = india_day(at);
    one(out, day, Measure::Registrations, &who.group_on(day));
}

/// An e-health card issued (a replacement is a card issued too).
pub fn card_issued(out: &mut BTreeMap<CountKey, i64>, at: DateTime<Utc>) {
    one(out, india_day(at), Measure::CardsIssued, &unknown());
}

/// A household surveyed, on the day it was enrolled, with the people listed in it.
pub fn household_surveyed(out: &mut BTreeMap<CountKey, i64>, at: DateTime<Utc>, members: i64) {
    let day = india_day(at);
    one(out, day, Measure::HouseholdsSurveyed, &unknown());
    add(out, day, Measure::PeopleSurveyed, &unknown(), members);
}

/// A helpline call on the day it came in. Once its first-response target has passed
/// or it was answered, it is due; it is within target when answered by then.
pub fn helpline_call(
    out: &mut BTreeMap<CountKey, i64>,
    created_at: DateTime<Utc>,
    first_response_at: Option<DateTime<Utc>>,
    target_minutes: i64,
    now: DateTime<Utc>,
) {
    let day = india_day(created_at);
    let due = created_at + chrono::Duration::minutes(target_minutes);
    one(out, day, Measure::HelplineCalls, &unknown());
    if first_response_at.is_some() || now > due {
        one(out, day, Measure::HelplineDue, &unknown());
    }
    if first_response_at.is_some_and(|at| at <= due) {
        one(out, day, Measure::HelplineInTarget, &unknown());
    }
}

/// A professional verified, on the day of the verification (while still verified).
pub fn professional_verified(out: &mut BTreeMap<CountKey, i64>, at: DateTime<Utc>) {
    one(
        out,
        india_day(at),
        Measure::ProfessionalsVerified,
        &unknown(),
    );
}

/// A notifiable case reported, by its age group and sex; a case discarded after
/// investigation counts nothing.
pub fn notifiable_case(
    out: &mut BTreeMap<CountKey, i64>,
    reported_at: DateTime<Utc>,
    discarded: bool,
    age_group: &str,
    sex: &str,
) {
    if !discarded {
        let group = (age_group.to_owned(), sex.to_owned());
        one(
            out,
            india_day(reported_at),
            Measure::NotifiableCases,
            &group,
        );
    }
}

/// A store ran out of an item (a stock-out alert raised).
pub fn stock_out(out: &mut BTreeMap<CountKey, i64>, raised_at: DateTime<Utc>) {
    one(out, india_day(raised_at), Measure::StockOuts, &unknown());
}

/// A facility's day in oxygen: the usable oxygen it held and what it used in a day at
/// that day's rate, in litres (the days of cover are the one over the other). A day
/// without a measured interval or without use counts nothing.
pub fn oxygen_day(
    out: &mut BTreeMap<CountKey, i64>,
    day: NaiveDate,
    usable_nm3: f64,
    consumption_nm3: f64,
    hours: f64,
) {
    if hours <= 0.0 || consumption_nm3 <= 0.0 || !usable_nm3.is_finite() {
        return;
    }
    let daily_use = consumption_nm3 * 24.0 / hours;
    add(
        out,
        day,
        Measure::OxygenUsableLitres,
        &unknown(),
        (usable_nm3.max(0.0) * 1000.0).round() as i64,
    );
    add(
        out,
        day,
        Measure::OxygenDailyUseLitres,
        &unknown(),
        (daily_use * 1000.0).round() as i64,
    );
}

/// The measures this module counts (recounted together).
pub const MEASURES: &[Measure] = &[
    Measure::Registrations,
    Measure::CardsIssued,
    Measure::HouseholdsSurveyed,
    Measure::PeopleSurveyed,
    Measure::HelplineCalls,
    Measure::HelplineDue,
    Measure::HelplineInTarget,
    Measure::ProfessionalsVerified,
    Measure::NotifiableCases,
    Measure::StockOuts,
    Measure::OxygenUsableLitres,
    Measure::OxygenDailyUseLitres,
];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap()
    }

    fn by_measure(c: &BTreeMap<CountKey, i64>) -> BTreeMap<&'static str, i64> {
        let mut out = BTreeMap::new();
        for (k, v) in c {
            *out.entry(k.measure).or_default() += v;
        }
        out
    }

    #[test]
    fn a_call_is_due_once_answered_or_past_its_target_and_in_target_only_when_answered_in_time() {
        let now = at(3, 12, 0);
        let mut c = BTreeMap::new();
        // Answered in 4 of 5 minutes: due and in target.
        helpline_call(&mut c, at(3, 10, 0), Some(at(3, 10, 4)), 5, now);
        // Answered in 6 of 5 minutes: due, late.
        helpline_call(&mut c, at(3, 10, 0), Some(at(3, 10, 6)), 5, now);
        // Not answered, target passed: due, late.
        helpline_call(&mut c, at(3, 11, 0), None, 5, now);
        // Not answered, 2 minutes in, target 5: not yet due.
        helpline_call(&mut c, at(3, 11, 58), None, 5, now);
        let m = by_measure(&c);
        assert_eq!(m["helpline_calls"], 4);
        assert_eq!(m["helpline_due"], 3);
        assert_eq!(m["helpline_in_target"], 1);
    }

    #[test]
    fn days_are_india_days_and_discarded_cases_count_nothing() {
        let mut c = BTreeMap::new();
        // 19:00 UTC is 00:30 the next day in India.
        card_issued(&mut c, at(3, 19, 0));
        notifiable_case(&mut c, at(3, 5, 0), true, "5-14", "male");
        notifiable_case(&mut c, at(3, 5, 0), false, "5-14", "male");
        let keys: Vec<_> = c
            .keys()
            .map(|k| (k.day.to_string(), k.measure, k.age_group.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("2026-11-03".into(), "notifiable_cases", "5-14"),
                ("2026-11-04".into(), "cards_issued", "unknown"),
            ]
        );
    }

    #[test]
    fn oxygen_counts_litres_held_and_a_days_use_at_the_days_rate() {
        let mut c = BTreeMap::new();
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        // 12 m³ used over 12 hours is 24 m³ a day; 60 m³ usable: 2.5 days of cover.
        oxygen_day(&mut c, day, 60.0, 12.0, 12.0);
        // No interval measured, or nothing used: nothing to divide by.
        oxygen_day(&mut c, day, 60.0, 12.0, 0.0);
        oxygen_day(&mut c, day, 60.0, 0.0, 24.0);
        let m = by_measure(&c);
        assert_eq!(m["oxygen_usable_l"], 60_000);
        assert_eq!(m["oxygen_daily_use_l"], 24_000);
    }

    #[test]
    fn a_household_counts_once_with_its_people_and_a_registration_by_age_and_sex() {
        let mut c = BTreeMap::new();
        household_surveyed(&mut c, at(3, 6, 0), 5);
        registration(
            &mut c,
            at(3, 6, 0),
            &Person {
                sex: Some("female".into()),
                birth_date: NaiveDate::from_ymd_opt(2020, 1, 1),
            },
        );
        let m = by_measure(&c);
        assert_eq!(m["households_surveyed"], 1);
        assert_eq!(m["people_surveyed"], 5);
        let reg = c.keys().find(|k| k.measure == "registrations").unwrap();
        assert_eq!(
            (reg.age_group.as_str(), reg.sex.as_str()),
            ("5-14", "female")
        );
    }
}
