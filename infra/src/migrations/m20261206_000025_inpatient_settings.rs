//! When a discharge was entered (to flag deaths entered late), and each tenant's
//! observation rule (how many condition entries a day, by kind of patient).

use super::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Admissions {
    Table,
    DischargeRecordedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum InpatientSettings {
    Table,
    TenantId,
    CriticalCarePerDay,
    CriticalPerDay,
    OthersPerDay,
    DeathEntryHours,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(Admissions::Table)
                    .add_column(timestamp_with_time_zone_null(
                        Admissions::DischargeRecordedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        use InpatientSettings::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(InpatientSettings::Table)
                    .col(uuid(TenantId).primary_key())
                    .col(small_integer(CriticalCarePerDay))
                    .col(small_integer(CriticalPerDay))
                    .col(small_integer(OthersPerDay))
                    .col(small_integer(DeathEntryHours))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InpatientSettings::Table, TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "inpatient_settings").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "inpatient settings are never dropped by a migration".into(),
        ))
    }
}
