//! Helpline agents' presence (available, busy, away) with their tier and languages,
//! for automatic assignment.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum AgentPresence {
    Table,
    TenantId,
    UserId,
    Status,
    Tier,
    /// Comma-separated language codes, e.g. `bn,en`.
    Languages,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AgentPresence::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(AgentPresence::Table)
                    .col(uuid(TenantId))
                    .col(uuid(UserId))
                    .col(string_len(Status, 10))
                    .col(small_integer(Tier))
                    .col(string_len(Languages, 100))
                    .col(timestamp_with_time_zone(UpdatedAt))
                    .primary_key(Index::create().col(TenantId).col(UserId))
                    .to_owned(),
            )
            .await?;
        // Free agents of a tier, longest idle first.
        create_index(
            manager,
            "ix_presence_free",
            AgentPresence::Table,
            &[TenantId, Status, Tier, UpdatedAt][..],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "agent_presence").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "presence is never dropped by a migration".into(),
        ))
    }
}
