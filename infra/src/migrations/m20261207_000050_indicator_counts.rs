//! The indicators' roll-ups, kept in the transaction of each clinical write:
//! - per facility and day, by measure, department, age group and sex (the finest
//!   grain: a facility's days, drill-down by age and sex);
//! - per unit and month, by measure and department, for the facility's unit and every
//!   unit over it (a district's or the state's months in a few rows).
//!
//! Records already stored are counted here, tenant by tenant, with the same rules as
//! the live writes (`repos::indicators::backfill`).

use super::{create_index, rls};
use crate::repos::indicators::backfill_all_tenants;
use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

const FIRST_MEASURES: [&str; 6] = [
    "opd_visits",
    "admissions",
    "discharges",
    "deaths",
    "inpatient_days",
    "referrals_out",
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorFacilityDays {
    Table,
    TenantId,
    FacilityId,
    Day,
    Measure,
    Department,
    AgeGroup,
    Sex,
    Value,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicatorUnitMonths {
    Table,
    TenantId,
    UnitId,
    /// The month's first day.
    Month,
    Measure,
    Department,
    Value,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use IndicatorFacilityDays::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(IndicatorFacilityDays::Table)
                    .col(uuid(TenantId))
                    .col(uuid(FacilityId))
                    .col(date(Day))
                    .col(string_len(Measure, 30))
                    .col(string_len(Department, 30))
                    .col(string_len(AgeGroup, 10))
                    .col(string_len(Sex, 10))
                    .col(big_integer(Value))
                    .primary_key(
                        Index::create()
                            .col(TenantId)
                            .col(FacilityId)
                            .col(Day)
                            .col(Measure)
                            .col(Department)
                            .col(AgeGroup)
                            .col(Sex),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(IndicatorFacilityDays::Table, (TenantId, FacilityId))
                            .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            // Every facility's days of a period (rankings, drill-down by facility).
            create_index(
                m,
                "ix_indicator_facility_days_day",
                IndicatorFacilityDays::Table,
                &[TenantId, Day, Measure],
                false,
            )
            .await?;
        }
        {
            use IndicatorUnitMonths::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(IndicatorUnitMonths::Table)
                    .col(uuid(TenantId))
                    .col(uuid(UnitId))
                    .col(date(Month))
                    .col(string_len(Measure, 30))
                    .col(string_len(Department, 30))
                    .col(big_integer(Value))
                    .primary_key(
                        Index::create()
                            .col(TenantId)
                            .col(UnitId)
                            .col(Month)
                            .col(Measure)
                            .col(Department),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(IndicatorUnitMonths::Table, (TenantId, UnitId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        }
        let backend = m.get_database_backend();
        if backend == DbBackend::Postgres {
            for t in ["indicator_facility_days", "indicator_unit_months"] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        // The measures this migration introduced; later ones count theirs in their own
        // migration, so a database upgraded across both counts each record once.
        backfill_all_tenants(m.get_connection(), backend, &FIRST_MEASURES).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            IndicatorUnitMonths::Table.into_iden(),
            IndicatorFacilityDays::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
