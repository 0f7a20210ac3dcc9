//! Supply alerts: stock-out, stock below the minimum, and batches expiring within a
//! store's warning and alert bands. One open alert per store, item (batch) and kind;
//! it closes by itself when the condition clears.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyAlerts {
    Table,
    TenantId,
    Id,
    StoreId,
    ItemId,
    BatchId,
    /// stock_out, below_minimum, expiring_soon, expiring.
    Kind,
    /// Kind, item and batch: what makes an alert the same alert.
    Key,
    Message,
    RaisedAt,
    ResolvedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyStores {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyItems {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use SupplyAlerts::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SupplyAlerts::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(StoreId))
                .col(uuid(ItemId))
                .col(uuid_null(BatchId))
                .col(string_len(Kind, 20))
                .col(string_len(Key, 120))
                .col(text(Message))
                .col(timestamp_with_time_zone(RaisedAt))
                .col(timestamp_with_time_zone_null(ResolvedAt))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyAlerts::Table, (TenantId, StoreId))
                        .to(
                            SupplyStores::Table,
                            (SupplyStores::TenantId, SupplyStores::Id),
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyAlerts::Table, (TenantId, ItemId))
                        .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
                )
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ix_supply_alerts_store",
            SupplyAlerts::Table,
            &[TenantId, StoreId, RaisedAt][..],
            false,
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_supply_alerts_open ON supply_alerts (tenant_id, store_id, key) WHERE resolved_at IS NULL",
            )
            .await?;
        // The maintenance task re-checks the stores whose stock moved lately.
        m.get_connection()
            .execute_unprepared("CREATE INDEX ix_supply_store_items_updated ON supply_store_items (tenant_id, updated_at)")
            .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "supply_alerts").await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "alerts are never dropped by a migration".into(),
        ))
    }
}
