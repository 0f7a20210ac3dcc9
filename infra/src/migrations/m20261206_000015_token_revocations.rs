//! Token revocations: when a session ends (logout, a reused refresh token), an account
//! is disabled, loses a role or changes its password, or a tenant is suspended, the
//! access tokens already handed out must stop working at once, on every instance.
//! Each revocation is a row here (kept only as long as an access token can live) and a
//! notification; every instance holds the live ones in memory, so checking a token
//! costs no database round trip. Not tenant data: ids and times only.

use super::create_index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum TokenRevocations {
    Table,
    Id,
    /// `session`, `user` or `tenant`.
    Kind,
    Subject,
    /// Tokens of the subject issued before this instant (Unix ms) are refused.
    NotBeforeMs,
    /// After this instant (Unix ms) no such token can be alive: the row may go.
    ExpiresAtMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TokenRevocations::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(TokenRevocations::Table)
                    .col(uuid(Id).primary_key())
                    .col(string_len(Kind, 10))
                    .col(uuid(Subject))
                    .col(big_integer(NotBeforeMs))
                    .col(big_integer(ExpiresAtMs))
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ix_token_revocations_expiry",
            TokenRevocations::Table,
            &[ExpiresAtMs][..],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(TokenRevocations::Table)
                    .to_owned(),
            )
            .await
    }
}
