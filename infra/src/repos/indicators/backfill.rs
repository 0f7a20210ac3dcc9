//! Counting the records written before the roll-ups existed, once, by the same rules
//! as the live writes. Runs in the migration that creates the roll-ups (the tenant is
//! set for row-level security by the caller).

use super::rollup::{self, Place};
use super::track::{person_of, stay_of, visit_of};
use crate::entities::{admission, clinical_entry, facility, patient};
use arogya_domain::dashboards::measures::CountKey;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

pub async fn backfill(
    db: &impl ConnectionTrait,
    _backend: DbBackend,
    tenant: Uuid,
) -> Result<(), DbErr> {
    let facilities: HashMap<Uuid, String> = facility::Entity::find()
        .filter(facility::Column::TenantId.eq(tenant))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f.unit_path))
        .collect();
    let patients: HashMap<Uuid, patient::Model> = patient::Entity::find()
        .filter(patient::Column::TenantId.eq(tenant))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut counts: HashMap<Uuid, BTreeMap<CountKey, i64>> = HashMap::new();
    let mut add = |facility: Uuid, c: BTreeMap<CountKey, i64>| {
        let into = counts.entry(facility).or_default();
        for (k, v) in c {
            *into.entry(k).or_default() += v;
        }
    };
    let encounters = clinical_entry::Entity::find()
        .filter(clinical_entry::Column::TenantId.eq(tenant))
        .filter(clinical_entry::Column::Kind.eq("encounter"))
        .all(db)
        .await?;
    for e in &encounters {
        add(
            e.facility_id,
            visit_of(e, person_of(patients.get(&e.patient_id))),
        );
    }
    let stays = admission::Entity::find()
        .filter(admission::Column::TenantId.eq(tenant))
        .all(db)
        .await?;
    for a in &stays {
        let who = person_of(a.patient_id.and_then(|p| patients.get(&p)));
        add(a.facility_id, stay_of(a, who));
    }
    for (facility, c) in counts {
        let place = Place {
            facility,
            unit_path: facilities.get(&facility).cloned().unwrap_or_default(),
        };
        let diffs: Vec<(CountKey, i64)> = c.into_iter().filter(|(_, v)| *v != 0).collect();
        rollup::apply(db, tenant, &place, &diffs).await?;
    }
    Ok(())
}
