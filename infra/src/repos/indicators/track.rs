//! Keeping the roll-ups current: each write of a visit (an encounter entry), a lab
//! result, a prescription or a stay (an admission) adds the difference between what the record counts now and what it
//! counted before, in the write's own transaction. Called by the repositories that
//! write those records, so no path that writes them can forget it.

use super::rollup::{self, Place};
use crate::db::{InfraResult, TenantTx};
use crate::entities::{admission, clinical_entry, facility, patient};
use arogya_domain::clinical::encounter::EncounterDetails;
use arogya_domain::clinical::entry::EntryStatus;
use arogya_domain::dashboards::measures::{
    difference, entry_counts, stay_counts, visit_counts, CountKey, CountedEntry, EntryFacts,
    Person, StayFacts, VisitFacts,
};
use arogya_domain::inpatient::admission::{AdmissionStatus, DischargeOutcome};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::BTreeMap;
use uuid::Uuid;

pub(super) fn person_of(p: Option<&patient::Model>) -> Person {
    match p {
        Some(p) => Person {
            sex: Some(p.sex.clone()),
            birth_date: Some(p.birth_date),
        },
        None => Person {
            sex: None,
            birth_date: None,
        },
    }
}

/// What an encounter entry counts (nothing for other entries, or details that do not
/// read as an encounter's, which the writer validated).
pub(super) fn visit_of(e: &clinical_entry::Model, person: Person) -> BTreeMap<CountKey, i64> {
    if e.kind != "encounter" {
        return BTreeMap::new();
    }
    let Ok(d) = serde_json::from_value::<EncounterDetails>(e.details.clone()) else {
        tracing::warn!(entry = %e.id, "an encounter's details did not read; not counted");
        return BTreeMap::new();
    };
    let void = [EntryStatus::Cancelled, EntryStatus::EnteredInError]
        .iter()
        .any(|s| s.as_str() == e.status);
    visit_counts(&VisitFacts {
        kind: d.kind,
        void,
        department: d.department,
        start: d.start,
        outcome: d.outcome,
        person,
    })
}

/// What a lab result or a prescription counts (nothing for other entries), under the
/// department of its visit and, for a result, timed from its order.
pub(super) fn entry_of(
    e: &clinical_entry::Model,
    person: Person,
    department: Option<String>,
    ordered_at: Option<chrono::DateTime<chrono::Utc>>,
) -> BTreeMap<CountKey, i64> {
    let kind = match e.kind.as_str() {
        "lab_result" => CountedEntry::LabResult,
        "prescription" => CountedEntry::Prescription,
        _ => return BTreeMap::new(),
    };
    let void = [EntryStatus::Cancelled, EntryStatus::EnteredInError]
        .iter()
        .any(|s| s.as_str() == e.status);
    entry_counts(&EntryFacts {
        kind,
        void,
        department,
        at: e.occurred_at,
        ordered_at,
        person,
    })
}

/// The department of an encounter entry, from its details.
pub(super) fn department_of(encounter: &clinical_entry::Model) -> Option<String> {
    serde_json::from_value::<EncounterDetails>(encounter.details.clone())
        .ok()
        .and_then(|d| d.department)
}

/// What an admission counts.
pub(super) fn stay_of(a: &admission::Model, person: Person) -> BTreeMap<CountKey, i64> {
    let ended = match (
        a.status == AdmissionStatus::Discharged.as_str(),
        a.discharged_at,
    ) {
        (true, Some(at)) => a
            .outcome
            .as_deref()
            .and_then(|o| DischargeOutcome::parse(o).ok())
            .map(|o| (at, o)),
        _ => None,
    };
    stay_counts(&StayFacts {
        department: a.department.clone(),
        admitted_at: a.admitted_at,
        ended,
        person,
    })
}

async fn person(
    db: &impl ConnectionTrait,
    tenant: Uuid,
    id: Option<Uuid>,
) -> Result<Person, DbErr> {
    let Some(id) = id else {
        return Ok(person_of(None));
    };
    let p = patient::Entity::find()
        .filter(patient::Column::TenantId.eq(tenant))
        .filter(patient::Column::Id.eq(id))
        .one(db)
        .await?;
    Ok(person_of(p.as_ref()))
}

async fn apply(tx: &TenantTx, facility_id: Uuid, diffs: Vec<(CountKey, i64)>) -> InfraResult<()> {
    if diffs.is_empty() {
        return Ok(());
    }
    let tenant = tx.tenant().0;
    let unit_path = facility::Entity::find_by_id((tenant, facility_id))
        .one(tx.conn())
        .await?
        .map(|f| f.unit_path)
        .unwrap_or_default();
    let place = Place {
        facility: facility_id,
        unit_path,
    };
    rollup::apply(tx.conn(), tenant, &place, &diffs).await?;
    Ok(())
}

/// An entry was written (`old`: the version it replaced, if any).
pub async fn on_entry(
    tx: &TenantTx,
    old: Option<&clinical_entry::Model>,
    new: &clinical_entry::Model,
) -> InfraResult<()> {
    match new.kind.as_str() {
        "encounter" => {
            let who = person(tx.conn(), tx.tenant().0, Some(new.patient_id)).await?;
            let before = old.map(|o| visit_of(o, who.clone())).unwrap_or_default();
            let after = visit_of(new, who);
            apply(tx, new.facility_id, difference(&before, &after)).await
        }
        "lab_result" | "prescription" => {
            let tenant = tx.tenant().0;
            let who = person(tx.conn(), tenant, Some(new.patient_id)).await?;
            // Its visit and its order (neither changes when the entry is revised).
            let linked: Vec<Uuid> = [
                Some(new.encounter_id).filter(|e| *e != new.id),
                new.order_id,
            ]
            .into_iter()
            .flatten()
            .collect();
            let rows = clinical_entry::Entity::find()
                .filter(clinical_entry::Column::TenantId.eq(tenant))
                .filter(clinical_entry::Column::Id.is_in(linked))
                .all(tx.conn())
                .await?;
            let department = rows
                .iter()
                .find(|r| r.id == new.encounter_id)
                .and_then(department_of);
            let ordered_at = rows
                .iter()
                .find(|r| Some(r.id) == new.order_id)
                .map(|r| r.occurred_at);
            let before = old
                .map(|o| entry_of(o, who.clone(), department.clone(), ordered_at))
                .unwrap_or_default();
            let after = entry_of(new, who, department, ordered_at);
            apply(tx, new.facility_id, difference(&before, &after)).await
        }
        _ => Ok(()),
    }
}

/// An admission was written (`old`: as it stood before, if it existed).
pub async fn on_stay(
    tx: &TenantTx,
    old: Option<&admission::Model>,
    new: &admission::Model,
) -> InfraResult<()> {
    let tenant = tx.tenant().0;
    let who = person(tx.conn(), tenant, new.patient_id).await?;
    let before = match old {
        None => BTreeMap::new(),
        Some(o) if o.patient_id == new.patient_id => stay_of(o, who.clone()),
        // Identifying the patient changes who the stay counts as.
        Some(o) => stay_of(o, person(tx.conn(), tenant, o.patient_id).await?),
    };
    let after = stay_of(new, who);
    apply(tx, new.facility_id, difference(&before, &after)).await
}
