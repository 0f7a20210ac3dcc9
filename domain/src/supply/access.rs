//! Who works a store and who sees it.
//!
//! - A store is **worked** (stock received, issued, adjusted, dispensed; indents
//!   raised from it, and answered by it) by its own people: the state warehouse by
//!   store keepers and procurement officers of the whole tenant; a district drug
//!   store by the district's store keepers and drug officers; a facility's pharmacy
//!   and ward stores by the facility's store keepers and pharmacists. Nobody works a
//!   store above their own: a facility's pharmacist cannot issue from the district.
//! - A store is **seen** by those who work it, by administrators over it, and by the
//!   district drug officer (all the district's stores) and the state.
//! - The catalogue and the stores are **set up** by state administrators and the
//!   state procurement officer.

use crate::access::Principal;
use crate::ids::{FacilityId, UnitId};
use crate::role::{Role, RoleScope};
use crate::supply::store::StoreLevel;
use crate::unit::UnitPath;

/// What access to a store depends on.
#[derive(Debug, Clone)]
pub struct StoreRef {
    pub level: StoreLevel,
    pub unit: UnitId,
    pub unit_path: UnitPath,
    pub facility: Option<FacilityId>,
}

fn grants(p: &Principal) -> &[crate::role::RoleGrant] {
    match p {
        Principal::Staff { grants, .. } => grants,
        _ => &[],
    }
}

/// May the caller move this store's stock?
pub fn works(p: &Principal, s: &StoreRef) -> bool {
    grants(p).iter().any(|g| match (g.role, g.scope, s.level) {
        (
            Role::StoreKeeper | Role::StateProcurementOfficer,
            RoleScope::Tenant,
            StoreLevel::State,
        ) => true,
        (
            Role::StoreKeeper | Role::DistrictDrugOfficer,
            RoleScope::Unit(u),
            StoreLevel::District,
        ) => s.unit == u,
        (
            Role::StoreKeeper | Role::Pharmacist,
            RoleScope::Facility(f),
            StoreLevel::Facility | StoreLevel::Ward,
        ) => s.facility == Some(f),
        _ => false,
    })
}

/// May the caller see this store's stock?
pub fn sees(p: &Principal, s: &StoreRef) -> bool {
    works(p, s)
        || grants(p).iter().any(|g| match (g.role, g.scope) {
            (
                Role::StateAdmin | Role::StateProcurementOfficer | Role::StoreKeeper,
                RoleScope::Tenant,
            ) => true,
            (Role::DistrictAdmin | Role::DistrictDrugOfficer, RoleScope::Tenant) => true,
            (Role::DistrictAdmin | Role::DistrictDrugOfficer, RoleScope::Unit(u)) => {
                s.unit_path.contains(u)
            }
            (
                Role::FacilityAdmin | Role::Pharmacist | Role::StoreKeeper | Role::Doctor,
                RoleScope::Facility(f),
            ) => s.facility == Some(f),
            _ => false,
        })
}

/// May the caller approve this store's stock counts? A supervisor over the store:
/// the state for any store, the district for the district's stores, the facility's
/// administrator for its own.
pub fn supervises(p: &Principal, s: &StoreRef) -> bool {
    grants(p).iter().any(|g| match (g.role, g.scope) {
        (Role::StateAdmin | Role::StateProcurementOfficer, RoleScope::Tenant) => true,
        (Role::DistrictAdmin | Role::DistrictDrugOfficer, RoleScope::Unit(u)) => {
            s.unit_path.contains(u)
        }
        (Role::FacilityAdmin, RoleScope::Facility(f)) => s.facility == Some(f),
        _ => false,
    })
}

/// May the caller keep the catalogue and set up stores?
pub fn configures(p: &Principal) -> bool {
    grants(p).iter().any(|g| {
        matches!(g.role, Role::StateAdmin | Role::StateProcurementOfficer)
            && g.scope == RoleScope::Tenant
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
    fn nobody_works_a_store_above_their_own() {
        let state = UnitId(Uuid::now_v7());
        let district = UnitId(Uuid::now_v7());
        let path = UnitPath::root(state).child(district);
        let hospital = FacilityId(Uuid::now_v7());
        let warehouse = StoreRef {
            level: StoreLevel::State,
            unit: state,
            unit_path: UnitPath::root(state),
            facility: None,
        };
        let district_store = StoreRef {
            level: StoreLevel::District,
            unit: district,
            unit_path: path.clone(),
            facility: None,
        };
        let pharmacy = StoreRef {
            level: StoreLevel::Facility,
            unit: district,
            unit_path: path,
            facility: Some(hospital),
        };

        let pharmacist = staff(Role::Pharmacist, None, Some(hospital));
        assert!(works(&pharmacist, &pharmacy));
        assert!(!works(&pharmacist, &district_store) && !works(&pharmacist, &warehouse));
        assert!(!sees(&pharmacist, &district_store));

        let ddo = staff(Role::DistrictDrugOfficer, Some(district), None);
        assert!(
            works(&ddo, &district_store) && !works(&ddo, &pharmacy) && !works(&ddo, &warehouse)
        );
        assert!(sees(&ddo, &pharmacy) && !sees(&ddo, &warehouse));

        assert!(
            supervises(&ddo, &pharmacy)
                && supervises(&ddo, &district_store)
                && !supervises(&ddo, &warehouse)
        );
        assert!(!supervises(&pharmacist, &pharmacy));

        let keeper = staff(Role::StoreKeeper, None, None);
        assert!(works(&keeper, &warehouse) && !works(&keeper, &district_store));
        assert!(
            !configures(&keeper) && configures(&staff(Role::StateProcurementOfficer, None, None))
        );
    }
}
