//! Inpatient care's GraphQL objects.

#[allow(unused_imports)]
use super::*;
use crate::app::inpatient::{AdmittedPatient, BedOnBoard, Monitoring, WardBoard as AppBoard};
use arogya_domain::inpatient::occupancy::Tally;
use arogya_domain::inpatient::{
    admission as da, beds as db, condition as dc, news2 as dn, wards as dw,
};
use arogya_infra::repos::inpatient::admissions::AttendantRecord;
use arogya_infra::repos::inpatient::conditions::ConditionRecord;
use arogya_infra::repos::inpatient::wards::{BedRecord, WardRecord};

#[derive(SimpleObject)]
pub struct Ward {
    pub id: ID,
    pub facility_id: ID,
    pub name: String,
    pub department: Option<Department>,
    pub floor: Option<String>,
    /// The nurses' station, shown to families.
    pub phone: Option<String>,
    pub version: i32,
}

impl From<WardRecord> for Ward {
    fn from(w: WardRecord) -> Self {
        Self {
            id: id(w.id),
            facility_id: id(w.facility_id),
            department: stored(&w.department, dw::Department::parse),
            name: w.name,
            floor: w.floor,
            phone: w.phone,
            version: w.version,
        }
    }
}

#[derive(SimpleObject)]
pub struct Bed {
    pub id: ID,
    pub ward_id: ID,
    pub label: String,
    pub bed_type: Option<BedType>,
    /// The bed's own state (occupancy apart).
    pub housekeeping: Option<BedHousekeeping>,
    /// Why the bed is closed.
    pub reason: Option<String>,
    pub version: i32,
}

impl From<BedRecord> for Bed {
    fn from(b: BedRecord) -> Self {
        Self {
            id: id(b.id),
            ward_id: id(b.ward_id),
            bed_type: stored(&b.bed_type, db::BedType::parse),
            housekeeping: stored(&b.housekeeping, db::Housekeeping::parse),
            label: b.label,
            reason: b.reason,
            version: b.version,
        }
    }
}

/// An admission as boards and lists show it.
#[derive(SimpleObject)]
pub struct Admission {
    pub id: ID,
    pub patient_id: Option<ID>,
    pub health_id: Option<String>,
    /// The patient's name, or the description of an unidentified patient.
    pub name: Option<String>,
    pub unidentified: bool,
    pub facility_id: ID,
    pub facility_name: Option<String>,
    pub ward_id: ID,
    pub ward_name: Option<String>,
    pub bed_id: ID,
    pub bed_label: Option<String>,
    /// The inpatient encounter in the patient's record.
    pub encounter_id: Option<ID>,
    pub admitting_professional_id: ID,
    pub department: Option<Department>,
    pub reason: String,
    pub provisional_diagnosis: Option<String>,
    pub admitted_at: DateTime<Utc>,
    pub status: Option<AdmissionStatus>,
    pub outcome: Option<DischargeOutcome>,
    pub discharged_at: Option<DateTime<Utc>>,
    pub time_of_death: Option<DateTime<Utc>>,
    /// The latest condition entry's category and life support.
    pub category: Option<ConditionCategory>,
    pub life_support: Option<LifeSupport>,
    pub condition_at: Option<DateTime<Utc>>,
    pub news2: Option<i32>,
    pub length_of_stay_days: i64,
    /// When the next condition entry is due, and whether that time has passed.
    pub due_at: DateTime<Utc>,
    pub overdue: bool,
    pub version: i32,
}

