//! Procurement against budget: budget heads with a financial year's allocation,
//! purchase orders from a state or district store to a supplier against a head,
//! their lines, and goods received against each line (accepted into a batch, or
//! rejected) with when they came.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyBudgetHeads {
    Table,
    TenantId,
    Id,
    Code,
    Name,
    /// The financial year's first calendar year (2026 for 2026-27).
    FinancialYear,
    AllocationPaise,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyPurchaseOrders {
    Table,
    TenantId,
    Id,
    Number,
    StoreId,
    BudgetHeadId,
    Supplier,
    Status,
    OrderedOn,
    ExpectedOn,
    TotalPaise,
    OverrideReason,
    OverrideBy,
    Version,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyOrderLines {
    Table,
    TenantId,
    OrderId,
    ItemId,
    Quantity,
    UnitPricePaise,
    Accepted,
    Rejected,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyOrderReceipts {
    Table,
    TenantId,
    Id,
    OrderId,
    ItemId,
    BatchId,
    Accepted,
    Rejected,
    Reason,
    ReceivedAt,
    By,
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

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        {
            use SupplyBudgetHeads::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyBudgetHeads::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Code, 40))
                    .col(string_len(Name, 200))
                    .col(integer(FinancialYear))
                    .col(big_integer(AllocationPaise).check(Expr::col(AllocationPaise).gte(0)))
                    .col(integer(Version).default(1))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyBudgetHeads::Table, TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ux_supply_budget_heads_code",
                SupplyBudgetHeads::Table,
                &[TenantId, Code, FinancialYear][..],
                true,
            )
            .await?;
        }
        {
            use SupplyPurchaseOrders::*;
            let user = |c: SupplyPurchaseOrders| {
                ForeignKey::create()
                    .from(SupplyPurchaseOrders::Table, (TenantId, c))
                    .to(Users::Table, (Users::TenantId, Users::Id))
                    .to_owned()
            };
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyPurchaseOrders::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(string_len(Number, 30))
                    .col(uuid(StoreId))
                    .col(uuid(BudgetHeadId))
                    .col(string_len(Supplier, 120))
                    .col(string_len(Status, 16))
                    .col(date(OrderedOn))
                    .col(date(ExpectedOn))
                    .col(big_integer(TotalPaise))
                    .col(text_null(OverrideReason))
                    .col(uuid_null(OverrideBy))
                    .col(integer(Version).default(1))
                    .col(uuid(CreatedBy))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyPurchaseOrders::Table, (TenantId, StoreId))
                            .to(
                                SupplyStores::Table,
                                (SupplyStores::TenantId, SupplyStores::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyPurchaseOrders::Table, (TenantId, BudgetHeadId))
                            .to(
                                SupplyBudgetHeads::Table,
                                (SupplyBudgetHeads::TenantId, SupplyBudgetHeads::Id),
                            ),
                    )
                    .foreign_key(&mut user(OverrideBy))
                    .foreign_key(&mut user(CreatedBy))
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_supply_orders_head",
                SupplyPurchaseOrders::Table,
                &[TenantId, BudgetHeadId, Status][..],
                false,
            )
            .await?;
            create_index(
                m,
                "ix_supply_orders_store",
                SupplyPurchaseOrders::Table,
                &[TenantId, StoreId, CreatedAt][..],
                false,
            )
            .await?;
            create_index(
                m,
                "ux_supply_orders_number",
                SupplyPurchaseOrders::Table,
                &[TenantId, Number][..],
                true,
            )
            .await?;
        }
        {
            use SupplyOrderLines::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyOrderLines::Table)
                    .col(uuid(TenantId))
                    .col(uuid(OrderId))
                    .col(uuid(ItemId))
                    .col(big_integer(Quantity))
                    .col(big_integer(UnitPricePaise))
                    .col(big_integer(Accepted).default(0))
                    .col(big_integer(Rejected).default(0))
                    .primary_key(Index::create().col(TenantId).col(OrderId).col(ItemId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyOrderLines::Table, (TenantId, OrderId))
                            .to(
                                SupplyPurchaseOrders::Table,
                                (SupplyPurchaseOrders::TenantId, SupplyPurchaseOrders::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyOrderLines::Table, (TenantId, ItemId))
                            .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        }
        {
            use SupplyOrderReceipts::*;
            m.create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SupplyOrderReceipts::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(OrderId))
                    .col(uuid(ItemId))
                    .col(uuid_null(BatchId))
                    .col(big_integer(Accepted))
                    .col(big_integer(Rejected))
                    .col(text_null(Reason))
                    .col(timestamp_with_time_zone(ReceivedAt))
                    .col(uuid(By))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyOrderReceipts::Table, (TenantId, OrderId, ItemId))
                            .to(
                                SupplyOrderLines::Table,
                                (
                                    SupplyOrderLines::TenantId,
                                    SupplyOrderLines::OrderId,
                                    SupplyOrderLines::ItemId,
                                ),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyOrderReceipts::Table, (TenantId, BatchId))
                            .to(
                                SupplyBatches::Table,
                                (SupplyBatches::TenantId, SupplyBatches::Id),
                            ),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupplyOrderReceipts::Table, (TenantId, By))
                            .to(Users::Table, (Users::TenantId, Users::Id)),
                    )
                    .to_owned(),
            )
            .await?;
            create_index(
                m,
                "ix_supply_order_receipts_order",
                SupplyOrderReceipts::Table,
                &[TenantId, OrderId][..],
                false,
            )
            .await?;
        }
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            for t in [
                "supply_budget_heads",
                "supply_purchase_orders",
                "supply_order_lines",
                "supply_order_receipts",
            ] {
                rls::protect_tenant_table(m, t).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "purchase records are never dropped by a migration".into(),
        ))
    }
}
