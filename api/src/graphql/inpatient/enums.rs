//! Inpatient care's GraphQL enums, mirrors of the domain's.

#[allow(unused_imports)]
use super::*;

/// A GraphQL enum mirroring a domain enum (its variants by the same names).
macro_rules! mirror_enum {
    ($name:ident = $remote:literal { $($v:ident),+ $(,)? }) => {
        #[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(remote = $remote)]
        pub enum $name { $($v),+ }
    };
}

mirror_enum!(Department = "arogya_domain::inpatient::wards::Department" {
    Medicine, Surgery, Paediatrics, Orthopaedics, Obstetrics, Icu, Hdu, Emergency, Isolation, Other
});
mirror_enum!(BedType = "arogya_domain::inpatient::beds::BedType" {
    General, OxygenSupported, Hdu, Icu, Ventilator, Isolation, Paediatric, Maternity
});
mirror_enum!(BedHousekeeping = "arogya_domain::inpatient::beds::Housekeeping" {
    Ready, Cleaning, Isolated, Contaminated, Closed
});
mirror_enum!(BedState = "arogya_domain::inpatient::beds::BedState" {
    Free, Reserved, Occupied, Cleaning, Isolated, Contaminated, Closed
});
mirror_enum!(ConditionCategory = "arogya_domain::inpatient::condition::ConditionCategory" {
    Mild, Moderate, Critical, ActivelyDying
});
mirror_enum!(LifeSupport = "arogya_domain::inpatient::condition::LifeSupport" {
    None, NasalCannula, Mask, HighFlowNasalCannula, NonInvasiveVentilation, InvasiveVentilation
});
mirror_enum!(Consciousness = "arogya_domain::inpatient::condition::Consciousness" {
    Alert, NewConfusion, Voice, Pain, Unresponsive
});
mirror_enum!(DischargeOutcome = "arogya_domain::inpatient::admission::DischargeOutcome" {
    Recovered, Improved, Referred, LeftAgainstAdvice, Absconded, Died
});
mirror_enum!(AdmissionStatus = "arogya_domain::inpatient::admission::AdmissionStatus" {
    Admitted, Discharged
});
mirror_enum!(News2Risk = "arogya_domain::inpatient::news2::Risk" { Low, LowMedium, Medium, High });

/// What occupancy is grouped by.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum OccupancyGrouping {
    District,
    Facility,
}

/// A stored text value as its GraphQL enum (`None` for an unknown value).
pub fn stored<D, G: From<D>>(
    raw: &str,
    parse: fn(&str) -> arogya_domain::DomainResult<D>,
) -> Option<G> {
    parse(raw).ok().map(G::from)
}
