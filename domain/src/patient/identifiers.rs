//! Numbers a patient brings: a mobile number, an ABHA number (Ayushman Bharat Health
//! Account) and an Aadhaar number.

use super::check_digit::verhoeff_valid;
use crate::error::{DomainError, DomainResult};

/// An Indian mobile number, stored as `+91` and ten digits starting 6–9.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MobileNumber(String);

impl MobileNumber {
    pub fn parse(raw: &str, field: &str) -> DomainResult<Self> {
        let rest = crate::phone::national_part(raw);
        let ok = rest.len() == 10
            && rest.bytes().all(|b| b.is_ascii_digit())
            && matches!(rest.as_bytes()[0], b'6'..=b'9');
        if !ok {
            return Err(DomainError::validation(
                field,
                "must be an Indian mobile number: 10 digits starting with 6, 7, 8 or 9",
            ));
        }
        Ok(Self(format!("+91{rest}")))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An ABHA number, `XX-XXXX-XXXX-XXXX` (14 digits). The format is checked strictly;
/// a failed check digit only warns, since numbers issued in the past do not all
/// carry one the way we compute it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbhaNumber(String);

impl AbhaNumber {
    /// The number and, when its check digit fails, a warning to show the clerk.
    pub fn parse(raw: &str) -> DomainResult<(Self, Option<String>)> {
        let raw = raw.trim();
        let groups: Vec<&str> = raw.split('-').collect();
        let shaped = groups.len() == 4
            && [2, 4, 4, 4]
                .iter()
                .zip(&groups)
                .all(|(n, g)| g.len() == *n && g.bytes().all(|b| b.is_ascii_digit()));
        if !shaped {
            return Err(DomainError::validation(
                "abhaNumber",
                "an ABHA number is 14 digits written XX-XXXX-XXXX-XXXX",
            ));
        }
        let digits = groups.concat();
        let warning = (!verhoeff_valid(&digits)).then(|| {
            "the ABHA number's check digit does not match: confirm it with the patient's ABHA card"
                .to_owned()
        });
        Ok((Self(raw.to_owned()), warning))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Aadhaar number: 12 digits, not starting with 0 or 1, Verhoeff check digit last.
/// It never leaves this type in clear except to be hashed: `Debug` shows only the
/// last four digits.
#[derive(Clone, PartialEq, Eq)]
pub struct AadhaarNumber(String);

impl std::fmt::Debug for AadhaarNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AadhaarNumber(XXXX-XXXX-{})", self.last_four())
    }
}

impl AadhaarNumber {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let shaped = digits.len() == 12
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !matches!(digits.as_bytes()[0], b'0' | b'1');
        if !shaped {
            return Err(DomainError::validation(
                "nationalId",
                "an Aadhaar number is 12 digits and does not start with 0 or 1",
            ));
        }
        if !verhoeff_valid(&digits) {
            return Err(DomainError::validation(
                "nationalId",
                "this Aadhaar number has a typing mistake: its check digit does not match",
            ));
        }
        Ok(Self(digits))
    }
    /// The digits, for the keyed hash only.
    pub fn digits(&self) -> &str {
        &self.0
    }
    pub fn last_four(&self) -> &str {
        &self.0[8..]
    }
}

/// Languages a patient may prefer (ISO 639-1 codes of the scheduled languages that
/// the helpline and the web app serve, plus English).
pub const LANGUAGES: &[&str] = &[
    "en", "hi", "bn", "as", "gu", "kn", "ml", "mr", "ne", "or", "pa", "sa", "ta", "te", "ur",
];

pub fn language(raw: &str) -> DomainResult<String> {
    let code = raw.trim().to_ascii_lowercase();
    if LANGUAGES.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(DomainError::validation(
            "preferredLanguage",
            format!(
                "unknown language code {raw}: use one of {}",
                LANGUAGES.join(", ")
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::check_digit::verhoeff_digit;

    #[test]
    fn mobile_numbers() {
        assert_eq!(
            MobileNumber::parse("98300 12345", "phone")
                .unwrap()
                .as_str(),
            "+919830012345"
        );
        assert_eq!(
            MobileNumber::parse("+91-6000012345", "p").unwrap().as_str(),
            "+916000012345"
        );
        assert_eq!(
            MobileNumber::parse("09830012345", "p").unwrap().as_str(),
            "+919830012345"
        );
        for bad in ["5830012345", "983001234", "033-22441234", "98300abcde"] {
            assert!(MobileNumber::parse(bad, "phone").is_err(), "{bad}");
        }
    }

    #[test]
    fn abha_format_is_strict_and_checksum_warns() {
        let payload = "9123456789012";
        let good = format!("{payload}{}", verhoeff_digit(payload).unwrap());
        let formatted = format!(
            "{}-{}-{}-{}",
            &good[..2],
            &good[2..6],
            &good[6..10],
            &good[10..]
        );
        let (n, warning) = AbhaNumber::parse(&formatted).unwrap();
        assert_eq!(n.as_str(), formatted);
        assert!(warning.is_none());
        let mut bad = formatted.clone().into_bytes();
        let last = bad.len() - 1;
        bad[last] = if bad[last] == b'9' {
            b'0'
        } else {
            bad[last] + 1
        };
        let (_, warning) = AbhaNumber::parse(std::str::from_utf8(&bad).unwrap()).unwrap();
        assert!(warning.is_some());
        for shape in ["91234567890123", "91-2345-6789-012", "9a-2345-6789-0123"] {
            assert!(AbhaNumber::parse(shape).is_err(), "{shape}");
        }
    }

    #[test]
    fn aadhaar_needs_its_check_digit() {
        let payload = "23456789012";
        let good = format!("{payload}{}", verhoeff_digit(payload).unwrap());
        let a = AadhaarNumber::parse(&good).unwrap();
        assert_eq!(a.last_four(), &good[8..]);
        assert!(!format!("{a:?}").contains(&good[..8]));
        let mut bad = good.into_bytes();
        bad[5] = if bad[5] == b'9' { b'0' } else { bad[5] + 1 };
        assert!(AadhaarNumber::parse(std::str::from_utf8(&bad).unwrap()).is_err());
        assert!(AadhaarNumber::parse("123456789012").is_err());
    }
}
