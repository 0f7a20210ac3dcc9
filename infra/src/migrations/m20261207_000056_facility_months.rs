//! Each facility's months by department and measure, kept with the facility's days in
//! the write's transaction: a ranking of a thousand hospitals over eight months reads
//! some fifty rows a hospital instead of several hundred days. Filled from the days
//! already counted.

use super::rls;
use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorFacilityMonths {
    Table,
    TenantId,
    FacilityId,
    Department,
    Month,
    Measure,
    Value,
}

#[derive(DeriveIden)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use IndicatorFacilityMonths::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(IndicatorFacilityMonths::Table)
                .col(uuid(TenantId))
                .col(uuid(FacilityId))
                .col(string_len(Department, 40))
                .col(date(Month))
                .col(string_len(Measure, 40))
                .col(big_integer(Value))
                .primary_key(
                    Index::create()
                        .col(TenantId)
                        .col(FacilityId)
                        .col(Department)
                        .col(Month)
                        .col(Measure),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IndicatorFacilityMonths::Table, (TenantId, FacilityId))
                        .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                )
                .to_owned(),
        )
        .await?;
        let backend = m.get_database_backend();
        let month = match backend {
            DbBackend::Postgres => "CAST(date_trunc('month', day) AS DATE)",
            _ => "date(day, 'start of month')",
        };
        // The owner writes across tenants here (row-level security is not on yet).
        m.get_connection()
            .execute_unprepared(&format!(
                "INSERT INTO indicator_facility_months (tenant_id, facility_id, department, month, measure, value)
                 SELECT tenant_id, facility_id, department, {month}, measure, SUM(value)
                 FROM indicator_facility_days
                 GROUP BY tenant_id, facility_id, department, {month}, measure"
            ))
            .await?;
        if backend == DbBackend::Postgres {
            rls::protect_tenant_table(m, "indicator_facility_months").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table(IndicatorFacilityMonths::Table)
                .to_owned(),
        )
        .await
    }
}
