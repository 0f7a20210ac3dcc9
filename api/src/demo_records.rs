//! Demo health records: a district hospital in the sample district with a verified
//! doctor, nurse and helpline doctor (logins printed at start-up), and a first outpatient visit for
//! one sample patient with vitals, a diagnosis, a prescription and a lab order.
//! Called by the demo samples only when they create their patients.

use crate::app::facilities::create_facility;
use crate::app::professionals::{self as registry, today, FirstPosting};
use crate::app::records::{self, Clinical, EncounterInput};
use crate::demo::DemoLogin;
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::appointment::WeeklySession;
use arogya_domain::audit::Actor;
use arogya_domain::clinical::diagnosis::{Certainty, DiagnosisForm, DiagnosisRank};
use arogya_domain::clinical::encounter::{EncounterForm, EncounterKind};
use arogya_domain::clinical::entry::EntryDetails;
use arogya_domain::clinical::lab::{self, Priority, Specimen};
use arogya_domain::clinical::policy::ClinicalStaff;
use arogya_domain::clinical::prescription::{self, ItemForm};
use arogya_domain::clinical::vitals::Vitals;
use arogya_domain::facility::{BedCapacity, FacilityForm};
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::professional::{CouncilRegistration, ProfessionalForm, VerificationStatus};
use arogya_domain::role::{Role, RoleGrant};
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::professionals::NewAttachment;
use uuid::Uuid;

pub const DOCTOR: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.doctor",
    password: "wb-demo-doctor-2026",
};

fn err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// A verified professional posted at `facility` and linked to `user`.
async fn professional(
    state: &AppState,
    tenant: TenantId,
    facility: FacilityId,
    user: UserId,
    (name, kind, council, number, designation): (&str, &str, &str, &str, &str),
) -> anyhow::Result<Uuid> {
    let meta = RequestMeta::default();
    let form = ProfessionalForm {
        name: name.into(),
        kind: kind.into(),
        registrations: vec![CouncilRegistration {
            council: council.into(),
            number: number.into(),
            registered_on: chrono::NaiveDate::from_ymd_opt(2012, 7, 1).unwrap_or_default(),
            valid_until: None,
        }],
        languages: vec!["Bengali".into(), "English".into(), "Hindi".into()],
        ..Default::default()
    };
    let posting = FirstPosting {
        facility,
        attachment: NewAttachment {
            designation: designation.into(),
            department: Some("Medicine".into()),
            from: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            to: None,
        },
    };
    let whole = UnitReach::Whole;
    let p = registry::create(
        state,
        Actor::System,
        &meta,
        tenant,
        &whole,
        form.validate(today())?,
        Some(posting),
    )
    .await
    .map_err(err)?;
    let p = registry::change_status(
        state,
        Actor::System,
        &meta,
        tenant,
        &whole,
        p.id,
        p.version,
        VerificationStatus::Verified,
        None,
    )
    .await
    .map_err(err)?;
    registry::link_user(
        state,
        Actor::System,
        &meta,
        tenant,
        &whole,
        p.id,
        p.version,
        Some(user),
    )
    .await
    .map_err(err)?;
    Ok(p.id)
}

/// The demo hospital's staff accounts.
pub struct Staff {
    pub doctor: UserId,
    pub nurse: UserId,
    /// A helpline doctor, posted at the hospital for teleconsultations.
    pub teledoctor: UserId,
    /// Reports the demo visit's lab order.
    pub lab: UserId,
}

