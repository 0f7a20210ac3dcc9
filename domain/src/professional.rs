//! The Health Professional Registry: doctors, nurses and others, their council
//! registrations and qualifications, and verification by the department.

use crate::error::{DomainError, DomainResult};
use crate::facility::PhoneNumber;
use crate::user::Email;
use chrono::NaiveDate;

text_enum!(ProfessionalKind, "kind" {
    Doctor => "doctor",
    Nurse => "nurse",
    Midwife => "midwife",
    Pharmacist => "pharmacist",
    LabTechnician => "lab_technician",
    Radiographer => "radiographer",
    AshaChw => "asha_chw",
    Other => "other",
});

text_enum!(Sex, "sex" { Male => "male", Female => "female", Other => "other" });

text_enum!(VerificationStatus, "status" {
    Pending => "pending",
    Verified => "verified",
    Rejected => "rejected",
});

impl VerificationStatus {
    /// The statuses a verifier may move an entry to from this one.
    pub fn allowed_next(self) -> &'static [VerificationStatus] {
        match self {
            VerificationStatus::Pending => {
                &[VerificationStatus::Verified, VerificationStatus::Rejected]
            }
            VerificationStatus::Rejected => &[VerificationStatus::Pending],
            VerificationStatus::Verified => &[],
        }
    }

    /// Check a verifier's transition. Editing an entry is not a transition: any edit
    /// sends it back to `pending`.
    pub fn transition(self, to: VerificationStatus) -> DomainResult<VerificationStatus> {
        if self.allowed_next().contains(&to) {
            return Ok(to);
        }
        let allowed: Vec<&str> = self.allowed_next().iter().map(|s| s.as_str()).collect();
        Err(DomainError::validation(
            "status",
            format!(
                "a {} entry cannot become {}; allowed: {}",
                self.as_str(),
                to.as_str(),
                if allowed.is_empty() {
                    "none (edit it to send it back for verification)".into()
                } else {
                    allowed.join(", ")
                }
            ),
        ))
    }
}

/// Only verified professionals may author clinical records.
pub fn ensure_can_author(status: VerificationStatus) -> DomainResult<()> {
    if status == VerificationStatus::Verified {
        Ok(())
    } else {
        Err(DomainError::validation(
            "professional",
            format!(
                "only verified professionals can author records (this one is {})",
                status.as_str()
            ),
        ))
    }
}

/// Today's date in India (UTC+05:30), the calendar the registries keep.
pub fn today_in_india(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (now + chrono::Duration::minutes(330)).date_naive()
}