impl From<AdmittedPatient> for Admission {
    fn from(p: AdmittedPatient) -> Self {
        let now = Utc::now();
        let overdue = p.overdue(now) && p.admission.discharged_at.is_none();
        let a = p.admission;
        Self {
            id: id(a.id),
            patient_id: a.patient_id.map(id),
            health_id: p.health_id,
            name: p.name,
            unidentified: a.patient_id.is_none(),
            facility_id: id(a.facility_id),
            facility_name: p.facility_name,
            ward_id: id(a.ward_id),
            ward_name: p.ward_name,
            bed_id: id(a.bed_id),
            bed_label: p.bed_label,
            encounter_id: a.encounter_id.map(id),
            admitting_professional_id: id(a.admitting_professional_id),
            department: stored(&a.department, dw::Department::parse),
            reason: a.reason,
            provisional_diagnosis: a.provisional_diagnosis,
            admitted_at: a.admitted_at,
            status: stored(&a.status, da::AdmissionStatus::parse),
            outcome: a
                .outcome
                .as_deref()
                .and_then(|o| stored(o, da::DischargeOutcome::parse)),
            discharged_at: a.discharged_at,
            time_of_death: a.time_of_death,
            category: a
                .category
                .as_deref()
                .and_then(|c| stored(c, dc::ConditionCategory::parse)),
            life_support: a
                .life_support
                .as_deref()
                .and_then(|c| stored(c, dc::LifeSupport::parse)),
            condition_at: a.condition_at,
            news2: a.news2,
            length_of_stay_days: da::length_of_stay_days(
                a.admitted_at,
                a.discharged_at.unwrap_or(now),
            ),
            due_at: p.due_at,
            overdue,
            version: a.version,
        }
    }
}

#[derive(SimpleObject)]
pub struct BedTile {
    pub bed: Bed,
    /// Occupied and reserved come from the bed's assignments.
    pub state: BedState,
    /// FHIR `Location.operationalStatus` code (v2 table 0116).
    pub fhir_status: String,
    pub admission: Option<Admission>,
}

impl From<BedOnBoard> for BedTile {
    fn from(b: BedOnBoard) -> Self {
        Self {
            fhir_status: b.state.fhir_code().0.to_owned(),
            state: b.state.into(),
            bed: b.bed.into(),
            admission: b.patient.map(Into::into),
        }
    }
}

#[derive(SimpleObject, Default)]
pub struct BedCounts {
    pub total: i64,
    pub occupied: i64,
    pub reserved: i64,
    pub free: i64,
    pub out_of_service: i64,
    /// Occupied over beds in service, in percent.
    pub occupancy_rate: Option<f64>,
}

impl From<Tally> for BedCounts {
    fn from(t: Tally) -> Self {
        Self {
            total: t.total,
            occupied: t.occupied,
            reserved: t.reserved,
            free: t.free,
            out_of_service: t.out_of_service,
            occupancy_rate: t.occupancy_rate(),
        }
    }
}

#[derive(SimpleObject)]
pub struct WardBoard {
    pub ward: Ward,
    pub beds: Vec<BedTile>,
    pub counts: BedCounts,
}

impl From<AppBoard> for WardBoard {
    fn from(b: AppBoard) -> Self {
        let mut t = Tally::default();
        for bed in &b.beds {
            t.add(bed.state, 1);
        }
        Self {
            ward: b.ward.into(),
            beds: b.beds.into_iter().map(Into::into).collect(),
            counts: t.into(),
        }
    }
}

#[derive(SimpleObject)]
pub struct ConditionEntry {
    pub id: ID,
    pub category: Option<ConditionCategory>,
    /// The category's written definition, as shown beside the choice.
    pub category_definition: Option<String>,
    pub life_support: Option<LifeSupport>,
    pub consciousness: Option<Consciousness>,
    pub remark: Option<String>,
    pub observations: Option<async_graphql::Json<serde_json::Value>>,
    /// NEWS2, computed by the server from the observations.
    pub news2: Option<i32>,
    pub news2_risk: Option<News2Risk>,
    pub recorded_by: ID,
    pub recorded_at: DateTime<Utc>,
}

impl From<ConditionRecord> for ConditionEntry {
    fn from(c: ConditionRecord) -> Self {
        Self {
            id: id(c.id),
            category_definition: dc::ConditionCategory::parse(&c.category)
                .ok()
                .map(|k| k.definition().to_owned()),
            category: stored(&c.category, dc::ConditionCategory::parse),
            life_support: stored(&c.life_support, dc::LifeSupport::parse),
            consciousness: stored(&c.consciousness, dc::Consciousness::parse),
            remark: c.remark,
            observations: c.observations.map(async_graphql::Json),
            news2: c.news2,
            news2_risk: c
                .news2_risk
                .as_deref()
                .and_then(|r| stored(r, dn::Risk::parse)),
            recorded_by: id(c.recorded_by),
            recorded_at: c.recorded_at,
        }
    }
}

