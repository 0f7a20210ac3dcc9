//! Oxygen management: each tenant's oxygen rules, the cylinder types its suppliers
//! fill, each facility's sources, and the daily register. A reading is never changed:
//! a correction is a new version of the same series, and the version it replaces is
//! marked superseded (a partial unique index keeps one current version per series and
//! one current reading per facility and time).

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

// A folder's module is `mod`: the name is given, not derived from the file.
impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000027_oxygen"
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenSettings {
    Table,
    TenantId,
    LiquidFactor,
    Norms,
    WarningHours,
    CriticalHours,
    DeadlineHour,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenCylinderTypes {
    Table,
    TenantId,
    Id,
    Code,
    Name,
    GasLitres,
    LabelCelsius,
    /// Empty for every supplier.
    Supplier,
    Nm3,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenSources {
    Table,
    TenantId,
    Id,
    FacilityId,
    Kind,
    Name,
    Capacity,
    CylinderTypeId,
    StorageNm3,
    OutputNm3PerHour,
    BedsFed,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OxygenEntries {
    Table,
    TenantId,
    Id,
    SeriesId,
    FacilityId,
    Version,
    ReadingAt,
    EnteredAt,
    EnteredBy,
    Late,
    CorrectionReason,
    SupersededAt,
    Readings,
    HeldNm3,
    UsableNm3,
    ReceivedNm3,
    ProducedNm3,
    Estimated,
    PlantFault,
    Patients,
    PatientsFrom,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    TenantId,
    Id,
}

const PARTIAL_UNIQUE: [&str; 3] = [
    // One current version of a reading.
    "CREATE UNIQUE INDEX ux_oxygen_entries_series_current ON oxygen_entries (tenant_id, series_id) WHERE superseded_at IS NULL",
    // One current reading per facility and time; also the series' lookup in time order.
    "CREATE UNIQUE INDEX ux_oxygen_entries_facility_current ON oxygen_entries (tenant_id, facility_id, reading_at) WHERE superseded_at IS NULL",
    // One cylinder type per code and supplier.
    "CREATE UNIQUE INDEX ux_oxygen_cylinder_types_code ON oxygen_cylinder_types (tenant_id, code, supplier)",
];

async fn settings(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenSettings::*;
    manager
        .create_table(
            sea_orm_migration::prelude::Table::create()
                .table(OxygenSettings::Table)
                .col(uuid(TenantId).primary_key())
                .col(string_len(LiquidFactor, 40))
                .col(json(Norms))
                .col(integer(WarningHours))
                .col(integer(CriticalHours))
                .col(small_integer(DeadlineHour))
                .col(integer(Version).default(1))
                .col(timestamp_with_time_zone(UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenSettings::Table, TenantId)
                        .to(Tenants::Table, Tenants::Id),
                )
                .to_owned(),
        )
        .await
}

async fn cylinder_types(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenCylinderTypes::*;
    manager
        .create_table(
            sea_orm_migration::prelude::Table::create()
                .table(OxygenCylinderTypes::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(string_len(Code, 20))
                .col(string_len(Name, 80))
                .col(double(GasLitres))
                .col(double(LabelCelsius))
                .col(string_len(Supplier, 120).default(""))
                .col(double(Nm3))
                .col(integer(Version).default(1))
                .col(timestamp_with_time_zone(CreatedAt))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenCylinderTypes::Table, TenantId)
                        .to(Tenants::Table, Tenants::Id),
                )
                .to_owned(),
        )
        .await
}

async fn sources(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenSources::*;
    manager
        .create_table(
            sea_orm_migration::prelude::Table::create()
                .table(OxygenSources::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(FacilityId))
                .col(string_len(Kind, 20))
                .col(string_len(Name, 80))
                .col(json(Capacity))
                .col(uuid_null(CylinderTypeId))
                .col(double(StorageNm3))
                .col(double(OutputNm3PerHour))
                .col(integer(BedsFed))
                .col(boolean(Active).default(true))
                .col(integer(Version).default(1))
                .col(timestamp_with_time_zone(CreatedAt))
                .col(timestamp_with_time_zone(UpdatedAt))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenSources::Table, (TenantId, FacilityId))
                        .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenSources::Table, (TenantId, CylinderTypeId))
                        .to(
                            OxygenCylinderTypes::Table,
                            (OxygenCylinderTypes::TenantId, OxygenCylinderTypes::Id),
                        ),
                )
                .to_owned(),
        )
        .await?;
    create_index(
        manager,
        "ix_oxygen_sources_facility",
        OxygenSources::Table,
        &[TenantId, FacilityId][..],
        false,
    )
    .await
}

async fn entries(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use OxygenEntries::*;
    manager
        .create_table(
            sea_orm_migration::prelude::Table::create()
                .table(OxygenEntries::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(SeriesId))
                .col(uuid(FacilityId))
                .col(integer(Version))
                .col(timestamp_with_time_zone(ReadingAt))
                .col(timestamp_with_time_zone(EnteredAt))
                .col(uuid(EnteredBy))
                .col(boolean(Late))
                .col(text_null(CorrectionReason))
                .col(timestamp_with_time_zone_null(SupersededAt))
                .col(json(Readings))
                .col(double(HeldNm3))
                .col(double(UsableNm3))
                .col(double(ReceivedNm3))
                .col(double(ProducedNm3))
                .col(boolean(Estimated))
                .col(boolean(PlantFault))
                .col(json_null(Patients))
                .col(string_len(PatientsFrom, 12))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenEntries::Table, (TenantId, FacilityId))
                        .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OxygenEntries::Table, (TenantId, EnteredBy))
                        .to(Users::Table, (Users::TenantId, Users::Id)),
                )
                .to_owned(),
        )
        .await?;
    create_index(
        manager,
        "ux_oxygen_entries_series_version",
        OxygenEntries::Table,
        &[TenantId, SeriesId, Version][..],
        true,
    )
    .await?;
    // The state's "who has not reported today": the latest readings across facilities.
    create_index(
        manager,
        "ix_oxygen_entries_reading",
        OxygenEntries::Table,
        &[TenantId, ReadingAt][..],
        false,
    )
    .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        settings(manager).await?;
        cylinder_types(manager).await?;
        sources(manager).await?;
        entries(manager).await?;
        let conn = manager.get_connection();
        for sql in PARTIAL_UNIQUE {
            conn.execute_unprepared(sql).await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in [
                "oxygen_settings",
                "oxygen_cylinder_types",
                "oxygen_sources",
                "oxygen_entries",
            ] {
                rls::protect_tenant_table(manager, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "oxygen records are never dropped by a migration".into(),
        ))
    }
}