/// Why an entry was rejected: 5 to 500 characters.
pub fn rejection_reason(raw: &str) -> DomainResult<String> {
    let r = raw.trim();
    if !(5..=500).contains(&r.chars().count()) {
        return Err(DomainError::validation(
            "reason",
            "say why in 5 to 500 characters",
        ));
    }
    Ok(r.to_owned())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRegistration {
    pub council: String,
    pub number: String,
    pub registered_on: NaiveDate,
    /// None: permanent.
    pub valid_until: Option<NaiveDate>,
}

impl CouncilRegistration {
    /// The council and number as compared for uniqueness: case and spacing ignored.
    pub fn keys(&self) -> (String, String) {
        let key = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        (key(&self.council), key(&self.number).replace(' ', ""))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualification {
    pub degree: String,
    pub institution: String,
    pub year: i32,
}

/// A professional's details, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfessionalDetails {
    pub name: String,
    pub kind: ProfessionalKind,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<PhoneNumber>,
    pub email: Option<Email>,
    pub registrations: Vec<CouncilRegistration>,
    pub qualifications: Vec<Qualification>,
    pub languages: Vec<String>,
}

/// The raw values of a form or spreadsheet row.
#[derive(Debug, Clone, Default)]
pub struct ProfessionalForm {
    pub name: String,
    pub kind: String,
    pub sex: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub registrations: Vec<CouncilRegistration>,
    pub qualifications: Vec<Qualification>,
    pub languages: Vec<String>,
}

fn text(raw: &str, field: &str, min: usize, max: usize) -> DomainResult<String> {
    let t = raw.trim();
    if !(min..=max).contains(&t.chars().count()) || t.chars().any(char::is_control) {
        return Err(DomainError::validation(
            field,
            format!("must be {min} to {max} characters"),
        ));
    }
    Ok(t.to_owned())
}

impl ProfessionalForm {
    /// Validate against `today` (dates of birth and registrations are not in the future).
    pub fn validate(&self, today: NaiveDate) -> DomainResult<ProfessionalDetails> {
        let some = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        if let Some(dob) = self.date_of_birth {
            let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(dob);
            if dob > today || dob < earliest {
                return Err(DomainError::validation(
                    "dateOfBirth",
                    "must be between 1900 and today",
                ));
            }
        }
        let mut registrations = Vec::new();
        for (i, r) in self.registrations.iter().enumerate() {
            let reg = CouncilRegistration {
                council: text(&r.council, &format!("registrations.{i}.council"), 2, 120)?,
                number: text(&r.number, &format!("registrations.{i}.number"), 1, 40)?,
                registered_on: r.registered_on,
                valid_until: r.valid_until,
            };
            if reg.registered_on > today {
                return Err(DomainError::validation(
                    format!("registrations.{i}.registeredOn"),
                    "must not be in the future",
                ));
            }
            if reg.valid_until.is_some_and(|u| u < reg.registered_on) {
                return Err(DomainError::validation(
                    format!("registrations.{i}.validUntil"),
                    "must not be before the registration date",
                ));
            }
            if registrations
                .iter()
                .any(|x: &CouncilRegistration| x.keys() == reg.keys())
            {
                return Err(DomainError::validation(
                    format!("registrations.{i}.number"),
                    "is listed twice",
                ));
            }
            registrations.push(reg);
        }
        let mut qualifications = Vec::new();
        for (i, q) in self.qualifications.iter().enumerate() {
            if !(1950..=today.format("%Y").to_string().parse().unwrap_or(2100)).contains(&q.year) {
                return Err(DomainError::validation(
                    format!("qualifications.{i}.year"),
                    "must be a past year from 1950",
                ));
            }
            qualifications.push(Qualification {
                degree: text(&q.degree, &format!("qualifications.{i}.degree"), 2, 120)?,
                institution: text(
                    &q.institution,
                    &format!("qualifications.{i}.institution"),
                    2,
                    200,
                )?,
                year: q.year,
            });
        }
        let mut languages: Vec<String> = Vec::new();
        for l in &self.languages {
            let l = text(l, "languages", 2, 40)?;
            if !languages.iter().any(|x| x.eq_ignore_ascii_case(&l)) {
                languages.push(l);
            }
        }
        Ok(ProfessionalDetails {
            name: text(&self.name, "name", 2, 120)?,
            kind: ProfessionalKind::parse(&self.kind)?,
            sex: some(&self.sex).map(|s| Sex::parse(&s)).transpose()?,
            date_of_birth: self.date_of_birth,
            phone: some(&self.phone)
                .map(|p| PhoneNumber::parse(&p, "phone"))
                .transpose()?,
            email: some(&self.email).map(|e| Email::parse(&e)).transpose()?,
            registrations,
            qualifications,
            languages,
        })
    }
}

/// A designation or department at a facility: 2 to 80 characters.
pub fn attachment_text(raw: &str, field: &str) -> DomainResult<String> {
    text(raw, field, 2, 80)
}

/// The dates of working at a facility: `to` (if any) not before `from`.
pub fn attachment_period(from: NaiveDate, to: Option<NaiveDate>) -> DomainResult<()> {
    if to.is_some_and(|t| t < from) {
        return Err(DomainError::validation("to", "must not be before from"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn today() -> NaiveDate {
        d(2026, 11, 22)
    }
    fn form() -> ProfessionalForm {
        ProfessionalForm {
            name: "Dr. Ananya Sen".into(),
            kind: "doctor".into(),
            ..Default::default()
        }
    }
    fn reg(council: &str, number: &str) -> CouncilRegistration {
        CouncilRegistration {
            council: council.into(),
            number: number.into(),
            registered_on: d(2015, 6, 1),
            valid_until: None,
        }
    }
    fn field(e: DomainError) -> String {
        match e {
            DomainError::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn verification_transitions() {
        use VerificationStatus::*;
        assert_eq!(Pending.transition(Verified).unwrap(), Verified);
        assert_eq!(Pending.transition(Rejected).unwrap(), Rejected);
        assert_eq!(Rejected.transition(Pending).unwrap(), Pending);
        let e = Rejected.transition(Verified).unwrap_err();
        assert!(e.to_string().contains("allowed: pending"), "{e}");
        assert!(Verified.transition(Rejected).is_err());
        assert!(rejection_reason("bad").is_err());
    }

    #[test]
    fn forms_check_each_field() {
        assert!(form().validate(today()).is_ok());
        let cases: Vec<(ProfessionalForm, &str)> = vec![
            (
                ProfessionalForm {
                    name: "X".into(),
                    ..form()
                },
                "name",
            ),
            (
                ProfessionalForm {
                    kind: "wizard".into(),
                    ..form()
                },
                "kind",
            ),
            (
                ProfessionalForm {
                    sex: Some("x".into()),
                    ..form()
                },
                "sex",
            ),
            (
                ProfessionalForm {
                    date_of_birth: Some(d(2030, 1, 1)),
                    ..form()
                },
                "dateOfBirth",
            ),
            (
                ProfessionalForm {
                    phone: Some("123".into()),
                    ..form()
                },
                "phone",
            ),
            (
                ProfessionalForm {
                    email: Some("x@".into()),
                    ..form()
                },
                "email",
            ),
            (
                ProfessionalForm {
                    registrations: vec![reg("WBMC", "123"), reg("wbmc", " 1 23")],
                    ..form()
                },
                "registrations.1.number",
            ),
            (
                ProfessionalForm {
                    registrations: vec![CouncilRegistration {
                        valid_until: Some(d(2010, 1, 1)),
                        ..reg("WBMC", "1")
                    }],
                    ..form()
                },
                "registrations.0.validUntil",
            ),
            (
                ProfessionalForm {
                    qualifications: vec![Qualification {
                        degree: "MBBS".into(),
                        institution: "CMC".into(),
                        year: 1800,
                    }],
                    ..form()
                },
                "qualifications.0.year",
            ),
        ];
        for (f, expected) in cases {
            assert_eq!(field(f.validate(today()).unwrap_err()), expected);
        }
    }
}
