//! Who sees and reports notifiable diseases.
//!
//! - **Surveillance officers** (the role scoped to a district, or the state cell for the
//!   whole tenant) see cases in their reach with names, and exact counts there.
//! - State and district **administrators** see the counts in their reach, counts under
//!   five shown as "<5"; they see no names.
//! - Health workers (surveyors), nurses and doctors **report** cases from the field.

use crate::access::Principal;
use crate::ids::UnitId;
use crate::role::{Role, RoleScope};
use crate::unit::UnitPath;

/// The places a caller sees surveillance data for, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub whole: bool,
    pub units: Vec<UnitId>,
    /// Where the caller sees names and exact small counts (a surveillance officer's scope).
    pub officer_whole: bool,
    pub officer_units: Vec<UnitId>,
}

impl Reach {
    pub fn of(principal: &Principal) -> Self {
        let Principal::Staff { grants, .. } = principal else {
            return Self::default();
        };
        let mut r = Self::default();
        for g in grants {
            let officer = g.role == Role::SurveillanceOfficer;
            if !officer && !matches!(g.role, Role::StateAdmin | Role::DistrictAdmin) {
                continue;
            }
            match g.scope {
                RoleScope::Tenant => {
                    r.whole = true;
                    r.officer_whole |= officer;
                }
                RoleScope::Unit(u) => {
                    r.units.push(u);
                    if officer {
                        r.officer_units.push(u);
                    }
                }
                RoleScope::Facility(_) => {}
            }
        }
        r
    }

    pub fn is_empty(&self) -> bool {
        !self.whole && self.units.is_empty()
    }

    pub fn sees(&self, path: &UnitPath) -> bool {
        self.whole || self.units.iter().any(|u| path.contains(*u))
    }

    /// Names, and counts under five exactly, in this place?
    pub fn sees_names(&self, path: &UnitPath) -> bool {
        self.officer_whole || self.officer_units.iter().any(|u| path.contains(*u))
    }
}

/// May the caller report a case from the field?
pub fn reports(principal: &Principal) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        matches!(
            g.role,
            Role::Surveyor | Role::Nurse | Role::Doctor | Role::SurveillanceOfficer
        )
    })
}

/// May the caller change the tenant's notifiable conditions?
pub fn configures(principal: &Principal) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        matches!(g.role, Role::StateAdmin | Role::SurveillanceOfficer)
            && g.scope == RoleScope::Tenant
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{TenantId, UserId};
    use crate::role::RoleGrant;
    use uuid::Uuid;

    fn staff(grants: Vec<RoleGrant>) -> Principal {
        Principal::Staff {
            id: UserId(Uuid::nil()),
            tenant: TenantId(Uuid::nil()),
            grants,
        }
    }

    #[test]
    fn a_district_officer_sees_names_in_the_district_only() {
        let state = UnitId::new();
        let nadia = UnitId::new();
        let other = UnitId::new();
        let in_nadia = UnitPath::root(state).child(nadia);
        let elsewhere = UnitPath::root(state).child(other);
        let officer = Reach::of(&staff(vec![RoleGrant::new(
            Role::SurveillanceOfficer,
            Some(nadia),
            None,
        )
        .unwrap()]));
        assert!(officer.sees(&in_nadia) && officer.sees_names(&in_nadia));
        assert!(!officer.sees(&elsewhere) && !officer.sees_names(&elsewhere));
        let admin = Reach::of(&staff(vec![
            RoleGrant::new(Role::StateAdmin, None, None).unwrap()
        ]));
        assert!(admin.sees(&elsewhere) && !admin.sees_names(&elsewhere));
        let nurse = staff(vec![RoleGrant::new(Role::Nurse, None, None).unwrap()]);
        assert!(Reach::of(&nurse).is_empty() && reports(&nurse) && !configures(&nurse));
    }
}
