//! Dispensing: what a facility's pharmacy gave against each line of a prescription
//! (or walked-in, for over-the-counter items), including what it could not give, so
//! shortages are counted. The stock itself moves in the ledger, each row naming its
//! dispense.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SupplyDispenses {
    Table,
    TenantId,
    Id,
    StoreId,
    PatientId,
    PrescriptionId,
    /// The line of the prescription (0-based).
    Line,
    /// The drug as prescribed, or the walk-in's request.
    Prescribed,
    ItemId,
    Quantity,
    /// dispensed, substituted, not_available.
    Outcome,
    Reason,
    WalkInName,
    WitnessBy,
    DispensedAt,
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
enum Patients {
    Table,
    TenantId,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum ClinicalEntries {
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
        use SupplyDispenses::*;
        let user = |c: SupplyDispenses| {
            ForeignKey::create()
                .from(SupplyDispenses::Table, (TenantId, c))
                .to(Users::Table, (Users::TenantId, Users::Id))
                .to_owned()
        };
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(SupplyDispenses::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(uuid(StoreId))
                .col(uuid_null(PatientId))
                .col(uuid_null(PrescriptionId))
                .col(integer_null(Line))
                .col(string_len(Prescribed, 260))
                .col(uuid_null(ItemId))
                .col(big_integer(Quantity).check(Expr::col(Quantity).gte(0)))
                .col(string_len(Outcome, 16))
                .col(text_null(Reason))
                .col(string_len_null(WalkInName, 120))
                .col(uuid_null(WitnessBy))
                .col(timestamp_with_time_zone(DispensedAt))
                .col(uuid(By))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyDispenses::Table, (TenantId, StoreId))
                        .to(
                            SupplyStores::Table,
                            (SupplyStores::TenantId, SupplyStores::Id),
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyDispenses::Table, (TenantId, ItemId))
                        .to(SupplyItems::Table, (SupplyItems::TenantId, SupplyItems::Id)),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyDispenses::Table, (TenantId, PatientId))
                        .to(Patients::Table, (Patients::TenantId, Patients::Id)),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplyDispenses::Table, (TenantId, PrescriptionId))
                        .to(
                            ClinicalEntries::Table,
                            (ClinicalEntries::TenantId, ClinicalEntries::Id),
                        ),
                )
                .foreign_key(&mut user(WitnessBy))
                .foreign_key(&mut user(By))
                .to_owned(),
        )
        .await?;
        create_index(
            m,
            "ix_supply_dispenses_prescription",
            SupplyDispenses::Table,
            &[TenantId, PrescriptionId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_dispenses_patient",
            SupplyDispenses::Table,
            &[TenantId, PatientId][..],
            false,
        )
        .await?;
        create_index(
            m,
            "ix_supply_dispenses_store",
            SupplyDispenses::Table,
            &[TenantId, StoreId, DispensedAt][..],
            false,
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "supply_dispenses").await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "dispensing records are never dropped by a migration".into(),
        ))
    }
}
