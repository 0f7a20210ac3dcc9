//! Inpatient care's GraphQL inputs.

#[allow(unused_imports)]
use super::*;

#[derive(InputObject)]
pub struct WardInput {
    pub facility_id: ID,
    pub name: String,
    pub department: Department,
    pub floor: Option<String>,
    /// The nurses' station, given to families on the status page.
    pub phone: Option<String>,
}

#[derive(InputObject)]
pub struct AttendantInput {
    pub name: String,
    /// Son, daughter, wife, neighbour…
    pub relationship: String,
    /// An Indian mobile number: status codes go only to it.
    pub phone: String,
}

#[derive(InputObject)]
pub struct AdmitInput {
    /// The registered patient's health ID; leave out for an unidentified patient.
    pub health_id: Option<String>,
    /// "Unknown male, about 40, brought by ambulance from …": required without a health ID.
    pub unidentified: Option<String>,
    pub bed_id: ID,
    pub admitting_professional_id: ID,
    pub department: Department,
    pub reason: String,
    pub provisional_diagnosis: Option<String>,
    /// Defaults to now.
    pub admitted_at: Option<DateTime<Utc>>,
    #[graphql(default)]
    pub attendants: Vec<AttendantInput>,
}

#[derive(InputObject, Clone, Copy)]
pub struct ObservationsInput {
    pub respiratory_rate: i32,
    pub spo2: i32,
    pub systolic_bp: i32,
    pub pulse: i32,
    pub temperature_c: f64,
    /// Not scored; with it the observations also make a blood pressure in the
    /// patient's vital signs.
    pub diastolic_bp: Option<i32>,
}

#[derive(InputObject)]
pub struct ConditionInput {
    pub admission_id: ID,
    pub category: ConditionCategory,
    pub life_support: LifeSupport,
    pub consciousness: Consciousness,
    pub remark: Option<String>,
    /// With all five, the server computes NEWS2.
    pub observations: Option<ObservationsInput>,
    /// Defaults to now; a late entry may go back up to 72 hours.
    pub recorded_at: Option<DateTime<Utc>>,
}

#[derive(InputObject)]
pub struct DischargeInput {
    pub admission_id: ID,
    pub expected_version: i32,
    pub outcome: DischargeOutcome,
    /// Defaults to now.
    pub discharged_at: Option<DateTime<Utc>>,
    /// Required when the patient died, and only then.
    pub time_of_death: Option<DateTime<Utc>>,
    pub note: Option<String>,
}

#[derive(InputObject, Default)]
pub struct AdmittedFilter {
    pub facility_id: Option<ID>,
    pub ward_id: Option<ID>,
    pub category: Option<ConditionCategory>,
    #[graphql(default)]
    pub life_support: Vec<LifeSupport>,
    /// Only patients in hospital at least this many days.
    pub min_stay_days: Option<i32>,
}

/// How a family names the patient: a health ID, or a name and the hospital.
#[derive(OneofObject)]
pub enum FamilyLookupInput {
    HealthId(String),
    NameAtHospital(NameAtHospital),
}

#[derive(InputObject)]
pub struct NameAtHospital {
    pub name: String,
    pub facility_id: ID,
}
