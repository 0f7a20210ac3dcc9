//! Counting the records written before the roll-ups existed, once, by the same rules
//! as the live writes. Runs in the migration that creates the roll-ups (the tenant is
//! set for row-level security by the caller).

use super::rollup::{self, Place};
use super::track::{department_of, entry_of, person_of, stay_of, visit_of};
use crate::entities::{admission, clinical_entry, facility, patient};
use arogya_domain::dashboards::measures::CountKey;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// `backfill_measures` for every tenant, each under its own tenant setting (row-level
/// security on PostgreSQL): what a migration that adds measures runs.
pub async fn backfill_all_tenants(
    db: &impl ConnectionTrait,
    backend: DbBackend,
    only: &[&str],
) -> Result<(), DbErr> {
    use sea_orm::Statement;
    let tenants = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id AS tenant_id FROM tenants",
        ))
        .await?;
    for t in tenants {
        let tenant: Uuid = t.try_get("", "tenant_id")?;
        if backend == DbBackend::Postgres {
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                "SELECT set_config('app.tenant_id', $1, true)",
                [tenant.to_string().into()],
            ))
            .await?;
        }
        // Migration 56 fills the facility months from the days counted before it.
        backfill_measures(db, backend, tenant, Some(only), false).await?;
    }
    Ok(())
}

pub async fn backfill(
    db: &impl ConnectionTrait,
    backend: DbBackend,
    tenant: Uuid,
) -> Result<(), DbErr> {
    backfill_measures(db, backend, tenant, None, true).await
}

/// As `backfill`, keeping only the counts of `only` (a migration that adds measures
/// counts the records written before it for those alone), and the facility months
/// too when `facility_months` (a migration before 56 has no such table yet).
pub async fn backfill_measures(
    db: &impl ConnectionTrait,
    _backend: DbBackend,
    tenant: Uuid,
    only: Option<&[&str]>,
    facility_months: bool,
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
            if only.is_none_or(|m| m.contains(&k.measure)) {
                *into.entry(k).or_default() += v;
            }
        }
    };
    let entries = clinical_entry::Entity::find()
        .filter(clinical_entry::Column::TenantId.eq(tenant))
        .filter(clinical_entry::Column::Kind.is_in([
            "encounter",
            "lab_order",
            "lab_result",
            "prescription",
        ]))
        .all(db)
        .await?;
    let by_id: HashMap<Uuid, &clinical_entry::Model> = entries.iter().map(|e| (e.id, e)).collect();
    for e in &entries {
        let who = person_of(patients.get(&e.patient_id));
        match e.kind.as_str() {
            "encounter" => add(e.facility_id, visit_of(e, who)),
            "lab_result" | "prescription" => {
                let department = by_id
                    .get(&e.encounter_id)
                    .filter(|v| v.id != e.id)
                    .and_then(|v| department_of(v));
                let ordered_at = e
                    .order_id
                    .and_then(|o| by_id.get(&o))
                    .map(|o| o.occurred_at);
                add(e.facility_id, entry_of(e, who, department, ordered_at));
            }
            _ => {}
        }
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
        rollup::apply_with(db, tenant, &place, &diffs, facility_months).await?;
    }
    Ok(())
}
