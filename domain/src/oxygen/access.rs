//! Who enters oxygen readings and who watches them.
//!
//! - A facility's **oxygen officer** (the role scoped to the facility) and its
//!   administrator enter readings and declare the facility's sources; state and
//!   district administrators in reach may too.
//! - A **district oxygen committee** (the oxygen committee role scoped to a district)
//!   watches every facility in the district; the role for the whole tenant is the
//!   state's **oxygen cell**, which also sets the tenant's oxygen rules with the state
//!   administrators.

use crate::access::Principal;
use crate::ids::{FacilityId, UnitId};
use crate::role::{Role, RoleScope};
use crate::unit::UnitPath;

/// The facilities a caller sees oxygen for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub whole: bool,
    pub units: Vec<UnitId>,
    pub facilities: Vec<FacilityId>,
}

const WATCHERS: [Role; 5] = [
    Role::StateAdmin,
    Role::DistrictAdmin,
    Role::OxygenCommittee,
    Role::FacilityAdmin,
    Role::OxygenOfficer,
];

impl Reach {
    pub fn of(principal: &Principal) -> Self {
        let Principal::Staff { grants, .. } = principal else {
            return Self::default();
        };
        let mut r = Self::default();
        for g in grants.iter().filter(|g| WATCHERS.contains(&g.role)) {
            match g.scope {
                RoleScope::Tenant => r.whole = true,
                RoleScope::Unit(u) => r.units.push(u),
                RoleScope::Facility(f) => r.facilities.push(f),
            }
        }
        r
    }

    pub fn is_empty(&self) -> bool {
        !self.whole && self.units.is_empty() && self.facilities.is_empty()
    }

    pub fn sees(&self, facility: FacilityId, path: &UnitPath) -> bool {
        self.whole
            || self.facilities.contains(&facility)
            || self.units.iter().any(|u| path.contains(*u))
    }
}

/// May the caller enter this facility's readings and declare its sources?
pub fn enters(principal: &Principal, facility: FacilityId, path: &UnitPath) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        matches!(
            g.role,
            Role::OxygenOfficer | Role::FacilityAdmin | Role::StateAdmin | Role::DistrictAdmin
        ) && match g.scope {
            RoleScope::Tenant => true,
            RoleScope::Unit(u) => path.contains(u),
            RoleScope::Facility(f) => f == facility,
        }
    })
}

/// May the caller set the tenant's oxygen rules (factors, norms, thresholds, cylinder
/// types)? State administrators and the state's oxygen cell.
pub fn configures(principal: &Principal) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        matches!(g.role, Role::StateAdmin | Role::OxygenCommittee) && g.scope == RoleScope::Tenant
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{TenantId, UserId};
    use crate::role::RoleGrant;
    use uuid::Uuid;

    fn staff(role: Role, unit: Option<UnitId>, facility: Option<FacilityId>) -> Principal {
        Principal::Staff {
            id: UserId(Uuid::nil()),
            tenant: TenantId(Uuid::nil()),
            grants: vec![RoleGrant::new(role, unit, facility).unwrap()],
        }
    }

    #[test]
    fn a_district_committee_watches_its_district_and_enters_nothing() {
        let state = UnitId(Uuid::now_v7());
        let district = UnitId(Uuid::now_v7());
        let inside = UnitPath::root(state).child(district);
        let outside = UnitPath::root(state).child(UnitId(Uuid::now_v7()));
        let f = FacilityId(Uuid::now_v7());
        let committee = staff(Role::OxygenCommittee, Some(district), None);
        let reach = Reach::of(&committee);
        assert!(reach.sees(f, &inside) && !reach.sees(f, &outside));
        assert!(!enters(&committee, f, &inside));
        assert!(!configures(&committee));
        assert!(configures(&staff(Role::OxygenCommittee, None, None)));

        let officer = staff(Role::OxygenOfficer, None, Some(f));
        assert!(enters(&officer, f, &outside));
        assert!(!enters(&officer, FacilityId(Uuid::now_v7()), &outside));
        assert!(Reach::of(&officer).sees(f, &outside));
        assert!(Reach::of(&staff(Role::Nurse, None, None)).is_empty());
    }
}
