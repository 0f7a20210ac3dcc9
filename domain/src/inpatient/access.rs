//! Who sees and does what in inpatient care.
//!
//! - Bed managers set up wards and beds and admit: a facility's administrator, and
//!   state or district administrators whose reach includes the facility.
//! - Ward staff (doctors and nurses posted at the facility today) admit, transfer,
//!   discharge and record the condition.
//! - Officials read: state administrators everything, district administrators their
//!   districts; staff see the facilities they manage or are posted at.

use crate::access::Principal;
use crate::ids::{FacilityId, UnitId};
use crate::role::{Role, RoleScope};
use crate::unit::UnitPath;

/// Which facilities' inpatients a caller may see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sight {
    pub whole: bool,
    pub units: Vec<UnitId>,
    pub facilities: Vec<FacilityId>,
}

/// Roles that work on the wards.
pub const WARD_ROLES: [Role; 2] = [Role::Doctor, Role::Nurse];

impl Sight {
    /// `postings`: the facilities the caller is posted at today (for ward staff).
    pub fn of(principal: &Principal, postings: &[FacilityId]) -> Self {
        let Principal::Staff { grants, .. } = principal else {
            return Self::default();
        };
        let mut s = Self::default();
        for g in grants {
            match (g.role, g.scope) {
                (
                    Role::StateAdmin | Role::DistrictAdmin | Role::FacilityAdmin,
                    RoleScope::Tenant,
                ) => s.whole = true,
                (Role::StateAdmin | Role::DistrictAdmin, RoleScope::Unit(u)) => s.units.push(u),
                (Role::FacilityAdmin, RoleScope::Facility(f)) => s.facilities.push(f),
                (Role::Doctor | Role::Nurse, _) => s.facilities.extend_from_slice(postings),
                _ => {}
            }
        }
        s.facilities.sort_by_key(|f| f.0);
        s.facilities.dedup();
        s
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

/// Does the caller manage this facility's beds?
pub fn manages(principal: &Principal, facility: FacilityId, path: &UnitPath) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| match (g.role, g.scope) {
        (Role::StateAdmin | Role::DistrictAdmin | Role::FacilityAdmin, RoleScope::Tenant) => true,
        (Role::StateAdmin | Role::DistrictAdmin, RoleScope::Unit(u)) => path.contains(u),
        (Role::FacilityAdmin, RoleScope::Facility(f)) => f == facility,
        _ => false,
    })
}

/// Is the caller ward staff at this facility (a doctor or nurse posted there)?
pub fn works_at(principal: &Principal, facility: FacilityId, postings: &[FacilityId]) -> bool {
    WARD_ROLES.iter().any(|r| principal.has_role(*r)) && postings.contains(&facility)
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
    fn districts_see_their_facilities_and_nurses_only_where_posted() {
        let district = UnitId(Uuid::now_v7());
        let other = UnitId(Uuid::now_v7());
        let state = UnitId(Uuid::now_v7());
        let inside = UnitPath::root(state).child(district);
        let outside = UnitPath::root(state).child(other);
        let here = FacilityId(Uuid::now_v7());
        let da = staff(vec![RoleGrant::new(
            Role::DistrictAdmin,
            Some(district),
            None,
        )
        .unwrap()]);
        let s = Sight::of(&da, &[]);
        assert!(s.sees(here, &inside) && !s.sees(here, &outside));
        assert!(manages(&da, here, &inside) && !manages(&da, here, &outside));

        let nurse = staff(vec![RoleGrant::new(Role::Nurse, None, None).unwrap()]);
        assert!(Sight::of(&nurse, &[here]).sees(here, &outside));
        assert!(Sight::of(&nurse, &[]).is_empty());
        assert!(works_at(&nurse, here, &[here]) && !works_at(&nurse, here, &[]));
        assert!(!manages(&nurse, here, &inside));

        let surveyor = staff(vec![RoleGrant::new(Role::Surveyor, None, None).unwrap()]);
        assert!(Sight::of(&surveyor, &[here]).is_empty());
        assert!(!works_at(&surveyor, here, &[here]));

        let fa = staff(vec![
            RoleGrant::new(Role::FacilityAdmin, None, Some(here)).unwrap()
        ]);
        assert!(manages(&fa, here, &outside) && Sight::of(&fa, &[]).sees(here, &outside));
        assert!(!manages(&fa, FacilityId(Uuid::now_v7()), &outside));
    }
}
