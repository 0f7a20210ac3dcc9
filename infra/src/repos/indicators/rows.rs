//! The records behind a count: a facility's visits, stays, lab results or prescriptions
//! that contribute to one measure over some days, found by working out each candidate
//! record's contributions with the same rules as the roll-ups (so the rows always add
//! up to the number on screen).

use super::track::{department_of, entry_of, person_of, stay_of, visit_of};
use crate::db::{InfraResult, TenantTx};
use crate::entities::{admission, clinical_entry, patient};
use arogya_domain::dashboards::measures::CountKey;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// One record and what it counts towards the measure.
#[derive(Debug, Clone)]
pub struct RowBehind {
    /// `visit`, `stay`, `lab_result` or `prescription`.
    pub kind: &'static str,
    /// The facility it is counted at (none for what is counted at a unit).
    pub facility: Option<Uuid>,
    pub record: Uuid,
    pub patient: Option<patient::Model>,
    /// An unidentified patient's description (stays only).
    pub unidentified: Option<String>,
    /// What the record is when it is not a patient's (a household's address, a call's
    /// category, a professional's name, a stock-out's message, …).
    pub label: Option<String>,
    pub day: NaiveDate,
    pub department: String,
    pub value: i64,
}

/// Which records count towards which measures.
fn sources(measure: &str) -> (bool, bool, bool) {
    // (visits, stays, lab results and prescriptions)
    match measure {
        "opd_visits" => (true, false, false),
        "referrals_out" => (true, true, false),
        "admissions" | "discharges" | "deaths" | "inpatient_days" => (false, true, false),
        "lab_tests" | "lab_timed" | "lab_turnaround_minutes" | "prescriptions" => {
            (false, false, true)
        }
        _ => (false, false, false),
    }
}

/// The records of `facilities` counting towards `measure` on the days `from`..=`to`
/// (India's calendar), of one department or all, oldest first.
pub async fn rows_behind(
    tx: &TenantTx,
    facilities: &[Uuid],
    measure: &str,
    department: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> InfraResult<Vec<RowBehind>> {
    let tenant = tx.tenant().0;
    // The days in UTC, a day wider on each side (India is 5½ hours ahead).
    let start = Utc.from_utc_datetime(&(from - Duration::days(1)).and_time(NaiveTime::MIN));
    let end = Utc.from_utc_datetime(&(to + Duration::days(2)).and_time(NaiveTime::MIN));
    let (visits, stays, entries) = sources(measure);
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    let mut kinds: Vec<&str> = Vec::new();
    if visits {
        kinds.push("encounter");
    }
    if entries {
        kinds.extend(["lab_result", "prescription"]);
    }
    let records = if kinds.is_empty() {
        Vec::new()
    } else {
        clinical_entry::Entity::find()
            .filter(clinical_entry::Column::TenantId.eq(tenant))
            .filter(clinical_entry::Column::FacilityId.is_in(facilities.iter().copied()))
            .filter(clinical_entry::Column::Kind.is_in(kinds))
            .filter(clinical_entry::Column::OccurredAt.between(start, end))
            .order_by_asc(clinical_entry::Column::OccurredAt)
            .all(tx.conn())
            .await?
    };
    let admissions = if stays {
        admission::Entity::find()
            .filter(admission::Column::TenantId.eq(tenant))
            .filter(admission::Column::FacilityId.is_in(facilities.iter().copied()))
            .filter(
                Condition::any()
                    .add(admission::Column::AdmittedAt.between(start, end))
                    .add(admission::Column::DischargedAt.between(start, end)),
            )
            .order_by_asc(admission::Column::AdmittedAt)
            .all(tx.conn())
            .await?
    } else {
        Vec::new()
    };
    // The visits and orders the entries name, and every patient, in one query each.
    let linked: Vec<Uuid> = records
        .iter()
        .filter(|e| e.kind != "encounter")
        .flat_map(|e| [Some(e.encounter_id), e.order_id])
        .flatten()
        .collect();
    let linked: HashMap<Uuid, clinical_entry::Model> = if linked.is_empty() {
        HashMap::new()
    } else {
        clinical_entry::Entity::find()
            .filter(clinical_entry::Column::TenantId.eq(tenant))
            .filter(clinical_entry::Column::Id.is_in(linked))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect()
    };
    let people: Vec<Uuid> = records
        .iter()
        .map(|e| e.patient_id)
        .chain(admissions.iter().filter_map(|a| a.patient_id))
        .collect();
    let patients: HashMap<Uuid, patient::Model> = if people.is_empty() {
        HashMap::new()
    } else {
        patient::Entity::find()
            .filter(patient::Column::TenantId.eq(tenant))
            .filter(patient::Column::Id.is_in(people))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let keep = |counts: BTreeMap<CountKey, i64>| -> Option<(NaiveDate, String, i64)> {
        counts.into_iter().find_map(|(k, v)| {
            (k.measure == measure
                && k.day >= from
                && k.day <= to
                && department.is_none_or(|d| d == k.department)
                && v != 0)
                .then_some((k.day, k.department, v))
        })
    };
    let mut out = Vec::new();
    for e in &records {
        let p = patients.get(&e.patient_id);
        let counts = if e.kind == "encounter" {
            visit_of(e, person_of(p))
        } else {
            let department = linked
                .get(&e.encounter_id)
                .filter(|v| v.id != e.id)
                .and_then(department_of);
            let ordered = e
                .order_id
                .and_then(|o| linked.get(&o))
                .map(|o| o.occurred_at);
            entry_of(e, person_of(p), department, ordered)
        };
        if let Some((day, department, value)) = keep(counts) {
            out.push(RowBehind {
                kind: if e.kind == "encounter" {
                    "visit"
                } else if e.kind == "lab_result" {
                    "lab_result"
                } else {
                    "prescription"
                },
                facility: Some(e.facility_id),
                record: e.id,
                patient: p.cloned(),
                unidentified: None,
                label: None,
                day,
                department,
                value,
            });
        }
    }
    for a in &admissions {
        let p = a.patient_id.and_then(|id| patients.get(&id));
        if let Some((day, department, value)) = keep(stay_of(a, person_of(p))) {
            out.push(RowBehind {
                kind: "stay",
                facility: Some(a.facility_id),
                record: a.id,
                patient: p.cloned(),
                unidentified: a.unidentified.clone(),
                label: None,
                day,
                department,
                value,
            });
        }
    }
    out.sort_by(|a, b| a.day.cmp(&b.day).then(a.record.cmp(&b.record)));
    Ok(out)
}
