//! Each store's row for an item keeps the latest expiry among the batches it may
//! issue (in stock, not on hold, released by testing): an item is out of usable stock
//! when that day is gone or there is none. Kept up to date by every movement and every
//! change of a batch's hold or test status, so the stock-out report reads one row per
//! store and item instead of looking through batches.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SupplyStoreItems {
    Table,
    UsableUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            sea_orm_migration::prelude::Table::alter()
                .table(SupplyStoreItems::Table)
                .add_column(date_null(SupplyStoreItems::UsableUntil))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE supply_store_items SET usable_until = (
                   SELECT MAX(b.expires_on) FROM supply_stock s
                   JOIN supply_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
                   WHERE s.tenant_id = supply_store_items.tenant_id AND s.store_id = supply_store_items.store_id
                     AND s.item_id = supply_store_items.item_id AND s.quantity > 0
                     AND b.on_hold = FALSE AND b.quality_status IN ('not_required', 'passed'))",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the usable-until rollup stays once kept".into(),
        ))
    }
}
