//! The midnight census per ward and day, and the daily bed snapshot per facility and
//! bed type, both counted from bed assignments (kept, so history never changes when
//! beds are later added or closed).

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum WardCensus {
    Table,
    TenantId,
    WardId,
    Day,
    FacilityId,
    Opening,
    Admitted,
    TransferredIn,
    TransferredOut,
    Discharged,
    Died,
    Closing,
    CountedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BedSnapshots {
    Table,
    TenantId,
    FacilityId,
    Day,
    BedType,
    Total,
    Occupied,
    OutOfService,
    CountedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Wards {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        {
            use WardCensus::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(WardCensus::Table)
                        .col(uuid(TenantId))
                        .col(uuid(WardId))
                        .col(date(Day))
                        .col(uuid(FacilityId))
                        .col(integer(Opening))
                        .col(integer(Admitted))
                        .col(integer(TransferredIn))
                        .col(integer(TransferredOut))
                        .col(integer(Discharged))
                        .col(integer(Died))
                        .col(integer(Closing))
                        .col(timestamp_with_time_zone(CountedAt))
                        .primary_key(Index::create().col(TenantId).col(WardId).col(Day))
                        .foreign_key(
                            ForeignKey::create()
                                .from(WardCensus::Table, (TenantId, WardId))
                                .to(Wards::Table, (Wards::TenantId, Wards::Id)),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(WardCensus::Table, (TenantId, FacilityId))
                                .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_ward_census_day",
                WardCensus::Table,
                &[TenantId, Day][..],
                false,
            )
            .await?;
        }
        {
            use BedSnapshots::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(BedSnapshots::Table)
                        .col(uuid(TenantId))
                        .col(uuid(FacilityId))
                        .col(date(Day))
                        .col(string_len(BedType, 20))
                        .col(integer(Total))
                        .col(integer(Occupied))
                        .col(integer(OutOfService))
                        .col(timestamp_with_time_zone(CountedAt))
                        .primary_key(
                            Index::create()
                                .col(TenantId)
                                .col(FacilityId)
                                .col(Day)
                                .col(BedType),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .from(BedSnapshots::Table, (TenantId, FacilityId))
                                .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
                        )
                        .to_owned(),
                )
                .await?;
            create_index(
                manager,
                "ix_bed_snapshots_day",
                BedSnapshots::Table,
                &[TenantId, Day][..],
                false,
            )
            .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "ward_census").await?;
            rls::protect_tenant_table(manager, "bed_snapshots").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "censuses are never dropped by a migration".into(),
        ))
    }
}
