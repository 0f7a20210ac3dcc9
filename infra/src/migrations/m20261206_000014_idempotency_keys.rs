//! Idempotency keys: a mutation sent again with the same `Idempotency-Key` (a double
//! click, a retry after a lost answer) returns the first answer instead of running
//! twice. One row per tenant, user and key, with a digest of the request and, once it
//! has run, the response.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum IdempotencyKeys {
    Table,
    TenantId,
    UserId,
    Key,
    /// SHA-256 (hex) of the request body.
    RequestHash,
    /// `pending` while the first request runs, then `done`.
    Status,
    /// The GraphQL response as JSON text, once done.
    Response,
    CreatedAt,
    CompletedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use IdempotencyKeys::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(TenantId))
                    .col(uuid(UserId))
                    .col(string_len(Key, 100))
                    .col(string_len(RequestHash, 64))
                    .col(string_len(Status, 10))
                    .col(text_null(Response))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .col(timestamp_with_time_zone_null(CompletedAt))
                    .primary_key(Index::create().col(TenantId).col(UserId).col(Key))
                    .foreign_key(
                        ForeignKey::create()
                            .from(IdempotencyKeys::Table, (TenantId, UserId))
                            .to(Users::Table, (Users::TenantId, Users::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        // Expiry sweeps, tenant by tenant.
        create_index(
            manager,
            "ix_idempotency_expiry",
            IdempotencyKeys::Table,
            &[TenantId, CreatedAt][..],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "idempotency_keys").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "idempotency keys are never dropped by a migration".into(),
        ))
    }
}
