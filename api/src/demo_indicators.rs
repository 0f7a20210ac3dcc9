//! Demo indicators: six months of outpatient visits at the demo hospital and the
//! facilities of the EMR roll-out demo (Nadia and Murshidabad), in five departments,
//! and stays at the hospital ended over those months, some by death or referral. They
//! are written through the same repositories as live records, so the roll-ups count
//! them as they would any visit or stay.

use crate::state::AppState;
use arogya_domain::clinical::encounter::{EncounterDetails, EncounterKind, EncounterOutcome};
use arogya_domain::clinical::entry::{EntryDetails, EntryKind, EntryStatus};
use arogya_domain::ids::{FacilityId, TenantId, UserId};
use arogya_domain::inpatient::admission::{AdmissionFacts, Discharge, DischargeOutcome};
use arogya_domain::inpatient::wards::Department;
use arogya_infra::db::Access;
use arogya_infra::repos::clinical::{self, Author, NewEntry};
use arogya_infra::repos::inpatient::{admissions, wards};
use arogya_infra::repos::professionals;
use chrono::{Datelike, Duration, Months, TimeZone, Utc};
use uuid::Uuid;

const DEPARTMENTS: [&str; 5] = [
    "Medicine",
    "Paediatrics",
    "Surgery",
    "Obstetrics",
    "Orthopaedics",
];

/// A small deterministic sequence, so every demo shows the same numbers.
struct Steps(u64);

impl Steps {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    hospital: FacilityId,
    others: &[Uuid],
    doctor: UserId,
    patients: &[Uuid],
) -> anyhow::Result<()> {
    if patients.is_empty() {
        return Ok(());
    }
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let Some(professional) = professionals::find_by_user(&tx, doctor.0).await? else {
        return Ok(());
    };
    let author = Author {
        user: doctor.0,
        professional: professional.id,
    };
    let ward = wards::wards_of(&tx, hospital.0).await?.into_iter().next();
    let bed = match &ward {
        Some(w) => wards::beds_of_wards(&tx, &[w.id]).await?.into_iter().next(),
        None => None,
    };
    let mut steps = Steps(2026);
    let now = Utc::now();
    let facilities: Vec<Uuid> = std::iter::once(hospital.0)
        .chain(others.iter().copied())
        .collect();
    for back in (0..6u32).rev() {
        let month_start = now
            .date_naive()
            .checked_sub_months(Months::new(back))
            .and_then(|d| d.with_day0(0))
            .unwrap_or(now.date_naive());
        let days_in = if back == 0 {
            (now.date_naive() - month_start).num_days().max(1)
        } else {
            28
        };
        for (i, facility) in facilities.iter().enumerate() {
            // The hospital is busiest; numbers grow a little month by month.
            let visits = if i == 0 { 30 } else { 8 + (i as u64 % 3) * 4 } + (5 - back as u64) * 2;
            for v in 0..visits {
                let day = month_start + Duration::days(steps.next(days_in as u64) as i64);
                let start = Utc.from_utc_datetime(&day.and_hms_opt(4, 30, 0).unwrap_or_default())
                    + Duration::minutes(v as i64);
                if start > now {
                    continue;
                }
                let details = EncounterDetails {
                    kind: EncounterKind::Outpatient,
                    attending: professional.id,
                    department: Some(DEPARTMENTS[steps.next(5) as usize].into()),
                    reason: Some("Demo visit".into()),
                    start,
                    end: Some(start + Duration::minutes(15)),
                    outcome: Some(if steps.next(9) == 0 {
                        EncounterOutcome::Referred
                    } else {
                        EncounterOutcome::SentHome
                    }),
                };
                clinical::insert(
                    &tx,
                    NewEntry {
                        patient: patients[steps.next(patients.len() as u64) as usize],
                        encounter: None,
                        kind: EntryKind::Encounter,
                        status: EntryStatus::Finished,
                        facility: *facility,
                        author,
                        occurred_at: start,
                        details: EntryDetails::Encounter(details).to_json(),
                        code: None,
                        order: None,
                    },
                )
                .await?;
            }
        }
        // Stays at the hospital, ended within the month (never today's, never open).
        let (Some(ward), Some(bed)) = (&ward, &bed) else {
            continue;
        };
        if back == 0 {
            continue;
        }
        for s in 0..10u64 {
            let admitted = Utc.from_utc_datetime(
                &(month_start + Duration::days(steps.next(20) as i64))
                    .and_hms_opt(6, 0, 0)
                    .unwrap_or_default(),
            );
            let ended = admitted + Duration::days(1 + steps.next(6) as i64);
            let outcome = match steps.next(12) {
                0 => DischargeOutcome::Died,
                1 => DischargeOutcome::Referred,
                _ => DischargeOutcome::Recovered,
            };
            let department = if s % 3 == 0 {
                Department::Paediatrics
            } else {
                Department::Medicine
            };
            let who = format!("Demo patient {s} of {}", month_start.format("%B %Y"));
            let place = StayPlace {
                facility: hospital.0,
                ward: ward.id,
                bed: bed.id,
                department,
            };
            ended_stay(
                &tx,
                &place,
                (professional.id, doctor.0),
                who,
                (admitted, ended),
                outcome,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Where a demo stay is: a facility's ward and bed, and the ward's department.
pub(crate) struct StayPlace {
    pub facility: Uuid,
    pub ward: Uuid,
    pub bed: Uuid,
    pub department: Department,
}

/// A stay of an unidentified demo patient (`who`), admitted and ended at the given
/// times with `outcome`, written through the same repositories as live stays (so the
/// roll-ups count it). `by`: the admitting professional and their user.
pub(crate) async fn ended_stay(
    tx: &arogya_infra::TenantTx,
    place: &StayPlace,
    by: (Uuid, Uuid),
    who: String,
    (admitted, ended): (chrono::DateTime<Utc>, chrono::DateTime<Utc>),
    outcome: DischargeOutcome,
) -> anyhow::Result<()> {
    let facts = AdmissionFacts {
        reason: "Demo stay".into(),
        provisional_diagnosis: None,
        admitted_at: admitted,
        unidentified: Some(who),
    };
    let a = admissions::insert(
        tx,
        admissions::NewAdmission {
            patient: None,
            facility: place.facility,
            ward: place.ward,
            bed: place.bed,
            encounter: None,
            admitting_professional: by.0,
            department: place.department,
            facts: &facts,
            by: by.1,
        },
    )
    .await?;
    let d = Discharge {
        outcome,
        at: ended,
        time_of_death: (outcome == DischargeOutcome::Died).then_some(ended),
        note: None,
    };
    admissions::discharged(tx, &a, &d).await?;
    Ok(())
}
