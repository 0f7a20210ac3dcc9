//! A patient's demographics as a clerk or surveyor enters them, validated field by
//! field into [`PatientDetails`].

use super::identifiers::{language, AadhaarNumber, AbhaNumber, MobileNumber};
use super::name_key::{first_word_key, name_key};
use crate::error::{Checks, DomainError, DomainResult};
use crate::ids::UnitId;
use chrono::{Datelike, NaiveDate};

text_enum!(PatientSex, "sex" {
    Male => "male",
    Female => "female",
    Other => "other",
    Unknown => "unknown",
});

text_enum!(Relation, "guardian.relation" {
    Father => "father",
    Mother => "mother",
    Spouse => "spouse",
    Son => "son",
    Daughter => "daughter",
    Sibling => "sibling",
    Guardian => "guardian",
    Other => "other",
});

/// The oldest age accepted.
pub const MAX_AGE_YEARS: u32 = 120;

/// A birth date, exact or estimated from a stated age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthDate {
    pub date: NaiveDate,
    pub estimated: bool,
}

impl BirthDate {
    /// From a known date, or from an age in years (the birthday is then taken to be
    /// today's date that many years ago, and flagged as estimated). Exactly one.
    pub fn from_form(
        date: Option<NaiveDate>,
        age_years: Option<i32>,
        today: NaiveDate,
    ) -> DomainResult<Self> {
        match (date, age_years) {
            (Some(_), Some(_)) => Err(DomainError::validation(
                "ageYears",
                "give the date of birth or the age, not both",
            )),
            (None, None) => Err(DomainError::validation(
                "dateOfBirth",
                "give the date of birth, or the age in years when the date is not known",
            )),
            (Some(d), None) => {
                if d > today {
                    return Err(DomainError::validation("dateOfBirth", "is in the future"));
                }
                if today.year() - d.year() > MAX_AGE_YEARS as i32 {
                    return Err(DomainError::validation(
                        "dateOfBirth",
                        format!("is more than {MAX_AGE_YEARS} years ago"),
                    ));
                }
                Ok(Self {
                    date: d,
                    estimated: false,
                })
            }
            (None, Some(age)) => {
                if !(0..=MAX_AGE_YEARS as i32).contains(&age) {
                    return Err(DomainError::validation(
                        "ageYears",
                        format!("must be between 0 and {MAX_AGE_YEARS}"),
                    ));
                }
                let year = today.year() - age;
                let date = today
                    .with_year(year)
                    // 29 February in a year that has none.
                    .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
                    .ok_or_else(|| DomainError::validation("ageYears", "is out of range"))?;
                Ok(Self {
                    date,
                    estimated: true,
                })
            }
        }
    }

