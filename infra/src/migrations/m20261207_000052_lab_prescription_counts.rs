//! Lab tests (with their turnaround from the order) and prescriptions join the
//! indicator roll-ups: the results and prescriptions written before this migration are
//! counted once, tenant by tenant, by the same rules as the live writes. No table
//! changes: the roll-ups keep any measure.

use crate::repos::indicators::backfill_all_tenants;
use sea_orm::Statement;
use sea_orm_migration::prelude::*;

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
        backfill_all_tenants(m.get_connection(), m.get_database_backend(), &MEASURES).await?;
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
