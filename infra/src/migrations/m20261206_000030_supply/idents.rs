//! The tables' and columns' names.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum SupplyItems {
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
pub(super) enum SupplyStores {
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
pub(super) enum SupplyBatches {
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
pub(super) enum SupplyStoreItems {
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
pub(super) enum SupplyStock {
    Table,
    TenantId,
    StoreId,
    BatchId,
    ItemId,
    Quantity,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum SupplyLedger {
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
pub(super) enum SupplyIndents {
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
pub(super) enum SupplyIndentLines {
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
pub(super) enum SupplyVoucherLines {
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
pub(super) enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Facilities {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum AdminUnits {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
pub(super) enum Users {
    Table,
    TenantId,
    Id,
}
