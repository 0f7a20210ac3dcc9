//! Failed sign-ins, so the login lock holds across restarts and instances. One row per
//! failure and key (an account or a client address, as a SHA-256 digest); rows older
//! than the lock window are purged by the maintenance task. Not tenant data.

use super::create_index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum LoginFailures {
    Table,
    Id,
    Key,
    FailedAtMs,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use LoginFailures::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(LoginFailures::Table)
                    .col(uuid(Id).primary_key())
                    .col(string_len(Key, 64))
                    .col(big_integer(FailedAtMs))
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ix_login_failures_key",
            LoginFailures::Table,
            &[Key, FailedAtMs][..],
            false,
        )
        .await?;
        create_index(
            manager,
            "ix_login_failures_age",
            LoginFailures::Table,
            &[FailedAtMs][..],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                sea_orm_migration::prelude::Table::drop()
                    .table(LoginFailures::Table)
                    .to_owned(),
            )
            .await
    }
}
