//! Daily beds summed by district, kept with the facilities' snapshots at each census,
//! so a district's or the state's history reads a few hundred rows, not millions.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum DistrictBedSnapshots {
    Table,
    TenantId,
    DistrictId,
    Day,
    BedType,
    Total,
    Occupied,
    OutOfService,
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
        use DistrictBedSnapshots::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(DistrictBedSnapshots::Table)
                    .col(uuid(TenantId))
                    .col(uuid(DistrictId))
                    .col(date(Day))
                    .col(string_len(BedType, 20))
                    .col(big_integer(Total))
                    .col(big_integer(Occupied))
                    .col(big_integer(OutOfService))
                    .primary_key(
                        Index::create()
                            .col(TenantId)
                            .col(DistrictId)
                            .col(Day)
                            .col(BedType),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DistrictBedSnapshots::Table, (TenantId, DistrictId))
                            .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ix_district_bed_snapshots_day",
            DistrictBedSnapshots::Table,
            &[TenantId, Day][..],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "district_bed_snapshots").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "district snapshots are never dropped by a migration".into(),
        ))
    }
}
