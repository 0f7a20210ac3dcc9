//! Machine clients (OAuth 2.0 `client_credentials`): each acts through an account of
//! its own (`users`, whose role grants are its scopes) and holds an argon2id hash of
//! its secret. Rotating replaces the hash; revoking keeps the row, marked.

use super::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ApiClients {
    Table,
    TenantId,
    /// The client's account (`users.id`), and the id in its `client_id`.
    Id,
    SecretHash,
    /// A tenant administrator's account, or a platform administrator's id.
    CreatedBy,
    CreatedAt,
    RotatedAt,
    RevokedAt,
    Version,
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
        use ApiClients::*;
        m.create_table(
            sea_orm_migration::prelude::Table::create()
                .table(ApiClients::Table)
                .col(uuid(TenantId))
                .col(uuid(Id))
                .col(text(SecretHash))
                .col(uuid(CreatedBy))
                .col(timestamp_with_time_zone(CreatedAt))
                .col(timestamp_with_time_zone_null(RotatedAt))
                .col(timestamp_with_time_zone_null(RevokedAt))
                .col(integer(Version).default(1))
                .primary_key(Index::create().col(TenantId).col(Id))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiClients::Table, (TenantId, Id))
                        .to(Users::Table, (Users::TenantId, Users::Id)),
                )
                .to_owned(),
        )
        .await?;
        if m.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(m, "api_clients").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            sea_orm_migration::prelude::Table::drop()
                .table(ApiClients::Table)
                .to_owned(),
        )
        .await
    }
}
