//! Demo inpatient care at the demo district hospital: a medicine ward and an ICU with
//! beds, three admitted patients (one critical on a ventilator, one unidentified),
//! attendants, and a family status code waiting in `arogya outbox`.

use crate::app::inpatient::{self, AdmitInput, AttendantInput, FamilyLookup, Inpatient};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::ids::{FacilityId, TenantId, UserId};
use arogya_domain::inpatient::admission::AdmissionForm;
use arogya_domain::inpatient::beds::BedType;
use arogya_domain::inpatient::condition::{
    ConditionCategory, ConditionForm, Consciousness, LifeSupport,
};
use arogya_domain::inpatient::news2::Observations;
use arogya_domain::inpatient::wards::{Department, WardForm};
use arogya_domain::role::{Role, RoleGrant};
use arogya_infra::repos::audit::RequestMeta;
use uuid::Uuid;

/// The demo attendant's phone: the family code goes here (see `arogya outbox`).
pub const ATTENDANT_PHONE: &str = "9830098300";

fn err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

fn labels(prefix: &str, from: u32, to: u32) -> Vec<String> {
    (from..=to).map(|i| format!("{prefix}-{i}")).collect()
}

async fn prescribe(
    state: &AppState,
    tenant: TenantId,
    doctor: UserId,
    encounter: Uuid,
) -> anyhow::Result<()> {
    use crate::app::records::{self, Clinical};
    use arogya_domain::clinical::entry::EntryDetails;
    use arogya_domain::clinical::policy::ClinicalStaff;
    use arogya_domain::clinical::prescription::{self, ItemForm, Route};
    let c = Clinical {
        state,
        staff: ClinicalStaff {
            tenant,
            user: doctor,
            grants: vec![RoleGrant::new(Role::Doctor, None, None)?],
        },
        actor: arogya_domain::audit::Actor::User(doctor.0),
        meta: RequestMeta {
            request_id: Some("seed-demo".into()),
            client_addr: None,
        },
    };
    let item = |drug: &str, strength: &str, dose: &str, frequency: &str| ItemForm {
        drug_name: drug.into(),
        strength: Some(strength.into()),
        dose: dose.into(),
        route: Some(Route::Intravenous),
        frequency: frequency.into(),
        duration_days: Some(5),
        ..Default::default()
    };
    let today = crate::app::professionals::today();
    let rx = prescription::validate(
        &[
            item("Ceftriaxone", "1 g", "1 g", "BD"),
            item("Pantoprazole", "40 mg", "40 mg", "OD"),
            item("Paracetamol", "1 g", "1 g infusion", "SOS"),
        ],
        None,
        None,
        today,
    )?;
    records::add_entry(&c, encounter, EntryDetails::Prescription(rx), None, None)
        .await
        .map_err(err)?;
    Ok(())
}

fn admit<'a>(
    health_id: Option<&'a str>,
    bed: Uuid,
    doctor: Uuid,
    reason: &'a str,
) -> AdmitInput<'a> {
    AdmitInput {
        health_id,
        bed,
        admitting_professional: doctor,
        department: Department::Medicine,
        form: AdmissionForm {
            reason,
            provisional_diagnosis: None,
            admitted_at: None,
            unidentified: None,
        },
        attendants: Vec::new(),
    }
}

pub struct Hospital {
    pub facility: FacilityId,
    /// The doctor's professional id and account.
    pub doctor: Uuid,
    pub doctor_user: UserId,
}

pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    hospital: Hospital,
    nurse: UserId,
    patients: &[(Uuid, String)],
) -> anyhow::Result<()> {
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        client_addr: None,
    };
    // The nurse sets up her hospital's wards in the demo (as its bed manager too).
    let principal = Principal::Staff {
        id: nurse,
        tenant,
        grants: vec![
            RoleGrant::new(Role::Nurse, None, None)?,
            RoleGrant::new(Role::FacilityAdmin, None, Some(hospital.facility))?,
        ],
    };
    let i = Inpatient {
        state,
        principal: &principal,
        meta: meta.clone(),
    };
    let ward = |name, department, floor, phone| WardForm {
        name,
        department,
        floor: Some(floor),
        phone: Some(phone),
    };
    let medicine = i
        .create_ward(
            hospital.facility.0,
            ward("Medicine Ward", Department::Medicine, "1", "03472252211"),
        )
        .await
        .map_err(err)?;
    let icu = i
        .create_ward(
            hospital.facility.0,
            ward("ICU", Department::Icu, "2", "03472252212"),
        )
        .await
        .map_err(err)?;
    let general = i
        .add_beds(medicine.id, BedType::General, &labels("MW", 1, 12))
        .await
        .map_err(err)?;
    i.add_beds(medicine.id, BedType::OxygenSupported, &labels("MO", 1, 4))
        .await
        .map_err(err)?;
    i.add_beds(icu.id, BedType::Icu, &labels("ICU", 1, 4))
        .await
        .map_err(err)?;
    let vents = i
        .add_beds(icu.id, BedType::Ventilator, &labels("V", 1, 2))
        .await
        .map_err(err)?;

    let condition = |category, life_support, consciousness, observations| ConditionForm {
        category,
        life_support,
        consciousness,
        remark: None,
        observations,
    };
    if let Some((_, health_id)) = patients.first() {
        let mut input = admit(
            Some(health_id),
            vents[0].id,
            hospital.doctor,
            "Severe dengue with shock",
        );
        input.form.provisional_diagnosis = Some("Dengue shock syndrome");
        input.form.admitted_at = Some(chrono::Utc::now() - chrono::Duration::days(3));
        input.attendants = vec![AttendantInput {
            name: "Rupa Das".into(),
            relationship: "daughter".into(),
            phone: ATTENDANT_PHONE.into(),
        }];
        let a = i.admit(input).await.map_err(err)?;
        // The doctor's drug chart for the stay: the medication round shows its doses.
        if let Some(encounter) = a.encounter_id {
            prescribe(state, tenant, hospital.doctor_user, encounter).await?;
        }
        let obs = Observations {
            respiratory_rate: 28,
            spo2: 89,
            systolic_bp: 84,
            pulse: 128,
            temperature_c: 38.9,
            diastolic_bp: Some(52),
        };
        i.record_condition(
            a.id,
            condition(
                ConditionCategory::Critical,
                LifeSupport::InvasiveVentilation,
                Consciousness::Pain,
                Some(obs),
            ),
            None,
        )
        .await
        .map_err(err)?;
        // A family member asked: the code waits in `arogya outbox`.
        inpatient::request_family_code(
            state,
            &meta,
            "WB",
            FamilyLookup::HealthId(health_id.clone()),
        )
        .await
        .map_err(err)?;
    }
    if let Some((_, health_id)) = patients.get(1) {
        let mut input = admit(
            Some(health_id),
            general[0].id,
            hospital.doctor,
            "Uncontrolled blood sugar",
        );
        input.form.admitted_at = Some(chrono::Utc::now() - chrono::Duration::days(5));
        let a = i.admit(input).await.map_err(err)?;
        i.record_condition(
            a.id,
            condition(
                ConditionCategory::Mild,
                LifeSupport::None,
                Consciousness::Alert,
                None,
            ),
            None,
        )
        .await
        .map_err(err)?;
    }
    let mut unknown = admit(
        None,
        general[1].id,
        hospital.doctor,
        "Found unconscious after a road accident",
    );
    unknown.department = Department::Emergency;
    unknown.form.admitted_at = Some(chrono::Utc::now() - chrono::Duration::days(1));
    unknown.form.unidentified = Some("Unknown male, about 40, brought by ambulance from NH-12");
    let a = i.admit(unknown).await.map_err(err)?;
    i.record_condition(
        a.id,
        condition(
            ConditionCategory::Moderate,
            LifeSupport::NasalCannula,
            Consciousness::Voice,
            None,
        ),
        None,
    )
    .await
    .map_err(err)?;
    // A week of midnight censuses, so the occupancy chart has a history to show.
    let today = arogya_domain::appointment::ist_date(chrono::Utc::now());
    for back in (1..=7).rev() {
        inpatient::census::take_census(state, tenant, today - chrono::Duration::days(back))
            .await
            .map_err(err)?;
    }
    Ok(())
}
