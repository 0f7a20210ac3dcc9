//! Input objects, parsed into the domain's validated steps at the edge.

use super::super::facilities::{BedCapacity, FacilityType, SystemOfMedicine};
use super::super::types::parse_id;
use super::objects::HospitalService;
use crate::app::onboarding::StepInput;
use crate::error::{ApiError, ApiResult};
use arogya_domain::facility as fac;
use arogya_domain::onboarding as domain;
use async_graphql::{InputObject, ID};

#[derive(InputObject)]
pub struct StartHospitalSignupInput {
    /// The department's tenant code (`WB`, `BR`, …).
    pub tenant_code: String,
    /// The representative's name.
    pub name: String,
    /// An Indian mobile number: the code goes here, and it becomes the sign-in name.
    pub phone: String,
    pub email: String,
}

#[derive(InputObject)]
pub struct VerifyHospitalSignupInput {
    pub tenant_code: String,
    pub signup_id: ID,
    /// The six digits sent to the phone.
    pub code: String,
    /// The password for the new applicant account.
    pub password: String,
}

#[derive(InputObject)]
pub struct FacilityStepInput {
    pub name: String,
    /// `PRIVATE_HOSPITAL`, `NURSING_HOME`, `DIAGNOSTIC_LABORATORY` or `BLOOD_BANK`.
    #[graphql(name = "type")]
    pub facility_type: FacilityType,
    /// Proprietorship, partnership, trust, society, company…
    pub ownership_subtype: Option<String>,
    /// The block or unit the facility lies in.
    pub unit_id: ID,
    pub address: String,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[graphql(default)]
    pub systems_of_medicine: Vec<SystemOfMedicine>,
    #[graphql(default)]
    pub specialities: Vec<String>,
    #[graphql(default)]
    pub services: Vec<HospitalService>,
    #[graphql(default)]
    #[graphql(name = "open24x7")]
    pub open_24x7: bool,
    /// Daily outpatient hours, `HH:MM-HH:MM` (needed unless open 24x7).
    pub opd_hours: Option<String>,
}

#[derive(InputObject)]
pub struct LicencesStepInput {
    pub clinical_establishment_number: String,
    pub fire_noc_number: Option<String>,
    pub biomedical_waste_authorisation_number: Option<String>,
    pub pollution_consent_number: Option<String>,
    pub pan: Option<String>,
    pub gstin: Option<String>,
}

#[derive(InputObject)]
pub struct OwnerStepInput {
    pub name: String,
    pub designation: String,
    /// The council that registered them (e.g. West Bengal Medical Council).
    pub council: String,
    pub registration_number: String,
}

/// Save one step of the draft: give exactly one of the steps.
#[derive(InputObject)]
pub struct SaveApplicationStepInput {
    pub application_id: ID,
    pub expected_version: i32,
    pub facility: Option<FacilityStepInput>,
    pub capacity: Option<BedCapacity>,
    pub licences: Option<LicencesStepInput>,
    pub owner: Option<OwnerStepInput>,
}

fn facility_type_text(t: FacilityType) -> &'static str {
    fac::FacilityType::from(t).as_str()
}

impl SaveApplicationStepInput {
    pub fn step(self) -> ApiResult<StepInput> {
        let given = [
            self.facility.is_some(),
            self.capacity.is_some(),
            self.licences.is_some(),
            self.owner.is_some(),
        ]
        .iter()
        .filter(|g| **g)
        .count();
        if given != 1 {
            return Err(ApiError::validation(
                "step",
                "give exactly one step: facility, capacity, licences or owner",
            ));
        }
        if let Some(f) = self.facility {
            let step = domain::FacilityStep {
                name: f.name,
                facility_type: facility_type_text(f.facility_type).to_owned(),
                ownership_subtype: f.ownership_subtype,
                unit_id: parse_id("unitId", &f.unit_id)?,
                address: f.address,
                pincode: f.pincode,
                latitude: f.latitude,
                longitude: f.longitude,
                phone: f.phone,
                email: f.email,
                systems_of_medicine: f
                    .systems_of_medicine
                    .into_iter()
                    .map(|s| fac::SystemOfMedicine::from(s).as_str().to_owned())
                    .collect(),
                specialities: f.specialities,
                services: f.services.into_iter().map(Into::into).collect(),
                timings: domain::Timings::new(f.open_24x7, f.opd_hours.as_deref())?,
            };
            return Ok(StepInput::Facility(step.validate()?));
        }
        if let Some(b) = self.capacity {
            let beds = domain::BedCapacityForm {
                general: b.general,
                oxygen_supported: b.oxygen_supported,
                icu: b.icu,
                hdu: b.hdu,
                ventilator: b.ventilator,
                isolation: b.isolation,
                paediatric: b.paediatric,
                maternity: b.maternity,
            };
            return Ok(StepInput::Capacity(beds.validate()?));
        }
        if let Some(l) = self.licences {
            let step = domain::LicencesStep {
                clinical_establishment_number: l.clinical_establishment_number,
                fire_noc_number: l.fire_noc_number,
                biomedical_waste_authorisation_number: l.biomedical_waste_authorisation_number,
                pollution_consent_number: l.pollution_consent_number,
                pan: l.pan,
                gstin: l.gstin,
            };
            return Ok(StepInput::Licences(step.validate()?));
        }
        let o = self.owner.ok_or(ApiError::Internal)?;
        Ok(StepInput::Owner(
            domain::OwnerStep {
                name: o.name,
                designation: o.designation,
                council: o.council,
                registration_number: o.registration_number,
            }
            .validate()?,
        ))
    }
}

#[derive(InputObject)]
pub struct ReviewCommentInput {
    /// A field (`facility.name`, `licences.pan`) or a document (`document:fire_safety_noc`).
    pub target: String,
    pub text: String,
}

#[derive(InputObject)]
pub struct RequestApplicationChangesInput {
    pub application_id: ID,
    pub expected_version: i32,
    /// A note for the whole application.
    pub note: Option<String>,
    #[graphql(default)]
    pub comments: Vec<ReviewCommentInput>,
}
