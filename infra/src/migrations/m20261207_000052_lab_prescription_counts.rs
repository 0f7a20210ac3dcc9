//! Lab tests (with their turnaround from the order) and prescriptions join the
//! indicator roll-ups: the results and prescriptions written before this migration are
//! counted once, tenant by tenant, by the same rules as the live writes. No table
//! changes: the roll-ups keep any measure.

use crate::repos::indicators::backfill_measures;
use sea_orm::{DbBackend, Statement};
use sea_orm_migration::prelude::*;
use uuid::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

const MEASURES: [&str; 4] = [
    "lab_tests",
    "lab_timed",
    "lab_turnaround_minutes",
    "prescriptions",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let backend = m.get_database_backend();
        let db = m.get_connection();
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
            backfill_measures(db, backend, tenant, Some(&MEASURES)).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let backend = m.get_database_backend();
        for table in ["indicator_facility_days", "indicator_unit_months"] {
            m.get_connection()
                .execute_raw(Statement::from_string(
                    backend,
                    format!("DELETE FROM {table} WHERE measure IN ('lab_tests', 'lab_timed', 'lab_turnaround_minutes', 'prescriptions')"),
                ))
                .await?;
        }
        Ok(())
    }
}
