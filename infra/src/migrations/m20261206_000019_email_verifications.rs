//! E-mail addresses proved by a code sent to them. A private hospital's applicant must
//! prove theirs before an application can be submitted: the department writes to it.

use super::{create_index, rls};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum EmailVerifications {
    Table,
    TenantId,
    Id,
    UserId,
    Email,
    /// HMAC of the code, bound to this row (see `PiiKeys::otp_hash`).
    CodeHash,
    ExpiresAt,
    AttemptsLeft,
    VerifiedAt,
    CreatedAt,
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
        use EmailVerifications::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(EmailVerifications::Table)
                    .col(uuid(TenantId))
                    .col(uuid(Id))
                    .col(uuid(UserId))
                    .col(string_len(Email, 254))
                    .col(string_len(CodeHash, 64))
                    .col(timestamp_with_time_zone(ExpiresAt))
                    .col(small_integer(AttemptsLeft))
                    .col(timestamp_with_time_zone_null(VerifiedAt))
                    .col(timestamp_with_time_zone(CreatedAt))
                    .primary_key(Index::create().col(TenantId).col(Id))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailVerifications::Table, (TenantId, UserId))
                            .to(Users::Table, (Users::TenantId, Users::Id)),
                    )
                    .to_owned(),
            )
            .await?;
        create_index(
            manager,
            "ix_email_verifications_user",
            EmailVerifications::Table,
            &[TenantId, UserId, CreatedAt][..],
            false,
        )
        .await?;
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            rls::protect_tenant_table(manager, "email_verifications").await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "e-mail verifications are never dropped by a migration".into(),
        ))
    }
}
