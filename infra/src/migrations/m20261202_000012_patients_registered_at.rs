//! An index for counting (and listing) a tenant's registrations by time: the
//! dashboards' "patients registered today".

use super::create_index;
use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
    Table,
    TenantId,
    CreatedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_index(
            manager,
            "ix_patients_created_at",
            Patients::Table,
            &[Patients::TenantId, Patients::CreatedAt],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_patients_created_at")
                    .table(Patients::Table)
                    .to_owned(),
            )
            .await
    }
}
