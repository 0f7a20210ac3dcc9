//! Wards of a facility: a name, the department it serves and its floor.

use super::{line, optional_line};
use crate::error::DomainResult;
use crate::facility::PhoneNumber;

text_enum!(
    /// The clinical department a ward serves.
    Department, "department" {
    Medicine => "medicine",
    Surgery => "surgery",
    Paediatrics => "paediatrics",
    Orthopaedics => "orthopaedics",
    Obstetrics => "obstetrics",
    Icu => "icu",
    Hdu => "hdu",
    Emergency => "emergency",
    Isolation => "isolation",
    Other => "other",
});

impl Department {
    /// Critical-care departments, whose patients are observed more often.
    pub fn is_critical_care(self) -> bool {
        matches!(self, Department::Icu | Department::Hdu)
    }
}

/// A ward as a form gives it.
pub struct WardForm<'a> {
    pub name: &'a str,
    pub department: Department,
    pub floor: Option<&'a str>,
    /// The nurses' station, given to families on the status page.
    pub phone: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ward {
    pub name: String,
    pub department: Department,
    pub floor: Option<String>,
    pub phone: Option<String>,
}

impl WardForm<'_> {
    pub fn validate(&self) -> DomainResult<Ward> {
        Ok(Ward {
            name: line(self.name, "name", 1, 80)?,
            department: self.department,
            floor: optional_line(self.floor, "floor", 20)?,
            phone: match self.phone.map(str::trim).filter(|p| !p.is_empty()) {
                None => None,
                Some(p) => Some(PhoneNumber::parse(p, "phone")?.as_str().to_owned()),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ward_needs_a_name_and_a_real_phone() {
        let form = |name, phone| WardForm {
            name,
            department: Department::Medicine,
            floor: Some(" 2 "),
            phone,
        };
        let w = form(" Female Medical ", Some("033 2223 4567"))
            .validate()
            .unwrap();
        assert_eq!(
            (w.name.as_str(), w.floor.as_deref()),
            ("Female Medical", Some("2"))
        );
        assert!(form("", None).validate().is_err());
        assert!(form("Ward\u{7}", None).validate().is_err());
        assert!(form("Ward A", Some("call us")).validate().is_err());
        assert!(Department::Icu.is_critical_care() && !Department::Surgery.is_critical_care());
    }
}