#[derive(SimpleObject)]
pub struct Attendant {
    pub id: ID,
    pub name: String,
    pub relationship: String,
    pub phone: String,
    /// The number was proved by a code at the ward.
    pub verified: bool,
    pub removed: bool,
}

impl From<AttendantRecord> for Attendant {
    fn from(a: AttendantRecord) -> Self {
        Self {
            id: id(a.id),
            name: a.name,
            relationship: a.relationship,
            phone: a.phone,
            verified: a.verified_at.is_some(),
            removed: a.removed_at.is_some(),
        }
    }
}

#[derive(SimpleObject)]
pub struct ConditionCategoryCount {
    pub category: Option<ConditionCategory>,
    pub patients: i64,
}

#[derive(SimpleObject)]
pub struct LifeSupportCount {
    pub life_support: Option<LifeSupport>,
    pub patients: i64,
}

#[derive(SimpleObject)]
pub struct AdmittedList {
    /// At most 500, the sickest first.
    pub patients: Vec<Admission>,
    /// Over everything the caller sees (filters of category and life support apart).
    pub total: i64,
    pub by_category: Vec<ConditionCategoryCount>,
    pub by_life_support: Vec<LifeSupportCount>,
}

impl From<Monitoring> for AdmittedList {
    fn from(m: Monitoring) -> Self {
        let mut cats: Vec<ConditionCategoryCount> = Vec::new();
        let mut ls: Vec<LifeSupportCount> = Vec::new();
        let mut total = 0;
        for c in &m.counts {
            total += c.patients;
            let cat = c
                .category
                .as_deref()
                .and_then(|x| stored(x, dc::ConditionCategory::parse));
            match cats.iter_mut().find(|x| x.category == cat) {
                Some(x) => x.patients += c.patients,
                None => cats.push(ConditionCategoryCount {
                    category: cat,
                    patients: c.patients,
                }),
            }
            let l = c
                .life_support
                .as_deref()
                .and_then(|x| stored(x, dc::LifeSupport::parse));
            match ls.iter_mut().find(|x| x.life_support == l) {
                Some(x) => x.patients += c.patients,
                None => ls.push(LifeSupportCount {
                    life_support: l,
                    patients: c.patients,
                }),
            }
        }
        Self {
            patients: m.patients.into_iter().map(Into::into).collect(),
            total,
            by_category: cats,
            by_life_support: ls,
        }
    }
}

/// A patient referred to another facility, and the answer.
#[derive(SimpleObject)]
pub struct Referral {
    pub id: ID,
    pub admission_id: ID,
    pub from_facility_id: ID,
    pub to_facility_id: ID,
    pub reason: String,
    /// `pending`, `accepted` or `declined`.
    pub status: String,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    /// The admission at the receiving facility, once accepted.
    pub received_admission_id: Option<ID>,
}

impl From<arogya_infra::repos::inpatient::referrals::ReferralRecord> for Referral {
    fn from(r: arogya_infra::repos::inpatient::referrals::ReferralRecord) -> Self {
        Self {
            id: id(r.id),
            admission_id: id(r.admission_id),
            from_facility_id: id(r.from_facility_id),
            to_facility_id: id(r.to_facility_id),
            reason: r.reason,
            status: r.status,
            requested_at: r.requested_at,
            decided_at: r.decided_at,
            decision_note: r.decision_note,
            received_admission_id: r.received_admission_id.map(id),
        }
    }
}

/// A referral waiting for the caller's facility, with who is coming.
#[derive(SimpleObject)]
pub struct PendingReferral {
    pub referral: Referral,
    pub diagnosis: Option<String>,
    pub category: Option<ConditionCategory>,
    pub life_support: Option<LifeSupport>,
}

/// A bed held for an admitted patient who will be transferred into it.
#[derive(SimpleObject)]
pub struct BedReservation {
    pub admission_id: ID,
    pub bed_id: ID,
    pub reserved_at: DateTime<Utc>,
}

impl From<arogya_infra::repos::inpatient::admissions::AssignmentRecord> for BedReservation {
    fn from(r: arogya_infra::repos::inpatient::admissions::AssignmentRecord) -> Self {
        Self {
            admission_id: id(r.admission_id),
            bed_id: id(r.bed_id),
            reserved_at: r.start_at,
        }
    }
}
