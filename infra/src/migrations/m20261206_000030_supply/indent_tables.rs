//! Indents, their lines and issue vouchers.

use super::idents::*;
use sea_orm_migration::{prelude::*, schema::*};

pub(super) fn indents() -> TableCreateStatement {
    use SupplyIndents::*;
    let store = |c: SupplyIndents| {
        ForeignKey::create()
            .from(SupplyIndents::Table, (TenantId, c))
            .to(
                SupplyStores::Table,
                (SupplyStores::TenantId, SupplyStores::Id),
            )
            .to_owned()
    };
    let user = |c: SupplyIndents| {
        ForeignKey::create()
            .from(SupplyIndents::Table, (TenantId, c))
            .to(Users::Table, (Users::TenantId, Users::Id))
            .to_owned()
    };
    sea_orm_migration::prelude::Table::create()
        .table(SupplyIndents::Table)
        .col(uuid(TenantId))
        .col(uuid(Id))
        .col(string_len(Number, 30))
        .col(uuid(FromStoreId))
        .col(uuid(ToStoreId))
        .col(string_len(Status, 12))
        .col(text_null(Note))
        .col(integer(Version).default(1))
        .col(uuid(CreatedBy))
        .col(timestamp_with_time_zone(CreatedAt))
        .col(uuid_null(DecidedBy))
        .col(timestamp_with_time_zone_null(DecidedAt))
        .col(uuid_null(IssuedBy))
        .col(timestamp_with_time_zone_null(IssuedAt))
        .col(uuid_null(ReceivedBy))
        .col(timestamp_with_time_zone_null(ReceivedAt))
        .primary_key(Index::create().col(TenantId).col(Id))
        .foreign_key(&mut store(FromStoreId))
        .foreign_key(&mut store(ToStoreId))
        .foreign_key(&mut user(CreatedBy))
        .foreign_key(&mut user(DecidedBy))
        .foreign_key(&mut user(IssuedBy))
        .foreign_key(&mut user(ReceivedBy))
        .to_owned()
}

pub(super) fn indent_lines() -> TableCreateStatement {
    use SupplyIndentLines::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyIndentLines::Table)
        .col(uuid(TenantId))
        .col(uuid(IndentId))
        .col(uuid(ItemId))
        .col(big_integer(Requested))
        .col(big_integer(StockOnHand))
        .col(double_null(Amc))
        .col(big_integer_null(Approved))
        .col(text_null(Reason))
        .primary_key(Index::create().col(TenantId).col(IndentId).col(ItemId))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyIndentLines::Table, (TenantId, IndentId))
                .to(
                    SupplyIndents::Table,
                    (SupplyIndents::TenantId, SupplyIndents::Id),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyIndentLines::Table, (TenantId, ItemId))
                .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
        )
        .to_owned()
}

pub(super) fn voucher_lines() -> TableCreateStatement {
    use SupplyVoucherLines::*;
    sea_orm_migration::prelude::Table::create()
        .table(SupplyVoucherLines::Table)
        .col(uuid(TenantId))
        .col(uuid(IndentId))
        .col(uuid(BatchId))
        .col(uuid(ItemId))
        .col(big_integer(Quantity))
        .col(big_integer_null(Received))
        .col(big_integer_null(Damaged))
        .primary_key(Index::create().col(TenantId).col(IndentId).col(BatchId))
        .foreign_key(
            ForeignKey::create()
                .from(SupplyVoucherLines::Table, (TenantId, IndentId))
                .to(
                    SupplyIndents::Table,
                    (SupplyIndents::TenantId, SupplyIndents::Id),
                ),
        )
        .foreign_key(
            ForeignKey::create()
                .from(SupplyVoucherLines::Table, (TenantId, BatchId))
                .to(
                    SupplyBatches::Table,
                    (SupplyBatches::TenantId, SupplyBatches::Id),
                ),
        )
        .to_owned()
}