/// The hospital, its doctor, nurse and helpline doctor, and a first visit for `patient`.
pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    district: UnitId,
    Staff {
        doctor,
        nurse,
        teledoctor,
        lab,
    }: Staff,
    patient: Uuid,
) -> anyhow::Result<crate::demo_inpatient::Hospital> {
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        client_addr: None,
    };
    let form = FacilityForm {
        name: "Krishnanagar District Hospital".into(),
        facility_type: "district_hospital".into(),
        ownership: "public".into(),
        address: Some("Hospital Road, Krishnanagar".into()),
        pincode: Some("741101".into()),
        phone: Some("03472252210".into()),
        latitude: Some(23.4058),
        longitude: Some(88.4903),
        beds: BedCapacity {
            general: 250,
            oxygen_supported: 60,
            icu: 12,
            ventilator: 6,
            ..Default::default()
        },
        ..Default::default()
    };
    let hospital = create_facility(
        state,
        Actor::System,
        &meta,
        tenant,
        &UnitReach::Whole,
        district,
        form.validate()?,
    )
    .await
    .map_err(err)?;
    let facility = FacilityId(hospital.id);
    let doctor_id = professional(
        state,
        tenant,
        facility,
        doctor,
        (
            "Dr. Sunita Ghosh",
            "doctor",
            "West Bengal Medical Council",
            "WBMC-61234",
            "Medical Officer",
        ),
    )
    .await?;
    professional(
        state,
        tenant,
        facility,
        nurse,
        (
            "Sister Rekha Mondal",
            "nurse",
            "West Bengal Nursing Council",
            "WBNC-20931",
            "Staff Nurse",
        ),
    )
    .await?;

    professional(
        state,
        tenant,
        facility,
        teledoctor,
        (
            "Dr. Arjun Basu",
            "doctor",
            "West Bengal Medical Council",
            "WBMC-63377",
            "Helpline Medical Officer",
        ),
    )
    .await?;
    // The doctor's Medicine outpatient clinic, every day 09:00–17:00 in 15-minute slots,
    // so the helpline can book appointments in the demo whatever the day.
    let tx = state
        .db
        .tenant_tx(tenant, arogya_infra::db::Access::Write)
        .await?;
    for weekday in 1..=7 {
        let session = WeeklySession::new(
            weekday,
            chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
            15,
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            None,
        )?;
        arogya_infra::repos::appointments::insert_session(
            &tx, facility.0, "Medicine", doctor_id, &session,
        )
        .await?;
    }
    tx.commit().await?;

    professional(
        state,
        tenant,
        facility,
        lab,
        (
            "Pradip Sarkar",
            "lab_technician",
            "West Bengal Paramedical Council",
            "WBPMC-11802",
            "Laboratory Technician",
        ),
    )
    .await?;

    let as_user = |user: UserId, role: Role| -> anyhow::Result<Clinical<'_>> {
        Ok(Clinical {
            state,
            staff: ClinicalStaff {
                tenant,
                user,
                grants: vec![RoleGrant::new(role, None, None)?],
            },
            actor: Actor::User(user.0),
            meta: meta.clone(),
        })
    };
    let nursing = as_user(nurse, Role::Nurse)?;
    let visit = records::start_encounter(
        &nursing,
        patient,
        hospital.id,
        EncounterInput {
            form: EncounterForm {
                kind: EncounterKind::Outpatient,
                attending: Uuid::nil(),
                department: Some("Medicine".into()),
                reason: Some("Fever and body ache for three days".into()),
                start: None,
                end: None,
                outcome: None,
            },
            attending: Some(doctor_id),
        },
    )
    .await
    .map_err(err)?;
    let vitals = Vitals {
        systolic_mm_hg: Some(118),
        diastolic_mm_hg: Some(76),
        pulse_per_min: Some(104),
        temperature_c: Some(38.6),
        spo2_percent: Some(97),
        weight_kg: Some(52.0),
        height_cm: Some(154.0),
        ..Default::default()
    };
    records::add_entry(&nursing, visit.id, EntryDetails::Vitals(vitals), None, None)
        .await
        .map_err(err)?;
    let doctoring = as_user(doctor, Role::Doctor)?;
    let table = arogya_infra::icd10::table();
    let dx = DiagnosisForm {
        code: "A90".into(),
        certainty: Certainty::Provisional,
        rank: DiagnosisRank::Primary,
        note: Some("Awaiting NS1 antigen".into()),
    }
    .validate(table)?;
    records::add_entry(
        &doctoring,
        visit.id,
        EntryDetails::Diagnosis(dx),
        None,
        None,
    )
    .await
    .map_err(err)?;
    let rx = prescription::validate(
        &[ItemForm {
            drug_name: "Paracetamol".into(),
            strength: Some("500 mg".into()),
            dose: "1 tablet".into(),
            frequency: "1-1-1".into(),
            duration_days: Some(5),
            instructions: Some("After food; not more than 4 tablets a day".into()),
            ..Default::default()
        }],
        Some("Drink plenty of fluids; come back at once if there is bleeding or vomiting"),
        Some(today() + chrono::Days::new(3)),
        today(),
    )?;
    records::add_entry(
        &doctoring,
        visit.id,
        EntryDetails::Prescription(rx),
        None,
        None,
    )
    .await
    .map_err(err)?;
    let order = lab::order(
        &[
            ("Dengue NS1 antigen".into(), None),
            ("Platelet count".into(), Some("777-3".into())),
        ],
        Priority::Urgent,
        Specimen::Blood,
        Some("Suspected dengue"),
    )?;
    records::add_entry(
        &doctoring,
        visit.id,
        EntryDetails::LabOrder(order),
        None,
        None,
    )
    .await
    .map_err(err)?;
    Ok(crate::demo_inpatient::Hospital {
        facility,
        doctor: doctor_id,
        doctor_user: doctor,
    })
}
