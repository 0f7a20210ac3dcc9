//! What the indicator roll-ups count, and how a clinical record contributes to them.
//!
//! Every stored count is a sum of contributions. A record's contributions are worked
//! out from its facts alone; when it changes, the roll-ups take the new contributions
//! minus the old ones (in the transaction of the change), so they always equal a
//! recount from the records, whatever order the changes came in.

use crate::clinical::encounter::{EncounterKind, EncounterOutcome};
use crate::inpatient::admission::DischargeOutcome;
use crate::inpatient::wards::Department;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::BTreeMap;

text_enum!(
    /// A count kept per facility, day, department, age group and sex.
    Measure, "measure" {
    /// Outpatient, emergency and teleconsultation visits begun.
    OpdVisits => "opd_visits",
    Admissions => "admissions",
    /// Stays ended, however they ended (death included).
    Discharges => "discharges",
    /// Stays ended by death.
    Deaths => "deaths",
    /// Days in hospital of the stays ended (at least one for a stay).
    InpatientDays => "inpatient_days",
    /// Visits and stays ended by referral elsewhere.
    ReferralsOut => "referrals_out",
    /// Lab results written, on the day of the result.
    LabTests => "lab_tests",
    /// Lab results that answer an order: the denominator of the turnaround.
    LabTimed => "lab_timed",
    /// Minutes from order to result, summed over the timed results.
    LabTurnaroundMinutes => "lab_turnaround_minutes",
    /// Prescriptions written.
    Prescriptions => "prescriptions",
    // Recounted by a job from the other modules' records (`registry_counts`).
    /// Patients registered.
    Registrations => "registrations",
    /// E-health cards issued (replacements included).
    CardsIssued => "cards_issued",
    /// Households enrolled by a household survey.
    HouseholdsSurveyed => "households_surveyed",
    /// People listed in the households surveyed.
    PeopleSurveyed => "people_surveyed",
    /// Helpline calls received.
    HelplineCalls => "helpline_calls",
    /// Calls answered, or whose first-response target has passed.
    HelplineDue => "helpline_due",
    /// Calls answered within their first-response target.
    HelplineInTarget => "helpline_in_target",
    /// Professionals verified (and still verified).
    ProfessionalsVerified => "professionals_verified",
    /// Notifiable cases reported (not discarded).
    NotifiableCases => "notifiable_cases",
    /// Stock-outs: a store ran out of an item.
    StockOuts => "stock_outs",
    /// Usable oxygen held, litres, summed over facility-days.
    OxygenUsableLitres => "oxygen_usable_l",
    /// Oxygen used in a day at each day's rate, litres, summed over facility-days.
    OxygenDailyUseLitres => "oxygen_daily_use_l",
});

/// The department a count is kept under: one of the wards' departments, `other` for
/// any other name, `unspecified` when none was given.
pub fn department_key(raw: Option<&str>) -> String {
    match raw
        .map(|d| d.trim().to_lowercase())
        .filter(|d| !d.is_empty())
    {
        None => "unspecified".into(),
        Some(d) => Department::parse(&d)
            .map(|d| d.as_str().to_owned())
            .unwrap_or_else(|_| "other".into()),
    }
}

/// A department asked for by name: a ward department, `other` or `unspecified`.
pub fn department_filter(raw: &str) -> crate::DomainResult<String> {
    let d = raw.trim().to_lowercase();
    if d == "other" || d == "unspecified" || Department::parse(&d).is_ok() {
        Ok(d)
    } else {
        Err(crate::DomainError::validation(
            "department",
            "give a ward department (medicine, surgery, paediatrics, …), other or unspecified",
        ))
    }
}

/// The day an instant falls on in India (counts are by India's calendar).
pub fn india_day(at: DateTime<Utc>) -> NaiveDate {
    (at + chrono::Duration::minutes(330)).date_naive()
}

/// Who a count is about: the patient's sex and age in years on the day, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub sex: Option<String>,
    pub birth_date: Option<NaiveDate>,
}

impl Person {
    /// The age group and sex on a day ("unknown" for what is not known).
    pub fn group_on(&self, on: NaiveDate) -> (String, String) {
        self.group(on)
    }

    fn group(&self, on: NaiveDate) -> (String, String) {
        let age = self.birth_date.map(|b| {
            let mut a = on.year() - b.year();
            if (on.month(), on.day()) < (b.month(), b.day()) {
                a -= 1;
            }
            a
        });
        let sex = match self.sex.as_deref() {
            Some(s @ ("male" | "female" | "other")) => s.to_owned(),
            _ => "unknown".to_owned(),
        };
        (crate::surveillance::case::age_group(age).to_owned(), sex)
    }
}

/// Where and under what a contribution counts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountKey {
    pub day: NaiveDate,
    pub measure: &'static str,
    pub department: String,
    pub age_group: String,
    pub sex: String,
}

