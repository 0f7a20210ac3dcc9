//! The GraphQL objects of the public pages: free beds and the family status.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::public::DistrictBeds;
use crate::app::inpatient::{FamilyCodeRequested, FamilyStatus as Status};
use arogya_domain::inpatient::{admission as da, condition as dc};

#[derive(SimpleObject)]
pub struct FreeBedCount {
    pub bed_type: BedType,
    pub free: i64,
}

#[derive(SimpleObject)]
pub struct FacilityFreeBeds {
    pub facility_id: ID,
    pub name: String,
    pub free: Vec<FreeBedCount>,
}

/// Free beds of a district's facilities: counts only.
#[derive(SimpleObject)]
pub struct PublicBedAvailability {
    pub district: String,
    pub as_of: DateTime<Utc>,
    pub facilities: Vec<FacilityFreeBeds>,
}

impl From<&DistrictBeds> for PublicBedAvailability {
    fn from(d: &DistrictBeds) -> Self {
        Self {
            district: d.district.clone(),
            as_of: d.as_of,
            facilities: d
                .facilities
                .iter()
                .map(|f| FacilityFreeBeds {
                    facility_id: id(f.facility),
                    name: f.name.clone(),
                    free: f
                        .free
                        .iter()
                        .map(|(t, n)| FreeBedCount {
                            bed_type: (*t).into(),
                            free: *n,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The same answer whether or not a patient matched.
#[derive(SimpleObject)]
pub struct FamilyCodeRequest {
    /// Give it back with the code.
    pub request_id: ID,
    pub expires_at: DateTime<Utc>,
}

impl From<FamilyCodeRequested> for FamilyCodeRequest {
    fn from(r: FamilyCodeRequested) -> Self {
        Self {
            request_id: id(r.request_id),
            expires_at: r.expires_at,
        }
    }
}

/// What a family is told: where, how ill, what support, when last updated.
#[derive(SimpleObject)]
pub struct FamilyStatus {
    pub hospital: String,
    pub ward: String,
    pub ward_phone: Option<String>,
    pub category: Option<ConditionCategory>,
    pub life_support: Option<LifeSupport>,
    pub updated_at: DateTime<Utc>,
    pub discharged: bool,
    pub outcome: Option<DischargeOutcome>,
}

impl From<Status> for FamilyStatus {
    fn from(s: Status) -> Self {
        Self {
            hospital: s.hospital,
            ward: s.ward,
            ward_phone: s.ward_phone,
            category: s
                .category
                .as_deref()
                .and_then(|c| stored(c, dc::ConditionCategory::parse)),
            life_support: s
                .life_support
                .as_deref()
                .and_then(|c| stored(c, dc::LifeSupport::parse)),
            updated_at: s.updated_at,
            discharged: s.discharged,
            outcome: s
                .outcome
                .as_deref()
                .and_then(|c| stored(c, da::DischargeOutcome::parse)),
        }
    }
}
