//! The catalogue, stores, batches, stock and the ledger.

use super::idents::*;
use sea_orm_migration::{prelude::*, schema::*};

fn tenant_fk<T: IntoIden + Copy + 'static>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Tenants::Table, Tenants::Id)
        .to_owned()
}

pub(super) fn items() -> TableCreateStatement {
    use SupplyItems::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyItems::Table)
        .col(uuid(TenantId))
        .col(uuid(Id))
        .col(string_len(Code, 40))
        .col(string_len(Name, 200))
        .col(string_len(Kind, 20))
        .col(string_len_null(Strength, 60))
        .col(string_len_null(Form, 20))
        .col(integer(PackSize))
        .col(string_len(UnitOfIssue, 30))
        .col(boolean(Essential))
        .col(string_len(Schedule, 4))
        .col(boolean(OverTheCounter))
        .col(boolean(Active).default(true))
        .col(integer(Version).default(1))
        .col(timestamp_with_time_zone(CreatedAt))
        .primary_key(Index::create().col(TenantId).col(Id))
        .foreign_key(&mut tenant_fk(SupplyItems::Table, TenantId))
        .to_owned()
}

pub(super) fn stores() -> TableCreateStatement {
    use SupplyStores::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyStores::Table)
        .col(uuid(TenantId))
        .col(uuid(Id))
        .col(string_len(Name, 120))
        .col(string_len(Level, 10))
        .col(uuid_null(ParentId))
        .col(uuid(UnitId))
        .col(string_len(UnitPath, 1000))
        .col(uuid_null(FacilityId))
        .col(integer(LookbackDays))
        .col(double(MinMonths))
        .col(double(MaxMonths))
        .col(double(OverstockMonths))
        .col(integer(ExpiryWarnDays))
        .col(integer(ExpiryAlertDays))
        .col(integer(Version).default(1))
        .col(timestamp_with_time_zone(CreatedAt))
        .primary_key(Index::create().col(TenantId).col(Id))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStores::Table, (TenantId, ParentId))
                .to(SupplyStores::Table, (TenantId, Id)),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStores::Table, (TenantId, UnitId))
                .to(AdminUnits::Table, (AdminUnits::TenantId, AdminUnits::Id)),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStores::Table, (TenantId, FacilityId))
                .to(Facilities::Table, (Facilities::TenantId, Facilities::Id)),
        )
        .to_owned()
}

pub(super) fn batches() -> TableCreateStatement {
    use SupplyBatches::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyBatches::Table)
        .col(uuid(TenantId))
        .col(uuid(Id))
        .col(uuid(ItemId))
        .col(string_len(BatchNo, 40))
        .col(date(ExpiresOn))
        .col(date_null(ManufacturedOn))
        .col(string_len_null(Manufacturer, 120))
        .col(string_len_null(Supplier, 120))
        .col(big_integer(UnitPricePaise))
        .col(boolean(OnHold).default(false))
        .col(string_len(QualityStatus, 20))
        .col(integer(Version).default(1))
        .col(timestamp_with_time_zone(CreatedAt))
        .primary_key(Index::create().col(TenantId).col(Id))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyBatches::Table, (TenantId, ItemId))
                .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
        )
        .to_owned()
}

pub(super) fn store_items() -> TableCreateStatement {
    use SupplyStoreItems::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyStoreItems::Table)
        .col(uuid(TenantId))
        .col(uuid(StoreId))
        .col(uuid(ItemId))
        .col(big_integer(OnHand).check(Expr::col(OnHand).gte(0)))
        .col(double_null(MinMonths))
        .col(double_null(MaxMonths))
        .col(timestamp_with_time_zone_null(OutSince))
        .col(timestamp_with_time_zone(UpdatedAt))
        .primary_key(Index::create().col(TenantId).col(StoreId).col(ItemId))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStoreItems::Table, (TenantId, StoreId))
                .to(
                    SupplyStores::Table,
                    (SupplyStores::TenantId, SupplyStores::Id),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStoreItems::Table, (TenantId, ItemId))
                .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
        )
        .to_owned()
}

pub(super) fn stock() -> TableCreateStatement {
    use SupplyStock::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyStock::Table)
        .col(uuid(TenantId))
        .col(uuid(StoreId))
        .col(uuid(BatchId))
        .col(uuid(ItemId))
        .col(big_integer(Quantity).check(Expr::col(Quantity).gte(0)))
        .col(timestamp_with_time_zone(UpdatedAt))
        .primary_key(Index::create().col(TenantId).col(StoreId).col(BatchId))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStock::Table, (TenantId, StoreId, ItemId))
                .to(
                    SupplyStoreItems::Table,
                    (
                        SupplyStoreItems::TenantId,
                        SupplyStoreItems::StoreId,
                        SupplyStoreItems::ItemId,
                    ),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyStock::Table, (TenantId, BatchId))
                .to(
                    SupplyBatches::Table,
                    (SupplyBatches::TenantId, SupplyBatches::Id),
                ),
        )
        .to_owned()
}

pub(super) fn ledger() -> TableCreateStatement {
    use SupplyLedger::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyLedger::Table)
        .col(uuid(TenantId))
        .col(uuid(Id))
        .col(uuid(StoreId))
        .col(uuid(ItemId))
        .col(uuid(BatchId))
        .col(string_len(Kind, 20))
        .col(string_len_null(Reason, 20))
        .col(big_integer(Quantity))
        .col(big_integer(BatchBalance).check(Expr::col(BatchBalance).gte(0)))
        .col(big_integer(ItemBalance).check(Expr::col(ItemBalance).gte(0)))
        .col(text_null(Note))
        .col(uuid_null(CounterpartStoreId))
        .col(string_len_null(DocumentKind, 20))
        .col(uuid_null(DocumentId))
        .col(timestamp_with_time_zone(At))
        .col(uuid(By))
        .primary_key(Index::create().col(TenantId).col(Id))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyLedger::Table, (TenantId, StoreId, BatchId))
                .to(
                    SupplyStock::Table,
                    (
                        SupplyStock::TenantId,
                        SupplyStock::StoreId,
                        SupplyStock::BatchId,
                    ),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyLedger::Table, (TenantId, CounterpartStoreId))
                .to(
                    SupplyStores::Table,
                    (SupplyStores::TenantId, SupplyStores::Id),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyLedger::Table, (TenantId, By))
                .to(Users::Table, (Users::TenantId, Users::Id)),
        )
        .to_owned()
}
