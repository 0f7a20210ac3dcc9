//! Physical stock counts (stock verification): a count sheet per store listing each
//! batch with what the books say, the count entered against it, and the variances
//! posted as adjustments once someone other than the counter approves.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyCounts {
    Table,
    TenantId,
    Id,
    StoreId,
    /// open, submitted, approved, rejected.
    Status,
    Note,
    Version,
    CreatedBy,
    CreatedAt,
    SubmittedBy,
    SubmittedAt,
    DecidedBy,
    DecidedAt,
    DecisionNote,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyCountLines {
    Table,
    TenantId,
    CountId,
    BatchId,
    ItemId,
    /// What the books held when the sheet was drawn up.
    Expected,
    Counted,
    Reason,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyStores {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyBatches {
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SupplyCounts::*;
        let user = |c: SupplyCounts| {
            ForeignKey::create()
                .from(SupplyCounts::Table, (TenantId, c))
                .to(Users::Table, (Users::TenantId, Users::Id))
                .to_owned()
        };
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SupplyCounts::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(StoreId))
                .col(string_len(Status, 12))
                .col(text_null(Note))
                .col(integer(Version).default(1))
                .col(uuid(CreatedBy))
                .col(timestamp_with_time_zone(CreatedAt))
                .col(uuid_null(SubmittedBy))
                .col(timestamp_with_time_zone_null(SubmittedAt))
                .col(uuid_null(DecidedBy))
                .col(timestamp_with_time_zone_null(DecidedAt))
                .col(text_null(DecisionNote))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyCounts::Table, (TenantId, StoreId))
                        .to(
                            SupplyStores::Table,
                            (SupplyStores::TenantId, SupplyStores::Id),
                        ),
                )
                .foreign_key(&mut user(CreatedBy))
                .foreign_key(&mut user(SubmittedBy))
                .foreign_key(&mut user(DecidedBy))
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ix_supply_counts_store",
            SupplyCounts::Table,
            &[TenantId, StoreId, CreatedAt][..],
            false,
        )
        .await?;
        {
            use SupplyCountLines::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyCountLines::Table)
                    .col(uuid(TenantId))
                    .col(uuid(CountId))
                    .col(uuid(BatchId))
                    .col(uuid(ItemId))
                    .col(big_integer(Expected))
                    .col(big_integer_null(Counted).check(Expr::col(Counted).gte(0)))
                    .col(text_null(Reason))
                    .primary_key(Index::create().col(TenantId).col(CountId).col(BatchId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyCountLines::Table, (TenantId, CountId))
                            .to(
                                SupplyCounts::Table,
                                (SupplyCounts::TenantId, SupplyCounts::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyCountLines::Table, (TenantId, BatchId))
                            .to(
                                SupplyBatches::Table,
                                (SupplyBatches::TenantId, SupplyBatches::Id),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
        }
        // One open (or submitted) sheet per store at a time.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_supply_counts_open ON supply_counts (tenant_id, store_id) WHERE status IN ('open', 'submitted')",
            )
            .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            for t in ["supply_counts", "supply_count_lines"] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "stock counts are never dropped by a migration".into(),
        ))
    }
}
