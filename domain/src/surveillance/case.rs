//! Cases: one person with one illness episode of a notifiable condition, however
//! many visits, at the highest level of evidence reached so far.

use super::epi_week::india_date;
use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};

text_enum!(
    /// IDSP's three reporting levels, lowest first.
    CaseLevel, "level" {
        /// Syndromic: reported by a health worker from signs and symptoms.
        Syndromic => "s",
        /// Presumptive: diagnosed by a clinician.
        Presumptive => "p",
        /// Laboratory confirmed.
        Laboratory => "l",
    }
);

text_enum!(Classification, "classification" {
    Suspected => "suspected",
    Probable => "probable",
    Confirmed => "confirmed",
    Discarded => "discarded",
});

text_enum!(Outcome, "outcome" { Recovered => "recovered", Died => "died", Lost => "lost" });

text_enum!(CaseSex, "sex" { Female => "female", Male => "male", Other => "other", Unknown => "unknown" });

impl CaseLevel {
    fn rank(self) -> u8 {
        match self {
            CaseLevel::Syndromic => 0,
            CaseLevel::Presumptive => 1,
            CaseLevel::Laboratory => 2,
        }
    }

    /// A case only goes up: a lab confirmation is not undone by a later diagnosis.
    pub fn max(self, other: CaseLevel) -> CaseLevel {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    /// The classification a level gives, unless someone discarded the case.
    pub fn classification(self) -> Classification {
        match self {
            CaseLevel::Syndromic => Classification::Suspected,
            CaseLevel::Presumptive => Classification::Probable,
            CaseLevel::Laboratory => Classification::Confirmed,
        }
    }
}

/// Age groups of the weekly counts.
pub const AGE_GROUPS: [&str; 6] = ["0-4", "5-14", "15-44", "45-64", "65+", "unknown"];

pub fn age_group(age_years: Option<i32>) -> &'static str {
    match age_years {
        Some(a) if a < 0 => "unknown",
        Some(0..=4) => "0-4",
        Some(5..=14) => "5-14",
        Some(15..=44) => "15-44",
        Some(45..=64) => "45-64",
        Some(_) => "65+",
        None => "unknown",
    }
}

/// Whether an illness starting `onset` is the same episode as a case that started
/// `case_onset`, for a condition whose episodes last `days`.
pub fn same_episode(case_onset: NaiveDate, onset: NaiveDate, days: i32) -> bool {
    (onset - case_onset).num_days().abs() <= days as i64
}

/// A case reported from the field by a health worker (level S), for a person who may
/// not be registered.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldReport {
    pub name: String,
    pub age_years: i32,
    pub sex: CaseSex,
    /// The village or ward, as the worker writes it.
    pub village: String,
    pub symptoms: String,
    pub onset: NaiveDate,
    pub phone: Option<String>,
}

pub struct FieldReportForm<'a> {
    pub name: &'a str,
    pub age_years: i32,
    pub sex: CaseSex,
    pub village: &'a str,
    pub symptoms: &'a str,
    pub onset: NaiveDate,
}

impl FieldReportForm<'_> {
    pub fn validate(&self, now: DateTime<Utc>) -> DomainResult<FieldReport> {
        let text = |s: &str, field: &str, max: usize| {
            let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.is_empty() || t.chars().count() > max || t.chars().any(char::is_control) {
                Err(DomainError::validation(
                    field,
                    format!("must be 1 to {max} characters"),
                ))
            } else {
                Ok(t)
            }
        };
        if !(0..=130).contains(&self.age_years) {
            return Err(DomainError::validation(
                "ageYears",
                "must be between 0 and 130",
            ));
        }
        check_onset(self.onset, now)?;
        Ok(FieldReport {
            name: text(self.name, "name", 120)?,
            age_years: self.age_years,
            sex: self.sex,
            village: text(self.village, "village", 120)?,
            symptoms: text(self.symptoms, "symptoms", 500)?,
            onset: self.onset,
            phone: None,
        })
    }
}

/// An onset date: not after today in India, not more than a year back.
pub fn check_onset(onset: NaiveDate, now: DateTime<Utc>) -> DomainResult<()> {
    let today = india_date(now);
    if onset > today {
        return Err(DomainError::validation("onset", "must not be after today"));
    }
    if onset < today - Duration::days(366) {
        return Err(DomainError::validation(
            "onset",
            "must be within the last year",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_only_go_up_and_give_the_classification() {
        assert_eq!(
            CaseLevel::Laboratory.max(CaseLevel::Presumptive),
            CaseLevel::Laboratory
        );
        assert_eq!(
            CaseLevel::Syndromic.max(CaseLevel::Presumptive),
            CaseLevel::Presumptive
        );
        assert_eq!(
            CaseLevel::Presumptive.classification(),
            Classification::Probable
        );
    }

    #[test]
    fn age_groups_and_episodes() {
        assert_eq!(age_group(Some(4)), "0-4");
        assert_eq!(age_group(Some(5)), "5-14");
        assert_eq!(age_group(Some(65)), "65+");
        assert_eq!(age_group(None), "unknown");
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(same_episode(d("2026-11-01"), d("2026-11-22"), 21));
        assert!(!same_episode(d("2026-11-01"), d("2026-11-23"), 21));
        assert!(
            same_episode(d("2026-11-23"), d("2026-11-01"), 22),
            "either way round"
        );
    }

    #[test]
    fn a_field_report_is_checked() {
        let now = Utc::now();
        let today = india_date(now);
        let form = |name: &'static str, age: i32, onset: NaiveDate| FieldReportForm {
            name,
            age_years: age,
            sex: CaseSex::Female,
            village: "Ward 12, Krishnanagar",
            symptoms: "fever, rash",
            onset,
        };
        assert!(form("Rina Das", 30, today).validate(now).is_ok());
        let field = |r: DomainResult<FieldReport>| match r {
            Err(DomainError::Validation { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(form("  ", 30, today).validate(now)), "name");
        assert_eq!(field(form("Rina", 131, today).validate(now)), "ageYears");
        assert_eq!(
            field(form("Rina", 30, today + Duration::days(1)).validate(now)),
            "onset"
        );
        assert_eq!(
            field(form("Rina", 30, today - Duration::days(400)).validate(now)),
            "onset"
        );
    }
}
