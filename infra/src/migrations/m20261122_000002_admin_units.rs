//! Administrative units: a tree per tenant, stored with a materialised path so that a
//! unit's whole subtree is one indexed prefix query.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
    Table,
    TenantId,
    Id,
    ParentId,
    Kind,
    Name,
    LgdCode,
    Path,
    Depth,
    CreatedAt,
    UpdatedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AdminUnits::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(AdminUnits::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid_null(ParentId))
                    .col(string_len(Kind, 16))
                    .col(string_len(Name, 200))
                    .col(string_len_null(LgdCode, 10))
                    .col(string_len(Path, 1024))
                    .col(integer(Depth))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .col(integer(Version).default(1))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AdminUnits::Table, TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AdminUnits::Table, (TenantId, ParentId))
                            .to(AdminUnits::Table, (TenantId, Id)),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ux_admin_units_lgd",
            AdminUnits::Table,
            &[TenantId, LgdCode],
            true,
        )
        .await?;
        create_index(
            manager,
            "ix_admin_units_path",
            AdminUnits::Table,
            &[TenantId, Path],
            false,
        )
        .await?;
        create_index(
            manager,
            "ix_admin_units_parent",
            AdminUnits::Table,
            &[TenantId, ParentId],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "admin_units").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "registries are never dropped by a migration".into(),
        ))
    }
}