    pub fn year(&self) -> i32 {
        self.date.year()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub unit: UnitId,
    pub line: Option<String>,
    pub pincode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guardian {
    pub name: String,
    pub relation: Relation,
    pub phone: Option<MobileNumber>,
}

/// The form as submitted, before validation.
#[derive(Debug, Clone, Default)]
pub struct PatientForm {
    pub given_name: String,
    pub family_name: Option<String>,
    pub local_name: Option<String>,
    pub sex: String,
    pub date_of_birth: Option<NaiveDate>,
    pub age_years: Option<i32>,
    pub phone: Option<String>,
    pub address_unit: Option<UnitId>,
    pub address_line: Option<String>,
    pub pincode: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<String>,
    pub preferred_language: Option<String>,
    pub abha_number: Option<String>,
    pub national_id: Option<String>,
}

/// Validated demographics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientDetails {
    pub given_name: String,
    pub family_name: Option<String>,
    pub local_name: Option<String>,
    pub sex: PatientSex,
    pub birth: BirthDate,
    pub phone: Option<MobileNumber>,
    pub address: Option<Address>,
    pub guardian: Option<Guardian>,
    pub preferred_language: Option<String>,
    pub abha_number: Option<AbhaNumber>,
    pub national_id: Option<AadhaarNumber>,
    /// Things the clerk should double-check; they do not stop registration.
    pub warnings: Vec<String>,
}

fn opt(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn name(raw: &str, field: &str, max: usize) -> DomainResult<String> {
    let v = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if v.is_empty() {
        return Err(DomainError::validation(field, "must not be empty"));
    }
    if v.chars().count() > max {
        return Err(DomainError::validation(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if !v.chars().any(char::is_alphabetic)
        || v.chars().any(|c| c.is_control() || c.is_ascii_digit())
    {
        return Err(DomainError::validation(
            field,
            "must be letters, not digits or symbols",
        ));
    }
    Ok(v)
}

impl PatientForm {
    pub fn validate(&self, today: NaiveDate) -> DomainResult<PatientDetails> {
        // The fields a clerk fills first are all checked before any is reported, so
        // the form shows every problem at once.
        let mut checks = Checks::new();
        let given_name = checks.take(name(&self.given_name, "givenName", 80).and_then(|g| {
            if g.chars().any(|c| c.is_ascii_alphabetic()) {
                Ok(g)
            } else {
                Err(DomainError::validation(
                    "givenName",
                    "write the given name in Latin letters; put the local-script name in localName",
                ))
            }
        }));
        let family_name = checks.take(
            opt(&self.family_name)
                .map(|f| name(f, "familyName", 80))
                .transpose(),
        );
        let local_name = checks.take(
            opt(&self.local_name)
                .map(|l| name(l, "localName", 120))
                .transpose(),
        );
        let sex = checks.take(PatientSex::parse(self.sex.trim()));
        let birth = checks.take(BirthDate::from_form(
            self.date_of_birth,
            self.age_years,
            today,
        ));
        let phone = checks.take(
            opt(&self.phone)
                .map(|p| MobileNumber::parse(p, "phone"))
                .transpose(),
        );
        checks.done()?;
        let (
            Some(given_name),
            Some(family_name),
            Some(local_name),
            Some(sex),
            Some(birth),
            Some(phone),
        ) = (given_name, family_name, local_name, sex, birth, phone)
        else {
            return Err(DomainError::validation(
                "givenName",
                "the form could not be read",
            ));
        };
        let address = match self.address_unit {
            Some(unit) => {
                let pincode = opt(&self.pincode)
                    .map(|p| {
                        let ok = p.len() == 6
                            && p.bytes().all(|b| b.is_ascii_digit())
                            && !p.starts_with('0');
                        ok.then(|| p.to_owned()).ok_or_else(|| {
                            DomainError::validation("address.pincode", "a PIN code is 6 digits")
                        })
                    })
                    .transpose()?;
                let line = opt(&self.address_line).map(str::to_owned);
                if line.as_ref().is_some_and(|l| l.chars().count() > 300) {
                    return Err(DomainError::validation(
                        "address.line",
                        "must be at most 300 characters",
                    ));
                }
                Some(Address {
                    unit,
                    line,
                    pincode,
                })
            }
            None if opt(&self.address_line).is_some() || opt(&self.pincode).is_some() => {
                return Err(DomainError::validation(
                    "address.unitId",
                    "choose the block or district the address lies in",
                ))
            }
            None => None,
        };
        let guardian = match opt(&self.guardian_name) {
            Some(g) => Some(Guardian {
                name: name(g, "guardian.name", 120)?,
                relation: Relation::parse(opt(&self.guardian_relation).ok_or_else(|| {
                    DomainError::validation("guardian.relation", "say how the guardian is related")
                })?)?,
                phone: opt(&self.guardian_phone)
                    .map(|p| MobileNumber::parse(p, "guardian.phone"))
                    .transpose()?,
            }),
            None if opt(&self.guardian_relation).is_some()
                || opt(&self.guardian_phone).is_some() =>
            {
                return Err(DomainError::validation(
                    "guardian.name",
                    "must not be empty",
                ))
            }
            None => None,
        };
        let preferred_language = opt(&self.preferred_language).map(language).transpose()?;
        let mut warnings = Vec::new();
        let abha_number = match opt(&self.abha_number) {
            Some(a) => {
                let (n, warning) = AbhaNumber::parse(a)?;
                warnings.extend(warning);
                Some(n)
            }
            None => None,
        };
        let national_id = opt(&self.national_id)
            .map(AadhaarNumber::parse)
            .transpose()?;
        if birth.estimated {
            warnings.push("the birth date is estimated from the age".to_owned());
        }
        Ok(PatientDetails {
            given_name,
            family_name,
            local_name,
            sex,
            birth,
            phone,
            address,
            guardian,
            preferred_language,
            abha_number,
            national_id,
            warnings,
        })
    }
}

/// The phonetic keys a patient is found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    /// Key of the first given name.
    pub given: String,
    /// Key of the whole family name ("" when there is none).
    pub family: String,
}

impl NameKeys {
    pub fn of(given_name: &str, family_name: Option<&str>) -> Self {
        Self {
            given: first_word_key(given_name),
            family: family_name.map(name_key).unwrap_or_default(),
        }
    }
}

impl PatientDetails {
    pub fn keys(&self) -> NameKeys {
        NameKeys::of(&self.given_name, self.family_name.as_deref())
    }
    pub fn full_name(&self) -> String {
        match &self.family_name {
            Some(f) => format!("{} {f}", self.given_name),
            None => self.given_name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }
    fn form() -> PatientForm {
        PatientForm {
            given_name: "Lakshmi".into(),
            family_name: Some("Devi".into()),
            local_name: Some("লক্ষ্মী দেবী".into()),
            sex: "female".into(),
            age_years: Some(34),
            phone: Some("98300 12345".into()),
            ..Default::default()
        }
    }
    fn field_of(f: PatientForm) -> String {
        match f.validate(today()) {
            Err(DomainError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn age_gives_an_estimated_birth_date() {
        let d = form().validate(today()).unwrap();
        assert_eq!(d.birth.date, NaiveDate::from_ymd_opt(1992, 11, 22).unwrap());
        assert!(d.birth.estimated);
        assert_eq!(d.phone.as_ref().unwrap().as_str(), "+919830012345");
        assert_eq!(d.local_name.as_deref(), Some("লক্ষ্মী দেবী"));
        assert_eq!(d.keys(), NameKeys::of("Laxmi", Some("Debi")));
    }

    #[test]
    fn each_field_is_checked() {
        assert_eq!(
            field_of(PatientForm {
                given_name: " ".into(),
                ..form()
            }),
            "givenName"
        );
        assert_eq!(
            field_of(PatientForm {
                given_name: "লক্ষ্মী".into(),
                ..form()
            }),
            "givenName"
        );
        assert_eq!(
            field_of(PatientForm {
                sex: "f".into(),
                ..form()
            }),
            "sex"
        );
        assert_eq!(
            field_of(PatientForm {
                age_years: Some(130),
                ..form()
            }),
            "ageYears"
        );
        assert_eq!(
            field_of(PatientForm {
                age_years: None,
                ..form()
            }),
            "dateOfBirth"
        );
        assert_eq!(
            field_of(PatientForm {
                date_of_birth: NaiveDate::from_ymd_opt(2027, 1, 1),
                age_years: None,
                ..form()
            }),
            "dateOfBirth"
        );
        assert_eq!(
            field_of(PatientForm {
                phone: Some("12345".into()),
                ..form()
            }),
            "phone"
        );
        assert_eq!(
            field_of(PatientForm {
                pincode: Some("700001".into()),
                ..form()
            }),
            "address.unitId"
        );
        assert_eq!(
            field_of(PatientForm {
                guardian_name: Some("Ram".into()),
                ..form()
            }),
            "guardian.relation"
        );
        assert_eq!(
            field_of(PatientForm {
                preferred_language: Some("xx".into()),
                ..form()
            }),
            "preferredLanguage"
        );
        assert_eq!(
            field_of(PatientForm {
                abha_number: Some("12-34".into()),
                ..form()
            }),
            "abhaNumber"
        );
        assert_eq!(
            field_of(PatientForm {
                national_id: Some("234567890123".into()),
                ..form()
            }),
            "nationalId"
        );
    }

    #[test]
    fn leap_day_birthdays_estimate_safely() {
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let b = BirthDate::from_form(None, Some(1), leap).unwrap();
        assert_eq!(b.date, NaiveDate::from_ymd_opt(2023, 2, 28).unwrap());
    }
}
