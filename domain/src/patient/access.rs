//! Who may see and change patients. Patients belong to the whole tenant (anyone may
//! walk into any of its facilities), so reads are not narrowed to districts; what
//! varies by role is whether contact details are shown and what may be changed.
//! Platform administrators run tenants and see no patient data at all.

use crate::access::Principal;
use crate::error::{DomainError, DomainResult};
use crate::ids::{TenantId, UserId};
use crate::role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatientAccess {
    pub tenant: TenantId,
    pub user: UserId,
    /// Phone numbers, addresses and guardians are shown.
    pub contact: bool,
    /// Register patients and issue cards.
    pub register: bool,
    /// Only patients of households this user enrolled (a surveyor).
    pub only_own_enrollments: bool,
    /// Merge and unmerge records, revoke cards.
    pub admin: bool,
}

const FULL: [Role; 7] = [
    Role::StateAdmin,
    Role::DistrictAdmin,
    Role::FacilityAdmin,
    Role::Doctor,
    Role::Nurse,
    Role::HelplineOperator,
    Role::HelplineDoctor,
];

impl Principal {
    pub fn patient_access(&self) -> DomainResult<PatientAccess> {
        let Principal::Staff { id, tenant, grants } = self else {
            return Err(DomainError::forbidden(
                "platform administrators do not see patient records",
            ));
        };
        let has = |roles: &[Role]| grants.iter().any(|g| roles.contains(&g.role));
        let full = has(&FULL);
        let surveyor = has(&[Role::Surveyor]);
        if !full && !surveyor && !has(&[Role::LabTechnician]) {
            return Err(DomainError::forbidden(
                "your roles give no access to patients",
            ));
        }
        Ok(PatientAccess {
            tenant: *tenant,
            user: *id,
            contact: full || surveyor,
            register: full || surveyor,
            only_own_enrollments: surveyor && !full && !has(&[Role::LabTechnician]),
            admin: has(&[Role::StateAdmin, Role::DistrictAdmin]),
        })
    }
}

impl PatientAccess {
    pub fn require_register(&self) -> DomainResult<()> {
        if self.register {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "your roles may not register patients or issue cards",
            ))
        }
    }
    pub fn require_admin(&self) -> DomainResult<()> {
        if self.admin {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "only state or district administrators may do this",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::RoleGrant;

    fn staff(roles: &[Role]) -> Principal {
        Principal::Staff {
            id: UserId::new(),
            tenant: TenantId::new(),
            grants: roles
                .iter()
                .map(|r| RoleGrant::new(*r, None, None).unwrap())
                .collect(),
        }
    }

    #[test]
    fn roles_decide_what_is_shown() {
        let doctor = staff(&[Role::Doctor]).patient_access().unwrap();
        assert!(doctor.contact && doctor.register && !doctor.only_own_enrollments && !doctor.admin);
        let lab = staff(&[Role::LabTechnician]).patient_access().unwrap();
        assert!(!lab.contact && !lab.register);
        let surveyor = staff(&[Role::Surveyor]).patient_access().unwrap();
        assert!(surveyor.only_own_enrollments && surveyor.register);
        let both = staff(&[Role::Surveyor, Role::Nurse])
            .patient_access()
            .unwrap();
        assert!(!both.only_own_enrollments);
        assert!(
            staff(&[Role::DistrictAdmin])
                .patient_access()
                .unwrap()
                .admin
        );
        assert!(Principal::PlatformAdmin { id: UserId::new() }
            .patient_access()
            .is_err());
    }
}
