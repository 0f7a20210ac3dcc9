//! Who may write and read health records.
//!
//! Writing: a treating role for the kind of entry (doctors diagnose and prescribe,
//! nurses record vitals and notes, lab technicians report results), held by a user
//! linked to a *verified* professional who is currently posted at the facility where
//! the entry is made.
//!
//! Reading: a clinician reads a patient's whole record (every facility of the tenant)
//! when the patient has an encounter at one of the clinician's facilities; starting an
//! encounter is how a walk-in patient comes into care. Anyone else must break the
//! glass: give an emergency reason, which flags the access for review.

use super::entry::EntryKind;
use crate::access::Principal;
use crate::error::{DomainError, DomainResult};
use crate::ids::{FacilityId, TenantId, UnitId, UserId};
use crate::professional::{ensure_can_author, ProfessionalKind, VerificationStatus};
use crate::role::{Role, RoleGrant, RoleScope};

const CLINICAL: [Role; 3] = [Role::Doctor, Role::Nurse, Role::LabTechnician];

/// The roles that may write an entry of this kind.
pub fn writers(kind: EntryKind) -> &'static [Role] {
    match kind {
        EntryKind::Encounter | EntryKind::Vitals | EntryKind::Note => &[Role::Doctor, Role::Nurse],
        EntryKind::Diagnosis
        | EntryKind::Prescription
        | EntryKind::LabOrder
        | EntryKind::DischargeSummary => &[Role::Doctor],
        EntryKind::LabResult => &[Role::LabTechnician],
    }
}

/// A member of staff with a clinical role, as far as the token tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicalStaff {
    pub tenant: TenantId,
    pub user: UserId,
    pub grants: Vec<RoleGrant>,
}

impl Principal {
    /// The caller as clinical staff, or `FORBIDDEN` for roles that do not treat patients.
    pub fn clinical_staff(&self) -> DomainResult<ClinicalStaff> {
        let Principal::Staff { id, tenant, grants } = self else {
            return Err(DomainError::forbidden(
                "platform administrators do not see health records",
            ));
        };
        let grants: Vec<RoleGrant> = grants
            .iter()
            .filter(|g| CLINICAL.contains(&g.role))
            .copied()
            .collect();
        if grants.is_empty() {
            return Err(DomainError::forbidden(
                "only doctors, nurses and lab technicians work with health records",
            ));
        }
        Ok(ClinicalStaff {
            tenant: *tenant,
            user: *id,
            grants,
        })
    }

    /// A helpline doctor recording a teleconsultation in a patient's record: the
    /// helpline doctor's grants stand in for a treating role (see
    /// [`Clinician::require_teleconsultation`]).
    pub fn teleconsultant(&self) -> DomainResult<ClinicalStaff> {
        let Principal::Staff { id, tenant, grants } = self else {
            return Err(DomainError::forbidden(
                "platform administrators do not see health records",
            ));
        };
        let grants: Vec<RoleGrant> = grants
            .iter()
            .filter(|g| matches!(g.role, Role::HelplineDoctor | Role::Doctor))
            .copied()
            .collect();
        if !grants.iter().any(|g| g.role == Role::HelplineDoctor) {
            return Err(DomainError::forbidden(
                "only helpline doctors record teleconsultations",
            ));
        }
        Ok(ClinicalStaff {
            tenant: *tenant,
            user: *id,
            grants,
        })
    }

    /// Who may audit access to records and review break-glass openings: state
    /// administrators (everything) and district administrators (their districts).
    pub fn access_review_reach(&self) -> DomainResult<Option<Vec<UnitId>>> {
        let Principal::Staff { grants, .. } = self else {
            return Err(DomainError::forbidden(
                "platform administrators do not see health records",
            ));
        };
        let admin: Vec<&RoleGrant> = grants
            .iter()
            .filter(|g| matches!(g.role, Role::StateAdmin | Role::DistrictAdmin))
            .collect();
        if admin.is_empty() {
            return Err(DomainError::forbidden(
                "only state or district administrators review access to records",
            ));
        }
        if admin.iter().any(|g| g.scope == RoleScope::Tenant) {
            return Ok(None);
        }
        Ok(Some(admin.iter().filter_map(|g| g.unit()).collect()))
    }
}

/// A clinician: clinical roles plus the professional they are and where they work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinician {
    pub staff: ClinicalStaff,
    pub verification: VerificationStatus,
    /// Facilities of their current postings.
    pub facilities: Vec<FacilityId>,
}

/// How a read of a record was allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadGrant {
    /// The patient is in care at one of the clinician's facilities.
    InCare,
    /// An emergency opening, with its reason: flagged for review.
    BreakGlass(String),
}

impl Clinician {
    /// May this clinician write an entry of `kind` at `facility`?
    pub fn require_write(&self, kind: EntryKind, facility: FacilityId) -> DomainResult<()> {
        let allowed = writers(kind);
        let role_here = self.staff.grants.iter().any(|g| {
            allowed.contains(&g.role)
                && match g.scope {
                    RoleScope::Facility(f) => f == facility,
                    RoleScope::Tenant | RoleScope::Unit(_) => true,
                }
        });
        if !role_here {
            let names: Vec<&str> = allowed.iter().map(|r| r.as_str()).collect();
            return Err(DomainError::forbidden(format!(
                "only {} may record a {} here",
                names.join(" or "),
                kind.as_str().replace('_', " ")
            )));
        }
        ensure_can_author(self.verification)
            .map_err(|e| DomainError::forbidden(e.to_string().replace("professional: ", "")))?;
        if !self.facilities.contains(&facility) {
            return Err(DomainError::forbidden(
                "you are not posted at this facility",
            ));
        }
        Ok(())
    }