/// A visit as the roll-ups see it (an encounter entry of the health record).
#[derive(Debug, Clone)]
pub struct VisitFacts {
    pub kind: EncounterKind,
    /// Cancelled or entered in error: counts nothing.
    pub void: bool,
    pub department: Option<String>,
    pub start: DateTime<Utc>,
    pub outcome: Option<EncounterOutcome>,
    pub person: Person,
}

/// A stay as the roll-ups see it (an admission).
#[derive(Debug, Clone)]
pub struct StayFacts {
    pub department: String,
    pub admitted_at: DateTime<Utc>,
    pub ended: Option<(DateTime<Utc>, DischargeOutcome)>,
    pub person: Person,
}

/// What kind of health-record entry besides a visit the roll-ups count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountedEntry {
    LabResult,
    Prescription,
}

/// A lab result or a prescription as the roll-ups see it. Counted under the department
/// of the visit it was written in, as that visit stood when it was written.
#[derive(Debug, Clone)]
pub struct EntryFacts {
    pub kind: CountedEntry,
    /// Cancelled or entered in error: counts nothing.
    pub void: bool,
    pub department: Option<String>,
    pub at: DateTime<Utc>,
    /// When the lab order it answers was written.
    pub ordered_at: Option<DateTime<Utc>>,
    pub person: Person,
}

/// What a lab result or a prescription counts, on the day it was written: one test (and,
/// when it answers an order, its minutes from the order), or one prescription.
pub fn entry_counts(e: &EntryFacts) -> BTreeMap<CountKey, i64> {
    let mut out = BTreeMap::new();
    if e.void {
        return out;
    }
    let day = india_day(e.at);
    let (age_group, sex) = e.person.group(day);
    let key = |m: Measure| CountKey {
        day,
        measure: m.as_str(),
        department: department_key(e.department.as_deref()),
        age_group: age_group.clone(),
        sex: sex.clone(),
    };
    match e.kind {
        CountedEntry::Prescription => add(&mut out, key(Measure::Prescriptions), 1),
        CountedEntry::LabResult => {
            add(&mut out, key(Measure::LabTests), 1);
            if let Some(ordered) = e.ordered_at.filter(|o| *o <= e.at) {
                add(&mut out, key(Measure::LabTimed), 1);
                add(
                    &mut out,
                    key(Measure::LabTurnaroundMinutes),
                    (e.at - ordered).num_minutes(),
                );
            }
        }
    }
    out
}

fn add(out: &mut BTreeMap<CountKey, i64>, key: CountKey, value: i64) {
    *out.entry(key).or_default() += value;
}

/// What a visit counts: one outpatient visit on the day it began (inpatient encounters
/// are counted as stays), and a referral when it ended in one.
pub fn visit_counts(v: &VisitFacts) -> BTreeMap<CountKey, i64> {
    let mut out = BTreeMap::new();
    if v.void || v.kind == EncounterKind::Inpatient {
        return out;
    }
    let day = india_day(v.start);
    let (age_group, sex) = v.person.group(day);
    let key = |m: Measure| CountKey {
        day,
        measure: m.as_str(),
        department: department_key(v.department.as_deref()),
        age_group: age_group.clone(),
        sex: sex.clone(),
    };
    add(&mut out, key(Measure::OpdVisits), 1);
    if v.outcome == Some(EncounterOutcome::Referred) {
        add(&mut out, key(Measure::ReferralsOut), 1);
    }
    out
}

/// What a stay counts: an admission on the day it began; once ended, a discharge, its
/// days in hospital (calendar days, at least one) and a death or a referral, on the
/// day it ended.
pub fn stay_counts(s: &StayFacts) -> BTreeMap<CountKey, i64> {
    let mut out = BTreeMap::new();
    let admitted = india_day(s.admitted_at);
    let key = |day: NaiveDate, m: Measure| {
        let (age_group, sex) = s.person.group(admitted);
        CountKey {
            day,
            measure: m.as_str(),
            department: department_key(Some(&s.department)),
            age_group,
            sex,
        }
    };
    add(&mut out, key(admitted, Measure::Admissions), 1);
    if let Some((at, outcome)) = s.ended {
        let day = india_day(at);
        add(&mut out, key(day, Measure::Discharges), 1);
        add(
            &mut out,
            key(day, Measure::InpatientDays),
            (day - admitted).num_days().max(1),
        );
        match outcome {
            DischargeOutcome::Died => add(&mut out, key(day, Measure::Deaths), 1),
            DischargeOutcome::Referred => add(&mut out, key(day, Measure::ReferralsOut), 1),
            _ => {}
        }
    }
    out
}

