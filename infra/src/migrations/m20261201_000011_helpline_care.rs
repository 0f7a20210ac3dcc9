//! Tier-2 care on the helpline: a ticket's teleconsultation encounter, and emergency
//! dispatch records with the facilities the registry suggested. Facilities get a
//! location index, so the nearest are found by a box search.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum HelplineTickets {
    Table,
    TenantId,
    Id,
    /// The teleconsultation encounter recorded from this ticket.
    EncounterId,
}

#[derive(DeriveIden, Clone, Copy)]
enum EmergencyDispatches {
    Table,
    TenantId,
    Id,
    TicketId,
    Description,
    Latitude,
    Longitude,
    /// The facilities suggested when it was dispatched: id, name, type, distance.
    Suggestions,
    /// Where the patient is being taken.
    FacilityId,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    ArrivedAt,
    ClosedAt,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Facilities {
    Table,
    TenantId,
    Latitude,
    Longitude,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                sea_orm_migration::prelude::Table::alter()
                    .table(HelplineTickets::Table)
                    .add_column(uuid_null(HelplineTickets::EncounterId))
                    .to_owned(),
            )
            .await?;
        {
            use EmergencyDispatches::*;
            manager
                .create_table(
                    sea_orm_migration::prelude::Table::create()
                        .table(EmergencyDispatches::Table)
                        .col(uuid(TenantId))
                        .col(uuid(Id))
                        .col(uuid(TicketId))
                        .col(string_len(Description, 500))
                        .col(double(Latitude))
                        .col(double(Longitude))
                        .col(json_binary(Suggestions))
                        .col(uuid_null(FacilityId))
                        .col(string_len(Status, 12))
                        .col(uuid(CreatedBy))
                        .col(timestamp_with_time_zone(CreatedAt))
                        .col(timestamp_with_time_zone(UpdatedAt))
                        .col(timestamp_with_time_zone_null(ArrivedAt))
                        .col(timestamp_with_time_zone_null(ClosedAt))
                        .col(integer(Version))
                        .primary_key(Index::create().col(TenantId).col(Id))
                        .foreign_key(
                            ForeignKey::create()
                                .from(EmergencyDispatches::Table, (TenantId, TicketId))
                                .to(
                                    HelplineTickets::Table,
                                    (HelplineTickets::TenantId, HelplineTickets::Id),
                                ),
                        )
                        .to_owned(),
                )
                .await?;
            for (name, cols) in [
                ("ix_dispatches_ticket", &[TenantId, TicketId, Id][..]),
                ("ix_dispatches_status", &[TenantId, Status, CreatedAt][..]),
            ] {
                create_index(manager, name, EmergencyDispatches::Table, cols, false).await?;
            }
        }
        create_index(
            manager,
            "ix_facilities_location",
            Facilities::Table,
            &[
                Facilities::TenantId,
                Facilities::Latitude,
                Facilities::Longitude,
            ],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "emergency_dispatches").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "dispatch records are never dropped by a migration".into(),
        ))
    }
}
