//! The tenant health ID printed on e-health cards: the tenant code, then twelve digits in
//! groups of four, the last a Verhoeff check digit — `WB-4821-0937-5516`. The prefix
//! tells a West Bengal card from a Bihar one at a glance; the check digit catches a
//! mistyped digit or two swapped neighbours before any lookup is made.
//!
//! The eleven digits before the check digit are random (drawn by the caller), so IDs
//! reveal neither how many patients a tenant has nor who registered after whom.

use super::check_digit::{verhoeff_digit, verhoeff_valid};
use crate::error::{DomainError, DomainResult};
use crate::tenant::TenantCode;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HealthId {
    code: String,
    digits: String,
}

const FIELD: &str = "healthId";
/// Serial numbers are 11 digits.
pub const SERIAL_SPACE: u64 = 100_000_000_000;

impl HealthId {
    /// A new ID from a random number (taken modulo 10¹¹).
    pub fn from_serial(code: &TenantCode, serial: u64) -> Self {
        let payload = format!("{:011}", serial % SERIAL_SPACE);
        let check = verhoeff_digit(&payload).unwrap_or(0);
        Self {
            code: code.as_str().to_owned(),
            digits: format!("{payload}{check}"),
        }
    }

    /// Parse what someone typed or scanned: any case, with or without spaces and
    /// hyphens between the digit groups.
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let compact: String = raw
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let tail_start = compact
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '-')
            .last()
            .map(|(i, _)| i)
            .unwrap_or(compact.len());
        let (prefix, tail) = compact.split_at(tail_start);
        let digits: String = tail.chars().filter(char::is_ascii_digit).collect();
        let format_error = || {
            DomainError::validation(
                FIELD,
                "a health ID is the tenant code and 12 digits, like WB-4821-0937-5516",
            )
        };
        if digits.len() != 12 || prefix.is_empty() {
            return Err(format_error());
        }
        let code = TenantCode::parse(prefix.trim_end_matches('-')).map_err(|_| format_error())?;
        if !verhoeff_valid(&digits) {
            return Err(DomainError::validation(
                FIELD,
                "this health ID has a typing mistake: its check digit does not match",
            ));
        }
        Ok(Self {
            code: code.as_str().to_owned(),
            digits,
        })
    }

    /// The issuing tenant's code.
    pub fn tenant_code(&self) -> &str {
        &self.code
    }

    /// Was this ID issued by the tenant with `code`?
    pub fn issued_by(&self, code: &TenantCode) -> bool {
        self.code == code.as_str()
    }
}

impl fmt::Display for HealthId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.digits;
        write!(f, "{}-{}-{}-{}", self.code, &d[..4], &d[4..8], &d[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wb() -> TenantCode {
        TenantCode::parse("WB").unwrap()
    }

    #[test]
    fn formats_and_parses_back() {
        let id = HealthId::from_serial(&wb(), 48_210_937_551);
        let text = id.to_string();
        assert_eq!(&text[..16], "WB-4821-0937-551");
        assert_eq!(HealthId::parse(&text).unwrap(), id);
        let loose = text.to_lowercase().replace('-', " ");
        assert_eq!(HealthId::parse(&loose).unwrap(), id);
        let mzp = TenantCode::parse("BR-MZP").unwrap();
        let id = HealthId::from_serial(&mzp, 7);
        assert!(id.to_string().starts_with("BR-MZP-0000-0000-007"));
        assert_eq!(
            HealthId::parse(&id.to_string()).unwrap().tenant_code(),
            "BR-MZP"
        );
        assert!(id.issued_by(&mzp) && !id.issued_by(&wb()));
    }

    #[test]
    fn rejects_typing_mistakes_and_bad_shapes() {
        let id = HealthId::from_serial(&wb(), 12_345_678_901).to_string();
        let mut typo = id.clone().into_bytes();
        typo[3] = if typo[3] == b'9' { b'0' } else { typo[3] + 1 };
        let err = HealthId::parse(std::str::from_utf8(&typo).unwrap()).unwrap_err();
        assert!(err.to_string().contains("check digit"));
        for bad in [
            "",
            "WB",
            "WB-1234",
            "1234-5678-9012",
            "W1-1234-5678-9012",
            "WB-1234-5678-90123",
        ] {
            assert!(HealthId::parse(bad).is_err(), "{bad}");
        }
    }
}