/// What changes in the roll-ups when a record's counts go from `old` to `new`: every
/// key whose value differs, with the difference.
pub fn difference(
    old: &BTreeMap<CountKey, i64>,
    new: &BTreeMap<CountKey, i64>,
) -> Vec<(CountKey, i64)> {
    let mut out: BTreeMap<CountKey, i64> = new.clone();
    for (k, v) in old {
        *out.entry(k.clone()).or_default() -= v;
    }
    out.into_iter().filter(|(_, v)| *v != 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    fn child() -> Person {
        Person {
            sex: Some("female".into()),
            birth_date: NaiveDate::from_ymd_opt(2023, 6, 1),
        }
    }

    #[test]
    fn departments_are_the_wards_or_other_or_unspecified() {
        assert_eq!(department_key(Some(" Paediatrics ")), "paediatrics");
        assert_eq!(department_key(Some("Dermatology")), "other");
        assert_eq!(department_key(Some("  ")), "unspecified");
        assert_eq!(department_key(None), "unspecified");
        assert_eq!(department_filter(" Surgery").unwrap(), "surgery");
        assert_eq!(department_filter("unspecified").unwrap(), "unspecified");
        assert!(department_filter("dermatology").is_err());
    }

    #[test]
    fn a_visit_counts_once_on_its_india_day_and_a_referral_too() {
        let v = VisitFacts {
            kind: EncounterKind::Outpatient,
            void: false,
            department: Some("paediatrics".into()),
            // 20:00 UTC is 01:30 the next day in India.
            start: at(2026, 11, 30, 20),
            outcome: Some(EncounterOutcome::Referred),
            person: child(),
        };
        let c = visit_counts(&v);
        let keys: Vec<_> = c
            .iter()
            .map(|(k, v)| (k.day.to_string(), k.measure, k.age_group.clone(), *v))
            .collect();
        assert_eq!(
            keys,
            vec![
                ("2026-12-01".into(), "opd_visits", "0-4".into(), 1),
                ("2026-12-01".into(), "referrals_out", "0-4".into(), 1)
            ]
        );
        let void = VisitFacts {
            void: true,
            ..v.clone()
        };
        assert!(visit_counts(&void).is_empty());
        let inpatient = VisitFacts {
            kind: EncounterKind::Inpatient,
            ..v
        };
        assert!(
            visit_counts(&inpatient).is_empty(),
            "stays count as admissions"
        );
    }

    #[test]
    fn a_lab_result_counts_its_turnaround_from_the_order_and_a_prescription_once() {
        let result = EntryFacts {
            kind: CountedEntry::LabResult,
            void: false,
            department: Some("Medicine".into()),
            at: at(2026, 11, 2, 8),
            ordered_at: Some(at(2026, 11, 1, 20)),
            person: child(),
        };
        let by: BTreeMap<_, _> = entry_counts(&result)
            .into_iter()
            .map(|(k, v)| (k.measure, v))
            .collect();
        // Ordered at 20:00, resulted at 08:00 the next day: 720 minutes.
        assert_eq!(by["lab_tests"], 1);
        assert_eq!(by["lab_timed"], 1);
        assert_eq!(by["lab_turnaround_minutes"], 720);
        // No order, or an order after the result (a clock wrong somewhere): a test, untimed.
        for ordered_at in [None, Some(at(2026, 11, 3, 8))] {
            let c = entry_counts(&EntryFacts {
                ordered_at,
                ..result.clone()
            });
            assert_eq!(c.len(), 1);
        }
        let rx = EntryFacts {
            kind: CountedEntry::Prescription,
            ..result.clone()
        };
        assert_eq!(entry_counts(&rx).values().sum::<i64>(), 1);
        assert!(entry_counts(&EntryFacts { void: true, ..rx }).is_empty());
    }

    #[test]
    fn a_stay_counts_its_admission_then_its_end() {
        let open = StayFacts {
            department: "medicine".into(),
            admitted_at: at(2026, 11, 1, 6),
            ended: None,
            person: Person {
                sex: None,
                birth_date: None,
            },
        };
        let c = stay_counts(&open);
        assert_eq!(c.len(), 1);
        assert_eq!(c.keys().next().unwrap().sex, "unknown");
        let died = StayFacts {
            ended: Some((at(2026, 11, 4, 6), DischargeOutcome::Died)),
            ..open.clone()
        };
        let c = stay_counts(&died);
        let by: BTreeMap<_, _> = c.iter().map(|(k, v)| (k.measure, *v)).collect();
        assert_eq!(by["admissions"], 1);
        assert_eq!(by["discharges"], 1);
        assert_eq!(by["deaths"], 1);
        assert_eq!(by["inpatient_days"], 3);
        // A stay ended the day it began is one day in hospital.
        let same_day = StayFacts {
            ended: Some((at(2026, 11, 1, 9), DischargeOutcome::Recovered)),
            ..open.clone()
        };
        let by: BTreeMap<_, _> = stay_counts(&same_day)
            .into_iter()
            .map(|(k, v)| (k.measure, v))
            .collect();
        assert_eq!(by["inpatient_days"], 1);
        // Discharging takes the stay's end counts and leaves its admission alone.
        let d = difference(&stay_counts(&open), &stay_counts(&died));
        assert_eq!(d.len(), 3, "a discharge, its days and a death added");
        assert!(d.iter().all(|(k, v)| k.measure != "admissions" && *v > 0));
        // And undoing it takes them away again.
        let back = difference(&stay_counts(&died), &stay_counts(&open));
        assert!(back.iter().all(|(_, v)| *v < 0));
        assert_eq!(back.len(), 3);
    }
}
