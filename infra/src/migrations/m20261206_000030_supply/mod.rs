//! Medicines and supplies: the catalogue, the stores, batches, each store's stock of
//! each batch and of each item, the append-only ledger, and indents with their issue
//! vouchers. Stock can never go below zero (a CHECK backs up the application), and a
//! ledger row is never changed.

use super::{create_index, rls};
use idents::*;
use indent_tables::{indent_lines, indents, voucher_lines};
use sea_orm_migration::prelude::*;
use stock_tables::{batches, items, ledger, stock, store_items, stores};

mod idents;
mod indent_tables;
mod stock_tables;

pub struct Migration;

// A folder's module is `mod`: the name is given, not derived from the file.
impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000030_supply"
    }
}

const TABLES: [&str; 9] = [
    "supply_items",
    "supply_stores",
    "supply_batches",
    "supply_store_items",
    "supply_stock",
    "supply_ledger",
    "supply_indents",
    "supply_indent_lines",
    "supply_voucher_lines",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            items(),
            stores(),
            batches(),
            store_items(),
            stock(),
            ledger(),
            indents(),
            indent_lines(),
            voucher_lines(),
        ] {
            m.create_table(t).await?;
        }
        use SupplyBatches as B;
        use SupplyIndents as I;
        use SupplyItems as It;
        use SupplyLedger as L;
        use SupplyStock as S;
        use SupplyStores as St;
        create_index(
            m,
            "ux_supply_items_code",
            It::Table,
            &[It::TenantId, It::Code][..],
            true,
        )
        .await?;
        create_index(
            m,
            "ux_supply_stores_name",
            St::Table,
            &[St::TenantId, St::Name][..],
            true,
        )
        .await?;
        create_index(
            m,
            "ix_supply_stores_parent",
            St::Table,
            &[St::TenantId, St::ParentId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_stores_facility",
            St::Table,
            &[St::TenantId, St::FacilityId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_stores_path",
            St::Table,
            &[St::TenantId, St::UnitPath][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ux_supply_batches_number",
            B::Table,
            &[B::TenantId, B::ItemId, B::BatchNo][..],
            true,
        )
        .await?;
        // A store's stock of an item, batch by batch (FEFO reads these).
        create_index(
            m,
            "ix_supply_stock_item",
            S::Table,
            &[S::TenantId, S::StoreId, S::ItemId][..],
            false,
        )
        .await?;
        // A store's ledger of an item over time (AMC, stock cards).
        create_index(
            m,
            "ix_supply_ledger_item",
            L::Table,
            &[L::TenantId, L::StoreId, L::ItemId, L::At][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_ledger_document",
            L::Table,
            &[L::TenantId, L::DocumentId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_indents_from",
            I::Table,
            &[I::TenantId, I::FromStoreId, I::Status][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_indents_to",
            I::Table,
            &[I::TenantId, I::ToStoreId, I::Status][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ux_supply_indents_number",
            I::Table,
            &[I::TenantId, I::Number][..],
            true,
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            for table in TABLES {
                rls::protect_tenant_table(m, table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "stock ledgers are never dropped by a migration".into(),
        ))
    }
}
