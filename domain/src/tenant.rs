//! Tenants: a state health department or a single district.

use crate::error::{DomainError, DomainResult};
use std::fmt;

/// A tenant's short code: a state's two letters (`WB`, `BR`) or a district's
/// state code, a hyphen and 2 to 5 letters or digits (`BR-MZP`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TenantCode(String);

impl TenantCode {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let code = raw.trim().to_ascii_uppercase();
        let (state, district) = match code.split_once('-') {
            Some((s, d)) => (s, Some(d)),
            None => (code.as_str(), None),
        };
        let state_ok = state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase());
        let district_ok = district.is_none_or(|d| {
            (2..=5).contains(&d.len())
                && d.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        });
        if !state_ok || !district_ok {
            return Err(DomainError::validation(
                "code",
                "must be a two-letter state code (WB) or a district code like BR-MZP",
            ));
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The state part of the code (`BR` for `BR-MZP`).
    pub fn state_part(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    pub fn is_district_code(&self) -> bool {
        self.0.contains('-')
    }
}

impl fmt::Display for TenantCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TenantKind {
    State,
    District,
}

impl TenantKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantKind::State => "state",
            TenantKind::District => "district",
        }
    }
    pub fn parse(s: &str) -> DomainResult<Self> {
        match s {
            "state" => Ok(TenantKind::State),
            "district" => Ok(TenantKind::District),
            _ => Err(DomainError::validation("kind", "must be state or district")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TenantStatus {
    Active,
    Suspended,
}

impl TenantStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "active",
            TenantStatus::Suspended => "suspended",
        }
    }
    pub fn parse(s: &str) -> DomainResult<Self> {
        match s {
            "active" => Ok(TenantStatus::Active),
            "suspended" => Ok(TenantStatus::Suspended),
            _ => Err(DomainError::validation(
                "status",
                "must be active or suspended",
            )),
        }
    }
}

/// A display name for a tenant, 2 to 120 characters, in any script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantName(String);

impl TenantName {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let name = raw.trim();
        let len = name.chars().count();
        if !(2..=120).contains(&len) {
            return Err(DomainError::validation(
                "name",
                "must be 2 to 120 characters",
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(DomainError::validation(
                "name",
                "must not contain control characters",
            ));
        }
        Ok(Self(name.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The parent state of a district tenant, as far as the rules need to know it.
#[derive(Debug, Clone)]
pub struct ParentState {
    pub code: TenantCode,
    pub kind: TenantKind,
}

/// A tenant about to be created, checked against the rules for its kind.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub kind: TenantKind,
    pub code: TenantCode,
    pub name: TenantName,
}

impl NewTenant {
    /// A state has a two-letter code and no parent. A district has a district code;
    /// its parent, when given, must be a state whose code starts the district's code.
    pub fn new(
        kind: TenantKind,
        code: TenantCode,
        name: TenantName,
        parent: Option<&ParentState>,
    ) -> DomainResult<Self> {
        match kind {
            TenantKind::State => {
                if code.is_district_code() {
                    return Err(DomainError::validation(
                        "code",
                        "a state's code has two letters, like WB",
                    ));
                }
                if parent.is_some() {
                    return Err(DomainError::validation(
                        "parentCode",
                        "a state has no parent",
                    ));
                }
            }
            TenantKind::District => {
                if !code.is_district_code() {
                    return Err(DomainError::validation(
                        "code",
                        "a district's code looks like BR-MZP",
                    ));
                }
                if let Some(p) = parent {
                    if p.kind != TenantKind::State {
                        return Err(DomainError::validation(
                            "parentCode",
                            "the parent must be a state",
                        ));
                    }
                    if p.code.as_str() != code.state_part() {
                        return Err(DomainError::validation(
                            "code",
                            format!(
                                "a district of {} must have a code starting with {}-",
                                p.code, p.code
                            ),
                        ));
                    }
                }
            }
        }
        Ok(Self { kind, code, name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(code: &str) -> ParentState {
        ParentState {
            code: TenantCode::parse(code).unwrap(),
            kind: TenantKind::State,
        }
    }

    #[test]
    fn codes_are_normalised_and_checked() {
        assert_eq!(TenantCode::parse(" wb ").unwrap().as_str(), "WB");
        assert_eq!(TenantCode::parse("br-mzp").unwrap().as_str(), "BR-MZP");
        for bad in [
            "",
            "W",
            "WBX",
            "W1",
            "BR-",
            "BR-M",
            "BR-TOOLONG",
            "BR-M_P",
            "BR-MZP-X",
            "बि",
        ] {
            assert!(TenantCode::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn names_accept_indic_scripts_and_reject_junk() {
        assert!(TenantName::parse("पश्चिम बंगाल").is_ok());
        assert!(TenantName::parse("পশ্চিমবঙ্গ").is_ok());
        assert!(TenantName::parse(" ").is_err());
        assert!(TenantName::parse("a\u{0007}b").is_err());
        assert!(TenantName::parse(&"x".repeat(121)).is_err());
    }

    #[test]
    fn district_must_match_its_parent_state() {
        let name = TenantName::parse("Muzaffarpur").unwrap();
        let code = TenantCode::parse("BR-MZP").unwrap();
        assert!(NewTenant::new(
            TenantKind::District,
            code.clone(),
            name.clone(),
            Some(&state("BR"))
        )
        .is_ok());
        assert!(NewTenant::new(TenantKind::District, code.clone(), name.clone(), None).is_ok());
        let err = NewTenant::new(TenantKind::District, code, name.clone(), Some(&state("WB")))
            .unwrap_err();
        assert!(matches!(err, DomainError::Validation { ref field, .. } if field == "code"));
        assert!(NewTenant::new(
            TenantKind::State,
            TenantCode::parse("BR-MZP").unwrap(),
            name.clone(),
            None
        )
        .is_err());
        assert!(NewTenant::new(
            TenantKind::State,
            TenantCode::parse("WB").unwrap(),
            name,
            Some(&state("BR"))
        )
        .is_err());
    }
}
