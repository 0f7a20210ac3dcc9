//! Administrative units: state → district → sub-division → block.

use crate::error::{DomainError, DomainResult};
use crate::ids::UnitId;
use crate::tenant::TenantKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    State,
    District,
    SubDivision,
    Block,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::State,
        UnitKind::District,
        UnitKind::SubDivision,
        UnitKind::Block,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::State => "state",
            UnitKind::District => "district",
            UnitKind::SubDivision => "sub_division",
            UnitKind::Block => "block",
        }
    }

    pub fn parse(s: &str) -> DomainResult<Self> {
        UnitKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::validation("kind", format!("unknown unit kind {s}")))
    }

    /// The kind a child of this unit must have.
    pub fn child(self) -> Option<UnitKind> {
        match self {
            UnitKind::State => Some(UnitKind::District),
            UnitKind::District => Some(UnitKind::SubDivision),
            UnitKind::SubDivision => Some(UnitKind::Block),
            UnitKind::Block => None,
        }
    }

    /// The kind of a tenant's top unit: a state tenant starts at its state, a district
    /// tenant at its district.
    pub fn root_for(tenant: TenantKind) -> UnitKind {
        match tenant {
            TenantKind::State => UnitKind::State,
            TenantKind::District => UnitKind::District,
        }
    }

    /// Check that a unit of this kind may sit under `parent` (or at the top when
    /// `parent` is None) in a tenant of `tenant` kind.
    pub fn check_placement(self, parent: Option<UnitKind>, tenant: TenantKind) -> DomainResult<()> {
        let expected = match parent {
            None => Some(UnitKind::root_for(tenant)),
            Some(p) => p.child(),
        };
        match expected {
            Some(k) if k == self => Ok(()),
            Some(k) => Err(DomainError::validation(
                "kind",
                match parent {
                    None => format!("the top unit of this tenant must be a {}", k.as_str()),
                    Some(p) => format!("a unit under a {} must be a {}", p.as_str(), k.as_str()),
                },
            )),
            None => Err(DomainError::validation(
                "parentId",
                "a block cannot have units under it",
            )),
        }
    }
}

/// A unit's name, 2 to 120 characters in any script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName(String);

impl UnitName {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let name = raw.trim();
        if !(2..=120).contains(&name.chars().count()) || name.chars().any(char::is_control) {
            return Err(DomainError::validation(
                "name",
                "must be 2 to 120 characters, without control characters",
            ));
        }
        Ok(Self(name.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Local Government Directory code: 1 to 10 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LgdCode(String);

impl LgdCode {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let code = raw.trim();
        if code.is_empty() || code.len() > 10 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DomainError::validation("lgdCode", "must be 1 to 10 digits"));
        }
        Ok(Self(code.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A materialised path: the ids from the top unit down to this one, as
/// `/<id>/<id>/…/`. Descendants of a unit are the rows whose path starts with its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPath(String);

impl UnitPath {
    pub fn root(id: UnitId) -> Self {
        Self(format!("/{id}/"))
    }
    pub fn child(&self, id: UnitId) -> Self {
        Self(format!("{}{id}/", self.0))
    }
    pub fn from_stored(s: String) -> Self {
        Self(s)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The ids from the top down to this unit.
    pub fn ids(&self) -> Vec<UnitId> {
        self.0
            .split('/')
            .filter_map(|s| uuid::Uuid::try_parse(s).ok())
            .map(UnitId)
            .collect()
    }
    /// The district this path runs through, if it reaches that deep: the second unit
    /// in a state tenant, the first in a district tenant.
    pub fn district(&self, tenant: TenantKind) -> Option<UnitId> {
        let depth = match tenant {
            TenantKind::State => 1,
            TenantKind::District => 0,
        };
        self.ids().get(depth).copied()
    }

    pub fn contains(&self, id: UnitId) -> bool {
        self.0.contains(&format!("/{id}/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_follows_the_hierarchy() {
        use UnitKind::*;
        assert!(State.check_placement(None, TenantKind::State).is_ok());
        assert!(District.check_placement(None, TenantKind::District).is_ok());
        assert!(District.check_placement(None, TenantKind::State).is_err());
        assert!(District
            .check_placement(Some(State), TenantKind::State)
            .is_ok());
        assert!(Block
            .check_placement(Some(SubDivision), TenantKind::State)
            .is_ok());
        assert!(Block
            .check_placement(Some(District), TenantKind::State)
            .is_err());
        let err = Block
            .check_placement(Some(Block), TenantKind::State)
            .unwrap_err();
        assert!(matches!(err, DomainError::Validation { ref field, .. } if field == "parentId"));
    }

    #[test]
    fn lgd_codes_and_names() {
        assert!(LgdCode::parse("327").is_ok());
        assert!(LgdCode::parse("12a").is_err());
        assert!(LgdCode::parse("12345678901").is_err());
        assert!(UnitName::parse("মুর্শিদাবাদ").is_ok());
        assert!(UnitName::parse("x").is_err());
    }

    #[test]
    fn paths_know_their_ancestors() {
        let (a, b, c) = (UnitId::new(), UnitId::new(), UnitId::new());
        let p = UnitPath::root(a).child(b).child(c);
        assert_eq!(p.ids(), vec![a, b, c]);
        assert!(p.contains(b));
        assert!(!UnitPath::root(a).contains(b));
        assert!(p.as_str().starts_with(UnitPath::root(a).child(b).as_str()));
        assert_eq!(p.district(TenantKind::State), Some(b));
        assert_eq!(p.district(TenantKind::District), Some(a));
        assert_eq!(UnitPath::root(a).district(TenantKind::State), None);
    }
}
