//! Preparedness: buffer-stock lists (a monsoon kit, a storm kit, an outbreak kit) with
//! the quantity of each item a facility of each type should hold.

use super::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyKits {
    Table,
    TenantId,
    Id,
    Name,
    Note,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyKitLines {
    Table,
    TenantId,
    KitId,
    FacilityType,
    ItemId,
    Quantity,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyItems {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use SupplyKits::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyKits::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Name, 120))
                    .col(text_null(Note))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyKits::Table, TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
            super::create_index(
                m,
                "ux_supply_kits_name",
                SupplyKits::Table,
                &[TenantId, Name][..],
                true,
            )
            .await?;
        }
        {
            use SupplyKitLines::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyKitLines::Table)
                    .col(uuid(TenantId))
                    .col(uuid(KitId))
                    .col(string_len(FacilityType, 40))
                    .col(uuid(ItemId))
                    .col(big_integer(Quantity).check(Expr::col(Quantity).gt(0)))
                    .primary_key(
                        Index::create()
                            .col(TenantId)
                            .col(KitId)
                            .col(FacilityType)
                            .col(ItemId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyKitLines::Table, (TenantId, KitId))
                            .to(SupplyKits::Table, (SupplyKits::TenantId, SupplyKits::Id)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyKitLines::Table, (TenantId, ItemId))
                            .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        }
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            for t in ["supply_kits", "supply_kit_lines"] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "buffer-stock lists are never dropped by a migration".into(),
        ))
    }
}
