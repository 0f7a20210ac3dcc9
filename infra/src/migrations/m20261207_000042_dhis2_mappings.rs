//! DHIS2 mappings: which DHIS2 organisation unit a place is, which data element counts a
//! condition's cases (or confirmed cases, or deaths), and which category option
//! combination an age group and sex is. One row per mapped thing (`local_key` names it,
//! unique per kind); the place and condition are foreign keys in the tenant.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Dhis2Mappings {
    Table,
    TenantId,
    Id,
    /// org_unit, data_element or category.
    Kind,
    /// The unit's or condition's id (with the measure), or `age|sex`.
    LocalKey,
    UnitId,
    ConditionId,
    /// cases, confirmed or deaths (data elements).
    Measure,
    AgeGroup,
    Sex,
    Dhis2Id,
    Version,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum NotifiableConditions {
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
        use Dhis2Mappings::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(Dhis2Mappings::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(string_len(Kind, 16))
                .col(string_len(LocalKey, 80))
                .col(uuid_null(UnitId))
                .col(uuid_null(ConditionId))
                .col(string_len_null(Measure, 16))
                .col(string_len_null(AgeGroup, 16))
                .col(string_len_null(Sex, 16))
                .col(string_len(Dhis2Id, 11))
                .col(integer(Version).default(1))
                .col(timestamp_with_time_zone(UpdatedAt))
                .col(uuid_null(UpdatedBy))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(Dhis2Mappings::Table, (TenantId, ConditionId))
                        .to(
                            NotifiableConditions::Table,
                            (NotifiableConditions::TenantId, NotifiableConditions::Id),
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Dhis2Mappings::Table, (TenantId, UnitId))
                        .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                )
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ux_dhis2_mappings_key",
            Dhis2Mappings::Table,
            &[TenantId, Kind, LocalKey],
            true,
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "dhis2_mappings").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            sea_orm_migration::prelude::Table::drop()
                .table(Dhis2Mappings::Table)
                .to_owned(),
        )
        .await
    }
}
