//! Who runs trainings. State administrators everywhere, district administrators in
//! their district, facility administrators at their facility: they schedule sessions,
//! nominate trainees and keep the register. The session's trainer, when the trainer is
//! a professional with an account, keeps the register of their own sessions too.

use crate::access::Principal;
use crate::ids::{FacilityId, UnitId};
use crate::role::{Role, RoleScope};
use crate::unit::UnitPath;

/// Where a caller runs trainings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingReach {
    pub whole: bool,
    pub units: Vec<UnitId>,
    pub facilities: Vec<FacilityId>,
}

impl TrainingReach {
    pub fn of(principal: &Principal) -> Self {
        let Principal::Staff { grants, .. } = principal else {
            return Self::default();
        };
        let mut r = Self::default();
        for g in grants {
            if !matches!(
                g.role,
                Role::StateAdmin | Role::DistrictAdmin | Role::FacilityAdmin
            ) {
                continue;
            }
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

    /// Does the caller run trainings held at this facility?
    pub fn runs(&self, facility: FacilityId, path: &UnitPath) -> bool {
        self.whole
            || self.facilities.contains(&facility)
            || self.units.iter().any(|u| path.contains(*u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{TenantId, UserId};
    use crate::role::RoleGrant;

    #[test]
    fn administrators_run_trainings_in_their_scope() {
        let (district, other) = (UnitId::new(), UnitId::new());
        let path = UnitPath::root(district).child(UnitId::new());
        let f = FacilityId(uuid::Uuid::now_v7());
        let staff = |role, unit: Option<UnitId>, facility: Option<FacilityId>| Principal::Staff {
            id: UserId(uuid::Uuid::nil()),
            tenant: TenantId(uuid::Uuid::nil()),
            grants: vec![RoleGrant::new(role, unit, facility).unwrap()],
        };
        assert!(TrainingReach::of(&staff(Role::StateAdmin, None, None)).runs(f, &path));
        assert!(
            TrainingReach::of(&staff(Role::DistrictAdmin, Some(district), None)).runs(f, &path)
        );
        assert!(!TrainingReach::of(&staff(Role::DistrictAdmin, Some(other), None)).runs(f, &path));
        assert!(TrainingReach::of(&staff(Role::FacilityAdmin, None, Some(f))).runs(f, &path));
        let nurse = TrainingReach::of(&staff(Role::Nurse, None, Some(f)));
        assert!(nurse.is_empty() && !nurse.runs(f, &path));
    }
}
