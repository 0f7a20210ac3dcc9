//! Roles and the scope a role is granted for.

use crate::error::{DomainError, DomainResult};
use crate::ids::{FacilityId, UnitId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    PlatformAdmin,
    StateAdmin,
    DistrictAdmin,
    FacilityAdmin,
    Doctor,
    Nurse,
    LabTechnician,
    HelplineOperator,
    HelplineDoctor,
    Surveyor,
    /// A private hospital's representative, signed up to apply for registration.
    HospitalApplicant,
    /// Enters a facility's daily oxygen readings.
    OxygenOfficer,
    /// A district oxygen committee (scoped to a district) or the state's oxygen cell
    /// (the whole tenant): watches oxygen stock and answers its alerts.
    OxygenCommittee,
    /// Keeps a store: the state warehouse (whole tenant), a district drug store
    /// (scoped to the district) or a facility's stores (scoped to the facility).
    StoreKeeper,
    /// Dispenses at a facility's pharmacy and keeps its stock (scope it to the facility).
    Pharmacist,
    /// Answers the district's indents and watches the district's stock (scope it to the district).
    DistrictDrugOfficer,
    /// Runs the state warehouse, the catalogue and purchasing against budget.
    StateProcurementOfficer,
    /// Watches notifiable diseases: a district surveillance officer (scoped to the
    /// district) or the state surveillance cell (the whole tenant). Sees line lists
    /// with names.
    SurveillanceOfficer,
}

impl Role {
    pub const ALL: [Role; 18] = [
        Role::PlatformAdmin,
        Role::StateAdmin,
        Role::DistrictAdmin,
        Role::FacilityAdmin,
        Role::Doctor,
        Role::Nurse,
        Role::LabTechnician,
        Role::HelplineOperator,
        Role::HelplineDoctor,
        Role::Surveyor,
        Role::HospitalApplicant,
        Role::OxygenOfficer,
        Role::OxygenCommittee,
        Role::StoreKeeper,
        Role::Pharmacist,
        Role::DistrictDrugOfficer,
        Role::StateProcurementOfficer,
        Role::SurveillanceOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::PlatformAdmin => "platform_admin",
            Role::StateAdmin => "state_admin",
            Role::DistrictAdmin => "district_admin",
            Role::FacilityAdmin => "facility_admin",
            Role::Doctor => "doctor",
            Role::Nurse => "nurse",
            Role::LabTechnician => "lab_technician",
            Role::HelplineOperator => "helpline_operator",
            Role::HelplineDoctor => "helpline_doctor",
            Role::Surveyor => "surveyor",
            Role::HospitalApplicant => "hospital_applicant",
            Role::OxygenOfficer => "oxygen_officer",
            Role::OxygenCommittee => "oxygen_committee",
            Role::StoreKeeper => "store_keeper",
            Role::Pharmacist => "pharmacist",
            Role::DistrictDrugOfficer => "district_drug_officer",
            Role::StateProcurementOfficer => "state_procurement_officer",
            Role::SurveillanceOfficer => "surveillance_officer",
        }
    }

    pub fn parse(s: &str) -> DomainResult<Self> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| DomainError::validation("role", format!("unknown role {s}")))
    }

    /// Roles that administer other accounts.
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            Role::PlatformAdmin | Role::StateAdmin | Role::DistrictAdmin | Role::FacilityAdmin
        )
    }
}

/// Where a role applies inside its tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleScope {
    /// The whole tenant.
    Tenant,
    /// An administrative unit (a district) and everything under it.
    Unit(UnitId),
    /// One facility.
    Facility(FacilityId),
}

/// A role granted to a tenant user, with its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleGrant {
    pub role: Role,
    pub scope: RoleScope,
}

impl RoleGrant {
    /// A grant for a tenant user. `platform_admin` is not a tenant role, and a scope
    /// names either a unit or a facility, not both.
    pub fn new(
        role: Role,
        unit: Option<UnitId>,
        facility: Option<FacilityId>,
    ) -> DomainResult<Self> {
        if role == Role::PlatformAdmin {
            return Err(DomainError::validation(
                "role",
                "platform_admin cannot be granted inside a tenant",
            ));
        }
        let scope = match (unit, facility) {
            (None, None) => RoleScope::Tenant,
            (Some(u), None) => RoleScope::Unit(u),
            (None, Some(f)) => RoleScope::Facility(f),
            (Some(_), Some(_)) => {
                return Err(DomainError::validation(
                    "scope",
                    "a role is scoped to a unit or a facility, not both",
                ))
            }
        };
        Ok(Self { role, scope })
    }

    pub fn unit(&self) -> Option<UnitId> {
        match self.scope {
            RoleScope::Unit(u) => Some(u),
            _ => None,
        }
    }

    pub fn facility(&self) -> Option<FacilityId> {
        match self.scope {
            RoleScope::Facility(f) => Some(f),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()).unwrap(), r);
        }
        assert!(Role::parse("superuser").is_err());
    }

    #[test]
    fn grants_check_their_scope() {
        assert_eq!(
            RoleGrant::new(Role::Doctor, None, None).unwrap().scope,
            RoleScope::Tenant
        );
        let u = UnitId::new();
        assert_eq!(
            RoleGrant::new(Role::DistrictAdmin, Some(u), None)
                .unwrap()
                .unit(),
            Some(u)
        );
        assert!(RoleGrant::new(Role::Nurse, Some(u), Some(FacilityId::new())).is_err());
        assert!(RoleGrant::new(Role::PlatformAdmin, None, None).is_err());
    }
}
