//! Health facilities. Each keeps a copy of its unit's path (units never move), so
//! "facilities anywhere under this unit" is one indexed prefix query, and its district
//! for the per-district counts.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
    Name,
    NameKey,
    FacilityType,
    Ownership,
    OwnershipSubtype,
    UnitId,
    UnitPath,
    DistrictId,
    Address,
    Pincode,
    Latitude,
    Longitude,
    Phone,
    Email,
    SystemsOfMedicine,
    Specialities,
    OperationalStatus,
    NationalFacilityId,
    BedsGeneral,
    BedsOxygen,
    BedsIcu,
    BedsHdu,
    BedsVentilator,
    BedsIsolation,
    BedsPaediatric,
    BedsMaternity,
    EmrAdopted,
    EmrAdoptedOn,
    EmrChecklist,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Facilities::*;
        let beds = [
            BedsGeneral,
            BedsOxygen,
            BedsIcu,
            BedsHdu,
            BedsVentilator,
            BedsIsolation,
            BedsPaediatric,
            BedsMaternity,
        ];
        let mut table = sea_orm_migration::prelude::Table::create();
        table
            .table(Facilities::Table)
            .col(uuid(TenantId))
            .col(uuid(Id))
            .col(string_len(Name, 200))
            .col(string_len(NameKey, 200))
            .col(string_len(FacilityType, 40))
            .col(string_len(Ownership, 16))
            .col(string_len_null(OwnershipSubtype, 80))
            .col(uuid(UnitId))
            .col(string_len(UnitPath, 1024))
            .col(uuid_null(DistrictId))
            .col(string_len_null(Address, 500))
            .col(string_len_null(Pincode, 6))
            .col(double_null(Latitude))
            .col(double_null(Longitude))
            .col(string_len_null(Phone, 16))
            .col(string_len_null(Email, 254))
            .col(json_binary(SystemsOfMedicine))
            .col(json_binary(Specialities))
            .col(string_len(OperationalStatus, 20))
            .col(string_len_null(NationalFacilityId, 12));
        for b in beds {
            table.col(integer(b).default(0));
        }
        table
            .col(boolean(EmrAdopted).default(false))
            .col(date_null(EmrAdoptedOn))
            .col(json_binary(EmrChecklist))
            .col(timestamp_with_time_zone(CreatedAt))
            .col(timestamp_with_time_zone(UpdatedAt))
            .col(integer(Version).default(1))
            .primary_key(Index::create().col(TenantId).col(Id))
            .foreign_key(
                ForeignKey::create()
                    .from(Facilities::Table, (TenantId, UnitId))
                    .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
            );
        manager.create_table(table.to_owned()).await?;
        create_index(
            manager,
            "ix_facilities_unit_path",
            Facilities::Table,
            &[TenantId, UnitPath],
            false,
        )
        .await?;
        create_index(
            manager,
            "ix_facilities_district_type",
            Facilities::Table,
            &[TenantId, DistrictId, FacilityType],
            false,
        )
        .await?;
        create_index(
            manager,
            "ix_facilities_type",
            Facilities::Table,
            &[TenantId, FacilityType],
            false,
        )
        .await?;
        create_index(
            manager,
            "ix_facilities_name",
            Facilities::Table,
            &[TenantId, NameKey],
            false,
        )
        .await?;
        create_index(
            manager,
            "ux_facilities_national_id",
            Facilities::Table,
            &[TenantId, NationalFacilityId],
            true,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "facilities").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "registries are never dropped by a migration".into(),
        ))
    }
}