    /// May this helpline doctor record a teleconsultation (an encounter and its
    /// note) at `facility`? They must be a doctor in the registry, verified, and
    /// posted there: the record names a facility and a doctor answerable for it.
    pub fn require_teleconsultation(
        &self,
        kind: ProfessionalKind,
        facility: FacilityId,
    ) -> DomainResult<()> {
        if !self
            .staff
            .grants
            .iter()
            .any(|g| g.role == Role::HelplineDoctor)
        {
            return Err(DomainError::forbidden(
                "only helpline doctors record teleconsultations",
            ));
        }
        if kind != ProfessionalKind::Doctor {
            return Err(DomainError::forbidden(
                "your account is linked to a professional who is not a doctor",
            ));
        }
        ensure_can_author(self.verification)
            .map_err(|e| DomainError::forbidden(e.to_string().replace("professional: ", "")))?;
        if !self.facilities.contains(&facility) {
            return Err(DomainError::forbidden(
                "you are not posted at this facility",
            ));
        }
        Ok(())
    }

    /// May this clinician read the record of a patient with encounters at
    /// `patient_facilities`? Outside care, only with an emergency reason.
    pub fn read_grant(
        &self,
        patient_facilities: &[FacilityId],
        break_glass: Option<&str>,
    ) -> DomainResult<ReadGrant> {
        if self
            .facilities
            .iter()
            .any(|f| patient_facilities.contains(f))
        {
            return Ok(ReadGrant::InCare);
        }
        match break_glass.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reason) => Ok(ReadGrant::BreakGlass(super::text(
                reason,
                "breakGlassReason",
                10,
                500,
            )?)),
            None => Err(DomainError::forbidden(
                "this patient is not in care at your facility: start an encounter, or give an \
                 emergency reason (breakGlassReason) to open the record",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clinician(role: Role, scope: Option<FacilityId>, at: Vec<FacilityId>) -> Clinician {
        Clinician {
            staff: ClinicalStaff {
                tenant: TenantId::new(),
                user: UserId::new(),
                grants: vec![RoleGrant::new(role, None, scope).unwrap()],
            },
            verification: VerificationStatus::Verified,
            facilities: at,
        }
    }

    #[test]
    fn teleconsultations_need_a_verified_helpline_doctor_posted_there() {
        let (here, there) = (FacilityId::new(), FacilityId::new());
        let mut doc = clinician(Role::HelplineDoctor, None, vec![here]);
        assert!(doc
            .require_teleconsultation(ProfessionalKind::Doctor, here)
            .is_ok());
        assert!(doc
            .require_teleconsultation(ProfessionalKind::Doctor, there)
            .is_err());
        assert!(doc
            .require_teleconsultation(ProfessionalKind::Nurse, here)
            .is_err());
        doc.verification = VerificationStatus::Pending;
        assert!(doc
            .require_teleconsultation(ProfessionalKind::Doctor, here)
            .is_err());
        let ward_doctor = clinician(Role::Doctor, None, vec![here]);
        assert!(ward_doctor
            .require_teleconsultation(ProfessionalKind::Doctor, here)
            .is_err());
    }

    #[test]
    fn roles_kinds_and_facilities_decide_writes() {
        let (here, there) = (FacilityId::new(), FacilityId::new());
        let nurse = clinician(Role::Nurse, None, vec![here]);
        assert!(nurse.require_write(EntryKind::Vitals, here).is_ok());
        assert!(nurse.require_write(EntryKind::Diagnosis, here).is_err());
        assert!(nurse.require_write(EntryKind::Vitals, there).is_err());
        let lab = clinician(Role::LabTechnician, Some(here), vec![here, there]);
        assert!(lab.require_write(EntryKind::LabResult, here).is_ok());
        assert!(
            lab.require_write(EntryKind::LabResult, there).is_err(),
            "role scoped to `here`"
        );
        let mut doctor = clinician(Role::Doctor, None, vec![here]);
        assert!(doctor.require_write(EntryKind::Prescription, here).is_ok());
        doctor.verification = VerificationStatus::Pending;
        assert!(doctor.require_write(EntryKind::Prescription, here).is_err());
    }

    #[test]
    fn reads_outside_care_need_a_reason() {
        let (here, there) = (FacilityId::new(), FacilityId::new());
        let doctor = clinician(Role::Doctor, None, vec![here]);
        assert_eq!(
            doctor.read_grant(&[there, here], None).unwrap(),
            ReadGrant::InCare
        );
        assert!(doctor.read_grant(&[there], None).is_err());
        assert!(doctor.read_grant(&[there], Some("short")).is_err());
        assert_eq!(
            doctor
                .read_grant(&[there], Some("unconscious, brought by ambulance"))
                .unwrap(),
            ReadGrant::BreakGlass("unconscious, brought by ambulance".into())
        );
        let admin = Principal::Staff {
            id: UserId::new(),
            tenant: TenantId::new(),
            grants: vec![RoleGrant::new(Role::StateAdmin, None, None).unwrap()],
        };
        assert!(admin.clinical_staff().is_err());
        assert_eq!(admin.access_review_reach().unwrap(), None);
    }
}
