//! Indexes for two new lookups: a tenant's registrations by time (the dashboards'
//! "patients registered today") and who holds a role in a tenant (the reviewers to
//! e-mail when a hospital application is submitted).

use super::create_index;
use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
enum Patients {
    Table,
    TenantId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoleAssignments {
    Table,
    TenantId,
    Role,
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
        .await?;
        create_index(
            manager,
            "ix_role_assignments_role",
            RoleAssignments::Table,
            &[RoleAssignments::TenantId, RoleAssignments::Role],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_patients_created_at", Patients::Table.into_iden()),
            (
                "ix_role_assignments_role",
                RoleAssignments::Table.into_iden(),
            ),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
