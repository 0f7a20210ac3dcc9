//! Medicines and supplies: the catalogue, the stores, batches, each store's stock of
//! each batch and of each item, the append-only ledger, and indents with their issue
//! vouchers. Stock can never go below zero (a CHECK backs up the application), and a
//! ledger row is never changed.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyItems {
    Table,
    TenantId,
    Id,
    Code,
    Name,
    Kind,
    Strength,
    Form,
    PackSize,
    UnitOfIssue,
    Essential,
    Schedule,
    OverTheCounter,
    Active,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyStores {
    Table,
    TenantId,
    Id,
    Name,
    Level,
    ParentId,
    UnitId,
    /// The unit's path, so a district's stores are found by prefix.
    UnitPath,
    FacilityId,
    LookbackDays,
    MinMonths,
    MaxMonths,
    OverstockMonths,
    ExpiryWarnDays,
    ExpiryAlertDays,
    Version,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyBatches {
    Table,
    TenantId,
    Id,
    ItemId,
    BatchNo,
    ExpiresOn,
    ManufacturedOn,
    Manufacturer,
    Supplier,
    UnitPricePaise,
    OnHold,
    QualityStatus,
    Version,
    CreatedAt,
}

/// A store's stock of one item: the sum of its batches, kept with every movement.
/// Its row is what concurrent movements of the item in the store queue on.
#[derive(DeriveIden, Clone, Copy)]
enum SupplyStoreItems {
    Table,
    TenantId,
    StoreId,
    ItemId,
    OnHand,
    /// Per store and item, over the store's settings.
    MinMonths,
    MaxMonths,
    /// When the item last ran out here (cleared when stock comes in).
    OutSince,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyStock {
    Table,
    TenantId,
    StoreId,
    BatchId,
    ItemId,
    Quantity,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyLedger {
    Table,
    TenantId,
    Id,
    StoreId,
    ItemId,
    BatchId,
    Kind,
    Reason,
    /// Signed: in is positive.
    Quantity,
    BatchBalance,
    ItemBalance,
    Note,
    CounterpartStoreId,
    DocumentKind,
    DocumentId,
    At,
    By,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyIndents {
    Table,
    TenantId,
    Id,
    Number,
    FromStoreId,
    ToStoreId,
    Status,
    Note,
    Version,
    CreatedBy,
    CreatedAt,
    DecidedBy,
    DecidedAt,
    IssuedBy,
    IssuedAt,
    ReceivedBy,
    ReceivedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyIndentLines {
    Table,
    TenantId,
    IndentId,
    ItemId,
    Requested,
    /// The requesting store's stock and AMC when it asked.
    StockOnHand,
    Amc,
    Approved,
    Reason,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupplyVoucherLines {
    Table,
    TenantId,
    IndentId,
    BatchId,
    ItemId,
    Quantity,
    Received,
    Damaged,
}

#[derive(DeriveIden, Clone, Copy)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum AdminUnits {
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

fn tenant_fk<T: IntoIden + Copy + 'static>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Tenants::Table, Tenants::Id)
        .to_owned()
}

fn items() -> TableCreateStatement {
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

fn stores() -> TableCreateStatement {
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

fn batches() -> TableCreateStatement {
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

fn store_items() -> TableCreateStatement {
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

fn stock() -> TableCreateStatement {
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

fn ledger() -> TableCreateStatement {
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

fn indents() -> TableCreateStatement {
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

fn indent_lines() -> TableCreateStatement {
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

fn voucher_lines() -> TableCreateStatement {
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
